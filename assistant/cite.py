"""Citations are assigned by the application: each answer sentence is bound to the passage whose
text holds every number and name it states. A sentence that no passage supports fails verification."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .ingest import sentence_spans
from .text import STOPWORDS, content_terms, fold, numbers, words

_MARKER = re.compile(r"\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")

# Capitalised words that are titles, institutions, countries and calendar words: a translation
# renders them differently ("Reino Unido" / "UK"), so they are not checked as names.
COMMON_CAPITALISED = {fold(w) for w in """
President Presidente Minister Ministro Ministra Secretary Secretario Secretária Foreign Defense Defence
State States Estado Estados Department Departamento House Casa White Branca National Nacional Security
Segurança Office Gabinete Prime Primeiro Government Governo Council Conselho Ministry Ministério Affairs
Relações Exteriores Defesa Reino Unido United Kingdom Union União Adviser Advisers Consultores Chief Chefe
Envoy Enviado Special Especial Diplomat Diplomata Leader Líder Senator Senador Mr Mrs Ms Sr Sra Dr
US USA UK EU UN NATO OTAN EUA ONU UE America American Americano Americana Europe European Europa Europeu
Europeus Europeia Britain British Britânico England English Inglaterra France French França Francês
Francesa Germany German Alemanha Alemão Alemães Russia Russian Rússia Russo Russa Ukraine Ukrainian
Ucrânia Ucraniano Ucraniana China Chinese Chinês Spain Spanish Espanha Espanhol Portugal Portuguese
Português Brazil Brasil Brasileiro Moscow Moscou Washington Western Ocidente Transatlantic Transatlântico
January February March April May June July August September October November December Janeiro Fevereiro
Março Abril Maio Junho Julho Agosto Setembro Outubro Novembro Dezembro Monday Tuesday Wednesday Thursday
Friday Saturday Sunday Segunda Terça Quarta Quinta Sexta Sábado Domingo Yes No Sim Não Note Nota
According Segundo The A O As Os In Em On At He She They It This That These Those Ele Ela Eles Elas Isso
""".split()}


@dataclass(frozen=True)
class Support:
    sentence: str  # the answer sentence, markers removed
    passage_index: int | None  # index into the candidate passages, None when unsupported
    missing: tuple[str, ...]  # names or numbers no single passage holds


def strip_markers(text: str) -> str:
    return _MARKER.sub("", text).strip()


def answer_sentences(text: str) -> list[str]:
    clean = strip_markers(text)
    return [clean[s:e] for s, e in sentence_spans(clean, 0, len(clean))]


def names(sentence: str) -> set[str]:
    """Capitalised words that are not common words: people, places, organisations."""
    out = set()
    for word in words(sentence):
        folded = fold(word)
        if word[:1].isupper() and folded not in STOPWORDS and folded not in COMMON_CAPITALISED and len(word) > 1:
            out.add(folded)
    return out


def _holds_name(name: str, tokens: set[str]) -> bool:
    if name in tokens:
        return True
    return any(SequenceMatcher(None, name, t).ratio() >= 0.7 or (len(name) >= 5 and t.startswith(name[:5]))
               for t in tokens if abs(len(t) - len(name)) <= 3)


def missing_facts(sentence: str, evidence: str) -> list[str]:
    """The numbers and names of the sentence that the evidence text does not contain."""
    tokens = {fold(w) for w in words(evidence)}
    missing = sorted(numbers(sentence) - numbers(evidence))
    missing += sorted(n for n in names(sentence) if not _holds_name(n, tokens))
    return missing


def overlap(a: str, b: str) -> float:
    ta, tb = set(content_terms(a)), set(content_terms(b))
    return len(ta & tb) / (len(ta) or 1)


def bind(sentence: str, passages: list[str], similarity: list[float]) -> Support:
    """The best passage that holds all the sentence's facts; ties go to the more similar passage."""
    best, best_score, fewest = None, float("-inf"), None
    for i, text in enumerate(passages):
        missing = missing_facts(sentence, text)
        if fewest is None or len(missing) < len(fewest):
            fewest = missing
        if missing:
            continue
        score = similarity[i]
        if score > best_score:
            best, best_score = i, score
    return Support(sentence, best, () if best is not None else tuple(fewest or ()))
