"""The comparison engine: resolve names, retrieve per control, extract cells, compose the answer."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .analysis import analyze, content_words, detect_language, fold
from .answering import answer_free, question_terms, through_translations
from .aspects import Aspect, aspects, detect_aspects, equivalents_in, search_text, vendor_dialects
from .cells import Cell
from .cnc.registry import Registry
from .config import Settings
from .embeddings.resolve import choice_for_index
from .embeddings.vectorizer import Vectorizer
from .errors import UserError
from .extraction import extract_aspect
from .facts import read_question, type_words
from .generation.extractive import cell_answer, summarize, unresolved_message
from .glossary import translated
from .index.factory import open_current
from .resolution import Resolution, resolve_names
from .retrieval import Fused, QuerySpec, Retriever

# Words that shape a question without saying what it is about.
_QUESTION_WORDS = {"which", "what", "how", "who", "why", "when", "where", "doe", "does", "did", "can", "cual", "cuale",
                   "cuanto", "cuanta", "como", "que", "quien", "donde", "tiene", "tienen", "admite", "support",
                   "handle", "explain", "describe", "tell", "about", "control", "controls", "cnc", "compare",
                   "comparison", "compara", "comparar", "comparación", "versus"}
MIN_LANGUAGE_CHUNKS = 50
_CLITIC = re.compile(r"(?<=\w)['’](?:s|t|re|ve|ll|d|m)\b")  # "what's", "control's": not a term of their own


class UnknownAspect(UserError):
    """An aspect key that is not in the catalog; the message lists the valid keys."""


def aspect_query(aspect: Aspect) -> QuerySpec:
    dense = [" ; ".join(aspect.queries.get(lang, [])) for lang in ("en", "es") if aspect.queries.get(lang)]
    return QuerySpec(search_text(aspect), "en", dense)


def question_query(question: str, language: str, matched: list[Aspect], bilingual: bool = True) -> QuerySpec:
    """A free question, expanded with its aspects' phrasings in both languages and dialect equivalents;
    ``bilingual``: the index holds passages in the other language too."""
    expansions = [search_text(a) for a in matched] + equivalents_in(question)
    other = translated(question, language)
    # A phrasing in the other language finds that language's passages in meaning: the aspect's, or
    # else the question's own words as the glossary translates them.
    dense = [question] + [" ; ".join(a.queries["en" if language == "es" else "es"]) for a in matched]
    dense += [other] if other and not matched and bilingual else []
    return QuerySpec(" ".join([question, *expansions]), language, dense, other)


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
        self._name_folds = frozenset(fold(w) for n in self.controls for w in n.split()) | frozenset(
            fold(c.vendor) for c in self.registry.controls.values() if c.vendor)
        # Languages the passages are in: a question is searched in meaning in the other one only if any.
        self.languages = {lang for lang in ("en", "es") if self.index.term_stats((), lang).chunks}
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
        out_rows = []
        # A question that asks for nothing in particular about a catalog aspect ("compara el plano
        # inclinado") is that aspect's row; a typed question (a count, a code, a verdict) is answered
        # from the facts, and so is an aspect row the extraction finds nothing for.
        broad = bool(question) and self._about_aspect(question or "", language, rows[0][2])
        for key, label, aspect, _spec in rows:
            cells: dict[str, dict[str, Any]] = {}
            found_by_name = {name: next(fused) for _, name in resolved}
            free = self.answer_free(question, language, found_by_name) if key == "question" and question else {}
            for requested, resolution in resolutions.items():
                if resolution.name is None:
                    cell = Cell.not_stated(language, unresolved_message(resolution, language))
                elif key == "question" and not (aspect and broad):
                    cell = free.get(resolution.name) or Cell.not_stated(language)
                else:
                    candidates = found_by_name[resolution.name]
                    extracted = (extract_aspect(aspect, candidates, self._dialect(resolution.name), language)
                                 if aspect else None)
                    cell = extracted or Cell.not_stated(language)
                    if extracted is not None and extracted.found:
                        cell.answer = cell_answer(cell, aspect, language)
                    elif key == "question":
                        cell = free.get(resolution.name) or cell
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
        other = "en" if language == "es" else "es"
        spec = question_query(question, language, matched, other in self.languages)
        return [("question", question, matched[0] if matched else None, spec)]

    def _about_aspect(self, question: str, language: str, aspect: Aspect | None) -> bool:
        """The question asks about the aspect as a whole: no particular type of answer, and none of
        its words beyond the aspect's own names and phrasings."""
        if aspect is None or read_question(question).kind != "text":
            return False
        own = {t for text in [*aspect.label.values(), *(q for qs in aspect.queries.values() for q in qs)]
               if text for lang in ("en", "es") for t in analyze(text, lang)}
        return self.question_stems(question, language) <= own

    def _dialect(self, name: str) -> str | None:
        control = self.registry.controls.get(name)
        return vendor_dialects().get(control.vendor or "") if control else None

    def answer_free(self, question: str, language: str, pools: dict[str, list[Fused]]) -> dict[str, Cell | None]:
        """A free question's cells, per control (a pool keyed "" is the whole index): the fact that
        answers it, typed by what it asks (answering.py)."""
        ask = read_question(question)
        matched = [aspects()[k] for k in detect_aspects(question, language)] if aspects() else []
        unit = matched[0].unit if matched and matched[0].kind == "number" else None
        if unit and ask.kind in ("quantity", "text") and not ask.count:
            # The catalog knows the unit this aspect is stated in.
            ask = replace(ask, kind="quantity", dimension=unit, also=tuple(k for k in ask.also if k != "quantity"))
        expansions = [p for a in matched[:1] for qs in a.queries.values() for p in qs] + [
            e for a in matched[:1] for e in a.evidence]
        stems = self.question_stems(question, language)
        # "Which G-code ...": the words that ask for a code are the answer's type, not its topic.
        own = stems - set(analyze(type_words(question), language)) if ask.kind == "code" else stems
        terms = question_terms(own or stems, expansions, language, question, self._name_folds)

        named_in: dict[str, list[str]] = {}  # a passage's statements recur in its pairs and rows

        def other_control(text: str, name: str) -> bool:
            if not name:
                return False
            if text not in named_in:
                named_in[text] = self.registry.matcher.names_in(text)
            return bool(named_in[text]) and name not in named_in[text]

        # The question's words are weighed among the passages in its language, where its stems
        # live, unless too few passages are in it to tell common words from rare ones.
        stats = self.index.term_stats(terms.own, language)
        if stats.chunks < MIN_LANGUAGE_CHUNKS:
            stats = self.index.term_stats(terms.own)
        translations = {t for forms in terms.translations.values() for form in forms for t in form}
        if translations:
            # A word's translation is as common as the word, wherever its language's passages are.
            stats = through_translations(stats, self.index.term_stats(translations), terms.translations)
        phrasings = [question, *([other] if (other := translated(question, language)) else [])]
        return answer_free(pools, terms, ask, language, other_control, stats=stats,
                           similarity=lambda texts: self.similarity(phrasings, texts))

    def similarity(self, phrasings: list[str], texts: list[str]) -> list[float] | None:
        """Cosine similarity of each text to the question, in its closest phrasing (the question's
        own words, or the glossary's translation for passages in the other language); None for a
        lexical-only index."""
        vectors = self.vectorizer.vectors([*phrasings, *texts])
        if vectors is None:
            return None
        n = len(phrasings)
        return (vectors[n:] @ vectors[:n].T).max(axis=1).tolist()

    def question_stems(self, question: str, language: str) -> set[str]:
        """The question's stemmed content terms, without control/vendor names and question words."""
        spans = self.registry.matcher.find(question)
        stripped = fold(question)
        for start, end, _ in reversed(spans):
            stripped = stripped[:start] + " " + stripped[end:]
        drop = {t for w in self._name_words | _QUESTION_WORDS for t in analyze(w, language)}
        return set(analyze(_CLITIC.sub("", stripped), language)) - drop
