"""``merlin compare``, ``merlin ask`` and ``merlin aspects``: the query side of the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .cli_output import print_json, render_answer, render_comparison
from .errors import UserError


class RequestError(UserError):
    """A malformed ``--requests`` line."""


def _engine() -> Any:
    from .compare import Engine
    from .config import get_settings

    return Engine(get_settings())


def _generate(engine: Any, result: dict[str, Any]) -> dict[str, Any]:
    """Apply the configured generator (extractive results pass through unchanged)."""
    from .generation import apply_generator

    return apply_generator(engine, result)


def _parse_request(line: str) -> dict[str, Any]:
    try:
        request = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RequestError(f"not JSON: {exc.msg}") from exc
    if not isinstance(request, dict):
        raise RequestError("expected a JSON object")
    cncs = request.get("cncs")
    if not isinstance(cncs, list) or not cncs or not all(isinstance(c, str) and c.strip() for c in cncs):
        raise RequestError('"cncs" must be a non-empty list of control names')
    aspects = request.get("aspects")
    if aspects is not None and (not isinstance(aspects, list) or not all(isinstance(a, str) for a in aspects)):
        raise RequestError('"aspects" must be a list of aspect keys')
    question = request.get("question")
    if question is not None and not isinstance(question, str):
        raise RequestError('"question" must be a string')
    return {"cncs": cncs, "aspects": aspects or None, "question": question or None}


def cmd_compare(args: argparse.Namespace) -> int:
    if args.requests:
        return _compare_batch(Path(args.requests))
    if not args.cnc:
        raise UserError("name at least one control with --cnc (or give --requests FILE.jsonl)")
    engine = _engine()
    try:
        result = engine.compare(args.cnc, args.aspect or None, args.question, args.lang)
        result = _generate(engine, result)
    finally:
        engine.close()
    if args.json:
        print_json(result)
    else:
        render_comparison(result)
    return 0


def _compare_batch(path: Path) -> int:
    from .compare import UnknownAspect

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    engine = _engine()
    failures = 0
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                request = _parse_request(line)
                result = engine.compare(request["cncs"], request["aspects"], request["question"])
                print_json(_generate(engine, result))
            except (RequestError, UnknownAspect) as exc:
                failures += 1
                print(f"merlin: error: {path}:{number}: {exc}", file=sys.stderr)
                print_json({"error": str(exc), "line": number})
            sys.stdout.flush()
    finally:
        engine.close()
    return 1 if failures else 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .asking import ask
    from .conversation import load_history

    history = load_history(Path(args.history)) if args.history else []
    engine = _engine()
    try:
        result = ask(engine, args.question, history)
        if result.get("comparison"):
            result["comparison"] = _generate(engine, result["comparison"])
            result["answer"] = result["comparison"]["summary"]
    finally:
        engine.close()
    if args.json:
        print_json(result)
    else:
        render_answer(result)
    return 0


def cmd_aspects(args: argparse.Namespace) -> int:
    from .asking import list_aspects

    aspects = list_aspects()
    if args.json:
        print_json(aspects)
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table("Key", "English", "Español", "Kind", "Unit")
    for a in aspects:
        table.add_row(str(a["key"]), str(a["label_en"]), str(a["label_es"]), str(a["kind"]), str(a["unit"] or ""))
    Console().print(table)
    return 0


def add_query_commands(sub: Any) -> None:
    p = sub.add_parser("compare", help="compare controls side by side, every cell cited")
    p.add_argument("--cnc", action="append", help="a control to compare (repeat); any spelling")
    p.add_argument("--aspect", action="append", help="an aspect key (repeat; see `merlin aspects`)")
    p.add_argument("--question", help="a free question instead of (or about) the aspects")
    p.add_argument("--lang", choices=["en", "es"], help="language of answers (default: the question's, else en)")
    p.add_argument("--requests", metavar="FILE.jsonl", help='one {"cncs", "question", "aspects"} per line')
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)
    p = sub.add_parser("ask", help="ask a question; controls are detected in it")
    p.add_argument("question")
    p.add_argument("--history", metavar="FILE", help="prior turns: JSON list or JSON Lines of {role, content}")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("aspects", help="list the built-in comparison aspects")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_aspects)
