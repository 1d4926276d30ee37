"""One command for the performance figures of issue 5 (docs/benchmarks.md).

    .venv/bin/python -m benchmarks                 # everything (~47 min on 2 cores)
    .venv/bin/python -m benchmarks --quick         # a smoke run of every part (~10 min)
    .venv/bin/python -m benchmarks --parts retrieval,answer --limit 20

Prints medians and p95, the ratio against the stock LlamaIndex CitationQueryEngine measured in the
same run (baseline / ours for costs: above 1 means ours is faster or smaller), and pass/fail against
the issue's targets; writes the raw figures to benchmarks/results/<timestamp>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from assistant.settings import force_offline  # noqa: E402

force_offline()  # the engine's environment (embedder threads, no telemetry) before any library loads

from .common import ROOT, log, machine_info, package_versions  # noqa: E402
from .parts import ORDER, PARTS, Context  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"

# (key, label, target text, test) — value in the unit of the label.
TARGETS = {
    "retrieval_15k": ("retrieval p50 at ~15,000 passages (query embedding + Retriever.search)", "≤ 30 ms",
                      lambda v: v <= 30),
    "first_visible": ("first visible grounded text p50 (evidence event)", "≤ 0.5 s", lambda v: v <= 0.5),
    "first_token": ("first generated token p50", "≤ 2.5 s", lambda v: v <= 2.5),
    "total": ("full answer p50", "≤ 6 s", lambda v: v <= 6),
    "ready": ("ready: process start to first answer (assistant ask), p50", "≤ 6 s", lambda v: v <= 6),
    "rss": ("peak RSS of the serving process (max seen)", "≤ 2.5 GB", lambda v: v <= 2.5),
    "index_real": ("indexing, index/articles, `assistant index` default (a thread per core)", "≥ 30 passages/s", lambda v: v >= 30),
    "index_synthetic": ("indexing, synthetic ~15,000 passages", "≥ 30 passages/s", lambda v: v >= 30),
}


def _get(d: dict[str, Any] | None, *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures table: label, ours p50/p95, baseline p50, ratio, target, result."""
    p = results["parts"]
    out: list[dict[str, Any]] = []

    def add(label, p50, p95=None, unit="", base=None, ratio=None, target_key=None):
        row = {"figure": label, "p50": p50, "p95": p95, "unit": unit, "baseline": base, "ratio": ratio,
               "target": None, "pass": None}
        if target_key and p50 is not None:
            row["target"] = TARGETS[target_key][1]
            row["pass"] = bool(TARGETS[target_key][2](p50))
        out.append(row)

    r = p.get("retrieval") or {}
    for scale, key in (("real", None), ("synthetic", "retrieval_15k")):
        s = r.get(scale)
        if not s:
            continue
        base = _get(r, f"baseline_{scale}", "retrieve_with_embedding_ms", "p50")
        add(f"retrieval, {s['passages']} passages: query embedding + search", _get(s, "search_with_embedding_ms", "p50"),
            _get(s, "search_with_embedding_ms", "p95"), "ms", base, r.get(f"ratio_{scale}_baseline_over_ours"), key)
        paired = r.get(f"paired_{scale}")
        if paired:
            add(f"  the same, paired with the stock chain question by question ({s['passages']} passages)",
                _get(paired, "ours_ms", "p50"), _get(paired, "ours_ms", "p95"), "ms", _get(paired, "baseline_ms", "p50"),
                paired.get("ratio_baseline_over_ours"))
        add(f"  of which query embedding ({s['passages']} passages)", _get(s, "query_embedding_ms", "p50"),
            _get(s, "query_embedding_ms", "p95"), "ms")
        add(f"  of which Retriever.search ({s['passages']} passages)", _get(s, "search_ms", "p50"),
            _get(s, "search_ms", "p95"), "ms")
        add(f"retrieve step incl. evidence selection, cold / warm sentence cache ({s['passages']})",
            _get(s, "retrieve_step_cold_ms", "p50"), _get(s, "retrieve_step_warm_ms", "p50"), "ms (p95 col = warm p50)")
        add(f"first search after start: load passages + build BM25 ({s['passages']})", s.get("load_and_bm25_build_ms"),
            None, "ms")
    a = p.get("answer") or {}
    if a:
        b = a.get("baseline") or {}
        rat = a.get("ratios_baseline_over_ours") or {}
        fv = _get(a, "first_visible_ms", "p50")
        add("first visible grounded text (evidence event)", fv / 1000 if fv is not None else None,
            _s(_get(a, "first_visible_ms", "p95")), "s", _s(_get(b, "first_token_ms", "p50")), rat.get("first_visible"),
            "first_visible")
        add("first generated token", _s(_get(a, "first_token_ms", "p50")), _s(_get(a, "first_token_ms", "p95")), "s",
            _s(_get(b, "first_token_ms", "p50")), rat.get("first_token"), "first_token")
        add("full answer", _s(_get(a, "total_ms", "p50")), _s(_get(a, "total_ms", "p95")), "s",
            _s(_get(b, "total_ms", "p50")), rat.get("total_p50"), "total")
        add("full answer p95 vs baseline p95", _s(_get(a, "total_ms", "p95")), None, "s",
            _s(_get(b, "total_ms", "p95")), rat.get("total_p95"))
        # What reading past the cached prefix costs: for the stock chain on two articles, its
        # question; for ours, a new prompt's excerpts and question.
        mine = a.get("ours_on_baseline_questions") or a
        add("first generated token counted from llama.cpp's call (the uncached tail of the prompt)",
            _s(_get(mine, "cached_to_first_token_ms", "p50")), _s(_get(mine, "cached_to_first_token_ms", "p95")), "s",
            _s(_get(b, "cached_to_first_token_ms", "p50")),
            ratio_of(_get(b, "cached_to_first_token_ms", "p50"), _get(mine, "cached_to_first_token_ms", "p50")))
        kv = _get(a, "ideas", "kv_prefix_reuse", "first_token_cache_dropped_ms", "p50")
        bkv = _get(b, "kv_dropped", "first_token_ms", "p50")
        if kv is not None:
            add("first generated token, KV cache dropped before each call (prompts that do not repeat)", _s(kv),
                _s(_get(a, "ideas", "kv_prefix_reuse", "first_token_cache_dropped_ms", "p95")), "s", _s(bkv),
                ratio_of(bkv, kv))
        add("prompt tokens per generator call", _get(a, "prompt_tokens_per_call", "p50"),
            _get(a, "prompt_tokens_per_call", "p95"), "tokens", _get(b, "prompt_tokens_per_call", "p50"),
            rat.get("prompt_tokens_p50"))
    sa = p.get("answer-synthetic") or {}
    if sa:
        b = sa.get("baseline") or {}
        rat = sa.get("ratios_baseline_over_ours") or {}
        n = sa["passages"]
        add(f"first generated token, {n}-passage index ({sa['questions']} questions)",
            _s(_get(sa, "first_token_ms", "p50")), _s(_get(sa, "first_token_ms", "p95")), "s",
            _s(_get(b, "first_token_ms", "p50")), rat.get("first_token"))
        add(f"full answer, {n}-passage index", _s(_get(sa, "total_ms", "p50")), _s(_get(sa, "total_ms", "p95")), "s",
            _s(_get(b, "total_ms", "p50")), rat.get("total_p50"))
        add(f"answers passing the eval's rules, {n}-passage index", sa.get("ok_share"), None, "share", b.get("ok_share"),
            ratio_of(sa.get("ok_share"), b.get("ok_share")))
    rd = p.get("ready") or {}
    h = p.get("http") or {}
    if rd:
        add("ready: `assistant ask` start to answer", _get(rd, "ask_first_answer_s", "p50"),
            _get(rd, "ask_first_answer_s", "p95"), "s", _get(rd, "baseline_first_answer_s", "p50"),
            rd.get("ratio_ready_baseline_over_ours"), "ready")
        setup = rd.get("model_setup") or {}
        if setup.get("ok"):
            steps = setup["steps_s"]
            add("ready, first run, empty cache: fetch + build-embedder + first ask "
                f"({steps['fetch']} + {steps['build_embedder']} + {steps['first_ask']} s)", setup["first_run_ready_s"],
                None, "s")
    rss = [v for v in (_get(rd, "ask_peak_rss_mb", "max"), h.get("peak_rss_mb")) if v]
    if rss:
        add("peak RSS (VmHWM): max of `assistant ask` and `assistant serve` under load", round(max(rss) / 1024, 2),
            None, "GiB", _gib(_get(rd, "baseline_peak_rss_mb", "max")), rd.get("ratio_rss_baseline_over_ours"), "rss")
    ix = p.get("index") or {}
    if ix:
        cores = ix.get("default_threads", 2)
        add(f"indexing index/articles ({_get(ix, f'real_threads_{cores}', 'passages')} passages), {cores} threads: "
            "the `assistant index` default", _get(ix, f"real_threads_{cores}", "passages_per_s", "p50"), None,
            "passages/s", None, None, "index_real")
        add("indexing index/articles, 1 thread (OMP_NUM_THREADS=1)", _get(ix, "real_threads_1", "passages_per_s", "p50"),
            None, "passages/s")
        add(f"indexing index/articles: seconds, {cores} threads (baseline: stock VectorStoreIndex, same threads)",
            _get(ix, f"real_threads_{cores}", "seconds", "p50"), None, "s", _get(ix, "baseline_real", "seconds", "p50"),
            ix.get("ratio_real_time_baseline_over_ours"))
        add(f"indexing synthetic corpus ({_get(ix, 'synthetic', 'passages')} passages, "
            f"{_get(ix, 'synthetic', 'omp_threads')} thread(s))", _get(ix, "synthetic", "passages_per_s"), None,
            "passages/s", None, None, "index_synthetic")
    if h.get("levels"):
        for c, lv in h["levels"].items():
            add(f"HTTP /api/ask, {c} concurrent client(s): latency ({lv['throughput_per_min']} answers/min, "
                f"{lv['ok']}/{lv['requests']} ok)", _s(_get(lv, "latency_ms", "p50")), _s(_get(lv, "latency_ms", "p95")),
                "s")
    elif h.get("skipped"):
        add(f"HTTP concurrency: {h['skipped']}", None)
    rp = p.get("replicas") or {}
    for backend in ("openai-compatible", "extractive"):
        for n, lv in (rp.get(backend) or {}).items():
            generated = "" if backend == "extractive" else (
                f", {lv['modes']['generated']} generated, {lv['llm_cut_short']} generations cut short")
            add(f"replicas N={n} behind nginx, {backend}: latency ({lv['throughput_per_min']} answers/min, "
                f"{lv['errors']} errors in {lv['requests']}{generated})",
                _s(_get(lv, "latency_ms", "p50")), _s(_get(lv, "latency_ms", "p95")), "s")
    for name, kill in (rp.get("kill_one") or {}).items():
        add(f"replicas N=2, one killed after {kill['killed'].get('after_answers')} answers ({name}): "
            f"{kill['errors']} of {kill['requests']} failed at the client", None)
    return out


def ratio_of(base, ours):
    return round(base / ours, 2) if base is not None and ours else None


def _s(ms):
    return round(ms / 1000, 2) if ms is not None else None


def _gib(mb):
    return round(mb / 1024, 2) if mb is not None else None


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.2f}" if abs(v) < 100 else f"{v:.0f}"
    return str(v)


def table(table_rows: list[dict[str, Any]], markdown: bool = False) -> str:
    head = ["figure", "ours p50", "ours p95", "unit", "baseline p50", "baseline/ours", "target", "result"]
    lines = []
    body = [[r["figure"], _fmt(r["p50"]), _fmt(r["p95"]), r["unit"], _fmt(r["baseline"]), _fmt(r["ratio"]),
             r["target"] or "", "" if r["pass"] is None else ("pass" if r["pass"] else "FAIL")] for r in table_rows]
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        lines += ["| " + " | ".join(b) + " |" for b in body]
    else:
        widths = [max(len(str(x[i])) for x in [head] + body) for i in range(len(head))]
        widths[0] = min(widths[0], 78)
        for line in [head] + body:
            lines.append("  ".join(str(x)[:widths[i]].ljust(widths[i]) for i, x in enumerate(line)))
    return "\n".join(lines)


def verdicts(table_rows: list[dict[str, Any]]) -> dict[str, Any]:
    targets = [r for r in table_rows if r["pass"] is not None]
    ratios = [r for r in table_rows if r["ratio"] is not None]
    return {"targets_passed": sum(r["pass"] for r in targets), "targets": len(targets),
            "failed": [r["figure"] for r in targets if not r["pass"]],
            "ahead_of_stock_chain": all(r["ratio"] > 1 for r in ratios) if ratios else None,
            "behind_stock_chain": [f"{r['figure']} ({r['ratio']})" for r in ratios if r["ratio"] <= 1]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a smoke run: few repeats, few questions, 50-article corpus")
    ap.add_argument("--parts", default=",".join(ORDER), help=f"comma-separated subset of {','.join(ORDER)}")
    ap.add_argument("--repeats", type=int, default=5, help="runs of each process-level measurement (default 5)")
    ap.add_argument("--limit", type=int, default=0, help="eval questions for the answer part (default: all of them)")
    ap.add_argument("--baseline-limit", type=int, default=0,
                    help="eval questions for the baseline, spread over both sets (default: in `answer` as many as "
                         "ours, ~9 min, since a spread subset's p50 falls on either side of its cache hits; in "
                         "`answer-synthetic` 24, whose ~2,000-token prompts are read afresh each time)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the stock CitationQueryEngine")
    ap.add_argument("--baseline-synthetic", action="store_true",
                    help="also index and query the synthetic corpus with the stock chain (adds ~15 min)")
    ap.add_argument("--synthetic-articles", type=int, default=0, help="synthetic corpus size (default 1000; quick 50)")
    ap.add_argument("--synthetic-threads", type=int, default=2,
                    help="OMP_NUM_THREADS for indexing the synthetic corpus (default 2: the machine's cores)")
    ap.add_argument("--reuse-synthetic", action="store_true",
                    help="index part: reuse an already built synthetic index instead of timing a fresh build")
    ap.add_argument("--no-model-setup", action="store_true", help="skip timing the model assembly into an empty cache")
    ap.add_argument("--wait-for-server", type=float, default=0, metavar="MIN",
                    help="http part: wait up to MIN minutes for assistant/server.py to appear")
    ap.add_argument("--llm-threads", type=int, default=0, metavar="N",
                    help="replicas part: threads of the LLM server (default: deploy/compose.yaml's, 2); "
                         "1 when another process keeps a core busy")
    ap.add_argument("--workdir", default="/tmp/article-assistant-bench", help="throwaway indexes and corpora")
    ap.add_argument("--out", help="results JSON (default benchmarks/results/<timestamp>[-quick].json)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--show", metavar="JSON", help="print the table of a saved results file and exit")
    args = ap.parse_args(argv)
    # `kill` of a run unwinds like an error: the parts' finally blocks stop the servers they started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.show:
        saved = json.loads(Path(args.show).read_text())
        print(table(rows(saved), markdown=args.markdown))
        return 0

    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        ap.error(f"unknown part(s) {unknown}; choose from {','.join(ORDER)}")
    ctx = Context(work=Path(args.workdir) / ("quick" if args.quick else "full"), quick=args.quick,
                  repeats=args.repeats if not args.quick else 1, limit=args.limit or None,
                  baseline_limit=args.baseline_limit or None,
                  synthetic_articles=args.synthetic_articles or (50 if args.quick else 1000),
                  synthetic_threads=args.synthetic_threads, reuse_synthetic=args.reuse_synthetic,
                  baseline=not args.no_baseline, baseline_synthetic=args.baseline_synthetic,
                  model_setup=not args.no_model_setup, server_wait_s=args.wait_for_server * 60,
                  llm_threads=args.llm_threads or None)
    ctx.work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "quick": args.quick,
                               "argv": sys.argv[1:] if argv is None else argv, "machine": machine_info(),
                               "packages": package_versions(), "parts": {}, "errors": {}}
    log(f"machine: {results['machine']['cpu_model']}, {results['machine']['cores']} cores, "
        f"{results['machine']['ram_gb']} GB, load {results['machine']['loadavg_at_start']}")
    t_all = time.perf_counter()
    for name in [p for p in ORDER if p in parts]:
        log(f"== {name}")
        t = time.perf_counter()
        load_before = list(os.getloadavg())
        try:
            results["parts"][name] = PARTS[name](ctx)
        except Exception as exc:  # noqa: BLE001 - one broken part must not lose the others' figures
            import traceback

            results["errors"][name] = f"{type(exc).__name__}: {exc}"
            log(f"{name} failed: {exc}\n{traceback.format_exc()}")
        results.setdefault("part_seconds", {})[name] = round(time.perf_counter() - t, 1)
        # 1-minute load average before and after: above 2 on this 2-core machine, others were competing.
        results.setdefault("loadavg_1min", {})[name] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    results["seconds"] = round(time.perf_counter() - t_all, 1)
    results["machine"]["loadavg_at_end"] = list(os.getloadavg())
    table_rows = rows(results)
    results["table"] = table_rows
    results["verdicts"] = verdicts(table_rows)
    out = Path(args.out) if args.out else RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}{'-quick' if args.quick else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str))
    m = results["machine"]
    print(f"\nmachine: {m['cpu_model']}, {m['cores']} cores, {m['ram_gb']} GB RAM, AVX-512: "
          f"{'yes' if m['avx512'] else 'no'} (VNNI {'yes' if m['avx512_vnni'] else 'no'}), llama.cpp AVX512 build: "
          f"{m.get('llama_cpp_avx512')}; load average {m['loadavg_at_start']} -> {m['loadavg_at_end']}")
    print(table(table_rows, markdown=args.markdown))
    v = results["verdicts"]
    print(f"\ntargets: {v['targets_passed']}/{v['targets']} passed" + (f"; failed: {v['failed']}" if v["failed"] else ""))
    if v["behind_stock_chain"]:
        print(f"not ahead of the stock chain: {v['behind_stock_chain']}")
    for name, err in results["errors"].items():
        print(f"part {name} failed: {err}")
    print(f"raw results: {out}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
