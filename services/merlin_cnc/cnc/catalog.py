"""The packaged catalog of well-known controls and vendors (``catalog/controls.yaml``)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from .names import Control, alias_pattern


@lru_cache(maxsize=1)
def _raw() -> dict[str, object]:
    text = resources.files("merlin_cnc").joinpath("catalog/controls.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def catalog_controls() -> list[Control]:
    raw = _raw()["controls"]
    assert isinstance(raw, list)
    return [Control(entry["name"], entry.get("vendor"), set(entry.get("aliases", [])), known=True) for entry in raw]


@lru_cache(maxsize=1)
def vendor_patterns() -> list[tuple[re.Pattern[str], str]]:
    vendors = _raw()["vendors"]
    assert isinstance(vendors, dict)
    out: list[tuple[re.Pattern[str], str]] = []
    for vendor, aliases in vendors.items():
        for alias in [vendor, *aliases]:
            pattern = alias_pattern(alias)
            if pattern is not None:
                out.append((pattern, vendor))
    return out


def vendor_of(text: str) -> str | None:
    """The known vendor named in ``text`` (e.g. a discovered control name), if any."""
    from ..analysis import fold

    folded = fold(text)
    for pattern, vendor in vendor_patterns():
        if pattern.search(folded):
            return vendor
    return None


def vendor_named(text: str) -> str | None:
    """The vendor when ``text`` is nothing but a vendor's name ("Siemens", "sinumerik", "FANUC")."""
    from ..analysis import fold
    from .names import name_key

    key = name_key(text)
    for pattern, vendor in vendor_patterns():
        match = pattern.search(fold(text))
        if match and name_key(match.group(0)) == key:
            return vendor
    return None
