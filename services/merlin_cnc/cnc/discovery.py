"""Control names a document itself declares: metadata, its title, its table key columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import fold
from ..documents import ParsedDocument
from .names import NameMatcher

_SEGMENT_SPLIT = re.compile(r"\s+[—–-]\s+|[—–:|()\[\]]|,\s")
_GENERIC = set(
    fold(w)
    for w in [
        "product",
        "products",
        "overview",
        "datasheet",
        "data",
        "sheet",
        "spec",
        "specs",
        "specification",
        "specifications",
        "brochure",
        "manual",
        "guide",
        "programming",
        "programmer",
        "operator",
        "operators",
        "operating",
        "notes",
        "note",
        "release",
        "releases",
        "training",
        "summary",
        "service",
        "application",
        "applications",
        "technical",
        "tech",
        "ficha",
        "técnica",
        "tecnica",
        "guía",
        "guia",
        "programación",
        "notas",
        "nota",
        "resumen",
        "de",
        "del",
        "la",
        "el",
        "las",
        "los",
        "the",
        "for",
        "and",
        "y",
        "a",
        "an",
        "of",
        "on",
        "with",
        "con",
        "para",
        "controller",
        "control",
        "controls",
        "cnc",
        "system",
        "sistema",
        "series",
        "serie",
        "new",
        "nuevo",
        "nueva",
        "supplier",
        "proveedor",
        "introduction",
        "introducción",
        "faq",
        "preguntas",
        "frecuentes",
        "quick",
        "reference",
        "referencia",
        "rápida",
        "rapida",
        "sheet",
        "hoja",
        "características",
        "caracteristicas",
        "features",
        "feature",
        "datos",
        "data",
        "información",
        "informacion",
        "about",
        "sobre",
        "catálogo",
        "catalogo",
        "catalog",
        "user",
        "users",
        "usuario",
        "manual",
        "handbook",
    ]
)
_MODELISH = re.compile(r"(?=[\w+.-]*[^\W\d_])(?=[\w+.-]*\d)[\w+.-]{2,}|\d{3,}", re.UNICODE)
_VERSION = re.compile(r"^(v|rev|r|ver)?\.?\d+(\.\d+)+[.,;]?$|^(v|rev|ver)\d+$", re.I)
_METADATA_KEYS = ("cnc", "control", "controller", "control_name", "controlador")


@dataclass
class DocumentNames:
    """What a document says it is about (surface forms as written)."""

    metadata: str | None = None
    metadata_vendor: str | None = None
    title: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return [n for n in [self.metadata, *self.title, *self.rows] if n]


def _strip_generic(words: list[str]) -> list[str]:
    while words and fold(words[0]).strip(".") in _GENERIC:
        words = words[1:]
    while words and fold(words[-1]).strip(".") in _GENERIC:
        words = words[:-1]
    return words


def candidate_from_title(title: str) -> str | None:
    """An unknown control's name from a title such as ``Acme NX-9 Controller — Datasheet``."""
    for segment in _SEGMENT_SPLIT.split(title):
        words = _strip_generic(segment.split())
        if not words or len(words) > 5:
            continue
        models = [w for w in words if _MODELISH.fullmatch(w.strip(".,;")) and not _VERSION.match(w)]
        if models and any(w[:1].isupper() for w in words):
            return " ".join(words).strip(".,;")
    return None


def metadata_name(doc: ParsedDocument) -> tuple[str | None, str | None]:
    name = next((doc.metadata[k] for k in _METADATA_KEYS if doc.metadata.get(k)), None)
    if isinstance(name, list):
        name = name[0] if name else None
    vendor = doc.metadata.get("vendor")
    return (str(name).strip() if name else None), (str(vendor).strip() if vendor else None)


def discover(doc: ParsedDocument, known: NameMatcher) -> DocumentNames:
    names = DocumentNames()
    names.metadata, names.metadata_vendor = metadata_name(doc)
    if doc.title and doc.doc_type != "nc":
        found = known.names_in(doc.title)
        if found:
            names.title = found
        elif candidate := candidate_from_title(doc.title):
            names.title = [candidate]
    names.rows = list(dict.fromkeys(b.cnc_hint for b in doc.blocks if b.cnc_hint))
    return names
