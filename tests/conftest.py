"""Shared fixtures: the sample data folder, a tiny CodeBERT-architecture model, a `merlin` runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> object:
        assert self.returncode == 0, self.stderr
        return json.loads(self.stdout)


MerlinRunner = Callable[..., Run]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A RoBERTa (CodeBERT architecture) with random weights and a tokenizer trained on data/."""
    from merlin_cnc.embeddings.synthetic import build_roberta, corpus_from

    return build_roberta(tmp_path_factory.mktemp("models") / "tiny-roberta", corpus_from(DATA), "tiny")


def merlin_env(home: Path, model: Path | str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MERLIN_")}
    env.update(MERLIN_HOME=str(home), MERLIN_EMBEDDING_MODEL=str(model), HF_HUB_OFFLINE="1")
    env.update(extra)
    return env


@pytest.fixture
def merlin(tmp_path: Path, tiny_model: Path) -> MerlinRunner:
    """Run the real `merlin` console script in a fresh MERLIN_HOME (override env per call)."""
    home = tmp_path / "home"

    def run(*args: str, timeout: float = 600, **env: str) -> Run:
        merged = merlin_env(home, env.pop("model", tiny_model), **env)
        proc = subprocess.run(
            [str(Path(sys.executable).parent / "merlin"), *args],
            capture_output=True,
            text=True,
            env=merged,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that edit or delete files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _runner(home: Path, default_model: Path | str) -> MerlinRunner:
    def run(*args: str, timeout: float = 600, **env: str) -> Run:
        merged = merlin_env(home, env.pop("model", default_model), **env)
        proc = subprocess.run([str(Path(sys.executable).parent / "merlin"), *args], capture_output=True,
                              text=True, env=merged, timeout=timeout, stdin=subprocess.DEVNULL)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory) -> MerlinRunner:
    """`merlin` over data/ ingested once with the packaged MiniLM (the offline fallback of CodeBERT)."""
    run = _runner(tmp_path_factory.mktemp("kb-home"), "microsoft/codebert-base")
    report = run("ingest", str(DATA), "--json").json()
    assert isinstance(report, dict) and not report["files_failed"], report
    return run
