"""`merlin compare` / `merlin aspects` end to end on data/ (DESIGN.md §4): values, citations, honesty."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.conftest import MerlinRunner

CELL_KEYS = {"answer", "value", "unit", "normalized", "found", "citations"}
CITATION_KEYS = {"source", "locator", "snippet", "chunk_id", "score"}
LOCATOR = re.compile(r"^(lines? \d+(-\d+)?|pages? \d+(-\d+)?|rows? \d+(-\d+)?|paragraphs? \d+(-\d+)?)$")
FOLDERS = {"FANUC 31i-B5": "fanuc-31i-b5/", "SINUMERIK 840D sl": "sinumerik-840d-sl/",
           "HEIDENHAIN TNC 640": "heidenhain-tnc-640/", "Haas NGC": "haas-ngc/", "SINUMERIK 828D": "sinumerik-828d/",
           "LinuxCNC": "linuxcnc/", "Fagor 8065": "fagor-8065/"}


def compare(kb: MerlinRunner, cncs: list[str], aspects: list[str] | None = None, *extra: str) -> dict[str, Any]:
    args = ["compare", "--json"]
    for cnc in cncs:
        args += ["--cnc", cnc]
    for aspect in aspects or []:
        args += ["--aspect", aspect]
    result = kb(*args, *extra).json()
    assert isinstance(result, dict)
    return result


def cell(result: dict[str, Any], aspect: str, cnc: str) -> dict[str, Any]:
    row = next(r for r in result["rows"] if r["aspect"] == aspect)
    return row["cells"][cnc]


def test_compare_follows_the_contract_and_cites_each_control_its_own_documents(kb: MerlinRunner) -> None:
    result = compare(kb, ["Fanuc 31i", "840D", "tnc640"], ["tilted_plane", "tcp", "drilling_cycles", "axes"])
    assert result["resolved"] == {"Fanuc 31i": "FANUC 31i-B5", "840D": "SINUMERIK 840D sl",
                                  "tnc640": "HEIDENHAIN TNC 640"}
    assert {"resolved", "question", "rows", "summary"} <= set(result)
    assert [r["aspect"] for r in result["rows"]] == ["tilted_plane", "tcp", "drilling_cycles", "axes"]
    for row in result["rows"]:
        assert set(row) == {"aspect", "label", "cells"} and set(row["cells"]) == set(result["resolved"])
        for requested, c in row["cells"].items():
            assert set(c) == CELL_KEYS
            assert c["found"] == bool(c["citations"])
            for citation in c["citations"]:
                assert set(citation) == CITATION_KEYS
                assert LOCATOR.match(citation["locator"]), citation["locator"]
                assert not Path(citation["source"]).is_absolute()
                folder = FOLDERS[result["resolved"][requested]]
                # Never another control's data: its own folder, or its own row of a shared table.
                assert citation["source"].startswith((folder, "shared/")), (requested, citation)
    assert "G68.2" in cell(result, "tilted_plane", "Fanuc 31i")["value"]
    assert "CYCLE800" in cell(result, "tilted_plane", "840D")["value"]
    assert "PLANE SPATIAL" in cell(result, "tilted_plane", "tnc640")["value"]
    assert "TRAORI" in cell(result, "tcp", "840D")["value"]
    assert "G43.4" in cell(result, "tcp", "Fanuc 31i")["value"]
    assert cell(result, "axes", "840D")["normalized"]["value"] == 93
    assert "G68.2" in result["summary"] and "CYCLE800" in result["summary"]


def test_units_are_normalised_and_the_winner_is_named(kb: MerlinRunner) -> None:
    result = compare(kb, ["TNC 640", "Haas"], ["block_processing_time", "spindle_power"])
    tnc = cell(result, "block_processing_time", "TNC 640")
    haas = cell(result, "block_processing_time", "Haas")
    assert tnc["normalized"] == {"value": 0.5, "unit": "ms"}
    assert "1000" in haas["value"] and haas["normalized"] == {"value": 1.0, "unit": "ms"}
    assert "HEIDENHAIN TNC 640 is lowest" in result["summary"]
    # The only spindle power in Haas's folder is the VF-2's nameplate: machine data, not the control's.
    power = cell(result, "spindle_power", "Haas")
    assert power["found"] is False and "machine data" in power["answer"], power
    assert [c["source"] for c in power["citations"]] == ["haas-ngc/shop-notes-vf2.md"]
    assert cell(result, "spindle_power", "TNC 640")["found"] is False


def test_superseded_machine_values_resolve_to_the_current_one_and_stay_machine_data(kb: MerlinRunner) -> None:
    result = compare(kb, ["828D"], ["max_feed_rate"])
    feed = cell(result, "max_feed_rate", "828D")
    # The MX-500 release notes raise the machine's feed from 30 to 36 m/min: the current figure,
    # shown as the machine's, never as the 828D's specification.
    assert feed["found"] is False and "36 m/min" in feed["answer"], feed
    assert feed["citations"][0]["source"] in {"sinumerik-828d/mx500-release-notes.md", "shared/machine-park.xlsx",
                                              "sinumerik-828d/notas-de-aplicacion.txt"}


def test_facts_the_documents_do_not_state_are_not_invented(kb: MerlinRunner) -> None:
    result = compare(kb, ["Fanuc 31i", "TNC 640"], ["spindle_power", "program_memory", "max_spindle_speed"])
    for row in result["rows"]:
        for c in row["cells"].values():
            assert c == {"answer": "Not stated in the documents.", "value": None, "unit": None,
                         "normalized": None, "found": False, "citations": []}
    assert "not state" in result["summary"]


def test_an_unknown_control_gets_no_other_controls_data(kb: MerlinRunner) -> None:
    result = compare(kb, ["Mazak SmoothX", "840D"], ["tilted_plane"])
    assert result["resolved"]["Mazak SmoothX"] is None
    mazak = cell(result, "tilted_plane", "Mazak SmoothX")
    assert mazak["found"] is False and mazak["citations"] == [] and "Mazak SmoothX" in mazak["answer"]
    assert cell(result, "tilted_plane", "840D")["found"] is True
    ambiguous = compare(kb, ["Sinumerik", "TNC 640"], ["tcp"])
    assert ambiguous["resolved"]["Sinumerik"] is None
    assert "ambiguous" in cell(ambiguous, "tcp", "Sinumerik")["answer"]
    assert set(ambiguous["suggestions"]["Sinumerik"]) == {"SINUMERIK 828D", "SINUMERIK 840D sl", "SINUMERIK ONE"}


def test_a_long_manual_does_not_crowd_out_the_other_control(kb: MerlinRunner) -> None:
    # The 840D sl has a 1,500-line programming guide; LinuxCNC a few short files.
    result = compare(kb, ["840D", "LinuxCNC"], ["drilling_cycles", "macro_variables", "tilted_plane"])
    linux = [cell(result, a, "LinuxCNC") for a in ("drilling_cycles", "macro_variables")]
    assert all(c["found"] for c in linux)
    assert all(cit["source"].startswith(("linuxcnc/", "shared/")) for c in linux for cit in c["citations"])
    assert "G81" in linux[0]["value"]


def test_spanish_question_answers_in_spanish_from_a_stating_passage(kb: MerlinRunner) -> None:
    result = compare(kb, ["TNC 640", "Fanuc 31i"], None, "--question",
                     "¿Cuál es el tiempo de procesamiento de bloque?")
    assert [r["aspect"] for r in result["rows"]] == ["question"]
    tnc = cell(result, "question", "TNC 640")
    assert tnc["normalized"] == {"value": 0.5, "unit": "ms"}
    # any file that states it for the TNC 640: its own, in English or in Spanish ("0,5 ms"), or the
    # shared comparison table's TNC 640 row (block_processing_time_ms: 0.5)
    assert tnc["citations"][0]["source"] in {"heidenhain-tnc-640/product-sheet.md",
                                             "heidenhain-tnc-640/training-summary.docx",
                                             "heidenhain-tnc-640/preguntas-frecuentes.txt",
                                             "shared/control-comparison.csv"}
    assert re.search(r"0[.,]5 ms|_ms: 0[.,]5\b", tnc["citations"][0]["snippet"])
    assert cell(result, "question", "Fanuc 31i")["answer"] == "No consta en los documentos."
    assert "no consta" in result["summary"].lower() or "no indican" in result["summary"].lower()


def test_a_question_about_an_aspect_as_a_whole_is_that_aspects_row(kb: MerlinRunner) -> None:
    result = compare(kb, ["Fanuc 31i", "Sinumerik 840D"], None, "--question",
                     "Compara el plano inclinado en Fanuc 31i y Sinumerik 840D")
    fanuc, siemens = cell(result, "question", "Fanuc 31i"), cell(result, "question", "Sinumerik 840D")
    assert "G68.2" in fanuc["value"] and fanuc["citations"][0]["source"].startswith("fanuc-31i-b5/")
    assert "CYCLE800" in siemens["value"] and siemens["citations"][0]["source"].startswith("sinumerik-840d-sl/")


def test_english_question_finds_a_spanish_passage_and_keeps_machine_data_apart(kb: MerlinRunner) -> None:
    result = compare(kb, ["828D"], None, "--question", "What is the spindle power?")
    power = cell(result, "question", "828D")
    # The Spanish application note and the machine park give the MX-500's spindle (its own machine
    # data), not the 828D's: the cell says so and cites one of them.
    assert power["found"] is False and "15 kW" in power["answer"] and "machine data" in power["answer"], power
    assert power["citations"][0]["source"] in {"sinumerik-828d/notas-de-aplicacion.txt", "shared/machine-park.xlsx"}


def test_aspects_lists_the_catalog(kb: MerlinRunner) -> None:
    aspects = kb("aspects", "--json").json()
    assert isinstance(aspects, list) and len(aspects) >= 15
    keys = {a["key"] for a in aspects}
    assert {"axes", "block_processing_time", "tilted_plane", "tcp", "conversational"} <= keys
    for a in aspects:
        assert a["label_en"] and a["label_es"]


def test_bad_input_is_one_clear_message(kb: MerlinRunner, merlin: MerlinRunner) -> None:
    run = kb("compare", "--cnc", "840D", "--aspect", "wobble", "--json")
    assert run.returncode == 2 and run.stdout == ""
    assert "unknown aspect(s): wobble" in run.stderr and "tilted_plane" in run.stderr
    empty = merlin("compare", "--cnc", "840D", "--aspect", "tcp", "--json")
    assert empty.returncode == 2 and "merlin ingest" in empty.stderr


def test_requests_batch_answers_good_lines_and_reports_bad_ones(kb: MerlinRunner, tmp_path: Path) -> None:
    requests = tmp_path / "requests.jsonl"
    requests.write_text("\n".join([
        json.dumps({"cncs": ["840D", "TNC 640"], "aspects": ["tcp"]}),
        "{not json",
        json.dumps({"cncs": ["828D"], "aspects": ["wobble"]}),
        json.dumps({"cncs": ["Haas"], "question": "What is the block processing time?"}),
    ]) + "\n", encoding="utf-8")
    run = kb("compare", "--requests", str(requests), "--json")
    assert run.returncode == 1
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == 4
    assert "TRAORI" in lines[0]["rows"][0]["cells"]["840D"]["value"]
    assert lines[1]["line"] == 2 and "not JSON" in lines[1]["error"]
    assert lines[2]["line"] == 3 and "wobble" in lines[2]["error"]
    assert lines[3]["rows"][0]["cells"]["Haas"]["found"]
    assert "requests.jsonl:2" in run.stderr and "requests.jsonl:3" in run.stderr


def test_compare_on_cached_aspects_never_imports_torch(kb: MerlinRunner) -> None:
    kb("compare", "--cnc", "840D", "--aspect", "tcp", "--json").json()  # caches the aspect's query vectors
    run = kb("compare", "--cnc", "840D", "--cnc", "Haas", "--aspect", "tcp", "--json", PYTHONPROFILEIMPORTTIME="1")
    assert run.returncode == 0
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "torch" not in imported and "transformers" not in imported
