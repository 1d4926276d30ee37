"""Users' thumbs up/down on answers, kept in SQLite so that none is ever lost.

`add` either commits the record to disk or raises: FeedbackError (a ValueError) for bad input,
FeedbackStorageError when the database cannot be written. Safe to share one FeedbackStore between
the threads of a web server: every call opens its own short-lived connection.
"""
from __future__ import annotations

import json
import os
import random
import sqlite3
import tempfile
import time
import unicodedata
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Iterator, Mapping, Sequence

RATINGS = ("up", "down")
MAX_COMMENT_CHARS = 2_000  # longer comments are cut, not refused: a click must not fail over a long note
MAX_TEXT_CHARS = 20_000  # question, answer: longer ones are refused (not something this app produced)
MAX_LABEL_CHARS = 200  # language, index version, user, client id
MAX_CITATIONS = 50
MAX_JSON_CHARS = 200_000  # citations and backend, serialized
DB_NAME = "feedback.sqlite3"
FIELDS = ("rating", "comment", "question", "answer", "language", "citations", "backend", "index_version",
          "user", "client_id")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so 'feedback-<id>' names one record forever
    created_at TEXT NOT NULL,              -- UTC, ISO 8601
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    language TEXT NOT NULL,
    citations TEXT NOT NULL,               -- JSON list, as Answer.to_json()["citations"]
    backend TEXT NOT NULL,                 -- JSON object, as Answer.to_json()["backend"]
    index_version TEXT NOT NULL,
    user TEXT,                             -- from the trusted user header, when there is one
    client_id TEXT
);
CREATE INDEX IF NOT EXISTS feedback_by_rating ON feedback (rating, id);
"""


class FeedbackError(ValueError):
    """The feedback itself is not acceptable (bad rating, wrong types, oversized text)."""


class FeedbackStorageError(RuntimeError):
    """The feedback database cannot be opened or written; nothing was stored."""


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    created_at: str
    rating: str
    comment: str | None
    question: str
    answer: str
    language: str
    citations: list[dict[str, Any]]
    backend: dict[str, Any]
    index_version: str
    user: str | None
    client_id: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def to_case(self) -> dict[str, Any]:
        """An eval case for a reviewer to complete (answerable, must, gold), in eval/*.jsonl's format."""
        from . import lang

        return {
            "id": f"feedback-{self.id}",
            "lang": self.language if self.language in lang.LANGUAGES else lang.detect(self.question),
            "question": self.question,
            "answerable": None,  # to be set true/false by the reviewer
            "history": [],
            "must": [],
            "gold": "",
            "needs_review": True,  # evaluate.load_cases refuses the case until the reviewer removes this
            "rating": self.rating,
            "answer_given": self.answer,
            "citations_given": self.citations,
            "comment": self.comment,
            "created_at": self.created_at,
            "index_version": self.index_version,
            "backend": self.backend,
        }


def _clean(value: Any, name: str, limit: int, *, keep_newlines: bool = False, cut: bool = False) -> str:
    if not isinstance(value, str):
        raise FeedbackError(f"{name} must be a string, not {type(value).__name__}")
    keep = "\n\t" if keep_newlines else ""
    text = "".join(c for c in value if c in keep or unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    text = text.replace("\r", "").strip()
    if len(text) > limit:
        if not cut:
            raise FeedbackError(f"{name} is too long ({len(text)} characters; at most {limit})")
        text = text[:limit].rstrip()
    return text


def _optional(value: Any, name: str, limit: int, **kwargs: Any) -> str | None:
    if value is None:
        return None
    return _clean(value, name, limit, **kwargs) or None


def _json(value: Any, name: str) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise FeedbackError(f"{name} must be plain JSON data: {exc}") from None
    if len(text) > MAX_JSON_CHARS:
        raise FeedbackError(f"{name} is too large ({len(text)} characters of JSON; at most {MAX_JSON_CHARS})")
    return text


def _row(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validates and sanitizes one record's fields; raises FeedbackError naming the field."""
    rating = values.get("rating")
    rating = rating.strip().lower() if isinstance(rating, str) else rating
    if rating not in RATINGS:
        raise FeedbackError(f"rating must be 'up' or 'down', not {values.get('rating')!r}")
    question = _clean(values.get("question"), "question", MAX_TEXT_CHARS, keep_newlines=True)
    if not question:
        raise FeedbackError("question is empty: feedback must say which question it is about")
    citations = values.get("citations")
    citations = [] if citations is None else citations
    if not isinstance(citations, (list, tuple)) or not all(isinstance(c, Mapping) for c in citations):
        raise FeedbackError("citations must be a list of citation objects, as in the answer's JSON")
    if len(citations) > MAX_CITATIONS:
        raise FeedbackError(f"too many citations ({len(citations)}; at most {MAX_CITATIONS})")
    backend = values.get("backend")
    backend = {} if backend is None else backend
    if not isinstance(backend, Mapping):
        raise FeedbackError("backend must be an object, as in the answer's JSON")
    return {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "rating": rating,
        "comment": _optional(values.get("comment"), "comment", MAX_COMMENT_CHARS, keep_newlines=True, cut=True),
        "question": question,
        "answer": _clean(values.get("answer") or "", "answer", MAX_TEXT_CHARS, keep_newlines=True),
        "language": _clean(values.get("language") or "", "language", MAX_LABEL_CHARS),
        "citations": _json([dict(c) for c in citations], "citations"),
        "backend": _json(dict(backend), "backend"),
        "index_version": _clean(values.get("index_version") or "", "index_version", MAX_LABEL_CHARS),
        "user": _optional(values.get("user"), "user", MAX_LABEL_CHARS),
        "client_id": _optional(values.get("client_id"), "client_id", MAX_LABEL_CHARS),
    }


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


class FeedbackStore:
    """One SQLite file in WAL mode. Readers never block the writer; writers queue on the lock."""

    def __init__(self, path: Path, *, busy_timeout_s: float = 5.0, attempts: int = 4) -> None:
        self.path = Path(path)
        self.busy_timeout_s = busy_timeout_s
        self.attempts = max(1, attempts)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FeedbackStorageError(f"cannot create {self.path.parent}: {exc}") from None
        self._retry(self._init_schema)

    @classmethod
    def for_settings(cls, settings=None, **kwargs: Any) -> "FeedbackStore":
        """The store at settings.data_dir / feedback.sqlite3 (the process settings when none given)."""
        if settings is None:
            from .settings import get_settings

            settings = get_settings()
        return cls(Path(settings.data_dir) / DB_NAME, **kwargs)

    # -- connections -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are opened explicitly (BEGIN IMMEDIATE) where they are needed.
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_s, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_s * 1000)}")
        # FULL, not NORMAL: in WAL mode NORMAL survives a crash of the application but a power cut or an
        # OS crash may drop the last commits. Feedback is written at the pace of human clicks, so one
        # fsync per commit costs nothing that matters, and a record that `add` returned is on disk.
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    def _retry(self, work):
        """Runs work(conn) on a fresh connection; waits out a locked database a few times, then gives up loudly."""
        delay = 0.05
        for attempt in range(1, self.attempts + 1):
            try:
                conn = self._connect()
                try:
                    return work(conn)
                finally:
                    conn.close()
            except sqlite3.OperationalError as exc:
                if _is_busy(exc) and attempt < self.attempts:
                    time.sleep(delay * (1 + random.random()))
                    delay *= 2
                    continue
                raise FeedbackStorageError(f"feedback database {self.path}: {exc}") from None
            except sqlite3.Error as exc:
                raise FeedbackStorageError(f"feedback database {self.path}: {exc}") from None

    def _init_schema(self, conn: sqlite3.Connection) -> None:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"cannot switch to WAL mode (journal mode is {mode})")
        conn.execute("BEGIN IMMEDIATE")
        try:  # statement by statement: executescript would COMMIT on its own
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    # -- writing -----------------------------------------------------------------------------------

    def add(self, record: Mapping[str, Any] | None = None, /, *, rating: str | None = None,
            question: str | None = None, answer: str | None = None, language: str | None = None,
            citations: Sequence[Mapping[str, Any]] | None = None, backend: Mapping[str, Any] | None = None,
            index_version: str | None = None, comment: str | None = None, user: str | None = None,
            client_id: str | None = None) -> int:
        """Stores one record and returns its id once it is committed; raises otherwise.

        Fields come from keyword arguments, or from `record` (a mapping: Answer.to_json() can be passed
        as is, its other keys are ignored) with the keyword arguments taking precedence.
        """
        given = dict(rating=rating, question=question, answer=answer, language=language, citations=citations,
                     backend=backend, index_version=index_version, comment=comment, user=user,
                     client_id=client_id)
        if record is not None and not isinstance(record, Mapping):
            raise FeedbackError(f"a feedback record must be a mapping, not {type(record).__name__}")
        values = {k: given[k] if given[k] is not None else (record or {}).get(k) for k in FIELDS}
        row = _row(values)
        return self._retry(lambda conn: self._write(conn, row))

    def _write(self, conn: sqlite3.Connection, row: dict[str, Any]) -> int:
        # IMMEDIATE takes the write lock at BEGIN, where busy_timeout waits for it; a deferred
        # transaction upgrading from read to write could fail at once with SQLITE_BUSY instead.
        conn.execute("BEGIN IMMEDIATE")
        try:
            rowid = self._insert(conn, row)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return rowid

    def _insert(self, conn: sqlite3.Connection, row: dict[str, Any]) -> int:
        columns = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        return conn.execute(f"INSERT INTO feedback ({columns}) VALUES ({marks})", row).lastrowid

    # -- reading -----------------------------------------------------------------------------------

    def count(self, rating: str | None = None) -> int:
        where, args = self._where(rating)
        return self._retry(lambda conn: conn.execute(f"SELECT count(*) FROM feedback{where}", args).fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Records per rating: {"up": n, "down": m}."""
        rows = self._retry(lambda conn: conn.execute("SELECT rating, count(*) FROM feedback GROUP BY rating")
                           .fetchall())
        return {r: 0 for r in RATINGS} | dict(rows)

    def records(self, rating: str | None = None) -> list[FeedbackRecord]:
        """Every record (or those with this rating), oldest first."""
        where, args = self._where(rating)
        cols = ", ".join(("id", "created_at", *FIELDS))

        def read(conn: sqlite3.Connection) -> list[tuple]:
            return conn.execute(f"SELECT {cols} FROM feedback{where} ORDER BY id", args).fetchall()

        out = []
        for row in self._retry(read):
            data = dict(zip(("id", "created_at", *FIELDS), row))
            data["citations"] = json.loads(data["citations"])
            data["backend"] = json.loads(data["backend"])
            out.append(FeedbackRecord(**data))
        return out

    @staticmethod
    def _where(rating: str | None) -> tuple[str, tuple]:
        if rating is None:
            return "", ()
        if rating not in RATINGS:
            raise FeedbackError(f"rating must be 'up' or 'down', not {rating!r}")
        return " WHERE rating = ?", (rating,)

    # -- export ------------------------------------------------------------------------------------

    def cases(self, rating: str | None = "down") -> Iterator[dict[str, Any]]:
        for record in self.records(rating):
            yield record.to_case()

    def export_cases(self, out: Path | IO[str], rating: str | None = "down") -> int:
        """Writes the records (down-voted ones by default; rating=None: all) as eval JSONL cases for a
        reviewer to complete. A path is written whole or not at all (temporary file, then rename)."""
        lines = [json.dumps(case, ensure_ascii=False) + "\n" for case in self.cases(rating)]
        if not isinstance(out, (str, os.PathLike)):
            out.writelines(lines)
            out.flush()
            return len(lines)
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.writelines(lines)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return len(lines)

    def export_down(self, path: Path | IO[str]) -> int:
        """The down-voted records as eval cases to complete; returns how many were written."""
        return self.export_cases(path, rating="down")
