"""The extractive generator: answers and summaries composed only from extracted cells, in es or en."""

from __future__ import annotations

from typing import Any

from ..aspects import Aspect, dialect_functions
from ..resolution import Resolution

_T = {
    "en": {
        "unresolved": "No control named '{name}' in the documents.",
        "ambiguous": "'{name}' is ambiguous: {options}.",
        "closest": " Closest: {options}.",
        "higher": "{label}: {winner} is highest with {value}",
        "lower": "{label}: {winner} is lowest with {value}",
        "versus": " (vs. {others})",
        "tie": "{label}: {names} state the same value ({value}).",
        "uses": "{label}: {parts}.",
        "use_part": "{name} uses {value}",
        "states": "{name}: {value}",
        "missing": "{label}: not stated in the documents for {names}.",
        "none": "The documents do not state {label} for any of the requested controls.",
        "unanswered": "Not stated in the documents for {names}.",
        "and": " and ",
    },
    "es": {
        "unresolved": "No hay ningún control llamado '{name}' en los documentos.",
        "ambiguous": "'{name}' es ambiguo: {options}.",
        "closest": " Los más parecidos: {options}.",
        "higher": "{label}: {winner} tiene el valor más alto, {value}",
        "lower": "{label}: {winner} tiene el valor más bajo, {value}",
        "versus": " (frente a {others})",
        "tie": "{label}: {names} indican el mismo valor ({value}).",
        "uses": "{label}: {parts}.",
        "use_part": "{name} usa {value}",
        "states": "{name}: {value}",
        "missing": "{label}: no consta en los documentos para {names}.",
        "none": "Los documentos no indican {label} para ninguno de los controles solicitados.",
        "unanswered": "No consta en los documentos para {names}.",
        "and": " y ",
    },
}


_DISPLAY_UNITS = {"1/min": "min⁻¹"}


def _t(language: str) -> dict[str, str]:
    return _T.get(language, _T["en"])


def _join(items: list[str], language: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _t(language)["and"] + items[-1]


def unresolved_message(resolution: Resolution, language: str) -> str:
    t = _t(language)
    if resolution.reason and "ambiguous" in resolution.reason:
        return t["ambiguous"].format(name=resolution.requested, options=", ".join(resolution.suggestions))
    message = t["unresolved"].format(name=resolution.requested)
    if resolution.suggestions:
        message += t["closest"].format(options=", ".join(resolution.suggestions))
    return message


def cell_answer(cell: Any, aspect: Aspect | None, language: str) -> str:
    """The short answer of a found cell: the value as stated (with its normalised form if it differs)."""
    if cell.value is None:
        return str(cell.answer)
    answer = str(cell.value)
    if aspect is not None and aspect.kind == "code" and aspect.function in dialect_functions():
        return f"{answer} ({dialect_functions()[aspect.function].label.get(language, aspect.label_in(language))})"
    normalized = cell.normalized
    if aspect is not None and normalized and aspect.kind == "number" and normalized["value"] is not None:
        as_number = f"{normalized['value']:g} {_DISPLAY_UNITS.get(normalized['unit'], normalized['unit'])}"
        if cell.unit != normalized["unit"]:
            answer += f" (= {as_number})"
    return answer


def _short(cell: dict[str, Any]) -> str:
    text = str(cell["value"] or cell["answer"]).rstrip(". ")
    return text if len(text) <= 90 else text[:87].rstrip() + "..."


def _numeric_sentence(label: str, aspect: Aspect, found: dict[str, dict[str, Any]], language: str) -> str:
    t = _t(language)
    values = {name: float(cell["normalized"]["value"]) for name, cell in found.items()}
    best = (max if aspect.better == "higher" else min)(values.values())
    winners = [n for n, v in values.items() if v == best]
    shown = {n: found[n]["value"] for n in values}
    if len(winners) == len(values):
        return t["tie"].format(label=label, names=_join(winners, language), value=shown[winners[0]])
    template = t["higher"] if aspect.better == "higher" else t["lower"]
    sentence = template.format(label=label, winner=_join(winners, language), value=shown[winners[0]])
    others = [f"{n} {shown[n]}" for n in values if n not in winners]
    return sentence + t["versus"].format(others=", ".join(others)) + "."


def summarize(
    result: dict[str, Any], row_aspects: dict[str, Aspect | None], resolutions: dict[str, Resolution], language: str
) -> str:
    """A few sentences over the table: who leads on numeric aspects, who uses what, what is missing."""
    t = _t(language)
    resolved_names = {r.name for r in resolutions.values() if r.name}
    sentences = [unresolved_message(r, language) for r in resolutions.values() if r.name is None]
    for row in result["rows"]:
        row = {**row, "cells": {resolutions[r].name or r: c for r, c in row["cells"].items()}}
        aspect = row_aspects.get(row["aspect"])
        label = row["label"] if row["aspect"] != "question" else (aspect.label_in(language) if aspect else "")
        found = {name: c for name, c in row["cells"].items() if c["found"]}
        missing = [name for name, c in row["cells"].items() if not c["found"] and name in resolved_names]
        numeric = {n: c for n, c in found.items() if c["normalized"] and c["normalized"]["value"] is not None}
        if aspect and aspect.better and len(numeric) >= 2:
            sentences.append(_numeric_sentence(label, aspect, numeric, language))
        elif found:
            parts = [
                t["use_part" if aspect and aspect.kind == "code" else "states"].format(name=n, value=_short(c))
                for n, c in found.items()
            ]
            if label:
                sentences.append(t["uses"].format(label=label, parts="; ".join(parts)))
            else:
                sentences.append("; ".join(parts) + ".")
        if missing and not label:
            # A free question that no passage answers: say so plainly, for whom.
            sentences.append(t["unanswered"].format(names=_join(missing, language)))
        elif missing and found:
            sentences.append(t["missing"].format(label=label, names=_join(missing, language)))
        elif missing:
            sentences.append(t["none"].format(label=label.lower()))
    return " ".join(s for s in sentences if s)
