"""The bilingual glossary (``catalog/glossary.yaml``): the other language's words for a question's words.

A Spanish question over English documents ("¿cuántos ejes?" / "axes") shares no word with its
answer unless it is translated; each glossary form found in the question gives its terms the
terms of the other language's forms as alternatives.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from .analysis import analyze


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    text = resources.files("merlin_cnc").joinpath("catalog/glossary.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    out = []
    for spanish, english in data["terms"]:
        out.append((tuple(f.strip() for f in spanish.split("|")), tuple(f.strip() for f in english.split("|"))))
    return tuple(out)


@lru_cache(maxsize=4096)
def _form_terms(form: str, language: str) -> tuple[str, ...]:
    return tuple(analyze(form, language))


def _found(form: str, language: str, question_terms: tuple[str, ...]) -> bool:
    """The question uses the form in any inflection: its stems in a row ("apaga" is "apagar",
    "parada de emergencia" is "paradas de emergencia")."""
    terms = _form_terms(form, language)
    n = len(terms)
    return n > 0 and any(question_terms[i : i + n] == terms for i in range(len(question_terms) - n + 1))


@lru_cache(maxsize=1024)
def alternatives(question: str, language: str) -> dict[str, tuple[frozenset[str], ...]]:
    """``{question term: its translations}`` for the glossary forms the question uses. Each
    translation is the set of terms of one form of the other language, all of which a passage must
    have: "canned cycle" is "ciclo fijo", never "ciclo" alone."""
    stems = {lang: tuple(analyze(question, lang)) for lang in ("es", "en")}
    out: dict[str, set[frozenset[str]]] = {}
    for spanish, english in _entries():
        directions = ((spanish, english, "es", "en"), (english, spanish, "en", "es"))
        for own, other, own_language, other_language in directions:
            used = [f for f in own if _found(f, own_language, stems[own_language])]
            if not used:
                continue
            translated = {frozenset(analyze(f, lang)) for f in other for lang in (other_language, language)}
            # The entry's other forms in the question's own language are its synonyms ("vendor" for
            # "manufacturer").
            translated |= {frozenset(analyze(f, own_language)) for f in own if f not in used}
            translated.discard(frozenset())
            for form in used:
                for term in set(analyze(form, language)) | set(analyze(form, own_language)):
                    out.setdefault(term, set()).update(translated)
    return {term: tuple(sorted(forms, key=sorted)) for term, forms in out.items()}


@lru_cache(maxsize=1024)
def translated(question: str, language: str) -> str | None:
    """The other language's forms of the glossary words the question uses (None when it uses none):
    the question's own words, codes and names are searched as they are already."""
    stems = tuple(analyze(question, language))
    forms: list[str] = []
    for spanish, english in _entries():
        own, other = (spanish, english) if language == "es" else (english, spanish)
        if any(_found(f, language, stems) for f in own):
            forms.extend(other)
    return " ".join(dict.fromkeys(forms)) or None
