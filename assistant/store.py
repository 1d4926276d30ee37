"""The Chroma store: versioned collections behind a pointer, so a re-index switches over atomically."""
from __future__ import annotations

import json
import os
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlparse

import numpy as np

from .ingest import Article, Passage, embedding_text
from .settings import Settings

BATCH = 256
# A database file written less than this long ago may be written again within the same tick of
# the file system's clock, leaving its stamp unchanged: the pointer is read from Chroma then.
SETTLED_S = 2.0
# The embedded store's database file, in the index folder.
DATABASE = "chroma.sqlite3"


class StoreError(Exception):
    """The store cannot do what was asked; the message says why and what to do."""


@dataclass
class SyncReport:
    added: int
    removed: int
    kept: int
    version: str
    changed: bool


def _client(settings: Settings, create: bool):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not (create or settings.chroma_url or (settings.index_dir / DATABASE).is_file()):
        # Opening one would write an empty database there: a mistyped folder would then look
        # like an index, and the next `assistant index` would miss the real one.
        raise StoreError(f"no index yet in {settings.index_dir}; run: assistant index")
    try:
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000,
                                       ssl=url.scheme == "https", settings=chroma_settings)
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)
    except Exception as exc:  # noqa: BLE001 - connection and disk errors alike become one line
        where = settings.chroma_url or settings.index_dir
        raise StoreError(f"cannot open the Chroma store at {where}: {type(exc).__name__}: {exc}") from None


def _settled_stamp(path: Path, missing: tuple[int, ...] | None = None) -> tuple[int, ...] | None:
    """A file's (inode, size, mtime); `missing` when it does not exist; None when it cannot be
    read or was written in the last SETTLED_S seconds."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return missing
    except OSError:
        return None
    if time.time() - st.st_mtime < SETTLED_S:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def passage_metadata(p: Passage, path: str) -> dict[str, Any]:
    return {"source": p.source, "title": p.title, "start": p.start, "end": p.end,
            "sentences": json.dumps(p.sentences), "path": path}


def passage_from(id_: str, text: str, meta: dict[str, Any]) -> Passage:
    spans = tuple(tuple(s) for s in json.loads(meta.get("sentences") or "[]"))
    return Passage(id=id_, source=meta["source"], title=meta.get("title", ""), text=text,
                   start=int(meta["start"]), end=int(meta["end"]), sentences=spans)


class Store:
    def __init__(self, settings: Settings, create: bool = True):
        """`create` false opens an existing embedded store only, never writing one."""
        self.name = settings.collection
        self.pointer_name = f"{settings.collection}.pointer"
        self.where = settings.chroma_url or str(settings.index_dir)
        self.client = _client(settings, create)
        self._database = None if settings.chroma_url else settings.index_dir / DATABASE
        self._seen: tuple[tuple[int, ...] | None, str | None] = (None, None)

    # -- reading -------------------------------------------------------------
    def version(self) -> str | None:
        """Name of the collection that readers should use now, or None when nothing is indexed.
        Asked before every search. Reading the pointer from Chroma costs ~0.6 ms (~4% of a search
        at 16,000 passages); an embedded store's database file is stat'ed instead, in microseconds:
        every write to it, a re-index by another process included, changes its stamp."""
        stamp = self._database_stamp()
        seen_stamp, seen_version = self._seen
        if stamp is not None and stamp == seen_stamp:
            return seen_version
        version = self._read_pointer()
        self._seen = (stamp, version)
        return version

    def _database_stamp(self) -> tuple[int, ...] | None:
        """The embedded database file's (inode, size, mtime), and its write-ahead log's if it has
        one (Chroma's SQLite keeps none today, a later one may); None for a server's store, no
        file yet, or a file written in the last SETTLED_S seconds."""
        if self._database is None:
            return None
        main = _settled_stamp(self._database)
        log = _settled_stamp(self._database.with_name(self._database.name + "-wal"), missing=())
        return None if main is None or log is None else main + log

    def _read_pointer(self) -> str | None:
        from chromadb.errors import NotFoundError

        try:
            pointer = self.client.get_collection(self.pointer_name, embedding_function=None)
        except NotFoundError:
            return None
        except ValueError as exc:
            if "does not exist" in str(exc):
                return None
            raise self._unavailable(exc) from None
        except Exception as exc:  # noqa: BLE001 - a server gone away raises transport errors of all kinds
            raise self._unavailable(exc) from None
        return (pointer.metadata or {}).get("target")

    def _unavailable(self, exc: Exception) -> StoreError:
        return StoreError(f"the Chroma store at {self.where} is unavailable: {type(exc).__name__}: {exc}")

    @contextmanager
    def _reaching(self) -> Iterator[None]:
        """Any failure talking to Chroma becomes one StoreError that names the store."""
        try:
            yield
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - disk, transport and server errors alike
            raise self._unavailable(exc) from None

    def collection(self, version: str | None = None):
        version = version or self.version()
        if not version:
            raise StoreError(f"no index yet in {self.where}; run: assistant index")
        with self._reaching():
            return self.client.get_collection(version, embedding_function=None)

    def info(self, version: str | None = None) -> dict[str, Any]:
        coll = self.collection(version)
        with self._reaching():
            return {"version": coll.name, "count": coll.count(), **(coll.metadata or {})}

    def all_passages(self, version: str | None = None) -> list[Passage]:
        return self.snapshot(version, vectors=False)[0]

    def snapshot(self, version: str | None = None, vectors: bool = True) -> tuple[list[Passage], np.ndarray]:
        """Every passage of a version and, row for row, its unit-length vector (an empty matrix
        when `vectors` is false), read in one call."""
        coll = self.collection(version)
        with self._reaching():
            got = coll.get(include=["documents", "metadatas", "embeddings"] if vectors else ["documents", "metadatas"])
        passages = [passage_from(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        matrix = np.asarray(got["embeddings"] if vectors and passages else np.zeros((0, 0)), dtype=np.float32)
        if len(matrix):
            matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        return passages, matrix

    # -- writing -------------------------------------------------------------
    def sync(self, articles: Iterable[tuple[Article, str]], embed: Callable[[list[str]], list[list[float]]],
             model_id: str, rebuild: bool = False, progress: bool = True) -> SyncReport:
        """Make the index hold these articles; others stay unless their file is gone.

        Builds a new collection from the unchanged vectors plus the new ones and only then
        moves the pointer, so readers never see a half-built index.
        """
        current = None if rebuild else self.version()
        old = self._read_current(current, model_id) if current else {}
        wanted = {p.id: (p, path) for article, path in articles for p in article.passages}
        given_sources = {p.source for p, _ in wanted.values()}
        keep = {i: rec for i, rec in old.items()
                if i in wanted or (rec["meta"]["source"] not in given_sources and Path(rec["meta"]["path"]).exists())}
        new_ids = [i for i in wanted if i not in keep]
        if current and not new_ids and len(keep) == len(old):
            return SyncReport(added=0, removed=0, kept=len(keep), version=current, changed=False)
        version = self._build(keep, [wanted[i] for i in new_ids], embed, model_id, progress)
        self._switch(version)
        return SyncReport(added=len(new_ids), removed=len(old) - len(keep), kept=len(keep),
                          version=version, changed=True)

    def _read_current(self, version: str, model_id: str) -> dict[str, dict[str, Any]]:
        coll = self.collection(version)
        built_with = (coll.metadata or {}).get("embed_model")
        if built_with != model_id:
            raise StoreError(f"the index was built with embedding model {built_with!r}, this run uses "
                             f"{model_id!r}; vectors of two models cannot be mixed: run assistant index --rebuild")
        got = coll.get(include=["documents", "metadatas", "embeddings"])
        return {i: {"doc": d, "meta": m, "emb": e}
                for i, d, m, e in zip(got["ids"], got["documents"], got["metadatas"], got["embeddings"])}

    def _build(self, keep: dict[str, dict[str, Any]], new: list[tuple[Passage, str]],
               embed: Callable[[list[str]], list[list[float]]], model_id: str, progress: bool) -> str:
        from tqdm import tqdm

        version = f"{self.name}-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
        coll = self.client.create_collection(
            version, embedding_function=None, configuration={"hnsw": {"space": "cosine"}},
            metadata={"embed_model": model_id, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
        try:
            kept = list(keep.items())
            for s in range(0, len(kept), BATCH):
                batch = kept[s:s + BATCH]
                coll.add(ids=[i for i, _ in batch], documents=[r["doc"] for _, r in batch],
                         metadatas=[r["meta"] for _, r in batch], embeddings=[list(r["emb"]) for _, r in batch])
            # Chroma writes one batch while the embedder reads the next: the embedder is the slow
            # part, and its C code and Chroma's both run outside the GIL.
            with (tqdm(total=len(new), desc="embedding passages", unit="passage", disable=not progress) as bar,
                  ThreadPoolExecutor(max_workers=1) as writer):
                pending = None
                for s in range(0, len(new), 32):
                    batch = new[s:s + 32]
                    vectors = embed([embedding_text(p) for p, _ in batch])
                    if pending:
                        pending.result()
                    pending = writer.submit(coll.add, ids=[p.id for p, _ in batch], documents=[p.text for p, _ in batch],
                                            metadatas=[passage_metadata(p, path) for p, path in batch],
                                            embeddings=vectors)
                    bar.update(len(batch))
                if pending:
                    pending.result()
            dims = {len(v) for v in coll.get(limit=1, include=["embeddings"])["embeddings"]}
            coll.modify(metadata={**(coll.metadata or {}), "embed_dim": dims.pop() if dims else 0})
        except BaseException:
            self._drop(version)
            raise
        return version

    def _switch(self, version: str) -> None:
        previous = self.version()
        pointer = self.client.get_or_create_collection(self.pointer_name, embedding_function=None)
        pointer.modify(metadata={"target": version})
        # The one before stays a while for readers still holding it; older ones go.
        ours = re.compile(rf"{re.escape(self.name)}-\d{{14}}-[0-9a-f]{{6}}")
        for coll in self.client.list_collections():
            name = getattr(coll, "name", coll)
            if ours.fullmatch(name) and name not in (version, previous):
                self._drop(name)

    def _drop(self, name: str) -> None:
        try:
            self.client.delete_collection(name)
        except Exception:  # noqa: BLE001 - already gone is fine
            pass
