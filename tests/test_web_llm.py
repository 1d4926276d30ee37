"""The web app with the default generator (the real GGUF on llama.cpp): the Gradio client, a load of
50 questions from ten clients (the first ten sent at once, queued on the one model), and the answer
streaming into a real browser."""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import cycle, islice

import httpx
import numpy as np
import pytest

from assistant.evaluate import load_cases, matches_must
from servers import OUT, ROOT, assistant_server, launch_browser

pytestmark = pytest.mark.integration

# Plain factual cases from both articles and both languages, which the engine answers right when
# asked one at a time (`assistant eval`): here they check that answers stay right when asked at once
# (the load test's first wave).
CASE_IDS = ["pt-13", "pt-04", "pt-05", "en-07", "en-03", "en-06", "nasa-beatles-deep-space-en-02",
            "nasa-beatles-deep-space-en-03", "nasa-beatles-deep-space-en-04", "nasa-beatles-deep-space-pt-01"]
# The load test's questions: the answerable single-turn cases the engine got right in each of the 11
# full eval runs of 25-26 Nov 2026 (both articles, both languages, 4 cross-article): the load test
# checks that answers stay right under load, not the engine's accuracy, which `assistant eval` measures.
LOAD_IDS = ["pt-02", "pt-05", "pt-06", "pt-07", "pt-08", "pt-09", "pt-11", "pt-15", "pt-16", "pt-17", "pt-18",
            "en-03", "en-06", "en-10", "en-12", "en-13", "en-17"] + [
    f"nasa-beatles-deep-space-{i}" for i in ("en-03", "en-05", "en-06", "en-07", "en-09", "pt-01", "pt-03",
                                             "pt-05", "pt-06", "pt-07", "pt-08", "x-01", "x-02", "x-04")]
LOAD_CLIENTS, LOAD_QUESTIONS = 10, 50


def _model_ready() -> bool:
    from assistant import models
    from assistant.settings import Settings

    return models.is_ready(models.model_path(Settings().cache_dir))


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory):
    if not _model_ready():
        pytest.fail("the default model is not set up: run scripts/setup.sh")
    tmp = tmp_path_factory.mktemp("llm-app")
    # The answer cache off: these tests ask the same questions again and are about the model under
    # load and streaming (the cache has its own tests).
    with assistant_server(tmp, ASSISTANT_LLM_BACKEND="llama-cpp", ASSISTANT_RATE_LIMIT_PER_MINUTE="0",
                          ASSISTANT_ANSWER_CACHE_SIZE="0") as url:
        yield url, tmp


@pytest.fixture(scope="module")
def llm_app(llm_server):
    return llm_server[0]


def test_the_server_warms_up_in_the_background(llm_server):
    """`assistant serve` answers /healthz at once and primes its caches meanwhile (Engine.warm)."""
    _, tmp = llm_server
    logs = list(tmp.glob("serve-*.log"))
    deadline = time.monotonic() + 120
    while "warmed up" not in logs[0].read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    text = logs[0].read_text()
    assert "warmed up (ms)" in text and "'rewrite.en'" in text and "Traceback" not in text, text[-2000:]


def _cases(ids: list[str]):
    found = {c.id: c for c in load_cases(sorted((ROOT / "eval").glob("*.jsonl")))}
    return [found[i] for i in ids]


@pytest.fixture(scope="module")
def cases():
    return _cases(CASE_IDS)


def test_gradio_client_gets_a_generated_cited_answer(llm_app, cases):
    from gradio_client import Client

    case = cases[2]
    result = Client(llm_app, verbose=False).predict(question=case.question, history=[], api_name="/chat")
    assert result["backend"]["llm"] == "llama-cpp" and result["language"] == "pt"
    assert matches_must(result["answer"], case.must)[0], result["answer"]
    assert result["citations"] and "[1]" in result["answer"]


NEXT_QUESTION = "And who met them there?"


def test_browser_sees_evidence_first_then_the_answer(llm_app, cases):
    from playwright.sync_api import sync_playwright

    case = cases[5]  # en-06
    with sync_playwright() as p:
        browser = launch_browser(p)
        page = browser.new_page(locale="en-US")
        page.goto(llm_app + "/")
        page.locator("#question textarea").wait_for(timeout=60_000)
        page.locator("#question textarea").fill(case.question)
        t0 = time.perf_counter()
        page.locator("#send").click()
        bot = page.locator("#chat .bot-row").last
        bot.filter(has_text="“").wait_for(timeout=60_000)  # the quoted evidence, before generation ends
        first_text = time.perf_counter() - t0
        # The reader types the next question while the answer is written: it must not be wiped.
        page.locator("#question textarea").fill(NEXT_QUESTION)
        page.wait_for_timeout(300)
        kept = page.locator("#question textarea").input_value()
        # ...and presses Ask before the answer is done: the question is asked once it is.
        page.locator("#send").click()
        done = ("(n) => { const rows = document.querySelectorAll('#chat .bot-row');"
                " const t = rows.length >= n ? rows[n - 1].innerText.trim() : '';"
                " return t && !['writing the answer', '▍', 'Looking in', 'Waiting for'].some(m => t.includes(m)); }")
        page.wait_for_function(done, arg=1, timeout=120_000)
        full = time.perf_counter() - t0
        text = page.locator("#chat .bot-row").first.inner_text()
        page.wait_for_function(done, arg=2, timeout=120_000)
        asked = page.locator("#chat .user-row").nth(1).inner_text()
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / "chat-llm.png"), full_page=True)
        browser.close()
    assert matches_must(text, case.must)[0], text
    assert kept == NEXT_QUESTION, kept
    assert NEXT_QUESTION in asked, asked
    (OUT / "ui-timings.json").write_text(json.dumps({"first_visible_text_s": round(first_text, 2),
                                                     "full_answer_s": round(full, 2)}))
    print(f"\nUI: first visible text {first_text:.2f} s, full answer {full:.2f} s")


def test_load_fifty_questions_from_ten_clients(llm_app, cases):
    """Issue 6: 50 questions from 10 concurrent clients through the HTTP API, 0 errors, correct answers,
    p95 recorded (test-output/load.json). Each client asks its 5 questions one after the other, so up to
    9 wait for the one model: at ~6 s an answer (p95) that is ~55 s, inside the default 120 s timeout.
    Issue 3's ten simultaneous clients are the first wave: ten questions of both stories and both
    languages (CASE_IDS), all sent before any is answered, each answered as it is alone."""
    questions = cases + list(islice(cycle(_cases(LOAD_IDS)), LOAD_QUESTIONS - len(cases)))

    def client(mine):
        out = []
        with httpx.Client(timeout=300) as http:
            for case in mine:
                sent = time.perf_counter()
                got = http.post(f"{llm_app}/api/ask", json={"question": case.question, "history": []})
                out.append((case, got, sent, time.perf_counter()))
        return out

    t0 = time.perf_counter()
    with ThreadPoolExecutor(LOAD_CLIENTS) as pool:
        shares = [questions[i::LOAD_CLIENTS] for i in range(LOAD_CLIENTS)]
        by_client = list(pool.map(client, shares))
    wall = time.perf_counter() - t0
    first_wave = [mine[0] for mine in by_client]
    results = [(case, got, done - sent) for mine in by_client for case, got, sent, done in mine]
    failed = [(case.id, got.status_code, got.text[:200]) for case, got, _ in results if got.status_code != 200]
    answers = [(case, got.json()) for case, got, _ in results if got.status_code == 200]
    # A refusal has no citations by design; here it is a wrong answer (a false refusal), counted below.
    uncited = [(case.id, a["answer"]) for case, a in answers if not a["refused"] and not a["citations"]]
    wrong = [(case.id, a["answer"]) for case, a in answers if not matches_must(a["answer"], case.must)[0]]
    report = _load_report(results, answers, wall, len(failed), len(wrong))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "load.json").write_text(json.dumps(report, indent=2))
    print(f"\nload: {json.dumps(report)}\nwrong: {wrong}")
    assert [case.id for case, *_ in first_wave] == [case.id for case in cases]
    assert max(sent for *_, sent, _ in first_wave) < min(done for *_, done in first_wave)  # ten at once
    assert len(results) == LOAD_QUESTIONS and not failed, failed
    assert not uncited, uncited
    assert report["correct"] == 1.0, wrong


def _load_report(results, answers, wall: float, errors: int, wrong: int) -> dict:
    """Latency as the clients saw it (queue wait included) and the engine's own time per answer."""
    latency = np.array([s for *_, s in results])
    engine = np.array([a["timings_ms"]["total"] / 1000 for _, a in answers] or [0.0])
    return {"questions": len(results), "clients": LOAD_CLIENTS, "errors": errors,
            "correct": round((len(answers) - wrong) / len(results), 3),
            "refused": sum(a["refused"] for _, a in answers),
            "latency_s": {"p50": round(float(np.percentile(latency, 50)), 2),
                          "p95": round(float(np.percentile(latency, 95)), 2), "max": round(float(latency.max()), 2)},
            "answer_s": {"p50": round(float(np.percentile(engine, 50)), 2),
                         "p95": round(float(np.percentile(engine, 95)), 2)},
            "wall_s": round(wall, 1), "throughput_per_min": round(len(results) / wall * 60, 1)}
