"""Ingest: passages and sentences keep exact offsets into the source text; page chrome goes, the
title stays; ids are stable; unreadable files fail with the path in the message."""
from __future__ import annotations

import random

import pytest

from assistant import ingest
from assistant.ingest import (
    MAX_PASSAGE_CHARS,
    IngestError,
    find_articles,
    html_to_text,
    load_article,
    paragraph_spans,
    sentence_spans,
    split_article,
)
from conftest import PARIS, source_text

BIG = 5_000_000


def check_spans(article) -> None:
    """The offset invariants every article must satisfy."""
    text = article.text
    previous_end = -1
    for p in article.passages:
        assert p.text == text[p.start:p.end]
        assert p.text and p.text == p.text.strip()
        assert p.start >= previous_end, "passages overlap or are out of order"
        previous_end = p.end
        assert p.sentences, f"passage without sentences: {p.text!r}"
        last = p.start
        for s, e in p.sentences:
            assert p.start <= s < e <= p.end, (s, e, p.start, p.end)
            assert s >= last, "sentences overlap or are out of order"
            last = e
            sentence = text[s:e]
            assert sentence == sentence.strip() and sentence
            assert sentence in p.text
        head = ingest._LIST_ITEM.sub("", text[p.start:p.sentences[0][0]]).strip()
        assert not head or ingest._heading(head) or ingest._table(text, p.start, p.end) or ingest._ASKED.match(head), (
            f"only a list's heading, a table's title and header or an interviewer's question come before "
            f"the first sentence: {head!r}")
        assert p.sentences[-1][1] == p.end


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


# -- the real article ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def paris():
    return load_article(PARIS, PARIS.parent, BIG), source_text(PARIS)


def test_real_article_offsets_slice_the_file(paris):
    article, raw = paris
    assert article.text == raw
    assert len(article.passages) >= 10
    check_spans(article)
    # every sentence of the body is findable by slicing the file
    assert any(raw[s:e].startswith("Os esforços contínuos") and "35 pessoas" in raw[s:e]
               for p in article.passages for s, e in p.sentences)


def test_real_article_drops_the_viewing_line_but_keeps_the_title(paris):
    article, raw = paris
    first_line = raw.splitlines()[0].strip()
    chrome = next(line for line in raw.splitlines() if "visualizando" in line)
    assert chrome.startswith("No momento, você está visualizando") and first_line in chrome
    assert article.title == first_line
    assert article.passages[0].text == first_line
    assert all("visualizando" not in p.text for p in article.passages)
    assert all(p.title == first_line for p in article.passages)
    # Nothing else is lost: the passages are exactly the paragraphs minus the chrome line.
    paragraphs = [(s, e) for s, e in paragraph_spans(raw) if raw[s:e] != chrome]
    assert [(p.start, p.end) for p in article.passages] == paragraphs


def test_real_article_quote_with_disse_is_one_sentence(paris):
    article, raw = paris
    spans = [raw[s:e] for p in article.passages for s, e in p.sentences]
    assert "“Queremos que os EUA usem um pouco mais de bastão”, disse um funcionário." in spans


# -- synthetic texts -------------------------------------------------------------------------------

def check_split(text: str, title: str, passages: list[str]) -> None:
    """The text splits into this title and these passages, each at its offsets."""
    article = split_article("synthetic.txt", text)
    assert article.title == title
    assert [p.text for p in article.passages] == passages
    check_spans(article)


def test_boilerplate_dropped_title_kept_synthetic():
    text = ("Cúpula em Lisboa termina sem acordo\n\n"
            "No momento, você está visualizando Cúpula em Lisboa termina sem acordo\n\n"
            "Os líderes deixaram Lisboa na sexta-feira.\n\n"
            "Leia também\n\n"
            "A próxima reunião será em Madri.\n")
    check_split(text, "Cúpula em Lisboa termina sem acordo", [
        "Cúpula em Lisboa termina sem acordo",
        "Os líderes deixaram Lisboa na sexta-feira.",
        "A próxima reunião será em Madri.",
    ])


def test_lead_right_under_the_headline_is_kept():
    """With no blank line between them, headline and lead were one short paragraph holding the
    headline: taken for page chrome, the story's first paragraph was dropped."""
    text = ("Biblioteca de Braga reabre após três anos de obras\n"
            "A Biblioteca Municipal de Braga reabriu no sábado, depois de três anos fechada.\n\n"
            "O edifício tem agora 4.200 metros quadrados.\n")
    check_split(text, "Biblioteca de Braga reabre após três anos de obras", [
        "Biblioteca de Braga reabre após três anos de obras",
        "A Biblioteca Municipal de Braga reabriu no sábado, depois de três anos fechada.",
        "O edifício tem agora 4.200 metros quadrados.",
    ])
    # and page chrome right under the headline still goes
    check_split("Cúpula em Lisboa termina sem acordo\n"
                "No momento, você está visualizando Cúpula em Lisboa termina sem acordo\n\n"
                "Os líderes deixaram Lisboa.\n",
                "Cúpula em Lisboa termina sem acordo",
                ["Cúpula em Lisboa termina sem acordo", "Os líderes deixaram Lisboa."])


def test_long_paragraph_with_boilerplate_words_is_kept():
    # Only short paragraphs can be page chrome; a long article paragraph that mentions cookies stays.
    body = ("A empresa foi multada porque usava cookies sem o consentimento dos usuários, disse o "
            "regulador, que abriu outras doze investigações sobre o mesmo tema em 2024. ") * 3
    article = split_article("multa.txt", "Multa recorde\n\n" + body.strip() + "\n")
    assert any("cookies" in p.text for p in article.passages)


def test_abbreviations_do_not_end_sentences():
    text = "O Sr. Silva chegou cedo. A Sra. Costa e o Dr. Lima chegaram depois. Mr. Smith did not."
    assert sentences_of(text) == [
        "O Sr. Silva chegou cedo.",
        "A Sra. Costa e o Dr. Lima chegaram depois.",
        "Mr. Smith did not.",
    ]


def test_quotes_followed_by_disse_stay_in_one_sentence():
    text = ("“Queremos mais pressão”, disse um funcionário. “Vamos vencer!” disse outro. "
            "Ele respondeu: “Estamos prontos”. O encontro acabou.")
    assert sentences_of(text) == [
        "“Queremos mais pressão”, disse um funcionário.",
        "“Vamos vencer!” disse outro.",
        "Ele respondeu: “Estamos prontos”.",
        "O encontro acabou.",
    ]


def test_numbers_with_points_do_not_end_sentences():
    text = "A obra custou 1.200 milhões e 3.5 por cento a mais. Terminou em 2023. O resto ficou."
    assert sentences_of(text) == [
        "A obra custou 1.200 milhões e 3.5 por cento a mais.",
        "Terminou em 2023.",
        "O resto ficou.",
    ]


def test_sentence_keeps_its_closing_quote():
    text = "Ele disse: “Vamos vencer.” O ministro concordou."
    assert sentences_of(text) == ["Ele disse: “Vamos vencer.”", "O ministro concordou."]


def test_long_paragraph_is_split_under_the_limit():
    sentence = "O ministro da Defesa chegou à capital francesa para participar das discussões número {}."
    paragraph = " ".join(sentence.format(i) for i in range(50))
    assert len(paragraph) > 3 * MAX_PASSAGE_CHARS
    text = "Título\n\n" + paragraph + "\n\nFim do artigo.\n"
    article = split_article("longo.txt", text)
    check_spans(article)
    body = [p for p in article.passages if p.text not in ("Título", "Fim do artigo.")]
    assert len(body) >= 3
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in body)
    # the pieces cover the paragraph's sentences, each exactly once and in order
    got = [text[s:e] for p in body for s, e in p.sentences]
    assert got == [sentence.format(i) for i in range(50)]


def test_paragraph_without_sentence_ends_is_still_split():
    paragraph = "\n".join(f"item {i} da lista de compromissos assumidos pelos ministros europeus" for i in range(60))
    article = split_article("lista.txt", "Título\n\n" + paragraph + "\n")
    check_spans(article)
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in article.passages)


def test_short_headline_does_not_drop_article_sentences():
    article = split_article("brexit.txt", "Brexit\n\nO Brexit entrou em vigor em 2020.\n\nOutro fato.\n")
    assert "O Brexit entrou em vigor em 2020." in [p.text for p in article.passages]


def test_crlf_and_bom_offsets(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffTítulo do texto\r\n\r\nPrimeira frase. Segunda frase.\r\n\r\nOutro parágrafo.\r\n"
                     .encode("utf-8"))
    article = load_article(path, tmp_path, BIG)
    assert article.title == "Título do texto"
    check_spans(article)
    assert [p.text for p in article.passages] == ["Título do texto", "Primeira frase. Segunda frase.",
                                                  "Outro parágrafo."]
    assert all("\r" not in p.text for p in article.passages)


PIECES = ["Ana", "Sr.", "disse", "35", "1.200", "“Sim”", "fim.", "Fim!", "ok?", "…", "(nota)", " ", "  ", "\n",
          "\n\n", "\r\n", "\t", "«Não.»", "e", "Witkoff,", "ação", "No.", "U.S.", "x" * 300, "\n- ", "- ", "\n1) ",
          "\n• "]


@pytest.mark.parametrize("seed", range(6))
def test_span_invariants_hold_for_any_text(seed):
    rng = random.Random(seed)
    for _ in range(50):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 80)))
        if not text.strip():
            with pytest.raises(IngestError):
                split_article("r.txt", text)
            continue
        check_spans(split_article("r.txt", text))


def test_md_title_is_stripped_of_hashes(tmp_path):
    path = tmp_path / "nota.md"
    path.write_text("# Eleições   em Portugal\n\nO governo caiu na terça-feira.\n\n## Reações\n\nA oposição "
                    "pediu novas eleições.\n", encoding="utf-8")
    article = load_article(path, tmp_path, BIG)
    assert article.title == "Eleições   em Portugal"
    assert all(p.title == "Eleições   em Portugal" for p in article.passages)
    assert "O governo caiu na terça-feira." in [p.text for p in article.passages]
    check_spans(article)


def test_html_extraction(tmp_path):
    markup = """<!doctype html><html><head><title>Acordo em Paris</title>
<style>p { color: red }</style><script>var tracking = "segredo";</script></head>
<body><nav>Início | Mundo | Assine</nav>
<article><h1>Acordo em Paris</h1>
<p>Os ministros   chegaram na <b>quinta-feira</b> &amp; ficaram até sábado.</p>
<p>O acordo prevê 35 medidas.<br>Outra linha.</p></article>
<footer><script>alert(1)</script></footer></body></html>"""
    text = html_to_text(markup)
    assert "segredo" not in text and "color" not in text and "alert" not in text and "Assine" not in text
    assert "Os ministros chegaram na quinta-feira & ficaram até sábado." in text
    assert "<" not in text
    path = tmp_path / "acordo.html"
    path.write_text(markup, encoding="utf-8")
    article = load_article(path, tmp_path, BIG)
    assert article.title == "Acordo em Paris"
    texts = [p.text for p in article.passages]
    assert "Os ministros chegaram na quinta-feira & ficaram até sábado." in texts
    assert "O acordo prevê 35 medidas." in texts
    check_spans(article)


# -- ids ---------------------------------------------------------------------------------------------

BASE = "Título\n\nPrimeiro parágrafo sobre Paris.\n\nSegundo parágrafo sobre Lisboa.\n\nTerceiro sobre Roma.\n"


def test_ids_are_stable():
    a, b = split_article("n.txt", BASE), split_article("n.txt", BASE)
    assert [p.id for p in a.passages] == [p.id for p in b.passages]
    assert len({p.id for p in a.passages}) == len(a.passages) == 4


def test_changing_one_paragraph_changes_only_its_id():
    before = split_article("n.txt", BASE)
    after = split_article("n.txt", BASE.replace("sobre Lisboa", "sobre o Porto"))
    changed = [(x.id, y.id) for x, y in zip(before.passages, after.passages) if x.id != y.id]
    assert len(before.passages) == len(after.passages)
    assert len(changed) == 1
    assert changed[0][0] == before.passages[2].id


def test_ids_depend_on_the_source_name():
    a, b = split_article("a.txt", BASE), split_article("b.txt", BASE)
    assert not {p.id for p in a.passages} & {p.id for p in b.passages}


def test_identical_paragraphs_get_distinct_ids():
    article = split_article("r.txt", "Título\n\nLeia o texto abaixo.\n\nCorpo.\n\nLeia o texto abaixo.\n")
    same = [p for p in article.passages if p.text == "Leia o texto abaixo."]
    assert len(same) == 2 and same[0].id != same[1].id
    assert len({p.id for p in article.passages}) == len(article.passages)


# -- errors --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, content, cause", [
    ("binario.txt", b"PK\x03\x04\x00\x00abc", "binary"),
    ("latin1.txt", "Título\n\nCafé em São Paulo.\n".encode("latin-1"), "UTF-8"),
    ("vazio.txt", b"", "empty"),
    ("branco.md", b"  \n\n\t \n", "empty"),
    ("so-script.html", b"<html><script>var x = 1;</script></html>", "empty"),
])
def test_unreadable_files_raise_with_the_path(tmp_path, name, content, cause):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as err:
        load_article(path, tmp_path, BIG)
    assert str(path) in str(err.value)
    assert cause.lower() in str(err.value).lower()


def test_oversize_file_raises(tmp_path):
    path = tmp_path / "grande.txt"
    path.write_text("Título\n\n" + "palavra " * 500, encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_article(path, tmp_path, 1000)
    assert str(path) in str(err.value) and "1000" in str(err.value)
    assert load_article(path, tmp_path, BIG).passages  # the same file under the limit is fine


def test_unsupported_suffix_and_missing_path(tmp_path):
    pdf = tmp_path / "artigo.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError) as err:
        find_articles([pdf])
    assert str(pdf) in str(err.value) and "unsupported" in str(err.value)
    missing = tmp_path / "nao-existe"
    with pytest.raises(IngestError) as err:
        find_articles([missing])
    assert str(missing) in str(err.value)


def test_folder_meta_files_are_not_articles(tmp_path):
    for name in ("README.md", "SOURCES.md", "LICENSE.txt", "a.txt", "b.md", "c.html", "notes.pdf"):
        (tmp_path / name).write_text("Título\n\nTexto.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Título\n\nTexto.\n", encoding="utf-8")
    found = find_articles([tmp_path])
    assert sorted(str(p.relative_to(tmp_path)) for p, _ in found) == ["a.txt", "b.md", "c.html", "sub/d.txt"]
    assert all(root == tmp_path for _, root in found)
    article = load_article(tmp_path / "sub" / "d.txt", tmp_path, BIG)
    assert article.source == "sub/d.txt"


def test_real_articles_folder_skips_sources_md():
    found = [p.name for p, _ in find_articles([PARIS.parent])]
    assert PARIS.name in found and "SOURCES.md" not in found


def test_supported_suffixes_are_the_documented_ones():
    assert set(ingest.SUPPORTED) == {".txt", ".md", ".html", ".htm"}


@pytest.mark.parametrize("line", ["Saturday, February 2, 2008", "Sábado, 2 de fevereiro de 2008", "2025-04-03",
                                  "Publicado em 3 de abril de 2025, às 10h30", "Updated: Feb. 2, 2008 at 10:30 am EST",
                                  "3/4/2025"])
def test_a_paragraph_that_is_only_a_date_is_a_dateline(line):
    assert ingest.is_dateline(line)


@pytest.mark.parametrize("line", ["On February 4, NASA will digitally transmit the Beatles song",
                                  "Em maio de 2023, antes de retornar à Casa Branca", "February 2008 was cold",
                                  "NASA to beam Beatles song into deep space", ""])
def test_a_sentence_with_a_date_in_it_is_no_dateline(line):
    assert not ingest.is_dateline(line)


@pytest.mark.parametrize("line, byline", [
    ("By Jane Doe", True), ("Por Maria Silva, em Lisboa", True), ("Por Maria Silva em Lisboa", True),
    ("By Rhian Mathias, Wales health correspondent", True), ("By Tuesday, the water had receded.", False),
    ("Texto de João Pereira", True), ("By February 4, NASA will have sent the song.", False),
    ("Por isso, a linha vai abrir em 2030.", False), ("Saturday, February 2, 2008", False),
    ("By Clara Mendes, Porto", True), ("By February 4, NASA will send it", False)])
def test_a_short_paragraph_naming_who_wrote_the_story_is_a_byline(line, byline):
    assert ingest.is_byline(line) is byline


def test_share_buttons_are_page_chrome_and_a_sentence_about_sharing_is_not():
    text = ("Pescadores contestam corte na quota\n\n"
            "Partilhar no Facebook Partilhar no X Enviar por e-mail\n\n"
            "O Governo vai partilhar os dados com Espanha.\n")
    check_split(text, "Pescadores contestam corte na quota", [
        "Pescadores contestam corte na quota",
        "O Governo vai partilhar os dados com Espanha.",
    ])


@pytest.mark.parametrize("line, chrome", [
    ("Sign up for our morning briefing", True), ("Inscreva-se na nossa newsletter", True),
    ("Thousands sign up for the new bike scheme.", False), ("Subscreveram a petição 3.000 pessoas.", False)])
def test_newsletter_prompts_are_page_chrome(line, chrome):
    assert ingest.is_boilerplate(line, "Porto airport's new terminal delayed") is chrome


def test_links_to_other_stories_and_a_bare_time_stamp_are_page_chrome():
    """Under the headline, one short paragraph held "Related: Antwerp port strike ends after three
    days" over "Updated 14:32 GMT": indexed, its "three days" was cited for "Tres pinturas"."""
    text = ("Two paintings stolen from Ghent museum\n"
            "Related: Antwerp port strike ends after three days\n"
            "Updated 14:32 GMT\n\n"
            "Two paintings were stolen on Sunday.\n\n"
            "Veja também: Preço do pão sobe\n"
            "Atualizado às 10h30\n\n"
            "Published 2 hours ago\n\n"
            "Atualizado há 2 horas\n\n"
            "The related works were not touched.\n")
    check_split(text, "Two paintings stolen from Ghent museum", [
        "Two paintings stolen from Ghent museum",
        "Two paintings were stolen on Sunday.",
        "The related works were not touched.",
    ])


def test_a_short_paragraph_with_one_chrome_line_keeps_its_other_lines():
    text = ("Seca no Alentejo\n\n"
            "Leia também: Preço dos combustíveis sobe\n"
            "O Governo cortou a água para rega.\n")
    check_split(text, "Seca no Alentejo", ["Seca no Alentejo", "O Governo cortou a água para rega."])


@pytest.mark.parametrize("line, chrome", [
    ("Ouvir este artigo", True), ("Listen to this article", True), ("4 min read", True),
    ("Tempo de leitura: 3 min", True),
    ("Ouvir este artigo foi a melhor parte do dia, disse a ministra.", False),  # too long: a sentence
    ("Listen to the people of Faro, the mayor said.", False)])
def test_audio_and_reading_time_widgets_are_page_chrome(line, chrome):
    assert ingest.is_boilerplate(line, "Hospital de Faro abre nova urgência pediátrica") is chrome


LIST = """Fares to rise from 6 April: what we know so far
By Priya Sandhu, Transport Correspondent | Updated 18:40

Fares will rise by up to 40p. Here is what we know so far.

What is changing
- The new fares take effect on Sunday 6 April.
- An adult single bus fare will rise from £2.00 to £2.40, an increase of 20%.
• The day ticket goes up. It costs £5.70.
2) Under-16s keep paying £1 for a single.
"""


def test_each_list_item_is_a_sentence_and_its_heading_frames_the_passage():
    article = split_article("f.txt", LIST)
    check_spans(article)
    listed = next(p for p in article.passages if p.text.startswith("What is changing"))
    sentences = [LIST[s:e] for s, e in listed.sentences]
    assert sentences == ["The new fares take effect on Sunday 6 April.",
                         "An adult single bus fare will rise from £2.00 to £2.40, an increase of 20%.",
                         "The day ticket goes up.", "It costs £5.70.", "Under-16s keep paying £1 for a single."]
    # A line of prose keeps its sentences, and a hyphen inside a line is no item.
    assert sentence_spans("A well-known fact - and a dash.", 0, 31) == [(0, 31)]
    # A list that opens its paragraph, with no heading.
    text = "Intro.\n\n- One thing.\n- Another."
    assert [text[s:e] for s, e in sentence_spans(text, 8, len(text))] == ["One thing.", "Another."]


def test_a_byline_with_page_chrome_is_a_byline():
    assert ingest.is_byline("By Priya Sandhu, Transport Correspondent | Updated 18:40")
    assert ingest.is_byline("By Ruth Calloway, Arts Correspondent | Published 7 hours ago | Share this article")
    assert not ingest.is_byline("By the way, this is not | a byline at all really")


def test_ids_of_lists_change_when_split_otherwise_and_others_stay():
    listed = "Fares\n- One. Two.\n- Three."
    a = ingest.passage_id("a.txt", listed, 0, ((6, 10), (11, 15), (18, 24)))
    assert a == ingest.passage_id("a.txt", listed, 0, ((16, 20), (21, 25), (28, 34)))  # where it stands aside
    assert a != ingest.passage_id("a.txt", listed, 0, ((0, 24),))
    # A passage with no list keeps the id it had before lists were split (its vector is kept).
    digest = __import__("hashlib").sha256("a.txt\x000\x00One. Two.".encode()).hexdigest()[:24]
    assert ingest.passage_id("a.txt", "One. Two.", 0, ((0, 4), (5, 9))) == digest


TABLE = """Gasóleo sobe na segunda-feira
Partilhar no Facebook | Twitter | Email

O gasóleo sobe 4,5 cêntimos.

Preços médios por litro (euros)
Combustível | Esta semana | Próxima semana | Variação
Gasóleo simples | 1,642 | 1,687 | +4,5 cêntimos
Gasolina 98 | 1,861 | 1,883 | +2,2 cêntimos
Fonte: APDC, com base nas cotações da semana

| Team | Won | Lost |
|------|----:|-----:|
| Porto | 10 | 2 |
| Braga | 8 | 4 |
"""


def test_each_table_row_is_a_sentence_read_under_its_column_names():
    article = split_article("c.txt", TABLE)
    check_spans(article)
    table = next(p for p in article.passages if p.text.startswith("Preços"))
    rows = [TABLE[s:e] for s, e in table.sentences]
    # The title and the header row are no sentences; the line after the rows is one.
    assert rows == ["Gasóleo simples | 1,642 | 1,687 | +4,5 cêntimos", "Gasolina 98 | 1,861 | 1,883 | +2,2 cêntimos",
                    "Fonte: APDC, com base nas cotações da semana"]
    assert [ingest.reading(table, s, e) for s, e in table.sentences][1:] == [
        "Preços médios por litro (euros): Gasolina 98: Esta semana 1,861; Próxima semana 1,883; Variação +2,2 cêntimos",
        "Fonte: APDC, com base nas cotações da semana"]
    # A Markdown table, its rule line skipped.
    md = next(p for p in article.passages if p.text.startswith("| Team"))
    assert [ingest.reading(md, s, e) for s, e in md.sentences] == ["Porto: Won 10; Lost 2", "Braga: Won 8; Lost 4"]
    # One line of cells is no table: the share buttons are chrome, a byline stays a line.
    assert not any(p.text.startswith("Partilhar") for p in article.passages)
    assert sentence_spans("Por Ana Lopes | 12 de março", 0, 27) == [(0, 27)]
    # A prose sentence is read as written.
    lead = next(p for p in article.passages if p.text.startswith("O gasóleo"))
    assert ingest.reading(lead, *lead.sentences[0]) == "O gasóleo sobe 4,5 cêntimos."
    # A table longer than a passage: the rows of the second passage are read as written, not under
    # the first of them as if it were a header.
    long = "Título\n\nA | B | C\n" + "".join(f"linha {i} com um nome longo | {i},5 | {i + 1},75\n" for i in range(60))
    parts = [p for p in split_article("g.txt", long).passages if "|" in p.text]
    assert len(parts) > 1
    assert ingest.reading(parts[0], *parts[0].sentences[1]) == "linha 1 com um nome longo: B 1,5; C 2,75"
    later = parts[1]
    assert all(ingest.reading(later, s, e) == long[s:e] for s, e in later.sentences)
    # A table split otherwise gets a new id, so an old index stores it anew.
    assert ingest.passage_id("c.txt", table.text, 0, table.sentences) != ingest.passage_id("c.txt", table.text, 0)


INTERVIEW = """Reitora: "Sem casas, nenhuma universidade cresce"
Por Joana Quintela | 12 de março de 2026

Teresa Vidigal, 54 anos, é reitora desde 2023.

P: A universidade tem hoje 12 mil estudantes. Quantos mais consegue receber?

R: Não são 12 mil, são 14 mil. Doze mil era o número de 2019.

P: Quanto vai custar a nova residência?

R: Vai custar 23,5 milhões de euros.

Mais tarde, a reitora mostrou-nos a obra.
"""


def test_an_interviewers_question_frames_the_answer_and_is_no_sentence():
    article = split_article("r.txt", INTERVIEW)
    check_spans(article)
    first, second = [p for p in article.passages if p.text.startswith("P:")]
    # The passage holds the question and the answer, its sentences only the answer's, "R:" left out.
    assert first.text.endswith("Doze mil era o número de 2019.")
    assert [INTERVIEW[s:e] for s, e in first.sentences] == ["Não são 12 mil, são 14 mil.", "Doze mil era o número de 2019."]
    assert ingest.reading(second, *second.sentences[0]) == (
        "P: Quanto vai custar a nova residência? R: Vai custar 23,5 milhões de euros.")
    # Prose after the last answer is read as prose.
    last = article.passages[-1]
    assert ingest.reading(last, *last.sentences[0]) == "Mais tarde, a reitora mostrou-nos a obra."
    # One "P:" paragraph is no interview: it stays a sentence of its own.
    single = split_article("s.txt", "Título\n\nP: Uma pergunta?\n\nUma resposta.\n")
    assert [p.text for p in single.passages][1:] == ["P: Uma pergunta?", "Uma resposta."]


LIVE = """Storm batters west Wales – live
Live updates | Last updated 21:15 GMT

21:00 GMT
Power is back for 20,000 homes. Some will wait until Wednesday.

17:30
61,000 homes are without power.

14h00

48,000 homes have lost power.
"""


def test_a_live_blogs_time_frames_its_update():
    article = split_article("l.txt", LIVE)
    check_spans(article)
    updates = [p for p in article.passages if p.text[:1].isdigit()]
    assert [LIVE[s:e] for p in updates for s, e in p.sentences] == [
        "Power is back for 20,000 homes.", "Some will wait until Wednesday.", "61,000 homes are without power.",
        "48,000 homes have lost power."]
    assert [ingest.reading(p, s, e) for p in updates for s, e in p.sentences] == [
        "[21:00 GMT] Power is back for 20,000 homes.", "Some will wait until Wednesday.",
        "[17:30] 61,000 homes are without power.", "[14h00] 48,000 homes have lost power."]
    # Its time set apart, an update indexed before gets a new id, so an old index stores it anew.
    assert updates[0].id != ingest.passage_id("l.txt", updates[0].text, 0)
    # Two times are no live blog: a paragraph opening on a time is read as written.
    text = "Título\n\n10h30\nA reunião começou.\n\n12h00\nA reunião acabou.\n"
    assert [p.text for p in split_article("t.txt", text).passages][1:] == ["10h30\nA reunião começou.", "12h00\nA reunião acabou."]


def test_a_quote_of_two_framed_sentences_gives_the_frame_once():
    """A sentence quoted after another of its passage is read without the frame the first gave."""
    interview = next(p for p in split_article("r.txt", INTERVIEW).passages if p.text.startswith("P: A universidade"))
    first, second = interview.sentences
    assert ingest.reading(interview, *first).startswith("P: A universidade tem hoje 12 mil estudantes.")
    assert ingest.reading(interview, *second, framed=False) == "Doze mil era o número de 2019."
    table = next(p for p in split_article("c.txt", TABLE).passages if p.text.startswith("Preços"))
    # Two rows that open alike: the title goes, each row keeps its own name.
    assert [ingest.reading(table, s, e, framed=False) for s, e in table.sentences[:2]] == [
        "Gasóleo simples: Esta semana 1,642; Próxima semana 1,687; Variação +4,5 cêntimos",
        "Gasolina 98: Esta semana 1,861; Próxima semana 1,883; Variação +2,2 cêntimos"]
    # Prose is quoted whole, framed or not.
    prose = split_article("p.txt", "Título\n\nThe council said that the bridge will close. The council said that "
                                   "the road will close.\n").passages[1]
    assert ingest.reading(prose, *prose.sentences[1], framed=False) == "The council said that the road will close."
