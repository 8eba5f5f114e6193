"""Plain text: paragraphs, with headings recognised from underlines, capitals or numbering."""

from __future__ import annotations

import re

from .model import Block, Locator, ParsedDocument

_UNDERLINE = re.compile(r"^\s*(=+|-+|~+)\s*$")
_NUMBERED = re.compile(r"^\s*\d+(\.\d+)*\.?\s+[^\W\d].{0,70}$")


def _is_heading(
    line: str, next_line: str | None, prev_line: str | None = None, following_numbered: bool = False
) -> int:
    """Heading level (1-3) of ``line``, or 0 when it is body text."""
    stripped = line.strip()
    standalone = (next_line is None or not next_line.strip()) and (prev_line is None or not prev_line.strip())
    if not stripped or len(stripped) > 90:
        return 0
    if next_line is not None and _UNDERLINE.match(next_line) and len(next_line.strip()) >= 3:
        return 1 if next_line.strip()[0] == "=" else 2
    letters = [c for c in stripped if c.isalpha()]
    if not standalone:
        return 0
    if len(letters) >= 4 and all(c.isupper() for c in letters) and not stripped.endswith((".", ",")):
        return 2
    if _NUMBERED.match(stripped) and not stripped.endswith((".", ",", ";", ":")) and not following_numbered:
        return 3
    return 0


def parse_plaintext(source: str, text: str) -> ParsedDocument:
    lines = text.splitlines()
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    title: str | None = None
    para: list[str] = []
    start = 0

    def flush(end: int) -> None:
        if para:
            blocks.append(Block("\n".join(para).strip(), Locator("lines", start, end), tuple(h for _, h in path)))
        para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else None
        next_text = next((ln for ln in lines[i + 1 :] if ln.strip()), None)
        numbered_next = next_text is not None and bool(_NUMBERED.match(next_text.strip()))
        level = _is_heading(line, following, lines[i - 1] if i else None, numbered_next)
        if level:
            flush(i)
            name = line.strip()
            if title is None:
                title = name
            path[:] = [(lv, h) for lv, h in path if lv < level] + [(level, name)]
            i += 2 if following is not None and _UNDERLINE.match(following) else 1
            continue
        if not line.strip() or _UNDERLINE.match(line):
            flush(i)
        else:
            if not para:
                start = i + 1
            para.append(line.rstrip())
        i += 1
    flush(len(lines))
    if title is None and blocks:
        title = blocks[0].text.splitlines()[0][:120]
    return ParsedDocument(source, "txt", blocks, title=title)
