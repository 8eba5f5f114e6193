"""What a parser produces: a document as an ordered list of located blocks."""

from __future__ import annotations

from dataclasses import dataclass, field


class ParseError(Exception):
    """A file that cannot be turned into text; the message is shown to the user as is."""


@dataclass(frozen=True)
class Locator:
    """Where a passage sits in its file: ``lines 12-18``, ``page 3``, ``row 4``, ``paragraphs 2-5``."""

    kind: str  # "lines" | "page" | "row" | "paragraphs" | "slide"
    start: int
    end: int

    def merge(self, other: Locator) -> Locator:
        if other.kind != self.kind:
            return self
        return Locator(self.kind, min(self.start, other.start), max(self.end, other.end))

    def __str__(self) -> str:
        if self.kind in ("page", "row", "slide"):
            if self.start == self.end:
                return f"{self.kind} {self.start}"
            return f"{self.kind}s {self.start}-{self.end}"
        singular = self.kind.rstrip("s")
        if self.start == self.end:
            return f"{singular} {self.start}"
        return f"{self.kind} {self.start}-{self.end}"


@dataclass
class Block:
    """A unit the chunker never splits across sections: a paragraph, a table (row), an NC block group."""

    text: str
    locator: Locator
    headings: tuple[str, ...] = ()
    kind: str = "prose"  # "prose" | "table" | "row" | "code"
    cnc_hint: str | None = None  # the control named by a table row's key column
    fields: dict[str, str] | None = None  # a table row as header -> value
    hint_is_control: bool = True  # False where the key column is a "model" column (machines, parts)


@dataclass
class ParsedDocument:
    source: str
    doc_type: str
    blocks: list[Block]
    title: str | None = None
    metadata: dict[str, object] = field(default_factory=dict)
    dialect: str | None = None
    encoding: str | None = None

    @property
    def opening(self) -> str:
        """The title and first lines: where a document says what it is about."""
        head = "\n".join(b.text for b in self.blocks[:3])
        return f"{self.title or ''}\n{head[:600]}"
