"""The built-in comparison aspects and the G-code dialect equivalence table (data files in catalog/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .analysis import analyze


@dataclass(frozen=True)
class Aspect:
    key: str
    label: dict[str, str]
    kind: str  # "number" | "count" | "code" | "text"
    queries: dict[str, list[str]]
    evidence: list[str]
    unit: str | None = None
    better: str | None = None  # "higher" | "lower"
    value_near: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)  # words that mark a stated limit ("max", "hasta")
    function: str | None = None  # key into the dialect table for kind "code"
    patterns: list[str] = field(default_factory=list)

    def label_in(self, language: str) -> str:
        return self.label.get(language) or self.label["en"]

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label_en": self.label["en"],
            "label_es": self.label["es"],
            "kind": self.kind,
            "unit": self.unit,
            "better": self.better,
        }


@dataclass(frozen=True)
class DialectFunction:
    key: str
    label: dict[str, str]
    codes: dict[str, list[str]]  # dialect -> codes

    def all_codes(self) -> list[str]:
        return list(dict.fromkeys(code for codes in self.codes.values() for code in codes))


def _load(name: str) -> dict[str, object]:
    text = resources.files("merlin_cnc").joinpath(f"catalog/{name}").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def aspects() -> dict[str, Aspect]:
    """The built-in aspects, or none with ``MERLIN_ASPECTS=none``."""
    from .config import get_settings

    return _aspects(get_settings().aspects != "none")


@lru_cache(maxsize=2)
def _aspects(enabled: bool) -> dict[str, Aspect]:
    if not enabled:
        return {}
    entries = _load("aspects.yaml")["aspects"]
    assert isinstance(entries, list)
    return {e["key"]: Aspect(**e) for e in entries}


@lru_cache(maxsize=1)
def dialect_functions() -> dict[str, DialectFunction]:
    functions = _load("dialects.yaml")["functions"]
    assert isinstance(functions, dict)
    out = {}
    for key, entry in functions.items():
        label = entry.pop("label")
        out[key] = DialectFunction(key, label, {d: [str(c) for c in codes] for d, codes in entry.items()})
    return out


@lru_cache(maxsize=1)
def vendor_dialects() -> dict[str, str]:
    vendors = _load("dialects.yaml")["vendors"]
    assert isinstance(vendors, dict)
    return {str(k): str(v) for k, v in vendors.items()}


def aspect_codes(aspect: Aspect, dialect: str | None = None) -> list[str]:
    """The NC codes that express a code aspect: in one dialect, or in every dialect we know."""
    if not aspect.function or aspect.function not in dialect_functions():
        return []
    function = dialect_functions()[aspect.function]
    if dialect is not None:
        return list(function.codes.get(dialect, []))
    return function.all_codes()


def foreign_codes(dialect: str | None) -> set[str]:
    """Codes that only other dialects use (a passing mention of them is not this control's syntax)."""
    if dialect is None:
        return set()
    own = {c for f in dialect_functions().values() for c in f.codes.get(dialect, [])}
    return {
        c for f in dialect_functions().values() for d, codes in f.codes.items() if d != dialect for c in codes
    } - own


def search_text(aspect: Aspect) -> str:
    """Everything a lexical search for the aspect looks for: both languages' phrasings and the codes."""
    phrasings = [q for qs in aspect.queries.values() for q in qs]
    return " ".join(phrasings + aspect_codes(aspect))


def code_terms(code: str) -> frozenset[str]:
    """The whole-token terms of an NC code (``CYCL DEF 200`` -> cycl, def, 200; never ``CYCLE840`` -> 840)."""
    terms = []
    for piece in code.split():
        analyzed = analyze(piece)
        if analyzed:
            terms.append(analyzed[0])
    return frozenset(terms)


@lru_cache(maxsize=1)
def _aspect_terms() -> dict[str, tuple[set[str], set[str], list[frozenset[str]]]]:
    """Per aspect: the terms of its phrasings, of its evidence words, and each code's terms."""
    out = {}
    for key, aspect in aspects().items():
        words: set[str] = set()
        for language, phrasings in aspect.queries.items():
            for phrase in phrasings:
                words.update(analyze(phrase, language))
        evidence: set[str] = set()
        for language in ("en", "es"):
            words.update(analyze(aspect.label[language], language))
            for word in aspect.evidence:
                evidence.update(analyze(word, language))
        codes = [code_terms(code) for code in aspect_codes(aspect)]
        out[key] = (words, evidence, [c for c in codes if c])
    return out


_GENERIC_TERMS = {"maximum", "max", "maxim", "numer", "number", "command", "comand", "control", "programm", "program"}


def detect_aspects(question: str, language: str) -> list[str]:
    """Aspects a free question asks about, best first (none when it asks about something else)."""
    terms = set(analyze(question, language)) | set(analyze(question, "en" if language == "es" else "es"))
    scored = []
    for key, (words, evidence, codes) in _aspect_terms().items():
        shared = (terms & words) - _GENERIC_TERMS
        strong = (terms & evidence) - _GENERIC_TERMS
        code_hits = sum(1 for code in codes if code <= terms)
        score = len(shared) + len(strong) + 2 * code_hits
        if score >= 2:
            scored.append((score, key))
    scored.sort(key=lambda item: -item[0])
    if not scored:
        return []
    best = scored[0][0]
    return [key for score, key in scored if score >= max(2, best - 1)][:3]


def equivalents_in(text: str) -> list[str]:
    """Dialect equivalents of the NC codes named in ``text`` (G68.2 -> CYCLE800, PLANE SPATIAL, ...)."""
    terms = set(analyze(text))
    out: list[str] = []
    for function in dialect_functions().values():
        codes = function.all_codes()
        if any(code_terms(code) and code_terms(code) <= terms for code in codes):
            out.extend(codes)
    return list(dict.fromkeys(out))
