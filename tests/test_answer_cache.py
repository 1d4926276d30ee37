"""The service's answer cache: a question asked again with no conversation before (the chat's example
questions, a widget's FAQ) is answered at once, from the answer it got on this index version."""
from __future__ import annotations

from assistant import pipeline
from assistant.service import Service
from conftest import ScriptedLLM, reply

QUESTION = "Quantas pessoas morreram em Sumy?"


def make(settings, e5, script):
    llm = ScriptedLLM(list(script))
    return Service(settings, pipeline.open_engine(settings, embedder=e5, llm=llm)), llm


def test_a_question_asked_again_is_answered_from_the_cache(paris_index, e5):
    service, llm = make(paris_index, e5, [reply("Pelo menos 35 pessoas morreram em Sumy.", "35")])
    first = service.ask(QUESTION)
    again = service.ask("  quantas pessoas   morreram em SUMY? ")
    assert len(llm.calls) == 1  # the model was asked once
    assert again.answer == first.answer and again.citations == first.citations and not again.refused
    assert again.question == "  quantas pessoas   morreram em SUMY? "
    assert again.timings_ms["cached_from_total"] == first.timings_ms["total"]
    assert again.timings_ms["total"] < first.timings_ms["total"]
    events = list(service.stream(QUESTION))
    assert [e["type"] for e in events] == ["evidence", "final"]  # no queue, no generation


def test_a_cached_answer_is_a_copy(paris_index, e5):
    service, _ = make(paris_index, e5, [reply("Pelo menos 35 pessoas morreram em Sumy.", "35")])
    service.ask(QUESTION).notice = "changed by a caller"
    assert service.ask(QUESTION).notice != "changed by a caller"


def test_follow_ups_a_new_index_and_a_size_of_zero_are_not_cached(paris_index, e5, monkeypatch):
    history = [{"role": "user", "content": "O que aconteceu em Sumy?"},
               {"role": "assistant", "content": "Um ataque míssil russo. [1]"}]
    answer = reply("Pelo menos 35 pessoas morreram em Sumy.", "35")
    service, llm = make(paris_index, e5, [answer, "Quantas pessoas morreram em Sumy?", answer,
                                          "Quantas pessoas morreram em Sumy?", answer, answer])
    service.ask(QUESTION)
    service.ask(QUESTION, history)
    service.ask(QUESTION, history)
    assert len(llm.calls) == 5  # one answer, then two follow-ups of a rewrite and an answer each
    monkeypatch.setattr(service, "_current_version", lambda: "after a re-index")
    service.ask(QUESTION)
    assert len(llm.calls) == 6
    off, llm = make(paris_index.model_copy(update={"answer_cache_size": 0}), e5, [answer, answer])
    off.ask(QUESTION)
    off.ask(QUESTION)
    assert len(llm.calls) == 2


def test_the_cache_keeps_the_latest_answers(paris_index, e5):
    answer = reply("Pelo menos 35 pessoas morreram em Sumy.", "35")
    service, llm = make(paris_index.model_copy(update={"answer_cache_size": 1}), e5, [answer] * 3)
    service.ask(QUESTION)
    service.ask("How many people died in Sumy?")
    service.ask(QUESTION)  # pushed out by the English question
    assert len(llm.calls) == 3
