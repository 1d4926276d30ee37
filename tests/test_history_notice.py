"""A conversation longer than the engine reads (settings.max_history_turns) is trimmed; the user is
told so in their language, in the API's `notice` and under the answer in the chat."""
from __future__ import annotations

import pytest

from assistant import lang, pipeline, ui
from assistant.service import Service


@pytest.fixture(scope="module")
def service(paris_index, e5):
    settings = paris_index.model_copy(update={"max_history_turns": 2})
    return Service(settings, pipeline.open_engine(settings, embedder=e5, llm=None, load_llm=False))


def exchanges(n: int) -> list[dict[str, str]]:
    turns = []
    for i in range(n):
        turns += [{"role": "user", "content": f"Quem esteve em Paris no dia {i}?"},
                  {"role": "assistant", "content": "Os ministros ucranianos. [1]"}]
    return turns


def note(language: str) -> str:
    return lang.phrase("history_trimmed", language).format(n=2)


def test_answer_says_when_older_turns_were_left_out(service):
    trimmed = service.ask("E quantas pessoas morreram em Sumy?", exchanges(3))
    assert trimmed.notice.endswith(note("pt")) and "2" in note("pt")
    english = service.ask("How many people died in Sumy?", exchanges(3))
    assert english.language == "en" and english.notice.endswith(note("en"))
    assert english.to_json()["notice"].endswith(note("en"))  # what /api/ask and the chat API return


@pytest.mark.parametrize("history", [[], exchanges(1), exchanges(2), [{"role": "user", "content": "  "}] * 9])
def test_no_notice_while_the_whole_conversation_is_read(service, history):
    answer = service.ask("Quantas pessoas morreram em Sumy?", history)
    assert note("pt") not in answer.notice and not answer.refused


def test_history_off_is_not_announced(paris_index, e5):
    settings = paris_index.model_copy(update={"max_history_turns": 0})
    quiet = Service(settings, pipeline.open_engine(settings, embedder=e5, llm=None, load_llm=False))
    assert quiet.ask("Quantas pessoas morreram em Sumy?", exchanges(3)).notice == ""


def test_chat_shows_the_notice_under_the_answer(service):
    steps = list(ui._respond(service, "E quantas pessoas ficaram feridas?", [], exchanges(3), [], None))
    shown, turns, *_ = steps[-1]
    answer_text = shown[1]["content"]  # after the question: the answer, then its sources
    assert "117" in answer_text and answer_text.endswith(f"*{ui.safe(note('pt'))}*")
    assert len(turns) == 8  # the chat keeps the whole conversation; only the engine reads less
    short = list(ui._respond(service, "E quantas pessoas ficaram feridas?", [], exchanges(1), [], None))[-1][0]
    assert note("pt") not in short[1]["content"]
