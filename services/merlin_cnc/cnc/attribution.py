"""Decide the control of every block of a document (DESIGN.md §5).

Precedence: the document's metadata; the folder dedicated to a control; a table row's control
column or a comparison table's control column; then, for a document that is not dedicated to one
control, the nearest heading naming exactly one control; then the document's title / opening
lines. A passing mention in the body never re-attributes a document that is dedicated to a control.
"""

from __future__ import annotations

from dataclasses import replace

from ..documents import Block, ParsedDocument
from .discovery import DocumentNames
from .registry import Registry


def document_control(
    doc: ParsedDocument, names: DocumentNames, folder_cnc: str | None, registry: Registry
) -> str | None:
    if names.metadata:
        return registry.resolve(names.metadata) or names.metadata
    if folder_cnc:
        return folder_cnc
    resolved = {registry.resolve(n) or n for n in names.title}
    if len(resolved) == 1:
        return resolved.pop()
    if resolved:
        return None  # a title naming several controls: a comparison document
    if doc.doc_type in ("csv", "xlsx") and (names.rows or names.columns):
        return None
    return registry.matcher.dominant(doc.opening)


def split_control_columns(blocks: list[Block], registry: Registry) -> list[Block]:
    """A comparison table's row with one column per control becomes one row per control
    (``label: value``), each naming its control, so every column is that control's."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "row" or not block.fields or block.cnc_hint or len(block.fields) < 3:
            out.append(block)
            continue
        (_, label), *columns = block.fields.items()
        controls = [(registry.named(header), value) for header, value in columns]
        named = [(c, v) for c, v in controls if c is not None]
        if len({c for c, _ in named}) < 2:
            out.append(block)
            continue
        for control, value in named:
            out.append(replace(block, text=f"{label}: {value}", cnc_hint=control, fields={label: value},
                               hint_is_control=True))
    return out


def block_controls(
    blocks: list[Block], doc: ParsedDocument, names: DocumentNames, folder_cnc: str | None, registry: Registry
) -> list[str | None]:
    """One control (or None) per block."""
    main = document_control(doc, names, folder_cnc, registry)
    out: list[str | None] = []
    for block in blocks:
        if block.cnc_hint:
            row = registry.resolve(block.cnc_hint)
            # A column or key headed as a control's belongs to the control it names, even in a document
            # dedicated to another (a sibling model's column of a data sheet). A weaker key ("model")
            # may list machines or options: only a control established beyond this table overrides
            # the document's own.
            established = row is not None and registry.controls[row].found_by - {"table key"}
            if row is not None and (block.hint_is_control or established):
                out.append(row)
                continue
        if main is not None:
            out.append(main)
            continue
        section = None
        for heading in reversed(block.headings):
            named = registry.matcher.names_in(heading)
            if len(named) == 1:
                section = named[0]
                break
            if named:
                break
        out.append(section)
    return out


def attribute(doc: ParsedDocument, names: DocumentNames, registry: Registry) -> list[str | None]:
    """Split ``doc``'s comparison-table columns into per-control rows (in place), then give each
    block its control."""
    doc.blocks = split_control_columns(doc.blocks, registry)
    return block_controls(doc.blocks, doc, names, registry.folder_control(doc.source), registry)
