"""Hybrid retrieval: dense (Chroma, cosine) and BM25 over the same passages, fused by rank."""
from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from . import lang
from .ingest import Passage, is_page_furniture
from .lexicon import translated
from .store import Store
from .text import content_terms

# BM25's weight in the fusion, beside the dense ranking's 1. Across languages it reads the question's
# words through the lexicon ("reivindicou" is "claimed"), where multilingual-e5-small is weakest: "Que
# grupo reivindicou o ataque?" found "A criminal group … claimed responsibility" first by its words
# and seventh by its vector. Calibrated on the eval's and the held-out stories' 606 answerable single
# questions (gold passage's rank, sessions 33 and before): 0.5 both ways gave MRR 0.854, hit@6 0.977;
# 0.75 within a language and 1.0 across, 0.866 and 0.982 (1.0 and 1.0: 0.865; 1.5 across: 0.845).
LEXICAL_WEIGHT = 0.75
LEXICAL_WEIGHT_ACROSS = 1.0
CANDIDATES = 30
# Reciprocal-rank fusion: ranks, not raw scores, so a passage's place does not depend on what else
# the index holds (min-max scaling put a paragraph found by its words last among near-equal cosines).
RRF_K = 5
# multilingual-e5 scores every passage in the question's own language higher: "Em que país fica a
# antena?" ranked the whole Portuguese story (0.79-0.80, flat) above the English paragraph naming
# the antenna (0.785, fifteenth). The dense ranking gives the other language's passages this much
# back, and so does the choice of a story's evidence (calibrated on eval/: dense MRR 0.781 -> 0.817
# over the 102 answerable single questions, hit@6 0.951 -> 0.971, all of it Portuguese questions
# on the English story; English questions unchanged up to 0.03, worse from 0.045). Hit.score
# stays the plain cosine. The pull is not the same both ways: over the held-out stories'
# questions (eval/heldout/, 565 single questions), the sentences of the other held-out stories,
# none of which answers them, score 0.059 higher in a Portuguese question's own language than in
# English on average (0.800 against 0.742), but an English question's only 0.017 (0.750 against
# 0.733). A Portuguese question therefore gets more back: at 0.03, "Quem é a presidente executiva
# da empresa ferroviária?" drew the Paris story's presidents over the English rail story's chief
# executive; at 0.045-0.065 the held-out and eval/ Portuguese questions find the gold passage in
# the top six 98.9% of the time, not 97.4%.
CROSS_LINGUAL_BONUS = {"pt": 0.055, "en": 0.03}
CROSS_LINGUAL_DEFAULT = 0.03  # a question of neither language
# Enough of an article to tell its language.
LANGUAGE_SAMPLE_CHARS = 1000


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # cosine similarity of question and passage
    fused: float  # the ranking score
    lexical: float
    language: str = ""  # the article's (pt or en); "" when not known


class BM25:
    """Okapi BM25 with each term's postings held as arrays: a question's scores over 16,000
    passages are a few array additions (~0.2 ms), not a Python loop over every posting (~1.2 ms)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.n = len(docs)
        lengths = [len(d) for d in docs]
        avg = (sum(lengths) / len(docs)) if docs else 1.0
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, d in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[i] / avg)
            for t, f in Counter(d).items():
                rows, weights = postings.setdefault(t, ([], []))
                rows.append(i)
                weights.append(f * (k1 + 1) / (f + norm))
        self.postings = {t: (np.asarray(rows, dtype=np.int32),
                             np.asarray(weights, dtype=np.float64) * math.log(1 + (self.n - len(rows) + 0.5) / (len(rows) + 0.5)))
                         for t, (rows, weights) in postings.items()}

    def scores(self, query: list[str]) -> np.ndarray:
        """Each passage's score, row for row (0 where no query term occurs)."""
        out = np.zeros(self.n)
        # In the query's order, not a set's: a set's order changes with each process's hash seed,
        # and so would the sums' last digits, and the order of passages tied on them.
        for t in dict.fromkeys(query):
            if t in self.postings:
                rows, weights = self.postings[t]
                out[rows] += weights
        return out


@dataclass(frozen=True)
class Snapshot:
    """One index version as the retriever holds it; swapped whole, so a search never mixes two."""
    version: str | None = None
    passages: tuple[Passage, ...] = ()
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # row i: passage i
    by_id: dict[str, int] = field(default_factory=dict)
    bm25: BM25 = field(default_factory=lambda: BM25([]))
    languages: dict[str, str] = field(default_factory=dict)  # article source -> pt or en
    leads: dict[int, int] = field(default_factory=dict)  # an article's headline row -> its first paragraph's

    @classmethod
    def load(cls, store: Store, version: str) -> "Snapshot":
        passages, vectors = store.snapshot(version)
        return cls(version, tuple(passages), vectors, {p.id: i for i, p in enumerate(passages)},
                   BM25([content_terms(p.text) for p in passages]), story_languages(passages), leads(passages))

    def similarities(self, query_vec: list[float]) -> np.ndarray:
        """The cosine of the question and every passage, row for row. Exact, over the vectors held
        here: at 16,000 passages it takes ~1.3 ms, less than a call to Chroma's HNSW index, and it
        finds the true nearest passages, not approximately. einsum, not `@`: at this size `@` hands
        the product to OpenBLAS's threads, which then spin on both cores and made the next
        question's embedding twice as slow (13 -> 28 ms), the product itself 4 ms."""
        q = np.asarray(query_vec, dtype=np.float32)
        q /= np.linalg.norm(q) or 1.0
        return np.einsum("ij,j->i", self.vectors, q) if len(self.vectors) else np.zeros(0, dtype=np.float32)


class Retriever:
    """Reads the store's current version; reloads by itself after a re-index switches it."""

    def __init__(self, store: Store, embedder: BaseEmbedding):
        self.store = store
        self.embedder = embedder
        self._lock = threading.Lock()
        self._snap = Snapshot()

    @property
    def version(self) -> str | None:
        return self._snap.version

    def snapshot(self) -> Snapshot:
        """The index version to read now, loaded once."""
        version = self.store.version()
        with self._lock:
            if version and version != self._snap.version:
                self._snap = Snapshot.load(self.store, version)
            snap = self._snap
        if not snap.version:
            self.store.collection()  # raises the "no index yet" error
        return snap

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.snapshot().passages

    def search(self, question: str, k: int, query_vec: list[float] | None = None,
               language: str | None = None) -> list[Hit]:
        """The k best passages for a question in `language` (detected when not given)."""
        snap = self.snapshot()
        language = language or lang.detect(question)
        if query_vec is None:
            query_vec = self.embedder.get_query_embedding(question)
        cosine = snap.similarities(query_vec)
        # The question's words and their translations: an English story answers a Portuguese question.
        lexical = snap.bm25.scores(content_terms(question) + content_terms(translated(question)))
        top_lex = [i for i in best_rows(lexical, CANDIDATES) if lexical[i] > 0]
        rows = list(dict.fromkeys([*best_rows(cosine, max(CANDIDATES, k)), *top_lex]))
        lex_max = float(lexical.max(initial=0.0)) or 1.0
        languages = {i: snap.languages.get(snap.passages[i].source, "") for i in rows}
        ranked = sorted(rows, key=lambda i: cosine[i] + cross_lingual_bonus(languages[i], language), reverse=True)
        dense_rank = {i: r for r, i in enumerate(ranked)}
        lex_order = sorted((i for i in rows if lexical[i] > 0), key=lambda i: lexical[i], reverse=True)
        lex_rank = {i: r for r, i in enumerate(lex_order)}
        weight = {i: LEXICAL_WEIGHT_ACROSS if other_language(languages[i], language) else LEXICAL_WEIGHT for i in rows}
        fused = {i: 1 / (RRF_K + dense_rank[i]) + (weight[i] / (RRF_K + lex_rank[i]) if i in lex_rank else 0.0)
                 for i in rows}
        top = sorted(rows, key=fused.__getitem__, reverse=True)[:k]
        return [Hit(snap.passages[i], float(cosine[i]), fused.get(i, 0.0), float(lexical[i]) / lex_max,
                    snap.languages.get(snap.passages[i].source, "")) for i in top + missing_leads(snap, top)]

    def passage(self, passage_id: str) -> Passage | None:
        snap = self.snapshot()
        i = snap.by_id.get(passage_id)
        return snap.passages[i] if i is not None else None

    def neighbours(self, passage: Passage) -> list[Passage]:
        """The passages of the same article, in reading order, for showing a citation in context."""
        return self.story(passage.source)

    def language_of(self, source: str) -> str:
        """The article's language (pt or en), "" when the index holds no such article."""
        return self.snapshot().languages.get(source, "")

    def story(self, source: str) -> list[Passage]:
        """The passages of one article, in reading order."""
        return sorted((p for p in self.snapshot().passages if p.source == source), key=lambda p: p.start)


def best_rows(scores: np.ndarray, k: int) -> list[int]:
    """The rows of the k highest scores, highest first."""
    if k >= len(scores):
        return [int(i) for i in np.argsort(-scores)]
    top = np.argpartition(-scores, k)[:k]
    return [int(i) for i in top[np.argsort(-scores[top])]]


def cross_lingual_bonus(story_language: str, language: str, table: dict[str, float] | None = None) -> float:
    """What a passage in the other language than the question's gets back, by the question's
    language (`table`, CROSS_LINGUAL_BONUS when not given)."""
    bonus = (CROSS_LINGUAL_BONUS if table is None else table).get(language, CROSS_LINGUAL_DEFAULT)
    return bonus * other_language(story_language, language)


def other_language(story_language: str, language: str) -> bool:
    """Whether an article in `story_language` is in another language than a question in `language`
    (an article of unknown language is taken to be in the question's)."""
    return story_language not in ("", language)


def missing_leads(snap: Snapshot, rows: list[int]) -> list[int]:
    """The first paragraph of each article whose headline is among `rows` and it is not. A headline
    matches a question for what its story's first paragraph says, and is no evidence itself: "Que
    país acolhe as conversas?" met "Nós para manter conversas em Paris com europeus", fifth, while
    "…manterá conversas com colegas europeus em Paris ainda na quinta -feira…", eighth, was left
    out and the model answered from "negociações com Moscou"."""
    held, out = set(rows), []
    for i in rows:
        lead = snap.leads.get(i)
        if lead is not None and lead not in held:
            held.add(lead)
            out.append(lead)
    return out


def leads(passages: list[Passage]) -> dict[int, int]:
    """Each article's headline row (a passage that is its title alone) -> its first paragraph's row,
    past a byline or a dateline: "By Tom Hartley, sports reporter" is no lead."""
    rows: dict[str, list[int]] = {}
    for i, p in enumerate(passages):
        rows.setdefault(p.source, []).append(i)
    out = {}
    for story in rows.values():
        story.sort(key=lambda i: passages[i].start)
        lead = next((i for i in story[1:] if not is_page_furniture(passages[i])), None)
        if lead is not None and passages[story[0]].text == passages[story[0]].title:
            out[story[0]] = lead
    return out


def story_languages(passages: list[Passage]) -> dict[str, str]:
    """Each article's language (pt or en), told from its text as a whole: a dateline or a name
    alone says nothing."""
    texts: dict[str, str] = {}
    for p in passages:
        text = texts.get(p.source, "")
        if len(text) < LANGUAGE_SAMPLE_CHARS:
            texts[p.source] = f"{text} {p.text}"
    return {source: lang.detect(text[:LANGUAGE_SAMPLE_CHARS]) for source, text in texts.items()}
