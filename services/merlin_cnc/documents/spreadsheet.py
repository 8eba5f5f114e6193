"""CSV and XLSX: one block per row, tagged by the row's control, header kept with every row."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from .model import Locator, ParsedDocument, ParseError
from .tablerows import table_blocks


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def parse_csv(source: str, text: str) -> ParsedDocument:
    reader = csv.reader(io.StringIO(text), _dialect(text[:4096]))
    try:
        rows = [row for row in reader]
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}") from exc
    numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
    if len(numbered) < 2:
        raise ParseError("CSV has no data rows")
    (_, header), body = numbered[0], numbered[1:]
    blocks = table_blocks(header, [(row, Locator("row", n, n)) for n, row in body], ())
    return ParsedDocument(source, "csv", blocks, title=Path(source).stem.replace("-", " ").replace("_", " "))


def parse_xlsx(source: str, data: bytes) -> ParsedDocument:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ParseError(f"not a readable XLSX workbook: {exc}") from exc
    blocks = []
    for sheet in book.worksheets:
        rows = [
            (n, ["" if v is None else str(v) for v in row])
            for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
        if len(rows) < 2:
            continue
        (_, header), body = rows[0], rows[1:]
        located = [(r, Locator("row", n, n)) for n, r in body]
        blocks.extend(table_blocks(header, located, (sheet.title,)))
    book.close()
    if not blocks:
        raise ParseError("workbook has no data rows")
    return ParsedDocument(source, "xlsx", blocks, title=Path(source).stem.replace("-", " ").replace("_", " "))
