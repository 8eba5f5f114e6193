"""merlin_cnc.index.embedded.EmbeddedIndex: SQLite FTS5 (BM25 on the core's terms) + numpy vectors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from merlin_cnc.analysis import analyze
from merlin_cnc.chunking import Chunk
from merlin_cnc.index.base import FileState, IndexError_, IndexIdentity, NameClaim, SearchRequest
from merlin_cnc.index.embedded import EmbeddedIndex, current_identity

COLLECTION = "/data"
IDENTITY = IndexIdentity("test-model", 4)
FANUC, SIEMENS = "FANUC 31i-B5", "SINUMERIK 840D sl"


def chunk(cid: str, source: str, text: str, cnc: str | None, language: str = "en") -> Chunk:
    return Chunk(cid, source, "lines 1-2", text, ("Programming",), "Guide", cnc, None, "md", language)


FANUC_CHUNKS = [
    chunk("f1", "fanuc/guide.md", "Linear interpolation is programmed with G01 at feed F.", FANUC),
    chunk("f2", "fanuc/guide.md", "The tilted working plane is defined with G68.2.", FANUC),
    chunk("f3", "fanuc/guide.md", "Macro variable #500 holds the tilt angle.", FANUC),
]
SIEMENS_CHUNKS = [
    chunk("s1", "siemens/guide.md", "CYCLE800 swivels the working plane.", SIEMENS),
    chunk("s2", "siemens/guide.md", "TRAORI activates the five axis transformation.", SIEMENS),
]
UNIT = np.eye(4, dtype=np.float32)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[EmbeddedIndex]:
    idx = EmbeddedIndex(tmp_path, IDENTITY)
    fanuc = FileState("fanuc/guide.md", "h1", [NameClaim(FANUC, "FANUC", "metadata")], "md")
    idx.replace_file(COLLECTION, fanuc, FANUC_CHUNKS, UNIT[[0, 1, 2]])
    siemens = FileState("siemens/guide.md", "h2", [NameClaim(SIEMENS, None, "title")], "md")
    idx.replace_file(COLLECTION, siemens, SIEMENS_CHUNKS, UNIT[[0, 3]])
    yield idx
    idx.close()


def ids(hits) -> list[str]:
    return [h.chunk.chunk_id for h in hits]


def test_bm25_code_query_matches_padded_code(index: EmbeddedIndex) -> None:
    (hits,) = index.search([SearchRequest(5, text="G1")])
    assert ids(hits) == ["f1"]
    assert hits[0].chunk.text == FANUC_CHUNKS[0].text
    assert hits[0].chunk.headings == ("Programming",) and hits[0].chunk.cnc == FANUC


def test_bm25_codes_and_ranking(index: EmbeddedIndex) -> None:
    g68, cycle, var, none = index.search([SearchRequest(5, text="G68.2"), SearchRequest(5, text="cycle800"),
                                          SearchRequest(5, text="#500"), SearchRequest(5, text="the of and")])
    assert ids(g68) == ["f2"]
    assert ids(cycle) == ["s1"]
    assert ids(var) == ["f3"]
    assert none == []
    (plane,) = index.search([SearchRequest(5, text="working plane swivel")])
    assert ids(plane)[0] == "s1"  # two matching terms beat one
    assert set(ids(plane)) == {"s1", "f2"}
    assert plane[0].score > plane[1].score


def test_bm25_with_cnc_filter(index: EmbeddedIndex) -> None:
    (hits,) = index.search([SearchRequest(5, text="working plane", cnc=FANUC)])
    assert ids(hits) == ["f2"]


def test_knn_with_cnc_filter(index: EmbeddedIndex) -> None:
    query = np.array([1.0, 0.0, 0.0, 0.0])
    everything, siemens, fanuc = index.search([
        SearchRequest(5, vectors=(query,)), SearchRequest(5, vectors=(query,), cnc=SIEMENS),
        SearchRequest(2, vectors=(query,), cnc=FANUC),
    ])
    assert set(ids(everything[:2])) == {"f1", "s1"}
    assert len(everything) == 5
    assert ids(siemens) == ["s1", "s2"]
    assert all(h.chunk.cnc == SIEMENS for h in siemens)
    assert siemens[0].score == pytest.approx(1.0) and siemens[1].score == pytest.approx(0.0)
    assert ids(fanuc)[0] == "f1" and len(fanuc) == 2
    assert index.search([SearchRequest(5, vectors=(query,), cnc="Haas NGC")]) == [[]]


def test_phrasings_of_one_query_give_the_union_of_their_nearest_by_best_similarity(index: EmbeddedIndex) -> None:
    english, spanish = np.array([0.0, 1.0, 0.0, 0.0]), np.array([0.0, 0.6, 0.8, 0.0])
    (one,) = index.search([SearchRequest(1, vectors=(english, spanish), cnc=FANUC)])
    # Each phrasing's nearest (f2 for the first, f3 for the second), f2 at its best similarity.
    assert ids(one) == ["f2", "f3"]
    assert [h.score for h in one] == pytest.approx([1.0, 0.8])
    (two,) = index.search([SearchRequest(2, vectors=(english, spanish), cnc=FANUC)])
    assert ids(two) == ["f2", "f3", "f1"] and two[0].score == pytest.approx(1.0)


def test_term_statistics_count_the_chunks_holding_each_term(index: EmbeddedIndex) -> None:
    stats = index.term_stats(["plane", "work", "g1", "absent"])
    assert stats.chunks == 5
    assert stats.frequency == {"plane": 2, "work": 2, "g1": 1, "absent": 0}
    assert index.term_stats([]).frequency == {}


def test_term_statistics_of_one_language(tmp_path: Path) -> None:
    idx = EmbeddedIndex(tmp_path, IDENTITY)
    chunks = [chunk("e1", "es.md", "Programación del husillo.", None, "es"),
              chunk("e2", "es.md", "Cambio de herramienta.", None, "es"),
              chunk("n1", "en.md", "Spindle programming.", None, "en")]
    idx.replace_file(COLLECTION, FileState("es.md", "h"), chunks, None)
    husillo = analyze("husillo", "es")[0]
    stats = idx.term_stats([husillo, "spindl"], "es")
    assert stats.chunks == 2 and stats.frequency == {husillo: 1, "spindl": 0}
    assert idx.term_stats(["spindl"], "en").frequency == {"spindl": 1}
    idx.close()


def test_spanish_query_on_spanish_chunk(tmp_path: Path) -> None:
    idx = EmbeddedIndex(tmp_path, IDENTITY)
    chunks = [chunk("e1", "es.md", "La programación del husillo.", None, "es"),
              chunk("e2", "es.md", "Cambio de herramienta.", None, "es")]
    idx.replace_file(COLLECTION, FileState("es.md", "h"), chunks, None)
    (hits,) = idx.search([SearchRequest(5, text="programa", language="es")])
    assert ids(hits) == ["e1"]
    assert idx.search([SearchRequest(5, vectors=(np.ones(4),))]) == [[]]  # no vectors stored
    idx.close()


def test_replace_file_twice_does_not_duplicate(index: EmbeddedIndex) -> None:
    assert index.count() == 5
    state = FileState("fanuc/guide.md", "h1b", [NameClaim(FANUC, "FANUC", "metadata")], "md")
    index.replace_file(COLLECTION, state, FANUC_CHUNKS, UNIT[[0, 1, 2]])
    index.replace_file(COLLECTION, state, FANUC_CHUNKS[:2], UNIT[[0, 1]])
    assert index.count() == 4
    (hits,) = index.search([SearchRequest(10, text="G1 G68.2 #500")])
    assert sorted(ids(hits)) == ["f1", "f2"]
    assert index.file_states(COLLECTION)["fanuc/guide.md"].file_hash == "h1b"
    # the dense matrix follows writes
    (dense,) = index.search([SearchRequest(10, vectors=(np.array([0.0, 0.0, 1.0, 0.0]),), cnc=FANUC)])
    assert set(ids(dense)) == {"f1", "f2"}
    assert all(h.score == pytest.approx(0.0) for h in dense)


def test_delete_file(index: EmbeddedIndex) -> None:
    index.delete_file(COLLECTION, "fanuc/guide.md")
    assert index.count() == 2
    assert set(index.file_states(COLLECTION)) == {"siemens/guide.md"}
    assert index.search([SearchRequest(5, text="G1")]) == [[]]
    (dense,) = index.search([SearchRequest(5, vectors=(np.array([1.0, 0.0, 0.0, 0.0]),))])
    assert ids(dense)[0] == "s1" and len(dense) == 2
    assert [c.name for c in index.controls()] == [SIEMENS]


def test_controls_and_names(index: EmbeddedIndex) -> None:
    index.replace_file(COLLECTION, FileState("fanuc/other.md", "h3"), [chunk("f9", "fanuc/other.md", "More.", FANUC)],
                       UNIT[[0]])
    stats = {c.name: (c.documents, c.chunks) for c in index.controls()}
    assert stats == {FANUC: (2, 4), SIEMENS: (1, 2)}
    assert sorted(index.all_names()) == [(FANUC, "FANUC", "metadata", "fanuc/guide.md"),
                                         (SIEMENS, None, "title", "siemens/guide.md")]
    assert index.all_names(exclude_collection=COLLECTION) == []
    state = index.file_states(COLLECTION)["fanuc/guide.md"]
    assert (state.file_hash, state.names, state.doc_type) == ("h1", [(FANUC, "FANUC", "metadata", "fanuc/guide.md")],
                                                              "md")
    assert index.file_states("/elsewhere") == {}


def test_reopen_keeps_data_and_other_identity_raises(tmp_path: Path) -> None:
    idx = EmbeddedIndex(tmp_path, IDENTITY)
    idx.replace_file(COLLECTION, FileState("a.md", "h"), FANUC_CHUNKS[:1], UNIT[[0]])
    idx.promote()
    idx.close()
    assert current_identity(tmp_path) == IDENTITY
    again = EmbeddedIndex(tmp_path, IDENTITY)
    assert again.count() == 1
    again.close()
    # "Test Model" maps to the same version folder as "test-model" but is another model
    with pytest.raises(IndexError_, match="holds test-model vectors"):
        EmbeddedIndex(tmp_path, IndexIdentity("Test Model", 4))
    # another dimension is another version, side by side
    other = EmbeddedIndex(tmp_path, IndexIdentity("test-model", 8))
    assert other.count() == 0 and other.path != again.path
    other.close()


def test_identity_version() -> None:
    from merlin_cnc.index.base import MAPPING_VERSION

    expected = f"microsoft-codebert-base-d768-m{MAPPING_VERSION}"
    assert IndexIdentity("microsoft/codebert-base", 768).version == expected
