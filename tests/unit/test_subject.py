"""Which documents, sections and rows are about a machine rather than its control."""

from __future__ import annotations

import pytest

from merlin_cnc.chunking import Chunk
from merlin_cnc.cnc.registry import Registry
from merlin_cnc.cnc.subject import document_subject, mark_subjects, row_subject
from merlin_cnc.documents.config import parse_config
from merlin_cnc.documents.markdown import parse_markdown


@pytest.mark.parametrize(
    ("title", "subject"),
    [("Haas VF-2 with Next Generation Control — Shop notes", "machine"),
     ("Fresadora FM-1200 con CNC Fagor 8065 — Notas", "machine"),
     ("MX-500 vertical machining centre with SINUMERIK 828D", "machine"),
     ("5-axis machining with the TNC 640", None),
     ("SINUMERIK 840D sl with ShopMill", None),
     ("Acme NX-9 datasheet", None)],
)
def test_document_subject_from_its_title(title: str, subject: str | None) -> None:
    assert document_subject(parse_markdown("a.md", f"# {title}\n\nText.\n"), Registry()) == subject


def test_a_document_that_says_it_holds_machine_data() -> None:
    doc = parse_markdown("a.md", "# Cell 3 notes\n\nAll values are our own machine data (nameplate).\n")
    assert document_subject(doc, Registry()) == "machine"


def test_machine_rows_and_sections() -> None:
    assert row_subject({"machine": "VF-2", "control": "Haas NGC", "spindle_max_rpm": "8100"}) == "machine"
    assert row_subject({"control": "Haas NGC", "max_axes": "5"}) is None
    doc = parse_markdown("a.md", "# Acme NX-9 datasheet\n\nText.\n")
    section = Chunk("c1", "a.md", "line 1", "Rapid: 36 m/min", ("Reference values (machine data)",))
    spec = Chunk("c2", "a.md", "line 2", "Max axes: 8", ("Specification",))
    mark_subjects(doc, [section, spec], Registry())
    assert section.extra == {"subject": "machine"} and spec.extra == {}


def test_a_document_that_says_it_holds_no_machine_data_is_its_controls() -> None:
    doc = parse_markdown("a.md", "# Quick guide\n\nWritten from the operator manual. It contains no machine data.\n")
    assert document_subject(doc, Registry()) is None
    doc = parse_markdown("b.md", "# Guía rápida\n\nResumen del manual del operador. No contiene datos de máquina.\n")
    assert document_subject(doc, Registry()) is None


def test_a_configuration_file_whose_opening_comment_says_it_is_a_machines() -> None:
    backup = ("; Acme BZ 800 vertical machining centre - machine data backup\n; Control: Orion X7\n\n"
              "[SPINDLE]\nmax_rpm = 12000\n")
    export = ("# Configuración de máquina - Fresadora FV-1100\n# Control: Orion X7\n"
              "cabezal:\n  velocidad_max_rpm: 8000\n")
    plain = "# Orion X7 default parameters\n[AXES]\ncount = 5\n"
    assert document_subject(parse_config("bz800.ini", backup), Registry()) == "machine"
    assert document_subject(parse_config("fv1100.yaml", export), Registry()) == "machine"
    assert document_subject(parse_config("defaults.ini", plain), Registry()) is None
