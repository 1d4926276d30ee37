"""Wires the stages together: building the index, and an Engine ready to answer."""
from __future__ import annotations

from pathlib import Path

from llama_index.core import Settings as LlamaSettings
from llama_index.core.llms import MockLLM

from .answer import Engine
from .embeddings import make_embedder
from .ingest import IngestError, find_articles, load_article
from .llm import make_llm
from .retrieve import Retriever
from .settings import Settings, force_offline
from .store import Store, SyncReport


def embed_id(embedder) -> str:
    return f"{embedder.class_name()}:{embedder.model_name}"


def build_index(settings: Settings, paths: list[Path] | None = None, rebuild: bool = False,
                progress: bool = True, embedder=None) -> SyncReport:
    """Read every article first, so that one broken file stops the run before anything is written."""
    force_offline()
    found = find_articles(paths or [settings.articles_dir])
    if not found:
        raise IngestError(f"no articles (.txt, .md, .html) in {', '.join(str(p) for p in paths or [settings.articles_dir])}")
    home = settings.articles_dir.resolve()
    # A file under the articles folder keeps one name however it was reached, so it is never stored twice.
    articles = [(load_article(path, home if path.resolve().is_relative_to(home) else root, settings.max_article_bytes),
                 str(path.resolve())) for path, root in found]
    embedder = embedder or make_embedder(settings)
    store = Store(settings)
    return store.sync(articles, embedder.get_text_embedding_batch, embed_id(embedder), rebuild, progress)


def open_engine(settings: Settings, embedder=None, llm=None, load_llm: bool = True) -> Engine:
    force_offline()
    embedder = embedder or make_embedder(settings)
    if llm is None and load_llm:
        llm = make_llm(settings)
    # LlamaIndex falls back to OpenAI when these are unset; we never want that.
    LlamaSettings.embed_model = embedder
    LlamaSettings.llm = llm if llm is not None else MockLLM()
    store = Store(settings, create=False)
    info = store.info()  # raises "no index yet" early
    if info.get("embed_model") != embed_id(embedder):
        from .store import StoreError
        raise StoreError(f"the index was built with {info.get('embed_model')!r} but this run embeds questions "
                         f"with {embed_id(embedder)!r}: run assistant index --rebuild")
    return Engine(settings, Retriever(store, embedder), llm, embed_id(embedder))
