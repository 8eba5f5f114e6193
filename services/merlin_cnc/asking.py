"""``merlin ask``: a free question (with prior turns) answered from the documents, with citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .analysis import detect_language
from .aspects import aspects, detect_aspects, equivalents_in
from .cells import NOT_STATED
from .compare import Engine, question_query
from .conversation import standalone_question
from .mentions import Mention, find_mentions

MAX_CONTROLS_FOR_OPEN_QUESTIONS = 12


@dataclass
class QuestionPlan:
    standalone: str
    language: str
    mentioned: list[Mention]
    aspects: list[str]
    controls: list[str]  # the controls to compare (every control for "which controls ...?")


def plan(engine: Engine, question: str, history: list[dict[str, str]] | None = None) -> QuestionPlan:
    """What a question asks: about which controls and aspects, once made standalone."""
    language = detect_language(question)
    standalone = standalone_question(question, history or [], engine.controls, engine.registry, language)
    mentioned = find_mentions(standalone, engine.controls, engine.registry)
    detected = detect_aspects(standalone, language)
    names = [m.control for m in mentioned]
    if not names and detected and len(engine.controls) <= MAX_CONTROLS_FOR_OPEN_QUESTIONS:
        names = list(engine.controls)  # "Which controls support TCP?": ask every control
    return QuestionPlan(standalone, language, mentioned, detected, names)


def ask(engine: Engine, question: str, history: list[dict[str, str]] | None = None) -> dict[str, Any]:
    p = plan(engine, question, history)
    standalone, language, mentioned, detected, names = p.standalone, p.language, p.mentioned, p.aspects, p.controls
    result: dict[str, Any] = {"question": question, "cncs": [m.control for m in mentioned]}
    if standalone != question:
        result["standalone_question"] = standalone
    if names:
        comparison = engine.compare(names, detected or None, standalone, language)
        citations = [c for row in comparison["rows"] for cell in row["cells"].values() for c in cell["citations"]]
        result.update(answer=comparison["summary"], comparison=comparison, citations=citations)
        return result
    bilingual = ("en" if language == "es" else "es") in engine.languages
    fused = engine.retriever.retrieve([(None, question_query(standalone, language, [], bilingual))])[0]
    cell = engine.answer_free(standalone, language, {"": fused})[""]
    if cell is None:
        expansions = equivalents_in(standalone)
        hint = f" ({', '.join(expansions[:6])})" if expansions else ""
        result.update(answer=NOT_STATED[language] + hint, comparison=None, citations=[])
        return result
    top = cell.citations[0]
    owner = next((f.chunk.cnc for f in fused if f.chunk.chunk_id == top.chunk_id), None)
    prefix = f"{owner}: " if owner else ""
    result.update(answer=prefix + cell.answer, comparison=None, citations=[c.to_json() for c in cell.citations])
    return result


def list_aspects() -> list[dict[str, object]]:
    return [a.to_json() for a in aspects().values()]
