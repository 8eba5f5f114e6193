"""Controls mentioned in a free question ("Compara ... Fanuc 31i y Sinumerik 840D", "¿y el 840D?")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import fold
from .cnc.catalog import vendor_patterns
from .cnc.registry import Registry
from .resolution import resolve_names

_MODEL = r"[a-z]{0,5}[-\s]?\d{1,4}[a-z]{0,3}(?:[-.]?[a-z]{1,2}\d?)?(?:\s(?:sl|plus|ma|la|m|t))?"
_NC_CODE = re.compile(r"^[gmtsfhdnopqrxyzijk]\d+(\.\d+)?$|^cycle\d+$|^\d+$")
_BARE_MODEL = re.compile(
    r"(?<![\w#.])(\d{2,4}[a-z]{1,2}(?:[-\s](?:sl|plus|[a-z]\d))?|[a-z]{2,4}-?\d{2,4}[a-z]?|tnc\s\d{3})(?![\w.])"
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    control: str


def find_mentions(text: str, controls: list[str], registry: Registry) -> list[Mention]:
    """Indexed controls named in ``text`` with their spans (in ``fold(text)`` coordinates)."""
    folded = fold(text)
    spans: list[tuple[int, int]] = [(s, e) for s, e, _ in registry.matcher.find(text)]
    for pattern, _vendor in vendor_patterns():
        for match in re.finditer(pattern.pattern + r"\s+" + _MODEL + r"(?![\w])", folded):
            spans.append(match.span())
        for match in pattern.finditer(folded):
            spans.append(match.span())
    for match in _BARE_MODEL.finditer(folded):
        if not _NC_CODE.match(match.group(1).replace(" ", "")):
            spans.append(match.span(1))
    # Longest spans first; drop spans inside a longer one.
    spans = sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    mentions = []
    for s, e in sorted(kept):
        surface = text[s:e] if len(text) == len(folded) else folded[s:e]
        resolution = resolve_names([surface], controls, registry)[surface]
        if resolution.name is not None:
            mentions.append(Mention(s, e, surface, resolution.name))
    unique: dict[str, Mention] = {}
    for m in mentions:
        unique.setdefault(m.control, m)
    return list(unique.values())
