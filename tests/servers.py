"""Starting real servers for tests: `assistant serve` in a subprocess, and a static host page server."""
from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUT = Path(os.environ.get("ASSISTANT_TEST_OUT", ROOT / "test-output"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assistant_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of an `assistant` subprocess with its own index under `tmp`, none of ours leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({"ASSISTANT_INDEX_DIR": str(tmp / "chroma"), "ASSISTANT_ARTICLES_DIR": str(ROOT / "index" / "articles"),
                "OMP_NUM_THREADS": "1"})
    env.update(extra)
    return env


def run_assistant(args: list[str], env: dict[str, str], timeout: int = 1500) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "assistant"), *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


@contextmanager
def assistant_server(tmp: Path, **env_extra: str) -> Iterator[str]:
    """`assistant serve` on a free port with its own index (built at start) and data dir; yields the base URL."""
    with assistant_process(tmp, **env_extra) as (url, _):
        yield url


@contextmanager
def assistant_process(tmp: Path, **env_extra: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """As assistant_server, yielding the process too (a benchmark kills a replica, watches its memory)."""
    port = free_port()
    env = assistant_env(tmp, **{"ASSISTANT_DATA_DIR": str(tmp / "data"), "ASSISTANT_PORT": str(port),
                                "ASSISTANT_LLM_BACKEND": "extractive", **env_extra})
    tmp.mkdir(parents=True, exist_ok=True)
    log = open(tmp / f"serve-{port}.log", "w")
    proc = subprocess.Popen([str(BIN / "assistant"), "serve", "--quiet"], env=env, cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/healthz", proc, "assistant serve", 180, log=_tail(tmp / f"serve-{port}.log"))
        yield url, proc
    finally:
        stop(proc, 15)
        log.close()


def stop(proc: subprocess.Popen, grace: float) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds; a process that already exited is only reaped."""
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(30)


@contextmanager
def chroma_run(path: Path, port: int | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real `chroma run` server on `path`; yields its URL and process (a test may kill it)."""
    port = port or free_port()
    args = ["run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen([str(BIN / "chroma"), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/api/v2/heartbeat", proc, "chroma run", 60, interval=0.2)
        yield url, proc
    finally:
        stop(proc, 30)


@contextmanager
def llama_server(model: Path, log: Path, args: Sequence[str] = ("--n_ctx", "4096", "--n_threads", "2"),
                 timeout: float = 180) -> Iterator[tuple[str, subprocess.Popen]]:
    """llama-cpp-python's OpenAI-compatible server (`python -m llama_cpp.server`, the `server` extra) on
    `model` with `args`, on a free port; yields its /v1 base URL and process."""
    port = free_port()
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), *args,
           "--host", "127.0.0.1", "--port", str(port)]
    # Unbuffered: the log shows each interrupted generation as it happens.
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
        url = f"http://127.0.0.1:{port}/v1"
        try:
            wait_for(f"{url}/models", proc, "llama_cpp.server", timeout, log=_tail(log))
            yield url, proc
        finally:
            stop(proc, 30)


def wait_for(url: str, proc: subprocess.Popen, name: str, timeout: float, interval: float = 0.5,
             log: Callable[[], str] = lambda: "") -> None:
    """Polls `url` until it answers 200; fails at once when `proc` exits, or after `timeout` seconds,
    with the tail of the process's log."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}:\n{log()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(interval)
    raise RuntimeError(f"{name} did not answer {url} within {timeout} s:\n{log()}")


def _tail(path: Path, chars: int = 3000) -> Callable[[], str]:
    return lambda: path.read_text(errors="replace")[-chars:] if path.exists() else ""


@contextmanager
def static_site(folder: Path) -> Iterator[str]:
    """Serves `folder` on another port: a second origin, like an intranet page that embeds the widget."""
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(folder), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def launch_browser(playwright):
    return playwright.chromium.launch(
        executable_path=os.environ.get("ASSISTANT_CHROMIUM", "/usr/bin/chromium"),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"])


NGINX_CONF = """worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  map $http_upgrade $connection_upgrade {{ default upgrade; "" ""; }}
  server {{
    listen 127.0.0.1:{port};
    location {prefix}/ {{
      proxy_pass {upstream}/;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 300s;
    }}
  }}
}}
"""


@contextmanager
def nginx(tmp: Path, upstream: str, prefix: str) -> Iterator[str]:
    """nginx proxying `prefix`/ to `upstream`/, stripping the prefix, as docs/embedding.md shows."""
    port = free_port()
    conf = NGINX_CONF.format(tmp=tmp, port=port, prefix=prefix, upstream=upstream)
    with nginx_running(tmp, conf, f"http://127.0.0.1:{port}{prefix}/healthz"):
        yield f"http://127.0.0.1:{port}{prefix}"


@contextmanager
def nginx_running(tmp: Path, conf: str, probe: str, timeout: float = 20) -> Iterator[subprocess.Popen]:
    """nginx in the foreground on the configuration `conf` (written to tmp/nginx.conf); waits (up to
    `timeout`) until `probe` answers 200."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "nginx.conf").write_text(conf)
    proc = subprocess.Popen(["nginx", "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")],
                            stderr=subprocess.PIPE)
    try:
        # stderr holds what nginx says before it opens its error log; reading it blocks while nginx runs.
        def log() -> str:
            return proc.stderr.read().decode()[-2000:] if proc.poll() is not None else _tail(tmp / "error.log")()

        wait_for(probe, proc, "nginx", timeout, interval=0.2, log=log)
        yield proc
    finally:
        stop(proc, 10)
