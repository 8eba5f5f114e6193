"""merlin_cnc.documents.parse_file for every supported format, and its failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from merlin_cnc.documents import ParseError, parse_file

MARKDOWN = """---
title: FANUC 31i-B5 product sheet
cnc: FANUC 31i-B5
---
# FANUC 31i-B5

## Performance

The control processes blocks quickly.
It supports 5-axis machining.

| feature | value |
|---|---|
| block processing time | 0.4 ms |
| max axes | 32 |

| feature | ms |
|---|---|
| block time | 0.4 |

```
N10 G68.2 X0 Y0 Z0 I0 J30 K0
```
"""


def _loc(block) -> str:
    return str(block.locator)


# -- Markdown ----------------------------------------------------------------------------------

def test_markdown_front_matter_and_title(parse) -> None:
    doc = parse("product-sheet.md", MARKDOWN)
    assert doc.doc_type == "md"
    assert doc.metadata == {"title": "FANUC 31i-B5 product sheet", "cnc": "FANUC 31i-B5"}
    assert doc.title == "FANUC 31i-B5 product sheet"
    assert doc.encoding == "utf-8"
    assert all("title:" not in b.text for b in doc.blocks)


def test_markdown_heading_path_and_line_locators(parse) -> None:
    doc = parse("product-sheet.md", MARKDOWN)
    para = doc.blocks[0]
    assert para.text == "The control processes blocks quickly.\nIt supports 5-axis machining."
    assert para.headings == ("FANUC 31i-B5", "Performance")
    assert _loc(para) == "lines 9-10"  # line numbers count the front matter
    code = [b for b in doc.blocks if b.kind == "code"]
    assert len(code) == 1 and "G68.2" in code[0].text
    assert _loc(code[0]) == "lines 21-23"


def test_markdown_pipe_table_rows(parse) -> None:
    doc = parse("product-sheet.md", MARKDOWN)
    rows = [b for b in doc.blocks if b.kind == "row"]
    assert [b.text for b in rows] == [
        "block processing time: 0.4 ms",
        "max axes: 32",
        "block time (ms): 0.4",  # a unit that lives only in the header stays with the value
    ]
    assert [_loc(b) for b in rows] == ["line 14", "line 15", "line 19"]
    assert all(b.headings == ("FANUC 31i-B5", "Performance") for b in rows)
    assert rows[0].fields == {"feature": "block processing time", "value": "0.4 ms"}


def test_markdown_wide_table_keeps_header_names(parse) -> None:
    doc = parse("t.md", "# Axes\n\n| control | axes | spindles |\n|---|---|---|\n| TNC 640 | 24 | 4 |\n")
    (row,) = doc.blocks
    assert row.text == "control: TNC 640\naxes: 24\nspindles: 4"
    assert row.cnc_hint == "TNC 640"
    assert _loc(row) == "line 5"


def test_markdown_blank_lines_after_front_matter(parse) -> None:
    doc = parse("x.md", "---\ntitle: T\n---\n\n\nFirst paragraph, on line 6.\n")
    assert _loc(doc.blocks[0]) == "line 6"


# -- plain text --------------------------------------------------------------------------------

PLAIN = """Machine Overview
================

This is the intro paragraph.
Second line of the intro.

Spindle
-------

Steps to start the spindle:
1. Turn on the machine
2. Load the program
3. Press cycle start
"""


def test_plaintext_underlined_headings(parse) -> None:
    doc = parse("notes.txt", PLAIN)
    assert doc.doc_type == "txt"
    assert doc.title == "Machine Overview"
    intro, steps = doc.blocks
    assert intro.headings == ("Machine Overview",)
    assert _loc(intro) == "lines 4-5"
    assert steps.headings == ("Machine Overview", "Spindle")
    assert "=====" not in intro.text and "-----" not in steps.text


def test_plaintext_numbered_list_items_are_not_headings(parse) -> None:
    doc = parse("notes.txt", PLAIN)
    steps = doc.blocks[-1]
    assert "1. Turn on the machine" in steps.text and "3. Press cycle start" in steps.text
    assert _loc(steps) == "lines 10-13"
    assert all(not h.startswith(("1.", "2.", "3.")) for b in doc.blocks for h in b.headings)


def test_plaintext_numbered_section_headings(parse) -> None:
    doc = parse("m.txt", "1. Introduction\n\nThis manual describes the control.\n\n2. Safety\n\nRead this first.\n")
    assert [(b.text, b.headings) for b in doc.blocks] == [
        ("This manual describes the control.", ("1. Introduction",)),
        ("Read this first.", ("2. Safety",)),
    ]


def test_plaintext_loose_numbered_list_keeps_every_item(parse) -> None:
    doc = parse("p.txt", "Procedure\n=========\n\n1. Power on the machine\n\n2. Home all axes\n\n"
                         "3. Load the program\n\nEnd of procedure.\n")
    seen = " ".join(b.text + " " + " ".join(b.headings) for b in doc.blocks)
    assert "Power on the machine" in seen
    assert "Home all axes" in seen


# -- HTML --------------------------------------------------------------------------------------

HTML = """<html><head><title>Application note</title><script>var x = 1;</script></head><body>
<h1>SINUMERIK 840D sl</h1>
<p>Intro paragraph about the control.</p>
<h2>Specifications</h2>
<table>
<tr><th>feature</th><th>value</th></tr>
<tr><td>max axes</td><td>31</td></tr>
<tr><td>block processing time</td><td>0.5 ms</td></tr>
</table>
<h2>Programming</h2>
<pre>N10 CYCLE800()
N20 TRAORI</pre>
</body></html>
"""


def test_html_headings_rows_and_lines(parse) -> None:
    doc = parse("note.html", HTML)
    assert doc.doc_type == "html"
    assert doc.title == "SINUMERIK 840D sl"
    intro, axes, block_time, code = doc.blocks
    assert intro.text == "Intro paragraph about the control."
    assert intro.headings == ("SINUMERIK 840D sl",)
    assert _loc(intro) == "line 3"
    assert (axes.kind, axes.text, _loc(axes)) == ("row", "max axes: 31", "line 7")
    assert (block_time.text, _loc(block_time)) == ("block processing time: 0.5 ms", "line 8")
    assert axes.headings == ("SINUMERIK 840D sl", "Specifications")
    assert code.kind == "code" and code.headings == ("SINUMERIK 840D sl", "Programming")
    assert _loc(code) == "lines 11-12"
    assert all("var x" not in b.text for b in doc.blocks)


# -- CSV ---------------------------------------------------------------------------------------

def test_csv_one_block_per_row(parse) -> None:
    doc = parse(
        "shared/controls.csv",
        "control,block_processing_time_ms,max_axes\nFANUC 31i-B5,0.4,32\nSINUMERIK 840D sl,0.5,31\n\nAcme NX-9,1.0,5\n",
    )
    assert doc.doc_type == "csv"
    assert [b.cnc_hint for b in doc.blocks] == ["FANUC 31i-B5", "SINUMERIK 840D sl", "Acme NX-9"]
    # the header counts as row 1; the blank line still counts
    assert [_loc(b) for b in doc.blocks] == ["row 2", "row 3", "row 5"]
    first = doc.blocks[0]
    assert "block_processing_time_ms: 0.4" in first.text.splitlines()
    assert first.kind == "row"
    assert first.fields == {"control": "FANUC 31i-B5", "block_processing_time_ms": "0.4", "max_axes": "32"}


def test_csv_semicolon_delimiter_sniffed(parse) -> None:
    doc = parse("t.csv", "control;max_axes;spindle_speed_rpm\nTNC 640;24;12000\nHaas NGC;5;8100\n")
    assert [b.cnc_hint for b in doc.blocks] == ["TNC 640", "Haas NGC"]
    assert doc.blocks[1].text == "control: Haas NGC\nmax_axes: 5\nspindle_speed_rpm: 8100"


def test_csv_spanish_key_column(parse) -> None:
    doc = parse("t.csv", "Controlador,Ejes\nFagor 8065,28\n")
    assert doc.blocks[0].cnc_hint == "Fagor 8065"


def test_csv_without_rows_fails(parse) -> None:
    with pytest.raises(ParseError, match="no data rows"):
        parse("t.csv", "control,max_axes\n")


# -- XLSX / PDF / DOCX ---------------------------------------------------------------------------

def test_xlsx_rows(parse, make_xlsx) -> None:
    doc = parse("comparison.xlsx", make_xlsx())
    assert doc.doc_type == "xlsx"
    assert [b.cnc_hint for b in doc.blocks] == ["FANUC 31i-B5", "TNC 640"]
    assert [_loc(b) for b in doc.blocks] == ["row 2", "row 4"]
    assert doc.blocks[0].headings == ("Controls",)
    assert "block_processing_time_ms: 0.4" in doc.blocks[0].text
    assert "max_axes: 32" in doc.blocks[0].text


def test_pdf_page_locators(parse, make_pdf) -> None:
    data = make_pdf(
        [["Page one text about FANUC 31i-B5.", "Block processing time 0.4 ms."],
         ["Second page: maximum controlled axes 32."]],
        title="FANUC 31i-B5 Datasheet",
    )
    doc = parse("datasheet.pdf", data)
    assert doc.doc_type == "pdf"
    assert doc.title == "FANUC 31i-B5 Datasheet"
    by_page = {_loc(b): b.text for b in doc.blocks}
    assert set(by_page) == {"page 1", "page 2"}
    assert "Block processing time 0.4 ms." in by_page["page 1"]
    assert "maximum controlled axes 32" in by_page["page 2"]


def test_pdf_without_text_fails(parse, make_pdf) -> None:
    with pytest.raises(ParseError, match="no extractable text"):
        parse("scan.pdf", make_pdf([[]]))


def test_docx_headings_and_table_rows(parse, make_docx) -> None:
    doc = parse("brochure.docx", make_docx())
    assert doc.doc_type == "docx"
    assert doc.title == "HEIDENHAIN TNC 640"
    prose = [b for b in doc.blocks if b.kind == "prose"]
    rows = [b for b in doc.blocks if b.kind == "row"]
    assert prose[0].headings == ("HEIDENHAIN TNC 640",)
    assert prose[1].headings == ("HEIDENHAIN TNC 640", "Specifications")
    assert [b.text for b in rows] == ["max axes: 24", "block processing time: 0.5 ms"]
    assert [_loc(b) for b in rows] == ["row 2", "row 3"]
    assert rows[0].headings == ("HEIDENHAIN TNC 640", "Specifications", "Table 1")
    assert str(prose[0].locator).startswith("paragraph")


# -- failures and sidecars ---------------------------------------------------------------------

def test_unsupported_extension(parse) -> None:
    with pytest.raises(ParseError, match=r"unsupported file type '\.exe'"):
        parse("setup.exe", b"MZ\x90\x00")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.pdf", "blank.csv"])
def test_empty_file(parse, name: str) -> None:
    with pytest.raises(ParseError, match="empty file"):
        parse(name, b"  \n\n\t" if name.startswith("blank") else b"")


def test_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"G01 X10 Y10\n" * 200_000)  # 2.4 MB
    with pytest.raises(ParseError, match=r"2\.4 MB, over the limit of 1 MB"):
        parse_file(path, "big.txt", path.read_bytes(), 1_000_000)


def test_corrupt_pdf(parse) -> None:
    with pytest.raises(ParseError, match="corrupt or unreadable PDF"):
        parse("broken.pdf", b"%PDF-1.4\n1 0 obj garbage garbage\n")


def test_corrupt_docx_and_xlsx(parse) -> None:
    with pytest.raises(ParseError, match="not a readable DOCX"):
        parse("broken.docx", b"PK\x03\x04 not really a zip")
    with pytest.raises(ParseError, match="not a readable XLSX"):
        parse("broken.xlsx", b"this is not a workbook")


def test_binary_junk_in_txt(parse) -> None:
    with pytest.raises(ParseError, match="binary content"):
        parse("notes.txt", b"\x00\x01\x02binary\x00junk\x7f" * 50)


def test_sidecar_metadata_merged(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("---\ncnc: FANUC 31i-B5\nlanguage: en\n---\n# Notes\n\nSome text.\n", encoding="utf-8")
    (tmp_path / "notes.md.meta.yaml").write_text("cnc: Acme NX-9\nvendor: Acme\n", encoding="utf-8")
    doc = parse_file(path, "notes.md", path.read_bytes(), 10**6)
    assert doc.metadata == {"cnc": "Acme NX-9", "vendor": "Acme", "language": "en"}  # the sidecar wins


def test_json_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("feature,value\naxes,5\n", encoding="utf-8")
    (tmp_path / "table.csv.meta.json").write_text('{"control": "Haas NGC"}', encoding="utf-8")
    assert parse_file(path, "table.csv", path.read_bytes(), 10**6).metadata == {"control": "Haas NGC"}


def test_unreadable_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.yaml").write_text("cnc: [unclosed\n", encoding="utf-8")
    with pytest.raises(ParseError, match="unreadable metadata file a.txt.meta.yaml"):
        parse_file(path, "a.txt", path.read_bytes(), 10**6)


def test_latin1_text_file_decoded(parse) -> None:
    text = "Programación del husillo: la máquina del año.\nEl cambio de herramienta tarda 1,2 s según el fabricante.\n"
    doc = parse("notas.txt", text.encode("latin-1"))
    assert doc.encoding == "latin-1"
    assert doc.blocks[0].text == text.strip()
