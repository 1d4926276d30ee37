"""The chat shows generated text as it comes, marked as a draft until the checks have passed: a
reply the checks reject is replaced by a quote, and the reader must not take the draft for the
answer (seen in the chat: "…foi escolhido como local de transmissão … por uma equipe de cientistas
e engenheiros" stood on screen for two seconds before the quote replaced it)."""
from __future__ import annotations

from assistant import pipeline, ui
from assistant.service import Service
from conftest import ScriptedLLM, reply


def _steps(settings, e5, script, question):
    engine = pipeline.open_engine(settings, embedder=e5, llm=ScriptedLLM(script))
    # the chat list is updated in place between yields: each step is copied as it comes
    return [list(step[0]) for step in ui._respond(Service(settings, engine), question, [], [], [], None)]


def test_streamed_text_is_marked_as_a_draft_until_checked(paris_index, e5):
    draft = ui.say("draft", "pt")
    shown = _steps(paris_index, e5, [reply("Pelo menos 35 pessoas morreram em Sumy.", "Sumy")],
                   "Quantas pessoas morreram em Sumy?")
    streaming = [s[1]["content"] for s in shown if "▍" in s[1]["content"]]
    assert streaming and all(draft in text for text in streaming)
    final = shown[-1][1]["content"]
    assert "35" in final and draft not in final and "▍" not in final


def test_a_rejected_draft_gives_way_to_the_quote(paris_index, e5):
    # 40 is in no sentence: the checks replace the reply with the quoted evidence
    shown = _steps(paris_index, e5, [reply("Morreram 40 pessoas em Sumy.", "Sumy")], "Quantas pessoas morreram em Sumy?")
    assert any("40" in s[1]["content"] and ui.say("draft", "pt") in s[1]["content"] for s in shown)
    final = shown[-1][1]["content"]
    assert "40" not in final and "35 pessoas" in final and ui.say("draft", "pt") not in final
