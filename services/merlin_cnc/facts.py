"""Atomic facts of a passage, and what a question asks for.

A passage is split into facts, each a statement that can answer a question on its own: a table
row's field with its label, a ``label: value`` line, a FAQ's answer joined to its question (on the
same line or the next), or a sentence. A question is read once into what it asks for: a quantity
(with the dimension it names, if any), a verdict (yes / no / standard / option), a command or code,
a name, or a free text. Both are language-general: nothing here knows a particular control,
document or field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .analysis import STOPWORDS, analyze, detect_language, fold
from .glossary import translated
from .units import any_quantities, is_superseding

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÁÉÍÓÚÑ¿¡(\"'])")
_LABELLED = re.compile(r"^\s*([^:=]{2,80}?)\s*[:=]\s+(\S.*)$")
_BULLET = re.compile(r"^\s*(?:[-*•+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Fact:
    text: str  # the statement as cited
    label: str | None  # a field / key / FAQ question, when the statement has one
    value: str  # what the statement says of its label (the whole text when it has none)


def _clean(line: str) -> str:
    return _BULLET.sub("", line.strip().strip("|").strip())


_COMMENT = re.compile(r"^(#+|//|;+|--)\s*")
_ENDS_STATEMENT = re.compile(r"[.:!?;)\]|>`*]$")


_FIELD_NAME = re.compile(r"^[^\W\d_a-z][^.:!?;=]{0,38}$")


def is_field_name(fact: Fact) -> bool:
    """A short unlabelled line that names a field rather than states something ("Block cycle
    time", "Number of axes (max.)"): a table's label cell, whose value is on the next line where a
    PDF or a slide loses the table."""
    return fact.label is None and len(fact.text.split()) <= 5 and bool(_FIELD_NAME.match(fact.text)) and any(
        c.isalpha() for c in fact.text)


_VALUE_MARK = re.compile(r"\d|[a-z][A-Z]")  # a figure, or a product name ("NoraView", "EtherCAT")


def is_field_value(fact: Fact) -> bool:
    """An unlabelled line that can be a field's value: not another field's name (a heading), unless
    it gives a figure or a product name."""
    return fact.label is None and (not is_field_name(fact) or bool(_VALUE_MARK.search(fact.text)))


def _is_key_line(line: str) -> bool:
    """A ``key: value`` line with a short value (front matter, settings): a statement of its own."""
    labelled = _LABELLED.match(line)
    return labelled is not None and len(labelled.group(2).split()) <= 4


def unwrap(lines: list[str]) -> list[str]:
    """Lines of hard-wrapped prose joined back into paragraphs: a line that does not end a
    statement, followed by one that starts in lower case (under the same comment marker, for the
    wrapped comments of a configuration reference), continues it."""
    out: list[str] = []
    for line in lines:
        if out and not _ENDS_STATEMENT.search(out[-1]) and not _is_key_line(line) and not _is_key_line(out[-1]):
            prefix = _COMMENT.match(out[-1])
            marker = prefix.group(1) if prefix else ""
            rest = line
            if marker:
                own = _COMMENT.match(line)
                rest = line[own.end():] if own and own.group(1) == marker else ""
            if rest[:1].islower():
                out[-1] = f"{out[-1]} {rest}"
                continue
        out.append(line)
    return out


@lru_cache(maxsize=8192)
def split_facts(text: str) -> tuple[Fact, ...]:
    """The facts of a passage, in order."""
    lines = [_clean(ln) for ln in text.splitlines()]
    lines = unwrap([ln for ln in lines if ln])
    out: list[Fact] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.endswith("?") and nxt is not None and not nxt.endswith("?"):
            # A FAQ: the answer on the next line, read with its question.
            out.append(Fact(f"{line} {nxt}", line, nxt))
            i += 2
            continue
        labelled = _LABELLED.match(line)
        if labelled and not labelled.group(1).strip().endswith(("http", "https")):
            label, value = labelled.group(1).strip(), labelled.group(2).strip()
            out.append(Fact(line, label, value))
        else:
            pieces = _SENTENCE.split(line) if len(line) > 160 else [line]
            for piece in pieces:
                piece = piece.strip()
                if "?" in piece[:-1] and piece.count("?") == 1 and not piece.endswith("?"):
                    question, answer = piece.split("?", 1)
                    out.append(Fact(piece, question + "?", answer.strip()))
                elif piece:
                    out.append(Fact(piece, None, piece))
        i += 1
    return tuple(out)


# --- what a question asks for -------------------------------------------------------------------

_CODE_Q = re.compile(
    r"\b(g-?codes?|m-?codes?|codes?|c[oó]digos?|commands?|comandos?|instructions?|instrucci[oó]n\w*|cycles?|"
    r"ciclos?|syntax|sintaxis|keywords?|palabras? clave|functions? (?:code|call)|programm?ed|programa(?:r|d[oa]|n)?|"
    r"se programa|is written|se escribe|word|palabra)\b"
    # how a thing is done: answered by a command or a setting ("how is laser mode enabled?")
    r"|\bhow (?:is|are|do|does|can|should)\b.*\b(?:enabled?|disabled?|configured?|set|activated?|selected?|"
    r"called|turn(?:ed)? (?:on|off)|switch(?:ed)? (?:on|off)|unlocked?|cleared?|saved?|stored?|reset|started?|stopped?|"
    r"cancell?ed|homed)\b"
    r"|\bc[oó]mo se (?:activa|desactiva|configura|programa|selecciona|desbloquea|guarda|borra|"
    r"cancela|anula|reinicia|inicia|detiene|habilita|deshabilita|define|ajusta)\b",
    re.IGNORECASE,
)
_QUANTITY_Q = re.compile(
    r"\b(how (?:many|much|fast|long|big|large|far|high|low)|cu[aá]nt[oa]s?|"
    r"what (?:is|are) the (?:max(?:imum)?|min(?:imum)?|number|size|speed|rate|time|resolution|capacity|range)|"
    r"maximum|minimum|m[aá]xim[oa]|m[ií]nim[oa]|"
    r"number of|n[uú]mero (?:de|m[aá]ximo)|capacity|capacidad|rate|tasa|velocidad|speed|resolution|resoluci[oó]n|"
    r"limit|l[ií]mite|size|tama[nñ]o|default|por defecto|baud)\b",
    re.IGNORECASE,
)
_VERDICT_Q = re.compile(
    r"^\s*[¿¡]?\s*(?:se\s+)?(does|do|is|are|can|has|have|will|was|were|tiene|tienen|admite|admiten|soporta|soportan|"
    r"permite|permiten|incluye|incluyen|es|son|est[aá]|puede|pueden|hay|lleva|dispone|trae|ofrece|existe)\b"
    r"|\b(standard or (?:an )?option(?:al)?|option(?:al)? or standard|de serie o opcional|opcional o de serie|"
    r"est[aá]ndar u? ?opcional|is it (?:standard|optional|supported|included))\b"
    # a choice between standard and option, however it is worded ("¿vienen de serie o son opcionales?")
    r"|\b(?:standard|est[aá]ndar|de serie)\b.{0,25}\b(?:or|o|u)\b.{0,25}\b(?:option|opci[oó]n|opcional)"
    r"|\b(?:option|opci[oó]n|opcional)\w*\b.{0,25}\b(?:or|o|u)\b.{0,25}\b(?:standard|est[aá]ndar|de serie)\b",
    re.IGNORECASE,
)
_NAME_Q = re.compile(
    r"\b(which|what|qu[eé]|cu[aá]l(?:es)?)\b.*\b(operating systems?|sistemas? operativos?|os|versions?|versi[oó]n|"
    r"versiones|vendors?|manufacturers?|fabricantes?|proveedor(?:es)?|makers?|brands?|marcas?|licen[cs]es?|"
    r"licencias?|protocols?|protocolos?|interfaces?|interfa(?:z|ces)|bus(?:es)?|fieldbus(?:es)?|languages?|"
    r"lenguajes?|idiomas?|platforms?|plataformas?|processors?|procesador(?:es)?|cpus?|boards?|placas?|software|"
    r"firmware|name|nombre|networks?|red(?:es)?|connections?|conexi[oó]n(?:es)?|hmi|called|llama)\b"
    r"|^\W*(?:who|qui[eé]n(?:es)?)\b|\bc[oó]mo se llaman?\b",
    re.IGNORECASE,
)
_RANGE_Q = re.compile(r"\b(ranges?|rangos?|between|entre|interval[oa]?)\b", re.IGNORECASE)
# A question that asks for an end of what can be set: the smallest or the largest figure a statement gives.
_EXTREMES = {
    "min": re.compile(r"\b(?:shortest|smallest|lowest|least|minimum|m[ií]nim[oa]s?|menor(?:es)?|"
                      r"m[aá]s (?:cort|baj|pequeñ)[oa]s?)\b|\bmin\.", re.IGNORECASE),
    "max": re.compile(r"\b(?:longest|largest|highest|greatest|maximum|m[aá]xim[oa]s?|mayor(?:es)?|"
                      r"m[aá]s (?:larg|alt)[oa]s?|latest|newest|most recent|m[aá]s recientes?|[uú]ltim[oa]s?)\b"
                      r"|\bmax\.", re.IGNORECASE),
}


def _extreme(question: str) -> str | None:
    found = [kind for kind, pattern in _EXTREMES.items() if pattern.search(question)]
    return found[0] if len(found) == 1 else None
_AMOUNT_Q = re.compile(r"\bhow (?:many|much|fast|long|big|large|far|high|low)\b|\bcu[aá]nt[oa]s?\b", re.IGNORECASE)
_WHICH_Q = re.compile(r"^\W*(?:which|cu[aá]l(?:es)?)\b", re.IGNORECASE)  # asks to name one of several
# Words that ask for a command for sure; "cycle" or "program" can as well be a figure's topic
# ("the position control cycle time").
_SURE_CODE_Q = re.compile(
    r"\b(g-?codes?|m-?codes?|codes?|c[oó]digos?|commands?|comandos?|instructions?|instrucci[oó]n\w*|syntax|"
    r"sintaxis|keywords?|palabras? clave)\b|\bhow\b|\bc[oó]mo\b",
    re.IGNORECASE,
)

# Nouns that name a physical dimension, as pint names it: what a quantity question measures.
_SPINDLE = re.compile(r"\b(spindles?|husillos?)\b", re.I)
_SPEED = re.compile(r"\b(speeds?|velocidad(?:es)?|velocity)\b", re.I)
_DIMENSIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(rotational|rpm|revoluciones|rotaci[oó]n)\b", re.I), "1/min"),
    (re.compile(r"\b(feed|avance|rapid|r[aá]pido|traverse|desplazamiento|velocity|velocidad|feedrate|"
                r"jog)\b", re.I), "m/min"),
    (re.compile(r"\b(power|potencia|consumption|consumo)\b", re.I), "kW"),
    (re.compile(r"\b(memory|memoria|storage|almacenamiento|ram|disk|disco|flash|buffer size)\b", re.I), "MB"),
    (re.compile(r"\b(temperature|temperatura)\b", re.I), "degC"),
    (re.compile(r"\b(time|tiempo|cycle time|latency|latencia|duration|duraci[oó]n|period|periodo|"
                r"interval|intervalo|tarda\w*|demora\w*)\b", re.I), "ms"),
    (re.compile(r"\b(voltage|tensi[oó]n|voltaje)\b", re.I), "V"),
    (re.compile(r"\b(current|corriente)\b", re.I), "A"),
    (re.compile(r"\b(weight|peso|mass|masa)\b", re.I), "kg"),
    (re.compile(r"\b(frequency|frecuencia)\b", re.I), "Hz"),
    (re.compile(r"\b(resolution|resoluci[oó]n|precision|precisi[oó]n|accuracy|exactitud|travel|recorrido|"
                r"stroke|carrera|length|longitud|diameter|di[aá]metro)\b",
                re.I), "mm"),
]


@dataclass(frozen=True)
class Ask:
    """What a question asks for."""

    kind: str  # "quantity" | "verdict" | "code" | "name" | "text"
    dimension: str | None = None  # pint unit whose dimension a quantity answer must have
    count: bool = False  # "how many": a bare count is an answer
    counted: str | None = None  # what a count counts, in the question's words ("axes", "canales")
    also: tuple[str, ...] = ()  # other kinds of answer the question's words point to, less surely
    span: bool = False  # asks for a range ("the operating temperature range"): both ends answer
    polarity: str | None = None  # "off": asks how a function is cancelled or switched off; "on": switched on
    extreme: str | None = None  # "min" / "max": asks for the smallest / largest figure ("the shortest cycle time")


_COUNT_Q = re.compile(
    r"\b(?:how many|cu[aá]nt[oa]s|(?:(?:total|max(?:imum)?|min(?:imum)?)\.? )?number of|"
    r"n[uú]mero (?:(?:m[aá]ximo|m[ií]nimo|total) )?de)\s+(?P<phrase>[^?¿!.,;:()]+)",
    re.IGNORECASE,
)
_PHRASE_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)


def _counted(phrase: str, language: str) -> str | None:
    """The noun a count counts: the head of the noun phrase after "how many" / "cuántos", which
    ends at the first function word; English puts its head last ("HMI languages"), Spanish first
    ("canales de mecanizado")."""
    words: list[str] = []
    for match in _PHRASE_WORD.finditer(phrase):
        word = match.group(0)
        if word.lower() in STOPWORDS["en"] | STOPWORDS["es"] or len(words) == 3:
            break
        words.append(word)
    if not words:
        return None
    return words[0] if language == "es" else words[-1]


def _dimension(question: str) -> str | None:
    """The dimension the question's words name. A spindle's speed is a rotation, whichever synonym
    of "spindle" the glossary knows the question to use ("cabezal")."""
    spindle = f"{question} {translated(question, detect_language(question)) or ''}"
    if _SPEED.search(question) and _SPINDLE.search(spindle):
        return "1/min"
    return next((unit for pattern, unit in _DIMENSIONS if pattern.search(question)), None)


@lru_cache(maxsize=1024)
def read_question(question: str) -> Ask:
    """The kind of answer the question asks for, with the other kinds its words point to (a fact
    that answers in one of those answers too, a little less surely)."""
    text = question.strip()
    counting = _COUNT_Q.search(text)
    count = counting is not None
    if counting is not None:
        # "how many blocks per second": what it counts is a unit, so it asks for a quantity in it.
        rate = any_quantities(f"1 {counting.group('phrase')}")
        if rate and rate[0].start == 0:
            return Ask("quantity", rate[0].pint_unit)
    dimension = None if count else _dimension(text)
    cues = {
        "verdict": bool(_VERDICT_Q.search(text)),
        "code": bool(_CODE_Q.search(text)) and not count,
        "quantity": count or bool(_QUANTITY_Q.search(text)) or dimension is not None,
        "name": bool(_NAME_Q.search(text)),
    }
    # "¿Cuánto tarda en procesar un bloque de programa?": an amount asked for is a figure, whatever
    # its topic, unless the question names a command for sure.
    amount = _AMOUNT_Q.search(text)
    sure = any(not (amount and amount.start() <= m.start() < amount.end()) for m in _SURE_CODE_Q.finditer(text))
    sure_code = cues["code"] and (sure or (dimension is None and not amount))
    if cues["verdict"]:
        kind = "verdict"
    elif sure_code:
        kind = "code"
    elif count or _QUANTITY_Q.search(text) or (dimension and not cues["name"]):
        kind = "quantity"
    elif cues["name"]:
        kind = "name"
    elif cues["code"]:
        kind = "code"
    elif _WHICH_Q.search(text):
        # "Which stepper drivers are supported?": the answer names them, or else says it in words.
        kind, cues["text"] = "name", True
    else:
        kind = "text"
    also = tuple(k for k, cued in cues.items() if cued and k != kind)
    if kind != "quantity":
        return Ask(kind, dimension if "quantity" in also else None, also=also, polarity=polarity(text),
                   extreme=_extreme(text))
    counted = _counted(counting.group("phrase"), detect_language(text)) if counting is not None else None
    return Ask("quantity", dimension, count, counted, also, bool(_RANGE_Q.search(text)), extreme=_extreme(text))


# --- switching on and off ----------------------------------------------------------------------

# Verbs that switch a function off or on, in both languages: a question asking how to cancel a mode
# is answered by the command that cancels it, not by the one that selects it.
_OFF = re.compile(r"\b(?:switch|turn)\w*(?:\s+\w+){0,3}?\s+off\b|"
                  r"\b(?:cancel\w*|deactivat\w*|disabl\w*|deselect\w*|reset\w*|stops?|stopp\w*|off|"
                  r"anul\w*|desactiv\w*|deshabilit\w*|desconect\w*|apag\w*|deselecc\w*|resete\w*|"
                  r"det[ie]en\w*)\b", re.IGNORECASE)
_ON = re.compile(r"\b(?:ON|(?i:activat\w*|enabl\w*|starts?|activar|activa|activan|habilit\w*|enciend\w*|"
                 r"encend\w*|arranc\w*))\b|(?i:\b(?:switch|turn)\w*(?:\s+\w+){0,3}?\s+on\b)")


def polarity_spans(text: str) -> list[tuple[int, str]]:
    """Where a statement switches something off or on: ``(position, "off" | "on")``."""
    found = [(m.start(), "off") for m in _OFF.finditer(text)]
    found += [(m.start(), "on") for m in _ON.finditer(text) if not _OFF.match(text, m.start())]
    return sorted(found)


@lru_cache(maxsize=8192)
def switchings(text: str) -> frozenset[str]:
    """The ways a statement switches something: ``off``, ``on``, both or none (cached: a fact is
    scored many times over)."""
    return frozenset(kind for _, kind in polarity_spans(text))


def polarity(text: str) -> str | None:
    """``off`` when the text speaks only of switching something off, ``on`` when only of switching
    it on, else None."""
    kinds = switchings(text)
    return next(iter(kinds)) if len(kinds) == 1 else None


# --- verdicts ----------------------------------------------------------------------------------

_OPTION = re.compile(r"\b(option(?:al)?|opci[oó]n(?:al)?|opcional(?:es)?|licen[cs]ed?|licencia|extra[- ]cost|"
                     r"add-?on|paid|de pago|not (?:included|standard)|requires?|requiere|needs|necesita)\b", re.I)
_STANDARD = re.compile(r"\b(standard|est[aá]ndar|de serie|included|incluid[oa]s?|built[- ]in|integrad[oa]|"
                       r"by default|por defecto|always|siempre|native(?:ly)?|nativ[oa])\b", re.I)
_NO = re.compile(r"\b(no|not|cannot|can't|doesn't|does not|isn't|is not|never|nunca|unsupported|"
                 r"not supported|no soporta|no admite|no es posible|sin)\b", re.I)
_YES = re.compile(r"\b(yes|s[ií]|supports?|supported|soporta|admite|permite|allows?|available|disponible|"
                  r"provides?|ofrece|includes?|incluye|can|puede|enabled|habilitad[oa]|activ[oa])\b", re.I)


def verdict_of(text: str) -> str | None:
    """``option``, ``standard``, ``no`` or ``yes`` as a statement puts it; None when it says none."""
    if _OPTION.search(text):
        return "option"
    if _STANDARD.search(text):
        return "standard"
    if _NO.search(text):
        return "no"
    if _YES.search(text):
        return "yes"
    return None


def current_verdict(text: str) -> str | None:
    """The verdict a statement gives for now: a release note's "is now a standard function. Up to
    3.3 it had to be licensed as an option" says standard."""
    if is_superseding(text):
        for sentence in _SENTENCE.split(_MARKUP.sub("", text)):
            if is_superseding(sentence) and (verdict := verdict_of(sentence)):
                return verdict
    return verdict_of(text)


# --- codes -------------------------------------------------------------------------------------

CODE = re.compile(
    r"(?<![\w#$])(?:[GM]\d{1,3}(?:\.\d{1,2})?(?:\s*[-–]\s*[GM]\d{1,3}(?:\.\d{1,2})?|\s*[A-Z]\d+)?|[A-Z][A-Z0-9_]*\d+[A-Z0-9_]*(?:\([^)]{0,30}\))?|"
    r"#\d+(?:\s*(?:-|–|to|a|\.\.)\s*#?\d+)?|\$[A-Z$#][\w.]*|[A-Z]{2,}(?:[ _][A-Z]{2,})+|[A-Z]{4,}\b|[A-Z]\d?_[A-Z_]+|"
    r"[a-z]+_[a-z_]+)(?![\w])"
)
_MARKUP = re.compile(r"[`*]+")


def code_spans(text: str, program: bool = False) -> list[tuple[str, int]]:
    """Command-like tokens with their positions: NC words with their address (``G68.2``, ``M98 P``),
    ranges (``G54-G59``, ``#100-#499``), cycles (``CYCLE800``), system variables, upper-case
    keywords, snake_case settings. In an NC ``program`` the commands are its G and M words, cycles
    and variables: not its addresses (``X0``, ``F900``), block and program numbers (``N60``,
    ``O1234``), nor its comments' upper-case words ("CAJERA CIRCULAR")."""
    plain = _MARKUP.sub(" ", text)
    spans = [(m.group(0).strip(), m.start()) for m in CODE.finditer(plain) if len(m.group(0).strip()) >= 2]
    if program:
        spans = [(code, pos) for code, pos in spans if _PROGRAM_COMMAND.match(code)]
    return spans


_PROGRAM_COMMAND = re.compile(r"^(?:[GM]\d|#\d|\$|CYCLE\d|CYCL )")


_NC_WORD = re.compile(r"^(?:[GM]\d|#\d|\$|CYCLE\d|CYCL |[A-Z]{2,}\s[A-Z]{2,})")


def code_tier(code: str) -> int:
    """How surely a token is a command: 0 NC words, parameters, cycles and multi-word commands
    (``G68.2``, ``#100``, ``$H``, ``CYCLE800``, ``PLANE RESET``); 1 identifiers with digits or
    underscores (``Q1999``, ``max_velocity``); 2 other upper-case words (``TRAORI``), which are as
    often a product's name as a command."""
    if _NC_WORD.match(code):
        return 0
    if re.search(r"[\d_(]", code):
        return 1
    return 2


# "related: G2, G3", "See G54-G59.3 for ...", "véase también M98": codes a statement only refers to,
# to the clause's end or the next label.
_CROSS_REFERENCE = re.compile(r"\b(?:related|see(?:\s+also)?|v[eé]ase(?:\s+tambi[eé]n)?|ver\s+tambi[eé]n|cf\.)"
                              r"(?=[\s:(\[`])(?:(?!\s\w+:\s)[^.;!?\n]|\.(?=\w))*", re.IGNORECASE)


def cross_references(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` that point the reader elsewhere: the codes in them are other
    topics, not what the statement is about."""
    return [m.span() for m in _CROSS_REFERENCE.finditer(text)]


def unpadded(code: str) -> str:
    """An NC word without the leading zeros a file name pads it with ("G028" is G28)."""
    return re.sub(r"^([GM])0+(?=\d)", r"\1", code)


def codes_in(text: str) -> list[str]:
    return list(dict.fromkeys(code for code, _ in code_spans(text)))


def type_words(question: str) -> str:
    """The words that say a code is asked for ("which G-code", "qué comando"): the answer's type,
    not its topic."""
    return " ".join(m.group(0) for m in _CODE_Q.finditer(question))


_SILENT = re.compile(
    r"^\W*(not (?:stated|published|specified|documented|available|applicable|given|listed)|n/?a|none stated|"
    r"unknown|tbd|no consta|no publicad[oa]|no indicad[oa]|sin datos|desconocid[oa]|[-–—?]+)\b",
    re.IGNORECASE,
)


# A statement that says the documents do not give something ("the maximum number of channels is
# not specified", "no los indican nuestras fuentes"): a negation shortly before a verb of stating.
_SAYS_UNSTATED = re.compile(
    r"\b(?:not|no|ni|tampoco|nor)\b(?:\W+\w+){0,3}?\W+(?:stated?|specif(?:ied|y)|documented|published|listed|"
    r"indica[nd]?\w*|precisa[nd]?\w*|documenta\w*|publica\w*|especifica\w*|consta[n]?)\b",
    re.IGNORECASE,
)


def is_silent(value: str) -> bool:
    """A field the document itself leaves empty ("not stated in our sources", "n/a", "—")."""
    return bool(_SILENT.match(value.strip())) or not value.strip(" -–—")


def says_unstated(text: str) -> bool:
    """The statement says that the figure or function is not given (rather than giving it)."""
    return bool(_SAYS_UNSTATED.search(text))


def fact_terms(text: str, language: str) -> frozenset[str]:
    """A fact's terms in both languages' stemming, and folded whole words (for cognates)."""
    return frozenset(analyze(text, language)) | frozenset(analyze(text, "en" if language == "es" else "es"))


# How English and Spanish spell one Latin or Greek root ("dynamic" / "dinámico", "system" / "sistema",
# "standard" / "estándar", "acceleration" / "aceleración", "frequency" / "frecuencia").
_SPELLING_PAIRS = (("ph", "f"), ("th", "t"), ("ch", "c"), ("y", "i"), ("k", "c"), ("qu", "cu"))
_DOUBLED = re.compile(r"([a-z])\1")
_PROSTHETIC_E = re.compile(r"^es(?=[bcdfgklmnpqrstvz])")


@lru_cache(maxsize=65536)
def cognate_key(term: str) -> str:
    """A word's first letters, spelled as both languages share them."""
    key = fold(term)
    for english, spanish in _SPELLING_PAIRS:
        key = key.replace(english, spanish)
    key = _PROSTHETIC_E.sub("s", _DOUBLED.sub(r"\1", key))
    return key[:5]


def cognate(term: str, terms: frozenset[str]) -> bool:
    """A term shared across Spanish and English by its first letters (``interpol``, ``veloc``,
    ``dinam`` for "dynamic")."""
    if len(term) < 5 or term.isdigit():
        return False
    key = cognate_key(term)
    return len(key) >= 4 and key in _cognate_keys(terms)


@lru_cache(maxsize=16384)
def _cognate_keys(terms: frozenset[str]) -> frozenset[str]:
    return frozenset(cognate_key(t) for t in terms if len(t) >= 4)
