"""Scores the engine on JSONL question sets: correct, cited, refused when it should, right language, fast."""
from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import lang
from .cite import answer_sentences
from .text import fold, strip_accents

# The quality floor of the answer-engine issue; --thresholds may override.
DEFAULT_THRESHOLDS = {
    "correct": 0.90,
    "cited_gold": 0.95,
    "refused_unanswerable": 0.90,
    "language": 1.00,
}
# Greedy: a quoted article sentence may itself contain quotes.
_QUOTED = re.compile(r"“.*”|\"[^\"]*\"", re.DOTALL)


class DatasetError(ValueError):
    pass


@dataclass
class Case:
    id: str
    lang: str
    question: str
    answerable: bool
    must: list[list[str]]
    gold: str
    history: list[list[str]] = field(default_factory=list)


def load_cases(paths: Iterable[Path]) -> list[Case]:
    cases = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DatasetError(f"cannot read dataset {path}: {exc}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                case = Case(id=raw["id"], lang=raw["lang"], question=raw["question"],
                            answerable=bool(raw["answerable"]), must=raw.get("must") or [],
                            gold=raw.get("gold") or "", history=raw.get("history") or [])
            except (ValueError, KeyError, TypeError) as exc:
                raise DatasetError(f"{path}:{n}: not a valid case ({exc})") from None
            if raw.get("needs_review") or not isinstance(raw["answerable"], bool):
                # e.g. exported user feedback (`assistant feedback export`) not yet completed by a reviewer
                raise DatasetError(f"{path}:{n}: case {case.id} is incomplete: a reviewer must set \"answerable\" "
                                   "to true or false, fill in \"must\" and \"gold\", then remove \"needs_review\"")
            for group in case.must:
                for pattern in group:
                    try:
                        re.compile(strip_accents(pattern))
                    except re.error as exc:
                        raise DatasetError(f"{path}:{n}: bad regex {pattern!r}: {exc}") from None
            cases.append(case)
    return cases


def matches_must(answer: str, must: list[list[str]]) -> tuple[bool, str]:
    """Every group must match; accents and case do not count (the pattern keeps its escapes: \\S stays \\S)."""
    text = strip_accents(answer)
    for group in must:
        if not any(re.search(strip_accents(p), text, re.IGNORECASE) for p in group):
            return False, f"no match for {group}"
    return True, "all groups matched"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text)).strip()


def contains_gold(passage: str, gold: str) -> bool:
    return bool(gold) and _norm(gold) in _norm(passage)


def answer_language(answer: str) -> str:
    """The language of the answer's own words; a verbatim quote of the article does not count."""
    return lang.detect(_QUOTED.sub(" ", answer), default="?")


def judge(case: Case, result: dict[str, Any]) -> dict[str, Any]:
    """Rule-based verdicts for one case, each with its reason."""
    answer, refused = result["answer"], result["refused"]
    cited = [c["text"] for c in result["citations"]]
    retrieved = [r["text"] for r in result.get("retrieved", [])]
    out: dict[str, Any] = {}
    got_lang = answer_language(answer)
    # Each sentence on its own: a Portuguese question restated before an English sentence copied
    # from the article reads as Portuguese as a whole.
    others = [s for s in answer_sentences(_QUOTED.sub(" ", answer)) if lang.detect(s, default="?") not in ("?", case.lang)]
    out["language_ok"] = got_lang == case.lang and not others
    out["language_reason"] = f"answer in {got_lang}, question in {case.lang}" + (
        f"; a sentence in the other language: {others[0][:80]!r}" if others else "")
    if case.answerable:
        if refused:
            out["correct"], out["correct_reason"] = False, "refused an answerable question"
        else:
            out["correct"], out["correct_reason"] = matches_must(answer, case.must)
        hits = [contains_gold(t, case.gold) for t in cited]
        out["cited_gold"] = any(hits)
        out["citation_precision"] = (sum(hits) / len(hits)) if hits else 0.0
        out["citation_reason"] = f"{sum(hits)} of {len(hits)} cited passages hold the gold evidence"
        ranks = [i for i, t in enumerate(retrieved, 1) if contains_gold(t, case.gold)]
        out["retrieval_hit"] = bool(ranks)
        out["mrr"] = 1.0 / ranks[0] if ranks else 0.0
        out["false_refusal"] = refused
    else:
        out["refused_ok"] = refused
        out["refusal_reason"] = "refused" if refused else f"answered: {answer[:80]}"
    return out


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]

    def rate(items, key):
        return round(sum(bool(r["verdict"][key]) for r in items) / len(items), 4) if items else None

    totals = [r["timings_ms"]["total"] for r in rows]
    firsts = [r["timings_ms"].get("first_token") for r in rows if r["timings_ms"].get("first_token")]
    return {
        "cases": len(rows), "answerable": len(ans), "unanswerable": len(una),
        "correct": rate(ans, "correct"),
        "cited_gold": rate(ans, "cited_gold"),
        "citation_precision": round(statistics.mean(r["verdict"]["citation_precision"] for r in ans), 4) if ans else None,
        "false_refusals": rate(ans, "false_refusal"),
        "refused_unanswerable": rate(una, "refused_ok"),
        "language": rate(rows, "language_ok"),
        "retrieval_hit": rate(ans, "retrieval_hit"),
        "mrr": round(statistics.mean(r["verdict"]["mrr"] for r in ans), 4) if ans else None,
        **({"faithfulness": rate(judged, "faithful")} if (judged := [r for r in rows if "faithful" in r["verdict"]])
           else {}),
        "total_ms_p50": _pct(totals, 50), "total_ms_p95": _pct(totals, 95),
        "first_token_ms_p50": _pct(firsts, 50), "first_token_ms_p95": _pct(firsts, 95),
    }


def _pct(values: list[float], q: int) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))], 1)


def run_case(engine, case: Case, faith_judge=None) -> dict[str, Any]:
    history = [{"role": r, "content": t} for r, t in case.history]
    answer = engine.ask(case.question, history)
    if hasattr(answer, "to_json"):
        answer = answer.to_json(full=True)
    verdict = judge(case, answer)
    if faith_judge is not None and not answer["refused"] and answer["answer"]:
        verdict["faithful"], verdict["faithful_reason"] = faith_judge(answer)
    return {"id": case.id, "lang": case.lang, "question": case.question, "answerable": case.answerable,
            "gold": case.gold, **answer, "verdict": verdict}


def below_floor(summary: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    return [f"{k} {summary.get(k)} < {v}" for k, v in thresholds.items()
            if summary.get(k) is not None and summary[k] < v]


def run_all(engine, cases: list[Case], results_path: Path, progress: bool = True, desc: str = "eval",
            faith_judge=None) -> list[dict[str, Any]]:
    from tqdm import tqdm

    rows = []
    with open(results_path, "w", encoding="utf-8") as out, \
            tqdm(cases, desc=desc, unit="case", disable=not progress) as bar:
        for case in bar:
            row = run_case(engine, case, faith_judge)
            rows.append(row)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            ok = row["verdict"].get("correct", row["verdict"].get("refused_ok"))
            bar.set_postfix_str(f"{case.id} {'ok' if ok else 'FAIL'}")
    return rows


def table(rows: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    lines = [f"{'id':<34} {'ok':<4} {'cite':<5} {'lang':<5} {'ms':>7}  answer"]
    for r in rows:
        v = r["verdict"]
        ok = v.get("correct", v.get("refused_ok"))
        cite = "-" if not r["answerable"] else ("yes" if v["cited_gold"] else "no")
        lines.append(f"{r['id']:<34} {'ok' if ok else 'FAIL':<4} {cite:<5} {'ok' if v['language_ok'] else 'BAD':<5} "
                     f"{r['timings_ms']['total']:>7.0f}  {r['answer'][:90]!r}")
    lines.append("")
    for key in ("correct", "cited_gold", "citation_precision", "refused_unanswerable", "false_refusals",
                "language", "retrieval_hit", "mrr", "first_token_ms_p50", "total_ms_p50", "total_ms_p95"):
        lines.append(f"{key:<22} {summary.get(key)}")
    return "\n".join(lines)


# -- optional model judge (faithfulness only) ------------------------------------------------------------

JUDGE_ENV = "ASSISTANT_JUDGE_URL"
_JUDGE_PROMPT = ("Passages:\n{passages}\n\nAnswer: {answer}\n\n"
                 "Is every claim of the answer supported by the passages? Reply with one word: yes or no.")


def _post_json(url: str, body: dict[str, Any], timeout: float = 60.0) -> dict[str, Any]:
    import httpx

    resp = httpx.post(url, json=body, timeout=timeout)
    resp.raise_for_status()
    return resp.json()


def make_faith_judge(url: str | None = None):
    """A faithfulness judge asking an OpenAI-compatible server; None (rules only) unless ASSISTANT_JUDGE_URL is set."""
    import os

    url = url if url is not None else os.environ.get(JUDGE_ENV, "")
    if not url:
        return None

    def faith_judge(answer: dict[str, Any]) -> tuple[bool, str]:
        passages = "\n\n".join(c["text"] for c in answer["citations"]) or "(none)"
        body = {"model": "judge", "temperature": 0.0, "max_tokens": 4,
                "messages": [{"role": "user", "content": _JUDGE_PROMPT.format(passages=passages,
                                                                               answer=answer["answer"])}]}
        try:
            reply = _post_json(url.rstrip("/") + "/chat/completions", body)
            word = (reply["choices"][0]["message"]["content"] or "").strip().lower()
        except Exception as exc:  # noqa: BLE001 - a judge failure must not stop the evaluation
            return False, f"judge failed: {type(exc).__name__}: {exc}"
        return word.startswith("yes"), f"judge said {word[:20]!r}"

    faith_judge.url = url  # type: ignore[attr-defined]
    return faith_judge


def judge_label(faith_judge) -> str:
    return f"judge: {faith_judge.url} (faithfulness)" if faith_judge is not None else "judge: rules only"


# -- report.md and report.png ---------------------------------------------------------------------------

QUALITY = ("correct", "cited_gold", "citation_precision", "refused_unanswerable", "false_refusals",
           "language", "retrieval_hit", "mrr", "faithfulness")
LATENCY = ("first_token_ms_p50", "first_token_ms_p95", "total_ms_p50", "total_ms_p95")
LOWER_IS_BETTER = {"false_refusals", *LATENCY}


def failures(row: dict[str, Any]) -> list[str]:
    """The reasons a case failed; empty when it passed."""
    v = row["verdict"]
    out = []
    if row["answerable"]:
        if not v["correct"]:
            out.append(f"not correct: {v['correct_reason']}")
        if not v["cited_gold"]:
            out.append(f"gold not cited: {v['citation_reason']}")
    elif not v["refused_ok"]:
        out.append(f"not refused: {v['refusal_reason']}")
    if not v["language_ok"]:
        out.append(f"language: {v['language_reason']}")
    if v.get("faithful") is False:
        out.append(f"unfaithful: {v['faithful_reason']}")
    if row.get("error"):
        out.append(f"error: {row['error']}")
    return out


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) and abs(value) < 10 else str(value)


def _cell(text: Any, limit: int = 300) -> str:
    text = str(text).replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _ratio(key: str, ours: Any, base: Any) -> str:
    num, den = (base, ours) if key in LATENCY else (ours, base)
    if num is None or den in (None, 0):
        return "–"
    return f"{num / den:.2f}"


def report_markdown(summary: dict[str, Any], rows: list[dict[str, Any]], thresholds: dict[str, float],
                    judge: str = "judge: rules only", baseline: dict[str, Any] | None = None,
                    notes: list[str] = ()) -> str:
    lines = ["# Evaluation report", "",
             f"{summary.get('cases')} cases ({summary.get('answerable')} answerable, "
             f"{summary.get('unanswerable')} unanswerable); backend: {summary.get('backend', '?')}; {judge}.", ""]
    lines += [f"- {n}" for n in notes]
    if notes:
        lines.append("")
    lines += ["## Summary", "", "| metric | value | threshold | result |", "|---|---|---|---|"]
    for key in QUALITY + LATENCY:
        if key not in summary:
            continue
        value, floor = summary.get(key), thresholds.get(key)
        result = "–" if floor is None or value is None else ("pass" if value >= floor else "**FAIL**")
        lines.append(f"| {key} | {_fmt(value)} | {_fmt(floor)} | {result} |")
    if baseline is not None:
        lines += ["", "## Ours vs the LlamaIndex baseline", "",
                  "Ratio: ours/baseline for quality metrics, baseline/ours for latency (above 1: ours is "
                  f"higher, or faster). `false_refusals` is lower-better. {_cell(baseline.get('note', ''))}", "",
                  "| metric | ours | baseline | ratio |", "|---|---|---|---|"]
        for key in QUALITY + LATENCY:
            if key in summary or key in baseline:
                ours, base = summary.get(key), baseline.get(key)
                lines.append(f"| {key} | {_fmt(ours)} | {_fmt(base)} | {_ratio(key, ours, base)} |")
    failed = [(r, failures(r)) for r in rows]
    bad = [(r, f) for r, f in failed if f]
    good = [r for r, f in failed if not f]
    lines += ["", f"## Failures ({len(bad)})", "", "| id | question | answer | reasons |", "|---|---|---|---|"]
    for r, reasons in bad:
        lines.append(f"| {_cell(r['id'])} | {_cell(r['question'])} | {_cell(r['answer'])} | {_cell('; '.join(reasons))} |")
    lines += ["", f"## Passing cases ({len(good)})", "", "| id | question | answer | ms |", "|---|---|---|---|"]
    for r in good:
        lines.append(f"| {_cell(r['id'])} | {_cell(r['question'])} | {_cell(r['answer'], 160)} | "
                     f"{r['timings_ms']['total']:.0f} |")
    return "\n".join(lines) + "\n"


def report_png(path: Path, summary: dict[str, Any], baseline: dict[str, Any] | None = None) -> None:
    """Bar charts of the quality metrics and of latency p50/p95, ours next to the baseline when it ran."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = [("ours", summary)] + ([("baseline", baseline)] if baseline is not None else [])
    quality = [k for k in QUALITY if any(s.get(k) is not None for _, s in series)]
    latency = [k for k in LATENCY if any(s.get(k) is not None for _, s in series)]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5), gridspec_kw={"width_ratios": [2, 1]})
    width = 0.8 / len(series)
    for i, (label, s) in enumerate(series):
        ax1.bar([x + i * width for x in range(len(quality))], [s.get(k) or 0 for k in quality], width, label=label)
        ax2.bar([x + i * width for x in range(len(latency))], [(s.get(k) or 0) / 1000 for k in latency], width,
                label=label)
    ax1.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(quality))], quality, rotation=35,
                   ha="right")
    ax1.set_ylim(0, 1.05)
    ax1.set_title("quality")
    ax2.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(latency))],
                   [k.replace("_ms", "") for k in latency], rotation=35, ha="right")
    ax2.set_ylabel("seconds")
    ax2.set_title("latency")
    for ax in (ax1, ax2):
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_report(out: Path, summary: dict[str, Any], rows: list[dict[str, Any]], thresholds: dict[str, float],
                 judge: str = "judge: rules only", baseline: dict[str, Any] | None = None,
                 notes: list[str] = ()) -> None:
    out = Path(out)
    (out / "report.md").write_text(report_markdown(summary, rows, thresholds, judge, baseline, notes),
                                   encoding="utf-8")
    report_png(out / "report.png", summary, baseline)
