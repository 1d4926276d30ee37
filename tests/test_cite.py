"""Citation checking: every number and name of an answer sentence must be in the passage it cites."""
from __future__ import annotations

import pytest

from assistant import cite, lexicon
from assistant.ingest import load_article
from conftest import PARIS


@pytest.fixture(scope="module")
def sentences() -> dict[str, str]:
    article = load_article(PARIS, PARIS.parent, 5_000_000)
    out = {}
    for p in article.passages:
        for s, e in p.sentences:
            text = article.text[s:e]
            for key in ("Sumy", "Kryvyi Rih", "David Lammy", "cortaram Kyiv", "Emmanuel Macron", "Volodymyr"):
                if key in text:
                    out[key] = text
    assert len(out) == 6, out.keys()
    return out


def test_strip_markers():
    assert cite.strip_markers("A guerra [1]. Outra [2, 3] coisa [ 4 ] e [1;2].") == "A guerra. Outra coisa e."
    assert cite.strip_markers("Sem marcadores [a] nem [].") == "Sem marcadores [a] nem []."
    assert cite.strip_markers("  35 pessoas [12]  ") == "35 pessoas"


def test_answer_sentences():
    text = "Pelo menos 35 pessoas morreram [1]. O Sr. Silva disse que sim [2]. “Vamos”, disse ele. Fim."
    assert cite.answer_sentences(text) == [
        "Pelo menos 35 pessoas morreram.", "O Sr. Silva disse que sim.", "“Vamos”, disse ele.", "Fim."]
    assert cite.answer_sentences("") == []


def _name_words(text):
    return {word for name in cite.names(text) for word in name}


@pytest.mark.parametrize("answer", ["Because temperatures reached 44.6C.", "Porque as temperaturas subiram.",
                                    "So the schools close.", "But the council disagreed."])
def test_a_reason_s_first_word_is_no_name(answer):
    """Found on a fourth story: "Because …", pressed, was rejected for a name no sentence holds."""
    assert cite.names(answer) == []


def test_names_ignore_common_capitalised_words():
    got = _name_words("O Presidente Emmanuel Macron disse na Quinta, segundo o Ministro da Defesa, "
                     "que o Departamento de Estado e a Casa Branca vão a Paris em Fevereiro.")
    assert {"emmanuel", "macron", "paris"} <= got
    assert not got & {"o", "presidente", "segundo", "ministro", "defesa", "departamento", "estado",
                      "casa", "branca", "a", "e"}
    # Days and months are checked, through their other-language names.
    assert {"quinta", "fevereiro"} <= got
    # Countries are names too (checked through their other-language aliases).
    got = _name_words("According to the US Secretary of State, the President met Zelensky on Thursday.")
    assert got == {"us", "zelensky", "thursday"}
    assert cite.names("pelo menos 35 pessoas morreram.") == []
    assert cite.names("Steve Witkoff met Emmanuel Macron.") == [("steve", "witkoff"), ("emmanuel", "macron")]


def test_wrong_number_is_caught(sentences):
    sumy = sentences["Sumy"]
    assert "35" in sumy and "18" not in sumy
    assert cite.missing_facts("18 pessoas morreram em Sumy.", sumy) == ["18"]
    assert cite.missing_facts("Pelo menos 35 pessoas morreram em Sumy.", sumy) == []
    assert cite.missing_facts("Pelo menos 35 pessoas morreram e 117 ficaram feridas.", sumy) == []
    assert cite.missing_facts("35 pessoas morreram e 170 ficaram feridas.", sumy) == ["170"]
    # a number is a whole number: 35 is not in 1.235
    assert cite.missing_facts("35 pessoas morreram.", "Morreram 1.235 pessoas.") == ["35"]
    # the same number in another notation is the same number
    assert cite.missing_facts("1,200 people died.", "morreram 1.200 pessoas") == []


def test_invented_name_is_caught(sentences):
    sumy = sentences["Sumy"]
    assert cite.missing_facts("Boris Johnson disse que 35 pessoas morreram em Sumy.", sumy) == ["boris johnson"]
    assert cite.missing_facts("35 people died in Kharkiv.", sumy) == ["kharkiv"]


@pytest.mark.parametrize("sentence, key", [
    ("A Russian missile attack in Ukraine killed at least 35 people in Sumy.", "Sumy"),
    ("Um ataque russo na Ucrânia matou 35 pessoas em Sumy.", "Sumy"),
    ("The government also held talks with Moscow that cut out Kyiv.", "cortaram Kyiv"),
    ("Witkoff and Rubio will see French President Emmanuel Macron.", "Emmanuel Macron"),
])
def test_cross_lingual_spellings_are_accepted(sentences, sentence, key):
    assert cite.missing_facts(sentence, sentences[key]) == []


def test_other_place_in_translation_is_still_caught(sentences):
    assert cite.missing_facts("The government held talks with London that cut out Kyiv.",
                              sentences["cortaram Kyiv"]) == ["london"]


def test_uk_matches_reino_unido(sentences):
    assert cite.missing_facts("David Lammy is the UK Foreign Secretary.", sentences["David Lammy"]) == []


def test_bind_picks_the_passage_holding_all_facts(sentences):
    passages = [sentences["Kryvyi Rih"], sentences["Sumy"], sentences["David Lammy"]]
    # the similarity favours the wrong passage; the facts decide
    support = cite.bind("Pelo menos 35 pessoas morreram em Sumy.", passages, [0.9, 0.1, 0.5])
    assert support.passage_index == 1 and support.missing == ()
    support = cite.bind("Pelo menos 18 pessoas morreram em Kryvyi Rih.", passages, [0.1, 0.9, 0.5])
    assert support.passage_index == 0
    assert support.sentence == "Pelo menos 18 pessoas morreram em Kryvyi Rih."


def test_bind_takes_a_name_from_the_passage_s_headline_only_without_a_number(sentences):
    """en-31: "The Ukrainian ministers arrived in Paris" was cited to the lead, which names Paris
    and says nothing of them, and not to the paragraph that says they "chegaram à capital
    francesa" under a headline naming Paris."""
    arrived = "O ministro das Relações Exteriores da Ucrânia e o ministro da Defesa chegaram à cidade."
    lead = ("Marco Rubio manterá conversas com colegas europeus em Paris ainda na quinta -feira para discutir "
            "os esforços para terminar a guerra na Ucrânia.")
    headline = "Nós para manter conversas em Paris com europeus"
    passages, sims = [lead, arrived], [0.5, 0.9]
    assert cite.bind("The Ukrainian ministers arrived in Paris.", passages, sims).passage_index == 0
    assert cite.bind("The Ukrainian ministers arrived in Paris.", passages, sims,
                     headlines=[headline, headline]).passage_index == 1
    # a number must still find the names beside it in its own passage
    passages = [lead, sentences["Sumy"]]
    support = cite.bind("35 pessoas morreram em Paris.", passages, [0.5, 0.9], headlines=[headline, headline])
    assert support.passage_index is None


def test_a_capital_named_by_its_country_holds_the_capital_s_name():
    """en-31: "The Ukrainian ministers arrived in Paris" is supported where they "chegaram à capital
    francesa", and cited there, not to the lead that names Paris and says nothing of them."""
    arrived = "O ministro das Relações Exteriores da Ucrânia e o ministro da Defesa chegaram à capital francesa."
    lead = "Marco Rubio manterá conversas com colegas europeus em Paris para terminar a guerra na Ucrânia."
    answer = "The Ukrainian ministers arrived in Paris."
    assert cite.missing_facts(answer, arrived) == []
    assert cite.bind(answer, [lead, arrived], [0.79, 0.81], "Where did the Ukrainian ministers arrive?").passage_index == 1
    assert cite.missing_facts("They met in Kyiv.", "They met in the Ukrainian capital.") == []
    assert cite.missing_facts("They met in Paris.", "Reuniram-se na capital da França.") == []
    # another country's capital, or capital that is money, names no city
    assert cite.missing_facts("They met in Paris.", "Reuniram-se na capital alemã.") == ["paris"]
    assert cite.missing_facts("They met in Paris.", "A venture capital fund paid.") == ["paris"]


def test_bind_breaks_ties_by_similarity(sentences):
    passages = [sentences["Sumy"], sentences["Sumy"] + " Mais texto."]
    assert cite.bind("35 pessoas morreram em Sumy.", passages, [0.2, 0.8]).passage_index == 1
    assert cite.bind("35 pessoas morreram em Sumy.", passages, [0.8, 0.2]).passage_index == 0


def test_bind_returns_none_when_no_passage_holds_the_facts(sentences):
    passages = [sentences["Kryvyi Rih"], sentences["Sumy"]]
    # 18 is in one passage and Sumy in the other: no single passage holds both
    support = cite.bind("18 pessoas morreram em Sumy.", passages, [0.5, 0.9])
    assert support.passage_index is None
    assert support.missing in {("18",), ("sumy",)}  # the facts the closest passage lacks
    support = cite.bind("Boris Johnson visitou Sumy.", passages, [0.5, 0.9])
    assert support.passage_index is None and set(support.missing) == {"boris johnson"}


def test_translated_weekday_must_be_the_same_day():
    lead = "Marco Rubio manterá conversas com colegas europeus em Paris ainda na quinta -feira."
    assert cite.missing_facts("The talks are on Thursday.", lead) == []
    assert cite.missing_facts("The talks are on Friday.", lead) == ["friday"]


def test_citation_prefers_the_passage_with_the_whole_name():
    passages = ["Witkoff relataria sua reunião com Putin.", "O enviado especial Steve Witkoff vai a Paris."]
    support = cite.bind("Steve Witkoff is the envoy.", passages, [0.9, 0.85])
    assert support.passage_index == 1


def test_citation_follows_the_words_the_question_did_not_use():
    # The model copied "bastão" from the quote; the other passage is closer in meaning only.
    passages = ["Os diplomatas europeus disseram que pedirão aos EUA que pressionem mais a Rússia.",
                "“Queremos que os EUA usem um pouco mais de bastão”, disse um funcionário."]
    question = "According to one official, what do the Europeans want the US to use a little more of?"
    answer = "According to one official, the Europeans want the US to use a little more of bastão."
    context = [" ".join(passages)] * 2  # the question's "Europeans" may stand in the article around
    assert cite.bind(answer, passages, [0.85, 0.75], question, context).passage_index == 1
    # When the question used the word too, nothing favours the quote over the closer meaning.
    assert cite.bind(answer, passages, [0.85, 0.75], question + " bastão", context).passage_index == 0


@pytest.mark.parametrize("question, roles", [
    ("Who is the French foreign minister?", ["foreign", "minister"]),
    ("What is the name of the official who said the US should use more stick?", ["official"]),
    ("Quem é o ministro da Defesa?", ["ministro", "defesa"]),
    ("Quem é Steve Witkoff?", []),
    ("Quem vão Witkoff e Rubio ver antes das conversações com os ministros?", []),
    # a role done, not held: un-en-14 named the envoy as the chair the article never names
    ("Who will chair the Paris talks?", ["chair"]),
    ("Quem vai presidir as negociações?", ["presidir"]),
    ("Who will the envoys meet?", []),
    ("Who will meet Macron?", []),
])
def test_roles_asked_by_who_questions(question, roles):
    assert cite.asked_roles(question) == roles


def test_a_name_must_stand_with_the_asked_role(sentences):
    article = list(sentences.values())
    assert not cite.names_roles_together("The French foreign minister is Emmanuel Macron.",
                                         "Who is the French foreign minister?", article)
    assert cite.names_roles_together("The UK foreign secretary is David Lammy.",
                                     "Who is the UK foreign secretary joining the talks?", article)
    # (with the sentences at hand: the one that names him only as the envoy)
    envoy = "O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio manterá conversas em Paris."
    assert not cite.names_roles_together("Steve Witkoff will chair the Paris talks.",
                                         "Who will chair the Paris talks?", [envoy])
    # A sentence that gives the role to someone else does not give it to the name answered (found
    # in plain use: "Quem vai presidir as negociações de Paris?" → "Steve Witkoff", who stands
    # beside "o presidente francês Emmanuel Macron").
    macron = sentences["Emmanuel Macron"]
    assert not cite.names_roles_together("Steve Witkoff.", "Quem vai presidir as negociações de Paris?", [macron])
    assert cite.names_roles_together("Emmanuel Macron.", "Who is the French president?", [macron])
    # Without an asked role there is nothing to check.
    assert cite.names_roles_together("Emmanuel Macron.", "Quem vão Witkoff e Rubio ver?", article)


def test_a_common_noun_of_the_question_capitalised_in_a_translated_name_is_not_a_name():
    nasa = ("On February 4, NASA will digitally transmit the Beatles song Across the Universe in the direction "
            "of the star Polaris, commonly known as the North Star.")
    support = cite.bind("A NASA vai transmitir a música em direção a Polaris, conhecida como a Estrela do Norte.",
                        [nasa], [0.9], "Em direção a qual estrela a NASA vai transmitir a música?")
    assert support.passage_index == 0, support
    # A name the reader did not write in lower case is still checked.
    assert cite.bind("A NASA vai transmitir a música em direção a Vega.", [nasa], [0.9],
                     "Em direção a qual estrela a NASA vai transmitir a música?").passage_index is None


def test_a_quote_must_fit_the_kind_of_question(sentences):
    ministers = ("O ministro das Relações Exteriores da Ucrânia e o ministro da Defesa chegaram à capital "
                 "francesa para participar das discussões.")
    assert not cite.can_answer(ministers, "Who is the French foreign minister?")  # a place, no person
    assert cite.can_answer(sentences["David Lammy"], "Who is the UK foreign secretary?")
    assert not cite.can_answer(ministers, "Quantas pessoas morreram?")
    assert cite.can_answer(sentences["Sumy"], "Quantas pessoas morreram em Sumy?")
    assert cite.can_answer(ministers, "Que ministros ucranianos chegaram a Paris?")  # not checked


def test_a_name_must_stand_with_the_questions_numbers(sentences):
    article = list(sentences.values())
    question = "In which Ukrainian city were at least 18 people killed earlier this month?"
    assert not cite.names_numbers_together("The article says: Sumy", question, article)
    assert cite.names_numbers_together("The article says: Kryvyi Rih", question, article)
    assert cite.names_numbers_together("Sumy.", "Where did the attack happen?", article)  # no number asked


def test_a_when_question_needs_a_date_or_time_of_some_kind():
    assert cite.fits_kind("On February 4, NASA will transmit the song.", "On what date will NASA transmit it?")
    assert cite.fits_kind("Marco Rubio manterá conversas ainda na quinta -feira.", "Em que dia se realizam?")
    assert cite.fits_kind("Em maio de 2023, Trump disse que resolveria a guerra.", "Quando disse isso Trump?")
    assert cite.fits_kind("at 12:00 am UTC", "At what time is the broadcast?")
    # found in plain use: "Quando foi isso?" after Kryvyi Rih was refused, no sentence holding a date
    assert cite.fits_kind("No início deste mês, pelo menos 18 pessoas morreram em Kryvyi Rih.", "Quando foi isso?")
    assert cite.fits_kind("Earlier this month, 18 people died.", "When was that?")
    assert cite.fits_kind("at 12:00 am UTC", "A que horas é a transmissão?")
    assert not cite.fits_kind("NASA invites fans to play the song.", "A que horas é a transmissão?")
    assert not cite.fits_kind("NASA invites fans to play the song.", "When will NASA transmit the song?")
    assert not cite.fits_kind("He may go to Paris.", "When will he go?")  # the verb, not the month
    assert not cite.can_answer("Os esforços vêm dias depois de um ataque.", "Em que dia ocorreu o ataque?")
    assert cite.fits_kind("Os consultores estarão envolvidos.", "Há conselheiros?") is None


def test_names_must_stand_with_the_questions_dates_too():
    article = ["Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe.",
               "Witkoff relataria sua reunião com o presidente russo Vladimir Putin na semana passada."]
    question = "Who did Steve Witkoff meet last week?"
    assert not cite.names_numbers_together("Steve Witkoff met Emmanuel Macron last week.", question, article)
    assert cite.names_numbers_together("Steve Witkoff met Vladimir Putin.", question, article)
    assert cite.holds_marks(article[1], question) and not cite.holds_marks(article[0], question)
    # Thursday is "quinta-feira"; "Marco" Rubio and "may" the verb are no dates.
    assert cite.marks("Marco Rubio manterá conversas na quinta -feira.") == {"thursday"}
    assert cite.marks("What may Marco Rubio say?") == set()


def test_an_answer_that_only_repeats_the_question_says_nothing():
    question = "What area of Kryvyi Rih was attacked?"
    assert cite.restates_question("The article says: Kryvyi Rih [1]", question)
    assert not cite.restates_question("A residential area of Kryvyi Rih.", question)
    assert not cite.restates_question("Yes.", "Was it Kryvyi Rih?")  # says nothing checkable either way
    # found in plain use: asked who someone is, their name in full tells nothing
    assert cite.restates_question("The article says: Marco Rubio [1]", "who is rubio")
    assert not cite.restates_question("Emmanuel Macron", "Who is the French president?")
    assert not cite.restates_question("Witkoff is meeting Macron.", "Who is Witkoff meeting?")


def test_an_answer_that_picks_one_of_two_alternatives_says_something():
    question = "Do girls or boys sleep less?"
    assert not cite.restates_question("Girls sleep less than boys.", question)
    assert not cite.restates_question("Boys.", question)
    assert cite.restates_question("Girls or boys sleep less.", question)


def test_a_name_at_the_other_end_of_a_ranking_is_no_answer():
    sentence = ("Na análise por distritos, Viseu volta a surgir no topo, com uma média global de 12,1 valores, "
                "enquanto Beja fica no último lugar, com 10,2 valores.")
    top, bottom = "Qual foi o distrito com as notas mais altas?", "Which district came last?"
    assert cite.at_the_other_end("Beja", top, [sentence])
    assert not cite.at_the_other_end("Viseu", top, [sentence])
    assert cite.at_the_other_end("Viseu", bottom, [sentence])
    assert not cite.at_the_other_end("Beja", "Qual foi a média de Beja?", [sentence])  # no ranking asked
    assert cite.ranks_as_asked(sentence, top) and not cite.ranks_as_asked("Beja fica no Alentejo.", top)


def test_an_ordinal_in_figures_holds_its_word():
    sentence = "Os alunos podem inscrever-se na 2.ª fase, cujas provas decorrem entre 16 e 21 de julho."
    assert cite.share_of_words(sentence, "Em que dias se realizam as provas da segunda fase?", when_aside=True) == 1
    assert cite.share_of_words("The 2nd round starts on Friday.", "When does the second round start?") == 1


def test_under_16s_are_children_and_a_title_free_name_is_as_written():
    assert "children" in cite.tolls("Under-16s keep paying £1 for a single.")
    assert "children" not in cite.tolls("under-150 staff")
    assert cite.names_as_written("A empresa estatal Transtejo.", "Quem é o presidente da empresa?") == ["Transtejo"]
    assert cite.names_as_written("It closed in March 2022.", "Why?") == []  # a month is no thing named


def test_a_school_level_is_a_side():
    question = "Quantas horas dormem os alunos do ensino básico?"
    assert cite.of_another_side("Os alunos do ensino secundário dormem seis horas e meia por noite.", question)
    assert not cite.of_another_side("Os alunos do ensino secundário e do básico dormem pouco.", question)
    assert not cite.of_another_side("Os alunos dormem seis horas e meia.", question)


def test_a_what_phrase_question_needs_quoted_words():
    question = "Que frase usou um responsável para resumir o que a Europa quer dos EUA?"
    assert cite.fits_kind("“Queremos que os EUA usem um pouco mais de bastão”, disse um funcionário.", question)
    assert not cite.fits_kind("Os diplomatas europeus disseram que pedirão aos EUA mais pressão.", question)
    assert not cite.fits_kind('He said "ok".', "What words did he use?")  # too short to be a phrase
    assert cite.fits_kind('He said "we want more stick".', "What words did he use?")


def test_a_which_song_question_needs_a_name_the_question_does_not_give():
    question = "Which Beatles song is NASA beaming into space?"
    assert not cite.fits_kind("NASA invites astronomy fans and Beatles fans alike to play the song.", question)
    assert cite.fits_kind("On February 4, NASA will transmit the Beatles song Across the Universe.", question)
    assert cite.fits_kind("Marco Rubio manterá conversas em Paris.", "In which city are the envoys meeting?")


def test_a_role_question_needs_the_role_and_a_name_in_one_sentence():
    question = "Who is the French foreign minister?"
    assert not cite.fits_kind("Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe.", question)
    assert cite.fits_kind("O ministro das Relações Exteriores da França, Jean Dupont, chegou.", question)


def test_a_short_answer_without_names_is_cited_where_its_words_stand():
    passages = ["Marco Rubio manterá conversas com colegas europeus em Paris ainda na quinta -feira.",
                "Os diplomatas europeus disseram que pedirão aos EUA que pressionem mais a Rússia."]
    # The embedding prefers the second passage a little; the words decide.
    support = cite.bind("A quinta-feira.", passages, [0.80, 0.83], "Em que dia da semana se realizam as conversas?")
    assert support.passage_index == 0


def test_words_given_to_a_name_must_be_that_names_words_in_the_article():
    article = ["O Departamento de Estado dos EUA disse que o foco seria o fim dos combates na Ucrânia, e que "
               "Witkoff relataria sua reunião com o presidente russo Vladimir Putin na semana passada.",
               "O presidente ucraniano Volodymyr Zelensky, Andriy Yermak, disse: “Estamos trabalhando”.",
               "NASA's press release includes statements from Beatle Paul McCartney, who tells NASA to send love.",
               "“It is a bit of a forgotten classic,” said Lewis of the song."]
    assert cite.speakers_stand("Putin disse a Witkoff que o foco seria o fim dos combates.", article) == ["putin"]
    assert cite.speakers_stand("Andriy Yermak disse que estão trabalhando.", article) == []
    assert cite.speakers_stand("Paul McCartney told NASA to send his love.", article) == []
    assert cite.speakers_stand("Lewis said it is a forgotten classic.", article) == []
    assert cite.speakers_stand("The State Department said the focus is the end of the fighting.", article) == []
    assert cite.mentions_any("O que disse Vladimir Putin?", ["putin"])


def test_a_word_copied_with_a_slip_is_caught_but_not_a_translation():
    evidence = ["Os diplomatas europeus pedirão que a Rússia aceite um cessar -fogo incondicional.",
                "Yoko Ono sees a new era in which we will communicate across the universe."]
    assert cite.garbled_copies("They want an inconditional fire.", evidence) == ["inconditional"]
    assert cite.garbled_copies("They want an unconditional ceasefire.", evidence) == []
    assert cite.garbled_copies("Uma nova era ao longo do universo.", evidence) == []  # pt for "universe"


@pytest.mark.parametrize("question, language, yes_no", [
    ("Há conselheiros de segurança a participar também?", "pt", True),
    ("É a primeira vez que se envia música para o espaço?", "pt", True),
    ("Was he already back in the White House then?", "en", True),
    ("Sobre que encontro Witkoff ia prestar contas?", "pt", False),
    ("Isso foi antes ou depois de ele voltar à Casa Branca?", "pt", False),
    ("Quantas pessoas morreram em Sumy?", "pt", False),
    ("The talks are in Paris?", "en", False),
    ("Who met Putin?", "en", False),
])
def test_asks_yes_or_no(question, language, yes_no):
    assert cite.asks_yes_or_no(question, language) is yes_no


@pytest.mark.parametrize("answer, bare", [
    ("YES", True), ("Sim.", True), ("Não [1]", True), ("no", True),
    ("Yes, NASA will send the song.", False), ("Não, a NASA envia uma canção dos Beatles.", False),
    ("Nossa", False),
])
def test_bare_yes_or_no(answer, bare):
    assert cite.bare_yes_or_no(answer) is bare


MCCARTNEY = ("NASA's press release includes statements from Beatle Paul McCartney, who tells NASA to \"send [his] "
             "love to the aliens\".")
DSN = ("The broadcast celebrates the 40th anniversary of the song's recording, the 45th anniversary of NASA's Deep "
       "Space Network, and the 50th anniversary of NASA itself.")
RADIO = "The song will be transmitted from the DSS-63 radio antenna at 12:00 am UTC."


@pytest.mark.parametrize("answer, question, elsewhere", [
    # found in plain use: what the model knows, none of it in the article
    ("Paul McCartney é um cantor britânico famoso por sua música e sua influência na música pop.",
     "Quem é Paul McCartney?", True),
    ("Paul McCartney é um Beatle.", "Quem é Paul McCartney?", False),
    # what something is: two words in five from the article ("radio", "NASA") are not enough
    ("The Deep Space Network is the system of radio telescopes and ground stations used by NASA to communicate "
     "with spacecraft in deep space.", "What is the Deep Space Network?", True),
    # a translation is held by its first four letters
    ("A transmissão celebra o 45º aniversário da Deep Space Network da NASA.",
     "O que celebra a transmissão?", False),
    # short answers are left alone
    ("Um Beatle.", "Quem é Paul McCartney?", False),
])
def test_an_answer_from_outside_the_article(answer, question, elsewhere):
    assert cite.from_elsewhere(answer, question, [MCCARTNEY, DSN, RADIO]) is elsewhere


YERMAK = ("O presidente ucraniano Volodymyr Zelensky, Andriy Yermak, disse: “Estamos trabalhando em questões "
          "importantes para a segurança da Ucrânia e de toda a Europa”.")


@pytest.mark.parametrize("answer, question, elsewhere", [
    # found in plain use: "político" is the model's, only "ucraniano" the article's
    ("Andriy Yermak é um político ucraniano.", "Quem é Andriy Yermak?", True),
    ("Andriy Yermak é ucraniano.", "Quem é Andriy Yermak?", False),
    # not a question on what someone is: two words are too few to judge
    ("Ele falou da segurança política.", "O que disse Andriy Yermak?", False),
])
def test_a_short_description_must_be_the_article_s_whole(answer, question, elsewhere):
    assert cite.from_elsewhere(answer, question, [YERMAK]) is elsewhere


@pytest.mark.parametrize("answer, question, says", [
    # the question's own side, in its own doing, with no "com": the US envoys themselves
    ("Steve Witkoff e Marco Rubio manterão conversas em Paris.", "Com quem é que os EUA vão manter conversas em Paris?",
     False),
    ("Os EUA vão manter conversas com colegas europeus.", "Com quem é que os EUA vão manter conversas em Paris?", True),
    ("Emmanuel Macron e sua equipe.", "Com quem é que os EUA vão manter conversas em Paris?", True),
    ("Witkoff and Rubio will hold talks in Paris.", "Who will Witkoff and Rubio hold talks with?", False),
    ("Witkoff and Rubio will meet Macron.", "Who will Witkoff and Rubio hold talks with?", True),
    # not a "with whom" question
    ("Witkoff and Rubio will hold talks in Paris.", "Who will hold talks in Paris?", True),
])
def test_an_answer_to_with_whom_says_who_is_on_the_other_side(answer, question, says):
    assert cite.says_with_whom(answer, question) is says


def test_earth_is_terra():
    assert cite.missing_facts("431 anos luz separam a Polaris da Terra.",
                              "Polaris is approximately 431 light years away from Earth.") == []


def test_a_clock_time_is_one_number():
    nasa = "The song will be transmitted from the DSS-63 radio antenna at 12:00 am UTC."
    assert cite.missing_facts("The antenna is 12 metres wide.", nasa) == ["12"]
    assert cite.missing_facts("It will be sent at 12:00 am UTC.", nasa) == []


NASA = ["NASA invites astronomy fans and Beatles fans alike to play the song simultaneously as it is being "
        "transmitted into space.",
        "On February 4, NASA will digitally transmit the Beatles song Across the Universe in the direction of "
        "the star Polaris, commonly known as the North Star."]


@pytest.mark.parametrize("answer, question, holds", [
    ('A NASA vai transmitir a canção "Across the Universe" para o espaço.',
     "Que canção a NASA vai transmitir para o espaço?", True),
    ("NASA will transmit Across the Universe on February 4.", "What will NASA send into space?", True),
    # a word of no sentence ("samba"), a number of none
    ('A NASA vai transmitir o samba "Across the Universe" para o espaço.',
     "O que a NASA vai transmitir para o espaço?", False),
    ("NASA will transmit the song on February 5.", "When will NASA send the song?", False),
    # a name the evidence never mentions
    ("Mick Jagger will play Across the Universe.", "Which song will Mick Jagger play?", False),
])
def test_an_answer_rests_on_one_sentence(answer, question, holds):
    assert cite.rests_on_one(answer, question, NASA) is holds


MINISTERS = ("O ministro das Relações Exteriores da Ucrânia e o ministro da Defesa chegaram à capital francesa para "
             "participar das discussões.")
MOSCOW = ("Seu governo tomou medidas para melhorar drasticamente as relações com Moscou, enquanto procurava "
          "intermediar um cessar -fogo entre a Rússia e a Ucrânia.")
TRUMP = ("Em maio de 2023, antes de retornar à Casa Branca, Donald Trump disse que seria capaz de resolver a guerra "
         "entre a Rússia e a Ucrânia “em 24 horas”.")


def test_a_pressed_answer_rests_on_a_sentence_about_what_the_question_asks_of(sentences):
    """The sentence the answer rests on holds a word the answer repeats from the question, for a
    question of no checkable kind and of any kind ("Em que país…?" asks for a place)."""
    article = list(sentences.values()) + [MINISTERS, MOSCOW, TRUMP]
    q = "O que os fãs são convidados a fazer?"
    assert not cite.rests_on_one("Os fãs são convidados a participar das discussões.", q, article)
    q = "Que mudança fez a administração Trump nas relações com a Rússia?"
    answer = "A administração Trump tomou medidas para melhorar drasticamente as relações com Moscou."
    assert cite.rests_on_one(answer, q, article)
    assert cite.rests_on_one("A missile from Russia hit Sumy.", "What weapon hit Sumy?", article)
    # found in plain use: the Sumy sentence holds "ucraniana", and nothing of an antenna
    q = "Em que país fica a antena?"
    assert cite.asked_kind(q) is not None
    assert not cite.rests_on_one("A antena está no país de Ucrânia.", q, article)
    antenna = ("The song will be transmitted from the DSS-63 radio antenna at the Madrid Deep Space "
               "Communication Complex in Robledo de Chavela, Spain at 12:00 am UTC.")
    assert cite.rests_on_one("A antena fica na Espanha.", q, article + [antenna])


def test_why_questions():
    assert cite.asks_why("Porque é que Lammy não foi?") and cite.asks_why("Por que razão?")
    assert cite.asks_why("Why did Zelensky fly to Paris?")
    assert not cite.asks_why("O que disse Yermak?") and not cite.asks_why("Who came up with the idea?")


def test_an_answer_does_not_rest_on_a_sentence_about_something_else(sentences):
    article = list(sentences.values())
    q = "What kind of weapon was used in the Kryvyi Rih attack?"
    assert not cite.rests_on_one("A missile was used in the Kryvyi Rih attack.", q, article)
    q = "Quantas pessoas morreram em ataques russos em Kyiv?"
    assert not cite.rests_on_one("Pelo menos 18 pessoas morreram em Kyiv.", q, article)
    assert cite.rests_on_one("Pelo menos 35 pessoas morreram em Sumy.", "Quantas pessoas morreram em Sumy?", article)


ANNIVERSARIES = ["The broadcast celebrates the 40th anniversary of the song's recording, the 45th anniversary of "
                 "NASA's Deep Space Network, and the 50th anniversary of NASA itself."]


def test_a_pressed_count_comes_from_the_clause_of_its_subject():
    # an age is said in years where the article says "anniversary"
    assert cite.rests_on_one("50 anos", "Que idade tem a NASA?", ANNIVERSARIES)
    assert cite.rests_on_one("45 anos", "Há quantos anos existe a Deep Space Network?", ANNIVERSARIES)
    # NASA's own 50 is not the network's age
    assert not cite.rests_on_one("50 anos", "Há quantos anos existe a Deep Space Network?", ANNIVERSARIES)


@pytest.mark.parametrize("question, kind", [
    ("Who is the French foreign minister?", "role"), ("Quantas pessoas morreram?", "number"),
    ("Quando é que Trump fez a promessa?", "date"), ("What phrase did the official use?", "words"),
    ("Que canção a NASA vai transmitir?", "name"), ("In which city are the envoys meeting?", "name"),
    ("Why did Zelensky fly to Paris?", None), ("How long will the transmission last?", None),
    ("Há conselheiros de segurança a participar?", None),
    ("Que idade tem a NASA?", "number"), ("How old is NASA?", "number"),
    ("How strong were the gusts next to the runway?", "number"), ("A que velocidade ia o comboio?", "number"),
    ("How far is Polaris from Earth?", None),  # "431 light years away" is no span of time
])
def test_asked_kind(question, kind):
    assert cite.asked_kind(question) == kind


def test_a_name_answered_must_stand_beside_the_questions_subject(sentences):
    article = list(sentences.values())
    q = "Quem vai representar o Reino Unido nas conversações?"
    assert ("reino",) in cite.subjects(q)
    headlines = ["Nós para manter conversas em Paris com europeus"]
    assert not cite.names_stand_with_subjects("Steve Witkoff", q, article, headlines)  # never beside the UK
    assert cite.names_stand_with_subjects("David Lammy", q, article, headlines)
    assert cite.names_stand_with_subjects("Steve Witkoff", "Quem vai às conversações?", article, headlines)
    # a place answered is not held to it: "Em que cidade morreram 35 pessoas?" -> Sumy is a name, checked
    assert cite.names_stand_with_subjects("Sumy", "Onde é que o ataque russo matou 35 pessoas?", article, headlines)
    # Witkoff stands beside Paris, as the whole story does (its headline says so), never beside the UK
    q = "Quem vai estar nas conversas de Paris pelo Reino Unido?"
    assert not cite.names_stand_with_subjects("Steve Witkoff e Marco Rubio", q, article, headlines)
    first = ("O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio, Marco Rubio manterá "
             "conversas com colegas europeus em Paris ainda na quinta-feira.")
    assert not cite.names_stand_with_subjects("Steve Witkoff e Marco Rubio", q, article + [first], headlines)
    assert cite.names_stand_with_subjects("David Lammy", q, article + [first], headlines)
    # a country the headline names is the whole story's
    assert cite.names_stand_with_subjects("Steve Witkoff e Marco Rubio", q, article + [first],
                                          ["Reino Unido e EUA em conversas em Paris"])
    # and so is the "US" a machine translation's headline misread as "Nós" (we): asked who represents
    # the US, the envoys answered stand 14 and 17 words from "EUA", but the story is the US's
    for q in ("Quem vai representar os EUA nas conversas?", "Who will represent the US at the talks?"):
        assert cite.names_stand_with_subjects("Steve Witkoff e Marco Rubio", q, article + [first], headlines)
        assert not cite.names_stand_with_subjects("Steve Witkoff e Marco Rubio", q, article + [first],
                                                  ["Nós queremos conversas em Paris"])  # a "we" that acts
    assert not cite.names_stand_with_subjects("Steve Witkoff", "Who will represent the UK at the talks?",
                                              article + [first], headlines)


def test_a_number_answered_must_stand_beside_the_questions_subject(sentences):
    article = list(sentences.values())
    q = "Quantas pessoas ficaram feridas no ataque em Kryvyi Rih?"
    assert not cite.numbers_stand_with_subjects("117", q, article, [])  # the Sumy figure
    assert cite.numbers_stand_with_subjects("18", q, article, [])
    assert cite.numbers_stand_with_subjects("117", "Quantas pessoas ficaram feridas?", article, [])  # no subject
    # a subject the headline names is every sentence's subject: "the song" is the Beatles song
    nasa = ["Polaris is approximately 431 light years away from Earth, meaning it will take 431 years for the "
            "song to reach the star traveling at the speed of light."]
    q = "How long will the Beatles song take to reach the star?"
    assert not cite.numbers_stand_with_subjects("431 years", q, nasa, [])
    assert cite.numbers_stand_with_subjects("431 years", q, nasa, ["NASA to beam Beatles song into deep space"])


def test_a_number_answered_must_count_what_the_question_counts(sentences):
    article = list(sentences.values())
    q = "How many people were injured in the attack on Kryvyi Rih?"
    assert cite.tolls(q) == {"injured"}
    assert cite.tolls("um ataque míssil russo matou pelo menos 35 pessoas e feriu 117") == {"dead", "injured"}
    assert not cite.numbers_count_the_asked("18 people were injured.", q, article)  # the 18 "morreram"
    assert cite.numbers_count_the_asked("117", "Quantas pessoas ficaram feridas em Sumy?", article)
    assert cite.numbers_count_the_asked("18", "Quantas pessoas morreram em Kryvyi Rih?", article)
    # no toll asked, but the noun counted: the 18 are people, not attacks
    assert not cite.numbers_count_the_asked("18", "Quantos ataques houve em Kryvyi Rih?", article)
    assert not cite.numbers_count_the_asked("18", "How many children were killed in Kryvyi Rih?", article)
    assert not cite.numbers_count_the_asked("117", "Quantas pessoas desapareceram depois do ataque em Sumy?", article)
    # found in plain use ("E em Sumy?" after the dead of Kryvyi Rih -> "117"): in a sentence that
    # counts both, a number counts what its own clause counts
    assert not cite.numbers_count_the_asked("O artigo diz: 117", "Quantas pessoas morreram em Sumy?", article)
    assert cite.numbers_count_the_asked("35", "Quantas pessoas morreram em Sumy?", article)
    assert not cite.numbers_count_the_asked("35", "How many people were injured in Sumy?", article)
    assert cite.numbers_count_the_asked("117", "How many were hurt?", ["Russia killed 35, and injured 117."])
    assert cite.numbers_count_the_asked("35", "How many died?", ["35 people, including two children, died."])
    # and a sentence can answer only when it counts it
    kryvyi = "No início deste mês, pelo menos 18 pessoas morreram em um ataque em uma área residencial em Kryvyi Rih."
    assert not cite.counts_the_asked(kryvyi, q)
    assert cite.counts_the_asked(kryvyi, "How many people were killed in Kryvyi Rih?")
    assert cite.counts_the_asked(kryvyi, "Where were people injured?")  # no "how many"
    assert cite.fits_kind("117.", "Quantas pessoas ficaram feridas em Sumy?")  # a bare answer holds the number asked
    assert not cite.quotable(kryvyi, "Quantas pessoas ficaram feridas no ataque em Kryvyi Rih?", [])


def test_whom_did_he_meet_asks_for_someone_by_name():
    q = "Who did Rubio and Witkoff meet in Paris?"
    assert cite.asked_kind(q) == "person" and cite.asked_kind("Com quem se vão reunir Witkoff e Rubio?") == "person"
    assert cite.asked_kind("Quem vai representar o Reino Unido?") == "person"
    assert cite.asked_kind("Who is David Lammy?") is None and cite.asked_kind("E quem é o Yermak?") is None
    # "quinta-feira" read as "the fifth day": no one named
    assert not cite.fits_kind("Rubio and Witkoff met in Paris on the fifth day of the conference.", q)
    assert not cite.fits_kind("Rubio and Witkoff met the Europeans and the French.", q)  # peoples are nobody
    assert cite.fits_kind("Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe.", q)
    # a role is someone too: the article names no Ukrainian minister
    assert cite.fits_kind("The Ukrainian foreign minister and defence minister.", "Who is attending from Ukraine?")


def test_names_the_article_never_puts_together(sentences):
    article = list(sentences.values())
    headline = ["Nós para manter conversas em Paris com europeus"]
    assert cite.names_apart("Why did Zelensky fly to Paris to meet Rubio?", article, headline) == ["zelensky", "rubio"]
    assert cite.names_apart("O Lammy reuniu-se com Putin?", article, headline) == ["lammy", "putin"]
    assert not cite.names_apart("Onde vão Witkoff e Rubio ver Macron?", article, headline)  # together
    assert not cite.names_apart("Where did more people die, in Sumy or in Kryvyi Rih?", article, headline)
    assert not cite.names_apart("What do Lammy and Zelensky say?", article, headline)  # asked one by one
    assert not cite.names_apart("Did the Ukrainians and Russians talk?", article, headline)  # peoples
    assert not cite.names_apart("Quem ganhou a Liga dos Campeões?", article, headline)  # one name
    assert not cite.names_apart("Apart from Lammy, who attends?", article, headline)


def test_a_code_or_a_clock_time_does_not_say_how_many():
    dss = ("The song will be transmitted from the DSS-63 radio antenna at the Madrid Deep Space Communication "
           "Complex in Robledo de Chavela, Spain at 12:00 am UTC.")
    assert cite.fits_kind(dss, "How many people work at the Madrid Deep Space Communication Complex?") is False
    assert cite.fits_kind("It will take 431 years.", "How many years will it take?")


def test_a_quote_must_name_the_questions_own_subject(sentences):
    paris = ["Nós para manter conversas em Paris com europeus"]
    q = "Quantos morreram no ataque em Sumy?"
    assert not cite.quotable(sentences["Kryvyi Rih"], q, paris)
    assert cite.quotable(sentences["Sumy"], q, paris)
    assert cite.names_subject(sentences["Sumy"], "Quantos morreram?", paris) is None  # no subject: not checked
    # countries and peoples are not a story's own subject ("the US envoys" are Trump's), nor a headline's names
    envoys = "In which city are the US envoys meeting their European counterparts?"
    assert cite.names_subject("Witkoff e Rubio manterão conversas em Paris.", envoys, paris) is None
    assert not cite.quotable(sentences["Sumy"], "Quem ganhou a Liga dos Campeões este ano?", paris)
    # a near spelling is enough to quote, not to pull a sentence into the evidence
    q = "Como se chama o ministro dos Negócios Estrangeiros da Ucrânia?"
    told = "No entanto, também realizou negociações com Moscou que cortaram Kyiv."
    assert cite.names_subject(told, q, paris) and not cite.names_subject(told, q, paris, exact=True)


def test_portuguese_words_left_in_an_english_answer():
    """Seen in the chat: "Steve Witkoff, Marco Rubio, and Marco Rubio manterá conversations with
    colegas europeus in Paris." Names, quotations and the reader's own words are not counted."""
    mixed = "Steve Witkoff and Marco Rubio manterá conversations with colegas europeus in Paris."
    assert cite.untranslated(mixed, "en") == ["manterá"]
    assert cite.untranslated("They want the US to use more of the bastão.", "en") == ["bastão"]
    assert cite.untranslated("They want the US to use more of the bastão.", "en", "What is the bastão?") == []
    assert cite.untranslated("The Relações Exteriores minister said “a nova era começou”.", "en") == []
    assert cite.untranslated("Eles querem que os EUA usem mais o bastão.", "pt") == []


def test_english_words_left_in_a_portuguese_answer():
    """Seen on the tidal article: "Com que frequência serão inspecionadas as turbinas? Engineers will
    inspect them every six months…" and "O artigo diz: £42 million". Titles ("Across the
    Universe"), quotations and the reader's own words are not counted."""
    copied = "Com que frequência serão inspecionadas as turbinas? Engineers will inspect them every six months."
    assert cite.untranslated(copied, "pt") == ["every", "them", "will"]
    assert cite.untranslated("O artigo diz: £42 million", "pt") == ["million"]
    assert cite.untranslated("A NASA vai transmitir a canção Across the Universe para Polaris.", "pt") == []
    assert cite.untranslated("McCartney pediu que enviassem o seu “love to the aliens”.", "pt") == []
    assert cite.untranslated("O projeto custou 42 million.", "pt", "Custou 42 million?") == []
    # copied from an English excerpt, with an ending no Portuguese word has
    storm = "Construction was delayed for five months in 2023 after a storm damaged one of the foundations."
    assert cite.untranslated("A construção atrasou porque um storm causou um dano.", "pt", "", [storm]) == ["storm"]
    assert cite.untranslated("A NASA vai transmitir o Beatles song Across the Universe.", "pt", "",
                             ["NASA will transmit the Beatles song Across the Universe."]) == ["song"]
    # a unit after a number is written so in both; a word not in the excerpts is not judged by its ending
    assert cite.untranslated("A central produz 6 megawatts.", "pt", "", ["It can generate 6 megawatts."]) == []
    assert cite.untranslated("Os homens chegaram.", "pt", "", ["The men arrived."]) == []
    # "do", "a" and "as" are Portuguese words too
    assert cite.untranslated("A maré do canal corre a oito nós, as turbinas giram.", "pt") == []


def test_a_date_after_since_or_before_does_not_pin_the_answer_down():
    """Seen in plain use: "And what has his government done since?" (after "What did Trump say in May
    2023?") got the May 2023 sentence quoted, because the answer's "Moscow" is not in it."""
    assert cite.anchors("What has Trump's government done since May 2023?") == set()
    assert cite.anchors("O que fez o governo desde maio de 2023?") == set()
    assert cite.anchors("Quantas pessoas morreram em Sumy no dia 13, antes da reunião?") == {"13"}
    assert cite.anchors("Who did Witkoff meet last week?") == cite.marks("Who did Witkoff meet last week?")
    moscow = "Seu governo tomou medidas para melhorar drasticamente as relações com Moscou."
    assert cite.names_numbers_together("It improved relations with Moscow.",
                                       "What has Trump's government done since May 2023?", [moscow])
    assert not cite.names_numbers_together("It improved relations with Moscow.",
                                           "What did Trump's government do in May 2023?", [moscow])


YERMAK = ("O presidente ucraniano Volodymyr Zelensky, Andriy Yermak, disse: “Estamos trabalhando em questões "
          "importantes para a segurança da Ucrânia e de toda a Europa”.")
MACRON = ("Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe, antes que o Secretário de "
          "Estado dos EUA contenha conversas com Lammy e seus colegas franceses e alemães.")
LEWIS = "The idea was hatched by Martin Lewis, a Los Angeles-based humorist and Beatles historian."


@pytest.mark.parametrize("answer, question, stands", [
    # seen: the machine translation puts Yermak right after "O presidente ucraniano Volodymyr Zelensky"
    ("Andriy Yermak is the president of Ukraine.", "Who is Andriy Yermak?", False),
    ("Andriy Yermak é o presidente ucraniano.", "Quem é Andriy Yermak?", False),
    ("Volodymyr Zelensky is the president of Ukraine.", "Who is Volodymyr Zelensky?", True),
    ("Emmanuel Macron is the French president.", "Who is Emmanuel Macron?", True),
    ("Marco Rubio is the French president.", "Who is Marco Rubio?", False),  # not "Macron" by a fuzzy match
    ("Martin Lewis é um humorista e historiador dos Beatles.", "Quem é Martin Lewis?", True),  # no name after
    ("Andriy Yermak is the president of Ukraine.", "Where did Yermak speak?", True),  # not a "who is" question
])
def test_a_role_given_to_the_person_asked_about_is_theirs_in_the_article(answer, question, stands, sentences):
    article = list(sentences.values()) + [YERMAK, MACRON, LEWIS]
    assert cite.roles_given_stand(answer, question, article) is stands


def test_a_role_before_a_possessor_is_held_by_no_one_named_there():
    witkoff = "O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio, Marco Rubio manterá conversas."
    assert cite._role_holders(witkoff) == [("enviado", None), ("diplomat", ("marco", "rubio"))]
    assert cite.roles_given_stand("Steve Witkoff is Trump's special envoy.", "Who is Steve Witkoff?", [witkoff])


@pytest.mark.parametrize("question", [
    "When was the NASA article published?", "When was this story written?", "When was it published?",
    "What is the date of the article about the Paris talks?", "How old is this news?",
    "Quando foi publicada a notícia da NASA?", "Quando é que este artigo foi publicado?",
    "Qual é a data da notícia sobre os Beatles?", "De quando é esta notícia?", "Quando foi escrita esta notícia?",
    "Em que dia da semana foi publicada a notícia da NASA?", "On what day of the week was the NASA story published?",
    "Em que dia foi publicada?"])
def test_asked_when_the_story_came_out(question):
    assert cite.asks_publication_date(question)


@pytest.mark.parametrize("question", [
    "When will the song be transmitted?", "When was the song written?", "Quando foi escrita a canção?",
    "Quando será transmitida a canção?", "Quando foi isso?", "When was the press release issued?",
    "What did the article say about Sumy?", "Em que dia foi publicado o estudo?", "On what day was the song transmitted?"])
def test_asked_when_what_the_story_tells_happens(question):
    assert not cite.asks_publication_date(question)


@pytest.mark.parametrize("question", [
    "What is this article about?", "What's the NASA story about?", "Summarize the article.", "Give me a summary",
    "What are these articles about?", "Resuma o artigo.", "Resuma a notícia da NASA.", "Resume-me este texto",
    "Faz um resumo", "Quais são os principais pontos da notícia?", "De que trata a notícia?",
    "Do que fala este artigo?", "Sobre o que é o artigo?", "O que diz a notícia?"])
def test_asked_what_the_story_is_about(question):
    assert cite.asks_overview(question)


@pytest.mark.parametrize("question", [
    "O que diz o artigo sobre Sumy?", "What did the article say about Sumy?", "Summarize what Yermak said",
    "Resuma o que disse Yermak", "What are the talks about?", "What is the song about?", "De que trata a canção?",
    "Quais são os principais pontos do acordo?", "What is the main point of the talks?", "Quando foi publicada a notícia?"])
def test_asked_about_one_thing_the_story_tells(question):
    assert not cite.asks_overview(question)


@pytest.mark.parametrize("question, kind", [
    ("Qual é o título da notícia?", "headline"), ("What is the headline of the NASA story?", "headline"),
    ("Como se chama a notícia?", "headline"), ("Qual é a manchete?", "headline"),
    ("Quem escreveu o artigo?", "byline"), ("Who wrote this story?", "byline"), ("Who is the author?", "byline"),
    ("Qual é a fonte da notícia?", "byline"), ("What is this article about?", "lead"),
    ("What is the title of the song?", None), ("Who wrote the song?", None), ("Qual é o título do ministro?", None),
    ("Who is the author of the idea?", None), ("Quando foi publicada a notícia?", None)])
def test_a_question_on_the_story_itself(question, kind):
    assert cite.story_question(question) == kind


def test_an_answer_that_names_none_of_the_question_s_own_subjects_leaves_them_out():
    paris = ["Nós para manter conversas em Paris com europeus"]
    russia = "Qual foi a reação da Rússia às conversas em Paris?"
    assert cite.leaves_out_subject("Steve Witkoff e Marco Rubio manterão conversas em Paris.", russia, paris)
    assert not cite.leaves_out_subject("O presidente russo Vladimir Putin não reagiu.", russia, paris)
    assert not cite.leaves_out_subject("Paris [1]", "In which city are the US envoys meeting?", paris)  # bare
    assert not cite.leaves_out_subject("They meet in Paris.", "Where do they meet?", paris)  # no subject asked


def test_a_yes_or_no_answer_about_someone_else_is_no_answer():
    paris = ["Nós para manter conversas em Paris com europeus"]
    putin = "O Putin vai estar em Paris?"
    assert cite.yes_or_no_of_someone_else("Marco Rubio e Steve Witkoff estarão em Paris. [1]", putin, paris)
    # names and an auxiliary only ("bare"), of other people still (seen with eight passages retrieved)
    assert cite.yes_or_no_of_someone_else("Marco Rubio e Steve Witkoff estão em Paris. [1]", putin, paris)
    assert not cite.yes_or_no_of_someone_else("Não, Vladimir Putin não vai a Paris.", putin, paris)
    assert not cite.yes_or_no_of_someone_else("Não. [1]", putin, paris)  # bare: another check's
    # a country is answered by its places; a question word asks no yes or no
    spain = "A canção vai ser transmitida a partir de Espanha?"
    assert not cite.yes_or_no_of_someone_else("Sim, a partir de Madrid.", spain, paris)
    assert not cite.yes_or_no_of_someone_else("Marco Rubio.", "Quem vai ver o Putin?", paris)


LAMMY_SINCE = ("As negociações, que o secretário de Relações Exteriores do Reino Unido, David Lammy, também "
               "comparecerão, formam o mais alto nível de envolvimento transatlântico sobre a guerra desde fevereiro.")


def test_a_translated_month_is_held_though_its_first_letters_differ():
    """Found in plain use: pressed, "When was the last time transatlantic engagement on the war was
    this high?" got "…was in February", rejected as resting on no sentence: "febr" is not "feve"."""
    question = "When was the last time transatlantic engagement on the war was this high?"
    answer = "The last time transatlantic engagement on the war was this high was in February."
    assert cite.rests_on_one(answer, question, [LAMMY_SINCE])
    assert not cite.rests_on_one(answer.replace("February", "March"), question, [LAMMY_SINCE])


def test_a_sentence_opening_word_is_no_name_and_a_portuguese_month_is_untranslated():
    answer = "Since fevereiro, transatlantic engagement on the war has not been this high."
    assert cite.names(answer) == []
    assert cite.untranslated(answer, "en", "Since when has it not been this high?") == ["fevereiro"]
    assert cite.untranslated("Marco Rubio met them in February.", "en") == []


def test_a_name_answered_about_someone_by_role_stands_beside_that_role(sentences):
    """Found in plain use: "What city did the Ukrainian defence minister travel to?" → "Sumy", the one
    city the excerpts named, in the missile-strike sentence, which has no minister."""
    arrived = "O ministro das Relações Exteriores da Ucrânia e o ministro da Defesa chegaram à capital francesa."
    article, headlines = [sentences["Sumy"], arrived], ["Nós para manter conversas em Paris com europeus"]
    question = "What city did the Ukrainian defence minister travel to?"
    assert not cite.names_stand_with_roles_named("Sumy", question, article, headlines)
    assert cite.holds_roles_named(arrived, question) and not cite.holds_roles_named(sentences["Sumy"], question)
    # the headline's Paris is the whole story's; no role asked of, or no name asked for: no check
    assert cite.names_stand_with_roles_named("Paris", question, article, headlines)
    assert cite.names_stand_with_roles_named("Sumy", "What city was hit by a missile?", article, headlines)
    assert cite.names_stand_with_roles_named("Sumy", "Where did the minister say 35 died?", article, headlines)


def test_a_participle_is_not_a_role_of_the_question():
    """Found in plain use: "Para que estrela vai ser enviada a canção dos Beatles?" was refused, as
    "enviada" (sent) counted as a role (an envoy) that Polaris never stands beside."""
    star = ("On February 4, NASA will digitally transmit the Beatles song Across the Universe in the "
            "direction of the star Polaris, commonly known as the North Star.")
    question = "Para que estrela vai ser enviada a canção dos Beatles?"
    assert cite._roles_named(question) == []
    assert cite.names_stand_with_roles_named("Polaris", question, [star], ["NASA to beam Beatles song"])
    assert cite._roles_named("Para onde vai o enviado especial dos EUA?") == ["enviado"]
    assert cite._roles_named("Which city was the envoy sent to?") == ["envoy"]


# A third article, written for the held-out check (eval/heldout/), whose faults these tests pin.
LISBOA = [
    "A Câmara Municipal de Lisboa aprovou na terça-feira a construção de uma nova linha de elétrico que vai "
    "ligar Alcântara a Sacavém, ao longo da frente ribeirinha, num investimento de 120 milhões de euros.",
    "A nova linha terá 14 quilómetros e 22 paragens, e deverá transportar cerca de 40 mil passageiros por dia.",
    "Segundo a vereadora da Mobilidade, Filipa Marques, as obras começam no segundo semestre de 2027.",
    "\"Esta linha vai tirar milhares de carros da avenida marginal\", disse Filipa Marques aos jornalistas.",
    "O presidente da associação de moradores de Sacavém, Joaquim Pereira, disse que a população espera esta "
    "ligação \"há mais de vinte anos\".",
    "A linha será a primeira nova linha de elétrico construída em Lisboa desde 1995.",
]


def test_a_near_spelling_keeps_its_first_letters():
    # "Pereira" was taken for the "primeira" of the sentence on Lisbon, so the name stood "beside" Lisbon.
    answer = "O presidente da Câmara de Lisboa é Joaquim Pereira."
    assert not cite.names_stand_with_subjects(answer, "Quem é o presidente da Câmara de Lisboa?", LISBOA, [])
    assert cite._holds_name(("zelenskyy",), {"zelensky"}) and cite._holds_name(("witkof",), {"witkoff"})


def test_the_whole_name_after_said_is_the_speaker():
    answer = "Filipa Marques disse aos jornalistas que a linha vai tirar milhares de carros."
    assert cite.speakers(LISBOA[3]) == [("filipa", "marques")]
    assert cite.speakers_stand(answer, LISBOA) == []
    assert cite.speakers_stand("Joaquim Pereira disse que a linha vai tirar carros.", LISBOA[3:4]) == ["pereira"]


def test_a_price_asked_is_answered_in_money():
    # Pressed on a ticket's price, the model gave the line's length and stops.
    assert not cite.numbers_count_the_asked(LISBOA[1], "Quanto custa um bilhete na nova linha?", LISBOA)
    assert cite.numbers_count_the_asked("Custa 120 milhões de euros.", "Quanto custa a nova linha?", LISBOA)
    assert cite.numbers_count_the_asked("It will cost 120 million euros.", "How much will the line cost?", LISBOA)
    assert not cite.quotable(LISBOA[1], "How much will a ticket cost?", [])
    assert cite.tolls("It cost $10 million.") == {"money"}


def test_a_role_no_sentence_gives_the_person_is_not_theirs():
    assert not cite.roles_given_stand("Filipa Marques is the mayor of the city.", "Who is Filipa Marques?", LISBOA)
    assert cite.roles_given_stand("Filipa Marques is the councillor for mobility.", "Who is Filipa Marques?", LISBOA)
    # The quote then shows what the article calls her.
    assert cite.gives_a_role(LISBOA[2], "Who is Filipa Marques?")
    assert not cite.gives_a_role(LISBOA[3], "Who is Filipa Marques?")  # her words, no role


def test_counts_in_words_answer_how_many():
    question = "Há quanto tempo a população de Sacavém espera a ligação?"
    assert cite.fits_kind("Há mais de vinte anos.", question)
    assert cite.quotable(LISBOA[4], question, [])
    assert not cite.fits_kind("A população espera a ligação.", question)
    assert cite.number_words("Thirteen in the canteen, dez mil") == {"thirteen", "dez", "mil"}


def test_a_translated_answer_rests_on_its_sentence_through_the_lexicon():
    # NASA pt-30: pressed, the model listed the three anniversaries rightly, in Portuguese words
    # ("gravação", "rede") that share no first letters with the English ones.
    q = "Que aniversários celebra a transmissão?"
    answer = ("A transmissão celebra o 40º aniversário da gravação da música, o 45º aniversário da rede espacial "
              "Deep Space Network e o 50º aniversário da NASA.")
    assert cite.rests_on_one(answer, q, ANNIVERSARIES)
    assert not cite.rests_on_one(answer.replace("gravação", "venda"), q, ANNIVERSARIES)
    # A hedge adds no claim; the figure and its unit must still stand there.
    q = "How much will the new tram line cost?"
    assert cite.rests_on_one("The new tram line will cost approximately 120 million euros.", q, LISBOA[:1])
    assert not cite.rests_on_one("The new tram line will cost approximately 150 million euros.", q, LISBOA[:1])


def test_a_number_nobody_asked_for_may_qualify_what_was_asked():
    assert cite.numbers_qualify_the_asked("Celebra o 40º aniversário da gravação e o 45º aniversário da rede.",
                                          "Que aniversários celebra a transmissão?")
    assert not cite.numbers_qualify_the_asked("The transmission of the song will last 431 years.",
                                              "How long will the transmission of the song last?")
    assert not cite.numbers_qualify_the_asked("It lasts a while.", "How long will it last?")


def test_a_quote_in_place_of_an_unsupported_answer_speaks_of_the_thing_asked(sentences):
    assert not cite.shares_a_word(LISBOA[0], "When will the Sacavém metro station open?")
    assert cite.shares_a_word(LISBOA[2], "When will the works start?")  # "obras" translates "works"
    lead = next(s for s in sentences.values() if "Emmanuel Macron" in s)
    assert not cite.shares_a_word(lead, "Que acordo foi assinado em Paris?")
    assert cite.shares_a_word(lead, "Quem vão Witkoff e Rubio ver antes das conversações?")


def test_a_yes_or_no_is_settled_by_a_sentence_of_most_of_what_it_asks():
    assert cite.share_of_words(NASA[0], "A NASA pagou aos Beatles pelos direitos da canção?") < 0.5
    assert cite.share_of_words(LISBOA[3], "A linha vai passar pelo aeroporto?") < 0.5
    assert cite.share_of_words("Os consultores europeus de segurança nacional também estarão envolvidos.",
                               "Há conselheiros de segurança a participar também?") >= 0.5


def test_who_comes_from_a_country_stands_near_it():
    article = [l for l in PARIS.read_text(encoding="utf-8").splitlines() if l.strip()]
    headlines = article[:1]
    # Witkoff and Rubio stand 20-30 words before "a guerra na Ucrânia"
    assert not cite.names_stand_with_subjects("Steve Witkoff and Marco Rubio are attending the talks from Ukraine.",
                                              "Who is attending the talks from Ukraine?", article, headlines)
    assert cite.names_stand_with_subjects("David Lammy will attend for the UK.",
                                          "Who will attend the Paris talks for the UK?", article, headlines)


def test_a_span_of_time_counts_only_time():
    # "Quantos moradores tem Sacavém?" was answered with the quote of "há mais de vinte anos"
    assert not cite.quotable(LISBOA[4], "Quantos moradores tem Sacavém?", [])
    assert cite.quotable(LISBOA[4], "Há quanto tempo a população de Sacavém espera a ligação?", [])
    assert cite.quotable("Foi aprovada com 11 votos a favor e 6 contra, depois de quase quatro horas de debate.",
                         "Quantos votos contra teve a proposta?", [])


def test_which_places_asks_for_names():
    assert cite.asked_kind("Which two places will the line connect?") == "name"
    assert cite.asked_kind("Em que lugar fica a antena?") == "name"
    assert cite.asked_kind("O que a empresa vai comprar?") is None


def test_a_date_answered_stands_in_the_clause_of_the_event_asked():
    works = "Segundo a vereadora, as obras começam no segundo semestre de 2027 e a linha deverá abrir no final de 2030."
    article = LISBOA + [works]
    assert not cite.dates_stand_with_the_asked("A linha foi aprovada no segundo semestre de 2027.",
                                               "Quando foi aprovada a linha?", article)
    assert cite.dates_stand_with_the_asked("Abre no final de 2030.", "Quando abre a linha?", article)
    assert cite.dates_stand_with_the_asked("Construction starts in the second half of 2027.",
                                           "When will construction start?", article)
    # "and" between two names joins no clauses: the "24 horas" are the war's
    trump = ("Em maio de 2023, antes de retornar à Casa Branca, Donald Trump disse que seria capaz de resolver a "
             "guerra entre a Rússia e a Ucrânia “em 24 horas”.")
    assert cite.dates_stand_with_the_asked(trump, "Quando é que Trump disse que acabaria a guerra?", [trump])


def test_a_quote_for_when_dates_the_thing_asked_in_its_own_clause():
    confrontation = ("As tensões entre Trump e Zelensky têm sido altas desde que um confronto acalorado na Casa "
                     "Branca em fevereiro, onde o líder dos EUA repreendeu o presidente da Ucrânia por não iniciar "
                     "conversas de paz com a Rússia mais cedo.")
    talks = ("O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio, Marco Rubio manterá "
             "conversas com colegas europeus em Paris ainda na quinta -feira para discutir os esforços.")
    for question in ("When do the talks start?", "Quando começam as conversas?"):
        assert cite.dates_the_asked(talks, question)
        assert not cite.dates_the_asked(confrontation, question)
    assert cite.dates_the_asked(confrontation, "Who scolded the Ukrainian president?")  # not a date asked

def test_a_bare_answer_is_only_names_and_numbers():
    # cited where the question is best answered, not where the name's own sentence is closest
    assert cite.bare("Polaris [1]") and cite.bare("Filipa Marques") and cite.bare("6")
    assert not cite.bare("50 anos") and not cite.bare("The line will have 22 stops.")


FEB_4 = NASA[1]
DSS_63 = ("The song will be transmitted from the DSS-63 radio antenna at the Madrid Deep Space Communication "
          "Complex in Robledo de Chavela, Spain at 12:00 am UTC.")
KRYVYI_RIH = "No início deste mês, pelo menos 18 pessoas morreram em um ataque em uma área residencial em Kryvyi Rih."


@pytest.mark.parametrize("answer, sentence, question, held", [
    # a pressed answer that mixed two sentences points at each of them, the date's more
    ("A canção será transmitida às 12:00 am UTC no dia 4 de fevereiro.", FEB_4, "Quando será transmitida a canção?", 2),
    ("A canção será transmitida às 12:00 am UTC no dia 4 de fevereiro.", DSS_63, "Quando será transmitida a canção?", 1),
    ("50 anos", ANNIVERSARIES[0], "Há quantos anos existe a Deep Space Network?", 1),
    # names are not counted, where the sentence does not give them to the thing asked: pressed,
    # the model names anyone in the excerpts ("the star Polaris" names the star; session 39)
    ("Polaris", FEB_4, "Para que estrela vai a canção?", 1),
    ("Madrid", FEB_4 + " The song leaves from Madrid.", "Para que estrela vai a canção?", 0),
    ("Paul McCartney compôs a canção.", "Beatle Paul McCartney tells NASA to send his love.",
     "Quem compôs a canção Across the Universe e em que álbum ela saiu?", 0),
    # the sentence must name every name of the question: the 18 of Kryvyi Rih are no toll of Kyiv
    ("18", KRYVYI_RIH, "Quantas pessoas morreram em ataques russos em Kyiv?", 0),
    ("18", KRYVYI_RIH, "Quantas pessoas morreram em Kryvyi Rih?", 1),
    ("A reunião é no dia 5 de março.", FEB_4, "Em que data é a reunião?", 0),
    # "where" counts the places the question does not name: pressed, the model gave the antenna,
    # the complex and the town of one sentence, and a country of its own
    ("A canção será transmitida da antena DSS-63 do Complexo Madrid em Robledo de Chavela, na França.", DSS_63,
     "De onde será transmitida a canção?", 4),
    ("Da antena DSS-63, em Madrid.", FEB_4, "De onde será transmitida a canção?", 0),
    ("Da antena DSS-63, em Madrid.", DSS_63, "De que antena de Madrid será transmitida a canção?", 0),
])
def test_items_held_counts_what_a_pressed_answer_points_at(answer, sentence, question, held):
    assert cite.items_held(answer, sentence, question) == held


def test_overlap_meets_the_other_language_only_when_asked_to_translate():
    q, sentence = "O que os fãs são convidados a fazer?", "NASA invites astronomy fans to play the song."
    assert {"fans", "invites"} <= set(lexicon.translated("Os fãs são convidados").split())
    assert cite.overlap(q, sentence) == 0.0
    assert cite.overlap(q, sentence, translate=True) == pytest.approx(2 / 3)  # "fazer" is in no lexicon line


POWER = ("Together they can generate 6 megawatts, enough for about 3,500 homes, more than the island's 2,100 "
         "households need.")
TURBINES = "The plant's four turbines, each 18 metres tall, sit in a channel where the tide runs at up to eight knots."
VOTES = "A proposta foi aprovada com 11 votos a favor e 6 contra."


@pytest.mark.parametrize("question, noun", [
    ("Quantos empregos criou o projeto?", "empregos"),
    ("How many homes can the plant power?", "homes"),
    ("Quantas pessoas morreram em Sumy?", None),  # a toll: the dead are counted by _TOLLS
    ("Há quantos anos existe a Deep Space Network?", None),  # a span of time
    ("How many were injured?", None),
    ("How many lobsters are caught each year?", "lobsters"),  # "each year" makes it no question of time
    ("Quanto custou o projeto?", None),
])
def test_the_noun_a_how_many_question_counts(question, noun):
    assert cite.counted_noun(question) == noun


@pytest.mark.parametrize("answer, question, sentence, holds", [
    ("2,100", "Quantos agregados familiares tem a ilha?", POWER, True),  # households, through the lexicon
    ("3,500", "Quantos agregados familiares tem a ilha?", POWER, False),  # homes are not households
    ("3500", "How many homes can the plant power?", POWER, True),
    ("2100", "How many homes can the plant power?", POWER, False),
    ("18", "Quantos empregos criou o projeto?", TURBINES, False),  # 18 metres tall
    ("2,100", "Quantas pessoas vivem na ilha?", POWER, False),  # households are not people
    ("6", "Quantos votos contra teve a proposta?", VOTES, True),  # "votos" a few words before
    # found on a fourth story: "alunos" are the "pupils", "bibliotecas" the "libraries"
    ("112,000", "Quantos alunos são afetados?", "The decision affects about 112,000 pupils in 340 public schools.", True),
    ("60", "Quantos alunos são afetados?", "Only 60 of the city's schools have air conditioning.", False),
    ("25", "Quantas bibliotecas vão abrir?", "The council will open 25 public libraries as shelters.", True),
])
def test_a_count_answered_stands_beside_the_noun_asked(answer, question, sentence, holds):
    assert cite.numbers_count_the_asked(answer, question, [sentence]) is holds


def test_a_quote_counts_the_noun_asked_in_digits_or_words():
    assert cite.counts_the_asked(TURBINES, "How many turbines does the plant have?")  # "four turbines"
    assert not cite.counts_the_asked(TURBINES, "Quantos empregos criou o projeto?")


@pytest.mark.parametrize("question", [
    "What is the name of the channel where the turbines sit?", "Qual é o nome do canal?",
    "Como se chama o canal?", "What is the channel called?",
])
def test_a_question_for_a_name_asks_for_a_name(question):
    assert cite.asked_kind(question) == "name"
    assert cite.fits_kind("The channel where the turbines sit is called the tide channel.", question) is False


def test_a_capitalised_question_word_is_no_name():
    assert cite.names("Quanta energia pode a central produzir?") == []


def test_midnight_and_noon_are_times():
    q = "Until what time is the study room open during exams?"
    assert cite.fits_kind("A sala fica aberta até à meia-noite durante a época de exames.", q)
    assert cite.fits_kind("The office closes at noon.", "Until what time is the office open?")
    assert not cite.fits_kind("A sala de estudo tem 180 lugares.", q)


def test_people_are_counted_under_any_name():
    """"Quantas pessoas visitaram…?" is answered by "1.500 visitantes", not by households."""
    assert cite.counts_the_noun("Na primeira manhã, entraram mais de 1.500 visitantes.",
                                "Quantas pessoas visitaram a biblioteca na primeira manhã?")
    assert not cite.counts_the_noun("The plant can power 3,500 homes, more than the 2,100 households.",
                                    "Quantas pessoas vivem na ilha?")


def test_a_counted_player_is_counted_in_either_language():
    question = "Quantos avançados quer Steve Marlow ir buscar?"
    assert cite.counts_the_noun("Steve Marlow irá buscar dois avançados.", question)
    assert cite.counts_the_noun("Steve Marlow is expected to target two forwards.", question)
    assert not cite.counts_the_noun("Steve Marlow is expected to target two goalkeepers.", question)


def test_a_yes_or_no_is_not_half_answered_by_the_story_s_subject():
    q, headline = "A biblioteca tem um café?", "Biblioteca municipal de Braga reabre após três anos de obras"
    quote = "“Queremos que a biblioteca seja a sala de estar da cidade”, afirmou Helena Carvalho."
    assert cite.share_of_words(quote, q) == 0.5  # "biblioteca" of "biblioteca" and "café"
    assert cite.share_of_words(quote, q, headline) == 0.0
    # a question on the subject alone still counts its words
    assert cite.share_of_words("A biblioteca reabriu no sábado.", "A biblioteca reabriu?", headline) == 1.0


def test_a_judgement_is_answered_only_where_one_is_made():
    song = "On February 4, NASA will digitally transmit the Beatles song Across the Universe."
    assert cite.unjudged("Qual é a melhor música dos Beatles?", [song])
    assert cite.unjudged("What is Lewis's favourite Beatles song?", [song])
    assert not cite.unjudged("Qual é a melhor música dos Beatles?", [song, "Lewis called it the best song."])
    assert not cite.unjudged("Que música vai a NASA transmitir?", [song])


def test_an_answer_to_what_someone_said_gives_them_words():
    """Pressed, "O que disse Trump sobre a NATO?" got the lead's talks in Paris."""
    q = "O que disse Trump sobre a NATO?"
    assert not cite.speaks_for_the_asked("Steve Witkoff e Marco Rubio manterão conversas em Paris.", q)
    assert cite.speaks_for_the_asked("Donald Trump disse que resolveria a guerra em 24 horas.", q)
    assert cite.speaks_for_the_asked("Yermak said they are working on security.", "What did Andriy Yermak say?")
    # other questions are not this check's
    assert cite.speaks_for_the_asked("Witkoff vai a Paris.", "Quem é Trump?")


@pytest.mark.parametrize("sentence, question, years", [
    (DSN, "How many years ago was Across the Universe recorded?", "40"),  # recorded ~ the song's recording
    (DSN, "Há quantos anos existe a Deep Space Network?", "45"),
    (DSN, "Há quantos anos foi gravada a canção Across the Universe?", "40"),  # by the lexicon: gravação, canção
    (DSN, "How old is NASA's Deep Space Network?", "45"),
    (DSN, "Que idade tem a NASA?", "50"),  # NASA's own, not its network's: the thing with fewest other words
    (DSN, "Quantos anos tem a NASA?", "50"),
    (DSN, "How many years ago did Martin Lewis become a Beatles historian?", None),  # no anniversary of his
    (DSN, "Which anniversaries does the broadcast celebrate?", None),  # no age asked
    ("A Câmara celebra o 45.º aniversário da fábrica de Braga e o 10.º aniversário da loja.",
     "Há quantos anos existe a fábrica de Braga?", "45"),
    ("The town marked the 10th anniversary of the bridge, and the 20th anniversary of the bridge.",
     "How old is the bridge?", None),  # two ages for one thing: none
])
def test_an_anniversary_gives_the_age_asked(sentence, question, years):
    assert cite.years_since(sentence, question) == years


ENVOYS = ("O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio, Marco Rubio manterá "
          "conversas com colegas europeus em Paris.")
MACRON = "Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe."


@pytest.mark.parametrize("question, envoys, macron", [
    ("Who did Rubio and Witkoff meet in Paris?", False, True),
    ("Com quem se vão reunir Witkoff e Rubio?", False, True),
    ("With whom will the US hold talks in Paris?", True, True),  # a country does through anyone
    ("Com quem é que os EUA vão manter conversas em Paris?", True, True),
    ("Who is Marco Rubio?", True, True),  # not a question of whom someone met
])
def test_whom_the_doers_meet_is_named_after_them(question, envoys, macron):
    assert cite.names_whom_after_the_doers(ENVOYS, question) is envoys
    assert cite.names_whom_after_the_doers(MACRON, question) is macron


@pytest.mark.parametrize("question, thing", [
    ("Sobre que encontro Witkoff ia prestar contas aos europeus?", "encont"),
    ("Which French leader will Witkoff and Rubio see?", "leader"),  # English puts the noun last
    ("What weapon hit Sumy?", "weapon"),
    ("What will the Europeans offer?", None),  # no thing named
    ("Que canção a NASA vai transmitir?", None),  # a name asked: asked_kind checks it
    ("Quantas pessoas morreram?", None),
])
def test_asked_thing(question, thing):
    assert cite.asked_thing(question) == thing


def test_the_asked_thing_is_held_in_either_language():
    question = "Sobre que encontro Witkoff ia prestar contas aos europeus?"
    assert cite.holds_the_asked_thing("Witkoff relataria sua reunião com Putin.", question)
    assert cite.holds_the_asked_thing("He would report on his meeting with Putin.", question)
    assert not cite.holds_the_asked_thing("Witkoff ia prestar contas aos europeus em Paris na quinta-feira.", question)
    assert cite.holds_the_asked_thing("anything", "Quem é Witkoff?") is None


@pytest.mark.parametrize("question, target, into, origin", [
    ("Para onde vai ser enviada a canção?", 2, 1, 0),
    ("Where will the song be sent?", 2, 1, 0),
    ("In which direction will NASA beam the song?", 2, 1, 0),
    ("Where will the song be sent from?", 0, 0, 0),  # where from: no sentence is put first
    ("De onde será transmitida a canção?", 0, 0, 0),
    ("Quando será transmitida a canção?", 0, 0, 0),
    ("Where are the talks going to be held?", 0, 0, 0),  # where they happen, not where anything goes
])
def test_points_where_asked(question, target, into, origin):
    assert cite.points_where_asked("NASA will transmit the song in the direction of the star Polaris.", question) == target
    assert cite.points_where_asked("This will be the first time music is sent into deep space.", question) == into
    assert cite.points_where_asked("The song will be transmitted from the DSS-63 radio antenna.", question) == origin


@pytest.mark.parametrize("question, asks_from", [
    ("De onde vai ser transmitida a canção Across the Universe, a NASA?", True),
    ("From which radio antenna will the song be transmitted?", True),
    ("Where will it be sent from?", True),
    ("Apart from Lammy, counterparts from which countries will the US Secretary of State hold talks with?", False),
    ("How far is Polaris from Earth?", False),
    ("Para onde vai a canção?", False),
])
def test_a_sentence_that_names_no_origin_does_not_answer_where_from(question, asks_from):
    toward = "NASA will transmit the Beatles song Across the Universe in the direction of the star Polaris."
    assert cite.names_an_origin(toward, question) is not asks_from
    assert cite.names_an_origin("The song will be transmitted from the DSS-63 radio antenna.", question)
    assert cite.names_an_origin("A canção será transmitida de Madrid.", question)
    if "How far" in question:  # not where from, but a sentence with no distance does not say how far
        assert not cite.quotable(toward, question, ["NASA to beam Beatles song into deep space"])
        assert cite.quotable("Polaris is 431 light years away.", question, ["NASA to beam Beatles song into deep space"])
    elif "Lammy" not in question:
        assert cite.quotable(toward, question, ["NASA to beam Beatles song into deep space"]) is not asks_from


def test_says_where_from():
    article = ["The song will be transmitted from the DSS-63 radio antenna at the Madrid Deep Space Complex.",
               "NASA will transmit the song in the direction of the star Polaris."]
    to = "Where will the song be sent?"
    assert cite.says_where_from("It will be transmitted from the DSS-63 antenna. [1]", to, article)
    assert cite.says_where_from("A canção vai para a estação espacial DSS-63.", "Para onde vai a canção?", article)
    assert not cite.says_where_from("From Madrid towards Polaris.", to, article)
    assert not cite.says_where_from("Towards Polaris.", to, article)
    assert not cite.says_where_from("It goes to Madrid.", to, article)  # named at the complex, not after "from"
    assert not cite.says_where_from("It will be transmitted from the DSS-63 antenna.", "Where will it be sent from?", article)
    assert not cite.says_where_from("It will be transmitted from the DSS-63 antenna.", "What antenna will send it?", article)


@pytest.mark.parametrize("answer, question, expected", [
    # the article names neither minister: the fuller role is the answer it gives
    ("Os ministros que chegaram a Paris são o ministro das Relações Exteriores da Ucrânia e o ministro da Defesa.",
     "Quem são os ministros que chegaram a Paris?", True),
    ("The ministers who arrived in Paris are Ukraine's foreign minister and defence minister.",
     "Who are the ministers who arrived in Paris?", True),
    # a holder's name is asked for: another role is no answer (un-pt-10)
    ("O ministro da Defesa da Ucrânia é o ministro das Relações Exteriores da Ucrânia.",
     "Quem é o ministro da Defesa da Ucrânia?", False),
    ("The official is a European official.",
     "What is the name of the official who said the US should use more stick?", False),
    # nothing told apart: the role repeated
    ("Os ministros que chegaram a Paris são os ministros.", "Quem são os ministros que chegaram a Paris?", False),
    # no role at all in the answer
    ("They arrived on Thursday.", "Who are the ministers who arrived in Paris?", False),
])
def test_a_role_clause_question_may_be_answered_by_a_fuller_role(answer, question, expected):
    assert cite.described_by_role(answer, question) is expected


@pytest.mark.parametrize("sentence, reason", [
    (DSN, True),  # "celebrates"
    ("Construction was delayed for five months in 2023 after a storm damaged one of the foundations.", True),
    ("Fishermen had opposed the plan at first, fearing that the turbines would harm the lobster grounds.", True),
    ("O ministro da Defesa chegou à capital francesa para participar das discussões.", True),
    ("O líder dos EUA repreendeu o presidente da Ucrânia por não iniciar conversas de paz.", True),
    (RADIO, False),
    ("Polaris is approximately 431 light years away from Earth.", False),
    ("Helena Carvalhais explica a baixa adesão com o custo das apólices.", True),
    # "is yet to be known" gives no reason
    ("Também está por saber se o Instituto dos Vinhos do Douro e do Porto vai rever o benefício.", False),
])
def test_a_sentence_that_gives_a_reason(sentence, reason):
    assert cite.gives_a_reason(sentence) is reason


ENVOYS = ("O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio, Marco Rubio manterá conversas "
          "com colegas europeus em Paris ainda na quinta -feira para discutir os esforços para terminar a guerra na "
          "Ucrânia.")
CUT_OUT = "No entanto, também realizou negociações com Moscou que cortaram Kyiv."
PARIS_HEADLINE = ["Nós para manter conversas em Paris com europeus"]


def test_a_bare_name_stands_where_the_question_s_words_do():
    # found in plain use: nothing of Rubio's sentences is about cutting anyone out
    cut = "Who did Trump's government cut out of talks?"
    assert not cite.name_stands_with_the_asked("Marco Rubio [1]", cut, [ENVOYS, CUT_OUT], PARIS_HEADLINE)
    # the envoy's sentence holds "enviado" (and "especial")
    envoy = "Quem é o enviado especial de Trump?"
    assert cite.name_stands_with_the_asked("Steve Witkoff", envoy, [ENVOYS, CUT_OUT], PARIS_HEADLINE)
    # not a bare name, or a question of names alone: not this check's
    assert cite.name_stands_with_the_asked("Marco Rubio cortou Kyiv.", cut, [ENVOYS], PARIS_HEADLINE)
    assert cite.name_stands_with_the_asked("Marco Rubio", "Quem é Witkoff?", [CUT_OUT], PARIS_HEADLINE)
    # found in plain use: asked where the talks (the headline's) take place, "decorrer" is no word of
    # what is asked, and Paris stands where the talks are; a "who" still needs its other words
    where = "Onde vão decorrer as conversações?"
    assert cite.name_stands_with_the_asked("Paris", where, [ENVOYS, CUT_OUT], PARIS_HEADLINE)
    assert not cite.name_stands_with_the_asked("Marco Rubio", "Quem vai decorar a sala das conversações?",
                                               [ENVOYS], PARIS_HEADLINE)


def test_a_clock_time_and_a_weekday_written_the_other_language_s_way():
    hours = "O novo horário é das 9h às 20h nos dias úteis e das 10h às 18h ao sábado."
    assert cite.missing_facts("The library opens at 10:00 AM on Saturdays.", hours) == []
    assert cite.missing_facts("It opens at 11:00 on Saturdays.", hours) == ["11:00"]
    assert cite.missing_facts("It opens at 9:30 on weekdays.", "Abre às 9h30 nos dias úteis.") == []


@pytest.mark.parametrize("text, clock", [
    ("shut the bridge at 7pm on Monday", "19:00"),
    ("A ponte foi encerrada às 7:00 PM.", "19:00"),
    ("at 12:00 am UTC", "0:00"),
    ("marcada para quinta-feira às 11 horas", "11:00"),
    ("The mass is at 11 AM.", "11:00"),
    ("às 04h17", "4:17"),
    ("at 19:00", "19:00"),
])
def test_a_clock_time_is_one_mark_on_a_24_hour_clock(text, clock):
    assert clock in cite.marks(text)
    # once: "12:00 am" is no "12:00" too, "7pm" no "7"
    assert not cite.marks(text) & {"12:00", "7", "11", "4", "17"}


def test_a_span_in_hours_is_no_clock_time():
    assert cite.marks("resolver a guerra em 24 horas") == {"24"}
    assert cite.marks("durante 12 horas") == {"12"}
    assert cite.marks("7 people left at 7pm") == {"7", "19:00"}


def test_a_pressed_time_written_otherwise_points_at_its_sentence():
    sentence = "Mardale County Council shut the bridge at 7pm on Monday following a routine inspection."
    assert cite.items_held("A ponte foi encerrada em 7:00 PM no dia anterior.", sentence,
                           "Quando é que a ponte foi encerrada?") == 1


def test_a_decimal_stands_in_the_clause_that_names_the_subject():
    """Found on a fourth story: a clause's words cut "44.6C" into "44" and "6c", and a reason
    holding the temperature rested on no sentence."""
    sentence = ("Schools in Seville will close early after temperatures reached 44.6C on Monday, the highest "
                "reading since records began in 1951.")
    assert cite.rests_on_one("Temperatures reached 44.6C.", "Why are the schools in Seville closing early?", [sentence])
    assert not cite.rests_on_one("Temperatures reached 1951C.", "Why are the schools in Seville closing early?", [sentence])


@pytest.mark.parametrize("answer, evidence, misread", [
    ("José Luis Sanz é o maior da cidade de Seville.", "Seville's mayor, José Luis Sanz, said…", ["maior"]),
    ("José Luis Sanz é o presidente da câmara, e Sevilha a maior cidade.", "Seville's mayor, José Luis Sanz", []),
    ("Sevilha é a maior cidade da Andaluzia.", "Seville is the largest city of Andalusia.", []),
    ("Os ministros atenderam a reunião.", "The ministers attended the meeting.", ["atenderam"]),
    ("Os ministros participaram na reunião.", "The ministers attended the meeting.", []),
    ("The mayor is José Luis Sanz.", "Seville's mayor, José Luis Sanz", []),  # English: no look-alike
])
def test_a_portuguese_look_alike_of_an_english_word_is_seen(answer, evidence, misread):
    language = "en" if answer.startswith("The") else "pt"
    assert cite.false_friends(answer, language, [evidence]) == misread


@pytest.mark.parametrize("answer, question, sentence, stands", [
    # found on a fifth story: the 27 of "27 mil hectares" made a span of days
    ("The 2018 fire lasted approximately 27 days.", "How long did the 2018 fire last?",
     "Em 2018, um incêndio na mesma serra queimou cerca de 27 mil hectares durante uma semana.", False),
    ("It lasted 3 days.", "How long did the fire last?", "The fire burned for 3 days.", True),
    ("Durou 3 dias.", "Quanto tempo durou o incêndio?", "O fogo durou 3 dias e queimou 27 casas.", True),
    ("27 dias.", "Quantos dias durou o incêndio?", "O fogo durou 3 dias e queimou 27 casas.", False),
    ("27 houses.", "How many houses burned?", "The fire lasted 3 days and burned 27 houses.", True),  # no span asked
    ("A greve dura 48 horas.", "Quanto tempo dura a greve?", "Workers began a 48-hour strike over pay.", True),
    # a year restated is no span (Paris pt-18)
    ("Em maio de 2023, Trump disse que resolveria a guerra em 24 horas.", "Em quanto tempo disse Trump que acabava a guerra?",
     "Em maio de 2023, Donald Trump disse que seria capaz de resolver a guerra “em 24 horas”.", True),
])
def test_a_span_of_time_answered_stands_before_a_unit_of_time(answer, question, sentence, stands):
    assert cite.spans_stand(answer, question, [sentence]) is stands


@pytest.mark.parametrize("answer, evidence, missing", [
    # found on a fifth story: a count that opens a sentence is a number, in either language
    ("Three firefighters were injured.", "Três bombeiros sofreram ferimentos ligeiros.", []),
    ("Five firefighters were injured.", "Três bombeiros sofreram ferimentos ligeiros.", ["five"]),
    ("3 firefighters were injured.", "Três bombeiros sofreram ferimentos ligeiros.", []),
    ("Os três bombeiros foram assistidos.", "Three firefighters were treated.", []),
    # found on a sixth story: an ordinal holds its count
    ("Three", "It is the third ferry strike this year.", []),
    ("Four", "It is the third ferry strike this year.", ["four"]),
])
def test_counts_in_words_are_facts(answer, evidence, missing):
    assert cite.missing_facts(answer, evidence) == missing


def test_a_quote_holds_the_day_or_month_the_question_names():
    """Found on a sixth story: asked how many crossings were cancelled on Wednesday, the March
    stoppage's 160 was quoted."""
    question = "How many crossings were cancelled on Wednesday?"
    assert not cite.quotable("In March, a one-day stoppage cancelled 160 crossings.", question, ["Ferry strike"])
    assert cite.quotable("On Wednesday 160 crossings were cancelled.", question, ["Ferry strike"])
    assert not cite.quotable("Um incêndio obrigou a retirar cerca de 300 pessoas.", "How many people were evacuated in 2018?",
                             ["Incêndio em Monchique"])
    # the question's other numbers are another check's (counts_the_asked)
    assert cite.quotable("Em maio de 2023, Trump disse que resolveria a guerra em 24 horas.",
                         "O que disse Trump em maio de 2023?", ["Nós para manter conversas"])


# Session 29, from the sardine-quota held-out article.
QUOTA = ("Os ministros das Pescas de Portugal e de Espanha acordaram esta terça-feira, em Bruxelas, reduzir em "
         "15% a quota de captura de sardinha ibérica para 2027, que passa de 50 mil para 42.500 toneladas.")
BIOMASS = "A biomassa desceu pelo segundo ano consecutivo, depois de ter atingido em 2022 o valor mais alto desde 1990."
SHARE = "Portugal fica com 66% da quota, o equivalente a 28.050 toneladas, e Espanha com os restantes 34%."


@pytest.mark.parametrize("answer, mended", [
    ("The association represents approximately 2, 300 fishermen.", "The association represents approximately 2,300 fishermen."),
    ("2. 300 pescadores", "2.300 pescadores"),
    ("2,300", "2,300"),
    ("1, 300 and 2", "1, 300 and 2"),  # no 1300 in the sentences: a list stays a list
])
def test_a_thousands_separator_with_a_stray_space_is_mended(answer, mended):
    assert cite.mend_split_numbers(answer, ["A associação representa cerca de 2.300 pescadores."]) == mended


def test_a_split_number_stays_split_when_its_parts_are_numbers_of_the_article():
    assert cite.mend_split_numbers("2, 300", ["Entre 2 e 300 barcos, de um total de 2300."]) == "2, 300"


def test_a_count_in_a_unit_of_weight_is_counted_through_the_lexicon():
    question = "How many tonnes of sardine can Portugal catch?"
    assert cite.counts_the_noun(SHARE, question, {"28050"})
    assert cite.numbers_count_the_asked("Portugal can catch 28.050 tonnes.", question, [SHARE])
    assert not cite.counts_the_noun(SHARE, "How many fishermen are there?", {"28050"})


@pytest.mark.parametrize("question, stands", [
    ("Qual foi a quota de sardinha em 2022?", False),  # 42,500 is the quota "para 2027"
    ("Qual é a quota de sardinha para 2027?", True),
    ("Qual é a nova quota de sardinha?", True),  # no year asked
])
def test_a_number_of_another_year_does_not_answer_for_the_year_asked(question, stands):
    assert cite.numbers_stand_in_the_asked_year("42.500 toneladas", question, [QUOTA, BIOMASS]) is stands


def test_a_number_in_a_sentence_of_no_year_is_not_judged_by_the_year():
    assert cite.numbers_stand_in_the_asked_year("28.050 toneladas", "Quanto pesca Portugal em 2027?", [SHARE])


@pytest.mark.parametrize("answer, question, fits", [
    ("35 milhões de sardinhas.", "Qual é o preço da sardinha no mercado?", False),
    ("4 milhões de euros", "How much did the aid cost?", True),
    ("It cost £42 million.", "How much does the plant cost?", True),
    ("It cost 42 million.", "How much does the plant cost?", False),  # the sentence with the currency is quoted
    ("35 milhões de sardinhas.", "Quantas sardinhas se vendem?", True),  # a count asked, not a price
    ("3 anos", "Há quantos anos os salários não acompanham a inflação?", True),  # years counted, of wages
])
def test_a_price_asked_is_answered_with_money(answer, question, fits):
    assert cite.fits_kind(answer, question) is fits


@pytest.mark.parametrize("answer, echoes", [
    ("Porque foi reduzida a quota para 2027, que passa de 50 mil para 42.500 toneladas.", True),
    ("Porque a biomassa desceu pelo segundo ano.", False),
    ("Porque foi reduzida a quota: os cientistas alertaram que a biomassa desceu, por causa da pesca.", False),
    ("Foi reduzida porque os cientistas alertaram.", False),
])
def test_a_why_answer_that_only_repeats_the_question_is_seen(answer, echoes):
    assert cite.echoes_why(answer, "Porque foi reduzida a quota?") is echoes


def test_a_question_that_is_no_why_is_never_an_echo():
    assert not cite.echoes_why("A quota foi reduzida em 15%.", "A quota foi reduzida em quanto?")


@pytest.mark.parametrize("answer, question, no_place", [
    ("A decisão foi tomada pelo Conselho Internacional para a Exploração do Mar (ICES).", "Onde foi tomada a decisão?", True),
    ("A decisão foi tomada em Bruxelas.", "Onde foi tomada a decisão?", False),
    ("In Brussels.", "Where was the deal agreed?", False),
    ("Em 2022.", "Onde foi tomada a decisão?", True),  # a year is no place
    ("The song was sent from Madrid.", "Where was the song sent?", False),  # where to: says_where_from's
    ("A decisão foi tomada pelo ICES.", "Quem tomou a decisão?", False),  # no "where" asked
    ("Os ministros chegaram à capital francesa.", "Where did the Ukrainian ministers arrive?", False),
])
def test_an_answer_to_where_names_a_place(answer, question, no_place):
    assert cite.says_no_place(answer, question) is no_place


def test_a_bare_name_answers_where_when_the_article_puts_something_in_it():
    article = ["The Brouwer portrait was last stolen in 1974 and recovered a year later in Amsterdam."]
    assert not cite.says_no_place("Amsterdam", "Onde foi recuperado o retrato de Brouwer?", article)
    assert cite.says_no_place("Brouwer", "Onde foi recuperado o retrato de Brouwer?", article)
    assert cite.says_no_place("Amsterdam", "Onde foi recuperado o retrato de Brouwer?")


def test_a_capital_named_by_its_country_is_a_place():
    """A fresh question: "Where did the Ukrainian ministers go?" → "…went to the capital of France"
    (the article: "chegaram à capital francesa") was turned down as naming no place."""
    question = "Where did the Ukrainian ministers go?"
    assert not cite.says_no_place("The Ukrainian ministers went to the capital of France.", question)
    assert not cite.says_no_place("Foram para a capital francesa.", "Para onde foram os ministros ucranianos?")


def test_a_bare_name_answers_where_people_live_when_the_article_makes_them_its_residents():
    article = ["The company blamed the delay on a legal challenge by residents of Maia, who say the works will "
               "increase noise in their neighbourhood."]
    question = "Where do the residents who challenged the works live?"
    assert not cite.says_no_place("Maia", question, article)
    assert cite.says_no_place("Maia", question, ["A legal challenge was filed by Maia, a neighbour."])
    assert not cite.says_no_place("Alferce", "Onde vivem os queixosos?", ["Os moradores de Alferce queixaram-se."])


@pytest.mark.parametrize("question, asks", [
    ("Que país acolhe as conversas?", True),
    ("Qual é o país que acolhe as conversas?", True),
    ("In which European country are the talks?", True),
    ("Which city will host the final?", True),
    ("Que aldeias foram evacuadas?", True),
    ("De que país é o realizador?", False),  # a nationality
    ("Which country is the director from?", False),  # where from
    ("Quantas pessoas disseram que a cidade está segura?", False),  # "que" within the question
    ("Which country's president came?", False),
    ("What is the city budget?", False),
    ("What does the city plan to do?", False),
])
def test_a_place_asked_by_its_noun_is_a_where(question, asks):
    assert cite.asks_where_at(question) is asks


def test_after_a_role_responsible_says_what_it_is_for():
    assert cite.asked_roles("Quem é o vereador responsável pelas estradas?") == ["vereador"]
    assert cite.asked_roles("Quem é o responsável pela obra?") == ["responsavel"]


def test_a_title_is_no_part_of_whose_name_it_is():
    sentence = ("Councillor David Ashworth, the council's cabinet member for highways and transport, said repairs "
                "were estimated to cost £3.2 million.")
    question = "Quem é o vereador responsável pelas estradas?"
    assert cite.names_someone_new(sentence, question)
    assert cite.fits_kind(sentence, question)
    assert not cite.names_someone_new("Councillor Ashworth said so.", "Who is Councillor Ashworth?")


def test_asked_which_country_a_person_by_a_role_names_no_place():
    article = ["Rubio manterá conversas com colegas europeus em Paris.",
               "Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe."]
    question = "Que país acolhe as conversas?"
    assert cite.says_no_place("O presidente francês Emmanuel Macron e sua equipe.", question, article)
    # A country, a placed city, or a name the answer makes no one by a role: the village of a list.
    for answer in ("França.", "As conversas decorrem em Paris.", "Paris.", "Alferce e Marmelete."):
        assert not cite.says_no_place(answer, question, article)


def test_a_where_question_is_not_answered_by_a_quote_without_a_place():
    assert cite.quotable(QUOTA, "Onde foi tomada a decisão?", [])
    assert not cite.quotable(BIOMASS, "Onde foi tomada a decisão?", [])


def test_words_are_given_to_the_name_after_a_role_after_the_speech_verb():
    sentence = ("\"É um corte duro, mas necessário\", afirmou a ministra do Mar, Joana Ferreira, à saída da reunião.")
    assert cite.speakers(sentence) == [("joana", "ferreira")]
    assert cite.speakers_stand("Joana Ferreira afirmou que é um corte duro.", [sentence]) == []
    assert cite.speakers("\"We will fight\", said the union leader in Lisbon on Monday.") == []


FERRY = ["Transtejo said minimum services would run two crossings in the morning and two in the evening.",
         "The company's chairman, Rui Santos, said a 2.5% rise was \"the most the budget allows this year\"."]


def test_a_sentence_that_points_back_stands_beside_the_names_of_the_one_before():
    linked = cite.with_antecedents(FERRY)
    assert linked[0] == FERRY[0]
    assert "Transtejo" in linked[1]
    question = "Who is the chairman of Transtejo?"
    assert not cite.names_stand_with_subjects("Rui Santos", question, FERRY, [])
    assert cite.names_stand_with_subjects("Rui Santos", question, linked, [])


def test_a_sentence_that_does_not_point_back_is_left_alone():
    sentences = ["Transtejo said minimum services would run.", "Rui Santos, a lawyer, said the strike was legal."]
    assert cite.with_antecedents(sentences) == sentences
    assert not cite.names_stand_with_subjects("Rui Santos", "Who is the chairman of Transtejo?",
                                              cite.with_antecedents(sentences), [])


TIDAL = ["A tidal power plant off the island of Eilean Mòr began supplying electricity to the local grid on Monday.",
         "Construction began in June 2022 and was delayed for five months in 2023 after a storm damaged one of the "
         "foundations."]


def test_a_date_whose_clause_shares_one_word_gives_way_to_a_clause_that_shares_more():
    question = "Quando começou a central a fornecer eletricidade?"  # "começou" meets "began" in both
    assert not cite.dates_stand_with_the_asked("A central começou a fornecer eletricidade em junho de 2022.",
                                               question, TIDAL)
    assert cite.dates_stand_with_the_asked("Em junho de 2022.", "Quando começou a construção?", TIDAL)


def test_a_possessive_role_and_a_deputy_are_roles_asked():
    """Monchique held-out: "the regional fire chief's deputy" got the chief's name."""
    question = "What is the name of the regional fire chief's deputy?"
    assert cite.asked_roles(question) == ["chief", "deputy"]
    sentence = "O fogo mobilizava 620 operacionais, segundo o comandante regional Vítor Vaz Pinto."
    assert not cite.fits_kind(sentence, question)


@pytest.mark.parametrize("sentence", ["The company blamed the delay on a shortage of construction workers.",
                                      "A empresa atribuiu o atraso à falta de trabalhadores."])
def test_blame_gives_a_reason(sentence):
    assert cite.gives_a_reason(sentence)


@pytest.mark.parametrize("reply, asks", [
    ("Sofia Ramalho anunciou a medida. E com quem se reuniu ela? Beja.", True),
    ("Com as associações de regantes, em Beja. [1]", False),
    ('She asked: "Why now?" [1]', False),
])
def test_a_reply_that_asks_a_question_back_is_caught(reply, asks):
    assert cite.asks_back(reply) is asks


DROUGHT_2005 = "Em 2005, uma seca semelhante obrigou a levar água em camiões-cisterna a 40 aldeias do distrito de Beja."
FIRE_2018 = "Em 2018, um incêndio na mesma serra queimou cerca de 27 mil hectares durante uma semana."


@pytest.mark.parametrize("question, stands", [
    ("How many villages need water trucks this year?", False),
    ("How many villages needed water trucks in 2005?", True),
    ("How many villages needed water trucks?", True),  # no time asked: the background may answer
])
def test_a_question_about_now_is_not_answered_by_the_story_background(question, stands):
    assert cite.numbers_stand_in_the_asked_year("40", question, [DROUGHT_2005]) is stands


def test_a_sentence_on_a_past_year_is_no_quote_for_a_question_about_now():
    assert not cite.quotable(FIRE_2018, "How many hectares have burned so far?", [])
    assert cite.quotable(FIRE_2018, "How many hectares burned in 2018?", [])


def test_a_common_word_is_no_near_spelling_of_a_name():
    """"A barragem do Alqueva está a 58%…" held "Estêvão", and the answer "O presidente da EDIA é
    Manuel Estêvão" stood beside EDIA."""
    dam = "A barragem do Alqueva está a 58% da sua capacidade, segundo a EDIA."
    assert not cite._holds_name(("manuel", "estevao"), cite._tokens(dam))
    assert cite._holds_name(("manuel", "estevao"), cite._tokens("disse Manuel Estevao."))


@pytest.mark.parametrize("question, sentence, misses", [
    ("Quando reabre o museu de Bruges?",
     "It is the second theft from a Belgian museum this year: in February, a gold brooch was taken from a museum in Bruges.", True),
    ("When was the museum founded?",
     "Two 17th-century paintings were stolen from the Museum of Fine Arts in Ghent early on Sunday, Belgian police said.", True),
    ("Quando começam as conversas?", "Witkoff e Rubio manterão conversas com colegas europeus em Paris na quinta-feira.", False),
    ("What day of the week are the talks happening?", "The talks will be held on Friday in Paris.", False),
    ("Quando serão revistas as restrições?", "As restrições serão revistas em junho.", False),
    ("Who reopened the museum?", "The museum was stolen from on Sunday.", True),
    ("Who won the by-election?",
     "The by-election was called after the Conservative councillor David Morgan stepped down in July.", True),
    ("Who won the by-election?", "Megan Price won the by-election with 1,204 votes.", False),
    ("How many paintings did the museum lose?", "The museum was stolen from on Sunday.", False),  # no who, no when
    ("With whom will the US hold talks in Paris?",  # whom, said many ways
     "Witkoff e Rubio manterão conversas com colegas europeus em Paris.", False),
])
def test_a_when_or_who_quote_holds_what_happens(question, sentence, misses):
    assert cite.misses_the_asked_event(sentence, question) is misses


def test_an_amount_in_a_currency_holds_the_word_money():
    question = "Quanto dinheiro angariou a empresa na primeira ronda?"
    assert cite.share_of_words("The company raised €4 million in its first round, in 2022.", question) == 1
    assert cite.share_of_words("The company raised 4 million people in its first round.", question) < 1


@pytest.mark.parametrize("sentence, opens", [
    ("It is due to be launched in October 2026.", True), ("Ela disse que sim.", True),
    ("Italy is due to vote.", False), ("The satellite weighs 85 kilograms.", False)])
def test_a_sentence_opening_on_a_pronoun(sentence, opens):
    assert cite.opens_on_a_pronoun(sentence) is opens


@pytest.mark.parametrize("question, number, stands", [
    ("Quantos engenheiros tem atualmente a empresa?", "60", False),  # 60 more, to be hired
    ("Quantos engenheiros vai contratar a empresa?", "60", True),  # no "now" asked
    ("Quantas pessoas emprega atualmente a empresa?", "42", True),
])
def test_a_question_about_now_is_not_answered_by_an_increment(question, number, stands):
    sentences = ["It plans to hire 60 more engineers by the end of next year, most of them in Porto.",
                 "Orbital Lusa was founded in 2021 and employs 42 people."]
    assert cite.numbers_stand_in_the_asked_year(number, question, sentences) is stands


def test_a_sentence_adding_new_ones_is_no_quote_for_how_many_there_are_now():
    trams = "A Carris, empresa municipal de transportes, vai comprar 18 novos elétricos articulados para a linha."
    assert not cite.quotable(trams, "Quantos elétricos tem atualmente a Carris?", [])
    assert cite.quotable(trams, "Quantos elétricos vai comprar a Carris?", [])


@pytest.mark.parametrize("question", ["What does Megan Price want to reopen?", "Qual é a profissão de Megan Price?"])
def test_a_name_is_no_word_of_the_question(question):
    # "Price" is her name: no price is asked, so an answer with no money may still fit.
    assert cite.fits_kind("Megan Price wants to reopen the village's railway halt.", question) is not False


def test_a_price_asked_still_wants_money():
    assert cite.fits_kind("The ticket is valid for a week.", "How much does a ticket cost?") is False


_VOTES = ("Megan Price, a 29-year-old primary school teacher, took 1,204 votes, 37 more than the Liberal "
          "Democrat candidate, Owen Jenkins.")


@pytest.mark.parametrize("answer, question, stands", [
    ("Owen Jenkins tem 29 anos.", "Qual é a idade de Owen Jenkins?", False),  # Price's age
    ("Megan Price tem 29 anos.", "Qual é a idade de Megan Price?", True),
    ("37", "By how many votes did Owen Jenkins lose?", True),  # "Liberal Democrat" is no one
])
def test_a_number_beside_someone_else_is_not_the_asked_persons(answer, question, stands):
    assert cite.numbers_stand_with_subjects(answer, question, [_VOTES], []) is stands


_FINE = ["O Tribunal condenou a empresa a pagar uma multa de 2,4 milhões de euros.",
         "A empresa faturou 38 milhões de euros no ano passado e emprega 210 pessoas."]


@pytest.mark.parametrize("answer, stands", [("The company was fined 38 million euros.", False),
                                            ("The company was fined 2.4 million euros.", True)])
def test_a_number_from_a_clause_on_something_else_is_not_the_asked_one(answer, stands):
    headlines = ["Tribunal condena empresa de curtumes a pagar 2,4 milhões por poluir o rio Alviela"]
    assert cite.numbers_stand_with_the_asked(answer, "How much was the company fined?", _FINE, headlines) is stands


def test_an_answer_opening_on_someone_without_the_role_asked_is_caught():
    sentences = ["O administrador da empresa, Joaquim Ferreira, de 61 anos, foi condenado.",
                 "«Poluir não compensa», disse a juíza Helena Sobral."]
    assert not cite.opens_on_the_role_holder("Joaquim Ferreira is 61 years old.", "How old is the judge?", sentences)
    assert cite.opens_on_the_role_holder("Helena Sobral is the judge.", "What did the judge say?", sentences)
    assert cite.opens_on_the_role_holder("Joaquim Ferreira is 61.", "How old is Joaquim Ferreira?", sentences)
    # found in plain use: asked who sees the role's holder, the answer is someone else
    macron = ("Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe, antes que o Secretário de "
              "Estado dos EUA contenha conversas com Lammy e seus colegas franceses e alemães.")
    assert cite.opens_on_the_role_holder("Witkoff e Rubio vão ver o presidente francês.",
                                         "Quem vai ver o presidente francês?", [macron])
    assert cite.opens_on_the_role_holder("Witkoff and Rubio will.", "Who is meeting the French president?", [macron])


def test_to_a_named_court_says_where():
    assert not cite.says_no_place("The defence will appeal to the Tribunal da Relação de Évora.",
                                  "Where will the defence appeal?")


@pytest.mark.parametrize("sentence, question, fits", [
    ("The by-election was called after the Conservative councillor David Morgan stepped down in July.",
     "What did David Morgan say about the result?", False),  # gives him no words
    ("\"I am proud,\" David Morgan said.", "What did David Morgan say about the result?", True),
])
def test_a_quote_gives_words_to_whom_the_question_asks_of(sentence, question, fits):
    assert cite.quotable(sentence, question, []) is fits


def test_a_headline_word_takes_out_only_the_same_word():
    headline = "Green candidate wins Llanfair council seat by 37 votes after overnight recount"
    sentence = "The by-election was called after the Conservative councillor David Morgan stepped down."
    assert cite.share_of_words(sentence, "Who was the previous councillor?", headline) > 0
    assert cite.share_of_words("Turnout was 41 per cent.", "How many seats does the council have?", headline) == 0


@pytest.mark.parametrize("answer, language, written", [
    ("The company was fined 2,4 million euros.", "en", "The company was fined 2.4 million euros."),
    ("A multa foi de 2.4 milhões de euros.", "pt", "A multa foi de 2,4 milhões de euros."),
    ("About 4,500 people.", "en", "About 4,500 people."),  # thousands, as an English article writes them
    ("Portugal can catch 28.050 tonnes.", "en", "Portugal can catch 28,050 tonnes."),  # copied from the article
    ("O Reino Unido tem 4,500 barcos.", "pt", "O Reino Unido tem 4.500 barcos."),
    ("It weighs 1.500 kg.", "en", "It weighs 1.500 kg."),  # no article wrote it so: left alone
])
def test_numbers_are_written_the_readers_way(answer, language, written):
    article = ["Portugal fica com 28.050 toneladas.", "The UK has 4,500 boats."]
    assert cite.local_numbers(answer, language, article) == written


def test_a_year_that_dates_something_is_no_count_of_what_is_asked():
    question = "How much was the company fined?"
    assert cite.count_share("A Quercus, que apresentou a primeira queixa em 2020, considerou a multa «insuficiente».",
                            question) == 0
    assert cite.count_share("O Tribunal condenou a empresa a pagar uma multa de 2,4 milhões de euros.", question) == 1


@pytest.mark.parametrize("question, quotable", [
    ("Qual é a idade de Owen Jenkins?", False), ("How old is Megan Price?", True),
    ("How many votes did Owen Jenkins get?", True)])
def test_an_age_quote_gives_the_age_of_whom_is_asked(question, quotable):
    assert cite.gives_the_asked_age(_VOTES, question) is quotable
    assert cite.gives_the_asked_age("O administrador, Joaquim Ferreira, de 61 anos, foi condenado.",
                                    "Qual é a idade de Joaquim Ferreira?")


@pytest.mark.parametrize("answer, stands", [
    ("The recount took 2.40am.", False), ("It ended at 11 pm.", False), ("A recontagem durou 14h30.", False),
    ("The recount took about 2 hours.", True), ("The recount took two hours.", True)])
def test_a_clock_time_is_no_span_of_time(answer, stands):
    sentences = ["Mr Jenkins asked for a recount, which ended at 2.40am.", "It took 2 hours, ending at 11 pm or 14h30."]
    assert cite.spans_stand(answer, "How long did the recount take?", sentences) is stands


@pytest.mark.parametrize("question, difference", [
    ("Quantos votos teve Owen Jenkins?", True), ("By how many votes did Megan Price win?", False),
    ("Por quantos votos ganhou?", False)])
def test_a_difference_is_no_count_of_its_own(question, difference):
    assert cite.gives_a_difference("37", question, [_VOTES]) is difference
    assert not cite.gives_a_difference("1,204", question, [_VOTES])


def test_more_of_something_is_still_a_count():
    assert not cite.gives_a_difference("60", "How many engineers will it hire?",
                                       ["It plans to hire 60 more engineers by the end of next year."])


def test_a_number_of_the_new_one_is_not_the_old_ones():
    sentences = ["O Hospital de Faro inaugurou uma nova urgência pediátrica, que custou 6,8 milhões de euros.",
                 "A antiga urgência, aberta em 1979, vai ser transformada numa unidade de dia."]
    assert cite.numbers_of_the_other_one("6,8 milhões de euros", "Quanto custou a antiga urgência?", sentences)
    assert not cite.numbers_of_the_other_one("6,8 milhões de euros", "Quanto custou a nova urgência?", sentences)
    assert not cite.numbers_of_the_other_one("6,8 milhões de euros", "Quanto custou a urgência?", sentences)


@pytest.mark.parametrize("sentence, question, elsewhere", [
    ("She has promised to campaign to reopen the village's railway halt, which closed in 1965.",
     "Quando vai reabrir o apeadeiro?", True),
    ("She has promised to campaign to reopen the village's railway halt, which closed in 1965.",
     "Quando fechou o apeadeiro?", False),
    ("On February 4, NASA will digitally transmit the Beatles song.", "Quando será transmitida a canção?", False),
    ("Em maio de 2023, antes de retornar à Casa Branca, Donald Trump disse que seria capaz de resolver a guerra.",
     "Quando é que Trump fez a promessa de resolver a guerra rapidamente?", False),
    ("No início deste mês, pelo menos 18 pessoas morreram em Kryvyi Rih.", "Quando morreram as pessoas?", False),
])
def test_a_when_quote_dates_what_is_asked(sentence, question, elsewhere):
    assert cite.dated_only_elsewhere(sentence, question) is elsewhere


def test_the_new_ones_cost_is_no_quote_for_the_old_ones():
    new = "O Hospital de Faro inaugurou uma nova urgência pediátrica, que custou 6,8 milhões de euros."
    assert not cite.quotable(new, "Quanto custou a antiga urgência?", [])
    assert cite.quotable(new, "Quanto custou a nova urgência?", [])


def test_a_when_clause_goes_with_the_date_before_it():
    assert not cite.dated_only_elsewhere(
        "Afternoon classes and sports activities are cancelled until Friday, when forecasters expect the heat to ease.",
        "When will the heat ease?")


def test_a_quote_that_gives_the_asked_person_quoted_words_speaks_for_them():
    yoko = ("NASA's press release includes statements from Beatle Paul McCartney, and John Lennon's wife Yoko Ono, "
            "who sees the event as \"the beginning of the new age\".")
    assert cite.quotes_the_asked(yoko, "O que disse Yoko Ono sobre o evento?")
    assert not cite.quotes_the_asked("Os diplomatas europeus disseram que pedirão aos EUA que pressionem mais a Rússia.",
                                     "O que disse a Rússia?")


@pytest.mark.parametrize("question", ["Quem teve a ideia de enviar a canção?",
                                      "Who came up with the idea of beaming the song into space?"])
def test_a_who_quote_of_a_long_question_need_not_hold_two_of_its_words(question):
    assert not cite.misses_the_asked_event("The idea was hatched by Martin Lewis, a Beatles historian.", question)


# Session 32's stories: a derailment, a dig at Mértola, a sleep study (eval/heldout/).
RUTHERFORD = ("Passenger Emma Rutherford, a 34-year-old nurse on her way to work, said there was \"a loud bang, "
              "then everything slid sideways\".")
LAMPREIA = ("«Agora sabemos que era feita aqui», disse o arqueólogo Rui Lampreia, do Campo Arqueológico de "
            "Mértola, que coordena os trabalhos.")
BASTOS = ("«Temos uma geração cronicamente privada de sono», afirmou a coordenadora do estudo, a professora Helena "
          "Bastos, que investiga o sono dos adolescentes há 20 anos.")


def test_words_are_given_past_an_apposition_and_after_a_bare_role():
    assert cite.speakers(RUTHERFORD) == [("rutherford",)]
    assert cite.speakers(LAMPREIA) == [("rui", "lampreia")]
    assert cite.speakers_stand("Emma Rutherford said there was a loud bang.", [RUTHERFORD]) == []
    # A place after the role's words is no speaker: "in" says where.
    assert cite.speakers("\"We will fight\", said the union leader in Lisbon on Monday.") == []


def test_a_study_s_publication_is_not_the_story_s():
    assert not cite.asks_publication_date("Quando foi publicado o estudo?")
    assert cite.asks_publication_date("Quando foi publicada a notícia?")
    assert cite.asks_publication_date("Quando foi publicado?")
    assert cite.asks_publication_date("E quando foi publicada a da NASA?")
    assert cite.asks_publication_date("Quando é que o artigo foi publicado?")


def test_a_body_answers_who():
    assert cite.fits_kind("O Estado pagará 60% do custo do desvio; o resto fica a cargo da autarquia.",
                          "Quem paga o desvio da estrada?")
    assert not cite.fits_kind("O desvio custa 480 mil euros.", "Quem paga o desvio da estrada?")


def test_an_age_answered_must_be_written_as_one():
    assert not cite.ages_as_written("Helena Bastos is 20 years old.", "How old is Helena Bastos?", [BASTOS])
    assert cite.ages_as_written("29", "How old is Megan Price?",
                                ["Megan Price, a 29-year-old primary school teacher, took 1,204 votes."])
    assert cite.ages_as_written("50 anos", "Quantos anos tem a NASA?", ["the 50th anniversary of NASA itself"])
    # found in plain use: of a thing, the time it will take or a distance is no age
    polaris = ("Polaris is approximately 431 light years away from Earth, meaning it will take 431 years for "
               "the song to reach the star traveling at the speed of light.")
    recorded = "The broadcast celebrates the 40th anniversary of the song's recording."
    song = "Quantos anos tem a canção?"
    assert not cite.ages_as_written("431 anos", song, [polaris, recorded])
    assert cite.ages_as_written("40 anos", song, [polaris, recorded])
    assert not cite.gives_the_asked_age(polaris, song) and cite.gives_the_asked_age(recorded, song)
    # The Portuguese future reads alike ("levará", as _DATE reads it): no age either.
    levara = "A canção levará 431 anos a chegar à estrela."
    assert not cite.ages_as_written("431 anos", song, [levara]) and not cite.gives_the_asked_age(levara, song)


def test_a_speed_may_be_named():
    polaris = "It will take 431 years for the song to reach the star traveling at the speed of light."
    assert cite.fits_kind(polaris, "A que velocidade viaja a canção?")
    assert cite.fits_kind("A canção viaja à velocidade da luz.", "How fast does the song travel?")
    assert cite.fits_kind("The song travels far.", "How fast does the song travel?") is False


def test_a_figure_of_the_story_s_present_is_not_the_asked_past_year_s():
    sentences = ["Segundo o estudo, 71% dos jovens dormem menos de sete horas nas noites de aulas.",
                 "Em 2012, um estudo semelhante, feito com cerca de 1900 alunos, apontava para sete horas e 15 "
                 "minutos."]
    assert not cite.numbers_stand_in_the_asked_year("71%", "Que percentagem dormia menos de sete horas em 2012?",
                                                    sentences)
    assert cite.numbers_stand_in_the_asked_year("1900", "Quantos alunos tinha o estudo de 2012?", sentences)
    assert cite.numbers_stand_in_the_asked_year("71%", "Que percentagem dorme menos de sete horas?", sentences)


def test_general_news_words_are_in_the_lexicon():
    assert {"kiln", "kilns"} <= lexicon.TRANSLATIONS["fornos"]
    assert "desculpa" in lexicon.TRANSLATIONS["apologise"]


def test_a_chief_executive_is_one_role_in_either_language():
    sentence = "Karen Whitlock, chief executive of the operator Borders Rail, said: \"We are deeply sorry.\""
    question = "Quem é a presidente executiva da empresa ferroviária?"
    assert cite.asked_roles(question) == ["ceo"]
    assert cite.names_roles_together("Karen Whitlock", question, [sentence])
    assert cite.asked_roles("Who is the chief of the fire service?") == ["chief"]
    assert cite.asked_roles("Who is the chief inspector?") == ["chief", "inspector"]


def test_a_portuguese_verb_s_written_forms_meet_its_translation():
    # The line lists "cortar"; the news writes "foi cortado", "cortaram".
    assert "cut" in lexicon.TRANSLATIONS["cortado"]
    assert "cut" in lexicon.TRANSLATIONS["cortaram"]
    # A form another line lists is that line's: "estado" is a state.
    assert "state" in lexicon.TRANSLATIONS["estado"]
    share = cite.share_of_words("He said spending on maintenance on the route had been cut by 18 per cent.",
                                "Quanto foi cortado na manutenção?")
    assert share == 1.0


HAIL = ["A freguesia de Favaios foi a mais atingida.",
        "Segundo um primeiro levantamento da Câmara Municipal de Alijó, o granizo afetou cerca de 640 hectares de "
        "vinha, o equivalente a 38% da área de vinha da freguesia."]


def test_a_sentence_repeating_a_name_s_noun_speaks_of_it():
    question = "How many hectares of vineyard did the hail damage in Favaios?"
    assert cite.numbers_stand_with_subjects("640 hectares", question, cite.with_antecedents(HAIL), [])
    assert not cite.numbers_stand_with_subjects("640 hectares", question, HAIL, [])
    # No noun repeated, no link: "the mayor said" after a sentence on Favaios.
    assert cite.with_antecedents(["A freguesia de Favaios foi a mais atingida.", "O autarca pediu 640 euros."])[1] \
        == "O autarca pediu 640 euros."


def test_a_count_whose_noun_is_left_out_counts_what_the_one_before_counts():
    article = ["Entre as 7h00 de sábado e as 17h40 de domingo foram cancelados 87 voos.",
               "Outros 14 foram desviados para o Porto Santo e para Lisboa."]
    assert cite.numbers_count_the_asked("14 flights were diverted.", "How many flights were diverted?", article)
    assert not cite.numbers_count_the_asked("14 passengers.", "How many passengers were stranded?", article)


def test_a_leading_verb_is_no_word_of_the_thing_asked():
    assert cite.plain_terms("How much could the attack end up costing the board?") == ["attack", "cost", "board"]
    assert "going" not in " ".join(cite.plain_terms("Is the board going to pay the ransom?"))


@pytest.mark.parametrize("sentence, says_no", [
    ("The board said it would not pay.", True),
    ("A spokesperson for the unit said no arrests had been made.", True),
    ("Ainda não se sabe qual o custo total da paralisação.", True),
    ("No dia 4 de fevereiro, a NASA vai transmitir a canção.", False),
    ("The board said it would pay.", False),
])
def test_a_sentence_that_says_no(sentence, says_no):
    assert cite.denies(sentence) is says_no


def test_a_no_said_of_the_thing_asked_is_nearer_than_one_said_of_something_else():
    question = "Has anyone been arrested over the attack?"
    near = cite.denial_reach("A spokesperson for the unit said no arrests had been made.", question)
    far = cite.denial_reach("It is still unclear how the attackers got into the network.", question)
    assert near is not None and far is not None and near < far
    assert cite.denial_reach("The board said it would not pay.", "Is the board going to pay the ransom?") == 1
    assert cite.denial_reach("The board said it would pay.", "Is the board going to pay the ransom?") is None
    # the Portuguese "no" (em + o) says no such thing
    assert cite.denial_reach("Ninguém sabe ainda quanto custará a obra de todo o bairro, mas a câmara vai pagar no "
                             "final do mês.", "A câmara vai pagar a conta?") is None
    # "no" said far from anything asked
    assert cite.denial_reach("Not a single word was said about the weather in the city centre yesterday by the "
                             "mayor or his staff, who paid the bill.", "Did the mayor pay?") is None


def test_the_first_time_says_no_to_ever_before():
    """A fresh question: "Alguma vez foi enviada música para o espaço profundo antes?" was refused,
    the sentence saying "the first time" (and "Alguma", opening the question, was read as a name)."""
    first = "This will mark the first time music has been sent into deep space."
    assert cite.denial_reach(first, "Alguma vez foi enviada música para o espaço profundo antes?") is not None
    assert cite.denial_reach(first, "Has music ever been sent into deep space before?") is not None
    assert cite.denial_reach(first, "É a primeira vez que se envia música para o espaço profundo?") is None
    assert cite.names("Alguma vez foi enviada música?") == [] and cite.names("Nunca foi vista?") == []


def test_short_words_meet_their_english_endings():
    assert cite.share_of_words("the attack could cost the board at least £9m",
                               "How much could the attack end up costing?") == 1.0


@pytest.mark.parametrize("sentence, speaker", [
    ("Há bagos rachados no chão», disse ao nosso jornal Helena Carvalhais, presidente da associação.",
     ("helena", "carvalhais")),
    ("\"Vamos exigir uma revisão urgente\", afirmou aos jornalistas a secretária regional do Turismo, Helena Abreu "
     "Freitas, que esteve no aeroporto.", ("helena", "abreu", "freitas")),
    ("\"It is too early to say,\" said to reporters Anna Kowalski.", ("anna", "kowalski")),
])
def test_whom_it_was_said_to_stands_between_the_verb_and_the_speaker(sentence, speaker):
    assert speaker in cite.speakers(sentence)


def test_how_fast_may_be_answered_by_a_span_of_time():
    question = "How fast did Trump claim in May 2023 that he could end the war?"
    sentence = ("Em maio de 2023, antes de retornar à Casa Branca, Donald Trump disse que seria capaz de resolver a "
                "guerra entre a Rússia e a Ucrânia em 24 horas.")
    assert cite.asked_kind(question) == "number" and cite.quotable(sentence, question, ["Talks in Paris"])


def test_a_day_names_no_one_and_nowhere():
    question = "In which country is the Black Lantern group based?"
    sentence = "A criminal group calling itself Black Lantern claimed responsibility on Wednesday evening."
    assert not cite.fits_kind(sentence, question)
    assert cite.fits_kind("The group is based in Romania, police said on Wednesday.", question)
    assert cite.asked_roles("What was the name of the pilot of the first TAP plane to land?") == ["pilot"]


def test_a_where_question_is_quoted_only_with_a_sentence_that_says_where():
    assert cite.names_a_place("Os moradores foram acolhidos no pavilhão desportivo de Monchique.")
    assert not cite.names_a_place("O apoio destina-se à maioria dos produtores da zona.")
    assert not cite.names_a_place("Está por saber quanto mosto cada um pode transformar em vinho do Porto.")


# Session 34's stories: a cup semi-final, a fado singer's obituary, inflation figures (eval/heldout/).
FOOD = "Food and non-alcoholic drink prices rose by 5.2% in the year to July, up from 4.6% in June."


@pytest.mark.parametrize("sentence, question, fits", [
    ("Grocery prices are rising by 5.2% in the year to July.", "How fast are grocery prices going up?", True),
    ("Average regular pay grew by 4.8% in the three months to June.", "Quanto cresceu o salário regular médio?", True),
    (FOOD, "Quanto subiram os preços dos alimentos?", True),
    (FOOD, "How fast are grocery prices going up?", True),
    ("4.8%", "Quanto cresceu o salário regular médio?", True),  # bare: judged by where it stands
    # a rate of what the question does not ask about
    (FOOD, "Quanto subiram os preços do vestuário e do calçado?", False),
    # asked a price, a count is no answer, nor a rate when nothing rises
    ("Foram vendidas 35 milhões de sardinhas, 5% mais do que em 2023.", "Qual é o preço da sardinha?", False),
])
def test_asked_how_fast_prices_rise_a_rate_answers(sentence, question, fits):
    assert cite.fits_kind(sentence, question) is fits


@pytest.mark.parametrize("sentence, ages", [
    ("A fadista Rosa Mendonça morreu esta terça-feira, 11 de março, aos 84 anos, em Lisboa.", {"84"}),
    ("O primeiro disco foi gravado em 1961, quando tinha 21 anos.", {"21"}),
    ("He died at the age of 84 in London.", {"84"}),
    ("Chegou à final com 30 anos de carreira.", set()),
])
def test_ages_as_an_obituary_writes_them(sentence, ages):
    assert cite._written_ages(sentence) == ages


def test_a_name_the_question_shortens_is_the_article_s_whole_name():
    """"Who converted the penalty for Ashworth?": the article calls the club "Ashworth Rovers" and,
    in the penalty's paragraph, "Rovers"; Okafor stands beside it."""
    sentences = ["Rovers captain Jamie Okafor was clean through on goal when he was pulled back by Luis Ferreira.",
                 "Okafor picked himself up and sent goalkeeper Pavel Novak the wrong way from the penalty."]
    headlines = ["Ashworth Rovers stun Kingsbridge to reach first FA Cup final since 1961"]
    assert cite.names_stand_with_subjects("Okafor converted the penalty for Ashworth.",
                                          "Who converted the penalty for Ashworth?", sentences, headlines)
    support = cite.bind("Ashworth will play Northfield Athletic on Saturday 17 May.",
                        ["Rovers will face Northfield Athletic in the final at Wembley on Saturday 17 May."], [0.9],
                        "Who will Ashworth play in the final, and on what date?", None, headlines)
    assert support.passage_index == 0, support
    # Okafor never stands beside Kingsbridge
    assert not cite.names_stand_with_subjects("Okafor converted the penalty for Kingsbridge.",
                                              "Who converted the penalty for Kingsbridge?", sentences,
                                              ["Kingsbridge United lose", *headlines])


def test_a_chain_of_pronouns_points_back_to_the_first_name():
    linked = cite.with_antecedents([
        "The figures are a setback for the Bank, whose job is to keep inflation at 2%.",
        "It cut its base interest rate from 4.5% to 4.25% in May.",
        "Its Monetary Policy Committee next meets on 18 September."])
    assert linked[2].endswith("(Bank)")
    # a quote's "It" is the speaker's: "The idea was hatched by Martin Lewis…" then
    # "\"It never had the highest profile…,\" Lewis said of the song."
    assert not cite.points_back('"It never had the highest profile and is a bit of a forgotten classic," Lewis said.')
    assert cite.numbers_stand_with_subjects("The Bank of England's next decision is on 18 September.",
                                            "When is the Bank of England's next interest rate decision?", linked,
                                            ["UK inflation unexpectedly climbs to 3.4%"])


def test_a_role_asked_about_is_who_not_what_happens():
    assert not cite.misses_the_asked_event("Nascida a 2 de maio de 1940 na Nazaré, filha de um pescador.",
                                           "When was the singer born?")
    assert cite.misses_the_asked_event("The paintings were stolen from the museum on Sunday.",
                                       "When was the museum founded?")


def test_the_thing_asked_is_the_noun_a_plural_follows():
    question = "Which record companies gave permission for the song to be used?"
    assert cite.asked_thing(question) == "compan"
    assert cite.holds_the_asked_thing("The song was recorded by the Beatles.", question) is False
    assert cite.asked_thing("Which French leader will the envoys meet?") == "leader"
    assert cite.asked_thing("Which club won the other semi-final?") == "club"


def test_a_contracted_question_word_is_no_name():
    assert cite.names("What's the best-before date on lot L2407-191?") == [("l2407-191",)]
    assert cite.names("Isn't Iceye worth more?") == [("iceye",)]
    assert cite.names("Who's the mayor of Porto?") == [("porto",)]
    # a possessive name stays a name
    assert cite.names("NASA's press release") == [("nasa's",)]


def test_a_best_before_date_asks_no_judgement():
    assert not cite.unjudged("What's the best-before date on lot L2407-191?", ["Os lotes têm data de consumo."])
    assert cite.unjudged("What is the best Beatles song?", ["NASA will transmit the song."])


@pytest.mark.parametrize("question, tolls", [
    ("How many packs had customers already bought?", set()),  # not the "custo" of customers
    ("How many investigators are working on the case?", set()),  # not the "invest" of investigators
    ("Quantos casos de gastroenterite houve?", set()),
    ("Quanto investiu a empresa?", {"money"}),
    ("Quanto gastou a câmara?", {"money"}),
    ("Quanto custou a obra?", {"money"}),
])
def test_money_is_asked_by_whole_words(question, tolls):
    assert cite.tolls(question) == tolls


def test_a_span_from_now_answers_when():
    assert cite.fits_kind("Os resultados só deverão estar disponíveis dentro de dez dias.",
                          "Quando devem sair os resultados das análises laboratoriais?")
    assert cite.fits_kind("The results are expected within two weeks.", "When will the results be known?")
    assert not cite.fits_kind("Os resultados foram positivos.", "Quando devem sair os resultados?")
    # found in plain use: the time it will take says when it arrives
    polaris = ("Polaris is approximately 431 light years away from Earth, meaning it will take 431 years for "
               "the song to reach the star traveling at the speed of light.")
    assert cite.fits_kind(polaris, "When will the song reach Polaris?")
    assert cite.fits_kind("A canção vai demorar cerca de 431 anos a chegar.", "Quando chega a canção à Polar?")
    assert not cite.fits_kind("The strike took three days.", "When did the strike start?")


def test_a_generic_official_is_anyone_with_a_title():
    sentence = 'A subinspetora-geral da ASAE, Teresa Valadares, explicou que "a linha foi suspensa".'
    question = "Como se chama a responsável da ASAE que falou sobre o caso?"
    assert cite.holds_roles_named(sentence, question)
    assert not cite.holds_roles_named("A ASAE disse que a linha foi suspensa.", question)
    assert cite.name_stands_with_the_asked("Teresa Valadares", question, [sentence], [])
    leader = "Lurdes Casimiro, secretária-geral da Fenprof, acusou o Governo."
    assert cite.names_roles_together("Lurdes Casimiro", "Quem é a dirigente da Fenprof citada na notícia?", [leader])
    # a named role is still that role: a minister is no secretary-general
    assert not cite.names_roles_together("Lurdes Casimiro", "Quem é a ministra citada na notícia?", [leader])


def test_how_long_asks_for_no_count_of_the_arrested():
    article = ["In February 2021, three climbers from Glasgow spent 14 hours trapped on the same ridge."]
    assert cite.numbers_count_the_asked("14 horas", "Quanto tempo estiveram presos os alpinistas no incidente de 2021?",
                                        article)
    assert not cite.numbers_count_the_asked("3", "Quantos foram presos pela polícia?",
                                            ["Police said 3 people were injured."])


def test_a_grade_is_no_percentage():
    article = ["Em Física e Química A, a média caiu de 10,6 para 10,1, e 27% dos alunos tiveram negativa."]
    assert cite.percents_unwritten("Physics and Chemistry had a 10.1% decrease in average. [1]", article) == ["101"]
    assert cite.percents_unwritten("27% of the students failed.", article) == []
    # a number the article never writes is for the other checks
    assert cite.percents_unwritten("It fell 5%.", article) == []


def test_school_subjects_are_named_in_both_languages():
    assert cite.numbers_stand_with_subjects(
        "The national average in the Maths A exam was 10.8.",
        "What was the national average in the Maths A exam this year?",
        ["A Matemática A, disciplina tradicionalmente temida, a média nacional fixou-se em 10,8 valores."], [])


def test_the_official_is_not_any_title():
    """"What is the name of the official who said the US should use more stick?": the article's
    "disse um funcionário" names no one, and Witkoff is an envoy."""
    question = "What is the name of the official who said the US should use more stick?"
    assert not cite.holds_roles_named("O enviado especial de Donald Trump, Steve Witkoff, chegou a Paris.", question)


def test_a_day_of_the_month_is_written_the_english_way():
    assert cite.local_numbers("The best-before date on lot L2407-191 is 26 of November. [1]", "en") == \
        "The best-before date on lot L2407-191 is 26 November. [1]"
    assert cite.local_numbers("It opens on the 26th of November.", "en") == "It opens on the 26th of November."


def test_a_number_beside_another_subject_the_headline_lists_is_not_the_asked_one():
    headlines = ["Exames nacionais: Matemática A sobe mais de um valor, Português e Física e Química descem"]
    article = ["A Matemática A, disciplina tradicionalmente temida, a média nacional fixou-se em 10,8 valores, "
               "contra 9,7 no ano passado.",
               "Em Física e Química A, a média caiu de 10,6 para 10,1, e 27% dos alunos tiveram negativa."]
    assert not cite.numbers_stand_with_subjects("27% [1]", "What share of students got a failing grade in Maths A?",
                                                article, headlines)
    assert cite.numbers_stand_with_subjects("9.7 [1]", "What was last year's national average in Maths A?",
                                            article, headlines)


@pytest.mark.parametrize("answer, only", [
    ("Ms Ramsay's sister [1]", True),
    ("A irmã de Eilidh Ramsay.", True),
    ("Eilidh Ramsay", False),
    ("Ramsay's sister, Fiona Ramsay", False),
    ("O presidente da Câmara.", False),  # a role: the role checks judge it
])
def test_a_relation_is_no_name(answer, only):
    assert cite.names_only_a_relation(answer, "What's the name of the sister who called the police?") is only


@pytest.mark.parametrize("question", ["Em que dias se realizam as provas da segunda fase?",
                                      "On what days will the ferries not run?", "Em que datas abrem as candidaturas?"])
def test_which_days_asks_for_a_date(question):
    assert cite.asked_kind(question) == "date"


def test_a_yes_rests_on_a_sentence_that_says_all_it_repeats():
    article = ["A DGS confirmou que sete pessoas adoeceram depois de consumirem os iogurtes, três das quais "
               "tiveram de ser internadas.",
               "A listeriose é particularmente perigosa para grávidas, recém-nascidos e idosos."]
    question = "Were any of the seven people hospitalised pregnant women?"
    answer = "Seven people fell ill, and three of them were pregnant women."
    assert not cite.rests_on_one(answer, question, article, every_repeated=True)
    assert cite.rests_on_one("Yes, three of the seven people were hospitalised.",
                             "Were any of the seven people hospitalised?", article, every_repeated=True)


def test_how_many_of_the_things_counts_the_things():
    question = "Quantas das embalagens vendidas eram do lote L2407-183?"
    assert cite.counted_noun(question) == "embalagens"
    assert cite.counted_noun("How many of the packs came from lot 183?") == "packs"
    assert cite.counted_noun("How many of them were hurt?") is None
    # the sentence of the lots' dates counts no packs
    assert not cite.counts_the_asked("Os lotes em causa são o L2407-183, com data de consumo preferencial até "
                                     "18 de novembro.", question)


def test_a_count_in_words_counts_the_asked_noun():
    article = ["A cadeia de supermercados Frescomar anunciou esta terça-feira a recolha de dois lotes de iogurtes.",
               "A medida abrange as 214 lojas da cadeia no continente."]
    assert not cite.numbers_count_the_asked("The recall covers two Frescomar supermarkets. [1]",
                                            "How many Frescomar supermarkets does the recall cover?", article)
    assert cite.numbers_count_the_asked("Two lots were recalled. [1]", "How many lots were recalled?", article)


def test_a_count_in_words_may_be_an_ordinal_or_a_plural():
    assert cite.numbers_count_the_asked("Three [1]", "How many ferry strikes have there been this year?",
                                        ["It is the third ferry strike this year."])
    assert cite.numbers_count_the_asked(
        "Kingsbridge já conquistou a taça quatro vezes. [1]", "Quantas vezes o Kingsbridge já conquistou a taça?",
        ["Kingsbridge, who have won the trophy four times, made the brighter start."])


STRIKER = ["Westbrook Albion have completed the signing of Danish striker Emil Strandgaard from Harrowgate "
           "Rovers for an initial fee of £42m, smashing the club's transfer record.",
           "The deal could rise to £48m with add-ons, and the 25-year-old has signed a contract until 2030.",
           "The fee comfortably eclipses the £31.5m Albion paid for Nigerian midfielder Tunde Adebayo in 2022."]
STRIKER_HEADLINE = "Westbrook Albion break transfer record to sign Danish striker Emil Strandgaard"


def test_someone_named_by_age_alone_is_the_one_named_before():
    assert cite.points_back(STRIKER[1])
    assert "(Emil Strandgaard)" in cite.with_antecedents(STRIKER[:2])[1]
    assert not cite.points_back("A 25-year-old man was arrested.")


def test_a_fee_is_what_was_paid():
    question = "How much did Albion pay for Strandgaard?"
    assert cite.share_of_words(STRIKER[0], question, STRIKER_HEADLINE) == 1.0
    assert cite.numbers_stand_with_the_asked("Albion paid £42m for Strandgaard.", question, STRIKER, [STRIKER_HEADLINE])


def test_a_country_or_its_people_holds_a_nationality():
    question = "De que nacionalidade é o avançado?"
    assert cite.share_of_words(STRIKER[0], question, STRIKER_HEADLINE) == 1.0
    assert cite.share_of_words(STRIKER[1], question, STRIKER_HEADLINE) == 0.0
    assert cite.name_stands_with_the_asked("Emil Strandgaard é da Dinamarca.", question, STRIKER, [STRIKER_HEADLINE])


def test_a_person_given_no_role_is_not_another_roles_holder():
    article = ["Karen Doyle, who has run the Riverside Café on Kingsmead Parade for 17 years, said takings had fallen.",
               "Ms Doyle, 54, said she planned to ask the council for help with business rates."]
    assert cite.opens_on_the_role_holder("Karen Doyle is 54 years old.", "How old is the café owner?", article)
    # given another role, as before
    assert not cite.opens_on_the_role_holder("Karen Doyle is 54 years old.", "How old is the judge?",
                                             ["The café's manager, Karen Doyle, 54, said takings had fallen."]
                                             + ["The judge, Helena Sobral, adjourned the case."])


def test_signatures_count_people():
    assert cite.numbers_count_the_asked("3,800 signatures", "How many people have signed the petition?",
                                        ["A petition had gathered more than 3,800 signatures by Tuesday evening."])


def test_a_span_stands_in_the_unit_the_article_gives():
    article = ["Mardale County Council said the bridge could remain closed for up to nine months.",
               "Engineers will carry out further tests over the next two weeks."]
    question = "Quanto tempo vão demorar as obras?"
    assert not cite.spans_stand("A obra vai demorar pelo menos dois meses. [1]", question, article)
    assert cite.spans_stand("As obras podem demorar até nove meses. [1]", question, article)
    assert cite.spans_stand("Os testes vão durar duas semanas. [1]", question, article)


def test_a_team_position_is_a_role():
    article = ["Westbrook Albion have completed the signing of Danish striker Emil Strandgaard.",
               "The arrival follows earlier deals for a goalkeeper and two defenders."]
    assert not cite.names_roles_together("Albion contratou o guarda-redes Emil Strandgaard. [1]",
                                         "Quem é o guarda-redes que o Albion contratou?", article)


def test_a_count_is_no_answer_to_which():
    assert cite.counts_for_which("Three or four clubs wanted him. [1]", "Which other clubs wanted him?")
    assert cite.counts_for_which("Foram afetadas duas escolas. [1]", "Que escolas foram afetadas?")
    assert not cite.counts_for_which("Three countries, France, Germany and Italy, signed. [1]", "Which countries signed?")
    assert not cite.counts_for_which("Three or four clubs wanted him. [1]", "How many clubs wanted him?")


def test_asked_what_a_role_holder_is_called_a_person_given_no_role_may_be_it():
    article = ["Karen Doyle, who has run the Riverside Café on Kingsmead Parade for 17 years, said takings had fallen.",
               "Ms Doyle, 54, said she planned to ask the council for help with business rates."]
    assert cite.names_stand_with_roles_named("Karen Doyle. [1]", "What's the café owner called?", article, [])
    # given another role, not
    assert not cite.names_stand_with_roles_named(
        "Karen Doyle. [1]", "What's the café owner called?",
        ["The café's manager, Karen Doyle, said takings had fallen."], [])


def test_an_age_written_as_one_holds_how_old():
    article = ["Karen Doyle, who has run the Riverside Café on Kingsmead Parade for 17 years, said takings had fallen.",
               "Ms Doyle, 54, said she planned to ask the council for help with business rates."]
    assert cite.share_of_words(article[1], "How old is the café owner?") > 0
    assert cite.numbers_stand_with_the_asked("Karen Doyle is 54 years old.", "How old is the café owner?", article, [])


def test_asked_what_a_role_holder_said_anyones_words_may_be_theirs():
    question = "O que disse o treinador do Albion sobre o jogador?"
    assert cite.speaks_for_the_asked("Marco Tedesco disse que Emil é o avançado que lhes faltava. [1]", question)
    assert not cite.speaks_for_the_asked("O Albion pagou 42 milhões. [1]", question)


def test_where_a_team_finished_is_a_place_in_a_table():
    assert not cite.asks_where_at("Where did Albion finish last season?")
    assert not cite.says_no_place("Albion finished 11th. [1]", "Where did Albion finish last season?")
    assert cite.asks_where_at("Where did the hikers shelter?")


def test_words_given_to_a_role_are_not_its_owners():
    article = ['The manager, Marco Tedesco, said: "Emil is exactly the type of striker we have been missing."']
    assert cite.speakers_stand("O treinador do Albion disse que Emil é o avançado que faltava. [1]", article) == []
    assert cite.speakers_stand("O Albion disse que Emil é o avançado que faltava. [1]", article) == ["albion"]


def test_session_37_checks_read_the_held_out_stories_words():
    """Session 37's held-out stories (quarterly results, a cave species, a marathon)."""
    from assistant.text import term
    # Five-letter words meet their inflections: "How warm was it at the start?" / "the race started".
    assert term("started") == term("start") == term("starts") and term("pontes") == term("ponte")
    # A figure asked by its noun, not by "how many"; a clock's "what time" asks when.
    assert cite.asks_a_measure("What was Callum Reid's time in the men's race?")
    assert cite.asks_a_measure("Qual foi a receita da empresa?") and cite.asks_a_measure("How warm was it?")
    assert not cite.asks_a_measure("Quanto tempo durou?") and cite.asked_kind("What time does it start?") == "date"
    assert cite.asks_a_measure("What was his time?") and cite.asks_a_measure("Qual foi o tempo do vencedor masculino?")
    assert not cite.asks_a_measure("At what exact time did the hail start falling?")  # when, not a figure
    # "3, 8" of the Portuguese "3,8"; "2, 3" where the article holds no 23 stays two numbers.
    assert cite.mend_split_numbers("It is 3, 8 millimetres long.", ["com 3,8 milímetros"]) == "It is 3,8 millimetres long."
    assert cite.mend_split_numbers("Days 2, 3 and 4.", ["on days 2, 3 and 4"]) == "Days 2, 3 and 4."
    # "A formal 45-day consultation" is a span of 45 days.
    assert cite.spans_stand("It will last 45 days.", "How long will the consultation last?",
                            ["A formal 45-day consultation will begin on 4 November."])
    # Words said "on a conference call" are said somewhere; "pelo Conselho" is by whom.
    assert not cite.says_no_place("He gave that figure on a conference call.", "And where did he give that figure?")
    assert cite.says_no_place("A decisão foi tomada pelo Conselho Internacional.", "Onde foi tomada a decisão?")
    # What the article says is not known, near what is asked.
    assert cite.says_unknown("The cause of his collapse is not yet known, and his name has not been released.",
                             "What is the name of the runner who collapsed?")
    assert not cite.says_unknown("Kiprono would not say where he plans to race next.",
                                 "Which company sponsors the marathon?")
    # An age asked of someone named: the sentence that gives one.
    assert cite.asks_age("Que idade tem Kiprono?") and cite.gives_an_age("The 26-year-old took 94 seconds off.")
    # "O diretor financeiro" is the finance chief.
    assert cite.names_roles_together("Daniel Ashworth", "Quem é o diretor financeiro da empresa?",
                                     ["The finance chief, Daniel Ashworth, told analysts on a call."])


def test_session_37_lexicon_lines():
    from assistant.lexicon import translated
    for word, meaning in (("funcionários", "employees"), ("machos", "male"), ("suprimidos", "cut"),
                          ("receita", "revenue"), ("gruta", "cave"), ("realiza", "held")):
        assert meaning in translated(word).split(), (word, translated(word))


def test_session_38_checks_read_the_held_out_stories_words():
    """Session 38's held-out stories (a film festival, an earthquake, a list of fare changes)."""
    # The women's race is no answer to the men's; a monthly pass none to a weekly one.
    assert cite.of_another_side("In the women's race, Uganda's Esther Chelangat won in 2:24:56.", "Who won the men's race?")
    assert not cite.of_another_side("In the women's race, Chelangat won.", "Who won the women's race?")
    assert not cite.of_another_side("Kiprono broke the course record.", "Who won the men's race?")
    assert cite.of_another_side("The monthly pass will cost £72.", "How much will a weekly pass cost?")
    assert not cite.of_another_side("A man collapsed near the 22-mile mark.", "Who won the women's race?")
    # Asked who, the number beside the name answered describes it.
    assert cite.numbers_stand_with_subjects(
        'The Grand Jury Prize went to "Cold Harbour", a 97-minute Norwegian thriller by Anders Vik.',
        "Who took the Grand Jury Prize?",
        ['The Grand Jury Prize went to "Cold Harbour", a 97-minute Norwegian thriller by Anders Vik, while '
         'Brazilian actress Camila Duarte was named best performer.'], ["Quiet Iranian drama wins Golden Gull"])
    # A headline's first word is no name: "Sismo" is an earthquake.
    headline = ["Sismo de magnitude 4,7 sentido em todo o Algarve acorda população de madrugada"]
    assert cite.numbers_stand_with_subjects(
        "The last time was in January 2018, when a magnitude 4.9 earthquake struck off Sagres.",
        "When was the last time a stronger quake was felt in the Algarve?",
        ["O sismo foi o mais forte sentido na região desde janeiro de 2018, quando um abalo de magnitude 4,9 "
         "teve epicentro ao largo de Sagres."], headline)
    # A clock's time asked: a month and a year are no answer.
    q = "A que horas se deu o sismo?"
    assert cite.fits_kind("O sismo foi o mais forte desde janeiro de 2018.", q) is False
    assert cite.fits_kind("Um sismo foi sentido na madrugada desta terça-feira, às 03h42.", q)
    assert cite.fits_kind("The fare package was approved at 9.48pm.", "At what time were the fares approved?")
    # How long something lasts: a span or an "until"; not a count, nor a clock's "até às 09h00".
    assert cite.fits_kind('About 30 people walked out of "Velvet Hours".', 'How long does "Velvet Hours" run?') is False
    assert cite.fits_kind('"The Orchard Keeper" runs 128 minutes.', "Quanto tempo dura o filme?")
    assert cite.fits_kind("The museum will stay closed until Wednesday.", "How long will the museum stay closed?")
    assert cite.fits_kind("Até às 09h00, a rede tinha registado 11 réplicas, a maior às 04h17.",
                          "Quanto tempo durou a réplica das 04h17?") is False
    assert cite.fits_kind("The bridge is 1,200 metres long.", "How long is the bridge?") is not False
    assert cite.fits_kind("The diversion adds 11 miles.", "how long's the diversion") is not False
    assert cite.fits_kind('Só à meia-noite soubemos", contou Rui Medeiros, de 42 anos, natural de Viseu.',
                          "Quanto tempo esteve Rui Medeiros no aeroporto?") is False
    assert cite.fits_kind("As aulas começaram com uma hora de atraso em 23 escolas.",
                          "Quanto tempo se atrasou o início das aulas?")
    # How far: a distance.
    q = "A que distância de Sagres ficou o epicentro?"
    assert cite.fits_kind("Um abalo de magnitude 4,9 teve epicentro ao largo de Sagres em 2018.", q) is False
    assert cite.fits_kind("O epicentro localizou-se cerca de 18 quilómetros a sul de Portimão.", q)
    # ...asked by its noun too (a fresh question: the antenna's sentence was quoted for it).
    q = "What is the distance between Madrid and Robledo de Chavela?"
    assert cite.fits_kind("The song will be transmitted from the DSS-63 radio antenna at the Madrid Deep Space "
                          "Communication Complex in Robledo de Chavela, Spain at 12:00 am UTC.", q) is False
    assert cite.fits_kind("Polaris is approximately 431 light years away from Earth.", "Qual é a distância entre a "
                          "Terra e a Polaris?")
    # A name the question sets aside is not what it asks of.
    assert cite.asked_names("Onde mais, fora do Algarve, se sentiu o abalo?") == []
    assert cite.asked_names("Who else, other than Kiprono, ran?") == []
    assert cite.asked_names("Who won in Wexham?") == [("wexham",)]
    assert cite.rests_on_one("Beja e Huelva, em Espanha.", "Onde mais, fora do Algarve, se sentiu o abalo?",
                             ["O abalo foi também sentido, com menor intensidade, em Beja e em Huelva, em Espanha."])
    # A title made of the article's words in lower case is no title of it.
    lead = ["A slow-burning family drama about a widowed farmer in northern Iran won the Golden Gull."]
    assert cite.makes_a_title('The winner was Farahani\'s "A Slow-Burning Family Drama".', lead)
    assert not cite.makes_a_title('The winner was "The Orchard Keeper".', ['"The Orchard Keeper" runs 128 minutes.'])
    assert not cite.makes_a_title('It was a "slow-burning family drama".', lead)
    # Leaving one's home is being displaced: thousands woken are not counted so.
    assert cite.tolls("How many people had to leave their homes?") == {"displaced"}
    # Asked when, the words that say when are aside: "realiza" is "will take place".
    q, next_race = "Quando se realiza a corrida do próximo ano?", "Next year's race will take place on Sunday 19 April."
    assert cite.share_of_words(next_race, q) < 1 and cite.share_of_words(next_race, q, when_aside=True) == 1
    # "caused mainly by" gives a reason; "E quanto custava antes?" points back.
    assert cite.gives_a_reason("It faces a £9.3m gap, caused mainly by a 14% rise in fuel costs.")
    from assistant.text import refers_back
    assert refers_back("E quanto custava antes?") and refers_back("What did it cost before?")
    assert not refers_back("What did a single tram ticket cost before the rise?")
    # Asked whether fares will rise, not how much: the sentence that says it is not yet known answers.
    assert cite.fits_kind("The authority has not yet said whether night bus fares will change.",
                          "Will night bus fares go up as well?") is not False
    assert cite.fits_kind("The authority has not yet said whether night bus fares will change.",
                          "How much will night bus fares go up?") is False
    # "What was the alternative to putting fares up?" asks the alternative, not a fare.
    assert cite.fits_kind("But the alternative was cutting 11 bus routes.",
                          "According to the chair, what was the alternative to putting fares up?") is not False
    assert cite.fits_kind("But the alternative was cutting 11 bus routes.", "What is the price of a day ticket?") is False
    # Words asked of a role the story never names: no one's words are the answer.
    lead = ["O Hospital de Faro inaugurou esta segunda-feira uma nova urgência pediátrica."]
    assert cite.speaker_never_named("What did the mayor of Faro say?", lead) == "mayor"
    assert cite.speaker_never_named("What did the mayor of Faro say?", ["O presidente da Câmara de Faro disse…"]) is None
    assert cite.speaker_never_named("O que disse o treinador?", ["The manager said he was happy."]) is None
    assert cite.speaker_never_named("Who is the mayor of Faro?", lead) is None  # not asked what was said
    # found in plain use: words asked of someone the story quotes nowhere (Lammy only attends)
    paris = [LAMMY_SINCE, "O presidente ucraniano Volodymyr Zelensky, Andriy Yermak, disse: “Estamos trabalhando…”"]
    assert cite.never_given_words("What did Lammy say?", paris) == "lammy"
    assert cite.never_given_words("O que disse Andriy Yermak?", paris) is None
    assert cite.never_given_words("Who is Lammy?", paris) is None  # not asked what was said
    # "Quem preside à…?" asks a role held, as "Who will chair…?" asks one done.
    assert cite.asked_roles("Quem preside à Nottingham Connect?") == ["preside"]
    assert cite.asked_roles("Who won the race?") == []


def test_session_38_lexicon_lines():
    from assistant.lexicon import translated
    for word, meaning in (("réplicas", "aftershocks"), ("moradora", "resident"), ("unânime", "unanimous"),
                          ("mensal", "monthly"), ("realizador", "directed"), ("abanou", "shaking"),
                          ("abstiveram", "abstentions")):
        assert meaning in translated(word).split(), (word, translated(word))


def test_session_39_checks():
    """What session 39's runs of the held-out stories showed."""
    # A period said in a phrase: a rise "in the year to July" is no monthly change.
    q = "Qual foi a variação mensal dos preços entre junho e julho?"
    assert cite.of_another_side("Food prices rose by 5.2% in the year to July, up from 4.6% in June.", q)
    assert cite.of_another_side("Os preços subiram 2% em termos homólogos.", "What was the monthly change?")
    assert not cite.of_another_side("Prices rose 0.5% month on month.", q)
    assert not cite.of_another_side("Food prices rose by 5.2% in the year to July.", "What was the annual rate of food inflation?")
    # An interview's answer, read under its question, counts what the question counts.
    q = "Quantos estudantes estrangeiros tem a universidade?"
    framed = "P: Quantos estudantes estrangeiros tem a UVS? R: Este ano letivo são 1.850, de 62 nacionalidades."
    assert cite.counts_the_noun(framed, q, {"1850"})
    assert not cite.counts_the_noun("R: Este ano letivo são 1.850, de 62 nacionalidades.", q, {"1850"})
    assert not cite.counts_the_noun("P: Quantas camas tem? R: São 1.850.", q, {"1850"})
    assert not cite.counts_the_noun("P: Quantos estudantes estrangeiros tem a UVS? R: Cerca de 40% vêm do Brasil.", q)
    # "galês" is Welsh.
    assert cite.share_of_words("The Welsh Government's emergency committee would meet at 08:00 on Tuesday.",
                               "Quando se reúne o comité de emergência do governo galês?", when_aside=True) == 1
    # A sum named a price is one, with no currency beside it.
    q = "Qual era o preço-base do primeiro concurso da residência?"
    assert cite.fits_kind("Nenhuma construtora aceitou o preço-base de 17 milhões.", q)
    assert not cite.fits_kind("O concurso abriu em maio de 2024.", q)
    assert cite.named_a_price("17 milhões", ["Nenhuma construtora aceitou o preço-base de 17 milhões."])
    assert not cite.named_a_price("2024", ["O concurso ficou deserto em maio de 2024, com o preço-base de 17 milhões."])
    # Words the interview needed: a rector, places on a course.
    assert cite.share_of_words("Teresa Vidigal é reitora desde janeiro de 2023.", "Is Teresa Vidigal the rector?") == 1
    assert cite.share_of_words("O curso arranca com 60 vagas.", "How many places will the course have?") == 1
    # Asked what kind of thing, a name is no answer.
    assert cite.names_for_a_kind("Kryvyi Rih", "What kind of area was hit?")
    assert not cite.names_for_a_kind("A residential area.", "What kind of area was hit?")
    assert not cite.names_for_a_kind("Kryvyi Rih", "Which city was hit?")
    # Asked which thing, the sentence that names it after its noun.
    q = "Which song will NASA transmit into space?"
    assert cite.names_the_asked("NASA will transmit the Beatles song Across the Universe towards Polaris.", q)
    assert not cite.names_the_asked("NASA invites Beatles fans to play the song as it is transmitted.", q)
    q = "Which mountain rescue team was called out?"  # the head noun: "team"
    assert cite.names_the_asked("The Glen Corran team, made up of volunteers, has been called out 31 times.", q)
    assert not cite.names_the_asked("They were traced with the assistance of mountain rescue and HM Coastguard.", q)
    # Asked with whom a country meets, the other side is named, not one of its own.
    assert cite.names_stand_with_subjects(
        "The US will hold talks with President Emmanuel Macron.", "With whom will the US hold talks in Paris?",
        ["Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe, antes que o Secretário de Estado "
         "dos EUA contenha conversas com Lammy."], ["Nós para manter conversas em Paris com europeus"])
    # "às 11 horas" is a clock's time.
    assert cite.fits_kind("A missa está marcada para quinta-feira às 11 horas.", "At what time is the funeral mass scheduled?")


def test_a_name_of_common_words_is_held_by_its_translation():
    """Found on the held-out interview: the "State Budget" is the "Orçamento do Estado", and the
    61% that comes from it stands beside the question's subject (the answer was refused)."""
    question = "What share of the budget comes from the State Budget?"
    answer_sentence = ("P: Qual é o orçamento da universidade para este ano? R: Cerca de 61% vêm do Orçamento do "
                       "Estado; o resto são receitas próprias, sobretudo projetos de investigação e propinas.")
    assert cite.numbers_stand_with_subjects("61%", question, [answer_sentence], ["Teresa Vidigal: reitora"])
    assert not cite.numbers_stand_with_subjects("61%", question, ["Cerca de 61% dos alunos são de Penafiel."],
                                                ["Teresa Vidigal: reitora"])


ENVOYS = ("O enviado especial de Donald Trump, Steve Witkoff, e o Diplomat Marco Rubio, Marco Rubio manterá "
          "conversas com colegas europeus em Paris ainda na quinta -feira.")
MACRON = ("Witkoff e Rubio verão o presidente francês Emmanuel Macron e sua equipe, antes que o Secretário de "
          "Estado dos EUA contenha conversas com Lammy e seus colegas franceses e alemães.")


@pytest.mark.parametrize("question, answer, other", [
    ("Who are the Europeans meeting the US envoys?", "Steve Witkoff and Marco Rubio.", True),
    ("Quem são os europeus que se reúnem com os enviados dos EUA?", "Steve Witkoff.", True),
    ("Who are the Europeans meeting the US envoys?", "President Emmanuel Macron and David Lammy.", False),
    # Trump owns the envoy ("enviado especial de Donald Trump"): he is no envoy.
    ("Who is the president who sent the envoys?", "Donald Trump.", False),
    # The role asked is the envoy's own: naming him is the answer.
    ("Who is the envoy meeting Macron?", "Steve Witkoff.", False),
])
def test_an_answer_that_names_the_other_party_of_the_question(question, answer, other):
    """Found on the AVX2 build: "Who are the Europeans meeting the US envoys?" → "Steve Witkoff and
    Marco Rubio", the envoys themselves (asked_roles had read "envoys" as the role asked)."""
    assert cite.gives_the_other_party(answer, question, [ENVOYS, MACRON]) is other
    assert cite.asked_roles("Who are the Europeans meeting the US envoys?") == []
    assert cite.asked_roles("Who is the envoy meeting Macron?") == ["envoy"]


def test_a_name_that_only_says_whose_someone_is_is_not_the_speaker():
    """A fresh question: "What did John Lennon say about the transmission?" was answered with the
    sentence whose words are his wife's ("John Lennon's wife Yoko Ono, who sees the event as…")."""
    nasa = ("NASA's press release includes statements from Beatle Paul McCartney, who tells NASA to \"send [his] "
            "love to the aliens\", and John Lennon's wife Yoko Ono, who sees the event as \"the beginning of the "
            "new age\".")
    assert not cite.quotes_the_asked(nasa, "What did John Lennon say about the transmission?")
    assert cite.quotes_the_asked(nasa, "What did Yoko Ono say?")
    assert not cite.quotes_the_asked('A mulher de John Lennon, Yoko Ono, que vê o evento como "uma nova era".',
                                     "O que disse John Lennon?")
    # one name with a possessive inside it
    assert cite.quotes_the_asked('The Information Commissioner\'s Office said it was "making inquiries".',
                                 "What did the Information Commissioner's Office say?")


def test_a_name_asked_by_its_kind_may_hold_the_kind():
    """A fresh question: "Qual é o nome do complexo…?", pressed, got "…é o Madrid Deep Space
    Communication Complex", rejected as no name of its own ("Complex" is the question's "complexo")."""
    q = "Qual é o nome do complexo de onde a canção será transmitida?"
    assert cite.fits_kind("O complexo é o Madrid Deep Space Communication Complex.", q)
    assert cite.fits_kind("O complexo de onde a canção será transmitida.", q) is False
