"""The JSON shapes of a comparison (DESIGN.md §4): Citation and Cell."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

NOT_STATED = {"en": "Not stated in the documents.", "es": "No consta en los documentos."}


@dataclass
class Citation:
    source: str
    locator: str
    snippet: str
    chunk_id: str
    score: float

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Cell:
    answer: str
    value: str | None = None
    unit: str | None = None
    normalized: dict[str, object] | None = None
    found: bool = False
    citations: list[Citation] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "answer": self.answer,
            "value": self.value,
            "unit": self.unit,
            "normalized": self.normalized,
            "found": self.found,
            "citations": [c.to_json() for c in self.citations],
        }

    @classmethod
    def not_stated(cls, language: str, why: str | None = None) -> Cell:
        return cls(why or NOT_STATED.get(language, NOT_STATED["en"]))


_MACHINE_NOTE = {"en": "Not stated for the control; the documents give machine data: {value} ({source}).",
                 "es": "No consta para el control; los documentos dan un dato de máquina: {value} ({source})."}


def machine_data_cell(cell: Cell, language: str) -> Cell:
    """A "not stated" cell that says which machine figure the documents give instead, and cites it:
    a machine's nameplate figure is not its control's specification."""
    note = _MACHINE_NOTE.get(language, _MACHINE_NOTE["en"])
    answer = note.format(value=cell.value or cell.answer, source=cell.citations[0].source)
    return Cell(answer, None, None, None, False, cell.citations)
