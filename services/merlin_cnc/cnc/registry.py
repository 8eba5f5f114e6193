"""All controls known to one ingest: the catalog merged with names discovered in the documents."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..analysis import fold
from .catalog import catalog_controls, vendor_of
from .names import Control, NameMatcher, name_key

_NOT_A_CONTROL_FOLDER = re.compile(r"^(shared|common|general|misc|docs?|documents?|manuals?|comparisons?|tables?)$")


class Registry:
    def __init__(self, discovered: Iterable[tuple[str, str | None]] = ()) -> None:
        self.controls: dict[str, Control] = {c.name: c for c in catalog_controls()}
        known = NameMatcher(self.controls.values())
        forms: dict[str, Counter[str]] = {}
        vendors: dict[str, str | None] = {}
        for surface, vendor in discovered:
            surface = " ".join(surface.split())
            hits = known.find(surface)
            if hits and (hits[0][1] - hits[0][0]) >= len(name_key(surface)) * 0.5:
                self.controls[hits[0][2]].aliases.add(surface)
                continue
            key = name_key(surface)
            if len(key) < 2:
                continue
            forms.setdefault(key, Counter())[surface] += 1
            vendors[key] = vendors.get(key) or vendor
        _merge_qualified_forms(forms)
        for key, counter in forms.items():
            name = counter.most_common(1)[0][0]
            vendor = vendors[key] or vendor_of(name) or _first_word_vendor(name)
            self.controls[name] = Control(name, vendor, set(counter), known=False)
        self.matcher = NameMatcher(self.controls.values())

    def resolve(self, surface: str) -> str | None:
        """The control a name as written refers to (exact alias, then fuzzy on the key)."""
        hits = self.matcher.find(surface)
        if hits:
            return hits[0][2]
        key = name_key(surface)
        digits = set(re.findall(r"\d+", key))
        best, score = None, 0.0
        for control in self.controls.values():
            for alias in {control.name, *control.aliases}:
                if digits != set(re.findall(r"\d+", name_key(alias))):
                    continue  # "TNC 6400" is not "TNC 640"
                s = fuzz.ratio(key, name_key(alias))
                if s > score:
                    best, score = control.name, s
        return best if score >= 90 else None

    def folder_control(self, folder: str, title_names: Iterable[str]) -> str | None:
        """The control a top-level folder such as ``fanuc-31i-b5`` is dedicated to, if any."""
        slug = re.sub(r"[-_.]+", " ", folder).strip()
        if _NOT_A_CONTROL_FOLDER.match(slug.lower()):
            return None
        named = self.matcher.names_in(slug)
        if len(named) == 1:
            return named[0]
        slug_key = name_key(slug)
        best, score = None, 0.0
        for name in set(title_names):
            resolved = self.resolve(name) or name
            s = fuzz.partial_ratio(slug_key, name_key(resolved))
            if s > score:
                best, score = resolved, s
        return best if score >= 80 else None


def _merge_qualified_forms(forms: dict[str, Counter[str]]) -> None:
    """Fold "Syntec 22MA Milling" into "Syntec 22MA": same words, plus trailing plain words only."""
    tokens = {key: fold(counter.most_common(1)[0][0]).split() for key, counter in forms.items()}
    for key in sorted(forms, key=lambda k: -len(tokens[k])):
        words = tokens[key]
        for other in forms:
            if other == key or other not in tokens:
                continue
            base = tokens[other]
            extra = words[len(base) :]
            qualified = len(base) < len(words) and words[: len(base)] == base and all(w.isalpha() for w in extra)
            if qualified and any(ch.isdigit() for ch in other):
                forms[other].update(forms[key])
                del forms[key], tokens[key]
                break


def _first_word_vendor(name: str) -> str | None:
    words = name.split()
    if len(words) >= 2 and words[0].isalpha() and words[0][0].isupper():
        return words[0]
    return None
