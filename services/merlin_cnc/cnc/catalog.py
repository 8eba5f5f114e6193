"""The packaged catalog of well-known controls and vendors (``catalog/controls.yaml``)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from .names import Control, alias_pattern


def _raw() -> dict[str, object]:
    """The catalog, or an empty one with ``MERLIN_CATALOG=none``: everything must work without it."""
    return _load(_enabled())


@lru_cache(maxsize=2)
def _load(enabled: bool) -> dict[str, object]:
    if not enabled:
        return {"controls": [], "vendors": {}}
    text = resources.files("merlin_cnc").joinpath("catalog/controls.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def catalog_controls() -> list[Control]:
    raw = _raw()["controls"]
    assert isinstance(raw, list)
    return [Control(entry["name"], entry.get("vendor"), set(entry.get("aliases", [])), known=True) for entry in raw]


def vendor_patterns() -> list[tuple[re.Pattern[str], str]]:
    return _vendor_patterns(_enabled())


def _enabled() -> bool:
    from ..config import get_settings

    return get_settings().catalog != "none"


@lru_cache(maxsize=2)
def _vendor_patterns(enabled: bool) -> list[tuple[re.Pattern[str], str]]:
    vendors = _load(enabled)["vendors"]
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
