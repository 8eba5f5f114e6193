"""`merlin ingest` / `merlin cncs` end to end on the sample knowledge base (DESIGN.md §4)."""

from __future__ import annotations

import shutil
from pathlib import Path

from merlin_cnc.cnc.names import name_key
from merlin_cnc.scanning import scan
from tests.conftest import DATA, MerlinRunner, controls_with_and_without_catalog

INGEST_KEYS = {
    "files_seen",
    "files_ingested",
    "files_unchanged",
    "files_failed",
    "chunks_written",
    "cncs",
    "embedding_model",
}
FOLDER_CONTROLS = {
    "fanuc-0i-f-plus": "FANUC 0i-F Plus",
    "fanuc-31i-b5": "FANUC 31i-B5",
    "sinumerik-828d": "SINUMERIK 828D",
    "sinumerik-840d-sl": "SINUMERIK 840D sl",
    "heidenhain-tnc-640": "HEIDENHAIN TNC 640",
    "fagor-8065": "Fagor 8065",
    "haas-ngc": "Haas NGC",
    "okuma-osp-p300": "Okuma OSP-P300",
    "linuxcnc": "LinuxCNC",
}


def _documents_in(folder: Path) -> int:
    return len(scan(folder))


def test_ingest_and_cncs_follow_the_contract(merlin: MerlinRunner, tiny_model: Path) -> None:
    report = merlin("ingest", str(DATA), "--json").json()
    assert isinstance(report, dict)
    assert set(report) >= INGEST_KEYS
    assert report["files_seen"] == len(scan(DATA))
    assert report["files_failed"] == []
    assert report["files_ingested"] == report["files_seen"]
    assert report["embedding_model"] == str(tiny_model)
    assert report["chunks_written"] > report["files_seen"]
    assert set(FOLDER_CONTROLS.values()) <= set(report["cncs"])

    controls = merlin("cncs", "--json").json()
    assert isinstance(controls, list)
    by_name = {c["name"]: c for c in controls}
    for control in controls:
        assert set(control) == {"name", "vendor", "aliases", "documents", "chunks", "found_by"}
        assert control["found_by"] and set(control["found_by"]) <= {"catalog", "folder", "title", "metadata",
                                                                     "table key"}
        assert control["chunks"] >= control["documents"] >= 1
    for folder, name in FOLDER_CONTROLS.items():
        own = _documents_in(DATA / folder)
        # Every file of a control's folder is about it; shared files (the comparison table) add to it.
        assert by_name[name]["documents"] >= own, (name, by_name[name], own)
    assert by_name["SINUMERIK 840D sl"]["vendor"] == "Siemens"
    assert "840D sl" in by_name["SINUMERIK 840D sl"]["aliases"]


def test_reingest_unchanged_folder_embeds_nothing(merlin: MerlinRunner) -> None:
    first = merlin("ingest", str(DATA), "--json").json()
    rerun = merlin("ingest", str(DATA), "--json")
    again = rerun.json()
    assert isinstance(first, dict) and isinstance(again, dict)
    assert "embedding with" not in rerun.stderr  # the encoder was not even loaded
    assert again["files_unchanged"] == first["files_seen"]
    assert again["files_ingested"] == 0
    assert again["chunks_written"] == 0
    assert again["chunks_embedded"] == 0
    assert again["cncs"] == first["cncs"]


def test_edit_and_delete_replace_exactly_their_chunks(merlin: MerlinRunner, data_copy: Path) -> None:
    merlin("ingest", str(data_copy), "--json").json()
    before = {c["name"]: c for c in merlin("cncs", "--json").json()}  # type: ignore[union-attr]
    sheet = data_copy / "heidenhain-tnc-640" / "product-sheet.md"
    sheet.write_text(
        sheet.read_text(encoding="utf-8") + "\n\n## Service contact\n\nCall the hotline.\n", encoding="utf-8"
    )
    edited = merlin("ingest", str(data_copy), "--json").json()
    assert isinstance(edited, dict)
    assert edited["files_ingested"] == 1 and edited["files_unchanged"] == edited["files_seen"] - 1
    # Only the new section needs a vector: the file's other chunks come from the content-hash cache.
    assert edited["chunks_embedded"] == 1
    assert edited["chunks_from_cache"] == edited["chunks_written"] - 1
    after_edit = {c["name"]: c for c in merlin("cncs", "--json").json()}  # type: ignore[union-attr]
    tnc = "HEIDENHAIN TNC 640"
    assert after_edit[tnc]["chunks"] == before[tnc]["chunks"] + 1
    assert after_edit[tnc]["documents"] == before[tnc]["documents"]

    sheet.unlink()
    deleted = merlin("ingest", str(data_copy), "--json").json()
    assert isinstance(deleted, dict)
    assert deleted["files_deleted"] == 1 and deleted["files_ingested"] == 0
    after_delete = {c["name"]: c for c in merlin("cncs", "--json").json()}  # type: ignore[union-attr]
    assert after_delete[tnc]["documents"] == before[tnc]["documents"] - 1
    assert after_delete[tnc]["chunks"] < before[tnc]["chunks"]


def test_broken_files_are_reported_and_the_rest_ingested(merlin: MerlinRunner, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "acme-nx9").mkdir(parents=True)
    shutil.copy(DATA / "fanuc-31i-b5" / "product-sheet.md", folder / "fanuc-31i.md")
    (folder / "acme-nx9" / "datasheet.md").write_text(
        "# Acme NX-9 CNC Controller — Datasheet\n\n| Feature | Value |\n|---|---|\n| Axes | 6 |\n", encoding="utf-8"
    )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf \x00\x01")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "drawing.dwg").write_bytes(b"AC1032 not a document")
    (folder / "huge.csv").write_text("control,axes\n" + "X,1\n" * 400_000, encoding="utf-8")
    run = merlin("ingest", str(folder), "--json", MERLIN_MAX_FILE_MB="1")
    report = run.json()
    assert isinstance(report, dict)
    failed = {f["path"]: f["error"] for f in report["files_failed"]}
    assert set(failed) == {"broken.pdf", "junk.txt", "empty.md", "drawing.dwg", "huge.csv"}
    assert "PDF" in failed["broken.pdf"]
    assert "binary" in failed["junk.txt"]
    assert "empty" in failed["empty.md"]
    assert "unsupported file type '.dwg'" in failed["drawing.dwg"]
    assert "over the limit" in failed["huge.csv"]
    assert report["files_ingested"] == 2
    assert "FANUC 31i-B5" in report["cncs"]
    assert "Acme NX-9" in report["cncs"]  # a control no catalog knows, discovered from its title


def test_missing_path_is_a_clear_error(merlin: MerlinRunner, tmp_path: Path) -> None:
    run = merlin("ingest", str(tmp_path / "nowhere"), "--json")
    assert run.returncode == 2
    assert run.stdout == ""
    assert "no such file or directory" in run.stderr


def test_cncs_before_any_ingest_is_a_clear_error(merlin: MerlinRunner) -> None:
    run = merlin("cncs", "--json")
    assert run.returncode == 2
    assert "merlin ingest" in run.stderr


def test_packaged_minilm_fallback_is_announced(merlin: MerlinRunner, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DATA / "sinumerik-828d" / "product-sheet.md", folder / "828d.md")
    run = merlin("ingest", str(folder), "--json", model="microsoft/codebert-base")
    report = run.json()
    assert isinstance(report, dict)
    assert report["embedding_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert "microsoft/codebert-base unavailable" in report["embedding_note"]
    assert "HF_HUB_OFFLINE" in report["embedding_note"]
    assert "warning" in run.stderr and "all-MiniLM-L6-v2" in run.stderr
    assert report["cncs"] == ["SINUMERIK 828D"]


def test_data_controls_are_found_from_the_documents_alone(merlin: MerlinRunner, tmp_path: Path) -> None:
    """With the catalog switched off, data/ gives the same controls with the same documents and chunks."""
    found = {catalog: {name_key(c["name"]): (c["documents"], c["chunks"]) for c in controls}
             for catalog, controls in controls_with_and_without_catalog(merlin, DATA, tmp_path).items()}
    assert found["none"] == found["builtin"]
    assert len(found["none"]) == 10
