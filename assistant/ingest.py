"""Reads articles and splits them into passages and sentences that keep their offsets."""
from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .text import fold

SUPPORTED = (".txt", ".md", ".html", ".htm")
MAX_PASSAGE_CHARS = 1200


class IngestError(Exception):
    """An article that cannot be read; the message names the file and the cause."""


@dataclass(frozen=True)
class Passage:
    id: str
    source: str
    title: str
    text: str
    start: int
    end: int
    # (start, end) of each sentence, as offsets into the source text.
    sentences: tuple[tuple[int, int], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Article:
    source: str
    title: str
    text: str
    passages: tuple[Passage, ...]


# Scraped page chrome, in the languages we serve. Only short paragraphs are
# tested, so an article sentence that happens to contain these words stays.
_BOILERPLATE = re.compile(
    r"você está visualizando|voce esta visualizando|you are (currently )?viewing|"
    r"\bcookies?\b|assine (já|agora|a newsletter)|subscribe (now|to)|leia (também|mais)|"
    r"read more|share (this|on)|compartilhe|todos os direitos reservados|"
    r"all rights reserved|^publicidade$|^advertisement$|click here|clique aqui|"
    # Share buttons: "Partilhar no Facebook Partilhar no X Enviar por e-mail".
    r"\b(partilhar|compartilhar|share)\s+(no|na|on|via|em|to)\s+(facebook|twitter|x|whatsapp|linkedin)\b|"
    r"enviar por e-?mail|share by e-?mail|"
    # Audio and reading-time widgets: "Ouvir este artigo", "Listen to this article", "4 min read".
    r"^(ouvir|ouça|oiça|listen to) (este|o|this|the) (artigo|article|story|notícia)\W*$|"
    r"^(\d+ min(utos?)?( de leitura| read)|(tempo de leitura|reading time)\W*\d+ ?min\w*)\W*$|"
    # Newsletter prompts: "Sign up for our morning briefing", "Inscreva-se na nossa newsletter".
    r"^sign up (for|to)\b|\bnewsletter\b|^inscreva-se\b|^subscreva\b|"
    # Links to other stories and a bare time stamp: "Related: Antwerp port strike ends…",
    # "Veja também: …", "Updated 14:32 GMT" (a dateline with a date is kept: it dates the story).
    r"^(related|see also|read next|relacionad[oa]s?|veja também|leia ainda)\s*:|"
    r"^(updated|posted|published|atualizad[oa]|publicad[oa])( (at|às|as))? \d{1,2}[:h]\d\d( ?[ap]\.?m\.?)?( [a-z]{2,4})?\.?$|"
    # Or a relative one: "Published 2 hours ago", "Atualizado há 2 horas".
    r"^(updated|posted|published|atualizad[oa]|publicad[oa])( h[aá])? \d{1,3} (minutes?|hours?|days?|minutos?|horas?|dias?)"
    r"( ago)?\.?$",
    re.IGNORECASE,
)
_BOILERPLATE_MAX_CHARS = 240

# A paragraph that is only a date (and maybe a time): the story's dateline, "Saturday, February 2,
# 2008", "Publicado em 3 de abril de 2025, às 10h30". Matched folded (lower case, no accents).
_MONTH = (r"(?:jan(?:uary|eiro)?|feb(?:ruary)?|fev(?:ereiro)?|mar(?:ch|co)?|apr(?:il)?|abr(?:il)?|may|maio?"
          r"|june?|junho|july?|julho|aug(?:ust)?|ago(?:sto)?|sep(?:t(?:ember)?)?|set(?:embro)?|oct(?:ober)?"
          r"|out(?:ubro)?|nov(?:ember|embro)?|dec(?:ember)?|dez(?:embro)?)\.?")
_WEEKDAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:segunda|terca|quarta|quinta|sexta)(?:-feira)?"
            r"|sabado|domingo)")
_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|publicad[oa]|atualizad[oa])(?: (?:on|em))?:? )?(?:{_WEEKDAY},? )?"
    rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}o? (?:de )?{_MONTH},?(?: de)? \d{{4}}"
    rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})"
    rf"(?:,? (?:at |as )?\d{{1,2}}[:h]\d\d(?: ?[ap]\.?m\.?)?(?: [a-z]{{2,4}})?)?\.?$")

# A sentence ends at . ! ? or … (optionally followed by a closing quote) and
# the next one starts with an upper-case letter, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’»)]))\s+(?=[\"“‘«(]?[A-ZÀ-ÖØ-Þ0-9])")
_ABBREVIATIONS = re.compile(r"\b(Sr|Sra|Dr|Dra|Mr|Mrs|Ms|Prof|St|Jr|vs|etc|No|Nº|p|pp|cf|e\.g|i\.e)\.$")


def read_text(path: Path, max_bytes: int) -> str:
    """Return the text of a supported article file, or raise IngestError."""
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"{path}: {size} bytes, over the limit of {max_bytes}")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise IngestError(f"{path}: binary file (contains NUL bytes), not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    if not text.strip():
        raise IngestError(f"{path}: empty article")
    return text


class _TextExtractor(HTMLParser):
    _BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "article", "section",
              "header", "footer", "title", "blockquote", "tr"}
    _SKIP = {"script", "style", "nav", "noscript", "template", "svg", "form", "aside"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML page, one paragraph per block; offsets then refer to this text."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines, trimmed of white space."""
    spans, cursor = [], 0
    for gap in re.finditer(r"\n[ \t\r\f\v]*\n\s*", text):
        spans.append(_trim(text, cursor, gap.start()))
        cursor = gap.end()
    spans.append(_trim(text, cursor, len(text)))
    return [(s, e) for s, e in spans if e > s]


# An item of a list, at the start of a line: "- The new fares take effect…", "• …", "2) …".
_LIST_ITEM = re.compile(r"(?:^|(?<=\n))[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], as offsets into text. Each item of a list
    starts a sentence, its marker left out, and a heading over the first is none: "What is
    changing\n- The new fares…\n- An adult single…" is two sentences, not one quoted whole. So
    is each row of a table, and its title and header row none."""
    table = _table(text, start, end)
    if table:
        header, rows = table
        return (_prose_spans(text, start, header[0]) if not _table_title(text[start:header[0]]) else []) + rows + (
            _prose_spans(text, rows[-1][1], end))
    return _list_spans(text, start, end)


def _list_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for item in _LIST_ITEM.finditer(text, start, end):
        # A line over the first item says what the list is about, and nothing itself.
        if cursor > start or not _heading(text[cursor:item.start()]):
            spans += _prose_spans(text, cursor, item.start())
        cursor = item.end()
    return spans + _prose_spans(text, cursor, end)


# A row of a plain-text table: cells between "|" ("Gasolina 98 | 1,861 | 1,883 | +2,2 cêntimos",
# "| a | b |") or tabs; a Markdown rule under the header ("|---|:--:|") is no row.
_RULE = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")


def _cells(line: str) -> list[str] | None:
    line = line.strip()
    sep = "|" if "|" in line else "\t" if "\t" in line else None
    if sep is None or _RULE.match(line):
        return None
    cells = [c.strip() for c in (line.strip("|") if sep == "|" else line).split(sep)]
    return cells if len(cells) >= 2 and all(cells) else None


def _table(text: str, start: int, end: int) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """The header row and the rows of the first table in text[start:end]: a header and at least
    two rows with as many cells, on consecutive lines (a rule line between them aside); else None.
    One line of cells is page chrome or a byline ("Partilhar no Facebook | Twitter | Email")."""
    lines = [_trim(text, s, e) for s, e in _line_spans(text, start, end)]
    for i, (s, e) in enumerate(lines):
        head = _cells(text[s:e])
        if not head:
            continue
        rows = []
        for s2, e2 in lines[i + 1:]:
            if _RULE.match(text[s2:e2]) and not rows:
                continue
            cells = _cells(text[s2:e2])
            if not cells or len(cells) != len(head):
                break
            rows.append((s2, e2))
        if len(rows) >= 2:
            return (s, e), rows
    return None


def reading(p: Passage, start: int, end: int, framed: bool = True) -> str:
    """A sentence of the passage as a reader takes it in: its text, or for a table's row its cells
    under their column names and the table's title ("Preços médios por litro (euros): Gasolina 98:
    Esta semana 1,861; Próxima semana 1,883; Variação +2,2 cêntimos"), since a row alone does not
    say which number is which; in an interview, the answer under the question it answers
    ("P: Quanto vai custar a nova residência…? R: Vai custar 23,5 milhões de euros…"); in a live
    blog, an update's first sentence after its time ("[17:30 GMT] 61,000 homes are…"). Not
    `framed`: without the question, the time or the table's title, for a sentence quoted after
    another of the same passage, which gave them already."""
    row = p.text[start - p.start:end - p.start]
    head_text = p.text[:p.sentences[0][0] - p.start] if p.sentences else ""
    frame = head_text if "\n" in head_text else ""
    if _ASKED.match(frame):
        return " ".join(frame.split()) + " " + row if framed else row
    stamp = _STAMP.match(frame)
    if stamp and not frame[stamp.end():].strip() and start == p.sentences[0][0]:
        # On its first sentence only, as the page puts it: on every sentence the model took the
        # update's time for the time asked ("Quando se reúne o comité…?" → "[18:45 GMT]").
        return f"[{stamp.group(1)}] {row}" if framed else row
    cells = _cells(row)
    table = _table(p.text, 0, len(p.text)) if cells else None
    if not table or (start - p.start, end - p.start) not in table[1]:
        return row
    (hs, he), _ = table
    if (p.start + hs, p.start + he) in p.sentences:
        return row  # the rest of a long table, its header in the passage before: a row is no header
    head = _cells(p.text[hs:he]) or []
    title = p.text[:hs].strip()
    named = "; ".join(f"{h} {c}" for h, c in zip(head[1:], cells[1:]))
    return ": ".join([*([title] if framed and _table_title(title) else []), cells[0], named])


def _table_title(line: str) -> bool:
    """One short line over a table's header, no sentence: "Preços médios por litro (euros)"."""
    line = line.strip()
    return 0 < len(line) <= 80 and "\n" not in line and not re.search(r"[.!?…]$", line)


def _heading(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 60 and "\n" not in line and not re.search(r"[.!?…:;\"”’»)]$", line)


def _prose_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        candidate = text[cursor:match.start()].rstrip()
        if _ABBREVIATIONS.search(candidate):
            continue
        stop = match.start()
        spans.append((cursor, stop))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _title_of(text: str, first: tuple[int, int], suffix: str) -> str:
    title = text[first[0]:first[1]].splitlines()[0].strip()
    if suffix == ".md":
        title = title.lstrip("#").strip()
    return title


def is_dateline(paragraph: str) -> bool:
    return len(paragraph) <= 80 and bool(_DATELINE.match(fold(paragraph.strip())))


# "By Jane Doe", "Por Maria Silva, em Lisboa", "Texto de …": who wrote the story, near its top.
# (and the place it was filed from, capitalised after a comma: "By Clara Mendes, Porto")
_BYLINE = re.compile(r"^(?i:by|por|texto de|reportagem de|written by|escrito por)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){0,6}"
                     r"(?:,\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2}"
                     # "By Rhian Mathias, Wales health correspondent", "Por Marta Gouveia, no Funchal"
                     r"|,\s+(?:[\w'’-]+\s+){0,3}(?i:correspondent|reporter|editor|writer|journalist|correspondente"
                     r"|jornalista|rep[oó]rter|editora?)"
                     r"|,\s+(?i:em|no|na|in)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2})?"
                     # and the page's chrome after it: "| Updated 18:40 | Share this article"
                     r"(?:\s+\|\s+[^|]{1,40}?)*$")


def is_byline(paragraph: str) -> bool:
    return len(paragraph) <= (140 if "|" in paragraph else 80) and bool(_BYLINE.match(paragraph.strip()))


def is_page_furniture(p: Passage) -> bool:
    """Whether the passage is the headline, the dateline or the byline."""
    return p.text == p.title or is_dateline(p.text) or is_byline(p.text)


def is_boilerplate(paragraph: str, title: str) -> bool:
    if len(paragraph) > _BOILERPLATE_MAX_CHARS:
        return False
    if _BOILERPLATE.search(paragraph):
        return True
    # A short line that repeats the headline inside other words is page chrome.
    # (a one-word headline such as "Brexit" is too common inside real sentences to count).
    return len(title.split()) >= 3 and title in paragraph and paragraph.strip().lstrip("#").strip() != title


def _chunks(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Sentences of one paragraph, grouped so that no passage grows past MAX_PASSAGE_CHARS."""
    groups: list[list[tuple[int, int]]] = [[]]
    for span in _cut_long(text, sentence_spans(text, start, end)):
        group = groups[-1]
        if group and span[1] - group[0][0] > MAX_PASSAGE_CHARS:
            groups.append([span])
        else:
            group.append(span)
    return [g for g in groups if g]


def _cut_long(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences longer than a passage (lists, text without full stops) are cut at white space."""
    out = []
    for s, e in spans:
        while e - s > MAX_PASSAGE_CHARS:
            cut = text.rfind(" ", s + MAX_PASSAGE_CHARS // 2, s + MAX_PASSAGE_CHARS)
            cut = cut if cut > s else s + MAX_PASSAGE_CHARS
            out.append(_trim(text, s, cut))
            s = _trim(text, cut, e)[0]
        out.append((s, e))
    return out


def passage_id(source: str, text: str, occurrence: int, sentences: tuple[tuple[int, int], ...] = (),
               start: int | None = None) -> str:
    """Stable while the text stays. A passage with a list, a table or a frame (its first sentence
    starting after `start`, as under a live blog's time) also keeps its split into sentences in its
    id: the index stores each passage's sentences, and one indexed before lists were split item by
    item (or tables row by row, or times set apart) is stored anew (other passages keep their ids,
    and their vectors)."""
    key = f"{source}\0{occurrence}\0{text}"
    framed = start is not None and bool(sentences) and sentences[0][0] > start
    if sentences and (framed or _LIST_ITEM.search(text) or _table(text, 0, len(text))):
        first = sentences[0][0]
        key += "\0" + ",".join(f"{s - first}-{e - first}" for s, e in sentences)
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _title_apart(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The headline line as a paragraph of its own: a lead written right under it, with no blank
    line between, is the story's first paragraph, not a short line repeating the headline (page
    chrome, which is dropped: "…reabriu as portas no sábado…" was lost with it)."""
    if not paragraphs:
        return paragraphs
    start, end = paragraphs[0]
    cut = text.find("\n", start, end)
    if cut == -1 or not text[cut:end].strip():
        return paragraphs
    return [_trim(text, start, cut), _trim(text, cut, end)] + paragraphs[1:]


def _chrome_lines_apart(text: str, paragraphs: list[tuple[int, int]], title: str) -> list[tuple[int, int]]:
    """A short paragraph with a line of page chrome in it ("Related: …" over "Updated 14:32 GMT",
    under the headline) is taken line by line, so that chrome goes and the rest stays."""
    out = []
    for start, end in paragraphs:
        if end - start > _BOILERPLATE_MAX_CHARS:
            out.append((start, end))
            continue
        lines = [_trim(text, s, e) for s, e in _line_spans(text, start, end)]
        if len(lines) > 1 and any(is_boilerplate(text[s:e], title) for s, e in lines):
            out.extend((s, e) for s, e in lines if s < e)
        else:
            out.append((start, end))
    return out


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end:
        cut = text.find("\n", start, end)
        cut = end if cut == -1 else cut
        yield start, cut
        start = cut + 1


# An interview's turns: "P: Quantos estudantes…?" / "R: Não são 12 mil…", "Q:" / "A:".
_ASKED = re.compile(r"(?:P|Q|Pergunta|Question|Interviewer|Entrevistador|Entrevistadora)\s*:\s+\S")
_ANSWERED = re.compile(r"(?:R|A|Resposta|Answer)\s*:\s+")


# A live blog's update opens on its time, on a line of its own: "21:15 GMT", "14h30", "9.05am".
_STAMP = re.compile(r"(\d{1,2}[:.h]\d\d(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)[ \t]*(?:\n|$)")


def _turns(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(frame start, start, end) of each paragraph's sentences. In an interview (two questions or
    more, each followed by an answer) an interviewer's question is no sentence of the article, but
    frames the answer under it: the answer's first paragraph is framed from the question's start
    (the passage holds both, its sentences only the answer's), and its "R:" is no part of a
    sentence. In a live blog (three updates or more opening on their time) the time frames its
    update the same way."""
    def framing(i: int, s: int, e: int) -> tuple[str, int] | None:
        """Whether paragraph i frames ("asked" or "stamp"), and where the framed text starts."""
        following = paragraphs[i + 1][0] if i + 1 < len(paragraphs) else None
        if _ASKED.match(text, s) and following is not None and not _ASKED.match(text, following):
            return "asked", following
        stamp = _STAMP.match(text, s)
        body = None if not stamp else stamp.end() if stamp.end() < e else following
        return None if body is None else ("stamp", body)

    found = {i: framing(i, s, e) for i, (s, e) in enumerate(paragraphs)}
    kinds = [f[0] for f in found.values() if f]
    active = {k for k, least in (("asked", 2), ("stamp", 3)) if kinds.count(k) >= least}
    frames = {i: f[1] if f and f[0] in active else None for i, f in found.items()}
    if not active:
        return [(s, s, e) for s, e in paragraphs]
    out, frame = [], None
    for i, (s, e) in enumerate(paragraphs):
        body = frames[i]
        if body is not None and body >= e:  # a frame of its own: the question, or a time's line
            frame = s
            continue
        marker = _ANSWERED.match(text, body if body is not None else s) if frame is not None else None
        start = marker.end() if marker else body if body is not None else s
        out.append((frame if frame is not None else s, start, e))
        frame = None
    return out


def split_article(source: str, text: str, suffix: str = ".txt") -> Article:
    paragraphs = _title_apart(text, paragraph_spans(text))
    if not paragraphs:
        raise IngestError(f"{source}: no text")
    title = _title_of(text, paragraphs[0], suffix)
    paragraphs = _chrome_lines_apart(text, paragraphs, title)
    seen: dict[str, int] = {}
    passages = []
    for frame, start, end in _turns(text, paragraphs):
        if is_boilerplate(text[frame:end], title):
            continue
        for n, group in enumerate(_chunks(text, start, end)):
            # The first from the paragraph's start: a list's heading is no sentence, but says what
            # its items are about ("Concessions"); nor is an interviewer's question.
            p_start, p_end = frame if n == 0 else group[0][0], group[-1][1]
            body = text[p_start:p_end]
            occurrence = seen.get(body, 0)
            seen[body] = occurrence + 1
            passages.append(Passage(
                id=passage_id(source, body, occurrence, tuple(group), p_start), source=source, title=title,
                text=body, start=p_start, end=p_end, sentences=tuple(group)))
    return Article(source=source, title=title, text=text, passages=tuple(passages))


def embedding_text(p: Passage) -> str:
    """What gets embedded: the passage with its headline, so that a short paragraph keeps its topic."""
    return p.text if not p.title or p.text == p.title else f"{p.title}\n{p.text}"


def load_article(path: Path, root: Path | None, max_bytes: int) -> Article:
    path, root = path.resolve(), root.resolve() if root else None
    source = str(path.relative_to(root)) if root and path.is_relative_to(root) else path.name
    return split_article(source, read_text(path, max_bytes), path.suffix.lower())


def _is_meta(path: Path) -> bool:
    """README.md, SOURCES.md, LICENSE.txt and the like describe the folder; they are not articles."""
    return path.stem.isupper()


def find_articles(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    """Article files under the given files or folders, each with the root its name is relative to."""
    found = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and file.suffix.lower() in SUPPORTED and not _is_meta(file):
                    found.append((file, path))
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                raise IngestError(f"{path}: unsupported file type (use {', '.join(SUPPORTED)})")
            found.append((path, path.parent))
        else:
            raise IngestError(f"{path}: no such file or folder")
    return found
