"""AsciiDoc, reStructuredText, PowerPoint and configuration files; vertical HTML tables; front matter facts."""

from __future__ import annotations

import io

import pytest

from merlin_cnc.documents import ParseError

ADOC = """= Acme NX-9 Programming Manual
:author: Acme
:revnumber: 2.1

== Motion

[[gcode:g0]]
=== G0 Rapid Motion(((G0, Rapid)))

*G0* moves at the *maximum* ((rapid)) rate.

.Feed limits
[cols="2,1",options="header"]
|===
|Setting |Value
|Max feed |12 m/min
|Max rapid
|30 m/min
|===

----
G0 X10 Y20
----

G4:: Dwell, P in seconds.
"""


def test_asciidoc_sections_tables_listings_and_definitions(parse) -> None:
    # Index entries are markup: a hidden one is dropped, a visible one keeps its term.
    doc = parse("manual.adoc", ADOC)
    assert doc.doc_type == "adoc" and doc.title == "Acme NX-9 Programming Manual"
    assert doc.metadata["revnumber"] == "2.1"
    texts = [b.text for b in doc.blocks]
    prose = next(b for b in doc.blocks if "rapid rate" in b.text)
    assert prose.text == "G0 moves at the maximum rapid rate." and prose.headings == ("Motion", "G0 Rapid Motion")
    rows = [b for b in doc.blocks if b.kind == "row"]
    assert [r.fields for r in rows] == [{"Setting": "Max feed", "Value": "12 m/min"},
                                        {"Setting": "Max rapid", "Value": "30 m/min"}]
    assert rows[0].text.startswith("Feed limits")  # the block title captions the table
    assert str(rows[1].locator) == "lines 17-18"
    code = next(b for b in doc.blocks if b.kind == "code")
    assert code.text == "G0 X10 Y20"
    assert "G4: Dwell, P in seconds." in texts


def test_asciidoc_csv_table_and_underlined_title(parse) -> None:
    doc = parse("t.asciidoc", "Setup Guide\n===========\n\n[%header,format=csv]\n,===\nkey,value\nbaud,115200\n,===\n")
    assert doc.title == "Setup Guide"
    assert [b.text for b in doc.blocks] == ["baud: 115200"]


RST = """Klipper Config
==============

Printer section
---------------

The ``max_velocity`` sets the maximum velocity.

:Baud: 250000

.. code-block:: ini

   [printer]
   max_velocity: 300

+---------+-------+
| Setting | Value |
+=========+=======+
| accel   | 3000  |
+---------+-------+
"""


def test_rst_sections_fields_literals_and_tables(parse) -> None:
    doc = parse("config.rst", RST)
    assert doc.doc_type == "rst" and doc.title == "Klipper Config"
    by_text = {b.text: b for b in doc.blocks}
    assert "The max_velocity sets the maximum velocity." in by_text
    assert by_text["The max_velocity sets the maximum velocity."].headings == ("Klipper Config", "Printer section")
    assert "Baud: 250000" in by_text
    assert any(b.kind == "row" and b.fields == {"Setting": "accel", "Value": "3000"} for b in doc.blocks)
    assert all(b.locator.start >= 1 for b in doc.blocks)


def test_pptx_slides(parse) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Spindle"
    slide.placeholders[1].text_frame.text = "Max speed 12 000 min-1"
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "Axes"
    table = second.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(4), Inches(1)).table
    for r, row in enumerate([["Feature", "Value"], ["Max axes", "8"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    deck.save(buffer)
    doc = parse("training.pptx", buffer.getvalue())
    assert doc.doc_type == "pptx" and doc.title == "Spindle"
    assert [(b.text, str(b.locator), b.headings) for b in doc.blocks] == [
        ("Max speed 12 000 min-1", "slide 1", ("Spindle",)), ("Max axes: 8", "slide 2", ("Axes",))]


def test_corrupt_pptx(parse) -> None:
    with pytest.raises(ParseError, match="PowerPoint"):
        parse("broken.pptx", b"PK\x03\x04 not really a deck")


INI = """# LinuxCNC machine
[TRAJ]
# Units per second
MAX_LINEAR_VELOCITY = 25.0
COORDINATES = X Y Z

[SPINDLE_0]
MAX_FORWARD_VELOCITY = 24000
"""


def test_ini_sections_keys_comments_and_lines(parse) -> None:
    doc = parse("machine.ini", INI)
    # The comment the file opens with says what it is: the title and a block of its own.
    assert doc.title == "LinuxCNC machine"
    assert [(b.headings, b.text, str(b.locator)) for b in doc.blocks] == [
        ((), "LinuxCNC machine", "line 1"),
        (("TRAJ",), "MAX_LINEAR_VELOCITY: 25.0 (Units per second)\nCOORDINATES: X Y Z", "lines 4-5"),
        (("SPINDLE_0",), "MAX_FORWARD_VELOCITY: 24000", "line 8"),
    ]


def test_yaml_and_json_configs_keep_key_paths_and_lines(parse) -> None:
    doc = parse("config.yaml", "axes:\n  x:\n    steps_per_mm: 80\n    max_rate: 5000\nname: Router\n")
    assert {(b.headings, b.text, str(b.locator)) for b in doc.blocks} == {
        (("axes", "x"), "steps_per_mm: 80\nmax_rate: 5000", "lines 3-4"), ((), "name: Router", "line 5")}
    doc = parse("settings.json", '{\n  "baud": 115200,\n  "axes": {"count": 6}\n}\n')
    assert {b.text for b in doc.blocks} == {"baud: 115200", "count: 6"}
    with pytest.raises(ParseError, match="not valid JSON"):
        parse("bad.json", "{ nope")


def test_html_vertical_table_has_no_header_row(parse) -> None:
    html = ("<html><body><h1>Spec</h1><table><tr><th>Max spindle speed</th><td>12 000 rpm</td></tr>"
            "<tr><th>Rapid traverse</th><td>40 m/min</td></tr></table></body></html>")
    doc = parse("spec.html", html)
    assert [b.text for b in doc.blocks] == ["Max spindle speed: 12 000 rpm", "Rapid traverse: 40 m/min"]


def test_markdown_front_matter_fields_are_facts(parse) -> None:
    doc = parse("g020.md", "---\ntitle: Inch Units\ncnc: Marlin\ncodes: [ G20 ]\nsince: 1.1.0\n---\n\nSet units.\n")
    assert doc.blocks[0].text == "codes: G20\nsince: 1.1.0"
    assert doc.title == "Inch Units"
