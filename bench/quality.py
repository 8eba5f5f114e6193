"""Answer quality as a user sees it, measured in one run on a labelled folder (bench/sets/README.md).

Runs ``merlin ingest DOCS --json`` and one ``merlin compare --requests Q.jsonl --json`` in a fresh
MERLIN_HOME (embedded backend, the packaged all-MiniLM-L6-v2 where CodeBERT cannot be loaded), then
scores every cell against its label:
  * cells right: found when stated, with a right value (an accepted form, or the labelled number
    after unit conversion); "not stated" when the documents are silent;
  * citations right: of the cells the documents state, those citing a file that states it;
  * honest "not stated": of the cells the documents do not state, those that say so;
split by question kind and language. ``--aspects none`` / ``--catalog none`` switch the aspect
catalog / the controls catalog off; ``--both`` scores as is and with the aspect catalog off.

Usage: python bench/quality.py --docs DIR --questions FILE [--aspects none] [--catalog none] [--both]
       [--failures] [--json] [--home DIR] [--baseline]
  --failures prints each wrong cell (never use it on a held-out set: its cases must stay unread).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

MERLIN = Path(sys.executable).with_name("merlin")
_SUPERSCRIPTS = str.maketrans({"⁻": "-", "¹": "1", "²": "2", "³": "3", "−": "-", "–": "-", "\u00a0": " ",
                               "\u202f": " "})


def norm(text: str) -> str:
    """Case-, accent- and space-insensitive form for comparing answers."""
    text = unicodedata.normalize("NFKD", text.translate(_SUPERSCRIPTS).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def numbers(text: str) -> list[float]:
    """Every number in ``text``, reading 12.000 / 12,000 / 12 000 as thousands and 0,5 as a decimal."""
    out = []
    for raw in re.findall(r"\d[\d.,  ]*\d|\d", text):
        raw = raw.replace(" ", "").replace(" ", "")
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", raw):
            raw = re.sub(r"[.,]", "", raw)
        elif raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")
        else:
            raw = raw.replace(",", "")
        try:
            out.append(float(raw))
        except ValueError:
            continue
    return out


def _unit_ok(label_unit: str | None, cell: dict) -> bool:
    if not label_unit:
        return True
    stated = norm(f"{cell.get('value') or ''} {cell.get('unit') or ''}")
    return norm(label_unit) in stated or norm(label_unit).replace(" ", "") in stated.replace(" ", "")


def value_right(expect: dict, cell: dict, kind: str) -> bool:
    if kind == "quantity":
        haystack = norm(f"{cell.get('value') or ''} {cell.get('unit') or ''}")
        if not haystack.strip():
            haystack = norm(cell.get("answer") or "") if len(cell.get("answer") or "") <= 80 else ""
    else:
        haystack = norm(f"{cell.get('answer') or ''} {cell.get('value') or ''}")
    if any(norm(a) and norm(a) in haystack for a in expect.get("accept", [])):
        return True
    target = expect.get("value")
    if kind == "quantity" and isinstance(target, int | float):
        normalized = cell.get("normalized") or {}
        candidates = numbers(f"{cell.get('value') or ''}")
        if isinstance(normalized.get("value"), int | float) and normalized.get("unit") == expect.get("unit"):
            candidates.append(float(normalized["value"]))
        return any(abs(c - target) <= 0.01 * max(abs(target), 1e-9) for c in candidates) and _unit_ok(
            expect.get("unit"), cell
        )
    return False


def score(questions: list[dict], results: list[dict]) -> dict:
    tallies: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    failures = []
    for q, result in zip(questions, results, strict=True):
        cells = result["rows"][0]["cells"] if result.get("rows") else {}
        groups = ["all", f"kind:{q.get('kind', 'text')}", f"lang:{q.get('language', 'en')}"]
        for cnc, expect in q["expect"].items():
            cell = cells.get(cnc) or {"found": False, "answer": "", "citations": []}
            if expect["found"]:
                right = bool(cell["found"]) and value_right(expect, cell, q.get("kind", "text"))
                cited = any(c["source"] in expect.get("sources", []) for c in cell.get("citations", []))
                measures = {"cells": right, "citations": cited}
            else:
                right = not cell["found"]
                measures = {"cells": right, "not_stated": right}
            for group in groups:
                for measure, ok in measures.items():
                    tallies[group][measure][0] += int(ok)
                    tallies[group][measure][1] += 1
            if not right:
                failures.append({"id": q.get("id"), "cnc": cnc, "question": q["question"], "expect": expect,
                                 "got": {k: cell.get(k) for k in ("answer", "value", "unit", "found")},
                                 "cited": [c["source"] for c in cell.get("citations", [])],
                                 "resolved": result.get("resolved", {}).get(cnc)})
    table = {g: {m: round(ok / n, 3) if n else None for m, (ok, n) in ms.items()} | {"n": ms["cells"][1]}
             for g, ms in sorted(tallies.items())}
    return {"scores": table, "failures": failures}


def run(docs: Path, questions: list[dict], env_extra: dict[str, str],
        home: Path | None = None) -> tuple[dict, list[dict]]:
    with tempfile.TemporaryDirectory(prefix="merlin-quality-") as scratch:
        tmp = str(home) if home else scratch
        env = {**os.environ, "MERLIN_HOME": tmp, "HF_HUB_OFFLINE": "1", "MERLIN_BACKEND": "embedded", **env_extra}
        ingest = subprocess.run([str(MERLIN), "ingest", str(docs), "--json"], env=env, capture_output=True,
                                text=True, check=False)
        if ingest.returncode != 0:
            raise SystemExit(f"ingest failed: {ingest.stderr.strip()}")
        report = json.loads(ingest.stdout)
        requests = Path(tmp) / "requests.jsonl"
        requests.write_text("".join(json.dumps({"cncs": q["cncs"], "question": q["question"]}) + "\n"
                                    for q in questions), encoding="utf-8")
        compare = subprocess.run([str(MERLIN), "compare", "--requests", str(requests), "--json"], env=env,
                                 capture_output=True, text=True, check=False)
        if compare.returncode != 0:
            raise SystemExit(f"compare failed: {compare.stderr.strip()}")
        results = [json.loads(line) for line in compare.stdout.splitlines() if line.strip()]
        cncs = subprocess.run([str(MERLIN), "cncs", "--json"], env=env, capture_output=True, text=True, check=False)
        report["controls"] = json.loads(cncs.stdout) if cncs.returncode == 0 else []
    return report, results


def _print(label: str, report: dict, scored: dict, questions: list[dict]) -> None:
    requested = {c for q in questions for c in q["cncs"]}
    print(f"== {label}: {len(questions)} questions, {sum(len(q['expect']) for q in questions)} cells; "
          f"files {report['files_ingested']}/{report['files_seen']} ingested, {len(report['files_failed'])} failed; "
          f"{len(report['controls'])} controls found; encoder {report['embedding_model']}")
    print(f"{'group':<16}{'cells':>8}{'citations':>11}{'not stated':>12}{'n':>6}")
    for group, s in scored["scores"].items():
        def fmt(v: float | None) -> str:
            return "-" if v is None else f"{v:.2f}"
        print(f"{group:<16}{fmt(s.get('cells')):>8}{fmt(s.get('citations')):>11}{fmt(s.get('not_stated')):>12}"
              f"{s['n']:>6}")
    unresolved = sum(1 for f in scored["failures"] if f["resolved"] is None)
    print(f"requested names: {len(requested)}; cells whose control did not resolve: {unresolved}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--aspects", choices=["builtin", "none"], default="builtin")
    parser.add_argument("--catalog", choices=["builtin", "none"], default="builtin")
    parser.add_argument("--both", action="store_true", help="score as is and with the aspect catalog off")
    parser.add_argument("--failures", action="store_true", help="print each wrong cell (not on held-out sets)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--home", type=Path, help="reuse this MERLIN_HOME (ingest is incremental)")
    parser.add_argument("--baseline", action="store_true", help="also the naive LangChain RAG (bench/baseline.py)")
    args = parser.parse_args()
    questions = [json.loads(ln) for ln in args.questions.read_text(encoding="utf-8").splitlines() if ln.strip()]
    variants = [args.aspects] if not args.both else ["builtin", "none"]
    out = {}
    for aspects in variants:
        env = {"MERLIN_ASPECTS": aspects, "MERLIN_CATALOG": args.catalog}
        report, results = run(args.docs.resolve(), questions, env, args.home)
        scored = score(questions, results)
        label = f"{args.questions.parent.name} (aspects {aspects}, catalog {args.catalog})"
        out[label] = scored["scores"]
        if args.json:
            continue
        _print(label, report, scored, questions)
        if args.failures:
            for f in scored["failures"]:
                print(json.dumps(f, ensure_ascii=False))
    if args.baseline:
        from baseline import naive_file_hits

        share = naive_file_hits(args.docs.resolve(), questions)
        out["naive LangChain RAG: right file among its 4 passages"] = {"all": {"citations": round(share, 3)}}
        if not args.json:
            print(f"naive LangChain RAG (splitter 1000/100, MiniLM, similarity_search k=4): a right file among "
                  f"its 4 passages for {share:.2f} of the stated cells")
    if args.json:
        print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
