"""The `assistant` command fails with one clear line on stderr, never a traceback."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant import pipeline
from assistant.store import Store
from conftest import PARIS, make_settings

ASSISTANT = Path(sys.executable).parent / "assistant"
QUESTIONS = {"empty": "", "blank": "   \t ", "huge": "x" * 50_000}


def start(tmp: Path, *args: str, **env: str) -> subprocess.Popen:
    """Start the installed command with its index, articles and cache in tmp and no generator."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    base.update({
        "ASSISTANT_INDEX_DIR": str(tmp / "chroma"),
        "ASSISTANT_ARTICLES_DIR": str(tmp / "articles"),
        "ASSISTANT_CACHE_DIR": str(tmp / "cache"),
        "ASSISTANT_LLM_BACKEND": "extractive",
    })
    base.update(env)
    return subprocess.Popen([str(ASSISTANT), *args], cwd=tmp, env=base, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> subprocess.CompletedProcess:
    try:
        out, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error:"), lines[0]
    return lines[0]


def with_article(root: Path) -> Path:
    (root / "articles").mkdir()
    shutil.copy(PARIS, root / "articles" / PARIS.name)
    return root


@pytest.fixture(scope="module")
def cli(tmp_path_factory, e5):
    """Every command of this module, started at once (each one pays the import time) and collected."""
    indexed = with_article(tmp_path_factory.mktemp("indexed"))
    pipeline.build_index(make_settings(indexed), progress=False, embedder=e5)

    fresh_bad = with_article(tmp_path_factory.mktemp("fresh-bad"))
    (fresh_bad / "articles" / "imagem.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    kept_bad = with_article(tmp_path_factory.mktemp("kept-bad"))
    report = pipeline.build_index(make_settings(kept_bad), progress=False, embedder=e5)
    kept_ids = sorted(p.id for p in Store(make_settings(kept_bad)).all_passages())
    (kept_bad / "articles" / "dados.md").write_bytes(b"# T\x00\x00\x00")

    jobs = {
        **{name: start(indexed, "ask", q) for name, q in QUESTIONS.items()},
        "backend-flag": start(indexed, "ask", "Quem é Witkoff?", "--backend", "nope"),
        "backend-env": start(indexed, "ask", "Quem é Witkoff?", ASSISTANT_LLM_BACKEND="nope"),
        "no-index": start(tmp_path_factory.mktemp("empty"), "ask", "Quem é Witkoff?"),
        "fresh-bad": start(fresh_bad, "index", "--quiet"),
        "kept-bad": start(kept_bad, "index", "--quiet"),
        "missing-dataset": start(indexed, "eval", "--quiet", "--dataset", str(indexed / "nao-existe.jsonl")),
        "json": start(indexed, "ask", "--json", "Quantas pessoas morreram em Sumy?"),
    }
    results = {name: finish(proc) for name, proc in jobs.items()}
    return SimpleNamespace(results=results, indexed=indexed, fresh_bad=fresh_bad, kept_bad=kept_bad,
                           kept_version=report.version, kept_ids=kept_ids)


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_bad_question(cli, name):
    proc = cli.results[name]
    assert_one_line_error(proc)
    assert proc.returncode == 2 and proc.stdout == ""


def test_unknown_backend_flag(cli):
    assert "ASSISTANT_LLM_BACKEND" in assert_one_line_error(cli.results["backend-flag"])


def test_unknown_backend_env(cli):
    assert "ASSISTANT_LLM_BACKEND" in assert_one_line_error(cli.results["backend-env"])


def test_no_index_yet(cli):
    assert "assistant index" in assert_one_line_error(cli.results["no-index"])


def test_binary_file_on_first_index_writes_nothing(cli):
    line = assert_one_line_error(cli.results["fresh-bad"])
    assert str(cli.fresh_bad / "articles" / "imagem.txt") in line
    settings = make_settings(cli.fresh_bad)
    assert not settings.index_dir.exists() or Store(settings).version() is None


def test_binary_file_keeps_the_previous_index(cli):
    line = assert_one_line_error(cli.results["kept-bad"])
    assert "dados.md" in line
    store = Store(make_settings(cli.kept_bad))
    assert store.version() == cli.kept_version
    assert sorted(p.id for p in store.all_passages()) == cli.kept_ids


def test_missing_eval_dataset(cli):
    assert_one_line_error(cli.results["missing-dataset"])


def test_ask_json_prints_one_object(cli):
    proc = cli.results["json"]
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert {"question", "language", "answer", "refused", "citations", "timings_ms", "backend",
            "mode", "notice"} <= set(data)
    assert data["question"] == "Quantas pessoas morreram em Sumy?" and data["language"] == "pt"
    assert data["refused"] is False and "35" in data["answer"]
    assert data["backend"]["llm"] == "extractive" and data["mode"] == "extractive"
    assert {"retrieve", "generate", "total"} <= set(data["timings_ms"])
    text = PARIS.read_bytes().decode("utf-8-sig")
    assert data["citations"]
    for c in data["citations"]:
        assert {"n", "source", "title", "text", "start", "end", "score", "highlights"} <= set(c)
        assert c["text"] == text[c["start"]:c["end"]]
