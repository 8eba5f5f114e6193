"""Code-aware text analysis shared by every index backend.

Both the embedded index and Elasticsearch rank on the terms produced here, so a CNC code is
matched the same way everywhere: ``G01`` equals ``G1``, ``G68.2``, ``CYCLE800``, ``#500``, ``M06``
(= ``m6``), ``R1`` and ``Q200`` stay whole, and prose is stemmed in Spanish or English.
Terms only use ``[a-z0-9_]`` so that any tokenizer (FTS5's, Elasticsearch's ``standard``) keeps
them intact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STOP_EN = set(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "or",
        "per",
        "such",
        "than",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "this",
        "to",
        "up",
        "use",
        "used",
        "using",
        "via",
        "was",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "within",
        "without",
        "would",
        "you",
        "your",
    ]
)
_STOP_ES = set(
    [
        "a",
        "al",
        "algo",
        "algunas",
        "algunos",
        "ante",
        "con",
        "contra",
        "cual",
        "cuando",
        "de",
        "del",
        "desde",
        "donde",
        "durante",
        "e",
        "el",
        "ella",
        "ellos",
        "en",
        "entre",
        "era",
        "es",
        "esa",
        "ese",
        "eso",
        "esta",
        "este",
        "esto",
        "estos",
        "estas",
        "fue",
        "ha",
        "hay",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "mas",
        "me",
        "muy",
        "ni",
        "no",
        "o",
        "para",
        "pero",
        "por",
        "que",
        "quien",
        "se",
        "sea",
        "ser",
        "si",
        "sin",
        "sobre",
        "son",
        "su",
        "sus",
        "tambien",
        "te",
        "tiene",
        "tienen",
        "todo",
        "todos",
        "tras",
        "un",
        "una",
        "uno",
        "unos",
        "y",
        "ya",
        "como",
        "cómo",
        "qué",
        "cuál",
        "más",
        "también",
        "está",
        "están",
        "según",
    ]
)
STOPWORDS = {"en": _STOP_EN, "es": _STOP_ES}

_RAW_TOKEN = re.compile(r"#<[^>\s]+>|#\d+|[^\W_]+(?:[.,\-/][^\W_]+)*", re.UNICODE)
_ADDRESS = re.compile(r"^([a-z])0*(\d+)(?:[.,](\d+))?$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_ALPHA = re.compile(r"^[^\W\d_]+$", re.UNICODE)
_LETTER_DIGIT = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_NON_TERM = re.compile(r"[^a-z0-9_]+")


_ASCII = str.maketrans(
    {
        "μ": "u",
        "µ": "u",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "đ": "d",
        "ı": "i",
        "⁄": "/",
    }
)


def fold(text: str) -> str:
    """Lower-case and strip accents (``Programación`` -> ``programacion``, ``µm`` -> ``um``)."""
    decomposed = unicodedata.normalize("NFKD", text.lower()).translate(_ASCII)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=2)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("spanish" if language == "es" else "english")


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    if len(word) <= 3:
        return fold(word)
    return fold(_stemmer(language).stemWord(word))


def _address_term(token: str) -> str | None:
    match = _ADDRESS.match(token)
    if not match:
        return None
    letter, whole, decimal = match.groups()
    return f"{letter}{whole}_{decimal}" if decimal else f"{letter}{whole}"


@lru_cache(maxsize=131072)
def _cached_terms(token: str, language: str) -> tuple[str, ...]:
    """The final terms of one raw token (tokens repeat a lot: the cache makes analysis cheap)."""
    # Both languages' stop words, whatever the language: documents and questions mix them
    # ("tiempo de bloque of the 840D"), and "de" or "the" are never evidence.
    stop = _STOP_ES | _STOP_EN
    out = []
    for term in _terms_of(token, language, stop):
        term = _NON_TERM.sub("", fold(term))
        if term:
            out.append(term)
    return tuple(out)


def _terms_of(token: str, language: str, stop: set[str]) -> list[str]:
    if token.startswith("#"):
        return ["var_" + _NON_TERM.sub("_", fold(token[1:])).strip("_")]
    lowered = token.lower()
    if _ALPHA.match(lowered):
        if lowered in stop or fold(lowered) in stop:
            return []
        return [_stem(lowered, language)]
    address = _address_term(lowered)
    if address:
        return [address]
    if _NUMBER.match(lowered):
        return [lowered.replace(",", "_").replace(".", "_")]
    whole = _NON_TERM.sub("_", fold(lowered)).strip("_")
    parts = [p for p in re.split(r"[.,\-/]", lowered) if p]
    terms = [whole]
    if len(parts) > 1:
        for part in parts:
            terms.extend(_terms_of(part, language, stop))
    else:
        pieces = _LETTER_DIGIT.findall(lowered)
        if len(pieces) > 1:
            terms.extend(fold(p) for p in pieces if len(p) > 1 or p.isdigit())
    return list(dict.fromkeys(terms))


def analyze(text: str, language: str = "en") -> list[str]:
    """Split ``text`` into search terms (code tokens kept whole, prose stemmed in ``language``)."""
    terms: list[str] = []
    for raw in _RAW_TOKEN.findall(text):
        terms.extend(_cached_terms(raw, language))
    return terms


def query_terms(text: str, language: str = "en") -> list[str]:
    """A query's distinct terms: every backend weighs each term once, however often it is repeated."""
    return list(dict.fromkeys(analyze(text, language)))


def analyzed_text(text: str, language: str = "en") -> str:
    """The pre-analyzed form a backend indexes: terms joined by spaces."""
    return " ".join(analyze(text, language))


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SPANISH_MARKS = re.compile(r"[ñ¿¡áéíóú]", re.IGNORECASE)


def content_words(text: str) -> set[str]:
    """Unstemmed content words (folded, plural "s" dropped): for judging whether a line answers a free
    question, where stems are too loose ("executive" and "executed" share the stem "execut")."""
    out = set()
    for raw in _RAW_TOKEN.findall(text):
        word = fold(raw)
        if len(word) >= 3 and word not in _STOP_EN and word not in _STOP_ES:
            out.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return out


def detect_language(text: str) -> str:
    """``es`` or ``en`` from stop-word frequencies (documents here are one or the other)."""
    words = [w for w in _WORD.findall(text[:20000]) if w.islower()]
    if not words:
        return "en"
    es = sum(1 for w in words if w in _STOP_ES and w not in _STOP_EN)
    en = sum(1 for w in words if w in _STOP_EN and w not in _STOP_ES)
    es += len(_SPANISH_MARKS.findall(text[:20000])) // 3
    return "es" if es > en else "en"
