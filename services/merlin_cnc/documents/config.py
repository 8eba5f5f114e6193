"""Controller configuration files (INI/CFG, TOML, YAML, JSON): sections and keys with line locators.

Each setting becomes ``section > KEY: value`` text in a block headed by its section, with the
comment lines just above it (configuration files document their keys there), so a question about a
setting finds the key, its value and what the file says of it. The comment block a file opens with
says what the file is ("machine data backup of the BZ 800"): it is the document's title and first
block.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .model import Block, Locator, ParsedDocument, ParseError

_SECTION = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+\s*$")
_SETTING = re.compile(r"^\s*([^=:#;\s][^=:]*?)\s*[=:]\s*(.*?)\s*$")
_COMMENT = re.compile(r"^\s*[#;]+\s?(.*)$")
_GROUP = 8  # settings per block: keeps a section's neighbours together for search


def _header(text: str) -> tuple[str | None, list[Block]]:
    """The file's opening comment block: its first worded line as the title, and the block."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        comment = _COMMENT.match(line)
        if comment is None:
            if line.strip():
                break
            continue
        worded = comment.group(1).strip()
        if re.search(r"[^\W\d_]{3}", worded):  # not a rule of "=====" or "#####"
            lines.append((number, worded))
    if not lines:
        return None, []
    return lines[0][1], [Block("\n".join(t for _, t in lines), Locator("lines", lines[0][0], lines[-1][0]))]


def _emit(blocks: list[Block], group: list[tuple[int, str]], headings: tuple[str, ...]) -> None:
    if group:
        text = "\n".join(t for _, t in group)
        blocks.append(Block(text, Locator("lines", group[0][0], group[-1][0]), headings))
        group.clear()


def _line_based(source: str, text: str, doc_type: str) -> ParsedDocument:
    """INI/CFG/TOML: ``[section]`` headers, ``key = value`` or ``key: value`` lines, ``#``/``;`` comments."""
    blocks: list[Block] = []
    headings: tuple[str, ...] = ()
    group: list[tuple[int, str]] = []
    comments: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        section = _SECTION.match(line)
        comment = _COMMENT.match(line)
        setting = None if comment or section else _SETTING.match(line)
        if section:
            _emit(blocks, group, headings)
            headings = (section.group(1),)
            comments = []
        elif comment:
            if comment.group(1).strip():
                comments.append(comment.group(1).strip())
        elif setting:
            key, value = setting.group(1).strip(), setting.group(2).strip().strip("\"'")
            note = f" ({' '.join(comments)})" if comments else ""
            group.append((number, f"{key}: {value}{note}"))
            comments = []
            if len(group) >= _GROUP:
                _emit(blocks, group, headings)
        elif not line.strip():
            comments = []
    _emit(blocks, group, headings)
    title, header = _header(text)
    return ParsedDocument(source, doc_type, header + blocks, title=title)


def _yaml_document(source: str, text: str) -> ParsedDocument:
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ParseError(f"not valid YAML: {exc}") from exc
    blocks: list[Block] = []
    rows: dict[tuple[str, ...], list[tuple[int, str]]] = {}

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value)
                if isinstance(value, yaml.ScalarNode):
                    rows.setdefault(path, []).append((key.start_mark.line + 1, f"{name}: {value.value}"))
                else:
                    walk(value, (*path, name))
        elif isinstance(node, yaml.SequenceNode):
            scalars = [v.value for v in node.value if isinstance(v, yaml.ScalarNode)]
            if scalars and path:
                rows.setdefault(path[:-1], []).append((node.start_mark.line + 1, f"{path[-1]}: {', '.join(scalars)}"))
            for item in node.value:
                if not isinstance(item, yaml.ScalarNode):
                    walk(item, path)

    if root is not None:
        walk(root, ())
    for path, items in rows.items():
        for i in range(0, len(items), _GROUP):
            _emit(blocks, list(items[i : i + _GROUP]), tuple(" > ".join(path).split(" > ")) if path else ())
    title, header = _header(text)
    return ParsedDocument(source, "yaml", header + blocks, title=title)


def _json_document(source: str, text: str) -> ParsedDocument:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ParseError(f"not valid JSON: {exc}") from exc
    # JSON is a subset of YAML 1.2 in practice; reading it as YAML gives each key its line.
    try:
        return _yaml_document(source, text)
    except ParseError:
        lines = [f"{k}: {v}" for k, v in data.items()] if isinstance(data, dict) else [json.dumps(data)]
        return ParsedDocument(source, "json", [Block("\n".join(lines), Locator("lines", 1, text.count("\n") + 1))])


def parse_config(source: str, text: str) -> ParsedDocument:
    suffix = source.rsplit(".", 1)[-1].lower()
    if suffix in ("yaml", "yml"):
        doc = _yaml_document(source, text)
    elif suffix == "json":
        doc = _json_document(source, text)
        doc.doc_type = "json"
    else:
        doc = _line_based(source, text, "toml" if suffix == "toml" else "ini")
    return doc
