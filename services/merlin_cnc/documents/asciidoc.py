"""AsciiDoc: a structural reader for sections, paragraphs, lists, tables and listing blocks.

No maintained Python parser of AsciiDoc produces a document tree with source lines (the ``asciidoc``
package converts to HTML/DocBook), so this reads the structure itself: the header and its
attributes, ``=``/``==`` section titles (and the two-line underlined form), ``|===`` / ``,===`` /
``:===`` tables with their ``cols`` and ``header`` options, ``----`` / ``....`` / ``++++`` delimited
blocks, ``////`` comments, ``term:: definition`` lists and ``.Block titles``. Every block keeps its
source lines.
"""

from __future__ import annotations

import csv
import re

from .model import Block, Locator, ParsedDocument
from .tablerows import table_blocks

_SECTION = re.compile(r"^(={1,6}|#{1,6})\s+(\S.*?)\s*(?:=+)?$")
_UNDERLINE = {"=": 1, "-": 2, "~": 3, "^": 4, "+": 5}
_ATTRIBUTE = re.compile(r"^:(!?[\w-]+!?):\s*(.*)$")
_BLOCK_TITLE = re.compile(r"^\.(?=[^\s.])(.+)$")
_ATTR_LIST = re.compile(r"^\[.*\]\s*$")
_ANCHOR = re.compile(r"\[\[[^\]]*\]\]|\[#[^\]]*\]")
# Index entries: ``(((term, sub)))`` is hidden from the reader, ``((term))`` shows the term.
_HIDDEN_INDEX = re.compile(r"\(\(\([^)]*\)\)\)")
_VISIBLE_INDEX = re.compile(r"\(\(([^()]+)\)\)")
_TABLE_DELIM = re.compile(r"^([|,:!])===\s*$")
_DELIMITED = re.compile(r"^(-{4,}|\.{4,}|\+{4,}|\*{4,}|_{4,}|={4,}|/{4,})\s*$")
_DEFINITION = re.compile(r"^(.+?)(::|;;|:::)(?:\s+(.*))?$")
_DIRECTIVE = re.compile(r"^(include|ifdef|ifndef|ifeval|endif|image|toc)::")
_INLINE = [
    (re.compile(r"<<([^,>]+),\s*([^>]+)>>"), r"\2"),
    (re.compile(r"<<([^>]+)>>"), r"\1"),
    (re.compile(r"\b(?:link|xref|https?):(?://)?\S*?\[([^\]]*)\]"), r"\1"),
    (re.compile(r"(?<![\w*])\*\*?([^*\n]+?)\*\*?(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])__?([^_\n]+?)__?(?![\w_])"), r"\1"),
    (re.compile(r"`\+?([^`]+?)\+?`"), r"\1"),
    (re.compile(r"\{(?:nbsp|sp)\}"), " "),
]


def clean_inline(text: str) -> str:
    """Text without AsciiDoc's inline markup (bold, monospace, cross references, anchors)."""
    text = _VISIBLE_INDEX.sub(r"\1", _HIDDEN_INDEX.sub("", _ANCHOR.sub("", text)))
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def _table_cells(lines: list[tuple[int, str]], separator: str) -> list[tuple[str, int]]:
    """The cells of a table body with the line each starts on; a cell may span lines and carry a
    spec before its separator (``2+|``, ``a|``)."""
    if separator in ",:":
        delimiter = "," if separator == "," else ":"
        return [(c.strip(), n) for n, ln in lines for row in csv.reader([ln], delimiter=delimiter) for c in row]
    cells: list[tuple[str, int]] = []
    for number, line in lines:
        if "|" not in line:
            if cells:
                cells[-1] = (f"{cells[-1][0]} {line.strip()}".strip(), cells[-1][1])
            continue
        head, *rest = re.split(r"(?:^|(?<=\s))(?:[\d.+*]*[a-z]?)\|", line)
        if head.strip() and cells:
            cells[-1] = (f"{cells[-1][0]} {head.strip()}".strip(), cells[-1][1])
        cells.extend((p.strip(), number) for p in rest)
    return cells


def _column_count(attrs: str, first_line: str, separator: str) -> int:
    cols = re.search(r'cols\s*=\s*"?([^"\]]+)"?', attrs)
    if cols:
        spec = cols.group(1).strip()
        multiplied = re.fullmatch(r"(\d+)\*.*", spec)
        if multiplied:
            return int(multiplied.group(1))
        return len([c for c in re.split(r"[,;]", spec) if c.strip()])
    if separator in ",:":
        return len(next(csv.reader([first_line], delimiter=separator)))
    return max(1, first_line.count("|"))


def _table(
    lines: list[tuple[int, str]], attrs: str, separator: str, headings: tuple[str, ...], caption: str | None
) -> list[Block]:
    body = [(n, ln) for n, ln in lines if ln.strip() and not ln.lstrip().startswith("//")]
    if not body:
        return []
    width = _column_count(attrs, body[0][1], separator)
    # A header row is declared, or implied by a first line alone before a blank line.
    first_line_alone = len(lines) > 1 and lines[0][1].strip() and not lines[1][1].strip()
    has_header = "header" in attrs or bool(first_line_alone and "noheader" not in attrs)
    rows: list[tuple[list[str], Locator]] = []
    cells_with_lines = _table_cells(body, separator)
    for i in range(0, len(cells_with_lines), width):
        group = cells_with_lines[i : i + width]
        rows.append(([clean_inline(c) for c, _ in group], Locator("lines", group[0][1], group[-1][1])))
    if not rows:
        return []
    if has_header:
        header, data = rows[0][0], rows[1:]
    else:
        header, data = [""] * width, rows
    return table_blocks(header, data, headings, caption)


def parse_asciidoc(source: str, text: str) -> ParsedDocument:
    lines = text.splitlines()
    blocks: list[Block] = []
    path: list[tuple[int, str]] = []
    metadata: dict[str, object] = {}
    title: str | None = None
    para: list[str] = []
    para_start = 0
    attrs = ""
    block_title: str | None = None

    def headings() -> tuple[str, ...]:
        return tuple(h for _, h in path)

    def flush(end: int) -> None:
        nonlocal block_title
        if para:
            content = "\n".join(clean_inline(p) for p in para).strip()
            if block_title and content:
                content = f"{block_title}\n{content}"
            if content:
                blocks.append(Block(content, Locator("lines", para_start, end), headings()))
            block_title = None
        para.clear()

    i = 0
    while i < len(lines):
        line, number = lines[i], i + 1
        stripped = line.strip()
        following = lines[i + 1] if i + 1 < len(lines) else ""
        delimiter = _DELIMITED.match(stripped)
        if delimiter and not para:
            end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == stripped), len(lines))
            content = "\n".join(lines[i + 1 : end])
            if not stripped.startswith("/") and content.strip():
                kind = "code" if stripped[0] in "-.+" else "prose"
                if block_title:
                    content = f"{block_title}\n{content}"
                body = content if kind == "code" else "\n".join(clean_inline(c) for c in content.splitlines())
                blocks.append(Block(body.strip("\n"), Locator("lines", number, end + 1), headings(), kind))
            block_title, attrs = None, ""
            i = end + 1
            continue
        table = _TABLE_DELIM.match(stripped)
        if table:
            flush(number - 1)
            end = next((j for j in range(i + 1, len(lines)) if _TABLE_DELIM.match(lines[j].strip())), len(lines))
            body_lines = [(j + 1, lines[j]) for j in range(i + 1, end)]
            blocks.extend(_table(body_lines, attrs, table.group(1), headings(), block_title))
            block_title, attrs = None, ""
            i = end + 1
            continue
        section = _SECTION.match(line)
        underlined = (
            stripped
            and not para
            and following.strip()
            and set(following.strip()) <= set(_UNDERLINE)
            and len(set(following.strip())) == 1
            and abs(len(following.strip()) - len(stripped)) <= 2
            and len(following.strip()) >= 3
        )
        if section or underlined:
            flush(number - 1)
            if section:
                level, name = len(section.group(1)) - 1, clean_inline(section.group(2))
            else:
                level, name = _UNDERLINE[following.strip()[0]] - 1, clean_inline(stripped)
            if level == 0 and title is None:
                title = name
            else:
                path[:] = [(lv, h) for lv, h in path if lv < level] + [(level, name)]
            attrs, block_title = "", None
            i += 1 if section else 2
            continue
        attribute = _ATTRIBUTE.match(line)
        if attribute and not para:
            metadata[attribute.group(1).strip("!")] = attribute.group(2).strip()
            i += 1
            continue
        if stripped.startswith("//") or _DIRECTIVE.match(stripped):
            i += 1
            continue
        if _ATTR_LIST.match(stripped) and not para:
            attrs = stripped
            i += 1
            continue
        if _BLOCK_TITLE.match(stripped) and not para:
            block_title = clean_inline(stripped[1:])
            i += 1
            continue
        if not stripped or stripped == "+":
            flush(number - 1)
            attrs = ""
            i += 1
            continue
        definition = _DEFINITION.match(stripped)
        if definition and not stripped.startswith(("*", "-", ".")) and "://" not in stripped:
            flush(number - 1)
            term, rest = clean_inline(definition.group(1)), definition.group(3) or ""
            para_start = number
            para.append(f"{term}: {rest}" if rest else f"{term}:")
            i += 1
            continue
        if not para:
            para_start = number
        para.append(line.rstrip())
        i += 1
    flush(len(lines))
    title = title or str(metadata.get("doctitle") or "") or None
    return ParsedDocument(source, "adoc", blocks, title=title, metadata=metadata)
