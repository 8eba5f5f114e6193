"""All controls known to one index: names the documents declare, the folders named after a control,
and (unless switched off) the catalog of well-known controls' aliases.

Built from the name claims every ingested file stores, in a fixed order, so the same files always
give the same registry, whether they were ingested at once or one by one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from ..analysis import fold
from .catalog import catalog_controls, vendor_of
from .discovery import FAMILY_TITLE
from .names import Control, NameMatcher, name_key

Claim = Sequence[str | None]  # (surface, vendor, origin, source): index.base.NameClaim


class Registry:
    def __init__(self, claims: Iterable[Claim] = ()) -> None:
        self.controls: dict[str, Control] = {c.name: c for c in catalog_controls()}
        for control in self.controls.values():
            control.found_by.add("catalog")
        padded = sorted((_padded(c) for c in claims), key=lambda c: (str(c[3]), str(c[2]), str(c[0])))
        declared = [c for c in padded if not str(c[2]).startswith("folder:")]
        self._add_declared(_confirmed(declared))
        self.matcher = NameMatcher(self.controls.values())
        self.folder_cnc: dict[str, str] = {}
        self._add_folders(padded)
        self.matcher = NameMatcher(self.controls.values())

    # -- building -------------------------------------------------------------------------------
    def _add_declared(self, claims: list[tuple[str | None, ...]]) -> None:
        known = NameMatcher(self.controls.values())
        forms: dict[str, Counter[str]] = {}
        vendors: dict[str, str | None] = {}
        origins: dict[str, set[str]] = defaultdict(set)
        for surface, vendor, origin, _source in claims:
            surface = " ".join(str(surface).split())
            hits = known.find(surface)
            if hits and (hits[0][1] - hits[0][0]) >= len(name_key(surface)) * 0.5:
                self.controls[hits[0][2]].aliases.add(surface)
                self.controls[hits[0][2]].found_by.add(str(origin))
                continue
            key = name_key(surface)
            if len(key) < 2:
                continue
            forms.setdefault(key, Counter())[surface] += 1
            vendors[key] = vendors.get(key) or vendor
            origins[key].add(str(origin))
        merged = _merge_qualified_forms(forms)
        for kept, folded in merged.items():
            origins[kept] |= origins.pop(folded, set())
        for key, counter in sorted(forms.items()):
            name = counter.most_common(1)[0][0]
            vendor = vendors[key] or vendor_of(name) or _first_word_vendor(name)
            self.controls[name] = Control(name, vendor, set(counter), known=False, found_by=origins[key])

    def _add_folders(self, claims: list[tuple[str | None, ...]]) -> None:
        """Folders whose documents use the folder's name: that control's folders (DESIGN.md §5)."""
        uses: dict[str, Counter[str]] = defaultdict(Counter)
        declared_in: dict[str, set[str]] = defaultdict(set)
        for surface, _vendor, origin, source in claims:
            origin = str(origin)
            if origin.startswith("folder:"):
                uses[origin[len("folder:") :]][str(surface)] += 1
            elif source:
                resolved = self.resolve(str(surface))
                parts = str(source).split("/")[:-1]
                for i in range(len(parts)):
                    declared_in["/".join(parts[: i + 1])].add(resolved or str(surface))
        for folder in sorted(uses, key=lambda f: (-f.count("/"), f)):
            name = self._folder_control(uses[folder], declared_in.get(folder, set()))
            if name is not None:
                self.folder_cnc[folder] = name
        self._fold_into_folder_controls()

    def _fold_into_folder_controls(self) -> None:
        """A name another document declares for a folder's control ("FANUC Series 31i-MODEL B5" for
        the folder's "31i-B5") is an alias of it, not a second control."""
        established = sorted(set(self.folder_cnc.values()))
        for name in sorted(self.controls):
            control = self.controls[name]
            if control.known or name in established:
                continue
            same = [e for e in established if _same_product(name, e)]
            if len(same) == 1:
                self._merge(name, same[0])

    def _folder_control(self, uses: Counter[str], declared: set[str]) -> str | None:
        surfaces = sorted(uses, key=lambda s: (-len(name_key(s)), -uses[s], s))
        main_key = name_key(surfaces[0])
        # Controls the folder's own documents declare whose names hold the folder's name.
        holders = {d for d in declared if main_key in name_key(d) or name_key(d) in main_key}
        catalogued = self.resolve(surfaces[0])
        if catalogued is not None:
            holders.add(catalogued)
        distinct = sorted(h for h in holders if self.controls.get(h) is not None)
        longest = max(distinct, key=lambda h: (len(name_key(h)), h)) if distinct else None
        if longest is not None and not all(h == longest or _same_product(h, longest) for h in distinct):
            if not any(ch.isdigit() for ch in main_key):
                return None  # a vendor's folder holding several of its controls
            # A folder named with a model number is that model's, whatever longer names its
            # documents' titles give it ("<model> operator course"): the one nearest its name.
            longest = min(distinct, key=lambda h: (len(name_key(h)), h))
        if longest is not None:
            name = catalogued if catalogued in distinct and self.controls[catalogued].known else longest
            for other in distinct:
                if other != name and not self.controls[other].known:
                    self._merge(other, name)
        else:
            name = max(uses.items(), key=lambda item: (len(name_key(item[0])), item[1], item[0]))[0]
            self.controls[name] = Control(name, _first_word_vendor(name), set(), known=False)
        control = self.controls[name]
        control.aliases.update(uses)
        control.found_by.add("folder")
        return name

    def _merge(self, name: str, into: str) -> None:
        """``name`` is another spelling of ``into``: its aliases and origins go there."""
        control, target = self.controls.pop(name), self.controls[into]
        target.aliases |= {name, *control.aliases}
        target.found_by |= control.found_by

    # -- queries --------------------------------------------------------------------------------
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

    def named(self, surface: str) -> str | None:
        """The control ``surface`` is a name of, written out (no fuzzy match): a table header naming
        a control, not a vendor or a word that merely resembles a name."""
        hits = self.matcher.find(surface)
        if len(hits) == 1 and (hits[0][1] - hits[0][0]) >= 0.7 * len(fold(" ".join(surface.split()))):
            return hits[0][2]
        return None

    def folder_control(self, source: str) -> str | None:
        """The control the deepest folder of ``source`` is dedicated to, if any."""
        parts = source.split("/")[:-1]
        for i in range(len(parts), 0, -1):
            name = self.folder_cnc.get("/".join(parts[:i]))
            if name is not None:
                return name
        return None

    def fingerprint(self) -> str:
        """Changes whenever attribution could: any control, alias or dedicated folder."""
        payload = {
            "controls": sorted((c.name, sorted(c.aliases)) for c in self.controls.values()),
            "folders": sorted(self.folder_cnc.items()),
        }
        return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:16]


def _merge_qualified_forms(forms: dict[str, Counter[str]]) -> dict[str, str]:
    """Fold "Syntec 22MA Milling" into "Syntec 22MA": same words, plus trailing plain words only.
    Returns {kept key: folded key}."""
    merged: dict[str, str] = {}
    tokens = {key: fold(counter.most_common(1)[0][0]).split() for key, counter in forms.items()}
    for key in sorted(forms, key=lambda k: (-len(tokens[k]), k)):
        words = tokens[key]
        for other in sorted(forms):
            if other == key or other not in tokens:
                continue
            base = tokens[other]
            extra = words[len(base) :]
            qualified = len(base) < len(words) and words[: len(base)] == base and all(w.isalpha() for w in extra)
            if qualified and any(ch.isdigit() for ch in other):
                forms[other].update(forms[key])
                del forms[key], tokens[key]
                merged[other] = key
                break
    return merged


def _confirmed(claims: list[tuple[str | None, ...]]) -> list[tuple[str | None, ...]]:
    """Title names with no model number ("SINUMERIK ONE") kept when their first word is the family
    of a declared name that has one ("SINUMERIK 828D"); then they count as titles."""
    families = {fold(str(c[0]).split()[0]) for c in claims if re.search(r"\d", str(c[0])) and str(c[0]).split()}
    out: list[tuple[str | None, ...]] = []
    for surface, vendor, origin, source in claims:
        if origin == FAMILY_TITLE:
            if fold(str(surface).split()[0]) not in families:
                continue
            origin = "title"
        out.append((surface, vendor, origin, source))
    return out


def _acronym(short: str, long: str) -> bool:
    """"Haas NGC" for "Haas Next Generation Control": the same first word, then the initials."""
    s, words = short.split(), long.split()
    if len(s) != 2 or len(words) < 3 or fold(s[0]) != fold(words[0]) or not s[1].isupper():
        return False
    return s[1].lower() == "".join(w[0] for w in words[1:]).lower()


def _same_product(a: str, b: str) -> bool:
    """Two spellings of one model: the same model numbers, and one name's letters found in order in
    the other's ("31i-B5" in "FANUC Series 31i-MODEL B5"), or an acronym of it ("Haas NGC")."""
    ka, kb = name_key(a), name_key(b)
    digits = re.findall(r"\d+", ka)
    if not digits and not re.findall(r"\d+", kb):
        return _acronym(a, b) or _acronym(b, a)
    if not digits or digits != re.findall(r"\d+", kb):
        return False
    short, long = sorted((ka, kb), key=len)
    rest = iter(long)
    return all(ch in rest for ch in short)


def _padded(claim: Claim) -> tuple[str | None, ...]:
    """A claim as (surface, vendor, origin, source); a bare (surface, vendor) pair is a title's."""
    defaults = ("", None, "title", "")
    return tuple(claim) + defaults[len(claim) :]


def _first_word_vendor(name: str) -> str | None:
    words = name.split()
    if len(words) >= 2 and words[0].isalpha() and words[0][0].isupper():
        return words[0]
    return None

