"""NC programs: dialect detection and segmentation into tool-change block groups."""

from __future__ import annotations

import pytest

from merlin_cnc.documents.ncprogram import detect_dialect, parse_ncprogram

FANUC = """%
O1234 (TILTED PLANE DEMO)
(T1 = SPOT DRILL)
N10 G21 G17 G90
N20 T1 M06
N30 G00 X0 Y0
N40 G68.2 X0 Y0 Z0 I0 J30 K0
N50 G53.1
N60 G81 Z-2 R2 F100
(DRILL 6.8)
N70 T2 M6
N80 G83 Z-20 R2 Q5 F200
N90 M30
%
"""

SIEMENS = """; DEMO.MPF
; tilted plane with CYCLE800
N10 G17 G90 G54
N20 T="CENTER_DRILL"
N30 M6
N40 CYCLE800(1,"TC1",200000,57,0,0,0,30,0,0,0,0,0,-1,100,1)
N50 TRAORI
N60 G1 X10 F500
N70 TRAFOOF
N80 M30
"""

HEIDENHAIN = """0 BEGIN PGM DEMO MM
1 BLK FORM 0.1 Z X+0 Y+0 Z-40
2 TOOL CALL 5 Z S3000
3 L Z+100 R0 FMAX
4 CYCL DEF 200 DRILLING
5 L X+10 Y+10 R0 FMAX M99
6 TOOL CALL 6 Z S2000
7 L X+20 Y+10 R0 FMAX
8 END PGM DEMO MM
"""

LINUXCNC = """(LinuxCNC peck demo)
#<_depth> = -5
o<peck> sub
  G83 Z#<_depth> R1 Q1
o<peck> endsub
T1 M6
G0 X0 Y0
o<peck> call
M2
"""


@pytest.mark.parametrize(
    ("text", "dialect"),
    [(FANUC, "iso"), (SIEMENS, "siemens"), (HEIDENHAIN, "heidenhain"), (LINUXCNC, "rs274ngc")],
)
def test_detect_dialect_from_content(text: str, dialect: str) -> None:
    assert detect_dialect(text) == dialect
    assert detect_dialect(text, ".nc") == dialect  # a neutral extension does not change it


def test_extension_hint_breaks_ties() -> None:
    assert detect_dialect("G0 X0 Y0\nG1 X10 F100\n", ".mpf") == "siemens"
    assert detect_dialect("G0 X0 Y0\nG1 X10 F100\n", ".ngc") == "rs274ngc"
    assert detect_dialect("G0 X0 Y0\nG1 X10 F100\n") == "iso"  # no signs at all: ISO


def test_fanuc_segments_by_tool_change() -> None:
    doc = parse_ncprogram("O1234.nc", FANUC)
    assert doc.doc_type == "nc" and doc.dialect == "iso"
    assert doc.title.startswith("O1234 (TILTED PLANE DEMO)")
    assert [str(b.locator) for b in doc.blocks] == ["lines 1-4", "lines 5-9", "lines 10-14"]
    assert all(b.kind == "code" for b in doc.blocks)
    assert [b.headings[1] for b in doc.blocks[1:]] == ["N20 T1 M06", "DRILL 6.8"]
    assert doc.blocks[1].text.splitlines()[0] == "N20 T1 M06"
    assert "G68.2" in doc.blocks[1].text
    # the comment just above a tool change joins that tool's group
    assert doc.blocks[2].text.splitlines()[:2] == ["(DRILL 6.8)", "N70 T2 M6"]
    # every line of the program is in exactly one block
    assert sum(b.locator.end - b.locator.start + 1 for b in doc.blocks) == len(FANUC.splitlines())


def test_siemens_segments() -> None:
    doc = parse_ncprogram("DEMO.mpf", SIEMENS)
    assert doc.dialect == "siemens"
    assert [str(b.locator) for b in doc.blocks] == ["lines 1-3", "lines 4-10"]
    assert doc.blocks[1].headings == ("DEMO.mpf", 'N20 T="CENTER_DRILL"')
    assert "CYCLE800" in doc.blocks[1].text and "TRAORI" in doc.blocks[1].text


def test_heidenhain_segments_by_tool_call() -> None:
    doc = parse_ncprogram("DEMO.h", HEIDENHAIN)
    assert doc.dialect == "heidenhain"
    assert doc.blocks[0].headings[0] == "Program DEMO"
    assert [str(b.locator) for b in doc.blocks] == ["lines 1-2", "lines 3-6", "lines 7-9"]
    assert doc.blocks[1].text.startswith("2 TOOL CALL 5")
    assert "CYCL DEF 200" in doc.blocks[1].text


def test_linuxcnc_segments_subprogram_and_tool_change() -> None:
    doc = parse_ncprogram("peck.ngc", LINUXCNC)
    assert doc.dialect == "rs274ngc"
    assert [(str(b.locator), b.headings[1]) for b in doc.blocks] == [
        ("lines 1-2", "LinuxCNC peck demo"),
        ("lines 3-5", "o<peck> sub"),
        ("lines 6-9", "T1 M6"),
    ]
    assert doc.title == "peck.ngc — LinuxCNC peck demo"


def test_code_lines_with_trailing_comments_stay_with_their_tool() -> None:
    text = (
        "O1000\nN10 T1 M06\nN20 G81 X0 Y0 Z-5 R2 F100 (SPOT)\nN30 G80 M09 (COOLANT OFF)\n"
        "N40 G91 G28 Z0 (HOME Z)\n(DRILL)\nN50 T2 M06\nN60 G83 Z-20 R2 Q5 F200\nN70 M30\n"
    )
    doc = parse_ncprogram("O1000.nc", text)
    tool1 = next(b for b in doc.blocks if "T1 M06" in b.text)
    assert "G81" in tool1.text and "N40" in tool1.text
    assert "T2 M06" not in tool1.text


@pytest.mark.parametrize(
    ("name", "text", "dialect"),
    [("O1234.nc", FANUC, "iso"), ("DEMO.mpf", SIEMENS, "siemens"), ("DEMO.h", HEIDENHAIN, "heidenhain"),
     ("peck.ngc", LINUXCNC, "rs274ngc")],
)
def test_parse_file_routes_nc_suffixes(parse, name: str, text: str, dialect: str) -> None:
    doc = parse(name, text)
    assert (doc.doc_type, doc.dialect, doc.encoding) == ("nc", dialect, "utf-8")
    assert all(str(b.locator).startswith("lines ") for b in doc.blocks)
