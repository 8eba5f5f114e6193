"""Calibrate the "not stated" threshold of free questions (answering.FOUND_SCORE) on a labelled set.

Every cell is answered with no threshold, its best fact's score recorded; then each threshold is
scored as bench/quality.py would (cells right, honest "not stated"), so the one in the code is
chosen on measurements, not guessed. Needs a MERLIN_HOME where the set's documents are ingested
(``bench/quality.py --home DIR`` leaves one).

Usage: MERLIN_HOME=DIR python bench/calibrate.py --questions FILE
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from merlin_cnc import compare
from merlin_cnc.compare import Engine
from merlin_cnc.config import get_settings
from quality import value_right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, required=True)
    args = parser.parse_args()
    questions = [json.loads(ln) for ln in args.questions.read_text(encoding="utf-8").splitlines() if ln.strip()]
    scores: dict[str, float] = {}
    original = compare.answer_free

    def recording(*a, **k):  # type: ignore[no-untyped-def]
        return original(*a, **k, threshold=0.0, scores=scores)

    engine = Engine(get_settings())
    cells = []  # (score, expected found, right when found)
    for q in questions:
        scores.clear()
        compare.answer_free = recording  # type: ignore[attr-defined]
        result = engine.compare(q["cncs"], question=q["question"])
        for cnc, expect in q["expect"].items():
            cell = result["rows"][0]["cells"][cnc]
            score = scores.get(result["resolved"].get(cnc) or "", 0.0) if cell["found"] else 0.0
            right = bool(cell["found"]) and expect["found"] and value_right(expect, cell, q.get("kind", "text"))
            cells.append((score, expect["found"], right))
    engine.close()
    print(f"{len(cells)} cells; threshold -> cells right, honest not stated, found cells answered")
    for tenth in range(10, 80, 4):
        t = tenth / 100
        right = sum(1 for s, found, ok in cells if (ok and s >= t) or (not found and s < t))
        silent = [s < t for s, found, _ in cells if not found]
        answered = [s >= t for s, found, _ in cells if found]
        print(f"  {t:.2f}  {right / len(cells):.3f}  {sum(silent) / max(1, len(silent)):.3f}  "
              f"{sum(answered) / max(1, len(answered)):.3f}")


if __name__ == "__main__":
    main()
