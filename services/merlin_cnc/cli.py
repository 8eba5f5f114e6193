"""The ``merlin`` command. Heavy libraries (torch, transformers) are imported only by commands that embed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .cli_output import print_json as _print_json
from .cli_query import add_query_commands
from .errors import UserError

EXIT_USAGE = 2


class CliError(UserError):
    """A user-facing failure of the command line itself."""


class _RichProgress:
    """A rich progress bar on stderr, one task per phase."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task: Any = None

    def __enter__(self) -> _RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def phase(self, name: str, total: int) -> None:
        if self._task is not None:
            self._progress.update(self._task, completed=self._progress.tasks[-1].total)
        self._task = self._progress.add_task(name, total=total)

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .config import get_settings
    from .ingest import IngestError, ingest

    settings = get_settings()
    try:
        if sys.stderr.isatty():
            with _RichProgress() as progress:
                report = ingest(Path(args.path), settings, progress)
        else:
            report = ingest(Path(args.path), settings)
    except IngestError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        _print_json(report.to_json())
        return 0
    from rich.console import Console

    out = Console()
    out.print(
        f"[bold]{report.files_ingested}[/] ingested, {report.files_unchanged} unchanged, "
        f"{len(report.files_failed)} failed, {report.files_deleted} removed "
        f"of {report.files_seen} files; {report.chunks_written} chunks written "
        f"({report.chunks_embedded} embedded, {report.chunks_from_cache} from cache)"
    )
    out.print(f"Embedding model: {report.embedding_model}")
    for failure in report.files_failed:
        out.print(f"  [red]failed[/] {failure['path']}: {failure['error']}")
    out.print("Controls: " + ", ".join(report.cncs))
    return 0


def cmd_cncs(args: argparse.Namespace) -> int:
    from .catalogue import list_controls
    from .config import get_settings

    controls = list_controls(get_settings())
    if args.json:
        _print_json(controls)
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table("Control", "Vendor", "Documents", "Chunks", "Also known as")
    for c in controls:
        table.add_row(c["name"], c["vendor"] or "", str(c["documents"]), str(c["chunks"]), ", ".join(c["aliases"]))
    Console().print(table)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from .config import get_settings
    from .reindex import reindex

    report = reindex(get_settings())
    if args.json:
        _print_json(report.to_json())
    else:
        state = "swapped in" if report.swapped else "unchanged"
        print(f"{report.source_version} -> {report.target_version}: {report.files} files, {report.chunks} chunks "
              f"({report.chunks_embedded} embedded); {state}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="merlin", description="Compare CNC controls from your own documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="parse, attribute, chunk, embed and index a folder of documents")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("cncs", help="list the controls found in the ingested documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cncs)
    p = sub.add_parser("reindex", help="rebuild the index for the configured model/mapping, then swap it in")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reindex)
    add_query_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UserError as exc:
        print(f"merlin: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("merlin: interrupted; the index is consistent, run the command again to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
