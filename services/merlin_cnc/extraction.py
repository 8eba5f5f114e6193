"""Turn a control's best passages for an aspect into a cell: the value as stated, its unit, the
normalised value and the citation; or an honest "not stated" when no passage carries evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from .analysis import analyze
from .aspects import Aspect, aspect_codes, code_terms, foreign_codes
from .cells import Cell, Citation, machine_data_cell
from .retrieval import Fused
from .units import compatible, is_superseding, normalize, plain_numbers, quantities

TOP_PASSAGES = 12
T = TypeVar("T")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡])")
_GENERIC_CODE = re.compile(
    r"(?<![\w#])(?:G\d{1,3}(?:\.\d)?|M\d{1,3}|CYCLE\d{2,3}|CYCL DEF \d{1,3}|#[A-Z]{2,6}|(?:FUNCTION|PLANE) [A-Z]{3,})"
    r"(?![\w.])"
)
_NOT_CODES = {"SINUMERIK", "FANUC", "HEIDENHAIN", "OKUMA", "FAGOR", "HAAS", "LINUXCNC", "NOTE", "NOTA"}


_NC_WORD = re.compile(r"(?<![\w.])[GMSFTXYZN]-?\d+(?:\.\d+)?(?![\w])")
_PROSE_WORD = re.compile(r"[^\W\d_]{3,}")
_NC_COMMENT = re.compile(r"\([^)]*\)|;.*$")  # a block's comments: "(ROUGHING)", "; feed to start"


def looks_like_nc_code(text: str) -> bool:
    """An NC block (``N10 S3000 M3``) rather than a statement about the control."""
    if re.match(r"^\s*N\d+\b", text):
        return True
    words = len(_NC_WORD.findall(text))
    # A sentence or a table row that names G-codes is prose: in a block, addresses outnumber words.
    code = _NC_COMMENT.sub(" ", text) if _NC_WORD.match(text.strip()) else text
    prose = len(_PROSE_WORD.findall(_NC_WORD.sub(" ", code)))
    return words >= 2 and words > prose


@dataclass
class Line:
    text: str
    terms: set[str]
    fused: Fused
    seqs: tuple[tuple[str, ...], ...] = ()


@lru_cache(maxsize=65536)
def term_seqs(text: str, language: str) -> tuple[tuple[str, ...], ...]:
    """The text's terms in order, in its language's stemming and in English stemming."""
    return (tuple(analyze(text, language)), tuple(analyze(text, "en")))


@lru_cache(maxsize=8192)
def _sentences(text: str, language: str) -> tuple[tuple[str, frozenset[str], tuple[tuple[str, ...], ...]], ...]:
    """A passage split into lines/sentences with their terms (cached: passages recur across aspects)."""
    out = []
    for raw in text.splitlines():
        for sentence in _SENTENCE.split(raw) if len(raw) > 240 else [raw]:
            sentence = sentence.strip(" -*|•\t")
            if sentence:
                seqs = term_seqs(sentence, language)
                out.append((sentence, frozenset(seqs[0]) | frozenset(seqs[1]), seqs))
    return tuple(out)


def _lines(fused: Fused) -> list[Line]:
    return [Line(text, set(terms), fused, seqs) for text, terms, seqs in _sentences(fused.chunk.text,
                                                                                      fused.chunk.language)]


@lru_cache(maxsize=256)
def _phrases(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    phrases = []
    for word in words:
        for language in ("en", "es"):
            terms = tuple(analyze(word, language))
            if terms:
                phrases.append(terms)
    return tuple(dict.fromkeys(phrases))


def phrase_sets(words: list[str]) -> list[tuple[str, ...]]:
    """Each evidence phrase as its sequence of terms, in both languages' stemming."""
    return list(_phrases(tuple(words)))


def _contains(seq: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(seq[i : i + n] == phrase for i in range(len(seq) - n + 1))


def _has(seqs: tuple[tuple[str, ...], ...], phrases: list[tuple[str, ...]]) -> bool:
    """Whether a phrase occurs, its words adjacent and in order ("operating software", not
    "operator's manual ... software")."""
    terms = set(seqs[0]).union(*seqs[1:])
    for phrase in phrases:
        if phrase[0] not in terms or not all(t in terms for t in phrase[1:]):
            continue
        if len(phrase) == 1 or any(_contains(seq, phrase) for seq in seqs):
            return True
    return False


def citation(line: Line) -> Citation:
    chunk = line.fused.chunk
    snippet = line.text if len(line.text) <= 300 else line.text[:297] + "..."
    return Citation(chunk.source, chunk.locator, snippet, chunk.chunk_id, round(line.fused.score, 5))


def evidence_lines(aspect: Aspect, candidates: list[Fused]) -> list[Line]:
    evidence = phrase_sets(aspect.evidence)
    exclude = phrase_sets(aspect.exclude)
    lines = []
    for fused in candidates[:TOP_PASSAGES]:
        context = term_seqs(fused.chunk.context, fused.chunk.language)
        for line in _lines(fused):
            if exclude and _has(line.seqs, exclude):
                continue
            if _has(line.seqs, evidence) or (aspect.kind == "code" and _has(context, evidence)):
                lines.append(line)
    return lines


def _pick(items: list[T], line: Line) -> T:
    """The current value: the last one where the line says a value was superseded, else the first."""
    return items[-1] if is_superseding(line.text) else items[0]


def _stated_lines(aspect: Aspect, lines: list[Line]) -> list[Line]:
    """Lines that state a figure: no NC programs or code blocks and, where the aspect names
    qualifiers ("max", "hasta"), only lines that carry one: a programmed feed is not a maximum."""
    prose = [ln for ln in lines if ln.fused.chunk.doc_type != "nc" and not looks_like_nc_code(ln.text)]
    if not aspect.qualifiers:
        return prose
    qualifiers = [q.lower() for q in aspect.qualifiers]

    def strength(line: Line) -> int:
        lowered = line.text.lower()
        return next((i for i, q in enumerate(qualifiers) if q in lowered), len(qualifiers))

    return sorted((ln for ln in prose if strength(ln) < len(qualifiers)), key=strength)


def _number_cell(aspect: Aspect, lines: list[Line]) -> Cell | None:
    assert aspect.unit
    for line in _stated_lines(aspect, lines):
        found = [q for q in quantities(line.text, line.fused.chunk.language) if compatible(q.pint_unit, aspect.unit)]
        if found:
            q = _pick(found, line)
            value = normalize(q.value, q.pint_unit, aspect.unit)
            return Cell(q.stated, q.stated, q.unit, {"value": value, "unit": aspect.unit}, True, [citation(line)])
    return None


def _count_candidates(aspect: Aspect, line: Line) -> list[tuple[str, float]]:
    """Numbers that state the aspect: ``Max axes: 6``, ``up to 93 axes``, ``5 ejes simultáneos``."""
    text = line.text
    lowered = text.lower()
    evidence = phrase_sets(aspect.evidence)
    nouns = [w.lower() for w in aspect.value_near]
    qualifiers = [q.lower() for q in aspect.qualifiers]
    colon = text.find(":")
    label_ok = colon > 0 and _has(term_seqs(text[:colon], line.fused.chunk.language), evidence)
    out = []
    for stated, value, pos in plain_numbers(text, line.fused.chunk.language):
        if not 0 < value < 100000:
            continue
        end = pos + len(stated)
        after, before = lowered[end : end + 25], lowered[max(0, pos - 40) : pos]
        if re.match(r"\s*-\s*(axis|axes|ach|eje)", after):
            continue  # "5-axis machining" describes a machine, it does not count axes
        first_after_colon = label_ok and pos > colon and not re.search(r"\d", text[colon:pos])
        noun_after = any(n in after for n in nouns)
        qualified = any(q in before or q in after for q in qualifiers)
        if first_after_colon or (noun_after and qualified):
            out.append((stated, value))
    return out


def _count_cell(aspect: Aspect, lines: list[Line]) -> Cell | None:
    for line in _stated_lines(aspect, lines):
        found = _count_candidates(aspect, line)
        if not found:
            continue
        stated, value = _pick(found, line)
        unit = aspect.unit
        return Cell(
            f"{stated} {unit}" if unit else stated,
            stated,
            unit,
            {"value": value, "unit": unit or "count"},
            True,
            [citation(line)],
        )
    return None


_STRUCTURED_CODE = re.compile(r"^(CYCLE\d|CYCL DEF|#[A-Z]|FUNCTION |PLANE )")


def _codes_in(line: Line, codes: list[str]) -> list[str]:
    found = []
    for code in codes:
        if "<n>" in code:
            pattern = r"(?<![\w#])" + re.escape(code).replace("<n>", r"\d+") + r"(?![\w.])"
            match = re.search(pattern, line.text)
            if match:
                found.append(match.group(0))
        elif code_terms(code) and code_terms(code) <= line.terms:
            found.append(code)
    return found


def _labelled_value(line: Line, evidence: list[tuple[str, ...]]) -> str | None:
    """The value of a ``label: value`` line whose label names the aspect (``tilted_plane_command: G254``)."""
    label, sep, value = line.text.partition(":")
    if sep and _has(term_seqs(label, line.fused.chunk.language), evidence):
        return value
    return None


def _unlisted_codes(line: Line, family: list[str], foreign: set[str], evidence: list[tuple[str, ...]]) -> list[str]:
    """Codes the table does not list for this control: any dialect's code of the same function, a
    structured code (``CYCLE832``, ``#CS``, ``PLANE SPATIAL``), or any code given as the value of a
    line labelled with the aspect; never a stray G/M word of an NC block."""
    labelled = _labelled_value(line, evidence)
    if labelled is not None:
        generic = [c for c in _GENERIC_CODE.findall(labelled) if c not in foreign and c not in _NOT_CODES]
        if generic:
            return list(dict.fromkeys(generic))
    found = [c for c in _codes_in(line, family) if c not in foreign]
    shapes = {m.group(1) for c in family if (m := _STRUCTURED_CODE.match(c))}
    for code in _GENERIC_CODE.findall(line.text):
        shape = _STRUCTURED_CODE.match(code)
        if shape and shape.group(1) in shapes and code not in foreign:
            found.append(code)
    return [c for c in dict.fromkeys(found) if c not in _NOT_CODES]


def _code_cell(aspect: Aspect, lines: list[Line], dialect: str | None) -> Cell | None:
    own = aspect_codes(aspect, dialect) if dialect else []
    family = aspect_codes(aspect)
    foreign = foreign_codes(dialect)
    evidence = phrase_sets(aspect.evidence)
    for finder in (lambda ln: _codes_in(ln, own), lambda ln: _unlisted_codes(ln, family, foreign, evidence)):
        for line in lines:
            codes = finder(line)
            if not codes:
                continue
            # Other lines of the same passage often complete the answer (G81, then G83 and G84).
            for other in lines:
                if other.fused.chunk.chunk_id == line.fused.chunk.chunk_id and other is not line:
                    codes.extend(c for c in finder(other) if c not in codes)
            value = ", ".join(codes[:4])
            return Cell(value, value, None, None, True, [citation(line)])
    return None


def _text_cell(aspect: Aspect, lines: list[Line]) -> Cell | None:
    if not lines:
        return None
    if aspect.patterns:
        found: list[str] = []
        cited: list[Line] = []
        for line in lines:
            hits = [m.group(0) for p in aspect.patterns for m in re.finditer(p, line.text)]
            new = [h for h in hits if h.lower() not in {f.lower() for f in found}]
            if new:
                found.extend(new)
                if line.fused.chunk.chunk_id not in {c.fused.chunk.chunk_id for c in cited}:
                    cited.append(line)
            if len(cited) >= 2:
                break
        if found:
            value = ", ".join(found)
            return Cell(value, value, None, None, True, [citation(line) for line in cited])
    best = lines[0]
    return Cell(
        best.text if len(best.text) <= 200 else best.text[:197] + "...", None, None, None, True, [citation(best)]
    )


def _is_machine(line: Line) -> bool:
    return line.fused.chunk.extra.get("subject") == "machine"


def extract_aspect(
    aspect: Aspect, candidates: list[Fused], dialect: str | None = None, language: str = "en"
) -> Cell | None:
    """The cell for ``aspect`` from a control's fused candidates, or None when nothing supports one."""
    lines = evidence_lines(aspect, candidates)
    if aspect.kind in ("number", "count"):
        # A figure of a machine that uses the control is no specification of the control.
        finder = _number_cell if aspect.kind == "number" else _count_cell
        own = finder(aspect, [ln for ln in lines if not _is_machine(ln)])
        if own is not None:
            return own
        machine = finder(aspect, [ln for ln in lines if _is_machine(ln)])
        return machine_data_cell(machine, language) if machine is not None else None
    if aspect.kind == "code":
        return _code_cell(aspect, lines, dialect)
    return _text_cell(aspect, lines)
