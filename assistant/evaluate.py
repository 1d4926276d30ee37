"""Scores the engine on JSONL question sets: correct, cited, refused when it should, right language, fast."""
from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import lang
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
    out["language_ok"] = got_lang == case.lang
    out["language_reason"] = f"answer in {got_lang}, question in {case.lang}"
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
        "total_ms_p50": _pct(totals, 50), "total_ms_p95": _pct(totals, 95),
        "first_token_ms_p50": _pct(firsts, 50), "first_token_ms_p95": _pct(firsts, 95),
    }


def _pct(values: list[float], q: int) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))], 1)


def run_case(engine, case: Case) -> dict[str, Any]:
    history = [{"role": r, "content": t} for r, t in case.history]
    answer = engine.ask(case.question, history).to_json(full=True)
    return {"id": case.id, "lang": case.lang, "question": case.question, "answerable": case.answerable,
            "gold": case.gold, **answer, "verdict": judge(case, answer)}


def below_floor(summary: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    return [f"{k} {summary.get(k)} < {v}" for k, v in thresholds.items()
            if summary.get(k) is not None and summary[k] < v]


def run_all(engine, cases: list[Case], results_path: Path, progress: bool = True) -> list[dict[str, Any]]:
    from tqdm import tqdm

    rows = []
    with open(results_path, "w", encoding="utf-8") as out, \
            tqdm(cases, desc="eval", unit="case", disable=not progress) as bar:
        for case in bar:
            row = run_case(engine, case)
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
