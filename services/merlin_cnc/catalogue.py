"""The controls in the index, as ``merlin cncs`` and the API list them."""

from __future__ import annotations

from typing import Any

from .cnc.registry import Registry
from .config import Settings
from .index.factory import open_current


def list_controls(settings: Settings) -> list[dict[str, Any]]:
    index = open_current(settings)
    try:
        registry = Registry(index.all_names())
        out = []
        for stats in index.controls():
            control = registry.controls.get(stats.name)
            aliases = sorted((control.aliases if control else set()) - {stats.name}, key=str.lower)
            vendor = stats.vendor or (control.vendor if control else None)
            out.append(
                {
                    "name": stats.name,
                    "vendor": vendor,
                    "aliases": aliases,
                    "documents": stats.documents,
                    "chunks": stats.chunks,
                    "found_by": sorted(control.found_by) if control else [],
                }
            )
        return out
    finally:
        index.close()
