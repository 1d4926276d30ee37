"""Feedback on answers: stored whole or not at all, from many threads at once, exported as eval cases."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from assistant import cli, evaluate
from assistant.evaluate import DatasetError
from assistant.feedback import (MAX_COMMENT_CHARS, FeedbackError, FeedbackRecord, FeedbackStorageError,
                                FeedbackStore)
from conftest import make_settings

ROOT = Path(__file__).resolve().parents[1]

CITATION = {"n": 1, "source": "us-europe-paris-talks.pt.txt", "title": "Conversas em Paris",
            "text": "O enviado especial de Donald Trump, Steve Witkoff, manterá conversas em Paris.",
            "start": 120, "end": 199, "score": 0.91, "highlights": [[120, 199]]}
ANSWER_JSON = {  # the shape of Answer.to_json()
    "question": "Quem é Steve Witkoff?", "language": "pt", "answer": "O enviado especial de Donald Trump [1].",
    "refused": False, "citations": [CITATION], "timings_ms": {"total": 812.0},
    "backend": {"llm": "llama-cpp", "embedding": "e5"}, "standalone_question": "", "mode": "generated",
    "notice": "",
}


@pytest.fixture
def store(tmp_path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "data" / "feedback.sqlite3")


def add_one(store: FeedbackStore, **overrides) -> int:
    values = dict(rating="down", question="Quem é Steve Witkoff?", answer="Não sei.", language="pt",
                  citations=[CITATION], backend={"llm": "extractive", "embedding": "e5"}, index_version="v-1")
    values.update(overrides)
    return store.add(**values)


def test_round_trip(store):
    rid = store.add(ANSWER_JSON, rating="up", comment="Certo!", index_version="articles-v3", user="ana",
                    client_id="c-1")
    [rec] = store.records()
    assert isinstance(rec, FeedbackRecord) and rec.id == rid
    assert (rec.rating, rec.question, rec.answer, rec.language) == (
        "up", ANSWER_JSON["question"], ANSWER_JSON["answer"], "pt")
    assert rec.citations == [CITATION] and rec.backend == ANSWER_JSON["backend"]
    assert (rec.comment, rec.index_version, rec.user, rec.client_id) == ("Certo!", "articles-v3", "ana", "c-1")
    assert rec.created_at.endswith("+00:00") and "T" in rec.created_at
    assert store.count() == 1 and store.count("up") == 1 and store.count("down") == 0
    assert store.records("down") == []
    # a second handle on the same file sees it: it is on disk, not in a handle
    assert FeedbackStore(store.path).records()[0] == rec


def test_keyword_arguments_take_precedence_and_optional_fields_may_be_missing(store):
    store.add(ANSWER_JSON, rating="down", question="Outra pergunta?")
    rec = store.records()[0]
    assert rec.question == "Outra pergunta?" and rec.answer == ANSWER_JSON["answer"]
    assert (rec.comment, rec.user, rec.client_id, rec.index_version) == (None, None, None, "")


def test_for_settings_uses_the_data_dir(tmp_path):
    settings = make_settings(tmp_path, data_dir=tmp_path / "nested" / "data")
    store = FeedbackStore.for_settings(settings)
    assert store.path == tmp_path / "nested" / "data" / "feedback.sqlite3" and store.path.exists()


@pytest.mark.parametrize("rating", ["meh", "", None, 1, True, "👍"])
def test_bad_rating_is_rejected_and_nothing_is_stored(store, rating):
    with pytest.raises(FeedbackError, match="rating must be 'up' or 'down'"):
        add_one(store, rating=rating)
    assert store.count() == 0


def test_rating_is_normalized(store):
    add_one(store, rating=" Down ")
    assert store.records()[0].rating == "down"


@pytest.mark.parametrize("overrides, message", [
    ({"question": "  "}, "question is empty"),
    ({"question": None}, "question must be a string"),
    ({"question": "x" * 20_001}, "question is too long"),
    ({"citations": "not a list"}, "citations must be a list"),
    ({"citations": [{"n": 1}, "x"]}, "citations must be a list"),
    ({"citations": [{"n": object()}]}, "citations must be plain JSON"),
    ({"citations": [{"score": float("nan")}]}, "citations must be plain JSON"),
    ({"backend": ["llm"]}, "backend must be an object"),
    ({"comment": 42}, "comment must be a string"),
    ({"user": "u" * 201}, "user is too long"),
])
def test_bad_fields_are_rejected_with_a_clear_message(store, overrides, message):
    with pytest.raises(FeedbackError, match=message):
        add_one(store, **overrides)
    assert store.count() == 0


def test_feedback_error_is_a_value_error():
    assert issubclass(FeedbackError, ValueError)


def test_comment_is_sanitized_and_bounded(store):
    add_one(store, comment="  errado\x00 \x1b[31mvermelho\x1b[0m\u202e\r\nlinha 2\x07  ")
    assert store.records()[0].comment == "errado [31mvermelho[0m\nlinha 2"
    add_one(store, comment="é" * (MAX_COMMENT_CHARS + 500))
    assert store.records()[1].comment == "é" * MAX_COMMENT_CHARS
    add_one(store, comment=" \x00\t ")  # nothing left: no comment
    assert store.records()[2].comment is None
    add_one(store, user="ana\x00\n", client_id="\u200bc-9")
    assert (store.records()[3].user, store.records()[3].client_id) == ("ana", "c-9")


def test_wal_mode_and_full_sync(store):
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn = store._connect()
    try:
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        conn.close()


def test_ids_are_never_reused(store):
    first = add_one(store)
    with sqlite3.connect(store.path) as conn:
        conn.execute("DELETE FROM feedback")
    assert add_one(store) > first


@pytest.mark.parametrize("sharing", ["shared", "per-thread"])
def test_concurrent_writers_lose_nothing(tmp_path, sharing):
    """A web server: 20 request threads at once, each adding 25 records (one shared store, or one each)."""
    path = tmp_path / "feedback.sqlite3"
    shared = FeedbackStore(path)
    threads, per_thread = 20, 25
    start = threading.Barrier(threads)
    ids: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(t: int) -> None:
        try:
            store = shared if sharing == "shared" else FeedbackStore(path)
            start.wait()
            for i in range(per_thread):
                rid = add_one(store, rating="up" if i % 2 else "down", question=f"pergunta {t}-{i}?",
                              client_id=f"t{t}")
                with lock:
                    ids.append(rid)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join(timeout=120)
    assert not errors, errors[:3]
    assert len(ids) == len(set(ids)) == threads * per_thread
    records = FeedbackStore(path).records()
    assert len(records) == 500 and {r.id for r in records} == set(ids)
    assert {r.question for r in records} == {f"pergunta {t}-{i}?" for t in range(threads) for i in range(per_thread)}
    assert shared.count("down") == 260  # i = 0, 2, …, 24: 13 per thread


def test_an_exception_mid_transaction_leaves_no_row(store, monkeypatch):
    add_one(store, question="antes?")
    original = FeedbackStore._insert

    def insert_then_fail(self, conn, row):
        original(self, conn, row)
        assert conn.in_transaction
        raise RuntimeError("the writer died after the INSERT, before the COMMIT")

    monkeypatch.setattr(FeedbackStore, "_insert", insert_then_fail)
    with pytest.raises(RuntimeError, match="before the COMMIT"):
        add_one(store, question="perdida?")
    monkeypatch.undo()
    assert [r.question for r in store.records()] == ["antes?"]
    add_one(store, question="depois?")  # the lock was released: the next writer goes through at once
    assert [r.question for r in store.records()] == ["antes?", "depois?"]


def test_a_killed_writer_process_leaves_no_row_and_no_lock(store):
    """The process dies (no exception handling, no rollback) between INSERT and COMMIT."""
    add_one(store, question="antes?")
    script = textwrap.dedent(f"""
        import os
        from assistant.feedback import FeedbackStore

        original = FeedbackStore._insert
        def insert_then_die(self, conn, row):
            original(self, conn, row)
            os._exit(9)
        FeedbackStore._insert = insert_then_die
        FeedbackStore({str(store.path)!r}).add(rating="down", question="perdida?")
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    assert [r.question for r in store.records()] == ["antes?"]
    add_one(store, question="depois?")
    assert store.count() == 2
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_locked_database_is_waited_for_then_reported(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(path, busy_timeout_s=0.05, attempts=2)
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(FeedbackStorageError, match="locked"):
            add_one(store)
        released = threading.Timer(0.2, lambda: blocker.execute("ROLLBACK"))
        released.start()
        patient = FeedbackStore(path, busy_timeout_s=5.0)
        add_one(patient)  # waits for the lock instead of failing
        released.join()
    finally:
        blocker.close()
    assert store.count() == 1


def test_unwritable_location_is_a_storage_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    with pytest.raises(FeedbackStorageError):
        FeedbackStore(blocker / "feedback.sqlite3")


# -- export ----------------------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_down_writes_cases_to_complete(store, tmp_path):
    up = add_one(store, rating="up", question="Quem é Steve Witkoff?")
    down = add_one(store, rating="down", question="Who is David Lammy?", language="en", answer="A singer.",
                   comment="wrong: foreign secretary")
    no_lang = add_one(store, rating="down", question="Quantas pessoas morreram no ataque?", language="")
    out = tmp_path / "review" / "cases.jsonl"
    assert store.export_down(out) == 2
    cases = read_jsonl(out)
    assert [c["id"] for c in cases] == [f"feedback-{down}", f"feedback-{no_lang}"] and up not in (down, no_lang)
    first = cases[0]
    assert {"id", "lang", "question", "answerable", "history", "must", "gold"} <= set(first)
    assert (first["lang"], first["question"], first["answerable"], first["must"], first["gold"],
            first["history"]) == ("en", "Who is David Lammy?", None, [], "", [])
    assert (first["answer_given"], first["citations_given"], first["comment"], first["needs_review"]) == (
        "A singer.", [CITATION], "wrong: foreign secretary", True)
    assert cases[1]["lang"] == "pt"  # detected from the question when the record has none
    assert not list(out.parent.glob(".cases.jsonl.*"))  # no temporary file left behind


def test_exported_cases_are_refused_by_eval_until_completed(store, tmp_path):
    add_one(store, rating="down", question="Who is David Lammy?", language="en")
    out = tmp_path / "cases.jsonl"
    store.export_down(out)
    with pytest.raises(DatasetError, match=r"cases.jsonl:1: case feedback-1 is incomplete.*answerable"):
        evaluate.load_cases([out])
    case = read_jsonl(out)[0]
    for answerable in (None, "yes"):  # needs_review removed, but answerable still not decided
        out.write_text(json.dumps({**case, "needs_review": False, "answerable": answerable}) + "\n")
        with pytest.raises(DatasetError, match="incomplete"):
            evaluate.load_cases([out])
    completed = {k: v for k, v in case.items() if k != "needs_review"}
    completed.update(answerable=True, must=[["foreign secretary|negocios estrangeiros"]], gold="David Lammy")
    out.write_text(json.dumps(completed) + "\n")
    [loaded] = evaluate.load_cases([out])
    assert (loaded.id, loaded.answerable, loaded.gold) == ("feedback-1", True, "David Lammy")


# -- the command -----------------------------------------------------------------------------------------

@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_cli_count_and_export(data_dir, tmp_path, capsys):
    assert cli.main(["feedback", "count"]) == 0
    assert "0 feedback records" in capsys.readouterr().out
    assert not data_dir.exists()  # counting does not create the database

    store = FeedbackStore(data_dir / "feedback.sqlite3")
    add_one(store, rating="up")
    down = add_one(store, rating="down", question="Quem é Steve Witkoff?", comment="incompleto")
    assert cli.main(["feedback", "count"]) == 0
    assert "2 feedback records: 1 up, 1 down" in capsys.readouterr().out

    out = tmp_path / "feedback-cases.jsonl"
    assert cli.main(["feedback", "export", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 down-voted cases exported" in err and "reviewer" in err
    [case] = read_jsonl(out)
    assert case["id"] == f"feedback-{down}" and case["needs_review"] is True and case["comment"] == "incompleto"

    assert cli.main(["feedback", "export"]) == 0  # standard output, every line a JSON case
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [f"feedback-{down}"]

    assert cli.main(["feedback", "export", "--all", "--out", str(out), "--force"]) == 0
    assert len(read_jsonl(out)) == 2


def test_cli_export_never_overwrites_a_file_being_reviewed(data_dir, tmp_path, capsys):
    add_one(FeedbackStore(data_dir / "feedback.sqlite3"))
    out = tmp_path / "feedback-cases.jsonl"
    out.write_text("reviewer's work\n")
    assert cli.main(["feedback", "export", "--out", str(out)]) == cli.EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "exists" in err[0]
    assert out.read_text() == "reviewer's work\n"


def test_cli_storage_problem_is_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "feedback.sqlite3").write_text("this is not a database, " * 100)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["feedback", "count"]) == cli.EXIT_FAILED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: feedback database") and "Traceback" not in err[0]
