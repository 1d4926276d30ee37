"""The stock LlamaIndex CitationQueryEngine, as a baseline for `assistant eval --baseline`.

Same article files, same embedder, same generator as the assistant, but LlamaIndex's defaults for
everything else: default node parser, default prompts, default similarity_top_k, no refusal, no
conversation history. It lives in its OWN Chroma collection (`<collection>-baseline`), next to the
assistant's versioned collections in the same store, which it never touches.
"""
from __future__ import annotations

import hashlib
import re
import time
from typing import Any

from . import lang
from .ingest import find_articles, read_text
from .settings import Settings

HISTORY_NOTE = "the baseline ignores conversation history (follow-up cases get the bare question)"


class BaselineUnavailable(Exception):
    """The baseline cannot run with this configuration (e.g. the extractive backend has no generator)."""


def collection_name(settings: Settings) -> str:
    return f"{settings.collection}-baseline"


def _documents(settings: Settings):
    from llama_index.core import Document

    docs = []
    for path, root in find_articles([settings.articles_dir]):
        name = str(path.relative_to(root)) if root else path.name
        docs.append(Document(text=read_text(path, settings.max_article_bytes), metadata={"file_name": name},
                             id_=name))
    return docs


def _fingerprint(docs, model_id: str) -> str:
    h = hashlib.sha256(model_id.encode())
    for d in docs:
        h.update(d.id_.encode() + b"\0" + d.text.encode() + b"\0")
    return h.hexdigest()[:16]


class BaselineEngine:
    def __init__(self, query_engine, collection, backend: dict[str, str]):
        self.query_engine = query_engine
        self.collection = collection
        self.backend = backend

    def ask(self, question: str, history: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        # History is ignored on purpose: the stock engine answers one question at a time.
        from .llm import GenerationError

        t0 = time.perf_counter()
        first, error, sources = None, "", []
        try:
            response = self.query_engine.query(question)
            sources = list(response.source_nodes or [])
            gen = getattr(response, "response_gen", None)
            if gen is not None:
                parts = []
                for piece in gen:
                    if first is None and piece:
                        first = (time.perf_counter() - t0) * 1000
                    parts.append(piece)
                answer = "".join(parts)
            else:
                answer = str(response.response or "")
        except GenerationError as exc:
            # A timeout counts against the baseline (an empty answer) instead of stopping the evaluation.
            answer, error = "", str(exc)
        total = (time.perf_counter() - t0) * 1000
        answer = answer.strip()
        if answer == "Empty Response":
            answer = ""
        retrieved = [{"text": s.node.get_content(), "score": round(float(s.score or 0.0), 4),
                      "source": s.node.metadata.get("file_name", "")} for s in sources]
        mentioned = sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer)})
        picked = [n for n in mentioned if 1 <= n <= len(sources)]
        citations = [{"n": n, **retrieved[n - 1]} for n in picked] or \
                    [{"n": i, **r} for i, r in enumerate(retrieved, 1)]
        timings = {"total": round(total, 1)}
        if first is not None:
            timings["first_token"] = round(first, 1)
        return {"question": question, "answer": answer, "refused": not answer, "citations": citations,
                "retrieved": retrieved, "timings_ms": timings, "language": lang.detect(question),
                "backend": self.backend, "mode": "baseline", "error": error}


def make_baseline(settings: Settings, embedder, llm, rebuild: bool = False) -> BaselineEngine:
    """The stock CitationQueryEngine over its own collection, built (or reused) from the article files."""
    if llm is None:
        raise BaselineUnavailable("the extractive backend has no generator, so the LlamaIndex baseline "
                                  "cannot run; use --backend llama-cpp or openai-compatible")
    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.core.query_engine import CitationQueryEngine
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from .pipeline import embed_id
    from .store import Store

    client = Store(settings).client
    name = collection_name(settings)
    docs = _documents(settings)
    fingerprint = _fingerprint(docs, embed_id(embedder))
    coll = None
    if not rebuild:
        try:
            coll = client.get_collection(name, embedding_function=None)
            if (coll.metadata or {}).get("fingerprint") != fingerprint or coll.count() == 0:
                coll = None
        except Exception:  # noqa: BLE001 - chroma raises different types for "not found"
            coll = None
    if coll is None:
        try:
            client.delete_collection(name)
        except Exception:  # noqa: BLE001 - already gone is fine
            pass
        # embedding_function=None: Chroma's default embedder never runs; vectors come from `embedder`.
        coll = client.create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
                                        metadata={"fingerprint": fingerprint, "embed_model": embed_id(embedder)})
        store = ChromaVectorStore(chroma_collection=coll)
        VectorStoreIndex.from_documents(docs, storage_context=StorageContext.from_defaults(vector_store=store),
                                        embed_model=embedder)
    store = ChromaVectorStore(chroma_collection=coll)
    index = VectorStoreIndex.from_vector_store(store, embed_model=embedder)
    engine = CitationQueryEngine.from_args(index, llm=llm, streaming=True)
    backend = {"llm": f"{settings.llm_backend} (LlamaIndex CitationQueryEngine baseline)",
               "embed": embed_id(embedder)}
    return BaselineEngine(engine, coll, backend)
