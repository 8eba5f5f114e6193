"""The comparison engine: resolve names, retrieve per control, extract cells, compose the answer."""

from __future__ import annotations

from typing import Any

from .analysis import content_words, detect_language
from .aspects import Aspect, aspects, detect_aspects, equivalents_in, search_text, vendor_dialects
from .cells import Cell
from .cnc.registry import Registry
from .config import Settings
from .embeddings.resolve import choice_for_index
from .embeddings.vectorizer import Vectorizer
from .errors import UserError
from .extraction import extract_aspect, extract_free
from .generation.extractive import cell_answer, summarize, unresolved_message
from .index.factory import open_current
from .resolution import Resolution, resolve_names
from .retrieval import QuerySpec, Retriever

# Words that shape a question without saying what it is about.
_QUESTION_WORDS = {"which", "what", "how", "who", "why", "when", "where", "doe", "does", "did", "can", "cual", "cuale",
                   "cuanto", "cuanta", "como", "que", "quien", "donde", "tiene", "tienen", "admite", "support",
                   "handle", "explain", "describe", "tell", "about", "control", "controls", "cnc"}


class UnknownAspect(UserError):
    """An aspect key that is not in the catalog; the message lists the valid keys."""


def aspect_query(aspect: Aspect) -> QuerySpec:
    dense = [" ; ".join(aspect.queries.get(lang, [])) for lang in ("en", "es") if aspect.queries.get(lang)]
    return QuerySpec(search_text(aspect), "en", dense)


def question_query(question: str, language: str, matched: list[Aspect]) -> QuerySpec:
    """A free question, expanded with its aspects' phrasings in both languages and dialect equivalents."""
    expansions = [search_text(a) for a in matched] + equivalents_in(question)
    dense = [question] + [" ; ".join(a.queries["en" if language == "es" else "es"]) for a in matched]
    return QuerySpec(" ".join([question, *expansions]), language, dense)


class Engine:
    """Opened once per process (CLI command, API worker); answers many comparisons."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.index = open_current(settings)
        self.registry = Registry(self.index.all_names())
        self.controls = [c.name for c in self.index.controls()]
        # Words of every control and vendor name: never what a free question is about.
        self._name_words = {w for n in self.controls for w in content_words(n)} | {
            w for c in self.registry.controls.values() if c.vendor for w in content_words(c.vendor)
        }
        self.vectorizer = Vectorizer(choice_for_index(self.index.identity.model), settings)
        self.retriever = Retriever(self.index, self.vectorizer)

    def close(self) -> None:
        self.vectorizer.close()
        self.index.close()

    def resolve(self, requested: list[str]) -> dict[str, Resolution]:
        return resolve_names(requested, self.controls, self.registry)

    def compare(
        self,
        cncs: list[str],
        aspect_keys: list[str] | None = None,
        question: str | None = None,
        language: str | None = None,
    ) -> dict[str, Any]:
        catalog = aspects()
        unknown = [k for k in aspect_keys or [] if k not in catalog]
        if unknown:
            raise UnknownAspect(f"unknown aspect(s): {', '.join(unknown)}; valid keys: {', '.join(catalog)}")
        language = language or (detect_language(question) if question else "en")
        if not aspect_keys and not question:
            aspect_keys = list(catalog)
        resolutions = self.resolve(cncs)
        rows = self.row_specs(aspect_keys, question, language)
        resolved = [(r, name) for r, res in resolutions.items() if (name := res.name) is not None]
        pairs = [(name, spec) for _, _, _, spec in rows for _, name in resolved]
        fused = iter(self.retriever.retrieve(pairs))
        q_terms = self.question_terms(question, language) if question else set()
        out_rows = []
        for key, label, aspect, _spec in rows:
            cells: dict[str, dict[str, Any]] = {}
            found_by_name = {name: next(fused) for _, name in resolved}
            for requested, resolution in resolutions.items():
                if resolution.name is None:
                    cell = Cell.not_stated(language, unresolved_message(resolution, language))
                else:
                    candidates = found_by_name[resolution.name]
                    extracted = extract_aspect(aspect, candidates, self._dialect(resolution.name)) if aspect else None
                    if extracted is None and key == "question":
                        extracted = extract_free(q_terms, candidates)
                    cell = extracted or Cell.not_stated(language)
                    if extracted is not None:
                        cell.answer = cell_answer(cell, aspect, language)
                cells[requested] = cell.to_json()
            out_rows.append({"aspect": key, "label": label, "cells": cells})
        result: dict[str, Any] = {
            "resolved": {r: res.name for r, res in resolutions.items()},
            "question": question,
            "language": language,
            "rows": out_rows,
        }
        result["summary"] = summarize(result, {k: catalog.get(k) for k, *_ in rows}, resolutions, language)
        suggestions = {r: res.suggestions for r, res in resolutions.items() if res.name is None}
        if suggestions:
            result["suggestions"] = suggestions
        result["generator"] = "extractive"
        return result

    def row_specs(
        self, aspect_keys: list[str] | None, question: str | None, language: str
    ) -> list[tuple[str, str, Aspect | None, QuerySpec]]:
        """``(row key, label, aspect, query)`` per table row: one per aspect, or one for the question."""
        catalog = aspects()
        if aspect_keys:
            return [(k, catalog[k].label_in(language), catalog[k], aspect_query(catalog[k])) for k in aspect_keys]
        assert question is not None
        matched = [catalog[k] for k in detect_aspects(question, language)]
        return [("question", question, matched[0] if matched else None, question_query(question, language, matched))]

    def _dialect(self, name: str) -> str | None:
        control = self.registry.controls.get(name)
        return vendor_dialects().get(control.vendor or "") if control else None

    def question_terms(self, question: str, language: str) -> set[str]:
        """The question's content words, without the control and vendor names it mentions."""
        names = self._name_words | {w for n in self.registry.matcher.names_in(question) for w in content_words(n)}
        spans = self.registry.matcher.find(question)
        stripped = question
        for start, end, _ in reversed(spans):
            stripped = stripped[:start] + " " + stripped[end:]
        return content_words(stripped) - names - _QUESTION_WORDS
