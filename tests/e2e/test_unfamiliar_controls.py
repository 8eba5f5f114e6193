"""Controls no catalog knows are discovered from folders, titles and table key columns."""

from __future__ import annotations

from pathlib import Path

from merlin_cnc.cnc.names import name_key
from tests.conftest import MerlinRunner, controls_with_and_without_catalog


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_unfamiliar_controls_are_discovered_and_attributed(merlin: MerlinRunner, tmp_path: Path) -> None:
    root = tmp_path / "docs"
    _write(root, "kinetic-k5/overview.md", "# Kinetic Controls K5 — Product overview\n\nThe K5 is a compact CNC "
           "for routers. Unlike the FANUC 0i-F Plus it uses a web HMI.\n\n| Feature | Value |\n|---|---|\n"
           "| Max axes | 6 |\n| Block processing time | 0,5 ms |\n")
    _write(root, "kinetic-k5/bulletin.txt", "K5 service bulletin 3\n\nSpindle warm-up takes 10 minutes.\n")
    _write(root, "shared/specs.csv", "Controller;Max axes;Block time (ms)\nKinetic Controls K5;6;0,5\n"
           "Syntec 22MA;8;\nSINUMERIK 828D;10;\n")
    _write(root, "shared/vendor-sheet.md", "# Syntec 22MA Milling Controller: Datasheet\n\n"
           "Syntec 22MA supports 5 axes. It is often compared with the Haas NGC.\n")
    _write(root, "shared/comparison.md", "# Tilted plane: Fanuc 31i-B5 vs Heidenhain TNC 640\n\n## FANUC 31i-B5\n\n"
           "G68.2 defines the tilted plane.\n\n## HEIDENHAIN TNC 640\n\nPLANE SPATIAL defines it.\n")
    report = merlin("ingest", str(root), "--json", model="none").json()
    assert isinstance(report, dict)
    # The passing mentions (FANUC 0i-F Plus in the K5 sheet, Haas NGC in the Syntec sheet) add no control.
    assert report["cncs"] == ["FANUC 31i-B5", "HEIDENHAIN TNC 640", "Kinetic Controls K5", "SINUMERIK 828D",
                              "Syntec 22MA"]
    controls = {c["name"]: c for c in merlin("cncs", "--json").json()}  # type: ignore[union-attr]
    # The folder's two files plus the CSV row.
    assert controls["Kinetic Controls K5"]["documents"] == 3
    assert controls["Kinetic Controls K5"]["vendor"] == "Kinetic"
    # "Syntec 22MA Milling" (title) and "Syntec 22MA" (table row) are one control.
    assert controls["Syntec 22MA"]["documents"] == 2
    assert "Syntec 22MA Milling" in controls["Syntec 22MA"]["aliases"]
    # The comparison document is split by its headings, one control per section.
    assert controls["FANUC 31i-B5"]["chunks"] == 1 and controls["HEIDENHAIN TNC 640"]["chunks"] == 1


def test_the_same_controls_are_found_with_the_catalog_off(merlin: MerlinRunner, tmp_path: Path) -> None:
    """Names come from the documents: the catalog of famous controls only adds aliases."""
    root = tmp_path / "docs"
    _write(root, "kinetic-k5/overview.md", "# Kinetic Controls K5 — Product overview\n\nThe K5 is a compact CNC.\n")
    _write(root, "kinetic-k5/bulletin.txt", "K5 service bulletin 3\n\nSpindle warm-up takes 10 minutes.\n")
    _write(root, "klipper/config.md", "# Configuration reference\n\nKlipper reads printer.cfg on its host.\n")
    _write(root, "fanuc/a.md", "# FANUC 0i-F Plus — Datasheet\n\nThe 0i-F Plus is a FANUC control.\n")
    _write(root, "fanuc/b.md", "# FANUC 31i-B5 — Datasheet\n\nThe 31i-B5 is a FANUC control.\n")
    _write(root, "shared/comparison.md", "# Tilted plane: Fanuc 31i-B5 vs Heidenhain TNC 640\n\n## FANUC 31i-B5\n\n"
           "G68.2 defines the tilted plane.\n\n## HEIDENHAIN TNC 640\n\nPLANE SPATIAL defines it.\n")
    _write(root, "shared/parts.csv", "model;description;price\nAB-1200;Encoder cable;30\nXY-33;Fan;12\n")
    found = {}
    for catalog, controls in controls_with_and_without_catalog(merlin, root, tmp_path).items():
        found[catalog] = {name_key(c["name"]): (c["documents"], c["chunks"]) for c in controls}
        by_key = {name_key(c["name"]): c for c in controls}
        assert "folder" in by_key["klipper"]["found_by"] and "folder" in by_key["kineticcontrolsk5"]["found_by"]
    assert found["none"] == found["builtin"]
    # The vendor folder holds two controls; the bulletin and the parts list name none.
    assert set(found["none"]) == {"kineticcontrolsk5", "klipper", "fanuc0ifplus", "fanuc31ib5", "heidenhaintnc640"}
