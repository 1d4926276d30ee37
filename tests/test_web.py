"""The web app as users and programs meet it: a real `assistant serve` per configuration, real models
(extractive generator for speed), the Gradio client, plain HTTP, and headless Chromium."""
from __future__ import annotations

import base64
import sqlite3
from pathlib import Path

import httpx
import pytest

from servers import OUT, assistant_server, launch_browser, static_site

PT_QUESTION = "Que ministros ucranianos chegaram a Paris para as discussões?"
EN_QUESTION = "In which city are the US envoys meeting their European counterparts?"
HOSTILE = 'O que disse Trump? <img src=x onerror=alert(1)> <script>alert(2)</script>'


def _basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.fixture(scope="module")
def host_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("host")


@pytest.fixture(scope="module")
def host(host_dir):
    with static_site(host_dir) as url:
        yield url


@pytest.fixture(scope="module")
def app(tmp_path_factory, host) -> str:
    tmp = tmp_path_factory.mktemp("app")
    with assistant_server(tmp, ASSISTANT_ALLOWED_ORIGINS=host, ASSISTANT_RATE_LIMIT_PER_MINUTE="0") as url:
        DATA[url] = tmp / "data"
        yield url


DATA: dict[str, Path] = {}


def _ratings(url: str) -> list[tuple[str, str]]:
    db = DATA[url] / "feedback.sqlite3"
    if not db.exists():
        return []
    return sqlite3.connect(db).execute("select rating, question from feedback").fetchall()


# -- programs -------------------------------------------------------------------------------------
def test_health_reports_index_models_and_store(app):
    report = httpx.get(f"{app}/healthz").json()
    assert report["status"] == "ok"
    assert report["index"]["passages"] > 0 and report["store"]["ok"]
    assert report["models"]["llm"] == "extractive" and "e5" in report["models"]["embedding"].lower()


def test_api_ask_returns_the_cli_json(app):
    got = httpx.post(f"{app}/api/ask", json={"question": PT_QUESTION, "history": []}, timeout=60)
    assert got.status_code == 200
    data = got.json()
    assert set(data) >= {"question", "language", "answer", "refused", "citations", "timings_ms", "backend"}
    assert data["language"] == "pt" and not data["refused"]
    assert "Defesa" in data["answer"] and "[1]" in data["answer"]
    cite = data["citations"][0]
    assert set(cite) >= {"n", "source", "title", "text", "start", "end", "score", "highlights"}


def test_a_question_asked_again_over_http_comes_from_the_cache(app):
    question = {"question": "Quantas pessoas morreram em Sumy?", "history": []}
    first = httpx.post(f"{app}/api/ask", json=question, timeout=60).json()
    again = httpx.post(f"{app}/api/ask", json=question, timeout=60).json()
    assert "cached_from_total" not in first["timings_ms"]
    assert again["timings_ms"]["cached_from_total"] == first["timings_ms"]["total"]
    assert again["answer"] == first["answer"] and again["citations"] == first["citations"]


def test_gradio_client_chat_endpoint(app):
    from gradio_client import Client

    result = Client(app, verbose=False).predict(question=EN_QUESTION, history=[], api_name="/chat")
    assert result["language"] == "en" and "Paris" in result["answer"] and result["citations"]


def test_openapi_docs_and_embed_script(app):
    assert httpx.get(f"{app}/docs").status_code == 200
    assert "/api/ask" in httpx.get(f"{app}/openapi.json").json()["paths"]
    script = httpx.get(f"{app}/embed.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "/widget/" in script.text


@pytest.mark.parametrize("body,status", [
    ({"question": ""}, 422),
    ({"question": "   \x00\x07  "}, 422),
    ({"question": "porque? " * 400}, 422),
    ({"question": "ok", "history": "not a list"}, 422),
    ({"history": []}, 422),
])
def test_api_bad_input_is_a_clear_4xx(app, body, status):
    got = httpx.post(f"{app}/api/ask", json=body, timeout=30)
    assert got.status_code == status
    assert "error" in got.json() or "detail" in got.json()


def test_api_too_large_body_is_413(app):
    got = httpx.post(f"{app}/api/ask", content=b'{"question": "' + b"a" * 1_200_000 + b'"}',
                     headers={"content-type": "application/json"}, timeout=30)
    assert got.status_code == 413 and "too large" in got.json()["error"]


def test_security_headers_and_cors(app, host):
    page = httpx.get(f"{app}/widget/")
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"]
    assert f"frame-ancestors 'self' {host}" == page.headers["content-security-policy"]
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = httpx.options(f"{app}/api/ask", headers={"Origin": host, **preflight})
    assert allowed.headers.get("access-control-allow-origin") == host
    foreign = httpx.options(f"{app}/api/ask", headers={"Origin": "http://evil.example", **preflight})
    assert "access-control-allow-origin" not in foreign.headers
    gradio = httpx.get(f"{app}/gradio_api/info", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in gradio.headers


def test_feedback_api_is_stored(app, tmp_path):
    answer = httpx.post(f"{app}/api/ask", json={"question": EN_QUESTION}, timeout=60).json()
    got = httpx.post(f"{app}/api/feedback", json={"rating": "down", "comment": "too short", **{
        k: answer[k] for k in ("question", "answer", "language", "citations", "backend")}})
    assert got.status_code == 200 and got.json()["stored"]
    assert ("down", EN_QUESTION) in _ratings(app)
    bad = httpx.post(f"{app}/api/feedback", json={"rating": "meh", "question": "q", "answer": "a"})
    assert bad.status_code == 422


# -- people, in a browser --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


def _page(browser, locale="pt-BR"):
    page = browser.new_page(viewport={"width": 1100, "height": 1100}, locale=locale)
    page.outside = []
    page.dialogs = []
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "chrome-error:")) else None)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def _ask(page_or_frame, question: str):
    page_or_frame.locator("#question textarea").fill(question)
    page_or_frame.locator("#send").click()
    bot = page_or_frame.locator("#chat .bot-row").last
    bot.filter(has_text="[1]").wait_for(timeout=60_000)
    return bot


def test_chat_in_browser_cites_and_highlights(app, browser):
    page = _page(browser)
    page.goto(app + "/")
    page.locator("#question textarea").wait_for(timeout=60_000)
    # labels follow the browser's language (Gradio applies them after the first render)
    page.get_by_text("Nova conversa").wait_for(state="visible", timeout=15_000)
    bot = _ask(page, PT_QUESTION)
    assert "Defesa" in bot.inner_text()
    source = page.locator("#chat .thought .title").first
    assert "[1]" in source.inner_text()
    source.click()
    mark = page.locator("#chat mark").first
    mark.wait_for(timeout=10_000)
    assert "ministro da Defesa" in mark.inner_text()
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "chat-pt.png"), full_page=True)
    # a follow-up uses the conversation, and a thumbs-down reaches the server
    page.locator("#chat button[aria-label='Não gostei'], #chat button[aria-label='Dislike']").last.click()
    page.get_by_text("Obrigado pela avaliação").wait_for(timeout=10_000)
    assert ("down", PT_QUESTION) in _ratings(app)
    page.get_by_text("Nova conversa").click()
    page.wait_for_function("document.querySelectorAll('#chat .message-row').length === 0", timeout=10_000)
    assert page.outside == [], f"the page reached outside: {page.outside}"
    page.close()


def test_hostile_question_is_shown_as_text_and_no_script_runs(app, browser):
    page = _page(browser, locale="en-US")
    page.goto(app + "/")
    page.locator("#question textarea").wait_for(timeout=60_000)
    _ask(page, HOSTILE)
    user = page.locator("#chat .user-row").last.inner_text()
    assert "<img src=x onerror=alert(1)>" in user and "<script>alert(2)</script>" in user
    assert page.locator("#chat img[src='x']").count() == 0
    assert page.evaluate("Array.from(document.querySelectorAll('#chat script')).length") == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    page.screenshot(path=str(OUT / "chat-hostile.png"), full_page=True)
    page.close()


def _host_page(folder: Path, app: str, name: str) -> str:
    (folder / name).write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Intranet</title></head>"
        "<body><h1>Intranet news</h1><p>Our page, with the assistant embedded.</p>"
        f"<script src='{app}/embed.js' data-label='Ask the article' defer></script></body></html>")
    return name


def test_widget_embedded_on_an_allowed_origin(app, browser, host, host_dir):
    page = _page(browser, locale="en-US")
    page.goto(f"{host}/{_host_page(host_dir, app, 'allowed.html')}")
    page.locator("#article-assistant-button").click()
    frame = page.frame_locator("#article-assistant-frame")
    frame.locator("#question textarea").wait_for(timeout=60_000)
    bot = _ask(frame, EN_QUESTION)
    assert "Paris" in bot.inner_text()
    page.screenshot(path=str(OUT / "widget.png"))
    page.close()


def test_widget_refused_on_a_foreign_origin(app, browser, host_dir):
    with static_site(host_dir) as foreign:  # another port: another origin, not in the allowlist
        page = _page(browser, locale="en-US")
        page.goto(f"{foreign}/{_host_page(host_dir, app, 'foreign.html')}")
        page.locator("#article-assistant-button").click()
        page.wait_for_timeout(3000)
        frame = page.locator("#article-assistant-frame").element_handle().content_frame()
        assert frame is None or frame.query_selector("#question") is None
        page.close()


# -- locked down ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def locked(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("locked")
    with assistant_server(tmp, ASSISTANT_AUTH="ana:s3cret,rui:pa:ss", ASSISTANT_TRUSTED_USER_HEADER="X-Remote-User",
                          ASSISTANT_RATE_LIMIT_PER_MINUTE="3") as url:
        yield url, tmp / "data"


def test_auth_is_required_on_every_route(locked):
    url, _ = locked
    for path in ("/", "/widget/", "/embed.js", "/docs", "/gradio_api/info"):
        assert httpx.get(url + path, headers={"X-Remote-User": "ana"}).status_code == 401, path
        assert httpx.get(url + path, headers=_basic("ana", "s3cret")).status_code == 401, path  # no proxy user
    assert httpx.get(url + "/", headers={"X-Remote-User": "ana", **_basic("ana", "wrong")}).status_code == 401
    ok = httpx.get(url + "/", headers={"X-Remote-User": "ana", **_basic("rui", "pa:ss")})
    assert ok.status_code == 200
    assert httpx.get(url + "/healthz").status_code == 200  # the liveness probe stays open


def test_authenticated_answer_and_rate_limit(locked):
    url, data = locked
    headers = {"X-Remote-User": "ana", **_basic("ana", "s3cret")}
    codes = []
    for _ in range(4):
        got = httpx.post(f"{url}/api/ask", json={"question": EN_QUESTION}, headers=headers, timeout=60)
        codes.append(got.status_code)
    assert codes == [200, 200, 200, 429]
    assert int(got.headers["retry-after"]) > 0
    first = httpx.post(f"{url}/api/feedback", headers=headers,
                       json={"rating": "up", "question": EN_QUESTION, "answer": "Paris [1]"})
    assert first.status_code == 200
    rows = sqlite3.connect(data / "feedback.sqlite3").execute("select user from feedback").fetchall()
    assert ("ana",) in rows


# -- behind a reverse proxy ----------------------------------------------------------------------
def test_behind_nginx_under_a_sub_path(tmp_path, browser):
    import shutil

    from servers import nginx

    assert shutil.which("nginx"), "nginx is not installed (scripts/setup.sh installs it)"
    with assistant_server(tmp_path, ASSISTANT_ROOT_PATH="/assistant") as direct, \
            nginx(tmp_path / "nginx", direct, "/assistant") as url:
        got = httpx.post(f"{url}/api/ask", json={"question": EN_QUESTION}, timeout=60)
        assert got.status_code == 200 and "Paris" in got.json()["answer"]
        page = _page(browser, locale="en-US")
        for path in ("/", "/widget/"):
            page.goto(url + path)
            page.locator("#question textarea").wait_for(timeout=60_000)
            assert "Paris" in _ask(page, EN_QUESTION).inner_text()
        page.close()
