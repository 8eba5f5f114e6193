"""Pick the encoder's numeric precision from what the CPU does natively, confirmed by calibration.

bf16 is only a candidate where the CPU has native bf16 (AVX-512 BF16 or AMX); dynamic int8 where
it has VNNI/AMX int8. Each candidate must keep embeddings within cosine 0.99 of fp32 on a
calibration batch and be faster than fp32; the fastest such wins. The decision is remembered
under MERLIN_HOME per model, CPU and torch version.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

MIN_COSINE = 0.99
CALIBRATION_TEXTS = [
    "N10 G90 G54 G17 G40 G80 G49\nN20 T1 M06\nN30 G68.2 X0 Y0 Z0 I0 J45 K0\nN40 G53.1",
    'CYCLE800(1,"TC1",200000,57,0,0,0,0,45,0,0,0,0,-1,100,1)\nTRAORI\nG1 X10 Y20 F1000',
    "El tiempo de procesamiento de bloque es de 0,4 ms y la memoria de programa de 2 MB.",
    "The control supports up to 8 axes with 5 simultaneous axes and a look-ahead of 1000 blocks.",
    "TOOL CALL 5 Z S3000\nPLANE SPATIAL SPA+0 SPB+45 SPC+0 TURN MB MAX FMAX\nM128",
    "o100 sub\n  G83 X#<x> Y#<y> Z-12 R2 Q3 F120\no100 endsub\nM30",
] * 2


def cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def candidates(flags: set[str]) -> list[str]:
    out = ["fp32"]
    if flags & {"avx512_bf16", "amx_bf16"}:
        out.append("bf16")
    if flags & {"avx512_vnni", "avx_vnni", "amx_int8"}:
        out.append("int8")
    return out


def _memo_file(home: Path) -> Path:
    return home / "precision.json"


def memo_key(model_name: str, flags: set[str]) -> str:
    import torch

    digest = hashlib.sha256(" ".join(sorted(candidates(flags))).encode()).hexdigest()[:8]
    return f"{model_name}|torch {torch.__version__}|{digest}"


@lru_cache(maxsize=1)
def _cpu_flags_cached() -> frozenset[str]:
    return frozenset(cpu_flags())


def choose_precision(
    model_name: str,
    home: Path,
    embed_with: Callable[[str, list[str]], np.ndarray],
) -> tuple[str, str]:
    """``(precision, reason)`` for ``auto``; ``embed_with(precision, texts)`` runs the encoder."""
    flags = set(_cpu_flags_cached())
    options = candidates(flags)
    if options == ["fp32"]:
        return "fp32", "CPU has neither native bf16 nor VNNI int8"
    key = memo_key(model_name, flags)
    memo_path = _memo_file(home)
    try:
        memo = json.loads(memo_path.read_text())
    except (OSError, ValueError):
        memo = {}
    if key in memo:
        return memo[key]["precision"], memo[key]["reason"] + " (remembered)"
    timings: dict[str, float] = {}
    reference = None
    results = []
    for option in options:
        embed_with(option, CALIBRATION_TEXTS[:2])  # warm-up
        start = time.perf_counter()
        vectors = embed_with(option, CALIBRATION_TEXTS)
        timings[option] = time.perf_counter() - start
        if reference is None:
            reference = vectors
        cosine = float(np.min(np.sum(vectors * reference, axis=1)))
        results.append((option, timings[option], cosine))
    fp32_time = timings["fp32"]
    eligible = [r for r in results if r[2] >= MIN_COSINE and (r[0] == "fp32" or r[1] < fp32_time * 0.9)]
    best = min(eligible, key=lambda r: r[1])
    reason = "calibrated: " + ", ".join(f"{o} {t * 1000:.0f} ms cos {c:.4f}" for o, t, c in results)
    memo[key] = {"precision": best[0], "reason": reason}
    memo_path.parent.mkdir(parents=True, exist_ok=True)
    memo_path.write_text(json.dumps(memo, indent=1))
    return best[0], reason
