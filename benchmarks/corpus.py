"""A synthetic corpus of news-like articles built from real prose found on this machine, offline.

Sentences come from: the project's own two articles; the Python language reference shipped with
the interpreter (pydoc_data.topics); the long descriptions of the installed packages (their
METADATA, mostly README prose); the licence texts in /usr/share/common-licenses; and Portuguese
translations of system messages (the pt, pt_BR and pt_PT gettext catalogues under /usr/share).
They are filtered to sentence-like lines (40-280 characters, mostly letters, no markup or code)
and recombined with a fixed seed: each article gets a headline and 12-18 paragraphs of 1-3
sentences, so that `assistant.ingest` cuts it into ~15 passages (one per paragraph). About one
article in five is Portuguese. The real articles are copied in too, so the eval questions keep
their answers among ~15,000 distractor passages.
"""
from __future__ import annotations

import gettext
import hashlib
import random
import re
import shutil
import sys
from pathlib import Path

from .common import ARTICLES

VERSION = "1"  # bump when the recipe changes: a cached index of an older corpus is rebuilt
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ö\"“])")
_BAD = re.compile(r"https?:|www\.|[`{}<>|\\_=#*@$~^\[\]]|::|\.\.\.|\(\)|%[sdrif(]|\s{3,}|\.py\b|\.org\b|\.com\b")


def _sentences(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.splitlines()]
        if any(ln.startswith(("#", ">>>", "$", "-", "*", "+", "..", ":", "|", "```")) for ln in lines if ln):
            continue
        flat = " ".join(ln for ln in lines if ln)
        for s in _SPLIT.split(flat):
            s = s.strip()
            if _good(s):
                out.append(s)
    return out


def _good(s: str) -> bool:
    if not 40 <= len(s) <= 280 or len(s.split()) < 6 or _BAD.search(s):
        return False
    if not s[0].isupper() or s[-1] not in ".!?":
        return False
    letters = sum(c.isalpha() or c.isspace() for c in s)
    return letters / len(s) >= 0.88


def _metadata_texts() -> list[str]:
    texts = []
    for p in sorted(Path(sys.prefix).glob("lib/python*/site-packages/*.dist-info/METADATA")):
        try:
            raw = p.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        body = raw.split("\n\n", 1)[1] if "\n\n" in raw else ""
        texts.append(body)
    return texts


def _licence_texts() -> list[str]:
    root = Path("/usr/share/common-licenses")
    return [p.read_text(errors="replace") for p in sorted(root.glob("*")) if p.is_file()] if root.exists() else []


def _python_reference() -> list[str]:
    try:
        from pydoc_data.topics import topics
    except ImportError:
        return []
    return [topics[k] for k in sorted(topics)]


def _portuguese_messages() -> list[str]:
    out = []
    roots = [Path("/usr/share/locale"), Path("/usr/share/vim")]
    files = []
    for root in roots:
        if root.exists():
            files += sorted(f for f in root.rglob("*.mo") if re.search(r"/pt(_BR|_PT)?/", str(f)))
    for f in files:
        try:
            with open(f, "rb") as fh:
                catalog = gettext.GNUTranslations(fh)._catalog  # noqa: SLF001 - the parsed messages
        except Exception:  # noqa: BLE001 - a broken catalogue is skipped
            continue
        for msg in catalog.values():
            if isinstance(msg, str):
                s = " ".join(msg.split())
                if _good(s):
                    out.append(s)
    return out


def _article_sentences() -> list[str]:
    from assistant.ingest import find_articles, read_text, split_article

    out = []
    for path, _ in find_articles([ARTICLES]):
        art = split_article(path.name, read_text(path, 5_000_000), path.suffix)
        for p in art.passages:
            for s, e in p.sentences:
                out.append(art.text[s:e])
    return out


def sentence_pools() -> dict[str, list[str]]:
    """{'en': [...], 'pt': [...]}, deduplicated, in a stable order."""
    en, pt = [], []
    for text in _python_reference() + _metadata_texts() + _licence_texts():
        en += _sentences(text)
    pt += _portuguese_messages()
    from assistant import lang

    for s in _article_sentences():
        (pt if lang.detect(s) == "pt" else en).append(s)
    return {"en": list(dict.fromkeys(en)), "pt": list(dict.fromkeys(pt))}


def _article(rng: random.Random, pool: list[str], number: int) -> str:
    head = rng.choice(pool).rstrip(".!?")
    words = head.split()
    title = " ".join(words[: rng.randint(5, 11)]).rstrip(",;:")
    paragraphs = []
    for _ in range(rng.randint(12, 18)):
        paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 3))))
    return f"{title} ({number})\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(out_dir: Path, n_articles: int, seed: int = 5, include_real: bool = True) -> dict:
    """Writes n_articles synthetic .txt files (plus the real articles) into out_dir; returns a description."""
    pools = sentence_pools()
    rng = random.Random(seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    digest = hashlib.sha256(f"{VERSION}:{seed}:{n_articles}:{include_real}".encode())
    pt_share = 0.2 if len(pools["pt"]) >= 200 else 0.0
    for i in range(n_articles):
        language = "pt" if rng.random() < pt_share else "en"
        text = _article(rng, pools[language], i + 1)
        digest.update(text.encode())
        (out_dir / f"synthetic-{i + 1:04d}.{language}.txt").write_text(text, encoding="utf-8")
    if include_real:
        for path in sorted(ARTICLES.glob("*.txt")):
            if not path.stem.isupper():
                shutil.copy(path, out_dir / path.name)
                digest.update(path.read_bytes())
    return {"articles": n_articles + (len(list(ARTICLES.glob('*.*.txt'))) if include_real else 0),
            "synthetic_articles": n_articles, "seed": seed, "pool_sentences": {k: len(v) for k, v in pools.items()},
            "portuguese_share": pt_share, "fingerprint": digest.hexdigest()[:16]}


def count_passages(folder: Path) -> int:
    from assistant.ingest import find_articles, load_article

    return sum(len(load_article(p, root, 5_000_000).passages) for p, root in find_articles([folder]))


if __name__ == "__main__":  # a look at the corpus: python -m benchmarks.corpus /tmp/corpus 20
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/article-assistant-corpus")
    desc = generate(target, int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    print(desc, "passages:", count_passages(target))
