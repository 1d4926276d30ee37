"""One answering service shared by the chat UI, the widget and the HTTP API: the engine behind a
bounded queue, retries while the store is away, citation context for display, feedback, health."""
from __future__ import annotations

import copy
import logging
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterator

from . import lang
from .answer import Answer, Engine, final_answer, normalize_history
from .guard import Gate, RateLimiter
from .settings import Settings
from .store import StoreError

log = logging.getLogger("assistant")
STORE_RETRIES = (0.5, 1.0, 2.0)  # seconds between attempts while the Chroma server is away


@dataclass
class Segment:
    """A run of article text for display; `marked` when the answer rests on it."""
    text: str
    marked: bool = False


class Service:
    def __init__(self, settings: Settings, engine: Engine):
        self.settings = settings
        self.engine = engine
        self.gate = Gate(settings.concurrency, settings.queue_size)
        self.limiter = RateLimiter(settings.rate_limit_per_minute)
        self._feedback = None
        self.started = time.time()
        self._answers: OrderedDict[tuple[str, str], list[dict[str, Any]]] = OrderedDict()
        self._answers_lock = threading.Lock()

    def warm(self) -> None:
        """Run once in the background as the server starts: the first readers' questions then find
        the caches ready (Engine.warm; ~1-2 s saved on the first question in each language). Holds
        a slot like a question, so it never runs beside one more than `concurrency` allows."""
        try:
            for _ in self.gate.wait(self.settings.request_timeout_s):
                pass
        except Exception as exc:  # noqa: BLE001 - busy from the first second: the questions go first
            log.warning("warm-up skipped: %s", exc)
            return
        try:
            # A reader who comes meanwhile waits for one step at most (~1 s), then goes first.
            log.info("warmed up (ms): %s", self.engine.warm(stop=lambda: self.gate.waiting() > 0))
        except Exception as exc:  # noqa: BLE001 - a failed warm-up only costs the first question time
            log.warning("warm-up failed, the first question will be slower: %s: %s", type(exc).__name__, exc)
        finally:
            self.gate.release()

    # -- answering -----------------------------------------------------------
    def ask(self, question: str, history: list[dict[str, Any]] | None = None) -> Answer:
        return final_answer(self.stream(question, history))

    def stream(self, question: str, history: list[dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
        """The engine's events, preceded by {"type": "queued", "position": n} while waiting for a slot;
        the final one has a "history_notice" when older turns were left out.
        Raises QuestionError (bad question), Busy (queue full), TimeoutError, StoreError.
        A question asked before with no conversation is answered from the cache, without queueing."""
        t0 = time.perf_counter()
        key = self._cache_key(question, history)
        cached = self._cached(key, question, t0)
        if cached:
            yield from cached
            return
        for position in self.gate.wait(self.settings.request_timeout_s):
            yield {"type": "queued", "position": position}
        kept = []
        try:
            for event in self._with_retries(question, history):
                if event["type"] == "final" and self.history_trimmed(history):
                    event = self._with_history_notice(event)
                if key and event["type"] in ("evidence", "final"):
                    kept.append(copy.deepcopy(event))
                yield event
        finally:
            self.gate.release()
        self._keep(key, kept)

    # -- the answer cache ----------------------------------------------------
    def _cache_key(self, question: str, history: list[dict[str, Any]] | None) -> tuple[str, str] | None:
        """The question as written (case and spacing aside) and the index version it was answered
        on; None when it is not to be cached: a follow-up depends on its conversation."""
        text = re.sub(r"\s+", " ", question or "").strip().casefold()
        if not self.settings.answer_cache_size or not text or normalize_history(history, 1):
            return None
        try:
            return text, self._current_version()
        except StoreError:
            return None

    def _current_version(self) -> str:
        """The index version readers use now (a re-index switches it), asked of the store itself."""
        return self.engine.retriever.store.version() or ""

    def _cached(self, key: tuple[str, str] | None, question: str, t0: float) -> list[dict[str, Any]]:
        with self._answers_lock:
            events = self._answers.get(key) if key else None
            if events:
                self._answers.move_to_end(key)
        if not events:
            return []
        events = copy.deepcopy(events)
        answer = events[-1]["answer"]
        took = round((time.perf_counter() - t0) * 1000, 1)
        answer.question = question
        answer.timings_ms = {"retrieve": 0.0, "generate": 0.0, "total": took,
                             "cached_from_total": answer.timings_ms.get("total", 0.0)}
        return events

    def _keep(self, key: tuple[str, str] | None, events: list[dict[str, Any]]) -> None:
        if not key or not events or events[-1]["type"] != "final":
            return
        with self._answers_lock:
            self._answers[key] = events
            while len(self._answers) > self.settings.answer_cache_size:
                self._answers.popitem(last=False)

    def history_trimmed(self, history: list[dict[str, Any]] | None) -> bool:
        """The conversation is longer than the engine reads (settings.max_history_turns; 0 = history off)."""
        limit = self.settings.max_history_turns
        return bool(limit) and len(normalize_history(history, limit + 1)) > 2 * limit

    def _with_history_notice(self, event: dict[str, Any]) -> dict[str, Any]:
        """The engine drops the older turns silently; the user is told, in the answer's language, in its
        `notice` (for the API) and in the event's "history_notice" (for the chat to show)."""
        answer = event["answer"]
        note = lang.phrase("history_trimmed", answer.language).format(n=self.settings.max_history_turns)
        answer.notice = f"{answer.notice} {note}".strip()
        return {**event, "history_notice": note}

    def _with_retries(self, question: str, history: list[dict[str, Any]] | None) -> Iterator[dict[str, Any]]:
        for attempt, pause in enumerate((*STORE_RETRIES, None)):
            started = False
            try:
                for event in self.engine.ask_stream(question, history):
                    started = True
                    yield event
                return
            except StoreError as exc:
                if started or pause is None:
                    raise
                log.warning("store unavailable (attempt %d), retrying in %.1f s: %s", attempt + 1, pause, exc)
                time.sleep(pause)

    # -- display -------------------------------------------------------------
    def context(self, passage_id: str, highlights: list[list[int]], around: int = 1) -> list[list[Segment]]:
        """The cited passage with `around` passages either side, each split into marked and plain runs."""
        retriever = self.engine.retriever
        passage = retriever.passage(passage_id)
        if passage is None:
            return []
        article = retriever.neighbours(passage)
        at = next(i for i, p in enumerate(article) if p.id == passage.id)
        shown = article[max(0, at - around): at + around + 1]
        return [_segments(p.text, p.start, highlights) for p in shown]

    # -- feedback ------------------------------------------------------------
    @property
    def feedback(self):
        if self._feedback is None:
            from .feedback import FeedbackStore

            self._feedback = FeedbackStore.for_settings(self.settings)
        return self._feedback

    def index_version(self) -> str:
        return self.engine.retriever.version or ""

    # -- health --------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        report: dict[str, Any] = {"status": "ok", "uptime_s": round(time.time() - self.started, 1),
                                  "models": dict(self.engine.backend),
                                  "queue": {"waiting": self.gate.waiting(), "limit": self.settings.queue_size}}
        try:
            info = self.engine.retriever.store.info()
            report["index"] = {"version": info["version"], "passages": info["count"],
                               "embed_model": info.get("embed_model")}
            report["store"] = {"ok": True, "where": "server" if self.settings.chroma_url else "embedded"}
        except StoreError as exc:
            report["status"] = "degraded"
            report["store"] = {"ok": False, "error": str(exc)}
        return report


def _segments(text: str, offset: int, highlights: list[list[int]]) -> list[Segment]:
    """Splits a passage (starting at `offset` in its source) at the highlighted source spans."""
    cuts = sorted((max(s - offset, 0), min(e - offset, len(text))) for s, e in highlights
                  if s < offset + len(text) and e > offset)
    out, at = [], 0
    for s, e in cuts:
        if s > at:
            out.append(Segment(text[at:s]))
        if e > max(s, at):
            out.append(Segment(text[max(s, at):e], marked=True))
        at = max(at, e)
    if at < len(text):
        out.append(Segment(text[at:]))
    return out
