"""Decide the control of every block of a document (DESIGN.md §5).

Precedence: the document's metadata; a table row's control column; the control folder; then, for
a document that is not dedicated to one control, the nearest heading naming exactly one control;
then the document's title / opening lines. A passing mention in the body never re-attributes a
document that is dedicated to a control.
"""

from __future__ import annotations

from ..documents import ParsedDocument
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
    if doc.doc_type in ("csv", "xlsx") and names.rows:
        return None
    return registry.matcher.dominant(doc.opening)


def block_controls(
    doc: ParsedDocument, names: DocumentNames, folder_cnc: str | None, registry: Registry
) -> list[str | None]:
    """One control (or None) per block of ``doc``."""
    main = document_control(doc, names, folder_cnc, registry)
    out: list[str | None] = []
    for block in doc.blocks:
        if block.cnc_hint:
            row = registry.resolve(block.cnc_hint)
            # In a dedicated document a key column may list machines or options rather than
            # controls: only a catalogued control overrides the document's own.
            if row is not None and (main is None or registry.controls[row].known):
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
