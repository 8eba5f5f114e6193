"""Shared helpers for the unit suite: fixture-file builders (all files live in tmp_path)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from merlin_cnc.documents import ParsedDocument, parse_file

MAX_BYTES = 5_000_000


@pytest.fixture
def parse(tmp_path: Path) -> Callable[[str, str | bytes], ParsedDocument]:
    """Write ``data`` to ``tmp_path/name`` and parse it the way ingest does."""

    def _parse(name: str, data: str | bytes) -> ParsedDocument:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return parse_file(path, name, path.read_bytes(), MAX_BYTES)

    return _parse


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return _make_pdf


@pytest.fixture
def make_docx() -> Callable[[], bytes]:
    return _make_docx


@pytest.fixture
def make_xlsx() -> Callable[[], bytes]:
    return _make_xlsx


def _make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A PDF with one page per entry, each line drawn on its own baseline."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        y = 720
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 20
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def _make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("HEIDENHAIN TNC 640", 1)
    document.add_paragraph("The TNC 640 is a contouring control for milling and turning.")
    document.add_heading("Specifications", 2)
    document.add_paragraph("Values from the 2024 product brochure.")
    table = document.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("feature", "value"), ("max axes", "24"), ("block processing time", "0.5 ms")]):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _make_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Controls"
    sheet.append(["CNC", "max_axes", "block_processing_time_ms"])
    sheet.append(["FANUC 31i-B5", 32, 0.4])
    sheet.append([None, None, None])
    sheet.append(["TNC 640", 24, 0.5])
    notes = book.create_sheet("Notes")
    notes.append(["only a header"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
