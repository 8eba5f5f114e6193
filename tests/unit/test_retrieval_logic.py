"""Pure logic of the query side: fusion, name resolution, aspect detection, follow-up rewriting."""

from __future__ import annotations

import pytest

from merlin_cnc.aspects import detect_aspects, equivalents_in
from merlin_cnc.chunking import Chunk
from merlin_cnc.cnc.registry import Registry
from merlin_cnc.conversation import standalone_question
from merlin_cnc.resolution import resolve_names
from merlin_cnc.retrieval import RRF_K, rrf

CONTROLS = ["FANUC 0i-F Plus", "FANUC 31i-B5", "Fagor 8065", "HEIDENHAIN TNC 640", "Haas NGC", "LinuxCNC",
            "Okuma OSP-P300", "SINUMERIK 828D", "SINUMERIK 840D sl", "SINUMERIK ONE"]


def _chunk(cid: str) -> Chunk:
    return Chunk(cid, "a.md", "line 1", cid)


def test_rrf_rewards_agreement_between_lists() -> None:
    a, b, c = _chunk("a"), _chunk("b"), _chunk("c")
    fused = rrf([[(a, 9.0), (b, 5.0)], [(b, 0.9), (c, 0.8)]], ["bm25", "dense"])
    assert [f.chunk.chunk_id for f in fused] == ["b", "a", "c"]
    assert fused[0].score == pytest.approx(1 / (RRF_K + 2) + 1 / (RRF_K + 1))
    assert fused[0].bm25 == 5.0 and fused[0].dense == 0.9 and fused[1].dense is None


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("828D", "SINUMERIK 828D"), ("sinumerik 828d", "SINUMERIK 828D"), ("Fanuc 31i", "FANUC 31i-B5"),
     ("840D", "SINUMERIK 840D sl"), ("tnc640", "HEIDENHAIN TNC 640"), ("heidenhain", "HEIDENHAIN TNC 640"),
     ("okuma p300", "Okuma OSP-P300"), ("linux cnc", "LinuxCNC"), ("Sinumerik One", "SINUMERIK ONE"),
     ("TNC 620", None), ("fagor 8055", None), ("Mazak SmoothX", None), ("Siemens", None), ("fanuc", None)],
)
def test_name_resolution(requested: str, expected: str | None) -> None:
    assert resolve_names([requested], CONTROLS, Registry())[requested].name == expected


def test_ambiguous_vendor_lists_its_controls() -> None:
    resolution = resolve_names(["Siemens"], CONTROLS, Registry())["Siemens"]
    assert set(resolution.suggestions) == {"SINUMERIK 828D", "SINUMERIK 840D sl", "SINUMERIK ONE"}
    assert "ambiguous" in (resolution.reason or "")


@pytest.mark.parametrize(
    ("question", "language", "aspect"),
    [("Compara el plano inclinado en Fanuc 31i y Sinumerik 840D", "es", "tilted_plane"),
     ("What is the block processing time of the 828D?", "en", "block_processing_time"),
     ("¿Cuántos ejes tiene el TNC 640?", "es", "axes"),
     ("Which interfaces does the Haas NGC have?", "en", "interfaces"),
     ("G68.2 equivalent on Heidenhain", "en", "tilted_plane")],
)
def test_aspects_detected_in_questions(question: str, language: str, aspect: str) -> None:
    assert detect_aspects(question, language)[0] == aspect


def test_no_aspect_in_unrelated_or_bare_follow_up_questions() -> None:
    assert detect_aspects("Who is the CEO of FANUC?", "en") == []
    assert detect_aspects("¿y el 840D?", "es") == []


def test_dialect_equivalents_expand_a_code() -> None:
    expanded = equivalents_in("What replaces G68.2 on a Siemens control?")
    assert {"CYCLE800", "PLANE SPATIAL"} <= set(expanded)
    assert "CYCLE800" not in equivalents_in("CYCLE840 tapping")  # "840" is not the tilted plane


def test_follow_ups_become_standalone() -> None:
    registry = Registry()
    history = [{"role": "user", "content": "¿Cuál es el tiempo de procesamiento de bloque del 828D?"},
               {"role": "assistant", "content": "No consta."}]
    assert standalone_question("¿y el 840D?", history, CONTROLS, registry, "es") == \
        "¿Cuál es el tiempo de procesamiento de bloque del SINUMERIK 840D sl?"
    assert standalone_question("¿y la potencia del cabezal?", history, CONTROLS, registry, "es") == \
        "¿y la potencia del cabezal (SINUMERIK 828D)?"
    comparison = [{"role": "user", "content": "Compare the tilted plane of the Fanuc 31i and the 840D"}]
    assert standalone_question("and the TNC 640?", comparison, CONTROLS, registry, "en") == \
        "Compare the tilted plane of the Fanuc 31i and the 840D and HEIDENHAIN TNC 640"
    long_question = "What is the maximum number of axes of the Haas NGC control as documented?"
    assert standalone_question(long_question, history, CONTROLS, registry, "en") == long_question


def test_a_question_is_also_searched_in_meaning_in_the_other_language() -> None:
    from merlin_cnc.compare import question_query

    spec = question_query("¿Qué código apaga el refrigerante?", "es", [])
    assert spec.other_text and "coolant" in spec.other_text
    assert spec.dense_texts[0] == "¿Qué código apaga el refrigerante?" and spec.other_text in spec.dense_texts
