"""PowerPoint (python-pptx): one heading per slide title, text frames and tables, located by slide."""

from __future__ import annotations

import io
import zipfile

from .model import Block, Locator, ParsedDocument, ParseError
from .tablerows import table_blocks


def parse_pptx(source: str, data: bytes) -> ParsedDocument:
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    try:
        deck = Presentation(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ParseError(f"not a readable PowerPoint file: {exc}") from exc
    title = deck.core_properties.title or None
    blocks: list[Block] = []
    for number, slide in enumerate(deck.slides, start=1):
        locator = Locator("slide", number, number)
        heading = slide.shapes.title.text_frame.text.strip() if slide.shapes.title is not None else ""
        title = title or heading or None
        headings = (heading,) if heading else ()
        for shape in slide.shapes:
            if shape == slide.shapes.title:
                continue
            if getattr(shape, "has_table", False) and shape.has_table:
                grid = [[cell.text.strip() for cell in row.cells] for row in shape.table.rows]
                if len(grid) >= 2:
                    blocks.extend(table_blocks(grid[0], [(r, locator) for r in grid[1:]], headings))
            elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                lines = [p.text.strip() for p in shape.text_frame.paragraphs if p.text.strip()]
                if lines:
                    blocks.append(Block("\n".join(lines), locator, headings))
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame.text.strip() if slide.notes_slide.notes_text_frame else ""
            if notes:
                blocks.append(Block(notes, locator, headings + ("Notes",)))
    if not blocks:
        raise ParseError("PowerPoint file has no text")
    return ParsedDocument(source, "pptx", blocks, title=title)
