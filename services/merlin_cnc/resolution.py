"""Requested control names ("828D", "sinumerik 828d", "Fanuc 31i") -> the controls in the index.

A model number in the request must appear in the control's name or alias ("840D" never resolves
to the 828D); among the controls that pass, the closest spelling wins; a tie is ambiguous and,
like an unknown name, resolves to nothing, with suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .analysis import fold
from .cnc.catalog import vendor_named
from .cnc.names import name_key
from .cnc.registry import Registry


@dataclass
class Resolution:
    requested: str
    name: str | None
    suggestions: list[str] = field(default_factory=list)
    reason: str | None = None


def _digit_groups(text: str) -> list[str]:
    return re.findall(r"\d+[a-z]*", fold(text).replace(" ", ""))


def _score(request: str, candidate: str) -> float:
    rk, ck = name_key(request), name_key(candidate)
    if rk == ck:
        return 100.0
    if rk and rk in ck:
        return 90.0 + 10.0 * len(rk) / len(ck)
    return max(fuzz.ratio(rk, ck), fuzz.token_set_ratio(fold(request), fold(candidate)) * 0.95)


def _models_agree(request: str, candidate: str) -> bool:
    """Every model number of the request (``840d``, ``31i``, ``p300``) appears in the candidate's key."""
    key = name_key(candidate)
    return all(
        group in key
        or group.rstrip("abcdefghijklmnopqrstuvwxyz") in key
        and group[:1].isdigit()
        and re.search(re.escape(group.rstrip("abcdefghijklmnopqrstuvwxyz")) + r"(?!\d)", key)
        for group in _digit_groups(request)
    )


_VERSION_TAIL = re.compile(r"\s+(?:v(?:er(?:sion)?)?\.?\s*)?\d+(?:\.\d+)*[a-z]?$", re.IGNORECASE)


def resolve_names(requested: list[str], indexed: list[str], registry: Registry) -> dict[str, Resolution]:
    out = _resolve_names(requested, indexed, registry)
    for request, resolution in out.items():
        # "Marlin 2", "grbl 1.1": a version after the name of a control whose name has no model number.
        stripped = _VERSION_TAIL.sub("", request)
        if resolution.name is None and stripped != request and stripped.strip():
            retry = _resolve_names([stripped], indexed, registry)[stripped]
            if retry.name is not None and not re.search(r"\d", retry.name):
                out[request] = Resolution(request, retry.name, [])
    return out


def _resolve_names(requested: list[str], indexed: list[str], registry: Registry) -> dict[str, Resolution]:
    out: dict[str, Resolution] = {}
    for request in requested:
        vendor = vendor_named(request)
        if vendor is not None:
            # A bare vendor name ("Siemens", "heidenhain") means that vendor's only control, if one.
            same = [n for n in indexed if (registry.controls.get(n) and registry.controls[n].vendor == vendor)]
            if len(same) == 1:
                out[request] = Resolution(request, same[0])
                continue
            if len(same) > 1:
                out[request] = Resolution(
                    request, None, sorted(same), f"{request!r} is ambiguous: " + ", ".join(sorted(same))
                )
                continue
        scores: dict[str, float] = {}
        plausible: dict[str, float] = {}
        for name in indexed:
            control = registry.controls.get(name)
            spellings = {name, *(control.aliases if control else ())}
            best = max(_score(request, s) for s in spellings)
            scores[name] = best
            if any(_models_agree(request, s) for s in spellings):
                plausible[name] = best
        ranked = sorted(plausible.items(), key=lambda item: -item[1])
        suggestions = [n for n, s in sorted(scores.items(), key=lambda item: -item[1])[:3] if s >= 55]
        if not ranked or ranked[0][1] < 60:
            out[request] = Resolution(request, None, suggestions, f"no control named {request!r} in the documents")
        elif len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1:
            tied = [n for n, s in ranked if s >= ranked[0][1] - 1]
            out[request] = Resolution(request, None, tied, f"{request!r} is ambiguous: " + ", ".join(tied))
        else:
            out[request] = Resolution(request, ranked[0][0], [])
    return out
