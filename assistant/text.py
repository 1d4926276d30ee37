"""Small text helpers shared by retrieval, language detection and citation checking."""
from __future__ import annotations

import re
import unicodedata

STOPWORDS_PT = set("""
a o as os um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para pra com sem sob
sobre entre ate e ou mas que se nao sim mais menos muito muita muitos muitas ja tambem como quando onde
qual quais quem porque pois isso isto esse essa esses essas este esta estes estas aquele aquela aqueles
seu sua seus suas ele ela eles elas eu tu voce voces nos lhe lhes me te meu minha foi ser sao era eram
esta estao estava tem ter tinha ha houve vai vao sera seria artigo diz disse dizer segundo fez faz o
quanto quanta quantos quantas qual quais the fica ficou ficam ficaram ficar ficaria
alguem ninguem
""".split())
STOPWORDS_EN = set("""
a an the of in on at to for from by with without about into over under between and or but not no yes
is are was were be been being has have had do does did will would shall should can could may might
what which who whom whose when where why how that this these those it its he she they them his her their
i you we us our your me my as than then so such also more most less very just only there here article
says said say according many much because
anyone anybody someone somebody anything something ever yet out
""".split())
STOPWORDS = STOPWORDS_PT | STOPWORDS_EN

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# A clock time is one number: "12:00" is not the "12" of "12 metros".
_NUMBER = re.compile(r"\d+(?::\d\d(?!\d)|(?:[.,]\d+)*)")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case, accents removed: 'Ucrânia' -> 'ucrania'."""
    return strip_accents(text.lower())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Spellings that differ between Portuguese and English cognates: "electricity" / "eletricidade",
# "study" / "estudo", "photo" / "foto", "theatre" / "teatro". Not doubled letters: "antena" meeting
# "antenna" made the DSS-63 sentence a quote for the antenna's diameter and power (NASA un-02, un-09).
_COGNATE = [(re.compile(a), b) for a, b in (
    (r"ct", "t"), (r"ph", "f"), (r"th", "t"), (r"^es(?=[ptc])", "s"))]


def cognate(word: str) -> str:
    """A folded word spelt as its cognate in the other language would be (see _COGNATE)."""
    for pattern, repl in _COGNATE:
        word = pattern.sub(repl, word)
    return word


def term(word: str) -> str:
    """A folded word as a content term: a number whole, a word cut to a crude stem in its cognate
    spelling, so that inflections and cognates meet."""
    return word if word.isdigit() else cognate(_short_base(word))[:6]


def _short_base(word: str) -> str:
    """A short word's base without its ending: cut to six letters, "costing" is not "cost", nor
    "costs", "worked" "work", "started" "start", "pontes" "ponte". Longer words meet within their
    first six letters anyway."""
    for ending, shortest in (("ing", 3), ("ed", 4), ("s", 4)):
        base = word[:-len(ending)]
        if word.endswith(ending) and shortest <= len(base) <= 5 and not base.endswith("s"):
            return base
    return word


# The unit of a question word ("A que horas…?", "What time…?", "Em que dia…?") asks for a time; it
# is not a word of the thing asked: "horas" met Trump's "em 24 horas" for "A que horas será a
# transmissão?".
_ASKING = {"que", "what", "which", "qual", "quais"}
_TIME_UNITS = {"hora", "horas", "time", "dia", "dias", "day", "ano", "year", "mes", "month", "data", "date"}


def content_terms(text: str) -> list[str]:
    """Folded words without stop words and question words' time units, as terms (see term)."""
    folded = words(fold(text))
    return [term(word) for i, word in enumerate(folded)
            if word not in STOPWORDS and (len(word) >= 3 or word.isdigit())
            and not (word in _TIME_UNITS and i and folded[i - 1] in _ASKING)]


def stems(texts: list[str], size: int = 4) -> set[str]:
    """The first four letters of the texts' content words: inflections of one word meet, and so do
    many translations ("transmitir" / "transmit"). Five tell "antena" from "antes"."""
    return {t[:size] for text in texts for t in content_terms(text)}


# Forms of "to be", "to have" and "will" that carry a verb: "E onde foram montadas?" has one content
# word, as "And where were they assembled?" has.
AUXILIARIES = set("""
ser sera serao seria seriam sao foi foram fora sido sendo seja sejam fosse fossem esta estao estava estavam
esteve estiveram estar estara estarao tem ter tinha tinham teve tiveram ha havia houve vai vao ira irao iria
is was were be been being
""".split())


# Words that point back into a conversation ("Isso foi antes…?", "Was he…then?"): a question with
# one of them, or with fewer than two content words ("E quando?", "De que antena?"), is not
# understood alone.
_REFERS_BACK = set("""
he she it they him her them his its their this that these those then there
ele ela eles elas dele dela deles delas isso isto aquilo esse essa esses essas nisso disso daquilo
la ali entao
""".split())


# A possessive after a content word may point back inside the question: "…the US envoys meeting
# their European counterparts?" stands alone; "What is his role?" does not.
_POSSESSIVES = {"his", "her", "its", "their"}


# "E quanto custava antes?": before what the conversation said.
_BEFORE_OR_AFTER = {"antes", "depois", "before", "after", "afterwards", "earlier", "previously", "anteriormente"}


# "the company", "da empresa": a thing named as one already known (English "a" is no such word).
_DEFINITE = {"en": set("the this that these those".split()),
             "pt": set("o a os as do da dos das no na nos nas ao aos pelo pela este esta esse essa".split())}


def names_the_known(question: str, before: list[str], language: str) -> bool:
    """Whether the question names, as one already known, a thing the conversation just named: "E
    quem é o presidente da empresa?" after "Que empresa opera os ferries?"."""
    said, definite = set(words(fold(" ".join(before)))), _DEFINITE.get(language, _DEFINITE["en"])
    asked = words(fold(question))
    return any(w in said and len(w) >= 4 and w not in STOPWORDS and i and asked[i - 1] in definite
               for i, w in enumerate(asked))


def refers_back(text: str) -> bool:
    """Whether a question needs the conversation before it to be understood."""
    folded = words(fold(text))
    if len(content_terms(" ".join(w for w in folded if w not in AUXILIARIES))) < 2:
        return True
    if folded and folded[-1] in _BEFORE_OR_AFTER:
        return True
    return any(w in _REFERS_BACK and not (w in _POSSESSIVES and content_terms(" ".join(folded[:i])))
               for i, w in enumerate(folded))


def numbers(text: str) -> set[str]:
    """Numbers written with digits, normalised: '1.200' and '1,200' -> '1200'; '12:00' stays whole."""
    return {re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text)}


def number_matches(text: str) -> list[re.Match]:
    """Where the text writes numbers with digits (see numbers)."""
    return list(_NUMBER.finditer(text))


def counts(text: str) -> set[str]:
    """The numbers that can say how many: not a clock time ("12:00") nor part of a code ("DSS-63")."""
    return {re.sub(r"[.,]", "", m.group(0)) for m in _NUMBER.finditer(text)
            if ":" not in m.group(0) and not re.search(r"[^\W\d_]-?$", text[:m.start()])}


# Text that talks to the assistant instead of reporting news: a planted instruction in an article,
# or a question that tries to change the rules. Such article sentences are never evidence, and
# such questions are refused. A heuristic: it catches the common forms in English and Portuguese.
_TO_THE_ASSISTANT = re.compile(
    r"^\W*(system|assistant|developer|sistema|assistente)\s*:"
    r"|\b(ignore|disregard|forget|ignora|esque[cç]a)\s+(all\s+|todas\s+as\s+|as\s+)?((your|previous|prior|above|"
    r"earlier|suas|anteriores)\s+)*(rules|instructions|prompts?|regras|instru[cç][oõ]es)\b"
    r"|\b(system prompt|prompt do sistema)\b"
    r"|\b(reveal|print|repeat|show|revele|imprima|repita|mostre)\s+(\w+\s+){0,3}(instructions?|prompts?|"
    r"instru[cç](ão|ao|ões|oes))\b"
    r"|\b(answer|reply|respond)\s+(to\s+)?(every|all|each)\s+questions?\b|\b(answer|reply|respond)\s+only\s+with\b"
    r"|\bresponda\s+(a\s+)?(todas\s+as|cada|toda)\s+perguntas?\b|\bresponda\s+apenas\s+com\b",
    re.IGNORECASE | re.MULTILINE)


def addresses_the_assistant(text: str) -> bool:
    return bool(_TO_THE_ASSISTANT.search(text))
