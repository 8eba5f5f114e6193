"""Which files of a folder are documents: hidden files, sidecars and ``.merlinignore`` matches are not."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from .documents import is_sidecar

IGNORE_FILE = ".merlinignore"


def _ignore_patterns(root: Path) -> list[str]:
    path = root / IGNORE_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


def _ignored(source: str, patterns: list[str]) -> bool:
    name = source.rsplit("/", 1)[-1]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(source, pattern) or fnmatch.fnmatch(name, pattern):
            return True
        if source.startswith(pattern + "/"):
            return True
    return False


def scan(root: Path) -> list[tuple[Path, str]]:
    """``(path, source)`` for every document under ``root``; source is the POSIX path relative to it."""
    patterns = _ignore_patterns(root)
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file() or is_sidecar(path):
            continue
        source = rel.as_posix()
        if not _ignored(source, patterns):
            found.append((path, source))
    return found
