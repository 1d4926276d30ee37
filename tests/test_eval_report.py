"""report.md / report.png of `assistant eval`, the LlamaIndex baseline, and `eval --baseline` on the
extractive backend. Fast: the real e5 embedder, a scripted generator, tiny tmp stores."""
from __future__ import annotations

import json
import shutil

import pytest

from assistant import evaluate
from assistant.evaluate import Case
from conftest import PARIS, ScriptedLLM, make_settings

SUMY = ("Os esforços contínuos para garantir um cessar -fogo vêm dias depois que um ataque míssil russo matou "
        "pelo menos 35 pessoas e feriu 117 na cidade ucraniana de Sumy.")
GOOD = Case(id="pt-good", lang="pt", question="Quantas pessoas morreram em Sumy?", answerable=True,
            must=[[r"\b35\b"]], gold="matou pelo menos 35 pessoas")
BAD = Case(id="pt-bad", lang="pt", question="Quantos feridos houve em Sumy?", answerable=True,
           must=[[r"\b117\b"]], gold="feriu 117")


class FakeEngine:
    """Answers from a dict, in the shape evaluate.judge expects (like the baseline does)."""

    def __init__(self, answers):
        self.answers = answers

    def ask(self, question, history):
        return {"answer": self.answers[question], "refused": False, "citations": [{"n": 1, "text": SUMY}],
                "retrieved": [{"text": SUMY, "score": 0.9}], "timings_ms": {"total": 1200.0, "first_token": 300.0},
                "language": "pt"}


def _rows(tmp_path):
    engine = FakeEngine({GOOD.question: "Pelo menos 35 pessoas morreram em Sumy [1].",
                         BAD.question: "Morreram 35 pessoas em Sumy [1]."})
    return evaluate.run_all(engine, [GOOD, BAD], tmp_path / "results.jsonl", progress=False)


def test_report_lists_failures_first_and_draws_a_png(tmp_path):
    rows = _rows(tmp_path)
    summary = evaluate.summarize(rows)
    evaluate.write_report(tmp_path, summary, rows, evaluate.DEFAULT_THRESHOLDS)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| metric | value | threshold | result |" in md
    assert "| correct | 0.500 | 0.900 | **FAIL** |" in md
    assert "judge: rules only" in md
    assert md.index("pt-bad") < md.index("pt-good")
    assert "no match for" in md  # the verdict's reason is in the failure row
    assert (tmp_path / "report.png").read_bytes().startswith(b"\x89PNG")


def test_report_with_a_baseline_side_by_side(tmp_path):
    rows = _rows(tmp_path)
    ours = evaluate.summarize(rows)
    base = dict(ours, correct=0.25, total_ms_p50=2400.0, note="the baseline ignores history")
    evaluate.write_report(tmp_path, ours, rows, evaluate.DEFAULT_THRESHOLDS, baseline=base)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| metric | ours | baseline | ratio |" in md
    assert "| correct | 0.500 | 0.250 | 2.00 |" in md
    assert "| total_ms_p50 | 1200.0 | 2400.0 | 2.00 |" in md
    assert "ignores history" in md
    assert (tmp_path / "report.png").read_bytes().startswith(b"\x89PNG")


def test_baseline_has_its_own_collection_and_answers_in_the_judged_shape(tmp_path, e5):
    from assistant import baseline, pipeline
    from assistant.store import Store

    (tmp_path / "articles").mkdir()
    shutil.copy(PARIS, tmp_path / "articles" / PARIS.name)
    settings = make_settings(tmp_path)
    pipeline.build_index(settings, progress=False, embedder=e5)
    before = Store(settings).info()

    from assistant.llm import GenerationError

    llm = ScriptedLLM(["Pelo menos 35 pessoas morreram em Sumy [1].", "", GenerationError("too slow")])
    engine = baseline.make_baseline(settings, e5, llm)
    assert engine.collection.name == "articles-baseline" != before["version"]
    assert engine.collection.count() > 0

    result = engine.ask(GOOD.question, [{"role": "user", "content": "ignored"}])
    assert set(result) >= {"answer", "refused", "citations", "retrieved", "timings_ms", "language"}
    assert result["refused"] is False and "35" in result["answer"]
    assert result["citations"] and all("text" in c for c in result["citations"])
    assert all({"text", "score"} <= set(r) for r in result["retrieved"])
    assert result["timings_ms"]["total"] > 0 and result["language"] == "pt"
    assert "Sumy" in llm.calls[0][-1]["content"]  # the stock prompt carries the retrieved source
    verdict = evaluate.judge(GOOD, result)
    assert verdict["correct"] and verdict["cited_gold"]
    assert engine.ask(BAD.question, [])["refused"] is True  # an empty answer is the only refusal
    timed_out = engine.ask(BAD.question, [])  # a generator timeout is an empty answer, not a crash
    assert timed_out["refused"] is True and "too slow" in timed_out["error"]

    after = Store(settings)
    assert after.info() == before  # the assistant's index is untouched
    # A second start reuses the collection instead of re-embedding.
    again = baseline.make_baseline(settings, e5, ScriptedLLM([]))
    assert again.collection.count() == engine.collection.count()


def test_baseline_refuses_to_run_without_a_generator(tmp_path, e5):
    from assistant import baseline

    with pytest.raises(baseline.BaselineUnavailable, match="extractive"):
        baseline.make_baseline(make_settings(tmp_path), e5, None)


def test_cli_eval_baseline_on_extractive_is_skipped(tmp_path, monkeypatch, capsys, paris_index, e5):
    from assistant import cli, pipeline

    monkeypatch.setattr(pipeline, "make_embedder", lambda settings: e5)
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(paris_index.index_dir))
    monkeypatch.setenv("ASSISTANT_ARTICLES_DIR", str(paris_index.articles_dir))
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(paris_index.cache_dir))
    data = tmp_path / "one.jsonl"
    data.write_text(json.dumps({"id": GOOD.id, "lang": "pt", "question": GOOD.question, "answerable": True,
                                "must": GOOD.must, "gold": GOOD.gold}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = cli.main(["eval", "--baseline", "--backend", "extractive", "--dataset", str(data), "--out", str(out),
                     "--quiet"])
    err = capsys.readouterr().err
    assert code in (0, 1)
    assert "baseline skipped" in err and "Traceback" not in err
    assert not (out / "results-baseline.jsonl").exists()
    assert "baseline skipped" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "report.png").read_bytes().startswith(b"\x89PNG")
    assert (out / "summary.json").exists() and (out / "results.jsonl").exists()


def test_cli_eval_every_takes_every_nth_case_of_each_set(tmp_path, monkeypatch, capsys, paris_index, e5):
    from assistant import cli, pipeline

    monkeypatch.setattr(pipeline, "make_embedder", lambda settings: e5)
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(paris_index.index_dir))
    monkeypatch.setenv("ASSISTANT_ARTICLES_DIR", str(paris_index.articles_dir))
    monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(paris_index.cache_dir))
    sets = []
    for name, count in (("a", 3), ("b", 2)):
        data = tmp_path / f"{name}.jsonl"
        data.write_text("".join(json.dumps({"id": f"{name}-{n}", "lang": "pt", "question": GOOD.question,
                                            "answerable": True, "must": GOOD.must, "gold": GOOD.gold}) + "\n"
                                for n in range(count)), encoding="utf-8")
        sets += ["--dataset", str(data)]
    out = tmp_path / "out"
    cli.main(["eval", "--backend", "extractive", "--every", "2", "--out", str(out), "--quiet", *sets])
    ids = [json.loads(line)["id"] for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["a-0", "a-2", "b-0"]
    with pytest.raises(SystemExit):
        cli.main(["eval", "--every", "0"])
    assert "--every" in capsys.readouterr().err
