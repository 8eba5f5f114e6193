"""Structure-respecting chunking bounded by the embedding model's tokens."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .documents import Block, Locator, ParsedDocument

TokenCounter = Callable[[str], int]
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def approximate_tokens(text: str) -> int:
    """A subword-token estimate for when no tokenizer is loaded (about 3.5 characters a token)."""
    return max(1, round(len(text) / 3.5))


@dataclass
class Chunk:
    """A passage as indexed and cited."""

    chunk_id: str
    source: str
    locator: str
    text: str
    headings: tuple[str, ...] = ()
    title: str | None = None
    cnc: str | None = None
    vendor: str | None = None
    doc_type: str = "txt"
    language: str = "en"
    dialect: str | None = None
    ordinal: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def context(self) -> str:
        """Title and heading path, as prefixed to the text for search and embedding."""
        parts = [p for p in (self.title, *self.headings) if p]
        return " > ".join(dict.fromkeys(parts))

    @property
    def search_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text


def chunk_id(source: str, ordinal: int, locator: str, text: str) -> str:
    """Deterministic per position in the file: re-ingesting a file rewrites the same ids."""
    return hashlib.sha256(f"{source}\x00{ordinal}\x00{locator}\x00{text}".encode()).hexdigest()[:24]


def _split_long(block: Block, limit: int, count: TokenCounter) -> list[Block]:
    """Split a block over ``limit`` tokens at line, then sentence, boundaries."""
    if count(block.text) <= limit:
        return [block]
    lines = block.text.splitlines()
    units: list[tuple[str, int]] = []  # (text, line offset inside the block)
    for offset, line in enumerate(lines):
        if count(line) <= limit:
            units.append((line, offset))
        else:
            pieces = _SENTENCE_END.split(line)
            for piece in pieces:
                while count(piece) > limit:
                    cut = max(1, int(len(piece) * limit / count(piece)))
                    units.append((piece[:cut], offset))
                    piece = piece[cut:]
                units.append((piece, offset))
    out: list[Block] = []
    current: list[tuple[str, int]] = []
    for unit in units:
        if current and count("\n".join(t for t, _ in current + [unit])) > limit:
            out.append(_sub_block(block, current))
            current = []
        current.append(unit)
    if current:
        out.append(_sub_block(block, current))
    return out


def _sub_block(block: Block, units: list[tuple[str, int]]) -> Block:
    loc = block.locator
    if loc.kind == "lines":
        loc = Locator("lines", loc.start + units[0][1], loc.start + units[-1][1])
    return Block("\n".join(t for t, _ in units), loc, block.headings, block.kind, block.cnc_hint, block.fields,
                 block.hint_is_control)


def chunk_document(
    doc: ParsedDocument,
    controls: list[str | None],
    vendors: dict[str, str | None],
    language: str,
    count: TokenCounter,
    target_tokens: int,
    max_tokens: int,
    id_salt: str = "",
) -> list[Chunk]:
    """Merge consecutive blocks of one section and one control into chunks of about ``target_tokens``."""
    chunks: list[Chunk] = []
    group: list[Block] = []
    group_cnc: str | None = None
    group_tokens = 0

    def emit() -> None:
        if not group:
            return
        text = "\n\n".join(b.text for b in group)
        locator = group[0].locator
        for b in group[1:]:
            locator = locator.merge(b.locator)
        loc = str(locator)
        extra: dict[str, object] = {}
        if len(group) == 1 and group[0].fields:
            extra["fields"] = group[0].fields
        chunks.append(
            Chunk(
                chunk_id(f"{id_salt}/{doc.source}", len(chunks), loc, text),
                doc.source,
                loc,
                text,
                group[0].headings,
                doc.title,
                group_cnc,
                vendors.get(group_cnc) if group_cnc else None,
                doc.doc_type,
                language,
                doc.dialect,
                len(chunks),
                extra,
            )
        )
        group.clear()

    for block, cnc in zip(doc.blocks, controls, strict=True):
        context_tokens = count(" > ".join(filter(None, (doc.title, *block.headings)))) + 4
        limit = max(16, max_tokens - context_tokens)
        for piece in _split_long(block, limit, count):
            standalone = piece.kind == "row" and (piece.cnc_hint is not None or doc.doc_type in ("csv", "xlsx"))
            piece_tokens = count(piece.text)
            compatible = (
                group
                and not standalone
                and group[-1].headings == piece.headings
                and group_cnc == cnc
                and group[-1].kind == piece.kind
                and group[-1].locator.kind == piece.locator.kind
                and group[-1].cnc_hint is None
                # Sum of the pieces' counts: an upper bound of the joined text's (each counts its own
                # special tokens), so the limit holds without re-tokenizing the growing group.
                and group_tokens + piece_tokens <= min(target_tokens, limit)
            )
            if not compatible:
                emit()
                group_tokens = 0
            group.append(piece)
            group_tokens += piece_tokens
            group_cnc = cnc
            if standalone:
                emit()
    emit()
    return chunks
