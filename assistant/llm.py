"""Generator backends behind LlamaIndex's LLM interface: llama-cpp (default) and openai-compatible.

The `extractive` backend has no generator: make_llm returns None and the answer engine quotes.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Iterator, Sequence

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.llms import CustomLLM
from pydantic import PrivateAttr

from . import models
from .embeddings import ModelError
from .settings import Settings

BACKENDS = ("llama-cpp", "openai-compatible", "extractive")
MAX_PREFIX_STATES = 8
MAX_SAVED_STATES = 16  # ~2 MB each
# llama.cpp multiplies the tokens of a batch by the weights four at a time, and the last few
# another way: a piece whose length is a multiple of 4 leaves every token where one batch would
# have put it, so the sums come out the same to the bit (measured: 20 of 20 prompts cut at
# multiples of 4, 8 or 16; 4 of 20 cut anywhere). 16 leaves room for kernels with wider tiles.
PIECE_ALIGN = 16
# A batch of fewer than 8 tokens is summed another way again (measured: a 32-token piece then 1-7
# tokens gives other logits than one batch, 8 or more the same), so a prompt read on from a kept
# state reads at least this many.
MIN_TAIL = 8


class GenerationError(Exception):
    """The generator failed or timed out; the engine falls back to quoting the article."""


def _as_dicts(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
    return [{"role": m.role.value if isinstance(m.role, MessageRole) else str(m.role),
             "content": m.content or ""} for m in messages]


class Replies:
    """Generator replies kept in a JSON file by backend, model and exact prompt. The default model
    decodes greedily and each reply is a function of its prompt alone (LlamaCppLLM._pin_prefix), so
    replaying a kept reply gives the answer generating it would: a change to the checks can be
    judged on the whole eval set in seconds. A prompt not seen before is generated and kept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = self.misses = 0
        try:
            self._kept: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, ValueError) as exc:
            raise GenerationError(f"cannot read the kept replies {path}: {exc}") from None

    @staticmethod
    def key(identity: str, messages: list[dict[str, str]], max_tokens: int, ban: Sequence[str]) -> str:
        blob = json.dumps([identity, messages, max_tokens, list(ban)], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def __contains__(self, key: str) -> bool:
        return key in self._kept

    def replay(self, key: str) -> str:
        self.hits += 1
        return self._kept[key]

    def keep(self, key: str, text: str) -> None:
        self.misses += 1
        self._kept[key] = text

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self._kept, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)


class _ChatLLM(CustomLLM):
    """Shared plumbing: subclasses implement _stream(messages) -> iterator of text pieces."""

    _replies: Any = PrivateAttr(default=None)

    max_tokens: int = 120
    timeout_s: float = 60.0
    # Whether chat(..., ban=[words]) can keep words out of the reply (needs the token ids).
    can_ban: bool = False
    model_label: str = ""
    context_window: int = 4096

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.max_tokens,
                           is_chat_model=True, model_name=self.model_label)

    def _stream(self, messages: list[dict[str, str]], max_tokens: int, ban: Sequence[str] = ()) -> Iterator[str]:
        raise NotImplementedError

    def prime(self, messages: Sequence[ChatMessage]) -> None:
        """Prepare for prompts that start like `messages` (a local model keeps their evaluated prefix)."""

    def keep_replies(self, replies: "Replies") -> None:
        """Replay the replies already kept for a prompt, and keep the new ones (assistant eval --replies)."""
        self._replies = replies

    def identity(self) -> str:
        """What, besides the prompt, decides a reply: the backend and its model."""
        return f"{self.class_name()}:{self.model_label}"

    def _timed(self, messages: list[dict[str, str]], max_tokens: int | None, ban: Sequence[str] = ()) -> Iterator[str]:
        max_tokens = max_tokens or self.max_tokens
        replies = self._replies
        key = replies.key(self.identity(), messages, max_tokens, ban) if replies is not None else ""
        if replies is not None and key in replies:
            yield replies.replay(key)
            return
        deadline = time.monotonic() + self.timeout_s
        text = ""
        for piece in self._stream(messages, max_tokens, ban):
            text += piece
            yield piece
            if time.monotonic() > deadline:
                raise GenerationError(f"generation took longer than {self.timeout_s:.0f} s")
        if replies is not None:
            replies.keep(key, text)

    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        def gen() -> ChatResponseGen:
            text = ""
            for piece in self._timed(_as_dicts(messages), kwargs.get("max_tokens")):
                text += piece
                yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=piece)
        return gen()

    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        text = "".join(self._timed(_as_dicts(messages), kwargs.get("max_tokens"), kwargs.get("ban", ())))
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self.chat([ChatMessage(role=MessageRole.USER, content=prompt)],
                                                 **kwargs).message.content or "")

    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        def gen() -> CompletionResponseGen:
            for r in self.stream_chat([ChatMessage(role=MessageRole.USER, content=prompt)], **kwargs):
                yield CompletionResponse(text=r.message.content or "", delta=r.delta)
        return gen()


class LlamaCppLLM(_ChatLLM):
    """A local GGUF through llama-cpp-python, with the GGUF's own chat template, temperature 0."""

    can_ban: bool = True
    _llama: Any = PrivateAttr()
    _lock: Any = PrivateAttr()
    _prefix_states: dict[tuple[int, ...], bytes] = PrivateAttr()
    _prompt_states: OrderedDict[tuple[int, ...], bytes] = PrivateAttr()
    _built: int = PrivateAttr(default=0)
    _prompt_budget: int = PrivateAttr(default=0)
    _state_dir: Path | None = PrivateAttr()
    _state_key: str = PrivateAttr()

    def __init__(self, model_path: str, n_ctx: int, n_threads: int, state_dir: Path | None = None,
                 prompt_states_mb: int = 32, **kwargs: Any) -> None:
        super().__init__(model_label=model_path.rsplit("/", 1)[-1], context_window=n_ctx, **kwargs)
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelError(f"llama-cpp-python is not installed ({exc}); run scripts/setup.sh, which builds it "
                             "with CPU flags that are safe here") from None
        try:
            self._llama = Llama(model_path=model_path, n_ctx=n_ctx, n_threads=n_threads,
                                n_threads_batch=n_threads, seed=0, verbose=False)
        except Exception as exc:  # noqa: BLE001 - llama.cpp reports a bad file as ValueError or RuntimeError
            raise ModelError(f"cannot load {model_path}: {exc}; is it a complete GGUF file?") from None
        _drop_mapped_pages(model_path)
        # One llama.cpp context serves one generation at a time.
        self._lock = threading.Lock()
        self._prefix_states = {}
        self._prompt_states = OrderedDict()
        self._prompt_budget = prompt_states_mb << 20
        self._state_dir = state_dir
        self._state_key = _state_key(model_path, self.identity())
        template = (self._llama.metadata or {}).get("tokenizer.chat_template", "")
        self._chatml = "<|im_start|>" in template

    @classmethod
    def class_name(cls) -> str:
        return "LlamaCppLLM"

    def identity(self) -> str:
        # The thread count splits the sums differently, which can change a greedy reply.
        return f"{super().identity()}:ctx{self.context_window}:threads{self._llama.n_threads}"

    def _pin_prefix(self, messages: list[dict[str, str]]) -> tuple[int, list[int]] | None:
        """Make the reply a function of this prompt alone. llama.cpp reuses the cached tokens shared
        with the previous prompt, and a different split between cached and new tokens changes the
        floating-point sums enough to change a greedy answer: the same question could get another
        answer depending on what was asked before. So a prompt is read from points that depend on
        its own tokens only: the end of the fixed part (system message and worked examples), or a
        multiple of PIECE_ALIGN tokens past it with MIN_TAIL or more tokens left, which gives the
        sums of reading the rest in one batch (all 181 eval questions' model outputs the same
        either way). It resumes from the furthest such point that the cache as the previous prompt
        left it, or a kept state, shares with it: a refusal's second opinion with its best excerpt
        alone, its re-ask with NOT_FOUND banned, and a later question on the same best sentence
        read only what differs. The size of the fixed part and the prompt's tokens, to keep its
        state once read (_keep_prompt); None if the prompt has no fixed part."""
        if not self._pinnable(messages):
            return None
        fixed, full = self._prompt_tokens(messages)
        self._llama.n_tokens = self._built = self._resume(fixed, full)
        return len(fixed), full

    def _pinnable(self, messages: list[dict[str, str]]) -> bool:
        """Whether the prompt has a fixed part to keep: a ChatML template, a system message first."""
        return self._chatml and len(messages) >= 2 and messages[0]["role"] == "system"

    def _prompt_tokens(self, messages: list[dict[str, str]]) -> tuple[list[int], list[int]]:
        """The tokens of the fixed part (all messages but the last) and of the whole prompt as the
        chat template writes it for generation."""
        def tokens(text: str) -> list[int]:
            return self._llama.tokenize(text.encode("utf-8"), add_bos=False, special=True)

        fixed = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages[:-1])
        last = messages[-1]
        return tokens(fixed), tokens(f"{fixed}<|im_start|>{last['role']}\n{last['content']}<|im_end|>\n"
                                     "<|im_start|>assistant\n")

    @staticmethod
    def _reach(fixed: int, known: Sequence[int], full: list[int]) -> int:
        """How far `known` tokens can serve the prompt `full`: as far as they agree, moved back to
        a multiple of PIECE_ALIGN past the fixed part (of `fixed` tokens), leaving at least
        MIN_TAIL tokens to read; 0 if they do not hold the fixed part."""
        agree, most = 0, min(len(known), len(full) - MIN_TAIL)
        while agree < most and known[agree] == full[agree]:
            agree += 1
        return fixed + (agree - fixed) // PIECE_ALIGN * PIECE_ALIGN if agree >= fixed else 0

    def _resume(self, fixed: list[int], full: list[int]) -> int:
        """Put in place the furthest state that serves the prompt (the cache as the previous prompt
        left it, or a kept one), else the fixed part's: how many tokens it holds."""
        live = self._reach(len(fixed), list(self._llama.input_ids[:min(self._built, self._llama.n_tokens)]), full)
        key, kept = max(((k, self._reach(len(fixed), k, full)) for k in self._prompt_states),
                        key=lambda pair: pair[1], default=((), 0))
        if kept > live:
            if self._load(list(key), self._prompt_states[key]):
                self._prompt_states.move_to_end(key)
                return kept
            live = 0  # the failed load emptied the cache
        return live or self._resume_fixed(fixed)

    def _resume_fixed(self, fixed: list[int]) -> int:
        """Put in place the fixed part's state (live, kept, saved on disk, or evaluated now)."""
        n = len(fixed)
        if n <= min(self._built, self._llama.n_tokens) and list(self._llama.input_ids[:n]) == fixed:
            return n
        data = self._prefix_states.get(tuple(fixed)) or self._read_state(fixed)
        if data is not None and self._load(fixed, data):
            self._keep_state(fixed, data)
            return n
        self._llama.reset()
        self._llama.eval(fixed)
        data = self._state()
        self._keep_state(fixed, data)
        self._write_state(fixed, data)
        return n

    def _keep_prompt(self, fixed: int, full: list[int]) -> None:
        """Once a prompt is read: cut the cache back to the prompt's furthest aligned point (what
        was generated after it never serves another prompt) and keep a copy of that state."""
        llama = self._llama
        point = self._reach(fixed, list(llama.input_ids[:llama.n_tokens]), full)
        if point <= fixed or not llama._ctx.kv_cache_seq_rm(-1, point, -1):
            self._built = fixed  # the fixed part stands; past it, rows read with generation's own split
            return
        llama.n_tokens = self._built = point
        if self._prompt_budget <= 0:
            return
        states = self._prompt_states
        states[tuple(full[:point])] = self._state()
        states.move_to_end(tuple(full[:point]))
        while sum(len(d) for d in states.values()) > self._prompt_budget and len(states) > 1:
            states.popitem(last=False)

    # A follow-up alternates two prompts (rewrite, then answer), and a reader may switch languages:
    # each switch used to evaluate the other fixed prefix again (~0.8 s for 73 tokens here). Each
    # prefix's evaluated state is kept instead (~2 MB) and copied back in a few ms: the same bytes
    # as evaluating it, so answers stay the same. Each prompt's state once read (~4-8 MB) is kept
    # too, the newest, up to ASSISTANT_LLM_STATE_CACHE_MB: a refusal asks again with one excerpt,
    # then with NOT_FOUND banned, and readers ask about the same sentences.
    def _state(self) -> bytes:
        import llama_cpp

        ctx = self._llama._ctx.ctx
        size = llama_cpp.llama_state_get_size(ctx)
        buf = (ctypes.c_uint8 * size)()
        used = llama_cpp.llama_state_get_data(ctx, buf, size)
        return ctypes.string_at(buf, used)

    def _keep_state(self, prefix: list[int], data: bytes) -> None:
        if tuple(prefix) not in self._prefix_states and len(self._prefix_states) >= MAX_PREFIX_STATES:
            self._prefix_states.pop(next(iter(self._prefix_states)))
        self._prefix_states[tuple(prefix)] = data

    def _load(self, tokens: list[int], data: bytes) -> bool:
        import llama_cpp

        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        if llama_cpp.llama_state_set_data(self._llama._ctx.ctx, buf, len(data)) != len(data):
            self._prefix_states.pop(tuple(tokens), None)
            self._prompt_states.pop(tuple(tokens), None)
            self._llama.reset()
            self._built = 0
            return False
        self._llama.input_ids[:len(tokens)] = tokens
        self._llama.n_tokens = len(tokens)
        return True

    # A new process (each `assistant ask`, each replica started) would evaluate each fixed prefix
    # again (~1 s for the answer prompt's); its state is kept on disk beside the model instead,
    # under a name that changes with the model file, llama.cpp's version, the context and thread
    # count, and the prefix's tokens, with a checksum: a damaged file is evaluated afresh.
    def _state_path(self, prefix: list[int]) -> Path | None:
        if self._state_dir is None:
            return None
        digest = hashlib.sha256(f"{self._state_key}|{prefix}".encode()).hexdigest()[:24]
        return self._state_dir / f"prefix-{digest}.state"

    def _read_state(self, prefix: list[int]) -> bytes | None:
        path = self._state_path(prefix)
        try:
            blob = path.read_bytes() if path else b""
        except OSError:
            return None
        data = blob[32:]
        return data if len(blob) > 32 and hashlib.sha256(data).digest() == blob[:32] else None

    def _write_state(self, prefix: list[int], data: bytes) -> None:
        path = self._state_path(prefix)
        if path is None:
            return
        tmp = path.with_suffix(f".{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(hashlib.sha256(data).digest() + data)
            tmp.replace(path)
            # Old models' and versions' states are never read again: the newest few stay.
            for old in sorted(path.parent.glob("prefix-*.state"), key=lambda p: p.stat().st_mtime)[:-MAX_SAVED_STATES]:
                old.unlink(missing_ok=True)
        except OSError:  # a read-only cache: the prefix is evaluated in each process, as before
            tmp.unlink(missing_ok=True)

    def prime(self, messages: Sequence[ChatMessage]) -> None:
        """Evaluate and keep the fixed prefix of a prompt (all but its last message) now, so that
        the first question asked with it does not wait for it."""
        messages = _as_dicts(messages)
        if self._pinnable(messages):
            with self._lock:
                self._built = self._resume_fixed(self._prompt_tokens(messages)[0])

    def _stream(self, messages: list[dict[str, str]], max_tokens: int, ban: Sequence[str] = ()) -> Iterator[str]:
        # A banned word's first token never comes: "NOT" keeps NOT_FOUND out.
        bias = {self._llama.tokenize(w.encode("utf-8"), add_bos=False)[0]: -100.0 for w in ban} or None
        with self._lock:
            pinned = self._pin_prefix(messages)
            try:
                chunks = self._llama.create_chat_completion(messages=messages, temperature=0.0, top_k=1,
                                                            max_tokens=max_tokens, stream=True, logit_bias=bias)
                for chunk in chunks:
                    piece = chunk["choices"][0]["delta"].get("content")
                    if piece:
                        yield piece
            finally:
                if pinned is not None:
                    self._keep_prompt(*pinned)


class OpenAICompatibleLLM(_ChatLLM):
    """Any server speaking the OpenAI chat API: llama.cpp server, vLLM, Ollama."""

    base_url: str = ""
    model: str = ""
    api_key: str = "none"

    @classmethod
    def class_name(cls) -> str:
        return "OpenAICompatibleLLM"

    def _stream(self, messages: list[dict[str, str]], max_tokens: int, ban: Sequence[str] = ()) -> Iterator[str]:
        import httpx

        body = {"model": self.model, "messages": messages, "temperature": 0.0,
                "max_tokens": max_tokens, "stream": True}
        headers = {"Authorization": f"Bearer {self.api_key}"}
        url = self.base_url.rstrip("/") + "/chat/completions"
        try:
            with httpx.stream("POST", url, json=body, headers=headers, timeout=self.timeout_s) as resp:
                if resp.status_code != 200:
                    raise GenerationError(f"{url} answered {resp.status_code}: {resp.read()[:200]!r}")
                for line in resp.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    piece = json.loads(data)["choices"][0].get("delta", {}).get("content")
                    if piece:
                        yield piece
        except httpx.HTTPError as exc:
            raise GenerationError(f"the LLM server at {self.base_url} failed: {type(exc).__name__}: {exc}") from None


def _drop_mapped_pages(model_path: str) -> None:
    """llama.cpp reads most of the weights out of the mapped GGUF into its own repacked copy as it
    loads, and the mapping's pages stay resident: the weights counted twice (1,908 MiB RSS after a
    prompt, of which 1,080 the file). Dropping the mapping's pages leaves the file in the page
    cache; the tensors still read from it come back on first use (1,213 MiB, the same logits to
    the bit, 34 ms). Linux only; elsewhere nothing happens."""
    try:
        real = str(Path(model_path).resolve())
        with open("/proc/self/maps", encoding="utf-8") as maps:
            spans = [line.split()[0] for line in maps if line.rstrip("\n").endswith(" " + real)]
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return
    libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    for span in spans:
        start, end = (int(x, 16) for x in span.split("-"))
        libc.madvise(start, end - start, 4)  # MADV_DONTNEED


def _state_key(model_path: str, identity: str) -> str:
    """What a saved prefix state depends on besides its tokens."""
    import llama_cpp

    try:
        stat = Path(model_path).stat()
        model = f"{Path(model_path).resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        model = model_path
    return f"{model}|{identity}|llama-cpp-python {llama_cpp.__version__}"


def make_llm(settings: Settings) -> _ChatLLM | None:
    common = {"max_tokens": settings.llm_max_tokens, "timeout_s": settings.llm_timeout_s}
    if settings.llm_backend == "extractive":
        return None
    if settings.llm_backend == "llama-cpp":
        path = models.resolve(settings.cache_dir, settings.llm_model_path)
        return LlamaCppLLM(str(path), settings.llm_ctx, settings.llm_threads,
                           state_dir=settings.cache_dir / "prefix-states",
                           prompt_states_mb=settings.llm_state_cache_mb, **common)
    if settings.llm_backend == "openai-compatible":
        return OpenAICompatibleLLM(base_url=settings.llm_url, model=settings.llm_model_name,
                                   api_key=settings.llm_api_key, model_label=settings.llm_model_name,
                                   context_window=settings.llm_ctx, **common)
    raise ModelError(f"unknown LLM backend {settings.llm_backend!r} (use one of: {', '.join(BACKENDS)})")
