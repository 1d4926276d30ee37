"""Measurements that need a fresh process (thread count fixed before the libraries load, a cold
start, one peak RSS per chain). Run by benchmarks.run; each prints one JSON line on stdout.

    python -m benchmarks.worker index ARTICLES_DIR INDEX_DIR
    python -m benchmarks.worker baseline-index ARTICLES_DIR INDEX_DIR
    python -m benchmarks.worker probe QUESTION            # our chain, stage by stage, from process start
    python -m benchmarks.worker baseline-ask QUESTION     # the stock chain: process start to first answer
    python -m benchmarks.worker import-torch              # what the default path avoids
"""
from __future__ import annotations

import importlib
import json
import os
import sys
import time

T0 = time.perf_counter()
from assistant.settings import force_offline  # noqa: E402

force_offline()  # as `assistant` runs, unless the caller set the threads


def _ms(a: float, b: float | None = None) -> float:
    return round(((b if b is not None else time.perf_counter()) - a) * 1000, 1)


def _settings(**overrides):
    from assistant.settings import Settings

    return Settings(**overrides)


def _import_chromadb() -> float:
    """Chroma's import (~0.8 s, once per process) is start-up, which `ready` measures: it is taken
    out of the indexing timers, for both chains, and reported beside them."""
    t = time.perf_counter()
    importlib.import_module("chromadb")
    return _ms(t)


def cmd_index(articles: str, index_dir: str) -> dict:
    from pathlib import Path

    from assistant.embeddings import make_embedder
    from assistant.pipeline import build_index

    settings = _settings(articles_dir=Path(articles), index_dir=Path(index_dir))
    t = time.perf_counter()
    embedder = make_embedder(settings)
    load_ms = _ms(t)
    import_ms = _import_chromadb()
    t = time.perf_counter()
    report = build_index(settings, rebuild=True, progress=False, embedder=embedder)
    seconds = time.perf_counter() - t
    n_articles = len({p for p in Path(articles).glob("*") if p.is_file() and not p.stem.isupper()})
    return {"passages": report.added, "articles": n_articles, "seconds": round(seconds, 3),
            "passages_per_s": round(report.added / seconds, 2), "embedder_load_ms": load_ms,
            "chromadb_import_ms": import_ms,
            "omp_threads": os.environ.get("OMP_NUM_THREADS")}


def cmd_baseline_index(articles: str, index_dir: str) -> dict:
    """The stock chain's indexing: VectorStoreIndex.from_documents (default splitter) into Chroma."""
    from pathlib import Path

    from assistant.baseline import make_baseline
    from assistant.embeddings import make_embedder

    settings = _settings(articles_dir=Path(articles), index_dir=Path(index_dir))
    embedder = make_embedder(settings)

    from llama_index.core.llms import MockLLM  # make_baseline only needs a generator object to build

    import_ms = _import_chromadb()
    t = time.perf_counter()
    base = make_baseline(settings, embedder, MockLLM(), rebuild=True)
    seconds = time.perf_counter() - t
    nodes = base.collection.count()
    n_articles = len({p for p in Path(articles).glob("*") if p.is_file() and not p.stem.isupper()})
    return {"nodes": nodes, "articles": n_articles, "seconds": round(seconds, 3),
            "nodes_per_s": round(nodes / seconds, 2), "chromadb_import_ms": import_ms, "omp_threads": os.environ.get("OMP_NUM_THREADS")}


def cmd_probe(question: str) -> dict:
    """Our chain from process start: imports, each model load, the first answer and a second one."""
    marks: dict = {}
    t = time.perf_counter()
    from assistant import pipeline
    from assistant.embeddings import make_embedder
    from assistant.llm import make_llm

    marks["import_ms"] = _ms(t)
    settings = _settings()
    t = time.perf_counter()
    embedder = make_embedder(settings)
    marks["embedder_load_ms"] = _ms(t)
    t = time.perf_counter()
    llm = make_llm(settings)
    marks["llm_load_ms"] = _ms(t)
    t = time.perf_counter()
    engine = pipeline.open_engine(settings, embedder=embedder, llm=llm)
    marks["open_index_ms"] = _ms(t)
    t = time.perf_counter()
    first = engine.ask(question)
    marks["first_answer_ms"] = _ms(t)
    marks["first_answer_timings"] = first.timings_ms
    t = time.perf_counter()
    again = engine.ask(question)
    marks["same_question_again_ms"] = _ms(t)
    marks["again_timings"] = again.timings_ms
    marks["ready_to_first_answer_ms"] = _ms(T0)
    marks["torch_imported"] = "torch" in sys.modules
    marks["mode"] = first.mode
    return marks


def cmd_baseline_ask(question: str) -> dict:
    marks = {}
    t = time.perf_counter()
    from assistant import llm as llm_module
    from assistant.baseline import make_baseline
    from assistant.embeddings import make_embedder
    from assistant.llm import make_llm
    from assistant.settings import force_offline

    force_offline()
    from llama_index.core import Settings as LlamaSettings

    # The stock chain loads the GGUF as llama.cpp does by default, the mapped file left resident
    # (dropping its pages is ours, session 23: with it the two processes peak alike).
    llm_module._drop_mapped_pages = lambda model_path: None

    marks["import_ms"] = _ms(t)
    settings = _settings()
    embedder = make_embedder(settings)
    llm = make_llm(settings)
    LlamaSettings.embed_model, LlamaSettings.llm = embedder, llm
    t = time.perf_counter()
    base = make_baseline(settings, embedder, llm)
    marks["open_index_ms"] = _ms(t)
    t = time.perf_counter()
    out = base.ask(question)
    marks["first_answer_ms"] = _ms(t)
    marks["first_answer_timings"] = out["timings_ms"]
    marks["ready_to_first_answer_ms"] = _ms(T0)
    marks["answer"] = out["answer"][:200]
    return marks


def cmd_import_torch() -> dict:
    t = time.perf_counter()
    import torch  # noqa: F401

    return {"import_torch_ms": _ms(t), "version": torch.__version__}


def main(argv: list[str]) -> int:
    cmd, args = argv[0], argv[1:]
    fn = {"index": cmd_index, "baseline-index": cmd_baseline_index, "probe": cmd_probe,
          "baseline-ask": cmd_baseline_ask, "import-torch": cmd_import_torch}[cmd]
    result = fn(*args)
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
