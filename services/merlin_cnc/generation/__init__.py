"""Answer composition: extractive (default, deterministic, offline) or an LLM through LangChain.

The LLM generators rewrite the summary and cell answers of an extractive result; whatever they
produce must parse and cite only chunk ids they were given for that control, otherwise the
extractive result stands, with a warning saying why.
"""

from __future__ import annotations

from typing import Any


def apply_generator(engine: Any, result: dict[str, Any]) -> dict[str, Any]:
    generator = engine.settings.generator
    result["generator"] = "extractive"
    if generator == "extractive":
        return result
    from .llm import generate_with_llm

    return generate_with_llm(engine, result, generator)
