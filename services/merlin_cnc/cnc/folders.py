"""Folders named after a control: which name a folder's documents use for it.

A folder such as ``linuxcnc/`` or ``heidenhain-tnc-640/`` is read as a name made of pieces
(``heidenhain``, ``tnc``, ``640``). Each document of the folder is searched for the longest run of
those pieces written as a name ("TNC 640", "LinuxCNC"). A folder whose documents use its name is
that control's folder; one whose documents use it only as part of several longer product names
("FANUC 0i-F", "FANUC 31i-B") is a vendor's folder and dedicates its files to no control.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..analysis import fold

_ATOMS = re.compile(r"[a-z]+|\d+")
_SEPARATOR = r"[\s\-_./]*"
NOT_A_CONTROL_FOLDER = re.compile(
    r"^(shared|common|general|misc|other|others|docs?|documents?|documentation|manuals?|comparisons?|tables?|"
    r"src|source|data|files|pdf|html|img|images|assets|attachments|archive|old|new|tmp|temp|en|es|de|fr|"
    r"english|spanish|espanol|compartido|comun|documentos|documentacion|varios)$"
)


def folder_paths(source: str) -> list[str]:
    """The folders ``source`` sits in, deepest first (``a/b/f.md`` -> ``a/b``, ``a``)."""
    parts = source.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts) - 1, -1, -1)]


def folder_atoms(folder: str) -> tuple[str, ...]:
    """``heidenhain-tnc-640`` -> ``(heidenhain, tnc, 640)``; a generic folder name has none."""
    name = folder.rsplit("/", 1)[-1]
    slug = re.sub(r"[-_.]+", " ", fold(name)).strip()
    if not slug or NOT_A_CONTROL_FOLDER.match(slug):
        return ()
    return tuple(_ATOMS.findall(slug))


@lru_cache(maxsize=512)
def _patterns(atoms: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Contiguous runs of the folder's pieces that could name a control, longest first: with a
    model number where the folder has one, the whole name where it has none."""
    has_digits = any(a.isdigit() for a in atoms)
    runs = []
    for length in range(len(atoms), 0, -1):
        for start in range(len(atoms) - length + 1):
            run = atoms[start : start + length]
            key = "".join(run)
            if len(key) < 2 or not any(a.isalpha() for a in run):
                continue
            if has_digits and not any(a.isdigit() for a in run):
                continue
            if not has_digits and length < len(atoms):
                continue
            body = _SEPARATOR.join(re.escape(a) for a in run)
            runs.append(re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.IGNORECASE))
    return tuple(runs)


def folder_name_uses(folder: str, text: str) -> list[str]:
    """How ``text`` writes the folder's name: the surfaces of its longest run found, most used first."""
    atoms = folder_atoms(folder)
    if not atoms:
        return []
    for pattern in _patterns(atoms):
        found = Counter(" ".join(m.group(0).split()) for m in pattern.finditer(text))
        if found:
            return [surface for surface, _ in found.most_common(3)]
    return []
