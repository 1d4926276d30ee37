"""The answer engine: question -> evidence sentences -> short answer -> citations -> verification.

The small generator is not trusted with grounding: the application picks the evidence, assigns the
citations, checks every number and name against the cited passage, and refuses when the article
does not hold the answer.
"""
from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any, Iterator

import numpy as np
from llama_index.core.base.llms.types import ChatMessage, MessageRole

from . import cite, lang
from .ingest import Passage
from .retrieve import Hit, Retriever
from .settings import Settings
from .text import content_terms

NOT_FOUND = "NOT_FOUND"
# Ways the model says "the excerpts don't say" in its own words.
_MODEL_REFUSAL = re.compile(
    r"NOT_?FOUND|n[aã]o (cont[eé]m|diz|menciona|informa|especifica|h[aá] informa)|"
    r"(does|do) not (contain|say|mention|specify|state|provide)|not (mentioned|specified|stated)|"
    r"no information|sem informa", re.IGNORECASE)


class QuestionError(ValueError):
    """The question cannot be answered as given (empty, too long); the message is for the user."""


@dataclass
class Citation:
    n: int
    source: str
    title: str
    text: str
    start: int
    end: int
    score: float
    passage_id: str
    # Offsets in the source file of the sentence(s) the answer rests on, for highlighting.
    highlights: list[list[int]] = field(default_factory=list)


@dataclass
class Evidence:
    text: str
    hit: int  # index into the retrieved hits
    start: int
    end: int
    score: float


@dataclass
class Answer:
    question: str
    language: str
    answer: str
    refused: bool
    citations: list[Citation]
    timings_ms: dict[str, float]
    backend: dict[str, str]
    standalone_question: str = ""
    mode: str = "generated"  # generated | extractive | refused
    notice: str = ""
    retrieved: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, full: bool = False) -> dict[str, Any]:
        data = asdict(self)
        for c in data["citations"]:
            c.pop("passage_id")
        if not full:
            for key in ("retrieved",):
                data.pop(key)
        return data


def _prompt(name: str, language: str) -> tuple[str, str]:
    text = resources.files("assistant.prompts").joinpath(f"{name}.{language}.txt").read_text(encoding="utf-8")
    system, user = text.split("\n---\n", 1)
    return system.strip(), user.strip()


def clean_question(question: str, max_chars: int) -> str:
    """Control characters out, white space folded; raises QuestionError in the user's language."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in question or "")
    text = re.sub(r"\s+", " ", text).strip()
    language = lang.detect(text)
    if not text:
        raise QuestionError({"pt": "A pergunta está vazia.", "en": "The question is empty."}[language])
    if len(text) > max_chars:
        raise QuestionError({
            "pt": f"A pergunta é longa demais ({len(text)} caracteres; máximo {max_chars}).",
            "en": f"The question is too long ({len(text)} characters; at most {max_chars}).",
        }[language])
    return text


class Engine:
    def __init__(self, settings: Settings, retriever: Retriever, llm: Any | None, embed_label: str):
        self.settings = settings
        self.retriever = retriever
        self.llm = llm
        self.backend = {"llm": settings.llm_backend if llm is not None else "extractive",
                        "embedding": embed_label}

    # -- public --------------------------------------------------------------
    def ask(self, question: str, history: list[dict[str, Any]] | None = None) -> Answer:
        result = None
        for event in self.ask_stream(question, history):
            if event["type"] == "final":
                result = event["answer"]
        assert result is not None
        return result

    def ask_stream(self, question: str, history: list[dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
        """Events: evidence (at once), token (generated text as it comes), final (the checked Answer)."""
        t0 = time.perf_counter()
        question = clean_question(question, self.settings.max_question_chars)
        turns = normalize_history(history, self.settings.max_history_turns)
        language = lang.detect(question, default=_last_user_language(turns))
        standalone = self.rewrite(question, turns, language) if turns else question
        t1 = time.perf_counter()
        hits = self.retriever.search(standalone, self.settings.top_k)
        evidence = self.select_evidence(standalone, hits)
        timings = {"rewrite": _ms(t0, t1), "retrieve": _ms(t1, time.perf_counter())}
        make = _Builder(question, language, standalone, hits, self.backend, timings, t0)
        if not evidence or hits[0].score < self.settings.refuse_below:
            yield make.final(lang.phrase("refusal", language), [], mode="refused")
            return
        yield {"type": "evidence", "evidence": [asdict(e) for e in evidence],
               "extractive": self.extractive(evidence, hits, language, make)}
        if self.llm is None:
            yield make.final(*self.extractive(evidence, hits, language, make), mode="extractive")
            return
        yield from self._generate(question if not turns else standalone, language, evidence, hits, make)

    # -- steps ---------------------------------------------------------------
    def rewrite(self, question: str, turns: list[dict[str, str]], language: str) -> str:
        """A follow-up made standalone; without a generator, the previous question is prepended."""
        previous = [t["content"] for t in turns if t["role"] == "user"]
        fallback = f"{previous[-1]} {question}" if previous else question
        if self.llm is None:
            return fallback
        system, user = _prompt("rewrite", language)
        convo = "\n".join(f"{t['role']}: {t['content'][:400]}" for t in turns[-4:])
        try:
            out = self.llm.chat([ChatMessage(role=MessageRole.SYSTEM, content=system),
                                 ChatMessage(role=MessageRole.USER,
                                             content=user.format(history=convo, question=question))],
                                max_tokens=60).message.content or ""
        except Exception:  # noqa: BLE001 - a failed rewrite still leaves a usable query
            return fallback
        out = out.strip().strip('"').splitlines()[0] if out.strip() else ""
        if not out or len(out) > 3 * len(fallback) + 40 or lang.detect(out, language) != language:
            return fallback
        return out

    def select_evidence(self, question: str, hits: list[Hit]) -> list[Evidence]:
        """The sentences of the retrieved passages that best match the question."""
        candidates = []
        for h, hit in enumerate(hits):
            p = hit.passage
            for s, e in p.sentences or ((p.start, p.end),):
                candidates.append((h, s, e, p.text[s - p.start:e - p.start]))
        if not candidates:
            return []
        q = np.asarray(self.retriever.embedder.get_query_embedding(question))
        vecs = np.asarray(self.retriever.embedder.get_text_embedding_batch([c[3] for c in candidates]))
        sims = vecs @ q / (np.linalg.norm(vecs, axis=1) * np.linalg.norm(q) + 1e-9)
        scored = []
        for (h, s, e, text), sim in zip(candidates, sims):
            rank_bonus = 0.02 * (len(hits) - h)
            scored.append(Evidence(text, h, s, e, float(sim + 0.3 * cite.overlap(question, text) + rank_bonus)))
        scored.sort(key=lambda ev: ev.score, reverse=True)
        top = scored[0].score
        # Close runners-up only: a distant sentence invites the model to borrow its numbers.
        return [ev for ev in scored[: self.settings.evidence_sentences] if ev.score >= top - 0.06]

    def extractive(self, evidence: list[Evidence], hits: list[Hit], language: str,
                   make: "_Builder") -> tuple[str, list[Citation]]:
        best = evidence[0]
        chosen = [best] + [ev for ev in evidence[1:2] if ev.hit == best.hit and ev.score >= best.score - 0.02]
        chosen.sort(key=lambda ev: ev.start)
        quote = " ".join(ev.text for ev in chosen)
        citations = make.citations({best.hit: [(ev.start, ev.end) for ev in chosen]})
        return f"{lang.phrase('quote_intro', language)} “{quote}” [1]", citations

    def _generate(self, question: str, language: str, evidence: list[Evidence], hits: list[Hit],
                  make: "_Builder") -> Iterator[dict[str, Any]]:
        system, user = _prompt("answer", language)
        listing = "\n".join(f"[{i}] {ev.text}" for i, ev in enumerate(evidence, 1))
        messages = [ChatMessage(role=MessageRole.SYSTEM, content=system),
                    ChatMessage(role=MessageRole.USER, content=user.format(evidence=listing, question=question))]
        t_gen = time.perf_counter()
        text = ""
        try:
            for chunk in self.llm.stream_chat(messages):
                if not text:
                    make.timings["first_token"] = _ms(make.t0, time.perf_counter())
                text = chunk.message.content or ""
                yield {"type": "token", "text": cite.strip_markers(text), "delta": chunk.delta}
        except Exception as exc:  # noqa: BLE001 - a broken generator must not break the answer
            make.timings["generate"] = _ms(t_gen, time.perf_counter())
            answer, citations = self.extractive(evidence, hits, language, make)
            notice = f"{lang.phrase('fallback_notice', language)} [{type(exc).__name__}]"
            yield make.final(answer, citations, mode="extractive", notice=notice)
            return
        make.timings["generate"] = _ms(t_gen, time.perf_counter())
        yield self._check(text, language, evidence, hits, make)

    def _check(self, text: str, language: str, evidence: list[Evidence], hits: list[Hit],
               make: "_Builder") -> dict[str, Any]:
        if not text.strip() or _MODEL_REFUSAL.search(text):
            return make.final(lang.phrase("refusal", language), [], mode="refused")
        sentences = cite.answer_sentences(text)
        used = sorted({ev.hit for ev in evidence})
        passages = [hits[h].passage.text for h in used]
        sims = [hits[h].score for h in used]
        bound: dict[int, list[tuple[int, int]]] = {}
        parts = []
        for sentence in sentences:
            support = cite.bind(sentence, passages, sims)
            if support.passage_index is None:
                answer, citations = self.extractive(evidence, hits, language, make)
                return make.final(answer, citations, mode="extractive",
                                  notice="unsupported: " + ", ".join(support.missing))
            h = used[support.passage_index]
            spans = [(ev.start, ev.end) for ev in evidence if ev.hit == h] or \
                [(hits[h].passage.start, hits[h].passage.end)]
            bound.setdefault(h, spans)
            parts.append((sentence, h))
        citations = make.citations(bound)
        number = {c.passage_id: c.n for c in citations}
        answer = " ".join(f"{s} [{number[hits[h].passage.id]}]" for s, h in parts)
        return make.final(answer, citations, mode="generated")


class _Builder:
    """Assembles citations and the final Answer for one question."""

    def __init__(self, question, language, standalone, hits, backend, timings, t0):
        self.question, self.language, self.standalone = question, language, standalone
        self.hits, self.backend, self.timings, self.t0 = hits, backend, timings, t0

    def citations(self, bound: dict[int, list[tuple[int, int]]]) -> list[Citation]:
        out = []
        for n, (h, spans) in enumerate(bound.items(), 1):
            p: Passage = self.hits[h].passage
            out.append(Citation(n=n, source=p.source, title=p.title, text=p.text, start=p.start, end=p.end,
                                score=round(self.hits[h].score, 4), passage_id=p.id,
                                highlights=[list(s) for s in spans]))
        return out

    def final(self, answer: str, citations: list[Citation], mode: str, notice: str = "") -> dict[str, Any]:
        self.timings.setdefault("generate", 0.0)
        self.timings["total"] = _ms(self.t0, time.perf_counter())
        retrieved = [{"id": h.passage.id, "source": h.passage.source, "score": round(h.score, 4),
                      "fused": round(h.fused, 4), "text": h.passage.text} for h in self.hits]
        result = Answer(question=self.question, language=self.language, answer=answer, refused=mode == "refused",
                        citations=citations, timings_ms=self.timings, backend=self.backend,
                        standalone_question=self.standalone, mode=mode, notice=notice, retrieved=retrieved)
        return {"type": "final", "answer": result}


def normalize_history(history: list[Any] | None, max_turns: int) -> list[dict[str, str]]:
    """Accepts [{"role","content"}] (content may be Gradio blocks) or [[role, text]] pairs."""
    turns = []
    for item in history or []:
        if isinstance(item, dict):
            role, content = item.get("role"), item.get("content")
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            role, content = item
        else:
            continue
        if isinstance(content, list):
            content = " ".join(b.get("text", "") for b in content if isinstance(b, dict))
        if role in ("user", "assistant") and isinstance(content, str) and content.strip():
            turns.append({"role": role, "content": content.strip()})
    return turns[-2 * max_turns:] if max_turns else []


def _last_user_language(turns: list[dict[str, str]]) -> str:
    for t in reversed(turns):
        if t["role"] == "user":
            return lang.detect(t["content"])
    return "en"


def _ms(a: float, b: float) -> float:
    return round((b - a) * 1000, 1)
