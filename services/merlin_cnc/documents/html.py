"""HTML: headings, paragraphs, list items, preformatted code and tables, located by source line."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .model import Block, Locator, ParsedDocument
from .tablerows import table_blocks

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXT_TAGS = {"p", "li", "pre", "blockquote", "dd", "dt", "figcaption"}


def _line(tag: Tag) -> int:
    return int(tag.sourceline or 1)


def _table(tag: Tag, path: tuple[str, ...]) -> list[Block]:
    rows = tag.find_all("tr")
    if not rows:
        return []
    header = [c.get_text(" ", strip=True) for c in rows[0].find_all(["th", "td"])]
    body = []
    for row in rows[1:]:
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        body.append((cells, Locator("lines", _line(row), _line(row))))
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
