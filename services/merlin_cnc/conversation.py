"""Follow-up questions rewritten into standalone ones before retrieval ("¿y el 840D?")."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .aspects import detect_aspects
from .cnc.registry import Registry
from .errors import UserError
from .mentions import find_mentions

FOLLOW_UP_WORDS = 8


class HistoryError(UserError):
    """A history file that cannot be read as prior turns."""


def load_history(path: Path) -> list[dict[str, str]]:
    """Prior turns from a JSON list or JSON Lines: ``{"role", "content"}`` or ``{"question", "answer"}``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise HistoryError(f"cannot read history file {path}: {exc.strerror or exc}") from exc
    try:
        data: Any = (
            json.loads(text)
            if text.lstrip().startswith("[")
            else [json.loads(line) for line in text.splitlines() if line.strip()]
        )
    except json.JSONDecodeError as exc:
        raise HistoryError(f"history file {path} is not JSON or JSON Lines: {exc}") from exc
    return normalize_history(data)


def normalize_history(data: Any) -> list[dict[str, str]]:
    turns: list[dict[str, str]] = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, str):
            turns.append({"role": "user", "content": item})
        elif isinstance(item, dict) and "question" in item:
            turns.append({"role": "user", "content": str(item["question"])})
            if item.get("answer"):
                turns.append({"role": "assistant", "content": str(item["answer"])})
        elif isinstance(item, dict) and item.get("role") in ("user", "assistant") and "content" in item:
            turns.append({"role": str(item["role"]), "content": str(item["content"])})
        else:
            raise HistoryError(f"unrecognised history turn: {item!r}")
    return turns


_DANGLING = re.compile(r"\s*(?:,|\by\b|\band\b|\be\b|\bvs\.?|\bversus\b|\bor\b|\bo\b)\s*(?=[?.!]|$)", re.I)


def _rewrite(question: str, previous: str, controls: list[str], registry: Registry, language: str) -> str:
    if len(question.split()) > FOLLOW_UP_WORDS:
        return question
    mentioned = find_mentions(question, controls, registry)
    asks_aspect = bool(detect_aspects(question, language))
    earlier = find_mentions(previous, controls, registry)
    if mentioned and not asks_aspect:
        # "¿y el 840D?": the previous question, about the newly named control(s).
        names = " / ".join(m.control for m in mentioned)
        if not earlier:
            return f"{previous.rstrip(' ?')} ({names})?"
        if len(earlier) >= 2:
            # A comparison: the new control joins it.
            last = max(earlier, key=lambda m: m.end)
            joiner = " y " if language == "es" else " and "
            return previous[: last.end] + joiner + names + previous[last.end :]
        first, *others = sorted(earlier, key=lambda m: m.start)
        rewritten = previous
        for m in sorted(others, key=lambda m: -m.start):
            rewritten = rewritten[: m.start] + rewritten[m.end :]
        rewritten = rewritten[: first.start] + names + rewritten[first.end :]
        rewritten = _DANGLING.sub("", " ".join(rewritten.split()))
        return re.sub(r"\s+([?.!])", r"\1", rewritten)
    if asks_aspect and not mentioned and earlier:
        # "¿y la potencia del cabezal?": the new aspect, about the previously named control(s).
        return f"{question.rstrip(' ?')} ({', '.join(m.control for m in earlier)})?"
    return question


def standalone_question(
    question: str, history: list[dict[str, str]], controls: list[str], registry: Registry, language: str
) -> str:
    """``question`` made standalone from the earlier user turns (each made standalone in turn)."""
    previous: str | None = None
    for turn in history:
        if turn["role"] == "user":
            content = turn["content"]
            previous = content if previous is None else _rewrite(content, previous, controls, registry, language)
    return question if previous is None else _rewrite(question, previous, controls, registry, language)
