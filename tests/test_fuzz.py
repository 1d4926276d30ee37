"""Property tests (hypothesis): the pure text stages never crash on arbitrary Unicode and keep their
invariants. Ingest: every passage and sentence is exactly source[start:end], nothing is empty, ids are
stable. Citations: marker stripping only removes, a sentence copied from the evidence is supported by
it. Input hygiene: a cleaned question holds no control characters and respects the length limit;
replies and histories of any shape are parsed, never raised on."""
from __future__ import annotations

import os
import string
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from assistant import answer, cite
from assistant.answer import QuestionError, clean_question, normalize_history, parse_reply
from assistant.ingest import MAX_PASSAGE_CHARS, IngestError, load_article, split_article

# FUZZ_EXAMPLES=5000 for a longer hunt; the default keeps the file at a few seconds. No example
# database, and hypothesis' caches live in the temp folder: nothing is written into the working tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "article-assistant-hypothesis")
# Derandomized by default, so that a run is reproducible; FUZZ_EXAMPLES also turns the randomness on.
_N = int(os.environ.get("FUZZ_EXAMPLES", "150"))
_FIXED = "FUZZ_EXAMPLES" not in os.environ
FAST = settings(max_examples=_N, deadline=None, database=None, derandomize=_FIXED,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=max(_N // 4, 10), deadline=None, database=None, derandomize=_FIXED,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# -- strategies ----------------------------------------------------------------------------------

# Any Unicode (no lone surrogates: a file on disk is UTF-8, and those cannot be encoded).
any_text = st.text(max_size=600)

# Article-like text: words, numbers, names, sentence ends, abbreviations, quotes, blank lines, odd
# spaces and characters, so that the splitter's branches are all reached.
_PIECES = ["Sumy", "Kyiv", "Steve Witkoff", "Ucrânia", "disse", "the", "people", "35", "1.200", "3,5",
           "Sr.", "Dr.", "No.", "e.g.", "etc.", ".", "!", "?", "…", "“", "”", "«", "»", "\"", "(", ")",
           " ", " ", " ", "\n", "\n\n", "\n \n", "\r\n", "\t", "\u00a0", "\u2028", "\u200b", "\ufeff",
           "A", "É", "ß", "İ", "ǅ", "ﬁ", "𝐀", "١٢", "😀", "e\u0301", "[1]", "[2, 3]", "#", "<p>", "</p>",
           "&amp;", "Leia mais", "Read more", "cookies"]
newsy_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=160).map("".join)
article_text = st.one_of(any_text, newsy_text)

# Sentences as articles write them: words cased as words are (O'Neil, Jean-Luc, Ucrânia, NATO), numbers (35, 1.200, 3,5),
# punctuation after words, quotes around them.
_LOWER, _UPPER = string.ascii_lowercase + "áàâãéêíóôõúçñü", string.ascii_uppercase + "ÁÀÂÃÉÊÍÓÔÕÚÇÑÜ"
_word = st.one_of(
    st.from_regex(rf"[{_UPPER}]?[{_LOWER}]{{1,10}}(?:['’-][{_UPPER}]?[{_LOWER}]{{2,8}})?", fullmatch=True),
    st.from_regex(rf"[{_UPPER}]{{2,5}}", fullmatch=True),  # acronyms: NATO, EUA
    st.from_regex(r"[0-9]{1,4}(?:[.,][0-9]{3})?(?:,[0-9])?", fullmatch=True),
    st.sampled_from(["A", "O", "The", "Sr.", "US", "UE", "Sumy", "Kyiv", "Steve", "Witkoff", "Macron"]))
_token = st.builds(lambda pre, w, post: pre + w + post, st.sampled_from(["", "", "", "“", "(", "\""]), _word,
                   st.sampled_from(["", "", "", ",", ";", ":", ")", "”", "\"", "'s", "’s"]))
real_text = st.builds(lambda ws, end: " ".join(ws) + end, st.lists(_token, min_size=1, max_size=25),
                      st.sampled_from([".", "!", "?", "", "…"]))

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
turn = st.one_of(
    st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant", "system", "tool", "", None]),
                           "content": st.one_of(st.text(max_size=40), json_like,
                                                st.lists(st.fixed_dictionaries(
                                                    {"type": st.just("text"), "text": st.text(max_size=20)}),
                                                    max_size=3))}),
    st.tuples(st.sampled_from(["user", "assistant", "x"]), st.text(max_size=40)),
    json_like)


# -- ingest --------------------------------------------------------------------------------------

def _check_article(article, text: str) -> None:
    assert article.text == text
    previous_end = 0
    ids = [p.id for p in article.passages]
    assert len(ids) == len(set(ids)), "two passages share an id"
    for p in article.passages:
        assert p.text == text[p.start:p.end]
        assert p.text.strip() and p.text == p.text.strip(), f"empty or untrimmed passage {p.text!r}"
        assert p.start >= previous_end, "passages overlap or are out of order"
        assert p.end - p.start <= MAX_PASSAGE_CHARS
        previous_end = p.end
        assert p.sentences
        last = p.start
        for s, e in p.sentences:
            assert p.start <= s < e <= p.end and s >= last
            sentence = text[s:e]
            assert sentence.strip() and sentence == sentence.strip(), f"bad sentence {sentence!r}"
            last = e


@FAST
@given(article_text)
@example("Title\n\n\n")
@example("x" * (3 * MAX_PASSAGE_CHARS + 7))
@example(("word " * 700).strip())
@example("T\n\nSr. Silva disse. Dr. Who? “Sim.” Fim…\n\nSr. Silva disse. Dr. Who? “Sim.” Fim…")
def test_split_article_keeps_exact_offsets(text):
    try:
        article = split_article("fuzz.txt", text)
    except IngestError:
        assert not text.strip(), "only a blank text may be refused"
        return
    _check_article(article, text)
    again = split_article("fuzz.txt", text)
    assert [p.id for p in again.passages] == [p.id for p in article.passages], "ids are not stable"
    assert [(p.start, p.end, p.sentences) for p in again.passages] == \
           [(p.start, p.end, p.sentences) for p in article.passages]


@SLOW
@given(text=article_text, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_load_article_from_a_file(tmp_path, text, suffix):
    path = tmp_path / f"fuzz{suffix}"
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    try:
        article = load_article(path, tmp_path, 5_000_000)
    except IngestError as exc:
        assert str(path) in str(exc), "the error names the file"
        return
    if suffix != ".html":
        assert article.text == raw.decode("utf-8-sig")
    _check_article(article, article.text)
    assert article.source == path.name
    assert [p.id for p in load_article(path, tmp_path, 5_000_000).passages] == [p.id for p in article.passages]


# -- citations -----------------------------------------------------------------------------------

def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


@FAST
@given(st.one_of(any_text, newsy_text))
@example("[[1]1]")
@example("35 pessoas [1] [2,3] [ 4 ; 5 ]")
def test_strip_markers_only_removes(text):
    out = cite.strip_markers(text)
    assert out == out.strip()
    assert _is_subsequence(out, text)
    if "[" not in text:
        assert out == text.strip()


@FAST
@given(st.one_of(any_text, newsy_text))
def test_answer_sentences_come_from_the_answer(text):
    clean = cite.strip_markers(text)
    for sentence in cite.answer_sentences(text):
        assert sentence and sentence == sentence.strip()
        assert sentence in clean


@FAST
@given(st.one_of(any_text, newsy_text), st.one_of(any_text, newsy_text))
def test_missing_facts_and_names_never_crash(sentence, evidence):
    missing = cite.missing_facts(sentence, evidence)
    assert isinstance(missing, list) and all(isinstance(m, str) and m for m in missing)
    assert all(isinstance(n, tuple) and n for n in cite.names(sentence))
    assert 0.0 <= cite.overlap(sentence, evidence) <= 1.0


@pytest.mark.xfail(strict=True, reason="cite.names reads words with [\\w'’] (digits, trailing apostrophes) "
                                       "but the evidence's tokens without: the name 'a’' of \"Á’\" is not found "
                                       "in its own text. Odd punctuation only; real words pass (see above)")
@pytest.mark.parametrize("sentence", ["Á’ failed.", "'A’", "00’A-0", "A aAA’AA's."])
def test_names_with_odd_punctuation_against_their_own_text(sentence):
    assert cite.missing_facts(sentence, sentence) == []


@FAST
@given(real_text)
@example("Steve Witkoff met Emmanuel Macron in Paris on Thursday.")
@example("Pelo menos 1.200 pessoas morreram em Sumy, na Ucrânia.")
def test_a_sentence_supports_itself(sentence):
    """A verbatim quote of the evidence (what the extractive answers are) always passes verification."""
    assert cite.missing_facts(sentence, sentence) == []


@FAST
@given(sentence=real_text, others=st.lists(st.one_of(any_text, newsy_text), max_size=4),
       question=st.one_of(any_text, real_text), data=st.data())
def test_bind_finds_the_passage_that_quotes_the_sentence(sentence, others, question, data):
    at = data.draw(st.integers(0, len(others)))
    passages = others[:at] + [sentence] + others[at:]
    sims = data.draw(st.lists(st.floats(-1, 1), min_size=len(passages), max_size=len(passages)))
    support = cite.bind(sentence, passages, sims, question="")
    assert support.passage_index is not None and support.missing == ()
    # With a question and article context too, bind answers within bounds and never raises.
    support = cite.bind(sentence, passages, sims, question=question, context=passages)
    if support.passage_index is None:
        assert support.missing
    else:
        assert 0 <= support.passage_index < len(passages) and support.missing == ()


@FAST
@given(st.one_of(any_text, newsy_text), st.lists(st.one_of(any_text, newsy_text), max_size=3))
def test_bind_never_crashes(sentence, passages):
    support = cite.bind(sentence, passages, [0.5] * len(passages), question=sentence[:20])
    assert support.passage_index is None or 0 <= support.passage_index < len(passages)
    assert cite.bind(sentence, [], []).passage_index is None


# -- questions, replies, histories ---------------------------------------------------------------

_FORBIDDEN = ("Cc", "Cf", "Zl", "Zp")
questions = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Ll"]), max_size=300),
    st.lists(st.sampled_from(["What", " ", "\x00", "\x1b[31m", "\u202e", "\u200b", "\r\n", "\t", "\u2028",
                              "é", "?", "\ufeff", "\x85", "PWNED"]), max_size=80).map("".join))


@FAST
@given(questions, st.integers(10, 400))
@example("\x00\x01\u202e\u2028  ", 10)
@example("a" * 11, 10)
@example("What\x00is\u202ethis?", 10)
def test_clean_question(question, max_chars):
    try:
        out = clean_question(question, max_chars)
    except QuestionError as exc:
        assert str(exc)
        folded = " ".join("".join(" " if unicodedata.category(c) in _FORBIDDEN else c for c in question).split())
        assert not folded or len(folded) > max_chars
        return
    assert out and out == out.strip() and len(out) <= max_chars
    assert not [c for c in out if unicodedata.category(c) in _FORBIDDEN], repr(out)
    assert "  " not in out and "\n" not in out and "\t" not in out
    assert clean_question(out, max_chars) == out, "cleaning is idempotent"


def test_clean_question_output_is_utf8():
    clean_question("Who is \ud800 Witkoff?", 100).encode("utf-8")


@FAST
@given(st.one_of(st.text(max_size=300), newsy_text,
                 st.builds(lambda n, a, junk: f"{junk}\nExcerpt: {n}\nAnswer: {a}\n{junk}",
                           st.integers(-5, 10**6), st.text(max_size=60), st.text(max_size=30)),
                 st.builds(lambda n, a: f"Trecho: [{n}]\nResposta: {a}", st.integers(0, 99), st.text(max_size=60))))
@example("Excerpt: 0\nAnswer: NOT_FOUND")
@example("Excerpt: ١٢\nAnswer: x")
@example("Answer:")
def test_parse_reply_never_crashes(raw):
    chosen, text = parse_reply(raw)
    assert chosen is None or (isinstance(chosen, int) and chosen >= 0)
    assert isinstance(text, str) and text == text.strip()
    assert isinstance(answer._is_refusal(raw), bool)


def test_parse_reply_huge_excerpt_number():
    """A junk reply must not raise (int() of over 4300 digits did): such a number is no excerpt."""
    assert parse_reply("Excerpt: " + "9" * 5000 + "\nAnswer: yes") == (None, "yes")


def _non_string_block_text(history) -> bool:
    items = history if isinstance(history, list) else []
    for item in items:
        content = item.get("content") if isinstance(item, dict) else (
            item[1] if isinstance(item, (list, tuple)) and len(item) == 2 else None)
        if isinstance(content, list) and any(isinstance(b, dict) and not isinstance(b.get("text", ""), str)
                                             for b in content):
            return True
    return False


@FAST
@given(st.one_of(st.none(), st.lists(turn, max_size=12)), st.integers(0, 5))
@example([{"role": "user", "content": [{"type": "text", "text": " hi "}, {"type": "image"}, "x", 3]}], 2)
@example([["user", "a"], ["assistant", "b"], ("user", None), ["user"]], 1)
def test_normalize_history_never_crashes(history, max_turns):
    assume(not _non_string_block_text(history))  # a known bug: test_normalize_history_non_string_block_text
    turns = normalize_history(history, max_turns)
    assert len(turns) <= 2 * max_turns
    for t in turns:
        assert set(t) == {"role", "content"} and t["role"] in ("user", "assistant")
        assert isinstance(t["content"], str) and t["content"] and t["content"] == t["content"].strip()


@pytest.mark.parametrize("text", [None, 5, ["a"]])
def test_normalize_history_non_string_block_text(text):
    normalize_history([{"role": "user", "content": [{"type": "text", "text": text}]}], 5)
