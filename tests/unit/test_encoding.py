"""merlin_cnc.documents.encoding.decode_bytes."""

from __future__ import annotations

import codecs

import pytest

from merlin_cnc.documents import ParseError
from merlin_cnc.documents.encoding import decode_bytes

SPANISH = "Programación de la máquina: el año, el ñandú y la configuración del husillo.\n"


def test_utf8() -> None:
    text, encoding = decode_bytes(SPANISH.encode("utf-8"))
    assert text == SPANISH
    assert encoding == "utf-8"


def test_utf8_bom_is_stripped() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + SPANISH.encode("utf-8"))
    assert text == SPANISH
    assert not text.startswith("\ufeff")
    assert encoding == "utf-8-sig"


def test_utf16_with_bom() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF16_LE + SPANISH.encode("utf-16-le"))
    assert text == SPANISH
    assert encoding == "utf-16"


def test_latin1_spanish() -> None:
    data = SPANISH.encode("latin-1")
    assert not any(0x80 <= b <= 0x9F for b in data)
    text, encoding = decode_bytes(data)
    assert text == SPANISH
    assert "ñ" in text and "á" in text
    assert encoding == "latin-1"


def test_cp1252_euro_and_curly_quotes() -> None:
    original = "Precio de la opción: 1.200 € — “incluye” el ‘software’ de programación.\n"
    data = original.encode("cp1252")
    assert any(0x80 <= b <= 0x9F for b in data)
    text, encoding = decode_bytes(data)
    assert text == original
    assert encoding == "cp1252"


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03binary\x00junk\xff\xfe" * 20, bytes(range(256)) * 4])
def test_binary_junk_raises(data: bytes) -> None:
    with pytest.raises(ParseError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("original", "codec"),
    [
        ("Precio: 100 €", "cp1252"),  # -> cp1125 'Precio: 100 А'
        ("“Quoted” text", "cp1252"),  # -> cp1125
        ("Diseño", "cp1252"),  # -> utf_16_le
        ("Año: “x”", "cp1252"),  # -> utf_16_be
        ("Programación del husillo: la máquina del año.\n", "latin-1"),  # -> cp775 'Programaci¾n'
    ],
)
def test_short_western_text(original: str, codec: str) -> None:
    text, encoding = decode_bytes(original.encode(codec))
    assert text == original
    assert encoding in ("cp1252", "latin-1")
