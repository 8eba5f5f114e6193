"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Western single-byte code pages."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .model import ParseError

_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1250", "mac_roman", "cp850", "ascii"}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


_WESTERN_SYMBOLS = set("€“”‘’–—…ºª¿¡°±µ×²³½¼¾·«»©®™§¶")


def _plausibly_western(text: str) -> bool:
    """Most non-ASCII characters are accented letters or common typography: a Western code page."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return True
    good = sum(1 for c in high if (c.isalpha() and ord(c) < 0x250) or c in _WESTERN_SYMBOLS)
    return good >= 0.9 * len(high)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ParseError for binary content."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), "utf-16"
    if _looks_binary(data):
        raise ParseError("binary content, not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = data.decode("cp1252", errors="replace")
    if _plausibly_western(western):
        if not any(0x80 <= b <= 0x9F for b in data):
            return data.decode("latin-1"), "latin-1"
        return western, "cp1252"
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding not in _WESTERN:
        return str(guess), guess.encoding
    if not any(0x80 <= b <= 0x9F for b in data):
        return data.decode("latin-1"), "latin-1"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
