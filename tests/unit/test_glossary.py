"""The bilingual glossary: a question's words matched in the other language's passages."""

from __future__ import annotations

from merlin_cnc.analysis import analyze
from merlin_cnc.answering import question_terms
from merlin_cnc.facts import fact_terms


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
