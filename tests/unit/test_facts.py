"""Facts of a passage and what a question asks for (merlin_cnc.facts): pure logic, no model."""

from __future__ import annotations

import pytest

from merlin_cnc.analysis import analyze, detect_language
from merlin_cnc.answering import (
    _as_stated,
    answer_free,
    candidates,
    corpus_idf,
    counts_in,
    coverage,
    fit,
    idf,
    name_tokens,
    question_terms,
)
from merlin_cnc.chunking import Chunk
from merlin_cnc.extraction import looks_like_nc_code
from merlin_cnc.facts import (
    Ask,
    Fact,
    code_spans,
    codes_in,
    is_silent,
    read_question,
    says_unstated,
    split_facts,
    verdict_of,
)
from merlin_cnc.index.base import TermStats
from merlin_cnc.retrieval import Fused
from merlin_cnc.units import any_quantities


def test_a_faq_answer_on_the_next_line_is_read_with_its_question() -> None:
    facts = split_facts("What is the block time?\nThe control processes 1,000 blocks per second.\nOther: 5")
    assert facts[0] == Fact("What is the block time? The control processes 1,000 blocks per second.",
                            "What is the block time?", "The control processes 1,000 blocks per second.")
    assert facts[1] == Fact("Other: 5", "Other", "5")


def test_label_value_lines_and_long_lines_split_into_sentences() -> None:
    text = "max_spindle_rpm: 12000\n" + "The spindle turns fast. " * 8 + "Rapid traverse is 40 m/min."
    facts = split_facts(text)
    assert facts[0].label == "max_spindle_rpm" and facts[0].value == "12000"
    assert facts[-1].text == "Rapid traverse is 40 m/min."


@pytest.mark.parametrize(
    ("question", "kind", "dimension"),
    [("What is the maximum spindle speed?", "quantity", "1/min"),
     ("¿Cuál es la velocidad máxima de avance rápido?", "quantity", "m/min"),
     ("How many axes can it control?", "quantity", None),
     ("Is tool radius compensation standard or optional?", "verdict", None),
     ("¿Admite programación conversacional?", "verdict", None),
     ("Which G-code selects inch units?", "code", None),
     ("¿Cómo se programa una espera?", "code", None),
     ("Which operating system does it run?", "name", None),
     ("Describe the thermal compensation.", "text", None),
     ("What is the position control cycle time?", "quantity", "ms"),
     ("¿Los ciclos de palpado vienen de serie o son opcionales?", "verdict", None),
     ("¿Se puede usar EtherCAT con este control?", "verdict", None),
     ("Who is the manufacturer?", "name", None),
     ("¿Qué buses de campo admite?", "name", None),
     ("¿Cómo se llama el software de la pantalla?", "name", None),
     ("Which code sets the feed rate override?", "code", "m/min"),
     ("¿Cuál es la velocidad máxima programable del cabezal?", "quantity", "1/min")],
)
def test_what_a_question_asks_for(question: str, kind: str, dimension: str | None) -> None:
    ask = read_question(question)
    assert (ask.kind, ask.dimension) == (kind, dimension)


def test_verdicts_say_option_before_yes() -> None:
    assert verdict_of("TCPM is a software option (licence required).") == "option"
    assert verdict_of("Rigid tapping is standard on every model.") == "standard"
    assert verdict_of("The control does not support NURBS.") == "no"
    assert verdict_of("It supports Ethernet/IP.") == "yes"
    assert verdict_of("Memory: 2 GB") is None


def test_codes_are_whole_commands() -> None:
    assert codes_in("Local variables #1-#33, common #100-#499 (`$H` homes)") == ["#1-#33", "#100-#499", "$H"]
    assert codes_in("Call M98 P1000 or CYCLE800() then G68.2") == ["M98 P1000", "CYCLE800()", "G68.2"]


def test_units_pint_knows_are_read_whatever_their_spelling() -> None:
    found = {(q.value, q.pint_unit) for q in any_quantities("24000 r/min, 5 msec, 4 GiB, 35 Nm, 12.000 1/min")}
    assert found == {(24000.0, "rpm"), (5.0, "ms"), (4.0, "GiB"), (35.0, "N*m"), (12000.0, "1/min")}
    assert any_quantities("5 axes, spindle duty S1 and S6, 3 G") == []


def test_hard_wrapped_prose_is_one_statement_but_key_lines_stay_apart() -> None:
    facts = split_facts("Klipper has some real-time scheduling requirements. If, during a\n"
                        "print, the host computer also performs an intensive task\n"
                        "tag: m0203\nbrief: Set maximum feedrate for one or more axes.\n"
                        "#   Maximum velocity (in mm/s) of the toolhead (relative to the\n#   print).")
    texts = [f.text for f in facts]
    assert texts[0] == ("Klipper has some real-time scheduling requirements. If, during a print, the host computer "
                        "also performs an intensive task")
    assert "tag: m0203" in texts and "brief: Set maximum feedrate for one or more axes." in texts
    assert "#   Maximum velocity (in mm/s) of the toolhead (relative to the print)." in texts


def test_a_statement_that_says_the_figure_is_not_given() -> None:
    assert says_unstated("The maximum number of channels is not specified in our sources.")
    assert says_unstated("Tampoco se indican el número máximo de ejes ni de canales.")
    assert not says_unstated("The control offers 4 channels, not 2.")
    assert is_silent("n/a") and not is_silent("Standard")


def test_counts_written_as_words_and_prose_that_names_g_codes() -> None:
    assert [(s, v) for s, v, _ in counts_in("Grbl supports six work coordinate systems G54-G59.", "en")] == [
        ("six", 6.0)]
    assert [v for _, v, _ in counts_in("hasta ocho husillos y 3-axis kits", "es")] == [8.0]
    assert not looks_like_nc_code("Grbl supports G54-G59; G59.1 and G59.2 are not supported.")
    assert looks_like_nc_code("G0 X10 Y20 Z5")
    assert looks_like_nc_code("G1 X10 F500 ; feed move to the start point")
    assert not looks_like_nc_code("Interpolación NURBS: Estándar (G5.2/G5.3)")


def test_a_parenthetical_group_counts_once_by_its_best_member() -> None:
    q = question_terms({"bus", "ethercat", "modbus"}, [], "es", "¿Qué buses admite (EtherCAT, Modbus, CAN)?")
    assert q.groups == (frozenset({"ethercat", "modbus"}),)
    assert sorted(q.units({"bus", "ethercat", "modbus"})) == [("bus",), ("ethercat", "modbus")]


def test_names_a_statement_gives() -> None:
    found = [n for n, _ in name_tokens("The host software only requires Python running on a Linux computer; "
                                       "copy printer.cfg, see release 0.13.0 and the GPL.", None)]
    assert found == ["Python", "Linux", "printer.cfg", "0.13.0", "GPL"]


def test_a_name_that_makes_the_questions_more_precise_is_an_answer() -> None:
    question = "Which Trinamic (TMC) stepper drivers are supported?"
    assert read_question(question).kind == "name"
    q = question_terms({"driver", "stepper", "tmc", "trinam"}, [], "en", question)
    found = [n for n, _ in name_tokens("Supported: TMC2130 and TMC2209 Trinamic drivers", q)]
    assert found == ["TMC2130", "TMC2209"]


def _pool(*texts: str, source: str = "docs/guide.md") -> list[Fused]:
    return [Fused(Chunk(f"c{i}", source, f"line {i}", text), 1.0 / (i + 1), bm25=1.0) for i, text in enumerate(texts)]


def test_a_reference_page_is_about_the_code_its_file_is_named_after() -> None:
    (page,) = _pool("brief: Set maximum feedrate for one or more axes. View it with M503, save it with M500 "
                    "and M500 again, load it with M501.", source="gcode/gcode-M203.md")
    assert candidates([page])[0].passage_codes[0] == "M203"


def test_terms_common_in_the_index_weigh_less_than_rare_ones() -> None:
    weight = corpus_idf(TermStats(1000, {"default": 400, "baud": 5}))
    assert weight("default") < weight("baud") < weight("unseen")


def _asked(question: str, *texts: str) -> Ask:
    pool = candidates(_pool(*texts))
    q = question_terms(set(analyze(question, "en")) - {"what"}, [], "en", question)
    q.present = set(q.own)
    return _as_stated(read_question(question), pool, q, idf([pool]))


def test_a_unit_the_question_misnames_gives_way_to_the_one_the_documents_state() -> None:
    question = "What is the default step pulse length?"  # "length" reads as a distance
    assert read_question(question).dimension == "mm"
    assert _asked(question, "The default step pulse length is 4 microseconds.",
                  "Each axis has its own travel limits.").dimension is None
    assert _asked(question, "The default step pulse length is 0.004 mm of travel.").dimension == "mm"


def test_a_count_counts_the_noun_that_follows_it() -> None:
    def count_fit(question: str, text: str) -> float:
        (c, *_) = candidates(_pool(text))
        q = question_terms(set(analyze(question, "en")) - {"what", "how", "control"}, [], "en", question)
        q.present = set(q.own)
        return fit(c, read_question(question), q)

    axes = "What is the maximum number of axes the control can handle?"
    assert count_fit(axes, "Axes: up to 24 axes.") > count_fit(axes, "Axes: up to 24 control loops.")
    motions = "How many motions does the look-ahead planner buffer hold?"
    assert count_fit(motions, "This buffer stores up to 16 line motions.") >= 0.9


@pytest.mark.parametrize(
    ("question", "counted"),
    [("How many HMI languages are available?", "languages"),
     ("What is the maximum number of axes the control can handle?", "axes"),
     ("¿Cuántos canales de mecanizado admite como máximo?", "canales"),
     ("¿Cuál es el número máximo de ejes?", "ejes")],
)
def test_a_count_says_what_it_counts(question: str, counted: str) -> None:
    ask = read_question(question)
    assert ask.count and ask.counted == counted


def test_counting_a_unit_asks_for_a_quantity_in_it() -> None:
    ask = read_question("¿Cuántos bloques por segundo puede procesar como máximo?")
    assert (ask.kind, ask.count, ask.dimension) == ("quantity", False, "blocks_per_second")


def test_a_figure_with_a_unit_is_not_a_count() -> None:
    assert [n for _, n, _ in counts_in("Max. rapid traverse 240 m/min, 3 spindles", "en")] == [3.0]


def test_a_field_is_given_after_its_name_not_before() -> None:
    question = "Which protection does the front panel have?"
    pool = candidates(_pool("PROFIBUS-DP (option), EtherNet/IP (option)\nProtection (front panel)\n"
                            "IP54 when mounted with the supplied gasket"))
    q = question_terms(set(analyze(question, "en")) - {"which"}, [], "en", question)
    q.present = set(q.own)
    weight = idf([pool])
    pairs = {c.fact.text: (coverage(c, q, weight), c.fact) for c in pool if c.paired}
    before = pairs["PROFIBUS-DP (option), EtherNet/IP (option) Protection (front panel)"][0]
    after, fact = pairs["Protection (front panel): IP54 when mounted with the supplied gasket"]
    assert after > before
    assert (fact.label, fact.value) == ("Protection (front panel)", "IP54 when mounted with the supplied gasket")


def test_a_release_that_raises_a_figure_answers_with_the_new_one() -> None:
    question = "How many blocks of look-ahead does it have?"
    pool = _pool("Look-ahead: 250 blocks", "Firmware 4.0: look-ahead raised from 250 to 400 blocks.")
    q = question_terms(set(analyze(question, "en")) - {"how", "mani"}, [], "en", question)
    (cell,) = answer_free({"KX": pool}, q, read_question(question), "en", lambda text, name: False).values()
    assert cell is not None and cell.value == "400" and cell.unit == "blocks"


def test_an_nc_programs_commands_are_its_g_and_m_words() -> None:
    line = "N60 G188 X0 Y0 Z-15 R2 D60 Q3 F900 (CICLO CAJERA CIRCULAR D60)"
    assert [code.split()[0] for code, _ in code_spans(line, program=True)] == ["G188"]
    assert code_spans("O1234 (CAJERA CIRCULAR Y TALADROS)", program=True) == []


def test_a_question_that_points_to_two_kinds_of_answer_takes_either() -> None:
    ask = read_question("What is the position control cycle time?")  # "cycle" can ask for a command
    assert ask.kind == "quantity" and "code" in ask.also
    (c, *_) = candidates(_pool("Position control cycle: 125 µs"))
    assert fit(c, ask) == 1.0


def test_a_reference_page_answers_with_its_command_not_the_settings_it_names() -> None:
    question = "Which command reports the firmware version?"
    (page,) = _pool("Hosts read FIRMWARE_NAME and PROTOCOL_VERSION from the report to learn the firmware version.",
                    source="gcode/gcode-M115.md")
    q = question_terms({"report", "firmwar", "version"}, [], "en", question)
    (cell,) = answer_free({"M": [page]}, q, read_question(question), "en", lambda text, name: False).values()
    assert cell is not None and cell.value == "M115"


def test_a_statement_that_only_repeats_the_question_does_not_answer_it() -> None:
    question = "What does alarm 1 mean?"
    pool = _pool("Alarm code: 1", "1: Message: Hard limit; Description: Hard limit has been triggered.")
    q = question_terms({"alarm", "1", "mean"}, [], "en", question)
    (cell,) = answer_free({"G": pool}, q, read_question(question), "en", lambda text, name: False).values()
    assert cell is not None and "Hard limit" in cell.answer


def test_a_range_question_is_answered_with_the_whole_range() -> None:
    question = "What is the operating temperature range?"
    assert read_question(question).span
    q = question_terms({"oper", "temperatur", "rang"}, [], "en", question)
    pool = _pool("Operating temperature: 32 °F to 113 °F (non-condensing)")
    (cell,) = answer_free({"B": pool}, q, read_question(question), "en", lambda text, name: False).values()
    assert cell is not None and cell.value == "32 °F to 113 °F"


def test_a_faqs_question_line_is_not_its_answer() -> None:
    question = "Is rigid tapping standard or an option?"
    pool = _pool("**Is rigid tapping standard?**\n\nYes. Rigid tapping (G84 with M29) is a standard function on every "
                 "KX since firmware 7.0.")
    q = question_terms({"rigid", "tap", "standard", "option"}, [], "en", question)
    (cell,) = answer_free({"KX": pool}, q, read_question(question), "en", lambda text, name: False).values()
    assert cell is not None and cell.value == "standard" and "firmware 7.0" in cell.citations[0].snippet


def test_of_statements_that_cover_a_question_alike_the_closest_in_meaning_answers() -> None:
    question = "How many blocks does the control look ahead?"
    pool = _pool("Look-ahead: 250 blocks", "Look-ahead buffer: 500 blocks")
    q = question_terms({"block", "look", "ahead"}, [], "en", question)

    def answer(close: str) -> str | None:
        cells = answer_free({"KX": pool}, q, read_question(question), "en", lambda text, name: False,
                            similarity=lambda texts: [1.0 if close in t else 0.2 for t in texts])
        return cells["KX"].value if cells["KX"] else None

    assert answer("250") == "250" and answer("500") == "500"


def _free(question: str, pool: list[Fused], own: set[str]) -> str | None:
    q = question_terms(own, [], detect_language(question), question)
    (cell,) = answer_free({"KX": pool}, q, read_question(question), q.language, lambda text, name: False).values()
    return cell.value if cell is not None else None


@pytest.mark.parametrize(
    ("question", "own"),
    [("Which command cancels the tilted working plane?", {"cancel", "tilt", "work", "plane"}),
     ("¿Con qué instrucción se desactiva el plano inclinado?", {"desactiv", "plan", "inclin"})],
)
def test_a_question_about_switching_off_is_answered_by_the_command_that_switches_off(
        question: str, own: set[str]) -> None:
    pool = _pool("The tilted working plane (plano inclinado) is defined with G68.2 X Y Z I J K.",
                 "G69 cancels the tilted working plane; G69 desactiva el plano inclinado.")
    assert read_question(question).polarity == "off"
    assert _free(question, pool, own) == "G69"


def test_of_a_statement_that_switches_both_ways_the_command_next_to_the_asked_way_answers() -> None:
    question = "How do I switch off Smooth Path?"
    pool = _pool("G121 P1 switches Smooth Path on. G121 P0 switches Smooth Path off again.")
    assert _free(question, pool, {"switch", "smooth", "path"}) == "G121 P0"


def test_a_count_is_the_number_followed_by_what_the_question_counts() -> None:
    pool = _pool("On-board I/O: 16 digital inputs, 16 digital outputs, 4 analog inputs",
                 "Tool data: 300 tools (magazine control for up to 120 pockets)")
    assert _free("How many digital inputs does the control have?", pool, {"digit", "input"}) == "16"
    assert _free("How many tools can the tool management hold?", pool, {"tool", "manag", "hold"}) == "300"


def test_a_table_cell_that_names_a_field_labels_the_line_after_it() -> None:
    # A PDF or a slide loses the table: each cell is a line of its own.
    pool = _pool("Feature\nDX-40\nOperating system\nWindows 10 IoT Enterprise\nHMI\nDraVis 5, 15.6\" touch display\n"
                 "Tilted working plane\nPLANE_TILT")
    pairs = {c.fact.label: c.fact.value for c in candidates(pool) if c.paired}
    assert pairs["HMI"] == "DraVis 5, 15.6\" touch display"
    assert pairs["Operating system"] == "Windows 10 IoT Enterprise"


def test_a_heading_followed_by_another_heading_is_not_its_value() -> None:
    pool = _pool("Smooth Path (high-speed contouring)\nTilted work plane (licence TWP)")
    assert all(c.fact.label is None for c in candidates(pool) if c.paired)


@pytest.mark.parametrize("question", ["¿Cuánto tarda el control en procesar un bloque de programa?",
                                      "How much memory is left for part programs?"])
def test_an_amount_asked_for_is_a_figure_even_about_programs(question: str) -> None:
    assert read_question(question).kind == "quantity"


def test_a_reference_page_named_with_a_padded_code_answers_with_the_code_as_written() -> None:
    (page,) = _pool("The machine moves to its home position.", source="gcode/gcode-G028.md")
    assert candidates([page])[0].passage_codes[0] == "G28"


def test_codes_a_statement_only_refers_to_are_not_its_answer() -> None:
    question = "Which G-code makes a move in machine coordinates?"
    q = question_terms({"move", "machin", "coordin"}, [], "en", question)
    text = "related: G2, G3, G91 notes: G53 moves in machine coordinates. See G54-G59.3 for the others."
    assert [code for code, _ in q.code_spans(text)] == ["G53"]


@pytest.mark.parametrize(("question", "value"), [
    ("What is the shortest EtherCAT cycle time that can be configured?", "250 us"),
    ("¿Cuál es el tiempo de ciclo EtherCAT máximo configurable?", "2 ms"),
])
def test_a_question_for_an_end_of_a_setting_gets_that_end(question: str, value: str) -> None:
    pool = _pool("EtherCAT cycle time: 500 us by default, configurable from 250 us to 2 ms.")
    assert _free(question, pool, {"ethercat", "cycl", "time", "cicl", "tiemp", "configur"}) == value


def test_a_hyphenated_product_name_is_a_name() -> None:
    names = name_tokens("drive_bus: K-Link (fiber optic), panel T-Touch 3", None)
    assert [n for n, _ in names] == ["K-Link", "T-Touch"]


def test_a_release_note_that_changes_a_verdict_answers_with_the_new_one() -> None:
    question = "Is the OPC UA server standard or an option?"
    pool = _pool("OPC UA server: option OPCUA-S",
                 "**OPC UA server is now a standard function.** Up to DRX 3.3 it had to be licensed as an option.")
    assert _free(question, pool, {"opc", "ua", "server", "standard", "option"}) == "standard"


@pytest.mark.parametrize("question", ["Which is the latest software version?",
                                      "¿Cuál es la versión de software más reciente?"])
def test_the_latest_version_is_the_highest_the_documents_give(question: str) -> None:
    pool = _pool("Software version 3.4 (2023): new probing cycles.", "Software version 3.4.1 (2024): fixes.",
                 "Software version 3.3 (2022): first release.")
    assert _free(question, pool, {"latest", "softwar", "version", "recient"}) == "3.4.1"


def test_a_range_of_numbered_items_counts_them() -> None:
    counts = counts_in("Local variables #1–#33; Q parameters Q0 to Q1999; cycles G81–G89", "en")
    assert [(s, v) for s, v, _ in counts] == [("#1–#33", 33.0), ("Q0 to Q1999", 2000.0)]
    question = "¿Cuántas variables locales de macro hay?"
    pool = _pool("Variables locales de macro: #1–#33 (argumentos de G65)")
    assert _free(question, pool, {"variabl", "local", "macr"}) == "#1–#33"


def test_a_count_under_a_label_the_question_names_may_count_the_labels_noun() -> None:
    question = "How many tool offsets does it have?"
    (c, *_) = candidates(_pool("Tool offset pairs: 64 pairs (200 pairs with option)"))
    q = question_terms({"tool", "offset"}, [], "en", question)
    q.present = set(q.own)
    assert fit(c, read_question(question), q) >= 0.9
    assert read_question("¿Cuál es el consumo eléctrico del control?").dimension == "kW"


def test_of_the_codes_of_a_statement_the_one_that_switches_off_answers_alone() -> None:
    question = "¿Con qué instrucción se desactiva el plano inclinado?"
    pool = _pool("Tilted working plane (plano inclinado): G68.2 X… Y… Z… I… J… K… (Euler angles), cancel G69")
    assert _free(question, pool, {"desactiv", "plan", "inclin"}) == "G69"
