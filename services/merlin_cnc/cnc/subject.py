"""What a document or a table row is about when it is not the control itself: a machine.

A machine's nameplate spindle power or rapid rate is not its control's specification. A document
(or a section, by its heading) is about a machine when its title names one ("Fresadora FM-1200 con
CNC Fagor 8065", "MX-500 vertical machining centre with SINUMERIK 828D": a product that is no
control, then the control it uses) or its opening says it holds machine data; a table row is a
machine's when the table is keyed by machine.
"""

from __future__ import annotations

import re

from ..analysis import fold
from ..chunking import Chunk
from ..documents import ParsedDocument
from .registry import Registry

MACHINE = "machine"
_MACHINE_WORDS = re.compile(
    r"\b(machines?|maquinas?|machining cent(?:re|er)s?|centros? de mecanizado|vmc|hmc|lathes?|tornos?|"
    r"fresadoras?|milling machines?|routers?|grinders?|rectificadoras?|machine tools?|maquinas? herramienta)\b"
)
_MACHINE_DATA = re.compile(
    r"\b(machine data|our (?:own )?machine|nameplate|placa de caracteristicas|datos de (?:nuestra |la )?maquina|"
    r"datos de maquina|maschinendaten)\b"
)
_NEGATION = re.compile(r"\b(?:no|not|sin|without|ningun[oa]?|never|nunca|ni|nor)\b(?:\W+\w+){0,2}\W*$")
_USES = re.compile(r"\s(?:with|con|using|mit|w/|equipped with|equipada con|equipado con)\s", re.IGNORECASE)
_MACHINE_KEYS = re.compile(r"^(machine|machine name|machine id|maquina|equipment|equipo|asset|machine model)$")


_MODEL = re.compile(r"\b[A-Z]{1,4}-?\d{1,5}[A-Z]?\b")  # "FM-1200", "VF-2", "MX-500", never "5-axis"


def document_subject(doc: ParsedDocument, registry: Registry) -> str | None:
    """``machine`` for a document about a machine, else None (it is about its control)."""
    title = doc.title or ""
    if _says_machine_data(fold(doc.opening[:800])):
        return MACHINE
    parts = _USES.split(title, maxsplit=1)
    if len(parts) == 2:
        # "<a product that is no control> with <its control>"
        head = parts[0]
        if _MODEL.search(head) and not registry.matcher.names_in(head):
            return MACHINE
    first_segment = re.split(r"\s[—–-]\s|:", title)[0]
    if _MACHINE_WORDS.search(fold(first_segment)) and not registry.matcher.names_in(first_segment):
        return MACHINE
    return None


def _says_machine_data(text: str) -> bool:
    """The text says it holds machine data ("datos de máquina"), not that it holds none ("no
    contiene datos de máquina", "without machine data")."""
    return any(not _NEGATION.search(text[max(0, m.start() - 40) : m.start()]) for m in _MACHINE_DATA.finditer(text))


def row_subject(fields: dict[str, str] | None) -> str | None:
    """``machine`` for a row of a table keyed by machine (a machine park, a machine list)."""
    if not fields:
        return None
    first = fold(next(iter(fields))).strip().replace("_", " ")
    return MACHINE if _MACHINE_KEYS.match(first) else None


def mark_subjects(doc: ParsedDocument, chunks: list[Chunk], registry: Registry) -> None:
    """Record in each chunk that is about a machine ``extra["subject"] = "machine"``."""
    whole = document_subject(doc, registry)
    for chunk in chunks:
        fields = chunk.extra.get("fields")
        section = MACHINE if any(_says_machine_data(fold(h)) for h in chunk.headings) else None
        subject = whole or section or row_subject(fields if isinstance(fields, dict) else None)
        if subject:
            chunk.extra["subject"] = subject
