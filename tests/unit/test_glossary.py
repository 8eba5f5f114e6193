"""The bilingual glossary: a question's words matched in the other language's passages."""

from __future__ import annotations

from merlin_cnc.analysis import analyze
from merlin_cnc.answering import corpus_idf, question_terms, through_translations
from merlin_cnc.facts import fact_terms
from merlin_cnc.glossary import alternatives
from merlin_cnc.index.base import TermStats


def _hits(question: str, language: str, passage: str, passage_language: str) -> set[str]:
    q = question_terms(set(analyze(question, language)), [], language, question)
    return set(q.hits_in(fact_terms(passage, passage_language)))


def test_a_spanish_question_finds_its_words_in_english() -> None:
    assert "ejes" in _hits("¿Cuántos ejes?", "es", "Up to 32 axes", "en")


def test_a_phrase_translates_as_a_whole() -> None:
    question = "Which canned cycle is used for drilling?"
    assert "can" in _hits(question, "en", "Ciclo fijo de taladrado: G81", "es")
    # "canned cycle" is "ciclo fijo": a probing cycle is a cycle, but not a canned one.
    assert "can" not in _hits(question, "en", "Ciclos de palpado: G38.2", "es")


def test_a_glossary_word_is_found_in_any_inflection() -> None:
    # "apaga" is a form of "apagar": the question asks what turns the coolant off.
    assert "apag" in _hits("¿Qué código apaga el refrigerante?", "es", "M9 turns the coolant off", "en")


def test_a_word_weighs_as_much_as_its_translation_is_common() -> None:
    question = "¿Qué código apaga el refrigerante?"
    translations = alternatives(question, "es")
    # An English index: the Spanish stems occur nowhere, their translations do, "off" in half the passages.
    english = TermStats(1000, {"off": 500, "coolant": 5})
    weight = corpus_idf(through_translations(TermStats(1000, {}), english, translations))
    assert weight("apag") < weight("refriger")


def test_cognates_are_matched_however_each_language_spells_the_root() -> None:
    from merlin_cnc.facts import cognate

    for english, spanish in [("dynamic", "dinámica"), ("system", "sistema"), ("standard", "estándar"),
                             ("acceleration", "aceleración"), ("frequency", "frecuencia")]:
        assert cognate(analyze(spanish, "es")[0], frozenset(analyze(english, "en")))
    assert not cognate(analyze("velocidad", "es")[0], frozenset(analyze("voltage", "en")))
