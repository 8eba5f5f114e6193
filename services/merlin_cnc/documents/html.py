"""HTML: headings, paragraphs, list items, preformatted code and tables, located by source line."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .model import Block, Locator, ParsedDocument
from .tablerows import table_blocks

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXT_TAGS = {"p", "li", "pre", "blockquote", "dd", "dt", "figcaption"}


def _line(tag: Tag) -> int:
    return int(tag.sourceline or 1)


def _is_header_row(row: Tag, table: Tag) -> bool:
    """A header row is declared (``<thead>``) or made of ``<th>`` cells only. A table whose rows
    each open with a ``<th>`` label and go on with ``<td>`` values has no header row at all."""
    if row.find_parent("thead") is not None:
        return True
    cells = row.find_all(["th", "td"], recursive=False)
    if cells and all(c.name == "th" for c in cells):
        return True
    labelled = [r for r in table.find_all("tr") if (first := r.find(["th", "td"])) is not None and first.name == "th"]
    return not labelled and not table.find("th")


def _table(tag: Tag, path: tuple[str, ...]) -> list[Block]:
    rows = tag.find_all("tr")
    if not rows:
        return []

    def cells(row: Tag) -> list[str]:
        return [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]

    if _is_header_row(rows[0], tag):
        header, body_rows = cells(rows[0]), rows[1:]
    else:
        header, body_rows = [""] * max(len(cells(r)) for r in rows), rows
    body = [(cells(row), Locator("lines", _line(row), _line(row))) for row in body_rows]
    caption = tag.find("caption")
    return table_blocks(header, body, path, caption.get_text(" ", strip=True) if caption else None)


def parse_html(source: str, text: str) -> ParsedDocument:
    soup = BeautifulSoup(text, "html.parser")
    for junk in soup(["script", "style", "nav", "footer", "noscript"]):
        junk.decompose()
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    root = soup.body or soup
    for tag in root.find_all(list(_HEADINGS) + list(_TEXT_TAGS) + ["table"]):
        if tag.find_parent("table") is not None or (tag.name in _TEXT_TAGS and tag.find_parent(_TEXT_TAGS)):
            continue
        headings = tuple(h for _, h in path)
        if tag.name in _HEADINGS:
            level, name = _HEADINGS[tag.name], tag.get_text(" ", strip=True)
            if not name:
                continue
            if title is None or (level == 1 and not any(lv == 1 for lv, _ in path) and not blocks):
                title = name
            path[:] = [(lv, h) for lv, h in path if lv < level] + [(level, name)]
        elif tag.name == "table":
            blocks.extend(_table(tag, headings))
        else:
            content = tag.get_text("\n" if tag.name == "pre" else " ", strip=tag.name != "pre")
            if content.strip():
                end = _line(tag) + content.count("\n")
                kind = "code" if tag.name == "pre" else "prose"
                blocks.append(Block(content.strip(), Locator("lines", _line(tag), end), headings, kind))
    return ParsedDocument(source, "html", blocks, title=title)
