"""Numbers and quantities as CNC documents write them, normalised with pint.

Handles English and Spanish number formats (``6,000`` / ``6.000``, ``0.4`` / ``0,4``), units such as
min⁻¹ / rpm, kW / HP, MB / GB, m/min / in/min, °C / °F, ms per block and blocks per second, and
superseded values (``30 → 36 m/min``, "raised from 30 to 36", "superseded by 36").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

NUMBER = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

# Unit spellings -> (pint expression, display). Longer spellings first (the regex alternation order).
_UNITS: list[tuple[str, str, str]] = [
    (r"bloques\s+por\s+segundo|blocks?\s*(?:per|/)\s*s(?:ec(?:ond)?)?|bloques/s", "blocks_per_second", "blocks/s"),
    (r"min(?:⁻¹|-1|\^-1)|1/min|rpm|r\.?p\.?m\.?|rev/min|u/min", "1/min", "min⁻¹"),
    (r"m/min", "m/min", "m/min"),
    (r"mm/min", "mm/min", "mm/min"),
    (r"in(?:ch(?:es)?)?/min|ipm", "inch/min", "in/min"),
    (r"kW|kw", "kW", "kW"),
    (r"HP|hp|CV|cv", "hp", "HP"),
    (r"GB|Gbyte|gigabytes?", "GB", "GB"),
    (r"MB|Mbyte|megabytes?", "MB", "MB"),
    (r"KB|kB|Kbyte|kilobytes?", "kB", "kB"),
    (r"°\s?C|ºC|degC", "degC", "°C"),
    (r"°\s?F|ºF|degF", "degF", "°F"),
    (r"ms|milisegundos?|milliseconds?", "ms", "ms"),
    (r"µs|μs|us|microsegundos?|microseconds?", "us", "µs"),
    (r"inch(?:es)?|pulgadas?", "inch", "in"),
    (r"months?|mes(?:es)?", "month", "months"),
    (r"years?|años?", "year", "years"),
]
_UNIT_RE = "|".join(f"(?:{u[0]})" for u in _UNITS)
QUANTITY = re.compile(rf"(?<![\w.,])({NUMBER})\s*({_UNIT_RE})(?![\w/])", re.UNICODE)
PLAIN_NUMBER = re.compile(rf"(?<![\w.,#<\-])({NUMBER})(?![\w.]|,\d)", re.UNICODE)
_SUPERSEDED = re.compile(
    r"→|->|⇒|\bsuperseded by\b|\breplaced by\b|\bsustituid[oa] por\b|\breemplazad[oa] por\b|\bnow\b|\bahora\b"
    r"|\b(?:raised|increased|reduced|lowered|changed|upgraded|went|goes)\b.*\bfrom\b.*\bto\b"
    r"|\b(?:pas[aó]|pasad[oa]|sub[ei]\w*|aument\w*|reduc\w*|cambi\w*|elev\w*|ampli\w*)\b.*\bde\b.*\ba\b"
    r"|\b(?:de|desde)\b.+\b(?:a|hasta)\b.*\b(?:pas[aó]|sub[ei]|aument|reduc|cambi)",
    re.IGNORECASE,
)


def parse_number(text: str, language: str = "en") -> float:
    """``6.000`` (es) = 6000, ``6,000`` (en) = 6000, ``0,4`` = 0.4, ``1.5`` = 1.5."""
    s = re.sub(r"[\u202f\u00a0 ]", "", text.strip())
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(s.replace(thousands, "").replace(decimal, "."))
    for sep in (",", "."):
        if sep in s:
            parts = s.split(sep)
            grouped = len(parts) > 2 or (len(parts[-1]) == 3 and parts[0] != "0")
            thousands_sep = "." if language == "es" else ","
            # "12.000 1/min" in an English text is twelve thousand: nobody writes three zero decimals.
            if len(parts) > 2 or (grouped and (sep == thousands_sep or parts[-1] == "000")):
                return float(s.replace(sep, ""))
            return float(s.replace(sep, "."))
    return float(s)


@dataclass(frozen=True)
class Quantity:
    stated: str  # as written, e.g. "6.000 min⁻¹"
    value: float
    unit: str  # display unit
    pint_unit: str
    start: int
    end: int


def _unit_of(spelling: str) -> tuple[str, str]:
    for pattern, pint_unit, display in _UNITS:
        if re.fullmatch(pattern, spelling, re.UNICODE):
            return pint_unit, display
    raise ValueError(spelling)


# Inches as a screen or a stock is sized: a quote mark right after the number ('15"', '10.4″', '19-inch'), never
# a number that a quote opened ('"10"').
_INCH_MARK = re.compile(rf"(?<![\w.,\"'“”″])({NUMBER})(?:[\"″”]|-inch)(?![\w\"])", re.UNICODE)


def quantities(text: str, language: str = "en") -> list[Quantity]:
    matches = [(m, *_unit_of(m.group(2))) for m in QUANTITY.finditer(text)]
    matches += [(m, "inch", "in") for m in _INCH_MARK.finditer(text)]
    out = []
    for match, pint_unit, display in sorted(matches, key=lambda item: item[0].start()):
        try:
            value = parse_number(match.group(1), language)
        except ValueError:
            continue
        out.append(Quantity(match.group(0), value, display, pint_unit, match.start(), match.end()))
    return out


# Any other unit written after a number, read by pint ("r/min", "msec", "GiB", "Nm", "kg", "V", "µm").
_ANY_UNIT = re.compile(rf"(?<![\w.,])({NUMBER})\s?(%|[A-Za-zµμ°º][\w/·\-⁻¹²³^°]{{0,9}})(?![\w/])", re.UNICODE)
_SPELLINGS = [("⁻¹", "^-1"), ("²", "^2"), ("³", "^3"), ("·", "*"), ("μ", "µ"), ("º", "°"), ("msec", "ms"),
              ("sec", "s"), ("Nm", "N*m"), ("r/min", "rpm"), ("U/min", "rpm"), ("rev/min", "rpm"), ("°", "degree"),
              ("%", "percent")]
# Units whose dimensions a CNC figure has; anything else after a number is a word, not a unit.
_REFERENCE_UNITS = ("m", "s", "m/s", "1/min", "m/s^2", "kg", "degC", "A", "W", "J", "N", "V", "Pa")


@lru_cache(maxsize=1)
def _dimensions() -> frozenset[Any]:
    return frozenset(_registry().Unit(u).dimensionality for u in _REFERENCE_UNITS)


@lru_cache(maxsize=4096)
def _pint_unit(spelling: str) -> str | None:
    """The pint unit a spelling names, when it names one of a CNC figure's dimensions."""
    from .analysis import STOPWORDS

    if spelling.lower() in STOPWORDS["en"] | STOPWORDS["es"] or len(spelling) == 1 and spelling in "GMTSFHKXYZIJ":
        return None
    text = spelling
    for old, new in _SPELLINGS:
        text = text.replace(old, new)
    try:
        unit = _registry().Unit(text)
    except Exception:  # pint raises many kinds of errors for a word that is no unit
        return None
    if unit.dimensionless:
        # Angles and information (bytes, bits) are dimensionless to pint.
        return text if text in ("degree", "percent") or re.search(r"byte|bit", str(unit)) else None
    return text if unit.dimensionality in _dimensions() else None


def any_quantities(text: str, language: str = "en") -> list[Quantity]:
    """Quantities with the units above, then with any unit pint knows of a CNC figure's dimensions."""
    found = quantities(text, language)
    taken = [(q.start, q.end) for q in found]
    for match in _ANY_UNIT.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        pint_unit = _pint_unit(match.group(2))
        if pint_unit is None:
            continue
        try:
            value = parse_number(match.group(1), language)
        except ValueError:
            continue
        found.append(Quantity(match.group(0), value, match.group(2), pint_unit, match.start(), match.end()))
    return sorted(found, key=lambda q: q.start)


def plain_numbers(text: str, language: str = "en") -> list[tuple[str, float, int]]:
    out = []
    for match in PLAIN_NUMBER.finditer(text):
        try:
            out.append((match.group(1), parse_number(match.group(1), language), match.start()))
        except ValueError:
            continue
    return out


# Counts written in words ("six work coordinate systems", "hasta ocho husillos"); "one"/"uno" are
# left out: they are far more often a pronoun or an article than a count.
_NUMBER_WORDS = {
    w: n for n, words in enumerate([
        (), (), ("two", "dos"), ("three", "tres"), ("four", "cuatro"), ("five", "cinco"), ("six", "seis"),
        ("seven", "siete"), ("eight", "ocho"), ("nine", "nueve"), ("ten", "diez"), ("eleven", "once"),
        ("twelve", "doce"), ("thirteen", "trece"), ("fourteen", "catorce"), ("fifteen", "quince"),
        ("sixteen", "dieciséis"), ("seventeen", "diecisiete"), ("eighteen", "dieciocho"),
        ("nineteen", "diecinueve"), ("twenty", "veinte"),
    ]) for w in words
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def number_words(text: str) -> list[tuple[str, float, int]]:
    """Counts written as words, with their values and positions."""
    return [(m.group(1), float(_NUMBER_WORDS[m.group(1).lower()]), m.start()) for m in _NUMBER_WORD.finditer(text)]


_NUMBERED_RANGE = re.compile(
    r"(?<![\w#$])(?P<prefix>#|(?![GM]\d)[A-Z]{1,3})(?P<first>\d+)\s*(?:-|–|—|…|\.\.\.?|to|a|through|hasta)\s*"
    r"(?P=prefix)?(?P<last>\d+)(?![\w.]*\d)")


def numbered_ranges(text: str) -> list[tuple[str, float, int]]:
    """Ranges of numbered items ("#1–#33", "Q0 to Q1999", "P1 through P48") as the counts they
    give, with their positions: how many local variables there are is answered by their range. A
    range of G or M codes is a group of commands ("G81–G89"), not a count."""
    out = []
    for m in _NUMBERED_RANGE.finditer(text):
        first, last = int(m.group("first")), int(m.group("last"))
        if last > first:
            out.append((m.group(0), float(last - first + 1), m.start()))
    return out


def is_superseding(sentence: str) -> bool:
    return bool(_SUPERSEDED.search(sentence))


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


def normalize(value: float, pint_unit: str, target: str) -> float | None:
    """``value`` in ``pint_unit`` expressed in ``target``; None when the dimensions differ."""
    if pint_unit == "blocks_per_second" or target == "blocks_per_second":
        if pint_unit == "blocks_per_second" and target == "ms" and value > 0:
            return round(1000.0 / value, 6)
        return value if pint_unit == target else None
    import pint

    registry = _registry()
    try:
        converted = registry.Quantity(value, pint_unit).to(target).magnitude
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        return None
    return round(float(converted), 6)


def compatible(pint_unit: str, target: str) -> bool:
    return normalize(1.0, pint_unit, target) is not None


_BRACKETED_UNIT = re.compile(r"[(\[]\s*([^()\[\]]{1,12}?)\s*[)\]]\s*:?\s*$")


@lru_cache(maxsize=4096)
def label_unit(label: str) -> tuple[str, str] | None:
    """The unit a field's label gives its values, as ``(display, pint unit)``: bracketed ("Rapid
    traverse (m/min)", "Power [kW]") or an identifier's suffix ("max_feed_m_min", "min_increment_um")."""
    candidates = []
    bracketed = _BRACKETED_UNIT.search(label)
    if bracketed:
        candidates.append(bracketed.group(1))
    parts = [p for p in re.split(r"[_\s]+", label.strip()) if p]
    suffixes = []
    if len(parts) >= 4:
        suffixes.append(" ".join(parts[-3:]))  # "blocks_per_s" is blocks per second
    if len(parts) >= 3:
        suffixes.append("/".join(parts[-2:]))  # "m_min" is m/min
    if len(parts) >= 2:
        suffixes.append(parts[-1])
    # An identifier is written in lower case, and so is its unit: "program_memory_mb" is in MB.
    candidates += [form for suffix in suffixes for form in dict.fromkeys((suffix, suffix.upper()))]
    for candidate in candidates:
        found = any_quantities(f"1 {candidate}")
        if len(found) == 1 and found[0].stated == f"1 {candidate}":
            return found[0].unit, found[0].pint_unit
    return None


def labelled_quantities(value: str, label: str | None, language: str = "en") -> list[Quantity]:
    """The quantities a field's value states, with its label's unit when the value is a bare number."""
    found = any_quantities(value, language)
    if found or not label:
        return found
    unit = label_unit(label)
    numbers = plain_numbers(value, language)
    if unit is None or len(numbers) != 1:
        return []
    stated, number, start = numbers[0]
    display, pint_unit = unit
    return [Quantity(f"{stated} {display}", number, display, pint_unit, start, start + len(stated))]
