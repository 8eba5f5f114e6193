"""Which control each block of a document is about (DESIGN.md §5), following ingest's two passes."""

from __future__ import annotations

from merlin_cnc.cnc.attribution import attribute as attribute_document
from merlin_cnc.cnc.attribution import document_control
from merlin_cnc.cnc.discovery import DocumentNames, discover
from merlin_cnc.cnc.registry import Registry
from merlin_cnc.documents import ParsedDocument
from merlin_cnc.documents.markdown import parse_markdown
from merlin_cnc.documents.plaintext import parse_plaintext
from merlin_cnc.documents.spreadsheet import parse_csv


def attribute(*docs: ParsedDocument) -> dict[str, list[str | None]]:
    """Discover names, build the merged registry and folder controls, then attribute every block."""
    names = {d.source: discover(d, Registry().matcher) for d in docs}
    registry = Registry(c for d in docs for c in names[d.source].claims(d.source))
    return {doc.source: attribute_document(doc, names[doc.source], registry) for doc in docs}


FOLDER_DOC = """# Training notes

The 31i-B5 reads G68.2 for tilted planes.

Unlike the SINUMERIK 840D sl, which uses CYCLE800, and the TNC 640 with PLANE SPATIAL.

SINUMERIK 840D sl users know CYCLE800. The SINUMERIK 840D sl also has TRAORI.
"""


def test_passing_mentions_do_not_reattribute_a_folder_document() -> None:
    doc = parse_markdown("fanuc-31i-b5/notes.md", FOLDER_DOC)
    assert attribute(doc)["fanuc-31i-b5/notes.md"] == ["FANUC 31i-B5"] * 3


def test_metadata_beats_the_folder() -> None:
    doc = parse_markdown("fanuc-31i-b5/x.md", "---\ncnc: 840D sl\n---\n# Notes\n\nText about the FANUC.\n")
    assert attribute(doc)["fanuc-31i-b5/x.md"] == ["SINUMERIK 840D sl"]


def test_shared_comparison_gets_section_attribution() -> None:
    doc = parse_markdown(
        "shared/compare.md",
        "# FANUC 31i-B5 vs SINUMERIK 840D sl\n\n## FANUC 31i-B5\n\nUses G68.2 for tilted planes.\n\n"
        "## SINUMERIK 840D sl\n\nUses CYCLE800, unlike the 31i-B5.\n\n### Swivel data\n\nTC1 record.\n\n"
        "## Summary\n\nBoth support 5-axis machining.\n",
    )
    assert attribute(doc)["shared/compare.md"] == ["FANUC 31i-B5", "SINUMERIK 840D sl", "SINUMERIK 840D sl", None]


def test_shared_document_titled_with_one_control() -> None:
    doc = parse_markdown("shared/tnc.md", "# HEIDENHAIN TNC 640 tips\n\nUnlike the 840D sl, cycles use Q params.\n")
    assert attribute(doc)["shared/tnc.md"] == ["HEIDENHAIN TNC 640"]


def test_shared_document_from_its_opening_lines() -> None:
    doc = parse_plaintext("shared/memo.txt", "Memo\n\nThe TNC 640 controls our new mill. The TNC 640 is set up.\n")
    assert attribute(doc)["shared/memo.txt"] == ["HEIDENHAIN TNC 640"] * len(doc.blocks)


def test_csv_rows_attributed_by_control_column() -> None:
    doc = parse_csv("shared/table.csv", "control,max_axes\nFANUC 31i-B5,32\nTNC 640,24\nAcme NX-9,5\n,3\n")
    assert attribute(doc)["shared/table.csv"] == ["FANUC 31i-B5", "HEIDENHAIN TNC 640", "Acme NX-9", None]


def test_unknown_control_title_in_shared_folder() -> None:
    doc = parse_markdown("shared/acme.md", "# Acme NX-9 CNC Controller — Datasheet\n\nThe NX-9 has 8 axes.\n")
    assert attribute(doc)["shared/acme.md"] == ["Acme NX-9"]


def test_unknown_control_folder() -> None:
    a = parse_markdown("acme-nx-9/sheet.md", "# Acme NX-9 Controller — Datasheet\n\nEight axes.\n")
    b = parse_plaintext("acme-nx-9/notes.txt", "Setup notes\n\nThe FANUC 31i-B5 comparison is elsewhere.\n")
    out = attribute(a, b)
    assert out["acme-nx-9/sheet.md"] == ["Acme NX-9"]
    # a sibling file whose text names a catalogued control still belongs to the folder's control
    assert out["acme-nx-9/notes.txt"] == ["Acme NX-9"] * len(b.blocks)


def test_rs274ngc_documents_are_not_haas_ngc() -> None:
    a = parse_markdown("shared/rs274.md",
                       "# The RS274/NGC language\n\nRS274/NGC is the language LinuxCNC interprets.\n")
    b = parse_plaintext("shared/ngc.txt", "RS274/NGC notes\n\nThe RS274/NGC dialect uses o<sub> words.\n")
    out = attribute(a, b)
    assert out["shared/rs274.md"] == ["LinuxCNC"]
    assert "Haas NGC" not in out["shared/ngc.txt"]


def test_document_control_precedence() -> None:
    registry = Registry()
    doc = parse_markdown("x.md", "# Some notes\n\nTNC 640 TNC 640.\n")
    assert document_control(doc, DocumentNames(metadata="840d sl"), "FANUC 31i-B5", registry) == "SINUMERIK 840D sl"
    assert document_control(doc, DocumentNames(), "FANUC 31i-B5", registry) == "FANUC 31i-B5"
    assert document_control(doc, DocumentNames(title=["TNC 640", "840D sl"]), None, registry) is None
    assert document_control(doc, DocumentNames(), None, registry) == "HEIDENHAIN TNC 640"


def test_a_bulletin_titled_with_its_number_is_no_control() -> None:
    doc = parse_markdown("shared/SB-2291.md", "# SB-2291\n\n**Service Bulletin SB-2291**: applies to all lathes with "
                                              "the Acme NX-9 control.\n")
    names = discover(doc, Registry().matcher)
    assert "SB-2291" not in names.title


def test_a_folder_named_with_a_model_number_is_that_models_whatever_titles_say() -> None:
    a = parse_markdown("acme-nx-9/sheet.md", "# Acme NX-9 Controller — Datasheet\n\nThe NX-9 has eight axes.\n")
    b = parse_markdown("acme-nx-9/course.md", "# Acme NX-9 Operator Course 2\n\nDay one on the NX-9 panel.\n")
    c = parse_markdown("acme-nx-9/upgrade.md", "# Acme NX-9 Plus Upgrade Kit 3\n\nWhat the NX-9 gains.\n")
    out = attribute(a, b, c)
    assert {name for names in out.values() for name in names} == {"Acme NX-9"}


def test_a_sibling_models_column_in_a_folder_data_sheet_is_the_siblings() -> None:
    sheet = parse_csv("acme-nx-9/spec.csv", "spec_key,NX-9,NX-12\nmax_axes,8,12\nrapid_max_ipm,2400,3150\n")
    notes = parse_markdown("acme-nx-9/notes.md", "# Acme NX-9 Controller — Datasheet\n\nThe NX-9 has eight axes.\n")
    out = attribute(sheet, notes)["acme-nx-9/spec.csv"]
    texts = [b.text for b in sheet.blocks]
    assert dict(zip(texts, out, strict=True))["rapid_max_ipm: 3150"] not in (None, "Acme NX-9")
    assert dict(zip(texts, out, strict=True))["rapid_max_ipm: 2400"] == "Acme NX-9"
