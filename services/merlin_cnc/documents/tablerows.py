"""Tables from any format become blocks the same way: one block per row, header kept with the row."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..analysis import fold
from .model import Block, Locator

# Column headers that name the control a row is about (compared accent- and case-folded). A
# "model" or "product" column may list machines or parts as well: its rows name a control only
# when that control is established elsewhere (``Block.hint_is_control`` is False for them).
_CONTROL_HEADERS = re.compile(
    r"^(cnc|control|controls|controller|control system|control unit|controlador|control numerico|"
    r"cnc model|control model|modelo de control|steuerung|cnc control|control cnc)$"
)
_MODEL_HEADERS = re.compile(r"^(modelo|model|sistema|system|product|producto)$")


def _header_kind(name: str) -> str | None:
    folded = fold(name).strip().strip(":").replace("_", " ")
    if _CONTROL_HEADERS.match(folded):
        return "control"
    if _MODEL_HEADERS.match(folded):
        return "model"
    return None


def key_column(header: Sequence[str]) -> int | None:
    """Index of the column that names a row's control (or model), if the header has one."""
    kinds = [_header_kind(name) for name in header]
    for wanted in ("control", "model"):
        if wanted in kinds:
            return kinds.index(wanted)
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
    if not any(h.strip() for h in header) and len(row) >= 2 and row[0].strip():
        values = [v.strip() for v in row[1:] if v.strip()]
        return f"{row[0].strip()}: {' | '.join(values)}" if values else ""
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
        if any(h.strip() for h in header):
            fields = {
                header[i].strip() if i < len(header) and header[i].strip() else f"column {i + 1}": v.strip()
                for i, v in enumerate(row)
                if v.strip()
            }
        else:  # a label column and its values, with no header row
            fields = {row[0].strip(): " | ".join(v.strip() for v in row[1:] if v.strip())}
        strong = key is not None and _header_kind(header[key]) == "control"
        blocks.append(Block(text, locator, headings, kind="row", cnc_hint=hint, fields=fields, hint_is_control=strong))
    return blocks
