"""Shared set-up of the benchmarks: a CodeBERT-sized model built from config and an ingested index."""

from __future__ import annotations

import statistics
from pathlib import Path

from merlin_cnc.config import Settings
from merlin_cnc.embeddings.synthetic import build_roberta, corpus_from


def codebert_sized(work: Path, data: Path) -> Path:
    """CodeBERT's architecture and size (125 M parameters), random weights, tokenizer trained on ``data``."""
    return build_roberta(work / "codebert-sized", corpus_from(data), "base")


def settings_for(work: Path, model: Path) -> Settings:
    return Settings(home=work / "home", embedding_model=str(model))


def percentiles(samples_s: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples_s)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms (n={len(ms)})"
