"""Cell extraction from passages: figures with qualifiers, current values, the control's own syntax."""

from __future__ import annotations

from merlin_cnc.aspects import aspects
from merlin_cnc.chunking import Chunk
from merlin_cnc.extraction import extract_aspect, looks_like_nc_code
from merlin_cnc.retrieval import Fused


def _candidates(*texts: str, language: str = "en", doc_type: str = "md") -> list[Fused]:
    return [Fused(Chunk(f"id{i}", f"doc{i}.{doc_type}", f"line {i}", t, language=language, doc_type=doc_type),
                  1.0 / (i + 1)) for i, t in enumerate(texts)]


def test_count_needs_a_stated_limit_not_an_adjective() -> None:
    axes = aspects()["axes"]
    assert extract_aspect(axes, _candidates("Guía de mecanizado en 5 ejes", "A 5-axis machining centre",
                                            language="es")) is None
    cell = extract_aspect(axes, _candidates("A 5-axis machine.", "Max. axes / spindles: up to 93"))
    assert cell is not None and cell.value == "93" and cell.citations[0].source == "doc1.md"
    spanish = extract_aspect(axes, _candidates("Número máximo de ejes: hasta 31", language="es"))
    assert spanish is not None and spanish.normalized == {"value": 31.0, "unit": "count"}


def test_simultaneous_axes_are_not_counted_as_axes() -> None:
    cell = extract_aspect(aspects()["axes"], _candidates("Simultaneously controlled axes: 5"))
    assert cell is None


def test_a_programmed_value_is_not_a_maximum() -> None:
    feed = aspects()["max_feed_rate"]
    assert extract_aspect(feed, _candidates("avances en mm/min (G94); 1.200 mm/min en el chaflán.",
                                            language="es")) is None
    assert extract_aspect(aspects()["max_spindle_speed"],
                          _candidates("N10 S3000 M3 ; master spindle, 3000 rpm clockwise")) is None
    assert looks_like_nc_code("N10 S3000 M3 ; master spindle")


def test_superseded_value_gives_the_current_one() -> None:
    cell = extract_aspect(aspects()["max_feed_rate"],
                          _candidates("Rapid traverse raised from 30 m/min to 36 m/min in release 2.1"))
    assert cell is not None and cell.normalized == {"value": 36.0, "unit": "m/min"}


def test_blocks_per_second_become_ms_per_block() -> None:
    cell = extract_aspect(aspects()["block_processing_time"],
                          _candidates("Block processing: up to 1000 blocks per second"))
    assert cell is not None and cell.normalized == {"value": 1.0, "unit": "ms"} and cell.unit == "blocks/s"


def test_code_cells_use_the_controls_own_dialect() -> None:
    tilted = aspects()["tilted_plane"]
    passage = ("Tilted working plane: G68.2 defines the plane. On SINUMERIK the same is done with CYCLE800 "
               "and on HEIDENHAIN with PLANE SPATIAL.")
    fanuc = extract_aspect(tilted, _candidates(passage), dialect="fanuc")
    assert fanuc is not None and fanuc.value == "G68.2"
    only_foreign = "Users coming from HEIDENHAIN know PLANE SPATIAL; the tilted plane is set differently here."
    assert extract_aspect(tilted, _candidates(only_foreign), dialect="fanuc") is None


def test_text_aspects_collect_what_the_documents_name() -> None:
    cell = extract_aspect(aspects()["interfaces"], _candidates("Interfaces: Embedded Ethernet, USB, PROFINET"))
    assert cell is not None and cell.value == "Ethernet, USB, PROFINET"
