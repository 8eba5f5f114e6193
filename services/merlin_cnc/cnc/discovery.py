"""Control names a document itself declares: metadata, its title, its table key columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import fold
from ..documents import ParsedDocument
from ..index.base import NameClaim
from .folders import folder_name_uses, folder_paths
from .names import NameMatcher

FAMILY_TITLE = "title:family"  # a claim the registry confirms by its first word
_SEGMENT_SPLIT = re.compile(r"\s+(?:vs\.?|versus|frente a|contra)\s+|\s+[—–-]\s+|[—–:|()\[\]]|,\s")
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
# Words that say what kind of document a title belongs to: an identifier right after one of them
# ("Service Bulletin SB-2291", "Release Notes R7.3", "Boletín BT-12") numbers the document.
_DOCUMENT_KINDS = set(
    fold(w)
    for w in [
        "bulletin", "bulletins", "boletin", "boletín", "circular", "notice", "aviso", "release", "releases",
        "notes", "note", "nota", "notas", "manual", "guide", "guia", "guía", "faq", "document", "documento",
        "report", "informe", "revision", "revisión", "version", "versión", "errata", "changelog", "chapter",
        "capitulo", "capítulo", "appendix", "anexo", "issue", "edition", "edición", "sheet", "ficha", "no", "nº",
        "ref", "referencia", "reference", "memo", "procedure", "procedimiento", "instruction", "instrucción",
    ]
)
# Kinds of document that go by a number of their own ("bulletin SB-2291"); a manual or a data sheet
# goes by its product's name ("manual TX-540").
_NUMBERED_KINDS = set(
    fold(w)
    for w in [
        "bulletin", "bulletins", "boletin", "boletín", "circular", "notice", "aviso", "errata", "memo", "report",
        "informe", "document", "documento", "procedure", "procedimiento", "issue", "edition", "edición", "no", "nº",
        "ref", "referencia", "reference",
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
    columns: list[str] = field(default_factory=list)  # controls heading a comparison table's columns
    family: list[str] = field(default_factory=list)  # a title's name with no model number (to be confirmed)
    folders: dict[str, list[str]] = field(default_factory=dict)  # folder -> how the file writes its name

    def all(self) -> list[str]:
        return [n for n in [self.metadata, *self.title, *self.rows, *self.columns] if n]

    def claims(self, source: str) -> list[NameClaim]:
        """What the index stores for the file, and the registry is rebuilt from."""
        out = []
        if self.metadata:
            out.append(NameClaim(self.metadata, self.metadata_vendor, "metadata", source))
        out.extend(NameClaim(n, None, "title", source) for n in self.title)
        out.extend(NameClaim(n, None, FAMILY_TITLE, source) for n in self.family)
        out.extend(NameClaim(n, None, "table key", source) for n in [*self.rows, *self.columns])
        for folder, surfaces in sorted(self.folders.items()):
            out.extend(NameClaim(s, None, f"folder:{folder}", source) for s in surfaces)
        return out


def _strip_generic(words: list[str]) -> tuple[list[str], bool]:
    """The words without generic ones at either end, and whether a document-kind word stood right
    before what is left."""
    after_kind = False
    while words and fold(words[0]).strip(".:#") in _GENERIC | _DOCUMENT_KINDS:
        after_kind = fold(words[0]).strip(".:#") in _DOCUMENT_KINDS
        words = words[1:]
    while words and fold(words[-1]).strip(".") in _GENERIC:
        words = words[:-1]
    return words, after_kind


def candidate_from_title(title: str) -> str | None:
    """An unknown control's name from a title such as ``Acme NX-9 Controller — Datasheet``; never a
    document's own number (``Service Bulletin SB-2291``)."""
    found = candidates_from_title(title)
    return found[0] if found else None


def candidates_from_title(title: str) -> list[str]:
    """Every control name a title gives (a comparison's title gives several)."""
    out = []
    for segment in _SEGMENT_SPLIT.split(title):
        words = segment.split()
        # What follows a document-kind word numbers or describes the document ("K5 service
        # bulletin 3", "TX-540 release notes 2.1"): the product's name comes before it.
        cut = next((i for i, w in enumerate(words) if i and fold(w).strip(".:#") in _DOCUMENT_KINDS), None)
        words, after_kind = _strip_generic(words[:cut])
        if not words or len(words) > 5:
            continue
        if after_kind and len(words) == 1:
            continue
        models = [w for w in words if _MODELISH.fullmatch(w.strip(".,;")) and not _VERSION.match(w)]
        if models and any(w[:1].isupper() for w in words):
            out.append(" ".join(words).strip(".,;"))
    return list(dict.fromkeys(out))


def _names_the_document(name: str, opening: str) -> bool:
    """The document calls the name what it is itself ("Service Bulletin SB-2291", "Boletín de
    servicio SB-2291"): a document's number, not a product's."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", opening):
        before = [fold(w).strip(".:#*_/") for w in opening[max(0, match.start() - 40) : match.start()].split()[-3:]]
        if any(w in _NUMBERED_KINDS for w in before):
            return True
    return False


def family_candidate(title: str) -> str | None:
    """A name with no model number in a title ("SINUMERIK ONE — Datasheet"): two or three
    capitalised words. Only a candidate: the registry keeps it when its first word is the family of
    a control with a model number (``SINUMERIK 828D``)."""
    for segment in _SEGMENT_SPLIT.split(title):
        words = segment.split()
        cut = next((i for i, w in enumerate(words) if i and fold(w).strip(".:#") in _DOCUMENT_KINDS), None)
        words, _ = _strip_generic(words[:cut])
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
            return " ".join(words)
    return None


def metadata_name(doc: ParsedDocument) -> tuple[str | None, str | None]:
    name = next((doc.metadata[k] for k in _METADATA_KEYS if doc.metadata.get(k)), None)
    if isinstance(name, list):
        name = name[0] if name else None
    vendor = doc.metadata.get("vendor")
    return (str(name).strip() if name else None), (str(vendor).strip() if vendor else None)


def _column_names(doc: ParsedDocument, known: NameMatcher) -> list[str]:
    """Product names heading the value columns of a comparison table (one column per control)."""
    out: list[str] = []
    for block in doc.blocks:
        if block.kind != "row" or not block.fields or block.cnc_hint:
            continue
        headers = list(block.fields)[1:]
        named = [h for h in headers if known.names_in(h) or candidate_from_title(h) == " ".join(h.split())]
        if len(named) >= 2:
            out.extend(n for n in named if n not in out)
    return out


def discover(doc: ParsedDocument, known: NameMatcher) -> DocumentNames:
    """What ``doc`` says it is about. ``known`` holds the catalog's names only, so a file's names
    depend on its own content, never on which files were ingested before it."""
    names = DocumentNames()
    names.metadata, names.metadata_vendor = metadata_name(doc)
    if doc.title and doc.doc_type != "nc":
        found = known.names_in(doc.title)
        if found:
            names.title = found
        elif candidates := [c for c in candidates_from_title(doc.title) if not _names_the_document(c, doc.opening)]:
            names.title = candidates
        elif candidate := family_candidate(doc.title):
            names.family = [candidate]
    names.rows = list(dict.fromkeys(b.cnc_hint for b in doc.blocks if b.cnc_hint and b.hint_is_control))
    names.columns = _column_names(doc, known)
    text = "\n".join([doc.title or "", *(b.text for b in doc.blocks)])
    for folder in folder_paths(doc.source):
        uses = folder_name_uses(folder, text)
        if uses:
            names.folders[folder] = uses
    return names
