"""DOCX: heading styles build the heading path; tables become one block per row."""

from __future__ import annotations

import io
import zipfile

from .model import Block, Locator, ParsedDocument, ParseError
from .tablerows import table_blocks


def _heading_level(style_name: str) -> int:
    name = style_name.lower()
    if name == "title":
        return 1
    for prefix in ("heading ", "título ", "titulo ", "encabezado "):
        if name.startswith(prefix) and name[len(prefix) :].strip().isdigit():
            return int(name[len(prefix) :])
    return 0


def parse_docx(source: str, data: bytes) -> ParsedDocument:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ParseError(f"not a readable DOCX document: {exc}") from exc
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    title = document.core_properties.title or None
    paragraph_no = table_no = 0
    for item in document.iter_inner_content():
        headings = tuple(h for _, h in path)
        if isinstance(item, Paragraph):
            paragraph_no += 1
            text = item.text.strip()
            if not text:
                continue
            level = _heading_level(item.style.name if item.style is not None else "")
            if level:
                title = title or text
                path[:] = [(lv, h) for lv, h in path if lv < level] + [(level, text)]
            else:
                blocks.append(Block(text, Locator("paragraphs", paragraph_no, paragraph_no), headings))
        elif isinstance(item, Table):
            table_no += 1
            grid = [[cell.text.strip() for cell in row.cells] for row in item.rows]
            if len(grid) < 2:
                continue
            rows = [(r, Locator("row", n, n)) for n, r in enumerate(grid[1:], start=2)]
            blocks.extend(table_blocks(grid[0], rows, headings + (f"Table {table_no}",)))
    if not blocks:
        raise ParseError("DOCX has no text")
    return ParsedDocument(source, "docx", blocks, title=title)
