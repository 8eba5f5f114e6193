"""Tables from any format become blocks the same way: one block per row, header kept with the row."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..analysis import fold
from .model import Block, Locator

# Column headers that name the control a row is about (compared accent- and case-folded).
_KEY_HEADERS = re.compile(
    r"^(cnc|control|controls|controller|control system|control unit|controlador|control numerico|"
    r"cnc model|control model|modelo|model|modelo de control|sistema|steuerung|product|producto)$"
)


def key_column(header: Sequence[str]) -> int | None:
    """Index of the column that names a row's control, if the header has one."""
    for i, name in enumerate(header):
        if _KEY_HEADERS.match(fold(name).strip().strip(":").replace("_", " ")):
            return i
    return None


_GENERIC_VALUE = re.compile(
    r"^(value|values|valor|valores|spec|specs|specification|especificacion|description|descripcion|"
    r"details?|detalles?|data|datos?|wert|)$"
)


def row_text(header: Sequence[str], row: Sequence[str]) -> str:
    """``header: value`` lines, so a unit that lives only in a column header stays with its value.

    A two-column ``feature | value`` table reads as ``feature: value`` (with the value column's
    header kept when it says more than "value", e.g. a unit).
    """
    if len(row) == 2 and len(header) == 2 and key_column(header) is None and row[0].strip():
        label = fold(header[1]).strip()
        suffix = "" if _GENERIC_VALUE.match(label) else f" ({header[1].strip()})"
        return f"{row[0].strip()}{suffix}: {row[1].strip()}" if row[1].strip() else ""
    lines = []
    for i, value in enumerate(row):
        value = value.strip()
        if not value:
            continue
        name = header[i].strip() if i < len(header) and header[i].strip() else f"column {i + 1}"
        lines.append(f"{name}: {value}")
    return "\n".join(lines)


def table_blocks(
    header: Sequence[str],
    rows: Sequence[tuple[Sequence[str], Locator]],
    headings: tuple[str, ...],
    caption: str | None = None,
) -> list[Block]:
    """Blocks for a table: one per row (tagged by the row's control when a key column exists)."""
    key = key_column(header)
    blocks = []
    for row, locator in rows:
        text = row_text(header, row)
        if not text:
            continue
        if caption:
            text = f"{caption}\n{text}"
        hint = row[key].strip() if key is not None and key < len(row) and row[key].strip() else None
        fields = {
            header[i].strip() if i < len(header) else f"column {i + 1}": v.strip()
            for i, v in enumerate(row)
            if v.strip()
        }
        blocks.append(Block(text, locator, headings, kind="row", cnc_hint=hint, fields=fields))
    return blocks
