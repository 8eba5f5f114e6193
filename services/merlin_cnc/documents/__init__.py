"""Turn a file into a ParsedDocument, whatever its format, or a ParseError saying why not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml

from .encoding import decode_bytes
from .model import Block, Locator, ParsedDocument, ParseError

__all__ = [
    "Block",
    "Locator",
    "ParsedDocument",
    "ParseError",
    "SUPPORTED_SUFFIXES",
    "parse_file",
    "is_sidecar",
    "read_sidecar",
]

NC_SUFFIXES = {
    ".nc",
    ".ngc",
    ".mpf",
    ".spf",
    ".h",
    ".min",
    ".ssb",
    ".sub",
    ".eia",
    ".iso",
    ".tap",
    ".cnc",
    ".gcode",
    ".ptp",
    ".pim",
    ".pit",
    ".i",
}
TEXT_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "csv",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".asc": "asciidoc",
    ".rst": "rst",
    ".rest": "rst",
    ".ini": "config",
    ".cfg": "config",
    ".conf": "config",
    ".toml": "config",
    ".yaml": "config",
    ".yml": "config",
    ".json": "config",
}
BINARY_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".pptx": "pptx"}
SUPPORTED_SUFFIXES = set(TEXT_SUFFIXES) | set(BINARY_SUFFIXES) | NC_SUFFIXES
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")


def _text_parser(kind: str) -> Callable[[str, str], ParsedDocument]:
    if kind == "markdown":
        from .markdown import parse_markdown

        return parse_markdown
    if kind == "html":
        from .html import parse_html

        return parse_html
    if kind == "csv":
        from .spreadsheet import parse_csv

        return parse_csv
    if kind == "nc":
        from .ncprogram import parse_ncprogram

        return parse_ncprogram
    if kind == "asciidoc":
        from .asciidoc import parse_asciidoc

        return parse_asciidoc
    if kind == "rst":
        from .rst import parse_rst

        return parse_rst
    if kind == "config":
        from .config import parse_config

        return parse_config
    from .plaintext import parse_plaintext

    return parse_plaintext


def _binary_parser(kind: str) -> Callable[[str, bytes], ParsedDocument]:
    if kind == "pdf":
        from .pdf import parse_pdf

        return parse_pdf
    if kind == "docx":
        from .docx import parse_docx

        return parse_docx
    if kind == "pptx":
        from .pptx import parse_pptx

        return parse_pptx
    from .spreadsheet import parse_xlsx

    return parse_xlsx


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def read_sidecar(path: Path) -> dict[str, object]:
    """Metadata from ``<file>.meta.yaml`` / ``.meta.json`` next to ``path``, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.name + suffix)
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
                data = json.loads(text) if suffix.endswith("json") else yaml.safe_load(text)
            except (OSError, ValueError, yaml.YAMLError) as exc:
                raise ParseError(f"unreadable metadata file {candidate.name}: {exc}") from exc
            return data if isinstance(data, dict) else {}
    return {}


def parse_file(path: Path, source: str, data: bytes, max_bytes: int) -> ParsedDocument:
    """Parse ``data`` (the bytes of ``path``) into a document named ``source``."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ParseError(f"unsupported file type '{suffix or path.name}'")
    if len(data) > max_bytes:
        raise ParseError(f"file is {len(data) / 1e6:.3g} MB, over the limit of {max_bytes / 1e6:.3g} MB")
    if not data.strip():
        raise ParseError("empty file")
    if suffix in BINARY_SUFFIXES:
        document = _binary_parser(BINARY_SUFFIXES[suffix])(source, data)
    else:
        text, encoding = decode_bytes(data)
        kind = "nc" if suffix in NC_SUFFIXES else TEXT_SUFFIXES[suffix]
        document = _text_parser(kind)(source, text)
        document.encoding = encoding
    if not any(b.text.strip() for b in document.blocks):
        raise ParseError("no text found")
    sidecar = read_sidecar(path)
    if sidecar:
        document.metadata = {**document.metadata, **sidecar}
    return document
