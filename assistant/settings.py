"""All configuration in one typed object, read from ASSISTANT_* environment variables."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbedBackend = Literal["e5", "sentence-transformers"]
LLMBackend = Literal["llama-cpp", "openai-compatible", "extractive"]

# Libraries below us phone home unless told not to; nothing may leave this machine.
_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    # The embedder's OpenMP team: two threads halve a question's embedding (19.6 -> 10.5 ms here, the
    # same vectors). A short spin sends idle workers to sleep at once instead of spinning on the
    # cores llama.cpp needs (its libgomp reads it too; measured: first token unchanged).
    "OMP_NUM_THREADS": str(min(2, os.cpu_count() or 1)),
    "GOMP_SPINCOUNT": "1000",
}


def force_offline() -> None:
    for key, value in _OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    articles_dir: Path = Path("index/articles")
    index_dir: Path = Path("index/chroma")
    cache_dir: Path = Path(os.path.expanduser("~/.cache/article-assistant"))
    collection: str = "articles"
    chroma_url: str | None = None

    embed_backend: EmbedBackend = "e5"
    # For sentence-transformers: a local path or a model name; empty = the packaged all-MiniLM-L6-v2.
    embed_model: str = ""

    llm_backend: LLMBackend = "llama-cpp"
    llm_model_path: Path | None = None  # a GGUF; empty = the default model in cache_dir
    llm_url: str = "http://127.0.0.1:8080/v1"
    llm_model_name: str = "default"
    llm_api_key: str = "none"
    llm_ctx: int = Field(4096, ge=1024)
    llm_threads: int = Field(2, ge=1)
    llm_max_tokens: int = Field(120, ge=16)
    llm_timeout_s: float = Field(60.0, gt=0)
    # Evaluated states of recent prompts, kept for the next prompts that share their start (llama-cpp; 0 = none).
    llm_state_cache_mb: int = Field(32, ge=0)

    top_k: int = Field(6, ge=1, le=20)
    evidence_sentences: int = Field(4, ge=1, le=8)
    # Below this fused retrieval score the article is taken not to answer the question.
    # Below this cosine similarity the article is taken not to answer. Unset: the embedder's own
    # calibrated value (scales differ: e5 scores crowd near 0.8, MiniLM's spread from 0 to 1).
    refuse_below: float | None = None
    # When the generator refuses but the best evidence sentence scores this high (or this high and
    # alone within the margin), the sentence is quoted instead: calibrated on eval/.
    decisive_evidence: float = 0.93
    clear_evidence: float = 0.86

    max_question_chars: int = Field(2000, ge=10)
    max_history_turns: int = Field(20, ge=0)
    max_article_bytes: int = Field(5_000_000, ge=1000)

    host: str = "127.0.0.1"
    port: int = 7860
    root_path: str = ""  # the sub-path a reverse proxy serves the app under, e.g. /assistant
    # Pages allowed to embed the widget (comma-separated origins); empty = same origin only.
    allowed_origins: str = ""
    auth: str = ""  # "user:password[,user:password]" turns basic auth on for every route
    trusted_user_header: str = ""  # e.g. X-Remote-User set by an intranet proxy; requests without it are refused
    # Answers computed at once on the one local model; the rest wait in a bounded queue.
    concurrency: int = Field(1, ge=1)
    queue_size: int = Field(32, ge=1)
    request_timeout_s: float = Field(120.0, gt=0)
    rate_limit_per_minute: int = Field(60, ge=0)  # per client on the HTTP API; 0 = off
    # Answers kept for questions asked again with no conversation before (the chat's example
    # questions, a widget's FAQ); keyed by the question as written and the index version. 0 = off.
    answer_cache_size: int = Field(256, ge=0)
    data_dir: Path = Path("data")  # feedback database

    def origins(self) -> list[str]:
        return [o.strip().rstrip("/") for o in self.allowed_origins.split(",") if o.strip()]

    def users(self) -> dict[str, str]:
        pairs = [item.split(":", 1) for item in self.auth.split(",") if ":" in item]
        return {user.strip(): password for user, password in pairs}


REFUSE_BELOW = {"e5": 0.78, "sentence-transformers": 0.30}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
