"""merlin_cnc.analysis: the code-aware analyzer both index backends rank on."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from merlin_cnc.analysis import analyze, analyzed_text, detect_language, fold

TERM = re.compile(r"^[a-z0-9_]+$")


@pytest.mark.parametrize(
    ("a", "b"),
    [("G01", "G1"), ("G00", "G0"), ("M06", "M6"), ("g01", "G1"), ("G02", "G2"), ("T01", "T1")],
)
def test_padded_addresses_equal_unpadded(a: str, b: str) -> None:
    assert analyze(a) == analyze(b)
    assert len(analyze(a)) == 1


def test_address_terms_are_lower_case_without_leading_zeros() -> None:
    assert analyze("G01 G00 M06") == ["g1", "g0", "m6"]


def test_g68_2_kept_whole_and_distinct_from_g68() -> None:
    assert analyze("G68.2") == ["g68_2"]
    assert analyze("G68") == ["g68"]
    assert "g68" not in analyze("G68.2")
    # a decimal comma is the same code
    assert analyze("G68,2") == ["g68_2"]


def test_cycle800_kept_whole() -> None:
    terms = analyze("CYCLE800")
    assert terms[0] == "cycle800"
    assert analyze("Use CYCLE800 to swivel")[:2] == ["cycle800", "cycle"]
    assert "cycle800" not in analyze("CYCLE81")


def test_fanuc_macro_variable_kept() -> None:
    assert analyze("#500") == ["var_500"]
    assert analyze("#500 = 30.0")[0] == "var_500"
    assert analyze("#500") != analyze("500")


def test_linuxcnc_named_parameter_kept() -> None:
    assert analyze("#<_depth>") == ["var_depth"]
    assert "var_depth" in analyze("G83 Z#<_depth> R1")
    assert analyze("#<_depth>") != analyze("#<_width>")


@pytest.mark.parametrize(("text", "term"), [("R1", "r1"), ("Q200", "q200"), ("Q200=2", "q200"), ("S3000", "s3000")])
def test_parameter_addresses_kept(text: str, term: str) -> None:
    assert analyze(text)[0] == term


def test_model_name_yields_whole_term_and_parts() -> None:
    terms = analyze("31i-B5")
    assert terms[0] == "31i_b5"
    assert {"31i", "b5"} <= set(terms)
    assert len(terms) == len(set(terms))


def test_spanish_stemming_shares_stem() -> None:
    a, b = analyze("programación", "es"), analyze("programa", "es")
    assert a == b == ["program"]
    assert analyze("máquinas", "es") == analyze("máquina", "es")


def test_english_stemming() -> None:
    assert analyze("running runs") == ["run", "run"]
    assert analyze("controls") == analyze("control")
    assert analyze("programming") == analyze("programs")


def test_stop_words_removed() -> None:
    assert analyze("the and of to with") == []
    assert analyze("la programación de la máquina", "es") == ["program", "maquin"]
    # English stop words are dropped from Spanish text too (mixed documents)
    assert analyze("the husillo", "es") == analyze("husillo", "es")


def test_accents_folded() -> None:
    assert fold("Programación MÁQUINA") == "programacion maquina"
    assert analyze("Máquina", "es") == analyze("maquina", "es")
    assert analyze("número", "es") == analyze("numero", "es")


def test_all_terms_ascii_on_mixed_cnc_text() -> None:
    text = (
        "N50 G68.2 X0. Y-20. I0. J#500 K0. ; CYCLE800(1,\"TC1\") #<_depth> = -5 "
        "La programación del 31i-B5 es rápida: 0,4 ms por bloque. TNC 640 (Q200=2)"
    )
    terms = analyze(text, "es")
    assert terms
    assert all(TERM.match(t) for t in terms), terms
    assert analyzed_text(text, "es") == " ".join(terms)


def test_detect_language() -> None:
    es = "La programación de la máquina es sencilla y tiene muchas funciones para el usuario."
    en = "The programming of the machine is simple and it has many functions for the user."
    assert detect_language(es) == "es"
    assert detect_language(en) == "en"
    assert detect_language("") == "en"


def test_detect_language_english_with_gcode_listing() -> None:
    text = (
        "Drilling a bolt circle with G81.\n"
        "N10 G90 G54 G00 X0 Y0\nN20 G81 X10 Y0 Z-5 R2 F100\nN30 X0 Y10\nN40 X-10 Y0\nN50 X0 Y-10\n"
        "N60 G80\nThe cycle repeats at each position."
    )
    assert detect_language(text) == "en"


# Text the sample documents are made of: ASCII, Spanish letters and CNC punctuation.
_DOC_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n\t.,;:-_/#<>()=+*\"'%")
    + list("áéíóúüñÁÉÍÓÚÑ¿¡")
)


@settings(max_examples=300, deadline=None)
@given(st.text(_DOC_ALPHABET, max_size=200))
def test_property_terms_ascii_and_deterministic(text: str) -> None:
    first = analyze(text, "es")
    assert first == analyze(text, "es")
    assert analyze(text, "en") == analyze(text, "en")
    for term in first + analyze(text, "en"):
        assert TERM.match(term), (text, term)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
@example("resolution 0.1 µm")
@example("Ø 10 mm")
@example("Maße")
@example("½")
def test_property_terms_ascii_for_any_unicode(text: str) -> None:
    for term in analyze(text):
        assert TERM.match(term), (text, term)
