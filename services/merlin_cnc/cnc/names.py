"""Control names: normalised keys, alias patterns and a matcher that finds names in text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..analysis import fold

_PIECES = re.compile(r"[a-z0-9+]+")
_SEPARATOR = r"[\s\-_./]*"


def name_key(name: str) -> str:
    """``SINUMERIK 840D sl`` -> ``sinumerik840dsl``: what two spellings of one name share."""
    return "".join(_PIECES.findall(fold(name)))


def alias_pattern(alias: str) -> re.Pattern[str] | None:
    pieces = _PIECES.findall(fold(alias))
    if not pieces:
        return None
    body = _SEPARATOR.join(re.escape(p) for p in pieces)
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])")


@dataclass
class Control:
    name: str
    vendor: str | None = None
    aliases: set[str] = field(default_factory=set)
    known: bool = False  # from the catalog rather than discovered
    found_by: set[str] = field(default_factory=set)  # catalog, metadata, title, table key, folder


class NameMatcher:
    """Finds the controls named in a text, preferring the longest alias at each position."""

    def __init__(self, controls: Iterable[Control]) -> None:
        self._patterns: list[tuple[int, re.Pattern[str], str]] = []
        for control in controls:
            for alias in {control.name, *control.aliases}:
                pattern = alias_pattern(alias)
                if pattern is not None and len(name_key(alias)) >= 3:
                    self._patterns.append((len(name_key(alias)), pattern, control.name))
        self._patterns.sort(key=lambda item: -item[0])

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, control name)`` for each non-overlapping mention, in text order."""
        folded = fold(text)
        taken: list[tuple[int, int, str]] = []
        for _, pattern, name in self._patterns:
            for match in pattern.finditer(folded):
                start, end = match.span()
                if all(end <= s or start >= e for s, e, _ in taken):
                    taken.append((start, end, name))
        return sorted(taken)

    def names_in(self, text: str) -> list[str]:
        """Distinct controls named in ``text``, most mentioned first."""
        counts: dict[str, int] = {}
        for _, _, name in self.find(text):
            counts[name] = counts.get(name, 0) + 1
        return sorted(counts, key=lambda n: -counts[n])

    def dominant(self, text: str) -> str | None:
        """The one control ``text`` is about, if one clearly dominates its mentions."""
        counts: dict[str, int] = {}
        for _, _, name in self.find(text):
            counts[name] = counts.get(name, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0]
        return None
