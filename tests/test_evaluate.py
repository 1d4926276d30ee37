"""The evaluation's rule-based judge, its summary and the dataset loader."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import evaluate
from assistant.evaluate import Case, DatasetError
from conftest import ROOT

SUMY = ("Os esforços contínuos para garantir um cessar -fogo vêm dias depois que um ataque míssil russo matou "
        "pelo menos 35 pessoas e feriu 117 na cidade ucraniana de Sumy.")
KRYVYI = "No início deste mês, pelo menos 18 pessoas morreram em um ataque em uma área residencial em Kryvyi Rih."


def case(**overrides) -> Case:
    values = dict(id="pt-sumy", lang="pt", question="Quantas pessoas morreram em Sumy?", answerable=True,
                  must=[[r"\b35\b"], ["sumy"]], gold="matou pelo menos 35 pessoas")
    values.update(overrides)
    return Case(**values)


def result(answer: str, refused: bool = False, cited=(SUMY,), retrieved=(KRYVYI, SUMY)) -> dict:
    return {"answer": answer, "refused": refused,
            "citations": [{"n": i, "text": t} for i, t in enumerate(cited, 1)],
            "retrieved": [{"text": t} for t in retrieved]}


# -- matching ------------------------------------------------------------------------------------------

def test_matches_must_ignores_accents_and_case():
    ok, reason = evaluate.matches_must("A guerra na UCRÂNIA acabou em Março.", [["ucrania"], ["MARÇO|abril"]])
    assert ok, reason
    ok, _ = evaluate.matches_must("Relações Exteriores", [["relacoes exteriores"]])
    assert ok


def test_matches_must_names_the_failing_group():
    ok, reason = evaluate.matches_must("Pelo menos 18 pessoas morreram em Sumy.", [["sumy"], [r"\b35\b", "trinta"]])
    assert not ok
    assert "35" in reason and "trinta" in reason
    assert evaluate.matches_must("qualquer coisa", []) == (True, "all groups matched")


def test_matches_must_keeps_upper_case_regex_escapes():
    ok, reason = evaluate.matches_must("DSS-63", [[r"^\S+$"]])
    assert ok, reason


def test_contains_gold():
    assert evaluate.contains_gold(SUMY, "MATOU pelo  menos\n35 pessoas")
    assert evaluate.contains_gold("A Ucrânia e a Europa", "ucrania e a europa")
    assert not evaluate.contains_gold(KRYVYI, "matou pelo menos 35 pessoas")
    assert not evaluate.contains_gold(SUMY, "")


def test_answer_language_ignores_quoted_text():
    quote_en = f"According to the article: “{SUMY}” [1]"
    assert evaluate.answer_language(quote_en) == "en"
    quote_pt = 'Segundo o artigo: "the talks are the highest level of engagement since February" [1]'
    assert evaluate.answer_language(quote_pt) == "pt"
    assert evaluate.answer_language("Pelo menos 35 pessoas morreram em Sumy.") == "pt"
    assert evaluate.answer_language("At least 35 people were killed in Sumy.") == "en"
    # the quote would have made it Portuguese if it counted
    assert evaluate.answer_language(f"“{SUMY}”") == "?"


# -- judging -------------------------------------------------------------------------------------------

def test_judge_correct_cited_answer():
    v = evaluate.judge(case(), result("Um ataque russo matou pelo menos 35 pessoas em Sumy. [1]"))
    assert v["correct"] is True
    assert v["cited_gold"] is True and v["citation_precision"] == 1.0
    assert v["language_ok"] is True
    assert v["retrieval_hit"] is True and v["mrr"] == 0.5
    assert v["false_refusal"] is False


def test_judge_wrong_number_fails():
    v = evaluate.judge(case(), result("Pelo menos 18 pessoas morreram em Sumy. [1]", cited=(KRYVYI,)))
    assert v["correct"] is False and "35" in v["correct_reason"]
    assert v["cited_gold"] is False and v["citation_precision"] == 0.0


def test_judge_half_the_citations_hold_the_gold():
    v = evaluate.judge(case(), result("35 pessoas morreram em Sumy [1] e 18 em Kryvyi Rih [2].",
                                      cited=(SUMY, KRYVYI)))
    assert v["correct"] is True and v["cited_gold"] is True and v["citation_precision"] == 0.5


def test_judge_refusing_an_answerable_case_is_a_false_refusal():
    v = evaluate.judge(case(), result("O artigo não diz isso.", refused=True, cited=()))
    assert v["correct"] is False and "refused" in v["correct_reason"]
    assert v["false_refusal"] is True
    assert v["cited_gold"] is False


def test_judge_answering_an_unanswerable_case():
    unanswerable = case(id="pt-un", question="Quem ganhou a Liga dos Campeões?", answerable=False, must=[], gold="")
    v = evaluate.judge(unanswerable, result("O Benfica ganhou a Liga dos Campeões.", cited=()))
    assert v["refused_ok"] is False and "answered" in v["refusal_reason"]
    assert "correct" not in v
    v = evaluate.judge(unanswerable, result("O artigo não diz isso.", refused=True, cited=()))
    assert v["refused_ok"] is True


def test_judge_wrong_language():
    v = evaluate.judge(case(), result("At least 35 people died in Sumy. [1]"))
    assert v["correct"] is True
    assert v["language_ok"] is False and "en" in v["language_reason"]


def test_judge_a_sentence_in_the_other_language_among_the_reader_s():
    """Seen on the tidal article: the Portuguese question restated, then the English sentence
    copied; the answer as a whole reads as Portuguese."""
    mixed = "Quantas pessoas morreram em Sumy? [1] At least 35 people were killed in the city of Sumy. [1]"
    v = evaluate.judge(case(), result(mixed))
    assert v["language_ok"] is False and "other language" in v["language_reason"]
    # a quoted sentence of the article, and a bare name or number, are no language of the answer's
    v = evaluate.judge(case(), result(f"Segundo o artigo: “{SUMY}” [1]"))
    assert v["language_ok"] is True
    assert evaluate.judge(case(), result("O artigo diz: 35 [1] Sumy.")) ["language_ok"] is True


# -- summary -------------------------------------------------------------------------------------------

def row(answerable: bool, verdict: dict, total: float, first: float | None = None) -> dict:
    timings = {"total": total, **({"first_token": first} if first is not None else {})}
    return {"answerable": answerable, "verdict": verdict, "timings_ms": timings}


def good(**kw):
    return {"correct": True, "cited_gold": True, "citation_precision": 1.0, "false_refusal": False,
            "language_ok": True, "retrieval_hit": True, "mrr": 1.0, **kw}


def test_summarize_rates_and_percentiles():
    rows = [
        row(True, good(), 10, 5),
        row(True, good(correct=False, cited_gold=False, citation_precision=0.0, mrr=0.5), 20, 7),
        row(True, good(correct=False, false_refusal=True, cited_gold=False, citation_precision=0.0,
                       retrieval_hit=False, mrr=0.0, language_ok=False), 30),
        row(True, good(citation_precision=0.5), 40, 9),
        row(False, {"refused_ok": True, "language_ok": True}, 50),
    ]
    s = evaluate.summarize(rows)
    assert (s["cases"], s["answerable"], s["unanswerable"]) == (5, 4, 1)
    assert s["correct"] == 0.5
    assert s["cited_gold"] == 0.5
    assert s["citation_precision"] == 0.375
    assert s["false_refusals"] == 0.25
    assert s["refused_unanswerable"] == 1.0
    assert s["language"] == 0.8
    assert s["retrieval_hit"] == 0.75
    assert s["mrr"] == 0.625
    assert s["total_ms_p50"] == 30 and s["total_ms_p95"] == 50
    assert s["first_token_ms_p50"] == 7 and s["first_token_ms_p95"] == 9


def test_summarize_percentiles_of_many():
    rows = [row(False, {"refused_ok": i % 2 == 0, "language_ok": True}, float(i)) for i in range(1, 102)]
    s = evaluate.summarize(rows)
    assert s["total_ms_p50"] == 51 and s["total_ms_p95"] == 96
    assert s["refused_unanswerable"] == round(50 / 101, 4)  # 2, 4, …, 100
    assert s["correct"] is None and s["mrr"] is None and s["first_token_ms_p50"] is None


def test_below_floor():
    summary = {"correct": 0.85, "cited_gold": 0.95, "refused_unanswerable": None, "language": 1.0}
    failed = evaluate.below_floor(summary, evaluate.DEFAULT_THRESHOLDS)
    assert len(failed) == 1 and failed[0].startswith("correct 0.85")
    assert evaluate.below_floor({"correct": 0.95, "cited_gold": 0.96, "language": 1.0},
                                evaluate.DEFAULT_THRESHOLDS) == []
    assert evaluate.below_floor({"correct": 0.99}, {"correct": 1.0}) == ["correct 0.99 < 1.0"]


# -- datasets ------------------------------------------------------------------------------------------

def write(tmp_path: Path, lines: list) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines),
                    encoding="utf-8")
    return path


GOOD = {"id": "a", "lang": "pt", "question": "Quem?", "answerable": True, "must": [["x|y"]], "gold": "x"}


def test_load_cases(tmp_path):
    follow = {**GOOD, "id": "b", "history": [["user", "Quem é Witkoff?"], ["assistant", "Um enviado."]]}
    cases = evaluate.load_cases([write(tmp_path, [GOOD, "", follow])])
    assert [c.id for c in cases] == ["a", "b"]
    assert cases[1].history[0] == ["user", "Quem é Witkoff?"]
    assert cases[0].must == [["x|y"]] and cases[0].answerable is True


@pytest.mark.parametrize("bad", [
    "{not json",
    json.dumps({"id": "x", "lang": "pt", "answerable": True}),  # no question
    json.dumps({**GOOD, "must": [["(unclosed"]]}),
    json.dumps({**GOOD, "must": [["ok", "[z-a]"]]}),
])
def test_load_cases_errors_name_the_line(tmp_path, bad):
    path = write(tmp_path, [GOOD, bad])
    with pytest.raises(DatasetError) as err:
        evaluate.load_cases([path])
    assert f"{path}:2" in str(err.value)


def test_project_datasets_load():
    cases = evaluate.load_cases(sorted((ROOT / "eval").glob("*.jsonl")))
    assert len(cases) >= 10
    assert len({c.id for c in cases}) == len(cases)
    assert {c.lang for c in cases} <= {"pt", "en"}
    assert all(c.must and c.gold for c in cases if c.answerable)
    assert any(not c.answerable for c in cases) and any(c.history for c in cases)


# -- the optional model judge (faithfulness) -------------------------------------------------------------

def test_model_judge_is_off_by_default():
    assert evaluate.make_faith_judge() is None
    assert evaluate.judge_label(None) == "judge: rules only"


def test_model_judge_with_a_fake_server(monkeypatch):
    calls = []

    def fake_post(url, body, timeout=60.0):
        calls.append((url, body))
        return {"choices": [{"message": {"content": "Yes." if "35" in body["messages"][0]["content"].split("Answer:")[-1] else "no"}}]}

    monkeypatch.setattr(evaluate, "_post_json", fake_post)
    monkeypatch.setenv("ASSISTANT_JUDGE_URL", "http://judge.test/v1")
    faith = evaluate.make_faith_judge()
    assert evaluate.judge_label(faith) == "judge: http://judge.test/v1 (faithfulness)"

    class Engine:
        def ask(self, question, history):
            return {**result(question), "timings_ms": {"total": 5.0}}

    rows = [evaluate.run_case(Engine(), case(question=q), faith) for q in ("Morreram 35 em Sumy.", "Morreram 18.")]
    assert calls[0][0] == "http://judge.test/v1/chat/completions"
    assert [r["verdict"]["faithful"] for r in rows] == [True, False]
    assert evaluate.summarize(rows)["faithfulness"] == 0.5
    assert any(reason.startswith("unfaithful") for reason in evaluate.failures(rows[1]))
