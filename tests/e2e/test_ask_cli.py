"""`merlin ask`: controls and aspects detected in the question, follow-ups rewritten, answers cited."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import MerlinRunner


def test_spanish_comparison_question(kb: MerlinRunner) -> None:
    result = kb("ask", "Compara el plano inclinado en Fanuc 31i y Sinumerik 840D", "--json").json()
    assert isinstance(result, dict)
    assert set(result) >= {"question", "cncs", "answer", "comparison", "citations"}
    assert result["cncs"] == ["FANUC 31i-B5", "SINUMERIK 840D sl"]
    assert "G68.2" in result["answer"] and "CYCLE800" in result["answer"] and " usa " in result["answer"]
    assert result["comparison"]["rows"][0]["aspect"] == "tilted_plane"
    sources = {c["source"] for c in result["citations"]}
    assert any(s.startswith("fanuc-31i-b5/") or s.startswith("shared/") for s in sources)
    assert any(s.startswith("sinumerik-840d-sl/") for s in sources)


def test_follow_up_is_rewritten_with_the_history(kb: MerlinRunner, tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text(json.dumps([
        {"role": "user", "content": "¿Cuál es el tiempo de procesamiento de bloque del TNC 640?"},
        {"role": "assistant", "content": "0.5 ms"},
    ]), encoding="utf-8")
    result = kb("ask", "¿y el Haas?", "--history", str(history), "--json").json()
    assert isinstance(result, dict)
    assert result["cncs"] == ["Haas NGC"]
    assert "Haas NGC" in result["standalone_question"] and "bloque" in result["standalone_question"]
    assert "1000" in result["answer"]
    assert result["citations"][0]["source"].startswith("haas-ngc/")


def test_question_about_every_control(kb: MerlinRunner) -> None:
    result = kb("ask", "Which controls support tool centre point control?", "--json").json()
    assert isinstance(result, dict)
    assert result["cncs"] == []
    cells = result["comparison"]["rows"][0]["cells"]
    assert cells["HEIDENHAIN TNC 640"]["found"] and cells["Haas NGC"]["found"]
    assert "G234" in cells["Haas NGC"]["value"]


def test_unanswerable_question_says_so(kb: MerlinRunner) -> None:
    result = kb("ask", "Who is the chief executive of FANUC?", "--json").json()
    assert isinstance(result, dict)
    assert result["answer"].startswith("Not stated in the documents")
    assert result["citations"] == [] and result["comparison"] is None


def test_bad_history_file_is_a_clear_error(kb: MerlinRunner, tmp_path: Path) -> None:
    bad = tmp_path / "history.json"
    bad.write_text("[{oops", encoding="utf-8")
    run = kb("ask", "¿y el 840D?", "--history", str(bad), "--json")
    assert run.returncode == 2 and "not JSON" in run.stderr and run.stdout == ""
