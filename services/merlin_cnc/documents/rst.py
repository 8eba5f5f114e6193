"""reStructuredText through docutils: sections, paragraphs, lists, literal blocks, field lists, tables."""

from __future__ import annotations

from typing import Any

from .model import Block, Locator, ParsedDocument, ParseError
from .tablerows import table_blocks

_TEXT_NODES = ("paragraph", "literal_block", "doctest_block", "line_block", "term", "field_name")


def _doctree(text: str) -> Any:
    from docutils.core import publish_doctree
    from docutils.utils import SystemMessage

    settings = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
                "warning_stream": False, "input_encoding": "unicode",
                "doctitle_xform": False}  # keep the top section a section: its title heads its blocks
    try:
        return publish_doctree(text, settings_overrides=settings)
    except (SystemMessage, ValueError, AssertionError) as exc:  # docutils raises these on broken markup
        raise ParseError(f"not readable reStructuredText: {exc}") from exc


def _line(node: Any, fallback: int) -> int:
    while node is not None:
        if getattr(node, "line", None):
            return int(node.line)
        node = node.parent
    return fallback


def _rows(table: Any) -> tuple[list[str], list[tuple[list[str], Locator]]]:
    from docutils import nodes

    header: list[str] = []
    body: list[tuple[list[str], Locator]] = []
    for group in table.findall(lambda n: isinstance(n, nodes.thead | nodes.tbody)):
        for row in group.findall(nodes.row):
            cells = [entry.astext().replace("\n", " ").strip() for entry in row.findall(nodes.entry)]
            if isinstance(group, nodes.thead) and not header:
                header = cells
            else:
                n = _line(row, _line(table, 1))
                body.append((cells, Locator("lines", n, n)))
    return header, body


def parse_rst(source: str, text: str) -> ParsedDocument:
    from docutils import nodes

    tree = _doctree(text)
    title = None
    if tree.children and isinstance(tree.children[0], nodes.title):
        title = tree.children[0].astext()
    blocks: list[Block] = []
    last = 1

    def headings(node: Any) -> tuple[str, ...]:
        path = []
        parent = node.parent
        while parent is not None:
            if isinstance(parent, nodes.section) and parent.children and isinstance(parent[0], nodes.title):
                path.append(parent[0].astext())
            parent = parent.parent
        return tuple(reversed(path))

    for node in tree.findall(lambda n: isinstance(n, nodes.Element)):
        if isinstance(node, nodes.title) and title is None and isinstance(node.parent, nodes.section):
            title = node.astext()
        if node.tagname == "table":
            header, body = _rows(node)
            caption = next((c.astext() for c in node.findall(nodes.title)), None)
            blocks.extend(table_blocks(header or [""] * max((len(r) for r, _ in body), default=0), body,
                                       headings(node), caption))
            continue
        if node.tagname not in _TEXT_NODES or node.next_node(nodes.table) is not None:
            continue
        if any(a.tagname in ("table", "system_message", "comment") for a in _ancestors(node)):
            continue
        content = node.astext().strip()
        if node.tagname in ("term", "field_name"):
            definition = node.parent.next_node(lambda n: n.tagname in ("definition", "field_body"), descend=True)
            body_text = definition.astext().strip() if definition is not None else ""
            content = f"{content}: {body_text}" if body_text else ""
        elif isinstance(node.parent, nodes.definition | nodes.field_body):
            continue  # read with its term
        if not content:
            continue
        start = _line(node, last)
        last = start
        kind = "code" if node.tagname in ("literal_block", "doctest_block") else "prose"
        blocks.append(Block(content, Locator("lines", start, start + content.count("\n")), headings(node), kind))
    return ParsedDocument(source, "rst", blocks, title=title)


def _ancestors(node: Any) -> list[Any]:
    out = []
    parent = node.parent
    while parent is not None:
        out.append(parent)
        parent = parent.parent
    return out
