"""merlin_cnc.scanning.scan: which files of a folder are documents."""

from __future__ import annotations

from pathlib import Path

from merlin_cnc.scanning import scan


def _touch(root: Path, *paths: str) -> None:
    for rel in paths:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")


def test_hidden_files_and_sidecars_skipped(tmp_path: Path) -> None:
    _touch(tmp_path, "fanuc-31i-b5/sheet.md", "fanuc-31i-b5/sheet.md.meta.yaml", "fanuc-31i-b5/.hidden.md",
           ".git/config", ".cache/x.md", "shared/table.csv", "shared/table.csv.meta.json", "readme.txt")
    found = scan(tmp_path)
    assert [source for _, source in found] == ["fanuc-31i-b5/sheet.md", "readme.txt", "shared/table.csv"]
    assert all(path == tmp_path / source for path, source in found)


def test_merlinignore_patterns(tmp_path: Path) -> None:
    _touch(tmp_path, "a/keep.md", "a/draft.tmp", "drafts/x.md", "drafts/sub/y.md", "b/old-notes.txt", "b/new.txt",
           "shared/old/z.md")
    (tmp_path / ".merlinignore").write_text("# comment\n\n*.tmp\ndrafts/\nold-*\nshared/old\n", encoding="utf-8")
    assert [s for _, s in scan(tmp_path)] == ["a/keep.md", "b/new.txt"]


def test_directories_are_not_documents(tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    _touch(tmp_path, "x/y/z.md")
    assert [s for _, s in scan(tmp_path)] == ["x/y/z.md"]
