"""CNC names: keys, the alias matcher, the registry, folders and discovery of unknown controls."""

from __future__ import annotations

import pytest

from merlin_cnc.cnc.discovery import candidate_from_title, discover
from merlin_cnc.cnc.folders import folder_name_uses
from merlin_cnc.cnc.names import Control, NameMatcher, name_key
from merlin_cnc.cnc.registry import Registry
from merlin_cnc.documents.markdown import parse_markdown
from merlin_cnc.documents.spreadsheet import parse_csv


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry()


@pytest.mark.parametrize(
    ("name", "key"),
    [("SINUMERIK 840D sl", "sinumerik840dsl"), ("Sinumerik-840D_SL", "sinumerik840dsl"),
     ("FANUC 31i-B5", "fanuc31ib5"), ("NUM Flexium+", "numflexium+"), ("Programación", "programacion")],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_matcher_prefers_longest_alias(registry: Registry) -> None:
    hits = registry.matcher.find("Tilted planes on the SINUMERIK 840D sl use CYCLE800.")
    assert [name for _, _, name in hits] == ["SINUMERIK 840D sl"]
    start, end, _ = hits[0]
    assert "Tilted planes on the SINUMERIK 840D sl use CYCLE800."[start:end] == "SINUMERIK 840D sl"


def test_matcher_longest_alias_with_own_controls() -> None:
    matcher = NameMatcher([Control("Short", aliases={"840D"}), Control("SINUMERIK 840D sl", aliases={"840D sl"})])
    assert matcher.names_in("the 840D sl and the SINUMERIK 840D sl") == ["SINUMERIK 840D sl"]
    assert matcher.names_in("an old 840D") == ["Short"]


def test_matcher_never_inside_a_longer_word_or_number(registry: Registry) -> None:
    assert registry.matcher.names_in("part number 18065-A and TNC6400") == []


def test_names_in_orders_by_mentions_and_dominant(registry: Registry) -> None:
    text = "TNC 640 users. The TNC640 is fast. Unlike the 840D sl, the TNC 640 ..."
    assert registry.matcher.names_in(text) == ["HEIDENHAIN TNC 640", "SINUMERIK 840D sl"]
    assert registry.matcher.dominant(text) == "HEIDENHAIN TNC 640"
    assert registry.matcher.dominant("TNC 640 and 840D sl") is None
    assert registry.matcher.dominant("no control here") is None


@pytest.mark.parametrize(
    ("surface", "name"),
    [("840d sl", "SINUMERIK 840D sl"), ("Sinumerik 840D SL", "SINUMERIK 840D sl"),
     ("sinumerik 840dsl", "SINUMERIK 840D sl"), ("tnc640", "HEIDENHAIN TNC 640"),
     ("Heidenhain TNC 640", "HEIDENHAIN TNC 640"), ("31i-B5", "FANUC 31i-B5"), ("fanuc 31i b5", "FANUC 31i-B5"),
     ("Fanuc 31iB5", "FANUC 31i-B5"), ("Okuma OSP-P300MA", "Okuma OSP-P300"), ("LinuxCNC 2.9", "LinuxCNC"),
     ("Haas NGC", "Haas NGC"), ("SINUMERIK 840D", "SINUMERIK 840D")],
)
def test_registry_resolve(registry: Registry, surface: str, name: str) -> None:
    assert registry.resolve(surface) == name


@pytest.mark.parametrize("surface", ["unknown thing", "RS274/NGC", "G68.2", ""])
def test_registry_resolve_unknown(registry: Registry, surface: str) -> None:
    assert registry.resolve(surface) is None


def test_registry_fuzzy_resolve_of_a_typo(registry: Registry) -> None:
    assert registry.resolve("Heidenhan TNC 640") == "HEIDENHAIN TNC 640"
    assert registry.resolve("Fanuk 31i-B5x") is None
    # A different model number is another control, however close the spelling.
    assert registry.resolve("Heidenhain TNC 6400") is None


def _folder_registry(folder: str, text: str, *declared: str) -> Registry:
    """The registry of one file in ``folder`` whose text is ``text`` and whose title declares ``declared``."""
    source = f"{folder}/notes.md"
    claims = [(s, None, f"folder:{folder}", source) for s in folder_name_uses(folder, text)]
    return Registry(claims + [(d, None, "title", source) for d in declared])


@pytest.mark.parametrize(
    ("folder", "text", "name"),
    [("fanuc-31i-b5", "The 31i-B5 reads G68.2", "FANUC 31i-B5"),
     ("sinumerik-840d-sl", "On the SINUMERIK 840D sl", "SINUMERIK 840D sl"),
     ("heidenhain-tnc-640", "TNC 640 cycles", "HEIDENHAIN TNC 640"), ("okuma-osp-p300", "OSP-P300", "Okuma OSP-P300"),
     ("haas-ngc", "Haas NGC control", "Haas NGC"), ("linuxcnc", "LinuxCNC reads", "LinuxCNC"),
     ("fanuc-0i-f-plus", "the 0i-F Plus", "FANUC 0i-F Plus"), ("sinumerik-828d", "828D", "SINUMERIK 828D"),
     ("fagor-8065", "Fagor 8065", "Fagor 8065")],
)
def test_folder_control(folder: str, text: str, name: str) -> None:
    assert _folder_registry(folder, text).folder_control(f"{folder}/notes.md") == name


@pytest.mark.parametrize("folder", ["shared", "Shared", "comparisons", "docs", "manuals"])
def test_shared_folders_have_no_control(folder: str) -> None:
    assert folder_name_uses(folder, f"{folder} FANUC 31i-B5") == []
    assert _folder_registry(folder, "FANUC 31i-B5", "FANUC 31i-B5").folder_control(f"{folder}/notes.md") is None


def test_folder_of_a_control_nobody_catalogued() -> None:
    registry = _folder_registry("vektor-500", "The VEKTOR 500 M reads", "VEKTOR 500 M")
    assert registry.folder_control("vektor-500/notes.md") == "VEKTOR 500 M"
    assert _folder_registry("klipper", "Klipper is a firmware").folder_control("klipper/notes.md") == "Klipper"
    # A folder whose documents never use its name is no control's.
    assert _folder_registry("acme-nx-9", "a datasheet").folder_control("acme-nx-9/notes.md") is None


def test_a_vendor_folder_dedicates_its_files_to_no_control() -> None:
    source = "fanuc/a.md"
    claims = [("FANUC", None, "folder:fanuc", source), ("FANUC", None, "folder:fanuc", "fanuc/b.md"),
              ("Fanuc 0i-F", None, "title", source), ("Fanuc 31i-B", None, "title", "fanuc/b.md")]
    for order in (claims, list(reversed(claims))):
        registry = Registry(order)
        assert registry.folder_control(source) is None
        first, second = registry.resolve("Fanuc 0i-F"), registry.resolve("Fanuc 31i-B")
        assert first is not None and second is not None and first != second


@pytest.mark.parametrize(
    ("title", "candidate"),
    [("Acme NX-9 CNC Controller — Datasheet", "Acme NX-9"), ("Acme NX-9 Controller — Datasheet", "Acme NX-9"),
     ("Ficha técnica: Acme NX-9", "Acme NX-9"), ("Datasheet — Zeta Z500 control", "Zeta Z500"),
     ("Product overview", None), ("Release notes 2024", None)],
)
def test_candidate_from_title(title: str, candidate: str | None) -> None:
    assert candidate_from_title(title) == candidate


def test_discovery_of_unknown_control_from_title() -> None:
    registry = Registry()
    doc = parse_markdown("shared/acme.md", "# Acme NX-9 CNC Controller — Datasheet\n\nThe NX-9 has 8 axes.\n")
    names = discover(doc, registry.matcher)
    assert names.title == ["Acme NX-9"]
    merged = Registry(_pairs(names))
    control = merged.controls["Acme NX-9"]
    assert (control.known, control.vendor) == (False, "Acme")
    assert merged.resolve("acme nx-9") == "Acme NX-9"
    assert merged.resolve("ACME NX9") == "Acme NX-9"


def test_discovery_from_csv_key_column() -> None:
    doc = parse_csv("shared/controls.csv", "control,max_axes\nFANUC 31i-B5,32\nZeta Z500,6\n")
    names = discover(doc, Registry().matcher)
    assert names.rows == ["FANUC 31i-B5", "Zeta Z500"]
    merged = Registry(_pairs(names))
    assert "Zeta Z500" in merged.controls and not merged.controls["Zeta Z500"].known
    # a known control's spelling does not create a second control
    assert sum(1 for c in merged.controls.values() if "31i-B5" in c.name) == 1


def test_discovered_spelling_of_known_control_becomes_alias() -> None:
    registry = Registry([("Sinumerik 840D SL", "Siemens")])
    assert "Sinumerik 840D SL" in registry.controls["SINUMERIK 840D sl"].aliases
    assert "Sinumerik 840D SL" not in registry.controls


def test_discovery_metadata_name() -> None:
    doc = parse_markdown("x.md", "---\ncontroller: Acme NX-9\nvendor: Acme\n---\n# Notes\n\nText.\n")
    names = discover(doc, Registry().matcher)
    assert (names.metadata, names.metadata_vendor) == ("Acme NX-9", "Acme")


def test_rs274ngc_is_not_haas_ngc(registry: Registry) -> None:
    assert registry.matcher.names_in("LinuxCNC reads RS274/NGC programs.") == ["LinuxCNC"]
    assert registry.resolve("RS274/NGC") is None
    assert registry.matcher.names_in("the RS274/NGC language") == []


def test_rs274ngc_control_words_are_not_haas_ngc(registry: Registry) -> None:
    assert registry.matcher.names_in("RS274/NGC control flow with o-words") == []


def _pairs(names) -> list[tuple[str, str | None]]:
    return [(n, None) for n in names.all()]
