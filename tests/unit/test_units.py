"""Number formats and unit normalisation (pint) as CNC documents write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from merlin_cnc.units import any_quantities, is_superseding, normalize, parse_number, quantities


def _grouped(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


@given(st.integers(min_value=1000, max_value=10**9))
def test_thousands_separators_in_both_languages(value: int) -> None:
    assert parse_number(_grouped(value, "."), "es") == value  # 6.000 min⁻¹
    assert parse_number(_grouped(value, ","), "en") == value  # 6,000 rpm
    assert parse_number(_grouped(value, "\u202f"), "en") == value  # thin-space grouping


@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=99))
def test_decimal_commas_and_points(whole: int, fraction: int) -> None:
    text_es = f"{whole},{fraction:02d}"
    text_en = f"{whole}.{fraction:02d}"
    expected = whole + fraction / 100
    assert parse_number(text_es, "es") == pytest.approx(expected)
    assert parse_number(text_en, "en") == pytest.approx(expected)


@given(st.integers(min_value=1000, max_value=10**7), st.integers(min_value=1, max_value=9))
def test_grouping_and_decimals_together(whole: int, tenth: int) -> None:
    assert parse_number(_grouped(whole, ".") + f",{tenth}", "es") == pytest.approx(whole + tenth / 10)
    assert parse_number(_grouped(whole, ",") + f".{tenth}", "en") == pytest.approx(whole + tenth / 10)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "target", "normalized"),
    [
        ("6.000 min⁻¹", "es", 6000, "min⁻¹", "1/min", 6000),
        ("12,000 rpm", "en", 12000, "min⁻¹", "1/min", 12000),
        ("0,4 ms", "es", 0.4, "ms", "ms", 0.4),
        ("30 hp", "en", 30, "HP", "kW", 22.370996),
        ("22 kW", "en", 22, "kW", "kW", 22),
        ("2 GB", "en", 2, "GB", "MB", 2000),
        ("100 in/min", "en", 100, "in/min", "m/min", 2.54),
        ("36 m/min", "en", 36, "m/min", "m/min", 36),
        ("212 °F", "en", 212, "°F", "degC", 100),
        ("1000 blocks per second", "en", 1000, "blocks/s", "ms", 1.0),
        ("2.000 bloques por segundo", "es", 2000, "blocks/s", "ms", 0.5),
        ('TFT de 15" (1024 × 768)', "es", 15, "in", "mm", 381),
        ("a 10.4″ colour screen", "en", 10.4, "in", "inch", 10.4),
        ("19-inch touch panel", "en", 19, "in", "inch", 19),
    ],
)
def test_quantities_are_found_and_normalised(text: str, language: str, value: float, unit: str, target: str,
                                             normalized: float) -> None:
    (q,) = quantities(text, language)
    assert q.value == pytest.approx(value) and q.unit == unit
    assert normalize(q.value, q.pint_unit, target) == pytest.approx(normalized, rel=1e-4)


def test_incompatible_units_do_not_normalise() -> None:
    (q,) = quantities("15 kW", "en")
    assert normalize(q.value, q.pint_unit, "m/min") is None


@pytest.mark.parametrize(
    ("sentence", "superseding"),
    [
        ("Rapid traverse raised from 30 m/min to 36 m/min", True),
        ("800 → 1,200 blocks", True),
        ("Release 1.0 value: 30 m/min | Status: superseded by 36 m/min", True),
        ("El avance rápido pasó de 30 a 36 m/min", True),
        ("Rapid traverse: 36 m/min", False),
    ],
)
def test_superseded_values_are_recognised(sentence: str, superseding: bool) -> None:
    assert is_superseding(sentence) is superseding


def test_a_quoted_number_is_not_in_inches() -> None:
    assert quantities('timeout = "10"', "en") == []


def test_a_fields_label_gives_its_bare_values_their_unit() -> None:
    from merlin_cnc.units import label_unit, labelled_quantities

    assert label_unit("max_feed_m_min") == ("m/min", "m/min")
    assert label_unit("Rapid traverse (m/min)") == ("m/min", "m/min")
    assert label_unit("max_axes") is None and label_unit("lookahead_blocks") is None
    (q,) = labelled_quantities("0.254", "min_increment_um")
    assert q.value == pytest.approx(0.254) and normalize(q.value, q.pint_unit, "mm") == pytest.approx(0.000254)


def test_an_identifiers_unit_suffix_is_read_whatever_its_case() -> None:
    from merlin_cnc.units import label_unit

    assert label_unit("program_memory_mb") == ("MB", "MB")
    assert label_unit("block_rate_blocks_per_s") == ("blocks/s", "blocks_per_second")
    assert label_unit("spindle_count_US") is None


def test_months_and_years_are_units_in_both_languages() -> None:
    assert [(q.value, q.pint_unit) for q in any_quantities("Garantía: 36 meses (3 años)", "es")] == [
        (36.0, "month"), (3.0, "year")]
