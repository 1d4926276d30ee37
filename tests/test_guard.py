"""The gate in front of the generator, the rate limiter, credentials, and the service's retries."""
from __future__ import annotations

import base64
import threading
import time

import pytest

from assistant import service as service_mod
from assistant.guard import Busy, Gate, RateLimiter, basic_user, security_headers
from assistant.service import Service, _segments
from assistant.settings import Settings
from assistant.store import StoreError


def test_gate_serializes_and_reports_queue_positions():
    gate = Gate(slots=1, queue_size=5)
    order, positions = [], {}
    start = threading.Barrier(3)

    def worker(name: str, delay: float):
        start.wait()
        time.sleep(delay)
        seen = list(gate.wait(timeout=10, poll=0.05))
        positions[name] = seen
        order.append(name)
        time.sleep(0.2)
        gate.release()

    threads = [threading.Thread(target=worker, args=(n, d)) for n, d in (("a", 0), ("b", 0.05), ("c", 0.1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert order == ["a", "b", "c"]  # first come, first served
    assert positions["a"] == [] and positions["c"] and max(positions["c"]) == 2


def test_gate_full_queue_is_busy_and_wait_times_out():
    gate = Gate(slots=1, queue_size=1)
    list(gate.wait(timeout=1))  # holds the only slot
    waiting = gate.wait(timeout=0.3, poll=0.05)
    next(waiting)  # now queued
    with pytest.raises(Busy):
        next(gate.wait(timeout=1))
    with pytest.raises(TimeoutError):
        for _ in waiting:
            pass
    assert gate.waiting() == 0
    gate.release()


def test_rate_limiter_counts_per_client():
    limiter = RateLimiter(per_minute=2)
    assert [limiter.retry_after("a") for _ in range(3)][:2] == [0, 0]
    assert limiter.retry_after("a") > 0
    assert limiter.retry_after("b") == 0
    assert RateLimiter(per_minute=0).retry_after("a") == 0


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("header,user", [
    (_basic("ana:s3cret"), "ana"), (_basic("rui:pa:ss"), "rui"), (_basic("ana:wrong"), None),
    (_basic("eve:s3cret"), None), ("Basic !!!", None), ("Bearer x", None), ("", None),
])
def test_basic_credentials(header, user):
    assert basic_user(header, Settings(auth="ana:s3cret,rui:pa:ss").users()) == user


def test_frame_ancestors_follow_the_allowlist():
    assert (b"x-frame-options", b"SAMEORIGIN") in security_headers(Settings())
    headers = dict(security_headers(Settings(allowed_origins="https://a.example, https://b.example/")))
    assert headers[b"content-security-policy"] == b"frame-ancestors 'self' https://a.example https://b.example"
    assert b"x-frame-options" not in headers


class _Store:
    def version(self):
        return "v1"


class _Retriever:
    version = "v1"
    store = _Store()


class FlakyEngine:
    """Fails with StoreError `failures` times, then answers."""

    def __init__(self, failures: int):
        self.failures = failures
        self.calls = 0
        self.retriever = _Retriever()
        self.backend = {"llm": "fake", "embedding": "fake"}

    def ask_stream(self, question, history):
        self.calls += 1
        if self.calls <= self.failures:
            raise StoreError("the Chroma store at http://x is unavailable")
        yield {"type": "final", "answer": f"answer to {question}"}


def test_service_retries_while_the_store_is_away(monkeypatch):
    monkeypatch.setattr(service_mod, "STORE_RETRIES", (0.01, 0.01, 0.01))
    engine = FlakyEngine(failures=2)
    assert Service(Settings(), engine).ask("q") == "answer to q"
    assert engine.calls == 3
    with pytest.raises(StoreError):
        Service(Settings(), FlakyEngine(failures=10)).ask("q")


def test_service_releases_the_slot_when_a_reader_leaves():
    service = Service(Settings(), FlakyEngine(failures=0))
    stream = service.stream("q")
    next(stream)
    stream.close()  # the browser went away mid-answer
    assert service.ask("again") == "answer to again"


def test_segments_mark_the_cited_sentence():
    text = "One. Two is cited. Three."
    segs = _segments(text, 100, [[105, 118]])
    assert [(s.text, s.marked) for s in segs] == [("One. ", False), ("Two is cited.", True), (" Three.", False)]
    assert "".join(s.text for s in _segments(text, 100, [[0, 5], [90, 200]])) == text
