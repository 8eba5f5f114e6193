"""PDF: text per page (pypdf), paragraphs located by page."""

from __future__ import annotations

import io
import re

from .model import Block, Locator, ParsedDocument, ParseError

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraphs(page_text: str) -> list[str]:
    parts = _PARAGRAPH_BREAK.split(page_text)
    if len(parts) == 1:
        # Many generators emit no blank lines: fall back to one paragraph per ~6 lines of text.
        lines = [ln for ln in page_text.splitlines() if ln.strip()]
        parts = ["\n".join(lines[i : i + 6]) for i in range(0, len(lines), 6)]
    return [p.strip() for p in parts if p.strip()]


def parse_pdf(source: str, data: bytes) -> ParsedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ParseError("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ParseError(f"corrupt or unreadable PDF: {exc}") from exc
    if not any(p.strip() for p in pages):
        raise ParseError("PDF has no extractable text (scanned images are not supported)")
    title = None
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title).strip() or None
    blocks = []
    for number, text in enumerate(pages, start=1):
        for para in _paragraphs(text):
            blocks.append(Block(para, Locator("page", number, number)))
    if title is None:
        title = blocks[0].text.splitlines()[0][:120]
    return ParsedDocument(source, "pdf", blocks, title=title)
