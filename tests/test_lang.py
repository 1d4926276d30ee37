"""Language detection of questions (pt / en) and the fixed phrases said in each language."""
from __future__ import annotations

import pytest

from assistant import lang

PORTUGUESE = [
    "Quem é Witkoff?",
    "Quem é Lammy?",
    "Quantas pessoas morreram em Sumy?",
    "Onde acontecem as conversas?",
    "O que disse Zelensky?",
    "Quando Trump disse que resolveria a guerra?",
    "Com quem Rubio vai se reunir?",
    "Por que os europeus querem mais pressão sobre a Rússia?",
    "Qual é o papel de Macron?",
    "E o Rubio?",
    "Quantos feridos?",
    "Houve um ataque em Kryvyi Rih?",
    "Quais ministros chegaram a Paris?",
    "Putin esteve lá?",
    "Há um cessar-fogo?",
    "QUEM É WITKOFF?",
    "quem e witkoff",
    # no accent, and none of the older function words (found on the second held-out article)
    "Quanta energia pode a central produzir?",
]

ENGLISH = [
    "Who is Lammy?",
    "Who is Witkoff?",
    "How many people died in Sumy?",
    "Where are the talks being held?",
    "What did Zelensky say?",
    "When did Trump say he could end the war?",
    "Who will Rubio meet?",
    "Why do the Europeans want more pressure on Russia?",
    "What is Macron's role?",
    "And Rubio?",
    "Was there an attack in Kryvyi Rih?",
    "Did Putin attend?",
    "Is there a ceasefire?",
    "Which ministers arrived in Paris?",
    "WHO IS LAMMY?",
    "who met putin",
    # a name's accents are no Portuguese (found on a fourth held-out story)
    "Who died near Córdoba?",
    "Who is José Luis Sanz?",
    # a contraction is English, and a loanword's accent no Portuguese (session 36)
    "What's the café owner called?",
]


@pytest.mark.parametrize("question", PORTUGUESE)
def test_portuguese_questions(question):
    assert lang.detect(question) == "pt"
    assert lang.detect(question, default="en") == "pt"


@pytest.mark.parametrize("question", ENGLISH)
def test_english_questions(question):
    assert lang.detect(question) == "en"
    assert lang.detect(question, default="pt") == "en"


@pytest.mark.parametrize("text", ["Sumy?", "Witkoff", "", "   ", "35", "Macron, Putin, Rubio"])
def test_no_evidence_goes_to_the_default(text):
    assert lang.detect(text, default="pt") == "pt"
    assert lang.detect(text, default="en") == "en"


def test_portuguese_letters_break_a_tie():
    # 'de' (pt) and 'the' (en) tie; the ã decides.
    assert lang.detect("the ação de Rubio", default="en") == "pt"


def test_short_portuguese_question_without_function_words_is_told_by_its_endings():
    # No marker word: the words' endings decide ("falou", "pediu", "desculpa"); names do not vote.
    assert lang.detect("Zelensky falou?") == "pt"
    assert lang.detect("A empresa pediu desculpa?") == "pt"
    assert lang.detect("Did the company apologise?") == "en"
    assert lang.detect("Megan Price", default="?") == "?"
    assert lang.detect("NASA", default="?") == "?"


@pytest.mark.parametrize("key", sorted(lang.PHRASES))
def test_phrases_exist_in_both_languages_and_read_as_them(key):
    pt, en = lang.phrase(key, "pt"), lang.phrase(key, "en")
    assert pt and en and pt != en
    assert lang.detect(pt, default="?") == "pt"
    assert lang.detect(en, default="?") == "en"


def test_refusal_phrases():
    assert lang.detect(lang.phrase("refusal", "pt"), default="?") == "pt"
    assert lang.detect(lang.phrase("refusal", "en"), default="?") == "en"
    assert "não" in lang.phrase("refusal", "pt").lower()
    assert "not" in lang.phrase("refusal", "en").lower()


def test_unknown_language_falls_back_to_english():
    assert lang.phrase("refusal", "fr") == lang.phrase("refusal", "en")


def test_an_english_answer_that_opens_on_a_portuguese_name_is_english():
    """Session 37: "Graça Amaral is 71 years old." was read as Portuguese (the "ç" of the first word)."""
    assert lang.detect("Graça Amaral is 71 years old.", default="?") == "en"
    assert lang.detect("Ação rápida do governo", default="?") == "pt"
