"""merlin_cnc.chunking.chunk_document with a word-count tokenizer."""

from __future__ import annotations

from merlin_cnc.chunking import Chunk, chunk_document
from merlin_cnc.documents import Block, Locator, ParsedDocument
from merlin_cnc.documents.markdown import parse_markdown
from merlin_cnc.documents.spreadsheet import parse_csv


def count(text: str) -> int:
    return len(text.split())


def chunks_of(doc: ParsedDocument, target: int = 40, limit: int = 50,
              controls: list[str | None] | None = None) -> list[Chunk]:
    controls = controls if controls is not None else [None] * len(doc.blocks)
    return chunk_document(doc, controls, {"FANUC 31i-B5": "FANUC"}, "en", count, target, limit)


def long_doc() -> ParsedDocument:
    words = " ".join(f"w{i}" for i in range(10))
    text = (
        "# Title Doc\n\n## Sec A\n\n"
        + "\n\n".join(f"Para {i} {words}" for i in range(6))
        + "\n\n## Sec B\n\nShort b para.\n\nAnother b.\n\n## Sec C with a rather long heading name here\n\n"
        + " ".join(f"long{i}." for i in range(200))
        + "\n\n"
        + "\n".join(f"line {i} has a few words here" for i in range(30))
        + "\n"
    )
    return parse_markdown("guide.md", text)


def test_no_chunk_exceeds_max_tokens_with_its_context() -> None:
    # (the longest context here is 12 words; below max_tokens = context + 4 + 16 the chunker's
    # 16-token floor for the text wins by design)
    for limit in (32, 35, 50, 80):
        chunks = chunks_of(long_doc(), target=limit, limit=limit)
        assert chunks
        for chunk in chunks:
            assert count(chunk.search_text) <= limit, (limit, chunk.locator, count(chunk.search_text))
            assert chunk.search_text.startswith(chunk.context)


def test_nothing_is_lost() -> None:
    doc = long_doc()
    joined = " ".join(c.text for c in chunks_of(doc, 35, 35)).split()
    assert joined == " ".join(b.text for b in doc.blocks).split()


def test_chunks_never_merge_across_sections() -> None:
    doc = long_doc()
    chunks = chunks_of(doc, target=1000, limit=1000)
    assert [c.headings[-1] for c in chunks] == ["Sec A", "Sec B", "Sec C with a rather long heading name here"]
    assert [c.locator for c in chunks[:2]] == ["lines 5-15", "lines 19-21"]
    assert chunks[0].context == "Title Doc > Sec A"
    assert chunks[1].text == "Short b para.\n\nAnother b."


def test_merged_locators() -> None:
    doc = parse_markdown("a.md", "# T\n\nOne.\n\nTwo\nlines.\n\nThree\nfour.\n")
    (chunk,) = chunks_of(doc)
    assert chunk.locator == "lines 3-9"
    assert chunk.text == "One.\n\nTwo\nlines.\n\nThree\nfour."


def test_chunks_never_merge_across_controls() -> None:
    doc = parse_markdown("shared/c.md", "# T\n\nA one.\n\nA two.\n\nB one.\n\nB two.\n")
    chunks = chunks_of(doc, controls=["FANUC 31i-B5", "FANUC 31i-B5", "SINUMERIK 840D sl", "SINUMERIK 840D sl"])
    assert [(c.cnc, c.locator, c.vendor) for c in chunks] == [
        ("FANUC 31i-B5", "lines 3-5", "FANUC"),
        ("SINUMERIK 840D sl", "lines 7-9", None),
    ]


def test_csv_rows_are_one_chunk_each() -> None:
    doc = parse_csv("t.csv", "control,max_axes\nFANUC 31i-B5,32\nTNC 640,24\nZeta Z500,6\n")
    chunks = chunks_of(doc, target=1000, limit=1000, controls=["FANUC 31i-B5", "HEIDENHAIN TNC 640", None])
    assert [c.locator for c in chunks] == ["row 2", "row 3", "row 4"]
    assert [c.cnc for c in chunks] == ["FANUC 31i-B5", "HEIDENHAIN TNC 640", None]
    assert chunks[0].extra["fields"] == {"control": "FANUC 31i-B5", "max_axes": "32"}
    assert chunks[0].doc_type == "csv"
    assert [c.ordinal for c in chunks] == [0, 1, 2]


def test_table_rows_in_prose_documents_merge_but_not_with_prose() -> None:
    doc = parse_markdown("p.md", "# T\n\nIntro.\n\n| feature | value |\n|---|---|\n| axes | 5 |\n| rpm | 12000 |\n")
    chunks = chunks_of(doc)
    assert [(c.locator, c.text) for c in chunks] == [("line 3", "Intro."), ("lines 7-8", "axes: 5\n\nrpm: 12000")]


def test_chunk_ids_are_deterministic_and_salted() -> None:
    a = [c.chunk_id for c in chunks_of(long_doc(), 35, 35)]
    b = [c.chunk_id for c in chunks_of(long_doc(), 35, 35)]
    assert a == b
    assert all(len(i) == 24 for i in a)
    other = chunk_document(long_doc(), [None] * len(long_doc().blocks), {}, "en", count, 35, 35, id_salt="/x")
    assert not set(a) & {c.chunk_id for c in other}


def test_chunk_ids_unique_within_a_document() -> None:
    ids = [c.chunk_id for c in chunks_of(long_doc(), 35, 35)]
    assert len(ids) == len(set(ids))


def test_long_line_split_keeps_its_line_locator() -> None:
    doc = parse_markdown("l.md", "# T\n\n" + " ".join(f"word{i}" for i in range(100)) + "\n")
    chunks = chunks_of(doc, 30, 30)
    assert len(chunks) >= 4
    assert {c.locator for c in chunks} == {"line 3"}


def test_chunk_carries_document_fields() -> None:
    doc = ParsedDocument("p/O1.nc", "nc", [Block("T1 M6\nG0 X0", Locator("lines", 1, 2), ("O1", "T1 M6"), "code")],
                         title="O1", dialect="iso")
    (chunk,) = chunk_document(doc, ["FANUC 31i-B5"], {"FANUC 31i-B5": "FANUC"}, "es", count, 100, 100)
    fields = (chunk.dialect, chunk.language, chunk.doc_type, chunk.vendor, chunk.title)
    assert fields == ("iso", "es", "nc", "FANUC", "O1")
    assert chunk.context == "O1 > T1 M6"  # the title is not repeated when it is also a heading


def test_identical_paragraphs_on_one_page_get_distinct_ids() -> None:
    filler = " ".join(f"w{i}" for i in range(45))
    note = "Note: refer to the safety manual."
    doc = ParsedDocument("s.pdf", "pdf", [Block(note, Locator("page", 3, 3)), Block(filler, Locator("page", 3, 3)),
                                          Block(note, Locator("page", 3, 3))], title="Sheet")
    ids = [c.chunk_id for c in chunks_of(doc, 40, 60)]
    assert len(ids) == 3
    assert len(set(ids)) == 3
