"""Markdown: YAML front matter, heading path, paragraphs, fenced code and pipe tables."""

from __future__ import annotations

import re

import yaml

from .model import Block, Locator, ParsedDocument
from .tablerows import table_blocks

_ATTRIBUTION_KEYS = {"title", "cnc", "control", "controller", "control_name", "controlador", "vendor"}
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def split_front_matter(text: str) -> tuple[dict[str, object], str, int]:
    """``(metadata, body, lines consumed)``; metadata is empty when there is no valid front matter."""
    if not text.startswith("---"):
        return {}, text, 0
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text, 0
    try:
        meta = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        return {}, text, 0
    if not isinstance(meta, dict):
        return {}, text, 0
    rest = text[end + 4 :]
    body = rest.lstrip("\n")
    consumed = text[: end + 4].count("\n") + (len(rest) - len(body))
    return meta, body, consumed


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse_markdown(source: str, text: str) -> ParsedDocument:
    meta, body, offset = split_front_matter(text)
    lines = body.splitlines()
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    title = str(meta["title"]) if meta.get("title") else None
    para: list[str] = []
    para_start = 0

    def headings() -> tuple[str, ...]:
        return tuple(h for _, h in path)

    def flush(end: int) -> None:
        if para and any(p.strip() for p in para):
            blocks.append(Block("\n".join(para).strip(), Locator("lines", para_start, end), headings()))
        para.clear()

    i = 0
    while i < len(lines):
        line, number = lines[i], i + 1 + offset
        heading = _HEADING.match(line)
        if line.strip().startswith("```"):
            flush(number - 1)
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            code = "\n".join(lines[i + 1 : j])
            if code.strip():
                blocks.append(Block(code, Locator("lines", number, j + 1 + offset), headings(), "code"))
            i = j + 1
            continue
        if heading:
            flush(number - 1)
            level, name = len(heading.group(1)), heading.group(2).strip()
            if title is None and level <= 2:
                title = name
            path[:] = [(lv, h) for lv, h in path if lv < level] + [(level, name)]
            i += 1
            continue
        if _TABLE_ROW.match(line) and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            flush(number - 1)
            header = _cells(line)
            rows = []
            j = i + 2
            while j < len(lines) and _TABLE_ROW.match(lines[j]):
                rows.append((_cells(lines[j]), Locator("lines", j + 1 + offset, j + 1 + offset)))
                j += 1
            blocks.extend(table_blocks(header, rows, headings()))
            i = j
            continue
        if not line.strip():
            flush(number - 1)
        else:
            if not para:
                para_start = number
            para.append(line)
        i += 1
    flush(len(lines) + offset)
    described = front_matter_block(meta, offset)
    return ParsedDocument(source, "md", [described, *blocks] if described else blocks, title=title, metadata=meta)


def front_matter_block(meta: dict[str, object], lines: int) -> Block | None:
    """The front matter's plain fields as ``key: value`` lines: documentation sites keep facts there
    (``title: Inch Units``, ``codes: [G20]``)."""
    out = []
    for key, value in meta.items():
        if key.lower() in _ATTRIBUTION_KEYS:
            continue  # what the document is about: its title and control, not a fact
        if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            value = ", ".join(str(v) for v in value)
        if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
            out.append(f"{key}: {str(value).strip()[:200]}")
    return Block("\n".join(out), Locator("lines", 1, max(1, lines))) if out else None
