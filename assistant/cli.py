"""The `assistant` command: index, ask, chat, model."""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

from .settings import force_offline

# Whether the user chose the embedder's thread count (force_offline sets the serving default otherwise).
USER_THREADS = os.environ.get("OMP_NUM_THREADS")
force_offline()

EXIT_USAGE = 2
EXIT_FAILED = 1


def _settings(args: argparse.Namespace):
    from pydantic import ValidationError

    from .settings import Settings

    if getattr(args, "backend", None):
        os.environ["ASSISTANT_LLM_BACKEND"] = args.backend
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"ASSISTANT_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        raise UserError(f"bad configuration: {problems}") from None


class UserError(Exception):
    pass


def cmd_index(args: argparse.Namespace) -> int:
    # Serving keeps the embedder to two threads (llama.cpp needs the cores); an index run has the
    # machine to itself, and e5 scales with threads. Set before the embedder's library loads.
    if USER_THREADS is None:
        os.environ["OMP_NUM_THREADS"] = str(os.cpu_count() or 1)
    from .pipeline import build_index

    settings = _settings(args)
    t0 = time.perf_counter()
    report = build_index(settings, [Path(p) for p in args.paths] or None, rebuild=args.rebuild,
                         progress=not args.quiet)
    took = time.perf_counter() - t0
    state = "updated" if report.changed else "already up to date"
    print(f"index {state}: {report.added} added, {report.removed} removed, {report.kept} kept "
          f"({report.version}, {took:.1f} s)")
    return 0


def _read_history(path: str | None) -> list:
    if not path:
        return []
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read history {path}: {exc}") from None
    if not isinstance(data, list):
        raise UserError(f"history {path} must be a JSON list of {{\"role\", \"content\"}} objects")
    return data


def _print_answer(answer) -> None:
    print(answer.answer)
    for c in answer.citations:
        quote = " … ".join(c.text[s - c.start:e - c.start] for s, e in c.highlights) or c.text
        print(f"  [{c.n}] {c.source} ({c.start}-{c.end}): {quote}")


def cmd_ask(args: argparse.Namespace) -> int:
    from .answer import clean_question
    from .pipeline import open_engine

    settings = _settings(args)
    clean_question(args.question, settings.max_question_chars)  # fail fast, before loading models
    history = _read_history(args.history)
    engine = open_engine(settings)
    answer = engine.ask(args.question, history)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
    else:
        _print_answer(answer)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """A terminal conversation: follow-ups keep the history."""
    from .answer import QuestionError
    from .pipeline import open_engine

    engine = open_engine(_settings(args))
    history: list[dict[str, str]] = []
    print("Ask about the articles (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ")
        except EOFError:
            break
        if not question.strip():
            break
        try:
            answer = engine.ask(question, history)
        except QuestionError as exc:
            print(exc)
            continue
        _print_answer(answer)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.answer}]
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Brings the index up to date (building it on first start), then serves the web app."""
    from .pipeline import build_index, open_engine
    from .server import serve
    from .service import Service

    settings = _settings(args)
    report = build_index(settings, progress=not args.quiet)
    state = "updated" if report.changed else "up to date"
    print(f"index {state}: {report.kept + report.added} passages", flush=True)
    service = Service(settings, open_engine(settings))
    threading.Thread(target=service.warm, name="warm-up", daemon=True).start()
    serve(settings, service)
    return 0


def cmd_model(args: argparse.Namespace) -> int:
    from . import models

    settings = _settings(args)
    if args.action == "build-embedder":
        return _build_embedder(settings.cache_dir, args.portable)
    target = models.model_path(settings.cache_dir)
    if args.action == "check":
        if models.is_ready(target):
            print(f"ok: {target}")
            return 0
        print(f"not ready: {target}; {models.FIX_HINT}", file=sys.stderr)
        return EXIT_FAILED
    path = models.fetch(settings.cache_dir, progress=not args.quiet)
    print(f"ready: {path}")
    return 0


def _build_embedder(cache_dir: Path, portable: bool = False) -> int:
    from . import e5engine

    try:
        path = e5engine.build(cache_dir, portable)
    except e5engine.BuildError as exc:
        print(f"embedder engine not built: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"ready: {path}")
    if portable and (avx2 := e5engine.engine_path(cache_dir)) != path and avx2.is_file():
        print(f"ready: {avx2} (for CPUs without AVX-512 VNNI)")
    return 0


def _keep_replies(path: str | None, llm, notes: list[str]):
    """`--replies FILE`: the generator's replies kept by model and prompt, replayed when seen again."""
    if not path:
        return None
    if llm is None:
        notes.append("--replies ignored: the extractive backend has no generator")
        print(notes[-1], file=sys.stderr)
        return None
    from .llm import GenerationError, Replies

    try:
        replies = Replies(Path(path))
    except GenerationError as exc:
        raise UserError(str(exc)) from None
    llm.keep_replies(replies)
    return replies


def cmd_eval(args: argparse.Namespace) -> int:
    from . import evaluate
    from .pipeline import make_embedder, open_engine

    settings = _settings(args)
    datasets = [Path(d) for d in args.dataset] or sorted(Path("eval").glob("*.jsonl"))
    cases = [case for path in datasets for case in evaluate.load_cases([path])[:: args.every]][: args.limit or None]
    thresholds = dict(evaluate.DEFAULT_THRESHOLDS)
    if args.thresholds:
        thresholds.update(json.loads(Path(args.thresholds).read_text()))
    out = Path(args.out or f"eval-out/{time.strftime('%Y%m%d-%H%M%S')}")
    out.mkdir(parents=True, exist_ok=True)
    faith_judge = evaluate.make_faith_judge()
    notes = []
    want_baseline = getattr(args, "baseline", False)
    if want_baseline and settings.llm_backend == "extractive":
        notes.append("baseline skipped: the extractive backend has no generator for the LlamaIndex "
                     "CitationQueryEngine; use --backend llama-cpp or openai-compatible")
        print(notes[-1], file=sys.stderr)
        want_baseline = False
    embedder = make_embedder(settings)
    engine = open_engine(settings, embedder=embedder)
    replies = _keep_replies(args.replies, engine.llm, notes)
    rows = evaluate.run_all(engine, cases, out / "results.jsonl", progress=not args.quiet, faith_judge=faith_judge)
    summary = evaluate.summarize(rows)
    summary["backend"] = engine.backend
    if replies is not None:
        replies.save()
        summary["replies_replayed"], summary["replies_generated"] = replies.hits, replies.misses
        notes.append(f"{replies.hits} generator replies replayed from {replies.path} and {replies.misses} generated"
                     + (": the latency figures leave the replayed generations out" if replies.hits else ""))
        print(notes[-1], file=sys.stderr)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(evaluate.table(rows, summary))
    base_summary = None
    if want_baseline:
        from .baseline import HISTORY_NOTE, BaselineUnavailable, make_baseline

        try:
            base = make_baseline(settings, embedder, engine.llm)
        except BaselineUnavailable as exc:
            notes.append(f"baseline skipped: {exc}")
            print(notes[-1], file=sys.stderr)
        else:
            base_rows = evaluate.run_all(base, cases, out / "results-baseline.jsonl", progress=not args.quiet,
                                         desc="baseline", faith_judge=faith_judge)
            base_summary = evaluate.summarize(base_rows)
            base_summary["backend"] = base.backend
            base_summary["note"] = HISTORY_NOTE
            notes.append(f"baseline: LlamaIndex CitationQueryEngine (stock defaults) over its own collection "
                         f"{base.collection.name!r}; {HISTORY_NOTE}")
            (out / "summary-baseline.json").write_text(json.dumps(base_summary, indent=2, ensure_ascii=False))
            print("\nbaseline (LlamaIndex CitationQueryEngine):")
            print(evaluate.table(base_rows, base_summary))
    evaluate.write_report(out, summary, rows, thresholds, evaluate.judge_label(faith_judge), base_summary, notes)
    failed = evaluate.below_floor(summary, thresholds)
    for line in failed:
        print(f"below the floor: {line}", file=sys.stderr)
    print(f"results in {out} (report.md, report.png)")
    return EXIT_FAILED if failed else 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from .feedback import DB_NAME, FeedbackStore

    settings = _settings(args)
    db = settings.data_dir / DB_NAME
    if args.action == "count":
        if not db.exists():
            print(f"0 feedback records (no database yet at {db})")
            return 0
        counts = FeedbackStore(db).counts()
        print(f"{sum(counts.values())} feedback records: {counts['up']} up, {counts['down']} down ({db})")
        return 0
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not args.force:
        raise UserError(f"{out} exists (a reviewer may be completing it); choose another --out or add --force")
    if not db.exists():
        print(f"no feedback yet (no database at {db}); nothing exported", file=sys.stderr)
        return 0
    rating = None if args.all else "down"
    try:
        written = FeedbackStore(db).export_cases(out or sys.stdout, rating=rating)
    except OSError as exc:
        raise UserError(f"cannot write {out or 'standard output'}: {exc}") from None
    print(f"{written} {'feedback' if args.all else 'down-voted'} cases exported{f' to {out}' if out else ''}: "
          "to be completed by a reviewer (answerable, must, gold; then remove needs_review) before "
          "`assistant eval --dataset`", file=sys.stderr)
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {text!r}")
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="assistant", description="Grounded, cited answers about news articles.")
    sub = p.add_subparsers(dest="command", required=True)

    i = sub.add_parser("index", help="build or update the index of articles")
    i.add_argument("paths", nargs="*", help="article files or folders (default: index/articles)")
    i.add_argument("--rebuild", action="store_true", help="start the index afresh")
    i.add_argument("--quiet", action="store_true", help="no progress bar")
    i.set_defaults(func=cmd_index)

    a = sub.add_parser("ask", help="answer one question")
    a.add_argument("question")
    a.add_argument("--json", action="store_true", help="print one JSON object")
    a.add_argument("--history", help="JSON file: list of {role, content} turns before this question")
    a.add_argument("--backend", help="generator: llama-cpp, openai-compatible or extractive")
    a.set_defaults(func=cmd_ask)

    c = sub.add_parser("chat", help="a conversation in the terminal")
    c.add_argument("--backend", help="generator: llama-cpp, openai-compatible or extractive")
    c.set_defaults(func=cmd_chat)

    e = sub.add_parser("eval", help="score answers on JSONL question sets")
    e.add_argument("--dataset", action="append", default=[], help="JSONL file (repeatable; default eval/*.jsonl)")
    e.add_argument("--out", help="output folder (default eval-out/<timestamp>)")
    e.add_argument("--backend", help="generator: llama-cpp, openai-compatible or extractive")
    e.add_argument("--limit", type=int, default=0, help="only the first N cases")
    e.add_argument("--every", type=_positive, default=1, metavar="N",
                   help="only every Nth case of each set, from its first: a quicker check on the same mix of cases")
    e.add_argument("--thresholds", help="JSON file overriding the quality floor")
    e.add_argument("--quiet", action="store_true")
    e.add_argument("--replies", metavar="FILE",
                   help="keep the generator's replies in FILE by model and prompt, and replay them when seen "
                        "again: a change to the checks is judged in seconds (latency then leaves them out)")
    e.add_argument("--baseline", action="store_true",
                   help="also run the stock LlamaIndex CitationQueryEngine (same embedder and generator) and compare")
    e.set_defaults(func=cmd_eval)

    v = sub.add_parser("serve", help="update the index, then serve the chat, the widget and the API")
    v.add_argument("--backend", help="generator: llama-cpp, openai-compatible or extractive")
    v.add_argument("--quiet", action="store_true", help="no progress bar")
    v.set_defaults(func=cmd_serve)

    m = sub.add_parser("model", help="set up or check the default generator model, or build the "
                       "embedder's C engine with this machine's compiler (faster than the wheel's)")
    m.add_argument("action", choices=["fetch", "check", "build-embedder"])
    m.add_argument("--quiet", action="store_true")
    m.add_argument("--portable", action="store_true",
                   help="build-embedder: also the AVX2 build, for a cache or image that may run on CPUs without AVX-512 VNNI")
    m.set_defaults(func=cmd_model)

    f = sub.add_parser("feedback", help="count users' feedback, or export down-voted answers as eval cases to complete")
    f.add_argument("action", choices=["count", "export"])
    f.add_argument("--out", help="export: JSONL file to write (default: standard output)")
    f.add_argument("--all", action="store_true", help="export: every record, not only the down-voted ones")
    f.add_argument("--force", action="store_true", help="export: overwrite --out if it exists")
    f.set_defaults(func=cmd_feedback)
    return p


def main(argv: list[str] | None = None) -> int:
    from .answer import QuestionError
    from .embeddings import ModelError
    from .evaluate import DatasetError
    from .feedback import FeedbackError, FeedbackStorageError
    from .ingest import IngestError
    from .store import StoreError

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (UserError, QuestionError, DatasetError, FeedbackError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (IngestError, ModelError, StoreError, FeedbackStorageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
