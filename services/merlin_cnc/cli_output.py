"""How results look on a terminal (rich) and as JSON (one document on stdout)."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def render_comparison(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    names = list(result["resolved"])
    table = Table("Aspect", *[f"{n}\n→ {result['resolved'][n] or '?'}" for n in names], show_lines=True)
    for row in result["rows"]:
        cells = []
        for name in names:
            cell = row["cells"][name]
            text = cell["answer"]
            if cell["citations"]:
                c = cell["citations"][0]
                text += f"\n[dim]{c['source']} · {c['locator']}[/]"
            cells.append(text if cell["found"] else f"[yellow]{text}[/]")
        table.add_row(row["label"], *cells)
    console.print(table)
    console.print(result["summary"])
    for warning in result.get("warnings", []):
        console.print(f"[yellow]warning:[/] {warning}")


def render_answer(result: dict[str, Any]) -> None:
    from rich.console import Console

    console = Console()
    if result.get("standalone_question"):
        console.print(f"[dim]({result['standalone_question']})[/]")
    console.print(result["answer"])
    for c in result["citations"]:
        console.print(f"  [dim]{c['source']} · {c['locator']}[/] {c['snippet'][:100]}")
