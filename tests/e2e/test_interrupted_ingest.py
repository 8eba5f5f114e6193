"""An ingest interrupted between files leaves a consistent index; the next run finishes the job."""

from __future__ import annotations

from pathlib import Path

import pytest

from merlin_cnc.config import Settings
from merlin_cnc.index.embedded import EmbeddedIndex
from merlin_cnc.index.factory import open_current
from merlin_cnc.ingest import ingest
from tests.conftest import DATA, interrupted_ingest


def _snapshot(settings: Settings) -> tuple[set[str], dict[str, int]]:
    index = open_current(settings)
    try:
        ids = [c.chunk_id for c in index.iter_chunks()]
        assert len(ids) == len(set(ids)), "duplicate chunks"
        per_control = {c.name: c.chunks for c in index.controls()}
        return {c.source for c in index.iter_chunks()}, per_control
    finally:
        index.close()


def test_interrupt_then_rerun_equals_a_clean_ingest(tmp_path: Path, tiny_model: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    clean = Settings(home=tmp_path / "clean", embedding_model=str(tiny_model), embedding_precision="fp32")
    ingest(DATA, clean)
    expected_sources, expected_counts = _snapshot(clean)

    interrupted = Settings(home=tmp_path / "interrupted", embedding_model=str(tiny_model),
                           embedding_precision="fp32")
    interrupted_ingest(monkeypatch, EmbeddedIndex, 4, DATA, interrupted)

    # The three files written before the interruption are complete; nothing else is there.
    index = EmbeddedIndex(interrupted.home / "embedded", open_current(clean).identity)
    states = index.file_states(str(DATA.resolve()))
    partial_sources = {c.source for c in index.iter_chunks()}
    index.close()
    assert len(states) == 3
    assert partial_sources <= set(states)

    report = ingest(DATA, interrupted)
    assert report.files_unchanged == 3
    assert report.files_ingested == report.files_seen - 3
    assert _snapshot(interrupted) == (expected_sources, expected_counts)
