"""Which language a question is in (pt or en), and the fixed phrases we say in each."""
from __future__ import annotations

import re

from .text import fold, words

# Words that are frequent in one language and rare in the other.
_MARKERS = {
    "pt": set("o os as um uma de do da dos das em no na nos nas que nao é e o que quem quando onde qual quais "
              "quantos quantas quanto porque por para com como foi sao esta estao ele ela eles isso sobre disse "
              "mais tambem pelo pela seu sua entre ate ja muito vai ser tem houve aconteceu quanta pode "
              "podem ao aos pelos pelas deve devem fica ficam sera serao foram tinha faz fez fazer seus suas este "
              "estes estas ainda antes depois num numa".split()),
    "en": set("the an of in on at to is are was were what who whom when where which why how many much did "
              "does do will would with for from and about said say by it this that there they he she his her "
              "has have had be been happened whose near after before into than their its can could should since "
              "while".split()),
}
_MARKERS["pt"] = {fold(w) for w in _MARKERS["pt"]}
# English markers that are no Portuguese word ("do" is both).
ENGLISH_ONLY = frozenset(_MARKERS["en"] - _MARKERS["pt"])
# "what's", "they're", "we'll": the word before the mark is the marker.
_ENGLISH_CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d|m)$")
PT_LETTERS = "ãõçáéíóúâêô"  # letters English does not use
_PT_LETTERS = re.compile(f"[{PT_LETTERS}]", re.IGNORECASE)

LANGUAGES = ("pt", "en")

PHRASES = {
    "refusal": {
        "pt": "O artigo não diz isso.",
        "en": "The article does not say.",
    },
    "names_apart": {  # {names}: the question's names, joined
        "pt": "O artigo não diz isso: nunca nomeia {names} na mesma frase.",
        "en": "The article does not say: it never names {names} in the same sentence.",
    },
    "and": {"pt": " e ", "en": " and "},
    "instruction_refusal": {
        "pt": "Só respondo a perguntas sobre o artigo, com o que ele diz.",
        "en": "I only answer questions about the article, from what it says.",
    },
    "quote_intro": {
        "pt": "Segundo o artigo:",
        "en": "According to the article:",
    },
    "years_since": {  # {n}: the age; {quote}: the sentence with the anniversary
        "pt": "{n} anos, segundo o artigo: “{quote}” [1]",
        "en": "{n} years, according to the article: “{quote}” [1]",
    },
    "short_answer": {
        "pt": "O artigo diz:",
        "en": "The article says:",
    },
    "dated": {  # {title}, {text}: the story's headline and dateline; {n}: its citation
        "pt": "A notícia “{title}” tem a data “{text}”. [{n}]",
        "en": "The article “{title}” is dated “{text}”. [{n}]",
    },
    "lead": {  # {title}: the story's headline; {text}: the first sentence of its first paragraph; {n}: its citation
        "pt": "A notícia “{title}” começa assim: “{text}” [{n}]",
        "en": "The article “{title}” begins: “{text}” [{n}]",
    },
    "headline": {  # {title}: the story's headline; {n}: its citation
        "pt": "O título da notícia é “{title}”. [{n}]",
        "en": "The article's headline is “{title}”. [{n}]",
    },
    "byline": {  # {title}: the story's headline; {text}: its byline; {n}: its citation
        "pt": "A notícia “{title}” é assinada: “{text}”. [{n}]",
        "en": "The article “{title}” is signed “{text}”. [{n}]",
    },
    "no_byline": {
        "pt": "A notícia “{title}” não diz quem a escreveu.",
        "en": "The article “{title}” does not say who wrote it.",
    },
    "undated": {
        "pt": "A notícia “{title}” não tem data.",
        "en": "The article “{title}” is not dated.",
    },
    "fallback_notice": {
        "pt": "(resposta gerada indisponível; citação direta do artigo)",
        "en": "(generated answer unavailable; quoting the article directly)",
    },
    "history_trimmed": {  # {n}: settings.max_history_turns
        "pt": "(só as últimas {n} perguntas e respostas desta conversa foram consideradas)",
        "en": "(only the last {n} questions and answers of this conversation were taken into account)",
    },
}


def detect(text: str, default: str = "en") -> str:
    """'pt' or 'en'; ties go to Portuguese letters when present, else to the default."""
    # "What's" is "what" with an English contraction ("What's the café owner called?" is English
    # although "café" has a letter English does not use).
    tokens = [_ENGLISH_CONTRACTION.sub("", fold(w)) for w in words(text)]
    scores = {lang: sum(t in markers for t in tokens) for lang, markers in _MARKERS.items()}
    if _portuguese_letters(text):
        scores["pt"] += 1.5
    if scores["pt"] == scores["en"] and text.rstrip().endswith("?"):
        # A question only: a bare answer ("6 megawatts") is in no language, and gets the reader's.
        scores = _endings([fold(w) for w in words(text) if w.islower()])  # names end as they will
    if scores["pt"] == scores["en"]:
        return default
    return "pt" if scores["pt"] > scores["en"] else "en"


# Word endings, when no marker word tells: "A empresa pediu desculpa?" has none, but three of its
# words end as Portuguese ones do and English ones seldom do.
_PT_ENDING = re.compile(r"(?:[aeiou]|[aeo]s|am|em|ao|oes)$")
_EN_ENDING = re.compile(r"(?:ed|ing|ly|[^aeiou]y|th|ck|[^aeiou]s|w|ght)$")


def _endings(tokens: list[str]) -> dict[str, int]:
    long = [t for t in tokens if len(t) >= 4 and t.isalpha()]
    return {"pt": sum(bool(_PT_ENDING.search(t)) for t in long), "en": sum(bool(_EN_ENDING.search(t)) for t in long)}


def _portuguese_letters(text: str) -> bool:
    """Whether a word other than a name has a letter English does not use: "Córdoba" and "José"
    are names in English too ("Who died near Córdoba?"). A capitalised word counts only first, or
    when the whole text is capitals."""
    tokens = re.findall(r"\w+", text)
    shouting = text.isupper()
    # (Not first where a capitalised word follows: "Graça Amaral is 71 years old" opens on a name.)
    first = not (len(tokens) > 1 and tokens[1][:1].isupper())
    return any(_PT_LETTERS.search(t) for i, t in enumerate(tokens)
               if (i == 0 and first) or shouting or not t[0].isupper())


def phrase(key: str, lang: str) -> str:
    table = PHRASES[key]
    return table.get(lang, table["en"])
