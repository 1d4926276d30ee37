"""Reliability of the served app on real parts (a real `assistant serve`, the e5 embedder, a real
Chroma): answers while the index is rebuilt, an index run killed half-way, a Chroma server that dies
and comes back, and a whole session that opens no connection leaving the machine."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from servers import ROOT, assistant_env, assistant_server, chroma_run, free_port, run_assistant

pytestmark = pytest.mark.integration

SUMY_PT = "Quantas pessoas morreram no ataque em Sumy?"
POLARIS_EN = "How far away from Earth is Polaris?"
EN_QUESTION = "In which city are the US envoys meeting their European counterparts?"


def _copy_articles(tmp: Path) -> Path:
    """The project's articles in a folder of the test's own, so that one can be edited."""
    folder = tmp / "articles"
    folder.mkdir()
    for path in (ROOT / "index" / "articles").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_bytes().decode("utf-8-sig") for p in folder.glob("*.txt")}


def _cites_a_real_passage(answer: dict, versions: list[dict[str, str]]) -> bool:
    """Every citation is the text at its offsets in one version of its article."""
    return bool(answer["citations"]) and all(
        any(v.get(c["source"], "")[c["start"]:c["end"]] == c["text"] for v in versions) for c in answer["citations"])


class Askers:
    """Threads that ask over and over until stopped, recording (started, finished, question, status, body);
    the question "/healthz" polls the health report instead, recording (status, passages)."""

    def __init__(self, url: str, questions: list[str]):
        self.url, self.results, self.health, self.stop = url, [], [], threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(q,), daemon=True) for q in questions]

    def _run(self, question: str) -> None:
        with httpx.Client(timeout=60) as http:
            while not self.stop.is_set():
                if question == "/healthz":  # a load balancer's probe, polling alongside
                    got = http.get(f"{self.url}/healthz")
                    self.health.append((got.status_code, got.json().get("index", {}).get("passages")))
                    time.sleep(0.1)
                    continue
                t0 = time.time()
                try:
                    got = http.post(f"{self.url}/api/ask", json={"question": question, "history": []})
                except httpx.HTTPError as exc:  # recorded, not lost with the thread
                    self.results.append((t0, time.time(), question, 0, repr(exc)))
                    continue
                body = got.json() if got.headers.get("content-type", "").startswith("application/json") else got.text
                self.results.append((t0, time.time(), question, got.status_code, body))

    def __enter__(self) -> "Askers":
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(90)

    def wait_for(self, count: int, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while len(self.results) < count and time.time() < deadline:
            time.sleep(0.1)
        assert len(self.results) >= count, f"only {len(self.results)} answers in {timeout} s"


# -- a re-index while answering --------------------------------------------------------------------
def test_answers_stay_whole_while_the_index_is_rebuilt(tmp_path):
    articles = _copy_articles(tmp_path)
    paris = articles / "us-europe-paris-talks.pt.txt"
    old = _texts(articles)
    env = {"ASSISTANT_ARTICLES_DIR": str(articles), "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0"}
    with assistant_server(tmp_path, **env) as url:
        before = httpx.get(f"{url}/healthz").json()["index"]
        with Askers(url, [SUMY_PT, SUMY_PT, POLARIS_EN, EN_QUESTION, "/healthz"]) as askers:
            askers.wait_for(8)
            # Twice: the first rebuild of the same text, then one with a changed fact, both under load.
            first = run_assistant(["index", "--rebuild", "--quiet"], assistant_env(tmp_path, **env), timeout=120)
            paris.write_text(old[paris.name].replace("35 pessoas", "36 pessoas"), encoding="utf-8")
            rebuilding = time.time()
            second = run_assistant(["index", "--rebuild", "--quiet"], assistant_env(tmp_path, **env), timeout=120)
            rebuilt = time.time()
            count = len(askers.results)
            askers.wait_for(count + 8)
        after = httpx.get(f"{url}/healthz").json()["index"]
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    results = askers.results
    bad = [(q, status, body) for _, _, q, status, body in results if status != 200]
    assert not bad, bad[:3]
    versions = [old, _texts(articles)]
    assert all(_cites_a_real_passage(body, versions) for *_, body in results)
    sumy = [(t0, t1, body["answer"]) for t0, t1, q, _, body in results if q == SUMY_PT]
    assert all(("35 pessoas" in a) != ("36 pessoas" in a) for *_, a in sumy), sumy
    assert any(t0 < rebuilt and t1 > rebuilding for t0, t1, _ in sumy), "no answer overlapped the rebuild"
    assert all("36 pessoas" in a for t0, _, a in sumy if t0 > rebuilt), "answers after the rebuild are stale"
    # /healthz names the version the last rebuild made, and the index is whole.
    assert after["version"] != before["version"] and after["version"] in second.stdout
    assert after["passages"] == before["passages"]
    assert askers.health and set(askers.health) == {(200, before["passages"])}, set(askers.health)
    # The service retries a store error quietly; none was needed, so none was hidden behind a 200.
    log = next(tmp_path.glob("serve-*.log")).read_text()
    assert "store unavailable" not in log and "Traceback" not in log, log[-2000:]
    print(f"\n{len(results)} answers during two rebuilds, 0 errors")


def _collections(index_dir: Path) -> set[str]:
    code = ("import sys, chromadb; c = chromadb.PersistentClient(sys.argv[1]);"
            "print(' '.join(getattr(x, 'name', x) for x in c.list_collections()))")
    done = subprocess.run([sys.executable, "-c", code, str(index_dir)], capture_output=True, text=True, timeout=60,
                          env=assistant_env(index_dir.parent))
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_killed_index_run_leaves_the_served_index_whole(tmp_path):
    articles = _copy_articles(tmp_path)
    env = {"ASSISTANT_ARTICLES_DIR": str(articles), "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0"}
    with assistant_server(tmp_path, **env) as url:
        before = httpx.get(f"{url}/healthz").json()["index"]
        # A long new article, so that embedding it takes seconds: the run is killed in the middle.
        (articles / "longo.txt").write_text("Notícia longa\n\n" + "\n\n".join(
            f"O fato número {i} aconteceu em Évora, com {i * 3} pessoas." for i in range(300)), encoding="utf-8")
        with Askers(url, [SUMY_PT, POLARIS_EN]) as askers:
            proc = subprocess.Popen([str(Path(sys.executable).parent / "assistant"), "index"], cwd=ROOT,
                                    env=assistant_env(tmp_path, **env), stderr=subprocess.PIPE, text=True)
            seen = ""
            while "embedding passages" not in seen and proc.poll() is None:
                seen += proc.stderr.read(1)
            time.sleep(1)
            assert proc.poll() is None, f"the index run ended before it was killed: {seen}"
            proc.kill()  # no clean-up runs: a crash or a power cut
            proc.wait(30)
            askers.wait_for(len(askers.results) + 4)
        during = httpx.get(f"{url}/healthz").json()["index"]
        orphaned = _collections(tmp_path / "chroma")
        again = run_assistant(["index", "--quiet"], assistant_env(tmp_path, **env), timeout=300)
        after = httpx.get(f"{url}/healthz").json()["index"]
    assert {status for _, _, _, status, _ in askers.results} == {200}
    assert all(_cites_a_real_passage(body, [_texts(articles)]) for *_, body in askers.results)
    assert during == before, "the killed run changed the served index"
    assert again.returncode == 0, again.stderr
    assert after["passages"] > before["passages"] and after["version"] in again.stdout
    # The killed run left a half-built collection; the next run drops it and keeps the one before.
    orphan = orphaned - {"articles.pointer", before["version"]}
    left = _collections(tmp_path / "chroma")
    assert len(orphan) == 1 and not orphan & left and before["version"] in left, (orphaned, left)
    print(f"\nkilled run: {len(askers.results)} answers, 0 errors; the next run: {again.stdout.strip()}")


# -- the Chroma server goes away and comes back ------------------------------------------------------
def _until(check, timeout: float) -> float:
    """Seconds until `check()` is true; fails after `timeout`."""
    t0 = time.time()
    while not check():
        assert time.time() - t0 < timeout, f"not within {timeout} s"
        time.sleep(0.2)
    return time.time() - t0


def _health(url: str) -> int:
    try:
        return httpx.get(f"{url}/healthz", timeout=30).status_code
    except httpx.HTTPError:
        return 0


def test_app_survives_the_chroma_server_going_away_and_back(tmp_path):
    data, port = tmp_path / "chroma-server", free_port()
    ask = {"json": {"question": SUMY_PT, "history": []}}
    with chroma_run(data, port) as (chroma, proc), \
            assistant_server(tmp_path, ASSISTANT_CHROMA_URL=chroma, ASSISTANT_RATE_LIMIT_PER_MINUTE="0") as url:
        assert httpx.get(f"{url}/healthz").json()["store"] == {"ok": True, "where": "server"}
        assert httpx.post(f"{url}/api/ask", timeout=60, **ask).json()["citations"]
        proc.kill()  # a crash, not a clean stop
        proc.wait(30)
        t0 = time.time()
        down = httpx.post(f"{url}/api/ask", timeout=60, **ask)
        answered_in = time.time() - t0
        health = httpx.get(f"{url}/healthz", timeout=30)
        t0 = time.time()
        with chroma_run(data, port):  # the same data on the same port
            chroma_up = time.time() - t0
            healthy_after = chroma_up + _until(lambda: _health(url) == 200, 60)
            back = httpx.post(f"{url}/api/ask", timeout=60, **ask)
            answering_after = time.time() - t0
    assert down.status_code == 503 and down.headers["content-type"] == "application/json"
    assert down.json() == {"error": "the article index is unavailable; try again shortly"}
    assert answered_in < 15, f"the 503 took {answered_in:.1f} s"
    assert health.status_code == 503 and "Traceback" not in health.text
    assert health.json()["status"] == "degraded" and health.json()["store"]["ok"] is False
    assert back.status_code == 200 and back.json()["citations"] and "35 pessoas" in back.json()["answer"]
    print(f"\nchroma down: 503 in {answered_in:.1f} s; restarted: chroma up in {chroma_up:.1f} s, "
          f"/healthz 200 after {healthy_after:.1f} s, an answer after {answering_after:.1f} s")


# -- nothing leaves the machine ---------------------------------------------------------------------
# Loaded by every Python process started with this folder on PYTHONPATH: records each address a
# socket is asked to reach, resolve or bind, one JSON line per event, with the process id. It sees
# Python's socket module only; native code (Chroma's Rust core, the embedder) is covered by CI
# cutting the network instead, which the hook does not need: it records attempts that fail too.
AUDIT_HOOK = """
import json, os, sys

_LOG = os.environ["NET_AUDIT_LOG"]
_EVENTS = {"socket.connect": 1, "socket.getaddrinfo": 0, "socket.gethostbyname": 0, "socket.gethostbyaddr": 0,
           "socket.sendto": 1, "socket.sendmsg": 1, "socket.bind": 1}


def _hook(event, args):
    if event in _EVENTS:
        address = args[_EVENTS[event]]
        if isinstance(address, bytes):
            address = os.fsdecode(address)
        with open(_LOG, "a") as log:
            log.write(json.dumps([os.getpid(), event, address if isinstance(address, (str, tuple, type(None)))
                                  else repr(address)]) + "\\n")


sys.addaudithook(_hook)
"""
LOOPBACK = {"127.0.0.1", "::1", "localhost", "", None}


def _local(event: str, address) -> bool:
    """Loopback, a unix socket path, or a wildcard bind; never a name or address elsewhere."""
    if isinstance(address, str):  # a unix socket path, or a host name given to the resolver
        return address.startswith(("/", "\0")) or address in LOOPBACK
    host = address[0] if address else None
    return host in LOOPBACK or str(host).startswith("127.") or (event == "socket.bind" and host in ("0.0.0.0", "::"))


def test_a_served_session_opens_no_outbound_connection(tmp_path):
    from gradio_client import Client

    hook_dir, log = tmp_path / "hook", tmp_path / "net-audit.jsonl"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(AUDIT_HOOK)
    hooked = {"PYTHONPATH": str(hook_dir), "NET_AUDIT_LOG": str(log)}
    with assistant_server(tmp_path, ASSISTANT_RATE_LIMIT_PER_MINUTE="0", **hooked) as url:
        port = int(url.rsplit(":", 1)[1])
        assert httpx.get(f"{url}/healthz").status_code == 200
        for question in (SUMY_PT, EN_QUESTION):
            answer = httpx.post(f"{url}/api/ask", json={"question": question}, timeout=60).json()
            assert answer["citations"], answer
        assert Client(url, verbose=False).predict(question=POLARIS_EN, history=[], api_name="/chat")["citations"]
        for page in ("/", "/widget/", "/embed.js"):
            assert httpx.get(f"{url}{page}").status_code == 200
        feedback = {k: answer[k] for k in ("question", "answer", "language", "citations", "backend")}
        assert httpx.post(f"{url}/api/feedback", json={"rating": "up", **feedback}).json()["stored"]
        # A process with the same environment reaching the server: the hook records connections.
        probe = f"import socket; socket.create_connection(('127.0.0.1', {port})).close()"
        assert subprocess.run([sys.executable, "-c", probe], env={**assistant_env(tmp_path), **hooked}).returncode == 0
    events = [json.loads(line) for line in log.read_text().splitlines()]
    assert any(e == "socket.connect" and a == ["127.0.0.1", port] for _, e, a in events), "the probe not seen"
    assert any(e == "socket.bind" and a == ["127.0.0.1", port] for _, e, a in events), "the server's bind not seen"
    outside = [(e, a) for _, e, a in events if not _local(e, a)]
    assert not outside, outside
    print(f"\n{len(events)} socket events recorded, all local")
