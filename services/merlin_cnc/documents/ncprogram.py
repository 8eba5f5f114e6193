"""NC programs: dialect detection and segmentation into subprograms and tool-change block groups."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Block, Locator, ParsedDocument

DIALECTS = ("iso", "siemens", "heidenhain", "rs274ngc")

_SIGNS: dict[str, list[re.Pattern[str]]] = {
    "heidenhain": [
        re.compile(p, re.I | re.M)
        for p in (
            r"^\s*\d*\s*BEGIN PGM",
            r"TOOL CALL",
            r"CYCL DEF",
            r"^\s*\d*\s*END PGM",
            r"PLANE SPATIAL",
            r"\bFN\s*\d+\s*:",
            r"\bLBL\s+\d+",
            r"\bQ\d+\s*=",
            r"^\s*\d+\s+L\s+[XYZ]",
        )
    ],
    "siemens": [
        re.compile(p, re.I | re.M)
        for p in (
            r"\bCYCLE\d{2,3}\s*\(",
            r"\bTRAORI\b",
            r"\bTRAFOOF\b",
            r"\bMSG\s*\(",
            r"\bDEF\s+(REAL|INT)\b",
            r"^\s*PROC\s+\w+",
            r"\bR\d+\s*=",
            r"^\s*;",
            r"\bWORKPIECE\s*\(",
            r"\bT\s*=\s*\"",
        )
    ],
    "rs274ngc": [
        re.compile(p, re.I | re.M)
        for p in (
            r"\bo<[\w-]+>\s*(sub|call|endsub)",
            r"#<[_\w]+>",
            r"^\s*o\d+\s+(sub|call|if|while|do|endsub)\b",
            r"\bendsub\b",
            r"\(\s*(debug|print|msg)\s*,",
        )
    ],
    "iso": [
        re.compile(p, re.I | re.M)
        for p in (
            r"^\s*O\d{1,5}\b",
            r"\bG68\.2\b",
            r"\bG43\.4\b",
            r"#\d+\s*=",
            r"\bM98\s*P",
            r"\bG65\s*P",
            r"^\s*%\s*$",
            r"\bG8[0-9]\b",
            r"\bM30\b",
        )
    ],
}

_EXTENSION_HINT = {".h": "heidenhain", ".i": "heidenhain", ".mpf": "siemens", ".spf": "siemens", ".ngc": "rs274ngc"}


def detect_dialect(text: str, suffix: str = "") -> str:
    """The NC dialect of a program: ``iso`` (FANUC-style), ``siemens``, ``heidenhain`` or ``rs274ngc``."""
    scores = {name: sum(1 for p in patterns if p.search(text)) for name, patterns in _SIGNS.items()}
    hint = _EXTENSION_HINT.get(suffix.lower())
    if hint:
        scores[hint] += 2
    best = max(scores, key=lambda d: (scores[d], d == "iso"))
    return best if scores[best] > 0 else "iso"


_SUBPROGRAM = {
    "iso": re.compile(r"^\s*[O:]\d{1,5}\b", re.I),
    "siemens": re.compile(r"^\s*(N\d+\s+)?PROC\s+\w+", re.I),
    "heidenhain": re.compile(r"^\s*\d*\s*LBL\s+(\d+|\"?\w+\"?)\s*$", re.I),
    "rs274ngc": re.compile(r"^\s*o(<[\w-]+>|\d+)\s+sub\b", re.I),
}
_TOOL_CHANGE = {
    "iso": re.compile(r"\bT\d+\b.*\bM0?6\b|\bM0?6\b.*\bT\d+\b", re.I),
    "siemens": re.compile(r"\bT\s*=\s*\"[^\"]+\"|\bT\d+\b.*\bM0?6\b", re.I),
    "heidenhain": re.compile(r"\bTOOL CALL\b", re.I),
    "rs274ngc": re.compile(r"\bT\d+\b.*\bM0?6\b|\bM0?6\b.*\bT\d+\b", re.I),
}
_COMMENT = re.compile(r"\(([^()]{3,})\)|;\s*(.{3,})$")
_PURE_COMMENT = re.compile(r"^\s*(N\d+\s*)?(\d+\s*)?(\(.*\)|;.*|\*.*)\s*$")
_HEIDENHAIN_NAME = re.compile(r"BEGIN PGM\s+(\S+)", re.I)
_ISO_NAME = re.compile(r"^\s*O(\d{1,5})\s*(\(([^)]*)\))?", re.I | re.M)


def _program_name(text: str, dialect: str, source: str) -> str:
    if dialect == "heidenhain" and (m := _HEIDENHAIN_NAME.search(text)):
        return f"Program {m.group(1)}"
    if dialect == "iso" and (m := _ISO_NAME.search(text)):
        return f"O{m.group(1)}" + (f" ({m.group(3).strip()})" if m.group(3) else "")
    return Path(source).name


def _segment_label(lines: list[str], dialect: str) -> str:
    first = lines[0].strip()
    if _SUBPROGRAM[dialect].match(first) or _TOOL_CHANGE[dialect].search(first):
        return first[:80]
    for line in lines:
        if m := _COMMENT.search(line):
            return (m.group(1) or m.group(2)).strip()[:80]
    return first[:80]


def parse_ncprogram(source: str, text: str) -> ParsedDocument:
    dialect = detect_dialect(text, Path(source).suffix)
    lines = text.splitlines()
    starts = [0]
    for i, line in enumerate(lines):
        if i and (_SUBPROGRAM[dialect].match(line) or _TOOL_CHANGE[dialect].search(line)):
            # Pull the comment lines just above a tool change into its group.
            j = i
            while (
                j - 1 > starts[-1]
                and _PURE_COMMENT.match(lines[j - 1])
                and not _TOOL_CHANGE[dialect].search(lines[j - 1])
            ):
                j -= 1
            if j > starts[-1]:
                starts.append(j)
    starts.append(len(lines))
    name = _program_name(text, dialect, source)
    blocks = []
    pending: int | None = None  # start of a segment with nothing but "%" or blanks: it joins the next
    for begin, end in zip(starts, starts[1:], strict=False):
        if pending is not None:
            begin, pending = pending, None
        segment = lines[begin:end]
        if sum(len(s.strip()) for s in segment) <= 2:
            if end < len(lines):
                pending = begin
            continue
        label = _segment_label([s for s in segment if s.strip()], dialect)
        blocks.append(Block("\n".join(segment).strip("\n"), Locator("lines", begin + 1, end), (name, label), "code"))
    header_comment = next((m.group(1) or m.group(2) for ln in lines[:8] if (m := _COMMENT.search(ln))), None)
    title = name
    if header_comment and header_comment.strip() not in name:
        title = f"{name} — {header_comment.strip()}"
    return ParsedDocument(source, "nc", blocks, title=title, dialect=dialect)
