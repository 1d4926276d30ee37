"""Citations are assigned by the application: each answer sentence is bound to the passage whose
text holds every number and name it states. A sentence that no passage supports fails verification."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Sequence
from difflib import SequenceMatcher

from .ingest import sentence_spans
from .lang import ENGLISH_ONLY, PT_LETTERS, detect
from .lexicon import TRANSLATIONS, translated
from .text import AUXILIARIES, STOPWORDS, content_terms, counts, fold, number_matches, numbers, stems, term, words

_MARKER = re.compile(r"\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")

# Capitalised words that are titles, institutions, countries and calendar words: a translation
# renders them differently ("Reino Unido" / "UK"), so they are not checked as names.
COMMON_CAPITALISED = {fold(w) for w in """
President Presidente Minister Ministro Ministra Secretary Secretario Secretária Foreign Defense Defence
State States Estado Estados Department Departamento House Casa White Branca National Nacional Security
Segurança Office Gabinete Prime Primeiro Government Governo Council Conselho Ministry Ministério Affairs
Relações Exteriores Defesa Reino Unido United Kingdom Union União Adviser Advisers Consultores Chief Chefe
Envoy Enviado Special Especial Diplomat Diplomata Leader Líder Senator Senador Mr Mrs Ms Sr Sra Dr
EU UN NATO OTAN ONU UE Western Ocidente Transatlantic Transatlântico
Yes No Sim Não Note Nota Apart Besides Except Além Exceto Algum Alguma Alguns Algumas Nunca Jamais Never Ever
According Segundo The A O As Os In Em On At He She They It This That These Those Ele Ela Eles Elas Isso
Since Desde Before Antes After Depois During Durante Until While Enquanto AM PM
Because Porque Pois So Therefore Portanto But Mas However Contudo And Also Também
""".split()}


# Places and peoples are checked, but through their other-language names: an English answer about
# a Portuguese article says "Germany" where the evidence says "Alemanha".
_PEOPLE_GROUPS = [
    "us usa eua estados unidos america american americans americano americana norte-americano norte-americana",
    "uk reino britain british britanico britanica inglaterra england english",
    "france franca french frances francesa franceses",
    "germany alemanha german germans alemao alemaes alema",
    "russia russian russians russo russa russos",
    "ukraine ucrania ukrainian ukrainians ucraniano ucraniana ucranianos",
    "europe europa european europeans europeu europeus europeia",
    "spain espanha spanish espanhol espanhola",
    "portugal portuguese portugues portuguesa",
    "brazil brasil brazilian brasileiro brasileira",
    "china chinese chines chinesa",
    "italy italia italian italiano italiana",
    "belgium belgica belgian belgians belga belgas", "netherlands holanda dutch holandes holandesa holandeses",
    "scotland escocia scottish escoces escocesa", "ireland irlanda irish irlandes irlandesa",
    "wales gales welsh galesa galeses galesas",
    "poland polonia polish polaco polaca", "greece grecia greek grego grega", "sweden suecia swedish sueco sueca",
    "switzerland suica swiss suico", "austria austrian austriaco austriaca", "japan japao japanese japones japonesa",
    "denmark dinamarca danish dinamarques", "finland finlandia finnish finlandes finlandesa",
    "norway noruega norwegian noruegues", "morocco marrocos moroccan marroquino",
]
# A sentence naming a country or its people holds a nationality ("Danish striker Emil Strandgaard"
# answers "De que nacionalidade é o avançado?").
_PEOPLES = {w for group in _PEOPLE_GROUPS for w in group.split()}
_ALIAS_GROUPS = _PEOPLE_GROUPS + [
    "moscow moscou moscovo", "kyiv kiev kiiv", "london londres", "lisbon lisboa",
    "brussels bruxelas", "ghent gante gent", "bruges brugge", "antwerp antuerpia", "amsterdam amesterdao",
    "geneva genebra", "rome roma", "berlin berlim", "athens atenas", "warsaw varsovia",
    "prague praga", "vienna viena", "seville sevilha", "milan milao", "munich munique", "venice veneza",
    "florence florenca", "copenhagen copenhaga", "stockholm estocolmo", "edinburgh edimburgo",
    "beijing pequim", "tokyo toquio",
    "earth terra", "moon lua", "mars marte", "jupiter", "saturn saturno",
    # Days and months: a translated answer must still name the same one ("Friday" is not "quinta").
    "monday mondays segunda segundas", "tuesday tuesdays terca tercas", "wednesday wednesdays quarta quartas",
    "thursday thursdays quinta quintas", "friday fridays sexta sextas", "saturday saturdays sabado sabados",
    "sunday sundays domingo domingos", "january janeiro", "february fevereiro", "march marco",
    "april abril", "may maio", "june junho", "july julho", "august agosto", "september setembro",
    "october outubro", "november novembro", "december dezembro",
]
ALIASES = {w: set(group.split()) for group in _ALIAS_GROUPS for w in group.split()}
# School subjects, capitalised as names ("Maths A" is "Matemática A"), and acronyms: matched through their other
# language's name like places, but neither places nor peoples (nor is "history" in a question one).
_SUBJECT_GROUPS = ["maths math mathematics matematica", "physics fisica", "chemistry quimica", "history historia",
                   "biology biologia", "geography geografia", "philosophy filosofia",
                   # and acronyms the two languages write otherwise
                   "lpg gpl"]
_OTHER_NAMES = {w: set(group.split()) for group in _SUBJECT_GROUPS for w in group.split()}
_NAME_FORMS = {w: ALIASES.get(w, set()) | _OTHER_NAMES.get(w, set()) for w in ALIASES.keys() | _OTHER_NAMES.keys()}

# News names a capital by its country ("chegaram à capital francesa", "the Ukrainian capital"): a
# text that does holds the capital's name, so "arrived in Paris" is supported where it says so.
_CAPITALS = {"france": "paris", "ukraine": "kyiv", "russia": "moscow", "uk": "london", "germany": "berlin",
             "us": "washington", "portugal": "lisbon", "spain": "madrid", "italy": "rome", "china": "beijing",
             "brazil": "brasilia"}
_CAPITAL_NAMES = set(_CAPITALS.values())
_CAPITAL_OF = {w: city for country, city in _CAPITALS.items() for w in ALIASES[country] if " " not in w}
_CAPITAL_PHRASES = (re.compile(r"([\w-]+) capital\b"),
                    re.compile(r"\bcapital (?:(?:of|d[aoe]) (?:the |a |o )?)?([\w-]+)"))


def _capitals_named(folded: str) -> set[str]:
    """The capitals a folded text names by their country, with their other-language names."""
    countries = {m.group(1) for rx in _CAPITAL_PHRASES for m in rx.finditer(folded)}
    return {alias for c in countries if c in _CAPITAL_OF for alias in ALIASES.get(_CAPITAL_OF[c], {_CAPITAL_OF[c]})}

# Roles a "who is the ..." question asks about, with their other-language words: the model readily
# gives a name from the evidence to the wrong role ("the French foreign minister is Macron", whom
# the article calls the French president).
_ROLE_GROUPS = [
    "president presidents presidente presidentes", "minister ministers ministro ministra ministros",
    "secretary secretario secretaria", "foreign exteriores estrangeiros", "defence defense defesa",
    "envoy envoys enviado enviada enviados", "official officials funcionario funcionaria responsavel responsaveis dirigente dirigentes",
    "adviser advisers advisor advisors consultor consultores conselheiro conselheiros",
    "spokesman spokeswoman spokesperson porta-voz", "mayor prefeito prefeita", "chancellor chanceler",
    "ambassador embaixador embaixadora", "governor governador governadora", "leader lider",
    "chief chefe", "diplomat diplomata", "councillor councilor councillors councilors vereador vereadora vereadores",
    "senator senador senadora",
    # "O diretor financeiro" is the "finance chief".
    "director diretor diretora chief",
    "king rei", "queen rainha", "general general", "commander comandante", "judge juiz juiza",
    "historian historiador historiadora", "founder fundador fundadora",
    "coach coaches manager managers treinador treinadores treinadora", "manager managers gerente gerentes gestor gestora",
    "referee referees arbitro arbitros", "singer singers cantor cantora fadista", "economist economists economista economistas",
    "captain capitao", "ceo executive executives executivo executiva executivos", "head chefe lider leader leaders lideres",
    "deputy deputies adjunto adjunta adjuntos",
    "chair chairs chaired chairing chairman chairwoman chairperson presidente presidir presidira presidiu preside",
    "contractor contractors empreiteiro empreiteiros construtor", "lawyer lawyers advogado advogada advogados",
    "owner owners dono dona donos proprietario proprietaria", "hacker hackers pirata piratas",
    "pilot pilots piloto pilota pilotos",
    "inspector inspectors inspetor inspetora inspetores subinspetor subinspetora",
    # A team's positions ("guarda-redes" is no striker; not "forward", which news puts anything).
    "goalkeeper goalkeepers guarda-redes", "striker strikers avancado avancados ponta-de-lanca",
    "midfielder midfielders medio-centro", "defender defenders defesa-central defesas-centrais",
    "engineer engineers engenheiro engenheira engenheiros",
    "administrator administrators administrador administradora administradores",
    # A Portuguese mayor is "presidente da câmara".
    "mayor mayors autarca autarcas presidente",
]
ROLES: dict[str, set[str]] = {}
for _group in _ROLE_GROUPS:
    for _w in _group.split():
        ROLES.setdefault(_w, set()).update(_group.split())
_ANY_ROLE = frozenset(ROLES)
_WHO_IS = re.compile(r"\b(?:who\s+(?:is|was|are|were)|quem\s+(?:e|foi|sao|era)|name\s+of|nome\s+d[oa]s?)\s+"
                     r"(?P<subject>.+?)(?=\s+(?:who|that|que|which)\b|[?,.;]|$)")


_WHO_WILL = re.compile(r"\b(?:who\s+(?:will|would|is\s+going\s+to)|quem\s+(?:vai|ira|iria))\s+(\w+)")
_WHO_DOES = re.compile(r"^\W*(?:who|quem)\s+(\w+)")


@dataclass(frozen=True)
class Support:
    sentence: str  # the answer sentence, markers removed
    passage_index: int | None  # index into the candidate passages, None when unsupported
    missing: tuple[str, ...]  # names or numbers no single passage holds
    asked: tuple[str, ...] = ()  # names of the sentence that the question already used


def strip_markers(text: str) -> str:
    return _MARKER.sub("", text).strip()


def asks_back(reply: str) -> bool:
    """Whether the reply holds a question of its own, outside any quotation: the model, lost,
    echoes the reader's ("Sofia Ramalho anunciou a medida. E com quem se reuniu ela? Beja.")."""
    return "?" in _QUOTED.sub("", strip_markers(reply))


def answer_sentences(text: str) -> list[str]:
    clean = strip_markers(text)
    return [clean[s:e] for s, e in sentence_spans(clean, 0, len(clean))]


def names(sentence: str) -> list[tuple[str, ...]]:
    """Runs of capitalised words that are not common words: people, places, organisations.
    'Steve Witkoff' is one name; it is found when any of its longer words is found."""
    return [name for _, name in _name_runs(sentence)]


def _name_runs(sentence: str) -> list[tuple[int, tuple[str, ...]]]:
    """The names of the sentence (see names) with the offset where each begins."""
    runs: list[tuple[int, list[str]]] = []
    previous_end = -2
    for match in _CAPITALISED.finditer(sentence):
        word = match.group(0)
        folded = fold(word)
        # A count that opens a sentence ("Três bombeiros…") is a number, not a name.
        common = (_uncontracted(folded) in STOPWORDS and not word.isupper()) or folded in COMMON_CAPITALISED or all(
            _NUMBER_WORD.fullmatch(part) for part in folded.split("-"))
        if common or len(word) < 2:
            previous_end = -2
            continue
        if match.start() - previous_end <= 1 and runs:
            runs[-1][1].append(folded)
        else:
            runs.append((match.start(), [folded]))
        previous_end = match.end()
    return [(start, tuple(r)) for start, r in runs]


# "What's the date…?", "Isn't it…?": a contraction of a common word is as common as the word.
_CONTRACTION = re.compile(r"(?:['’](?:s|re|ll|ve|d|m)|n['’]t)$")


def _uncontracted(folded: str) -> str:
    """The word without an English contraction's tail ("what's" -> "what", "isn't" -> "is")."""
    return _CONTRACTION.sub("", folded)


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*")


def _tokens(text: str) -> set[str]:
    folded = {fold(w) for w in words(text)}
    parts = {part for w in folded for part in re.split(r"[-'’]", w) if part}
    return folded | parts | (_capitals_named(fold(text)) if "capital" in text.lower() else set())


def _holds_word(name: str, tokens: set[str]) -> bool:
    # A name of common words is translated with them: the "State Budget" is the "Orçamento do Estado".
    if name in tokens or not tokens.isdisjoint(_NAME_FORMS.get(name, ())) \
            or not tokens.isdisjoint(TRANSLATIONS.get(name, ())):
        return True
    # A near spelling keeps its first two letters: "Pereira" is not the "primeira" of another
    # sentence (asked who is mayor, the model named a residents' association president). A common
    # word is no name's spelling: "está" is not "Estêvão".
    return any((t[:2] == name[:2] and SequenceMatcher(None, name, t).ratio() >= 0.7)
               or (len(name) >= 5 and t.startswith(name[:5]))
               for t in tokens if abs(len(t) - len(name)) <= 3 and t not in STOPWORDS)


def _holds_name(name: tuple[str, ...], tokens: set[str]) -> bool:
    parts = [w for w in name if len(w) >= 4] or list(name)
    return any(_holds_word(w, tokens) for w in parts)


def _name_coverage(sentence: str, tokens: set[str]) -> float:
    parts = [w for name in names(sentence) for w in name]
    return sum(_holds_word(w, tokens) for w in parts) / len(parts) if parts else 0.0


def _label(name: tuple[str, ...]) -> str:
    return " ".join(name)


def missing_facts(sentence: str, evidence: str, skip: tuple = ()) -> list[str]:
    """The numbers and names of the sentence that the evidence text does not contain (names in
    `skip` are not looked for)."""
    tokens = _tokens(evidence)
    held = _values(evidence)
    missing = sorted(numbers(sentence) - held - _clock_forms(evidence))
    missing += sorted(w for w, value in _lone_number_words(sentence) if value not in held)
    missing += sorted(_label(n) for n in names(sentence) if n not in skip and not _holds_name(n, tokens))
    return missing


# "7pm", "7:00 p.m.", "19:00", "04h17", "11h", "às 11 horas", "at 11 o'clock" (not "7.30", a decimal).
_CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d\d))?\s*([ap])\.?m\b\.?"
                    r"|\b(\d{1,2})(?:[:h](\d\d)\b|h\b|\s+o'?clock\b)"
                    # (not "durante 12 horas", a span)
                    r"|(?<!\w)(?:[àa]s?)\s+(\d{1,2})\s+horas\b", re.IGNORECASE)


def _on_the_24_hour_clock(clock: re.Match) -> str:
    """The time as "H:MM" on a 24-hour clock ("7pm" is "19:00", "04h17" "4:17"); "" for no time
    ("25:00")."""
    hour, minute, half, hour24, minute24, said = clock.groups()
    if half:
        h = int(hour) % 12 + (12 if half.lower() == "p" else 0) if int(hour) <= 12 else 99
    else:
        h, minute = int(hour24 or said), minute24
    return f"{h}:{minute or '00'}" if h < 24 and int(minute or 0) < 60 else ""


def _clock_forms(text: str) -> set[str]:
    """The text's clock times as on a 24-hour clock: "10h" is "10:00" ("The library opens at 10:00
    AM on Saturdays" of "das 10h às 18h ao sábado"), "7pm" "19:00". Not the other way: "12:00" is
    no "12" (metres)."""
    return {_on_the_24_hour_clock(m) for m in _CLOCK.finditer(text)} - {""}


# One role in two words: "a presidente executiva" is the "chief executive", no president.
_CHIEF_EXECUTIVE = re.compile(r"\b(?:presidente|diretora?|chief) executiv[oae]s?\b")


def asked_roles(question: str) -> list[str]:
    """The role words of a "who is the <role> ..." question: 'foreign', 'minister' of 'Who is the
    French foreign minister?'; none for 'Who is Steve Witkoff?'."""
    folded = fold(question)
    parts = _who_is_parts(folded)
    if parts:
        # (a possessive is its role's: "the regional fire chief's deputy")
        subject = _CHIEF_EXECUTIVE.sub("ceo", parts[0])
        said = [re.sub(r"['’]s$", "", w) for w in words(subject)[:6]]
        # After a role, "responsável" says what it is for: "o vereador responsável pelas estradas".
        return [w for i, w in enumerate(said) if w in ROLES
                and not (w in _IN_CHARGE_OF and i and said[i - 1] in ROLES)]
    # "Who will chair the talks?": a role done, not held ("Who will the envoys meet?" asks none).
    # So is "Quem preside à Nottingham Connect?", a role held now.
    m = _WHO_WILL.search(folded) or _WHO_DOES.search(folded)
    return [m.group(1)] if m and m.group(1) in ROLES else []


_IN_CHARGE_OF = {"responsavel", "responsaveis"}


# A participle clause after the people asked about, whose object is someone else: "the Europeans
# meeting the US envoys", "the officials representing the company".
_PARTICIPLE = re.compile(r"\s+\w{3,}ing\s+(?=(?:the|a|an|his|her|their|its|with|to|for)\b)")


def _who_is_parts(folded: str) -> tuple[str, str] | None:
    """The people a folded "who is the …" question asks about, and the clause after them where
    another party may stand: ("the europeans", "the us envoys?") of "Who are the Europeans meeting
    the US envoys?" (a participle's object is someone else: it asks for no envoy); the relative
    clause's words for "quem são os europeus que se reúnem com os enviados…"."""
    m = _WHO_IS.search(folded)
    if not m:
        return None
    parts = _PARTICIPLE.split(m.group("subject"), 1)
    return parts[0], parts[1] if len(parts) > 1 else folded[m.end():]


def gives_the_other_party(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked who the people are that meet (or see, or represent…) a role's holders, the
    answer names one of those holders: asked "Who are the Europeans meeting the US envoys?", the
    model named Witkoff, whom "O enviado especial de Donald Trump, Steve Witkoff" makes an envoy.
    A holder stands within six words after the role word, not after a "de"/"of" (Trump owns the
    envoy there), or just before it ("Witkoff, the envoy")."""
    parts = _who_is_parts(fold(question))
    others = [r for r in _roles_named(parts[1]) if r not in asked_roles(question)] if parts else []
    q_tokens = _tokens(question)
    given = [n for n in names(answer) if not _holds_name(n, q_tokens) and not _is_place_or_people(n)] if others else []
    if not given:
        return False
    role_words = set().union(*(_role_words(r) for r in others))
    for sentence in sentences:
        tokens = words(fold(sentence))
        for i, w in enumerate(tokens):
            if w not in role_words:
                continue
            near = [(j, t) for j, t in enumerate(tokens[max(0, i - 3):i + 7], start=max(0, i - 3)) if j != i]
            for name in given:
                if any(j < i or _name_start(tokens, j, name) not in _POSSESSOR for j, t in near if t in name):
                    return True
    return False


def _name_start(tokens: list[str], j: int, name: tuple[str, ...]) -> str:
    """The word before the run of the name's words that holds tokens[j] ("de" of "de Donald Trump")."""
    while j > 0 and tokens[j - 1] in name:
        j -= 1
    return tokens[j - 1] if j else ""


_WHO_ARE_THOSE = re.compile(r"\b(?:who\s+(?:is|was|are|were)|quem\s+(?:e|foi|sao|era))\s+\w.*?\s+(?:who|that|que|which)\s+\w")


def described_by_role(answer: str, question: str) -> bool:
    """Whether the answer to a "who are the <role>s that did X?" question tells them apart by a
    fuller role, where the article names no one: "Quem são os ministros que chegaram a Paris?" →
    "…o ministro das Relações Exteriores da Ucrânia e o ministro da Defesa". Not "who is the
    <role>?" without such a clause, which asks for the holder's name ("Quem é o ministro da Defesa
    da Ucrânia?" is not answered by another minister), nor "the name of the official who…"."""
    roles = asked_roles(question)
    if not roles or not _WHO_ARE_THOSE.search(fold(question)):
        return False
    given = _tokens(answer)
    added = {w for w in given - _tokens(question) if len(w) > 3 and w not in STOPWORDS}
    return bool(added - ROLES.keys()) and all(_role_words(r) & given for r in roles)


def _given_names_stand_with(answer: str, question: str, sentences: list[str], fits, places: bool = True) -> bool:
    """Whether each name the answer adds to the question stands in a sentence for which
    fits(sentence, name) (places too, unless `places` is False)."""
    q_tokens = _tokens(question)
    for name in (n for n in names(answer) if not _holds_name(n, q_tokens)):
        if not places and all(w in ALIASES for w in name):
            continue
        holding = [s for s in sentences if _holds_name(name, _tokens(s))]
        if holding and not any(fits(s, name) for s in holding):
            return False
    return True


def names_stand_with_roles_named(answer: str, question: str, sentences: list[str], headlines: list[str]) -> bool:
    """Whether each name answered to a "which city / which song" question about someone by role
    stands in a sentence with that role: asked what city the Ukrainian defence minister travelled
    to, the model answered Sumy, the one city its excerpts named, in a sentence on a missile strike
    that has no minister. A name the headline holds is the whole story's."""
    if not _roles_named(question) or asked_kind(question) != "name":
        return True
    # Asked what the role's holder is called, a person the article gives no role at all may be it
    # ("What's the café owner called?" of "Karen Doyle, who has run the Riverside Café").
    called = bool(_CALLED.search(fold(question)))

    def fits(sentence: str, name: tuple[str, ...]) -> bool:
        return holds_roles_named(sentence, question) or (
            called and not _is_place_or_people(name) and _given_no_role(name, sentences))
    # (the headline joins the question: the names it holds are not looked for)
    return _given_names_stand_with(answer, " ".join([question, *headlines]), sentences, fits)


_CALLED = re.compile(r"\b(?:called|named|chama|chamava|chamam)\b")


def _given_no_role(name: tuple[str, ...], sentences: list[str]) -> bool:
    """Whether no sentence that holds the name holds any role word: nothing says it is another
    role's holder."""
    return not any(_tokens(s) & _ANY_ROLE for s in sentences if _holds_name(name, _tokens(s)))


def holds_roles_named(sentence: str, question: str) -> bool:
    """Whether the sentence holds one of the roles the question names (in either language); "a
    responsável" is anyone given a title ("A subinspetora-geral da ASAE"; _ANY_TITLE)."""
    tokens = _tokens(sentence)
    return any(_role_words(w) & tokens for w in _roles_named(question))


# Roles that say only that someone speaks for a body: "a responsável da ASAE" is its
# "subinspetora-geral", "a dirigente da Fenprof" its "secretária-geral". Not "the official", which
# the article may write as such ("disse um funcionário", whom it never names; Witkoff is an envoy).
_ANY_TITLE = {"responsavel", "responsaveis", "dirigente", "dirigentes"}


def _role_words(role: str) -> set[str]:
    """The words that give a role: its own in both languages, or any title (_ANY_TITLE)."""
    return _ANY_ROLE if role in _ANY_TITLE else ROLES[role]


def _roles_named(question: str) -> list[str]:
    folded = words(fold(question))
    # After an auxiliary, a role word is a participle: "vai ser enviada a canção" sends a song, no envoy.
    return [w for i, w in enumerate(folded) if w in ROLES and (i == 0 or folded[i - 1] not in AUXILIARIES)]


def names_roles_together(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether each name the answer gives for an asked role stands in one sentence with that role."""
    roles = asked_roles(question)
    return not roles or _given_names_stand_with(
        answer, question, sentences, lambda s, name: _holds_roles_for(s, roles, name))


def opens_on_the_role_holder(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked of someone by role alone ("How old is the judge?"), an answer that opens on a
    person's name ("Joaquim Ferreira is 61") opens on one the article gives that role, where it
    names them at all: Ferreira is the company's administrator; the judge is Helena Sobral. Not
    asked who does something to the role's holder: "Quem vai ver o presidente francês?" asks for
    Witkoff and Rubio, not for a president (gives_the_other_party guards that side)."""
    roles = _roles_named(question)
    if not roles or asked_roles(question) or names(question) or _WHO.search(fold(question)):
        return True
    runs = _name_runs(strip_markers(answer).lstrip())
    if not runs or runs[0][0] > 0 or _is_place_or_people(runs[0][1]):
        return True
    name = runs[0][1]
    holding = [s for s in sentences if _holds_name(name, _tokens(s))]
    # Where no sentence with the name gives any role, nothing says it is another's ("How old is
    # the café owner?" of "Karen Doyle, who has run the Riverside Café…").
    return not holding or any(_holds_roles_for(s, roles, name) for s in holding) or _given_no_role(name, holding)


def _holds_roles_for(sentence: str, roles: list[str], name: tuple[str, ...]) -> bool:
    """Whether the sentence holds every asked role and does not give it to someone else: "Witkoff
    e Rubio verão o presidente francês Emmanuel Macron" holds a presidente, Macron, not Witkoff."""
    if not all(_role_words(r) & _tokens(sentence) for r in roles):
        return False
    asked = set().union(*(_role_words(r) for r in roles))
    holders = [h for r, h in _role_holders(sentence) if r in asked]
    return not holders or any(h is None or set(h) & set(name) for h in holders)


_POSSESSOR = {"de", "do", "da", "dos", "das", "of"}


def _role_holders(sentence: str) -> list[tuple[str, tuple[str, ...] | None]]:
    """Each role word of a sentence with the name it stands before ("o presidente francês Emmanuel
    Macron"), or None: no name within three words, or one that owns the role ("o enviado especial
    de Donald Trump, Steve Witkoff")."""
    tokens = list(re.finditer(r"[\w'’-]+", sentence))
    starting = dict(_name_runs(sentence))  # offset -> the name that begins there
    out = []
    for i, token in enumerate(tokens):
        role = fold(token.group(0))
        if role not in ROLES:
            continue
        holder = None
        for j in range(i + 1, min(i + 4, len(tokens))):
            if tokens[j].start() in starting:
                holder = None if fold(tokens[j - 1].group(0)) in _POSSESSOR else starting[tokens[j].start()]
                break
        out.append((role, holder))
    return out


def roles_given_stand(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether a role the answer gives the person a "who is X?" question asks about is X's in the
    article: not when no sentence with X has that role, or every one puts it before another name.
    Seen: "Who is Andriy Yermak?" → "the president of Ukraine", from the machine-translated "O
    presidente ucraniano Volodymyr Zelensky, Andriy Yermak, disse…"."""
    if not _WHO_IS.search(fold(question)) or asked_roles(question):
        return True
    asked = names(question)
    given = {w for w in _tokens(answer) - _tokens(question) if w in ROLES}
    for role in given:
        held = []
        for sentence in sentences:
            tokens = _tokens(sentence)
            if not ROLES[role] & tokens or not any(_holds_name(n, tokens) for n in asked):
                continue
            holders = [h for r, h in _role_holders(sentence) if r in ROLES[role]]
            # Exact words: the fuzzy match of names would take "Macron" for "Marco".
            held.append(any(h is None or any(set(n) & set(h) for n in asked) for h in holders))
        # No sentence gives X the role at all: "Who is Filipa Marques?" → "the mayor of the city",
        # of a councillor.
        if not any(held):
            return False
    return True


# "Who said…?", "Quem afirmou…?": asked who spoke the words the question gives.
_WHO_SAID = re.compile(r"^\W*(?:(?:and|e) )?(?:who|quem) (?:\w+ )?(?:said|says|say|told|stated|declared|wrote"
                       r"|disse|diz|dizem|disseram|afirmou|afirma|declarou|escreveu)\b")


def speaker_role_stands(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked who said the words the question gives, a role the answer gives the speaker
    stands in the sentence that holds those words best: "Who said they want the US to use a bit
    more stick?" is not answered by "The US diplomat", of "…bastão”, disse um funcionário"."""
    if not _WHO_SAID.search(fold(question)) or not sentences:
        return True
    given = {w for w in _tokens(answer) - _tokens(question) if w in ROLES}
    said = _tokens(max(sentences, key=lambda s: share_of_words(s, question)))
    return all(ROLES[role] & said for role in given)


def gives_a_role(sentence: str, question: str) -> bool:
    """Whether the sentence names someone the question names beside a role word ("a vereadora da
    Mobilidade, Filipa Marques")."""
    tokens = _tokens(sentence)
    return bool(tokens & ROLES.keys()) and any(_holds_name(n, tokens) for n in names(question))


def subjects(question: str) -> list[tuple[str, ...]]:
    """The names and places of a question, places by any of their names ("Reino Unido", "UK"), those
    it sets aside (asked_names) aside."""
    found = asked_names(question)
    aside = set(names(question)) - set(found)
    places = {(w,) for w in {fold(x) for x in words(question)} if len(w) > 2 and w in ALIASES}
    return found + sorted(places - set(found) - aside)


# "Onde mais, fora do Algarve, se sentiu?": a name the question sets aside is not what it asks of.
_ASIDE = re.compile(r"(?:\b(?:fora|al[eé]m|excepto|exceto|other than|outside(?: of)?|besides|apart from"
                    r"|except(?: for)?)(?:\s+(?:d[oae]s?|the|o|a|os|as))?\s+)$", re.IGNORECASE)


def asked_names(question: str) -> list[tuple[str, ...]]:
    """The question's names but those it sets aside ("fora do Algarve", "other than Kiprono")."""
    return [n for at, n in _name_runs(question) if not _ASIDE.search(question[:at])]


def speaks_of(sentence: str, question: str) -> bool:
    """Whether the sentence names one of the question's names or places."""
    tokens = _tokens(sentence)
    return any(_holds_name(n, tokens) for n in subjects(question))


def own_subjects(question: str, headlines: list[str]) -> list[tuple[str, ...]]:
    """The question's names and places that no headline names (what a headline names, every
    sentence of its story speaks of)."""
    topic = _tokens(" ".join(headlines))
    if any(_HEADLINE_US.match(h) for h in headlines):
        topic.add("us")
    return [n for n in subjects(question) if not _holds_name(n, topic)]


def own_peoples(question: str, headlines: list[str]) -> list[str]:
    """The countries and peoples among the question's own subjects: "russian" of "Which Russian
    officials will attend the Paris talks?" (not the "may" of "may have to", read as a month)."""
    return [" ".join(n) for n in own_subjects(question, headlines) if all(w in _PEOPLES for w in n)]


# A people and the role or name it qualifies stand this close: "o presidente russo", "Foreign
# Secretary of the UK, David Lammy"; not "peace talks with Russia".
BY_ITS_PEOPLE = 3


def holds_someone_of(sentence: str, question: str, headlines: list[str]) -> bool:
    """Whether the sentence names a role or a person right beside one of the peoples the question
    asks of (own_peoples): "Which Russian officials…?" is answered where "o presidente russo
    Vladimir Putin" stands, not by "conversas de paz com a Rússia"."""
    peoples = [tuple(p.split()) for p in own_peoples(question, headlines)]
    tokens = [fold(w) for w in words(sentence)]
    named = {w for n in names(sentence) if not _is_place_or_people(n) for w in n}
    at_people = [i for i, t in enumerate(tokens) if any(_holds_name(p, {t}) for p in peoples)]
    at_someone = [i for i, t in enumerate(tokens) if t in _ANY_ROLE or t in named]
    return any(abs(i - j) <= BY_ITS_PEOPLE for i in at_people for j in at_someone)


# A machine translation's "Nós" opening a headline is the "US" it read as "us" ("Nós para manter
# conversas em Paris com europeus"); a headline's own "we" says what we do ("Nós queremos…").
_HEADLINE_US = re.compile(r"^\W*n[oó]s\s+(?!\w+mos\b)", re.IGNORECASE)


def names_subject(sentence: str, question: str, headlines: list[str], exact: bool = False) -> bool | None:
    """Whether the sentence names one of the question's own names (own_subjects), None when it has
    none. Countries and their peoples do not count: a story names them by their leaders and envoys
    ("the US envoys" are Trump's). `exact`: by the very words, not a near spelling ("Negócios
    Estrangeiros" is not in "negociações")."""
    own = _own_names(question, headlines)
    if not own:
        return None
    tokens = _tokens(sentence)
    if exact:
        return any(all(w in tokens for w in n) for n in own)
    return any(_holds_name(n, tokens) for n in own)


# Sides of one thing that exclude each other: a race, a team or a figure split by sex (not "man"
# or "woman", who are people, not a side); a pass, a fare or a figure by its period; a school level.
_SIDES = [{w: side for side, forms in groups for w in forms.split()} for groups in (
    (("men", "men men's male males masculino masculina masculinos masculinas homens boys rapazes"),
     ("women", "women women's female females feminino feminina femininos femininas mulheres girls raparigas")),
    (("day", "daily diario diaria diarios diarias"), ("week", "weekly semanal semanais"),
     ("month", "monthly mensal mensais"), ("year", "annual annually yearly anual anuais")),
    # school levels: "Quantas horas dormem os alunos do ensino básico?" is not answered by those of
    # the "ensino secundário" ("primary" is also "main": left out)
    (("basic", "basico basica basicos basicas"), ("secondary", "secundario secundaria secundarios secundarias"
                                                                " secondary")))]


# A figure's period said in a phrase: "rose by 5.2% in the year to July", "7.8% higher than a year
# earlier", "em termos homólogos"; "em cadeia", "month on month".
_PERIOD_PHRASES = (
    (re.compile(r"\b(?:in|over) the (?:year|12 months|twelve months) to\b|\ba year (?:earlier|before|ago)\b"
                r"|\byear[- ]on[- ]year\b|\bhomolog|\bface ao (?:mesmo (?:mes|periodo) do )?ano anterior\b"), "annual"),
    (re.compile(r"\bmonth[- ]on[- ]month\b|\ba month (?:earlier|before)\b|\bem cadeia\b|\bface ao mes anterior\b"),
     "monthly"),
)


def _side_words(text: str) -> set[str]:
    folded = fold(text)
    return ({fold(x).replace("’", "'") for x in words(text)}
            | {side for phrase, side in _PERIOD_PHRASES if phrase.search(folded)})


def of_another_side(sentence: str, question: str) -> bool:
    """Whether the question asks of one side and the sentence speaks only of another: "Who won the
    men's race?" is not answered by "In the women's race, … Chelangat won", which matches it best;
    nor "How much will a weekly pass cost?" by the monthly pass's price, nor "Qual foi a variação
    mensal dos preços?" by a rise "in the year to July"."""
    q_words, s_words = _side_words(question), _side_words(sentence)
    for sides in _SIDES:
        asked, said = {sides[w] for w in q_words if w in sides}, {sides[w] for w in s_words if w in sides}
        if len(asked) == 1 and said and not said & asked:
            return True
    return False


# The two ends of a ranking ("melhor" whole: "a média melhorou" ranks nothing).
_TOP = re.compile(r"\b(?:highest|best|top|biggest|largest|greatest|most|mais alt[oa]s?|melhor(?:es)?|maior(?:es)?"
                  r"|topo|primeiro lugar|first place)\b")
_BOTTOM = re.compile(r"\b(?:lowest|worst|bottom|smallest|least|fewest|mais baix[oa]s?|pior(?:es)?|menor(?:es)?"
                     r"|ultimo lugar|last place|last|cauda)\b")


def at_the_other_end(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked which is at the top of a ranking (or the bottom), a name the answer adds
    stands only in clauses that put it at the other end: "Qual foi o distrito com as notas mais
    altas?" is not answered by the Beja of "Viseu volta a surgir no topo…, enquanto Beja fica no
    último lugar"."""
    ends = _asked_end(question)
    if ends is None:
        return False
    same, other = ends
    q_tokens = _tokens(question)
    for name in names(strip_markers(answer)):
        if _holds_name(name, q_tokens):
            continue
        clauses = [fold(c) for s in sentences for c in _clauses(s) if _holds_name(name, _tokens(c))]
        if clauses and all(other.search(c) and not same.search(c) for c in clauses):
            return True
    return False


def ranks_as_asked(sentence: str, question: str) -> bool:
    """Whether the sentence holds the end of a ranking the question asks of (at_the_other_end)."""
    ends = _asked_end(question)
    return ends is not None and ends[0].search(fold(sentence)) is not None


def _asked_end(question: str) -> tuple[re.Pattern, re.Pattern] | None:
    """The end of a ranking the question asks of, then the other end; None unless it asks of one."""
    folded = fold(question)
    top, bottom = bool(_TOP.search(folded)), bool(_BOTTOM.search(folded))
    return None if top == bottom else (_TOP, _BOTTOM) if top else (_BOTTOM, _TOP)


def leaves_out_subject(answer: str, question: str, headlines: list[str]) -> bool:
    """Whether an answer of more than a bare name or number names none of the question's own names
    and places (own_subjects), countries included: pressed on "Qual foi a reação da Rússia às
    conversas em Paris?", the model answered that the US envoys will hold talks in Paris."""
    own = own_subjects(question, headlines)
    return bool(own) and not bare(answer) and _names_none_of(answer, own)


def yes_or_no_of_someone_else(answer: str, question: str, headlines: list[str]) -> bool:
    """Whether the answer to a yes/no question about someone leaves every such person out: asked
    "O Putin vai estar em Paris?", the model answered that Rubio and Witkoff will be. Countries do
    not count ("…a partir de Espanha?" is answered by Madrid), nor a bare yes or no."""
    people = _own_names(question, headlines)
    # (a bare answer of other people too: "Marco Rubio e Steve Witkoff estão em Paris")
    return (bool(people) and (not bare(answer) or names_someone_new(answer, question))
            and asks_yes_or_no(question, detect(question)) and _names_none_of(answer, people))


def _own_names(question: str, headlines: list[str]) -> list[tuple[str, ...]]:
    """The question's own subjects (own_subjects) but its countries and peoples."""
    return [n for n in own_subjects(question, headlines) if not all(w in ALIASES for w in n)]


def _names_none_of(answer: str, found: list[tuple[str, ...]]) -> bool:
    """Whether the answer, its citation markers aside, names none of `found`."""
    tokens = _tokens(strip_markers(answer))
    return not any(_holds_name(n, tokens) for n in found)


def quotable(sentence: str, question: str, headlines: list[str]) -> bool:
    """Whether a sentence may be quoted as the answer: it can answer this kind of question
    (can_answer), counting what a "how many" question counts (tolls), and names the question's
    subject (names_subject): asked how many died in Sumy, the Kryvyi Rih sentence ("18 pessoas
    morreram") is no answer, nor to how many were injured in Kryvyi Rih, nor any sentence to a
    question about the Champions League; nor a sentence that makes no judgement to a question
    asking for one (unjudged); nor one without the day, month or year the question names (asked how
    many crossings were cancelled on Wednesday, "In March, a one-day stoppage cancelled 160"; how
    many were evacuated in 2018, this year's 300); nor one that names no place to a "where"; nor,
    asked what someone said, one that gives no words to them (quotes_the_asked); nor, asked
    someone's age, one that gives only another's (gives_the_asked_age); nor, asked when, one whose
    dates all stand in clauses on something else (dated_only_elsewhere); nor, asked how many or
    how much of the old one, one that counts only the new one (counts_only_the_other_one)."""
    return (can_answer(sentence, question) and counts_the_asked(sentence, question)
            and names_subject(sentence, question, headlines) is not False
            and not unjudged(question, [sentence]) and names_an_origin(sentence, question)
            and _calendar_anchors(question) <= marks(sentence)
            and not says_no_place(sentence, question)
            and not (asks_of_now(question) and (tells_of_a_past_year(sentence) or _INCREMENT.search(sentence)))
            and not misses_the_asked_event(sentence, question) and not dated_only_elsewhere(sentence, question)
            and quotes_the_asked(sentence, question) and not counts_only_the_other_one(sentence, question)
            and gives_the_asked_age(sentence, question))


# Words that say when, not what: a date's units, and verbs any dated event may take ("Quando
# começam as conversas?" is answered by "…manterá conversas… na quinta-feira").
_WHEN_WORDS = {t[:5] for t in content_terms(
    "day days week weeks month months year years hour hours time dia dias semana semanas mes meses ano anos "
    "hora horas start starts started begin begins began happen happens happened happening take place "
    "comeca comecam comecou comecar inicia iniciam iniciou acontece aconteceu decorre decorrem decorrer "
    "realiza realizam realizou ocorre ocorreu ocorreram aconteceram deu deram")}


# Who goes with someone is said as "X e Y manterão conversas", "X, with Y,": no verb to look for.
_ALONGSIDE = re.compile(r"\b(?:acompanh\w*|accompan\w*)\b")


def misses_the_asked_event(sentence: str, question: str) -> bool:
    """Whether, asked when something happens or who did it, the sentence holds at most one of the
    question's words (names aside) and leaves out another that says what happens: "Quando reabre
    o museu de Bruges?" is not answered by the museum's theft "in February", nor "When was the
    museum founded?" by the paintings stolen "on Sunday", nor "Who won the by-election?" by the
    councillor who stepped down, which "called" it (not whom someone met: _WHOM)."""
    kind = asked_kind(question)
    # Whom someone meets is said in many ways ("verão o presidente", "manterá conversas com"):
    # only who did it is looked for by the deed, and only in a short question ("Who won the
    # by-election?"), where the one word left out is the deed; "Quem teve a ideia de enviar a
    # canção?" is answered by "The idea was hatched by Martin Lewis".
    if kind != "date" and (kind != "person" or _WHOM.search(fold(question)) or _ALONGSIDE.search(fold(question))):
        return False
    asked = _plain_stems(question)
    held = asked & _held_stems([sentence], 5)
    short = kind == "date" or len(asked) <= 2
    # A role is who, not what happens: "When was the singer born?" is answered by "Nascida a 2 de
    # maio de 1940…", whose subject is the sentence before's.
    roles = {w[:5] for w in words(fold(question)) if w in ROLES}
    return short and len(held) <= 1 and bool(asked - held - _WHEN_WORDS - roles)


# The words of a date itself: "No início deste mês", "Em maio de 2023", "até ao fim do ano".
_DATE_WORDS = {t[:5] for t in content_terms(
    "janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro january february "
    "march april may june july august september october november december segunda terca quarta quinta sexta sabado "
    "domingo feira monday tuesday wednesday thursday friday saturday sunday inicio fim final meados principio "
    "early late mid end beginning middle ontem hoje amanha yesterday today tomorrow tonight last next passado "
    "passada proximo proxima deste desta neste nesta this week weeks semana mes month ano year morning manha "
    "tarde noite afternoon evening night madrugada")}


def dated_only_elsewhere(sentence: str, question: str) -> bool:
    """Whether, asked when, every clause of the sentence that holds a date says something besides
    the date and none of the question's words: "When will the halt reopen?" is not answered by
    "…the railway halt, which closed in 1965". A clause of a date alone ("On February 4, NASA
    will…") dates the rest of the sentence."""
    if asked_kind(question) != "date":
        return False
    asked = _plain_stems(question)
    # "…cancelled until Friday, when forecasters expect the heat to ease": the "when" clause is
    # the date's.
    parts = [p for p in _WHEN_JOINED.split(sentence) if _DATE.search(fold(p))]
    said = [_plain_stems(p) - _DATE_WORDS - _WHEN_WORDS for p in parts]
    return bool(parts) and all(own and not asked & _held_stems([p], 5) for p, own in zip(parts, said))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _calendar_anchors(question: str) -> set[str]:
    """The days, months and years that pin the question down (anchors); its other numbers are
    another check's (counts_the_asked: "Quando foi isso, 18 pessoas morreram…?")."""
    return {m for m in anchors(question) if not m.isdigit() or _YEAR.fullmatch(m)}


# Names asked about one by one: a list or alternatives ("McCartney e Yoko Ono", "in Sumy or in Kryvyi
# Rih"), not a link between them.
_COORDINATED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*\s*(?:,|\b(?:and|or|nor|e|ou|nem)\b)\s*"
                          r"(?:(?:in|at|on|to|the|em|no|na|nos|nas|de|do|da|o|a)\s+)?[A-ZÀ-ÖØ-Þ]")


def _is_place_or_people(name: tuple[str, ...]) -> bool:
    """Like the `all(w in ALIASES …)` tests above, and a compound of such too ("Russia-Ukraine")."""
    return all(part in ALIASES for w in name for part in w.split("-") if part)


def _whole_names(found: list[tuple[str, ...]], question: str) -> list[tuple[str, ...]]:
    """Names joined by a small word in the question made one again: "Liga dos Campeões", "Across
    the Universe"."""
    folded, out = fold(question), []
    for name in found:
        if out and re.search(rf"\b{re.escape(out[-1][-1])}\s+(?:of the|of|the|de|do|da|dos|das|del)\s+"
                             rf"{re.escape(name[0])}\b", folded):
            out[-1] = out[-1] + name
        else:
            out.append(name)
    return out


def names_apart(question: str, sentences: Iterable[str], headlines: list[str]) -> list[str]:
    """The question's own names (own_subjects; countries and peoples aside) when the question ties
    two of them together and no sentence names two of them: "Why did Zelensky fly to Paris to meet
    Rubio?", "What did Yoko Ono say to Martin Lewis?" presume a link the article never makes. Empty
    when the names are a list or alternatives, asked about one by one."""
    own = _whole_names([n for n in own_subjects(question, headlines) if not _is_place_or_people(n)], question)
    if len(own) < 2 or _COORDINATED.search(question):
        return []
    if any(sum(_holds_name(n, _tokens(s)) for n in own) >= 2 for s in sentences):
        return []
    return [_label(n) for n in own]


_WITH_WHOM = re.compile(r"\b(?:with whom|com quem)\b|^who\b.*\bwith\W*$")


def names_stand_with_subjects(answer: str, question: str, sentences: list[str], headlines: list[str]) -> bool:
    """Whether each person or thing the answer names stands in a sentence with one of the
    question's names or places: asked who represents the UK, the model answered Witkoff, whom the
    article never puts beside the UK. Asked who comes from a country (one the headline does not
    name), the person stands beside that country, within NEAR_WORDS words: asked who will be at
    "the Paris talks for the UK", the model answered Witkoff again, who stands beside Paris; asked
    who attends from Ukraine, Witkoff and Rubio, 30 words before "the war in Ukraine"."""
    found = subjects(question)
    if not found:
        return True
    whole = _as_written_whole(found, [*sentences, *headlines])
    if not _given_names_stand_with(answer, question, sentences,
                                   lambda s, _: any(_holds_name(n, _tokens(s)) for n in whole), places=False):
        return False
    countries = [n for n in own_subjects(question, headlines) if all(w in ALIASES for w in n)]
    # Asked with whom the country meets, the answer names the other side, not one of its own.
    if not asks_for_persons(question) or not countries or _WITH_WHOM.search(fold(question)):
        return True
    q_tokens = _tokens(question)
    for name in (n for n in names(answer) if not _holds_name(n, q_tokens) and not _is_place_or_people(n)):
        holding = [s for s in sentences if _holds_name(name, _tokens(s))]
        if holding and not any(_near(c, name, s) for s in holding for c in countries):
            return False
    return True


def _as_written_whole(found: list[tuple[str, ...]], sentences: list[str]) -> list[tuple[str, ...]]:
    """Each one-word name as the article writes it whole, where only one of its names holds the
    word: "Ashworth" is "Ashworth Rovers", and "Rovers captain Jamie Okafor" speaks of it."""
    if all(len(name) > 1 for name in found):
        return list(found)  # most questions: no sentence's names are read
    article = {n for s in sentences for n in names(s) if len(n) > 1}
    out = []
    for name in found:
        holding = [n for n in article if name[0] in n] if len(name) == 1 else []
        out.append(holding[0] if len(holding) == 1 else name)
    return out


# A sentence that opens by pointing back at what the one before named: "Transtejo said… The
# company's chairman, Rui Santos, said…", "Its leader, Manuel Rocha", "Seu governo tomou medidas…".
_POINTS_BACK = re.compile(
    r"^\W*(?:its|his|her|their|he|she|they|seu|sua|seus|suas|o seu|a sua|os seus|as suas|ele|ela|eles|elas"
    r"|the (?:company|firm|group|union|council|ministry|operator|agency|government|club|party|bank|court"
    r"|association|airline|authority|department)(?:'s|’s)?"
    r"|a (?:empresa|companhia|associa[cç][aã]o|c[aâ]mara|autarquia|operadora|ag[eê]ncia|transportadora)"
    r"|o (?:sindicato|grupo|minist[eé]rio|clube|partido|banco|tribunal|governo|munic[ií]pio))\b",
    re.IGNORECASE)


_PRONOUN_FIRST = re.compile(r"^\W*(?:it|they|he|she|ele|ela|eles|elas)\s", re.IGNORECASE)


def opens_on_a_pronoun(sentence: str) -> bool:
    return bool(_PRONOUN_FIRST.match(sentence))


# "It cut its base rate…" after "…a setback for the Bank"; not a quote's "It" (the speaker's).
_IT_FIRST = re.compile(r"^\s*It\b")
# "…and the 25-year-old has signed a contract": news names someone by age alone only after naming them.
_BY_AGE = re.compile(r"\bthe \d{1,3}-year-old\b", re.IGNORECASE)


def points_back(sentence: str) -> bool:
    """Whether the sentence opens by pointing back at what the one before named (_POINTS_BACK), or
    names someone by age alone (_BY_AGE)."""
    return bool(_POINTS_BACK.match(sentence) or _IT_FIRST.match(sentence) or _BY_AGE.search(sentence))


def with_antecedents(sentences: list[str]) -> list[str]:
    """The sentences of one passage, in order, each that opens by pointing back (points_back)
    followed by the names of the one before: the chairman of "The company's chairman, Rui Santos"
    stands beside Transtejo, which the sentence before names. So too the names the sentence
    repeats by their noun (_named_by_noun)."""
    out = []
    for i, sentence in enumerate(sentences):
        # The one before as linked in turn: "…a setback for the Bank… It cut its base rate… Its
        # Monetary Policy Committee next meets on 18 September" is the Bank's committee.
        before = (names(out[i - 1]) if points_back(sentence)
                  else _named_by_noun(sentences[i - 1], sentence)) if i else []
        out.append(sentence + "".join(" (" + " ".join(w.title() for w in n) + ")" for n in before))
    return out


_OF = {"de", "da", "do", "das", "dos", "of", "the"}


def _named_by_noun(before: str, sentence: str) -> list[tuple[str, ...]]:
    """The names of the sentence before that this one repeats by the noun they stood beside: "A
    freguesia de Favaios foi a mais atingida." then "…cerca de 640 hectares de vinha, 38% da área de
    vinha da freguesia" speaks of Favaios; "The Favaios parish…" then "the parish's vines" too."""
    held = {w[:5] for w in words(fold(sentence)) if len(w) > 3 and w not in STOPWORDS}
    toks = words(fold(before))
    found = []
    for name in names(before):
        if _holds_name(name, _tokens(sentence)):
            continue
        for i in range(len(toks) - len(name) + 1):
            if tuple(toks[i:i + len(name)]) != name:
                continue
            j = i - 1
            while j >= 0 and toks[j] in _OF:
                j -= 1
            beside = [toks[j]] if j >= 0 and j < i - 1 else []  # "freguesia de Favaios"
            beside += toks[i + len(name):i + len(name) + 1]  # "Favaios parish"
            if any(len(w) > 3 and w not in STOPWORDS and w[:5] in held for w in beside):
                found.append(name)
                break
    return found


# How far (in words) a person stands from the country a "who … from <country>" question asks of:
# "the Ukrainian foreign minister", "o secretário … do Reino Unido, David Lammy"; not Witkoff, 30
# words before "the war in Ukraine".
NEAR_WORDS = 10


def _near(place: tuple[str, ...], name: tuple[str, ...], sentence: str) -> bool:
    """Whether `name` stands within NEAR_WORDS words of `place` in the sentence (True when the
    sentence does not hold the name: other checks see to that)."""
    tokens = [fold(w) for w in words(sentence)]
    at_name = [i for i, t in enumerate(tokens) if _holds_word(t, set(name))]
    at_place = [i for i, t in enumerate(tokens) if _holds_name(place, {t})]
    return not at_name or any(abs(i - j) <= NEAR_WORDS for i in at_name for j in at_place)


def numbers_stand_with_subjects(answer: str, question: str, sentences: list[str], headlines: list[str]) -> bool:
    """Whether each number the answer adds stands in a sentence with one of the question's names or
    places, those a headline names aside (every sentence of a story speaks of what its headline
    names): asked how many were injured in Kryvyi Rih, the model answered 117, the Sumy figure,
    from a sentence that never names Kryvyi Rih."""
    own = own_subjects(question, headlines)
    added = numbers(answer) - numbers(question)
    asked, others = _headline_subjects(question, headlines, own) if added else ([], [])
    # Asked who, the number beside the name answered describes it: "The Grand Jury Prize went to
    # "Cold Harbour", a 97-minute Norwegian thriller".
    answered = _tokens(answer) if asked_kind(question) in ("name", "person") else set()
    for number in added:
        holding = [s for s in sentences if number in numbers(s)]
        if own and holding and not any(_holds_name(n, _tokens(s)) and not _nearer_someone_else(number, n, s, answered)
                                       for s in holding for n in own):
            return False
        # Each sentence holding it names another of the things a headline lists, and not the one
        # asked: "Matemática A sobe…, Português e Física e Química descem" speaks of three subjects,
        # and the 27% of "Em Física e Química A, … 27% dos alunos tiveram negativa" is no share of
        # Maths A.
        if asked and others and holding and all(not any(_holds_name(n, _tokens(s)) for n in asked)
                                                and any(_holds_name(o, _tokens(s)) for o in others) for s in holding):
            return False
    return True


def _headline_subjects(question: str, headlines: list[str],
                       own: list[tuple[str, ...]]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The question's names a headline holds (those `own`, its own_subjects, leaves out), and the
    headline's other names, places and peoples aside."""
    q_tokens = _tokens(question)
    asked = [n for n in subjects(question) if n not in own]
    # A headline's first word is capitalised whatever it is: "Sismo de magnitude 4,7…" names no
    # earthquake, a word the lexicon knows.
    named = [n for h in headlines for at, n in _name_runs(h.strip()) if at or len(n) > 1 or n[0] not in TRANSLATIONS]
    others = [n for n in named if not _holds_name(n, q_tokens) and not _is_place_or_people(n)]
    return asked, others


_ASKS_AGE = re.compile(r"\b(how old|(que|qual e a|qual a) idade|quantos anos tem)\b")
_AGE = re.compile(r"\b(\d{1,3})(?:-year-old| years old| anos de idade)|\baged (\d{1,3})\b|\bde (\d{1,3}) anos\b"
                  r"|,\s(\d{1,3}),|\bat the age of (\d{1,3})\b"
                  # "morreu aos 84 anos", "quando tinha 21 anos"; not "com 30 anos de carreira"
                  r"|\b(?:aos|com|tinha) (\d{1,3}) anos\b(?! de (?!idade))")


def gives_an_age(sentence: str) -> bool:
    """Whether the sentence gives someone's age ("The 26-year-old took…", "Ms Doyle, 54,")."""
    return bool(_AGE.search(fold(sentence)))


def gives_the_asked_age(sentence: str, question: str) -> bool:
    """Whether, asked a named person's age, the sentence gives an age that no one else named stands
    nearer (_nearer_someone_else): "Megan Price, a 29-year-old teacher, … Owen Jenkins" gives no
    age of Jenkins. Other questions: True."""
    people = [n for n in names(question) if not _is_place_or_people(n)]
    if not _ASKS_AGE.search(fold(question)):
        return True
    if not people:  # of a thing, a time to come or a distance is no age (ages_as_written)
        return not numbers(sentence) or bool(numbers(sentence) - numbers(question) - _years_ahead(sentence))
    ages = _written_ages(sentence)
    tokens = _tokens(sentence)
    return any(_holds_name(n, tokens) and not _nearer_someone_else(age, n, sentence) for age in ages for n in people)


def ages_as_written(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked a person's age, each number the answer adds is written as an age where the
    article holds it ("a 29-year-old teacher", "de 61 anos"): "investiga o sono dos adolescentes
    há 20 anos" gives how long Helena Bastos has worked, not her age. Not asked of a person ("Que
    idade tem a NASA?": its 50th anniversary), or of no one named: True."""
    people = [n for n in names(question) if not _is_place_or_people(n)]
    acronyms = {fold(w) for w in re.findall(r"\b[A-Z]{2,}\b", question)}
    if not _ASKS_AGE.search(fold(question)):
        return True
    added = numbers(answer) - numbers(question)
    ages = set().union(*map(_written_ages, sentences))
    if not [n for n in people if not set(n) <= acronyms]:
        # Of a thing too, the time something will take or a distance is no age: "Quantos anos tem a
        # canção?" is not answered by "it will take 431 years for the song to reach the star".
        return not added & set().union(*map(_years_ahead, sentences)) - ages
    return all(number in ages for number in added)


def _years_ahead(text: str) -> set[str]:
    """The numbers the text writes as years to come or as a distance ("will take 431 years", "431
    light years")."""
    return {n for m in _YEARS_AHEAD.finditer(fold(text)) for n in numbers(m.group(0))}


def _takes(amount: str, en_units: str, pt_units: str) -> str:
    """A folded pattern for the time something will take: "it will take 431 years", "vai levar
    cerca de dez dias", "levará 431 anos" (_DATE and _YEARS_AHEAD read it alike)."""
    return (rf"(?:will|would|to) take (?:about |around |some |nearly |almost )?{amount} {en_units}"
            rf"|(?:(?:vai|vao|ira|irao) (?:levar|demorar)|levara|levarao|demorara|demorarao)"
            rf" (?:cerca de |perto de |quase )?{amount} {pt_units}")


_YEARS_AHEAD = re.compile(r"\b(?:" + _takes(r"[\d.,]+", "years", "anos") + r")\b"
                          r"|\b[\d.,]+ light[- ]years?\b|\b[\d.,]+ anos[- ]luz\b")


def _written_ages(text: str) -> set[str]:
    """The ages the text writes as ages ("a 29-year-old", "de 61 anos", "Joaquim Ferreira, 61,")."""
    return {g for m in _AGE.finditer(text) for g in m.groups() if g}


def _where_written(number: str, text: str) -> list[re.Match]:
    """Where the text writes the number (as numbers() reads it: "1,204" is 1204)."""
    return [m for m in number_matches(text) if number in numbers(m.group(0))]


def _nearer_someone_else(number: str, name: tuple[str, ...], sentence: str, answered: set[str] = frozenset()) -> bool:
    """Whether someone else, named in full, stands within three words of the number and `name`
    does not: in "Megan Price, a 29-year-old teacher, took 1,204 votes, 37 more
    than … Owen Jenkins", 29 is Price's age, not Jenkins's. Names `answered` (tokens) are no one else."""
    starts = [m.start() for m in re.finditer(r"\S+", sentence)]
    at = lambda offset: bisect.bisect_right(starts, offset) - 1  # noqa: E731 - the word an offset is in
    spots = [at(m.start()) for m in _where_written(number, sentence)]
    runs = [(at(start), n) for start, n in _name_runs(sentence)]
    mine = [i + k for i, n in runs if _holds_name(name, set(n)) for k in range(len(n))]
    others = [i + k for i, n in runs if len(n) > 1 and not _holds_name(name, set(n)) and not _holds_name(n, set(name))
              and not _is_place_or_people(n) and not _holds_name(n, answered) for k in range(len(n))]
    if not spots or not mine or not others:
        return False
    gap = lambda where: min(abs(i - j) for i in spots for j in where)  # noqa: E731
    return gap(others) <= 3 < gap(mine)


# What a "how many" question counts, in news of attacks and disasters, one key for both languages:
# asked how many were injured in Kryvyi Rih, the model gave the 18 who died there; asked how many
# children died, the 18 people.
_TOLLS = {
    "dead": r"died|dies|dead|deaths?|killed|killing|kills?|fatalit\w*|morre\w*|morri\w*|mort[oa]s?|mortes?"
            r"|mat(?:ou|aram|ando|ar|am)|falec\w*",
    "injured": r"injur\w*|wounded|wounds?|hurt|ferid[oa]s?|feri(?:u|ram|ndo|r|mentos?)",
    "missing": r"missing|disappear\w*|desaparec\w*",
    "arrested": r"arrest\w*|detain\w*|detid[oa]s?|detiveram|pres[oa]s|prend\w*",
    "displaced": r"displaced|evacuat\w*|fled|flee\w*|deslocad[oa]s?|evacua\w*|desalojad[oa]s?|fugi\w*|retirad[oa]s|retirar"
                 r"|homeless|(?:leave|leaving|left) (?:their |his |her )?homes?|deixa\w* (?:as |a |suas? )?casas?"
                 r"|sem casa",
    "children": r"child|children|kids?|minors?|under-?1\ds?|crianc[ae]s?|menores|filhos",  # "Under-16s keep paying £1"
    "civilians": r"civilians?|civis|civil",
    "soldiers": r"soldiers?|troops|servicemen|soldados|militares|tropas",
    "women": r"women|woman|mulher(?:es)?",
    # Asked what something costs, a count of stops or passengers is no price.
    # (Whole words: not the "custo" of "customers", the "invest" of "investigators", the "gast" of
    # "gastroenterite".)
    "money": r"costs?|costing|price[sd]?|paid|pays?|spen[dt]\w*|money|funds?|funding|budget\w*|euros?"
             r"|invest(?:s|ed|ing|ments?|ors?|ir|iu|e|em|imentos?|id[oa]s?)?"
             r"|dollars?|pounds|custa\w*|custos?|custou|preco\w*|pag(?:a|am|ar|ou|aram|o|ando)"
             r"|gast(?:a|am|ar|ou|aram|os?|ando)"
             r"|dinheiro|fundos?|financ\w*|orcament\w*|dolares|libras|reais",
}
_TOLL_RES = {key: re.compile(rf"\b({pattern})\b") for key, pattern in _TOLLS.items()}


def tolls(text: str) -> set[str]:
    """What the text counts (keys of _TOLLS): the dead, injured, missing, arrested, displaced, and
    children, civilians, soldiers, women; and money."""
    folded = fold(text)
    found = {key for key, pattern in _TOLL_RES.items() if pattern.search(folded)}
    return found | {"money"} if re.search(r"[€$£]", text) else found


def counts_the_asked(sentence: str, question: str) -> bool:
    """Whether the sentence counts what a "how many" question counts (any sentence, for another
    question); a span of time answers only a question of time ("há mais de vinte anos" is no
    count of Sacavém's residents)."""
    if asked_kind(question) != "number":
        return True
    return (tolls(question) <= tolls(sentence) and (_asks_time(question) or not _only_spans_of_time(sentence, question))
            and counts_the_noun(sentence, question))


_TIME_QUESTION = re.compile(r"\b(how (long|old|fast|quickly|soon)|tempo|idade|anos?|years?|old|days?|dias?|hours?|horas?|months?"
                            r"|meses|weeks?|semanas?|minut\w*|decades?|decadas?|seculos?|centur\w*)\b")


def _asks_time(question: str) -> bool:
    return bool(_TIME_QUESTION.search(fold(question)))


def _only_spans_of_time(sentence: str, question: str) -> bool:
    """Whether every count the sentence adds to the question is followed by a unit of time."""
    tokens = words(fold(sentence))
    added = (counts(sentence) - numbers(question)) | (number_words(sentence) - number_words(question))
    at = [i for i, t in enumerate(tokens) if t in added or numbers(t) & added]
    return bool(at) and all(_unit_follows(tokens, i) for i in at)


def _unit_follows(tokens: list[str], i: int) -> bool:
    """Whether a unit of time comes within two words after tokens[i] ("27 days", "24 horas")."""
    return any(t[:4] in _UNIT_STEMS for t in tokens[i + 1:i + 3])


# "How long…?", "Quanto tempo…?", "Há quantos dias…?": a span of time is asked.
_DURATION = re.compile(r"\b(how long|quanto tempo|how many (days|hours|weeks|months|years|minutes)"
                       r"|quant[oa]s (dias|horas|semanas|meses|anos|minutos))\b")


def spans_stand(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether each span of time a "how long" answer gives (a number before a unit of time) stands
    so in a sentence that holds the number: asked how long the 2018 fire lasted, the model made
    "27 days" of "queimou cerca de 27 mil hectares durante uma semana". A year it restates ("Em maio
    de 2023, … em 24 horas") is no span."""
    if not _DURATION.search(fold(question)):
        return True
    # A clock time is when, not how long: "The recount took 2.40am."
    given = numbers(answer) - numbers(question)
    if given and not _spans(answer) and not numbers(_CLOCK_TIME.sub(" ", answer)) - numbers(question):
        return False
    for number in _spans(answer) - numbers(question):
        holding = [s for s in sentences if number in numbers(s)]
        if holding and not any(number in _spans(s) for s in holding):
            return False
    # In the unit the article gives it: "pelo menos dois meses" is not its "next two weeks".
    written = set().union(*map(_spans_in_units, sentences))
    values = {v for v, _ in written}
    return all(span in written for span in _spans_in_units(answer)
               if span[0] in values and span[0] not in numbers(question))


def _span_tokens(text: str) -> list[str]:
    """The text's words and numbers as _spans reads them ("2.40", "48-hour" as "48" and "hour")."""
    return re.findall(r"[^\W_]+(?:[.,]\d+)*", fold(text))


def _spans_in_units(text: str) -> set[tuple[str, str]]:
    """Each number, in digits or words, just before a unit of time, with the unit's kind ("two
    weeks" -> ("2", "w"), "9 meses" -> ("9", "m"))."""
    tokens = _span_tokens(text)
    out = set()
    for i, t in enumerate(tokens):
        found = numbers(t)
        value = next(iter(found)) if found else _WORD_VALUES.get(t)
        unit = next((_UNIT_KINDS[u[:4]] for u in tokens[i + 1:i + 2] if u[:4] in _UNIT_KINDS), None)
        if value and unit:
            out.add((value, unit))
    return out


_CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[.:h]\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\s*(?:am|pm|a\.m\.|p\.m\.)|h)(?!\w)"
                         # "às 11 horas", "at 11 o'clock"
                         r"|\b(?:[àa]s|at) \d{1,2}(?: horas| o'?clock)\b", re.IGNORECASE)


def _spans(text: str) -> set[str]:
    """The numbers of the text that stand just before a unit of time ("27 days", "24 horas", "a
    48-hour strike")."""
    tokens = _span_tokens(text)
    return {n for i, t in enumerate(tokens) for n in numbers(t) if _unit_follows(tokens, i)}


# "Quantos empregos…", "How many homes…": the noun a "how many" question counts.
_COUNTED = re.compile(r"\b(?:how many|quant[oa]s)\s+(?:(?:of the|of|d[aeo]s?)\s+)?([a-z]\w+)")
COUNTED_WITHIN = 4  # words either side of a count


def counted_noun(question: str) -> str | None:
    """The noun a "how many" question counts, when it is no toll (_TOLLS) and no unit of time:
    "empregos" in "Quantos empregos criou o projeto?", "lobsters" in "How many lobsters are caught
    each year?"."""
    match = _COUNTED.search(fold(question))
    if not match or match.group(1) in STOPWORDS or match.group(1)[:4] in _UNIT_STEMS or tolls(question):
        return None
    return match.group(1)


# "Quantas pessoas visitaram…?" is answered by "1.500 visitantes": people are counted under the
# names of what they do or where they live, but households are not people. (The dead and the
# injured are tolls, checked apart.)
_PEOPLE = {"pessoas", "people", "persons", "individuos", "individuals"}
_PEOPLE_NAMED = _PEOPLE | set("""
visitantes visitors moradores residents habitantes inhabitants trabalhadores workers funcionarios employees
leitores readers alunos estudantes students passageiros passengers espectadores spectators adeptos fans
turistas tourists utentes users participantes participants manifestantes protesters eleitores voters
signatures assinaturas signatarios signatories
""".split())


def counts_the_noun(sentence: str, question: str, wanted: set[str] | None = None) -> bool:
    """Whether a count of the sentence (one of `wanted`, when given) stands within a few words of
    the noun the question counts, or of its translation: asked how many jobs the project made, the
    "18" of "each 18 metres tall" is none; asked how many households, "3,500 homes" is not
    "2,100 households". True when the question counts no such noun."""
    noun = counted_noun(question)
    if noun is None:
        return True
    # The noun by five letters, a translation whole: "house" is not "households".
    translations = TRANSLATIONS.get(noun, set()) | (_PEOPLE_NAMED if noun in _PEOPLE else set())
    folded = fold(sentence)
    # An interview's answer under its question ("P: Quantos estudantes estrangeiros tem a UVS? R:
    # Este ano letivo são 1.850"): the question says what the answer's count counts.
    asked_here = counted_noun(folded.split("?")[0] + "?") if "?" in folded else None
    if asked_here and (asked_here[:5] == noun[:5] or asked_here in translations):
        after = folded.split("?", 1)[1]
        # (a share is no count: "Cerca de 40% vêm do Brasil")
        return any((wanted is None or numbers(m.group(0)) & wanted)
                   and not re.match(r"\s*(?:%|por ?cento|per ?cent)", after[m.end():])
                   for m in number_matches(after))
    spots = [m for m in number_matches(folded) if wanted is None or numbers(m.group(0)) & wanted]
    spots += [m for m in _NUMBER_WORD.finditer(folded) if wanted is None or _WORD_VALUES.get(m.group(0)) in wanted]
    # "It is the third ferry strike this year" counts three.
    spots += [m for m in re.finditer(r"\w+", folded) if wanted and _ORDINAL_VALUES.get(m.group(0)) in wanted]
    # (a plural the lexicon lists as a singular: "four times" of "vezes", which lists "time")
    return any(w[:5] == noun[:5] or w in translations or w.rstrip("s") in translations
               for m in spots
               for w in words(folded[:m.start()])[-COUNTED_WITHIN:] + words(folded[m.end():])[:COUNTED_WITHIN])


def numbers_count_the_asked(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether each number the answer adds to a "how many" question stands in a sentence that counts
    what the question counts, in the number's own clause when that clause says what it counts: the
    18 who "morreram" in Kryvyi Rih are not its injured, nor the 117 of "matou pelo menos 35 pessoas
    e feriu 117" its dead."""
    if asked_kind(question) != "number":
        return True
    # How long they were "presos" (stuck) asks for no count of the arrested.
    asked = set() if _DURATION.search(fold(question)) else tolls(question)
    for number in counts(answer) - numbers(question):
        holding = [s for s in sentences if number in numbers(s)]
        if not holding:
            continue
        if asked and not any(asked <= _tolls_beside(number, s) for s in holding):
            return False
        if not any(counts_the_noun(s, question, {number}) or _counts_as_before(number, s, sentences, question)
                   for s in holding):
            return False
    # A count in words, by the noun counted: asked how many Frescomar supermarkets the recall covers,
    # "two" is the "dois lotes" of "A cadeia de supermercados Frescomar anunciou … a recolha de dois lotes".
    asked_values = _values(question)
    for _, value in _lone_number_words(strip_markers(answer)):
        holding = [s for s in sentences if value in _values(s)] if value not in asked_values else []
        if holding and not any(counts_the_noun(s, question, {value}) for s in holding):
            return False
    return True


# "foram cancelados 87 voos. Outros 14 foram desviados": a count whose noun is left out after
# "outros", "another", "more", followed by no noun of its own.
_ELIDED_BEFORE = re.compile(r"\b(?:outr[oa]s|other|another|mais|more|further)\s+$")


def _counts_as_before(number: str, sentence: str, sentences: list[str], question: str) -> bool:
    """Whether the number counts, with its noun left out, what a count before it counts: in its
    sentence or the one before (counts_the_noun)."""
    folded = fold(sentence)
    elided = [m for m in number_matches(folded) if numbers(m.group(0)) == {number}
              and _ELIDED_BEFORE.search(folded[:m.start()])
              and all(w in STOPWORDS or w in AUXILIARIES for w in words(folded[m.end():])[:1])]
    if not elided:
        return False
    at = sentences.index(sentence)
    before = folded[:elided[0].start()] + " " + (fold(sentences[at - 1]) if at else "")
    return counts_the_noun(before, question)


_PERCENT_WORDS = r"per ?cent|por cento|percentage points?|pontos percentuais"
_AS_PERCENT = re.compile(rf"\s?(?:%|(?:{_PERCENT_WORDS})\b)", re.IGNORECASE)


def _as_percents(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", m.group(0)) for m in number_matches(text) if _AS_PERCENT.match(text, m.end())}


def percents_unwritten(answer: str, sentences: list[str]) -> list[str]:
    """The numbers of the article that the answer gives as a percentage where the article never
    writes them as one: "Physics and Chemistry had a 10.1% decrease" of "a média caiu de 10,6 para
    10,1" (a grade out of 20)."""
    given = _as_percents(strip_markers(answer))
    if not given:
        return []
    written = set().union(*(_as_percents(s) for s in sentences))
    return sorted(n for n in given - written if any(n in numbers(s) for s in sentences))


def numbers_stand_in_the_asked_year(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether each number the answer adds stands in a sentence of the year the question names,
    or in one that names no year: asked the quota of 2022, the 42,500 tonnes "para 2027" are
    another year's. Asked about now, a number only a story's background gives ("Em 2005, … a 40
    aldeias") is another year's too."""
    asked = {m for m in _calendar_anchors(question) if _YEAR.fullmatch(m)}
    if not asked:
        return not asks_of_now(question) or not any(
            _only_of_another_time(number, sentences) for number in counts(answer) - numbers(question)
            if not _YEAR.fullmatch(number))
    # Where the story tells of the asked year as its past ("Em 2012, um estudo semelhante…"), a
    # sentence naming no year tells of its present: asked the share of 2012, "71% dos jovens" is now.
    past = any(m and set(_YEAR.findall(m.group(0))) & asked for m in map(_OPENS_ON_A_YEAR.match, sentences))
    for number in counts(answer) - numbers(question):
        if _YEAR.fullmatch(number):
            continue
        holding = [set(_YEAR.findall(s)) for s in sentences if number in numbers(s)]
        if holding and all((years or past) and not years & asked for years in holding):
            return False
    return True


# A question about the present: "How many villages need water trucks this year?", "…so far?".
_NOW = re.compile(r"\b(this year|n?este ano|so far|(?:right )?now|agora|ate (?:agora|ao momento)|currently"
                  r"|atualmente|at the moment|neste momento|today|hoje)\b")
# A sentence that opens on a year tells of that year: "Em 2005, uma seca semelhante obrigou…".
_OPENS_ON_A_YEAR = re.compile(r"^\W*(?:in|em|no ano de|in the year)\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _only_of_another_time(number: str, sentences: list[str]) -> bool:
    """Whether every sentence holding the number tells of a past year, or adds it to what is there
    now ("plans to hire 60 more engineers" is no count of the engineers it has)."""
    holding = [s for s in sentences if number in numbers(s)]
    return bool(holding) and all(tells_of_a_past_year(s) or _adds(number, s) for s in holding)


def _adds(number: str, sentence: str) -> bool:
    return any(number in numbers(m.group(0)) for m in _INCREMENT.finditer(sentence))


# "60 more engineers", "18 novos elétricos", "mais 60", "another 300", "outros 300".
_INCREMENT = re.compile(r"\b\d[\d.,]*\s+(?:more|additional|extra|new|nov[oa]s)\b"
                        r"|\b(?:mais|another|outr[oa]s)\s+\d[\d.,]*", re.IGNORECASE)


def asks_of_now(question: str) -> bool:
    return bool(_NOW.search(fold(question)))


def tells_of_a_past_year(sentence: str) -> bool:
    """Whether the sentence opens on a year, as a story's background does: a question about now is
    not answered by "Em 2018, um incêndio na mesma serra queimou cerca de 27 mil hectares"."""
    return bool(_OPENS_ON_A_YEAR.match(sentence))


# Where one coordinated clause ends and the next begins: "as obras começam em 2027 e a linha
# deverá abrir em 2030". (Commas would cut a leading date off its clause: "Em maio de 2023, …")
_CONJUNCTION = r"\s(?:and|e|while|enquanto|but|mas)\s"
_COORDINATION = re.compile(r";\s|" + _CONJUNCTION)
_ENDS_NAMED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*\W*$")
_STARTS_NAMED = re.compile(r"^\W*(?:(?:the|a|o|as|os)\s+)?[A-ZÀ-ÖØ-Þ]")


def _clauses(sentence: str) -> list[str]:
    """The sentence cut where one clause ends and the next begins, not where "and" joins two names:
    "resolver a guerra entre a Rússia e a Ucrânia “em 24 horas”" is one clause."""
    parts, start = [], 0
    for m in _COORDINATION.finditer(sentence):
        if _ENDS_NAMED.search(sentence[:m.start()]) and _STARTS_NAMED.search(sentence[m.end():]):
            continue
        parts.append(sentence[start:m.start()])
        start = m.end()
    return parts + [sentence[start:]]


def dates_stand_with_the_asked(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether each year, day or hour a "when" answer adds stands in a clause of the article that
    speaks of the thing asked (shares_a_word), and not far less than another dated clause does:
    asked when the line was approved, the model gave the 2027 of "as obras começam no segundo
    semestre de 2027"."""
    if asked_kind(question) != "date":
        return True
    # Nor where it speaks of less than half the question and another dated clause of twice as
    # much: asked when the plant began supplying electricity, "Construction began in June 2022"
    # shares "began"; "began supplying electricity to the local grid on Monday" shares two words.
    # (A clause sharing no word at all fails this too.)
    best = max((share_of_words(p, question) for s in sentences for p in _clauses(s) if _DATE.search(fold(p))),
               default=0.0)
    for number in numbers(answer) - numbers(question):
        parts = [p for s in sentences if number in numbers(s) for p in _clauses(s) if number in numbers(p)]
        share = max((share_of_words(p, question) for p in parts), default=1.0)
        if share < 0.5 and 2 * share <= best:
            return False
    return True


def numbers_stand_with_the_asked(answer: str, question: str, sentences: list[str], headlines: list[str]) -> bool:
    """Whether each number a "how many / how much" answer adds stands in a sentence that speaks of
    the thing asked (share_of_words, the headline's words aside) not far less than another sentence
    with a count does: asked how much the company was fined, the model gave the 38 million of "A
    empresa faturou 38 milhões", not the "multa de 2,4 milhões"; asked the Labour candidate's
    votes, the winner's 1,204."""
    if asked_kind(question) != "number":
        return True
    headline = " ".join(headlines)
    best = max((count_share(s, question, headline) for s in sentences), default=0.0)
    for number in numbers(answer) - numbers(question):
        share = max((share_of_words(s, question, headline) for s in sentences if number in numbers(s)), default=1.0)
        if share < 0.5 and 2 * share <= best and best > 0:
            return False
    return True


# "37 more than the Liberal Democrat candidate": a difference, not the candidate's votes.
_MORE_THAN = re.compile(r"^\W*(?:[^\W\d]+\s+){0,2}?(?:more|fewer|less|mais|menos)\s+(?:than|do que|que)\b",
                        re.IGNORECASE)
_ASKS_DIFFERENCE = re.compile(r"\b(more|fewer|less|mais|menos|margin|margem|diferenc\w*|difference|by how (many|much)"
                              r"|por quant[oa]s|lead|vantagem)\b")


# The new one and the old one: "Quanto custou a antiga urgência?" is not answered by what "uma
# nova urgência … custou".
_OPPOSITES = [(set("new novo nova novos novas".split()),
               set("old antigo antiga antigos antigas former previous anterior".split()))]


def _of_the_other_one(clause: str, question: str) -> bool:
    """Whether the clause says new where the question says old (or the reverse), and not both."""
    q, c = _tokens(question), _tokens(clause)
    return any((q & a and c & b and not c & a) or (q & b and c & a and not c & b) for a, b in _OPPOSITES)


def numbers_of_the_other_one(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether a number the answer adds stands only in clauses on the other one of a new and an
    old thing (_OPPOSITES)."""
    for number in numbers(answer) - numbers(question):
        parts = [p for s in sentences for p in _clauses(s) if number in numbers(p)]
        if parts and all(_of_the_other_one(p, question) for p in parts):
            return True
    return False


def counts_only_the_other_one(sentence: str, question: str) -> bool:
    """Whether, asked how many or how much, every clause of the sentence with a count speaks of the
    other one of a new and an old thing (_OPPOSITES)."""
    if asked_kind(question) != "number" and not _PRICE.search(_outside_names(question)):
        return False
    parts = [p for p in _clauses(sentence) if _own_counts(p, question)]
    return bool(parts) and all(_of_the_other_one(p, question) for p in parts)


def gives_a_difference(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked how many (not how many more), the answer gives a number that the article
    writes only as a difference ("37 more than … Owen Jenkins" for "How many votes did Owen Jenkins
    get?")."""
    if asked_kind(question) != "number" or _ASKS_DIFFERENCE.search(fold(question)):
        return False
    for number in numbers(answer) - numbers(question):
        spots = [s[m.end():] for s in sentences for m in _where_written(number, s)]
        if spots and all(_MORE_THAN.match(after) for after in spots):
            return True
    return False


def count_share(sentence: str, question: str, headline: str = "") -> float:
    """How much of the question (share_of_words) a sentence with a count of its own speaks of; 0
    for one without. (By sentence, not clause: in "um ataque míssil russo matou 35 pessoas e feriu
    117", the 117 is the attack's too.)"""
    return share_of_words(sentence, question, headline) if _own_counts(sentence, question) else 0.0


_DATED_YEAR = re.compile(
    r"\b(?:in|em|since|desde|de|of|until|ate|after|before|apos|antes|depois|by)\s+((?:19|20)\d\d)\b")


def _own_counts(text: str, question: str) -> set[str]:
    """The counts of the text that the question does not hold and that date nothing."""
    return counts(text) - numbers(question) - _dated_years(text)


def _dated_years(text: str) -> set[str]:
    """The years the text dates something by ("em 2020", "since 2012"): no count of anything."""
    return set(_DATED_YEAR.findall(fold(text)))


# Where one count ends and the next begins: "killed 35, injured 117", "matou 35 pessoas e feriu 117".
_CLAUSE_BREAK = re.compile(r"[,;:]\s|" + _CONJUNCTION)
# The same, but a clause that says when or where goes with the one before ("until Friday, when…").
_WHEN_JOINED = re.compile(r"(?:[,;:]\s|" + _CONJUNCTION + r")(?!(?:when|quando|em que|on which|where|onde)\b)")


def dates_the_asked(sentence: str, question: str) -> bool:
    """Whether, asked when, the sentence holds a date in a clause that speaks of the thing asked
    (True for other questions). Asked "When do the talks start?", "um confronto acalorado na Casa
    Branca em fevereiro, onde o líder dos EUA repreendeu o presidente da Ucrânia por não iniciar
    conversas de paz" dates a confrontation; "Marco Rubio manterá conversas … ainda na quinta -feira"
    dates the talks."""
    if asked_kind(question) != "date":
        return True
    return any(_DATE.search(fold(part)) and shares_a_word(part, question) for part in _CLAUSE_BREAK.split(sentence))


def _tolls_beside(number: str, sentence: str) -> set[str]:
    """What the sentence counts in the clause of `number`, or in the whole sentence when that clause
    names nothing counted ("35 people, including two children, died")."""
    clause = next((c for c in _CLAUSE_BREAK.split(sentence) if number in numbers(c)), "")
    return tolls(clause) or tolls(sentence)


# Calendar words a question can pin an answer to, one key for both languages. Words that are also
# something else are only taken in a date's shape ("may" the verb, "Marco" Rubio, "quinta" = fifth).
_TIMES = {
    "last-week": r"last week|(a )?semana passada", "this-month": r"this month|(deste|este) mes",
    "last-month": r"last month|mes passado", "last-year": r"last year|ano passado",
    "yesterday": r"yesterday|ontem", "today": r"today|hoje", "tomorrow": r"tomorrow|amanha",
    "monday": r"monday|segunda ?-?feira", "tuesday": r"tuesday|terca ?-?feira",
    "wednesday": r"wednesday|quarta ?-?feira", "thursday": r"thursday|quinta ?-?feira",
    "friday": r"friday|sexta ?-?feira", "saturday": r"saturday|sabado", "sunday": r"sunday|domingo",
    "january": r"january|janeiro", "february": r"february|fevereiro", "march": r"march|\d+ de marco|marco de \d+",
    "april": r"april|abril", "may": r"may \d+|\d+ may|maio", "june": r"june|junho", "july": r"july|julho",
    "august": r"august|agosto", "september": r"september|setembro", "october": r"october|outubro",
    "november": r"november|novembro", "december": r"december|dezembro",
}
# ("marco" alone is Marco Rubio, not March.)
_CALENDAR_NAMES = {w for key, pattern in _TIMES.items() if "-" not in key
                   for w in re.findall(r"[a-z]{3,}", pattern) if w not in ("feira", "marco")}
_TIME_RES = {key: re.compile(rf"\b({pattern})\b") for key, pattern in _TIMES.items()}


def marks(text: str) -> set[str]:
    """The numbers of a text and the calendar words that pin a fact down, each under one key for
    English and Portuguese ("Thursday" = "quinta-feira"), and a clock's time as on a 24-hour clock
    ("7pm", "7:00 PM" and "19h00" hold "19:00", as "19:00" does)."""
    folded = fold(text)
    clocks = [m for m in _CLOCK.finditer(text) if _on_the_24_hour_clock(m)]
    # (each time once: "12:00 am" is "0:00", no longer "12:00" too)
    rest = text
    for m in reversed(clocks):
        rest = rest[:m.start()] + " " + rest[m.end():]
    return (set(numbers(rest)) | {key for key, rx in _TIME_RES.items() if rx.search(folded)}
            | {_on_the_24_hour_clock(m) for m in clocks})


# A date after "since" or "before" bounds the answer's time, it is not the answer's date: "What has
# his government done since May 2023?" is answered by a sentence without May 2023.
_BOUNDARY = re.compile(r"\b(?:since|after|before|until|desde|depois d[eoa]s?|apos|antes d[eoa]s?)"
                       r"((?:\W+[\w-]+){1,3})")


def anchors(question: str) -> set[str]:
    """The question's marks that pin its answer down: those of a boundary ("since May 2023") aside."""
    return marks(_BOUNDARY.sub(" ", fold(question)))


def holds_marks(sentence: str, question: str) -> bool:
    """Whether the sentence holds every number and calendar word that pins the question down."""
    return anchors(question) <= marks(sentence)


_SAID = re.compile(r"\b(said|says|told|tells|stated|added|disse|diz|dizia|afirmou|declarou|contou|acrescentou)\b",
                   re.IGNORECASE)
_SAID_BEFORE_NAME = {"said", "says", "disse", "diz", "afirmou", "declarou"}  # "…", said Lewis
# "…", afirmou a ministra do Mar, Joana Ferreira: the role between the verb and the name.
_ROLE_THEN_NAME = re.compile(r"^(?:the|a|o)\s[^,.;:\"“”]{1,60},\s*", re.IGNORECASE)
# Or no comma, the role one or two words in lower case: "…», disse o arqueólogo Rui Lampreia" (not
# "said the union leader in Lisbon", whose "in" says where).
_ROLE_WORDS_THEN_NAME = re.compile(r"^(?:the|a|o)\s((?:[a-zà-öø-ÿ'’-]+\s){1,2})(?=[A-ZÀ-ÖØ-Þ])")
# "Emma Rutherford, a 34-year-old nurse on her way to work, said…": what stands between a name
# and its speech verb may be one apposition between commas.
_APPOSITION = re.compile(r"^\s*,[^,;:\"“”«»]{1,80},\s*$")
# Whom it was said to, between the verb and the speaker: "…», disse ao nosso jornal Helena
# Carvalhais", "afirmou aos jornalistas a secretária regional…, Helena Abreu Freitas".
_TOLD_TO = re.compile(r"^(?:ao|à|aos|às|to)\s+(?:(?:nosso|nossa|the)\s+)?[\w'’-]+\s+", re.IGNORECASE)


def speakers(text: str, reach: int = 4, owners: bool = True) -> list[tuple[str, ...]]:
    """The names a text gives words to: a name at most `reach` words before a speech verb ("Yermak,
    disse"; "McCartney, who tells") or just after one ("said Lewis"). With `owners` False, not the
    name a role belongs to: "O treinador do Albion disse…" gives the words to the manager."""
    found = []
    for verb in _SAID.finditer(text):
        before, after = text[:verb.start()], text[verb.end():]
        for name_match in _CAPITALISED.finditer(before):
            if not owners and (owner := _ROLE_OF.search(before[:name_match.start()])) \
                    and fold(owner.group(1)) in ROLES:
                continue
            between = before[name_match.end():]
            if (len(words(between)) < reach or _APPOSITION.match(between)) and names(name_match.group(0)):
                found += names(before[name_match.start():])[:1]
        if verb.group(1).lower() in _SAID_BEFORE_NAME:
            # The whole name that follows: "disse Filipa Marques" gives the words to Marques too.
            lead = after.lstrip()
            lead = lead[told.end():] if (told := _TOLD_TO.match(lead)) else lead
            bare_role = _ROLE_WORDS_THEN_NAME.match(lead)
            if bare_role and not set(words(bare_role.group(1))) & STOPWORDS:
                lead = lead[bare_role.end():]
            elif role := _ROLE_THEN_NAME.match(lead):
                lead = lead[role.end():]
            found += [name for start, name in _name_runs(lead)[:1] if start == 0]
    return found


_WHAT_SAID = re.compile(r"\b(o que|que|what)\b.*\b(disse|diz|dizia|afirmou|declarou|say|said|says|tell|told)\b")


def speaks_for_the_asked(answer: str, question: str) -> bool:
    """Whether an answer to "what did X say?" gives words to X (or X's words are all it is): pressed,
    "O que disse Trump sobre a NATO?" got the lead's talks in Paris, which Trump says nothing of."""
    asked = names(question)
    if not asked or not _WHAT_SAID.search(fold(question)):
        return True
    if _roles_named(question):
        # "O que disse o treinador do Albion…?" asks the manager's words, not Albion's: anyone's
        # words may be his (the role checks judge whose).
        return bool(speakers(answer))
    return any(_holds_name(a, set(g)) for a in asked for g in speakers(answer))


def speaker_never_named(question: str, sentences: Iterable[str]) -> str | None:
    """The role whose words "what did the <role> say?" asks, when no sentence of the article names
    that role in either language: asked what the mayor of Faro said, the model gave him the lead's
    news of the hospital, and the story names no mayor."""
    roles = _roles_named(question) if _WHAT_SAID.search(fold(question)) else []
    if not roles:
        return None
    wanted = set().union(*(_role_words(r) for r in roles))
    return None if any(wanted & _tokens(s) for s in sentences) else roles[0]


def never_given_words(question: str, sentences: Iterable[str]) -> str | None:
    """The person whose words "what did X say?" asks, when no sentence of the article gives X words
    (quotes_the_asked): asked what Lammy said, the model retold the sentence on his coming to the
    talks, and the story quotes him nowhere. (A role asked is speaker_never_named's.)"""
    if not _WHAT_SAID.search(fold(question)) or _roles_named(question):
        return None
    people = [n for n in names(question) if not _is_place_or_people(n)]
    if not people or any(quotes_the_asked(s, question) for s in sentences):
        return None
    return _label(people[0])


def quotes_the_asked(sentence: str, question: str) -> bool:
    """Whether a sentence quoted for "what did X say?" gives X words (speaks_for_the_asked), or
    quotes words within twelve words after naming X: "…Yoko Ono, who sees the event as "the
    beginning of the new age…"". Not "Os diplomatas europeus disseram que pedirão… a Rússia"."""
    if speaks_for_the_asked(sentence, question):
        return True
    asked = names(question)
    return any(any(_holds_name(a, set(n)) for a in asked) and not _names_whose(sentence, at, n)
               and re.search(r"[“\"«]", " ".join(sentence[at:].split()[:12])) for at, n in _name_runs(sentence))


def _names_whose(sentence: str, at: int, name: tuple[str, ...]) -> bool:
    """Whether the name at `at` only says whose another named person is: "John Lennon's wife Yoko
    Ono, who sees…", "a mulher de John Lennon, Yoko Ono, que…" (the words are Yoko Ono's)."""
    rest = sentence[at:].split()
    end = rest[len(name) - 1] if len(rest) >= len(name) else ""
    if re.search(r"['’]s$", end):  # not "the Information Commissioner's Office", one name
        after = rest[len(name):len(name) + 3]
        return bool(after) and after[0][:1].islower() and any(w[:1].isupper() for w in after[1:])
    return bool(re.search(r"\b(?:d[oa]s?|de|of)\s+$", sentence[:at])) and end.endswith(",") \
        and any(w[:1].isupper() for w in rest[len(name):len(name) + 1])


def speakers_stand(answer: str, sentences: list[str]) -> list[str]:
    """The names the answer gives words to ("Putin disse…") that no sentence of the article does."""
    given = [n for s in sentences for n in speakers(s)]
    return [_label(n) for n in speakers(answer, reach=1, owners=False)
            if not any(_holds_name(n, set(g)) for g in given)]


# "o treinador do ", "the manager of the ": a role, then whose it is.
_ROLE_OF = re.compile(r"\b([\w-]+)\s+(?:d[oa]s?|de|of(?: the)?)\s+$", re.IGNORECASE)


# A decimal before a magnitude: "2,4 milhões" is "2.4 million" in English, "2.4 million" "2,4
# milhões" in Portuguese. (One or two digits after the mark: "4.500 habitantes" is a thousands one.)
_MAGNITUDE = (r"(?=\s*(?:million|billion|trillion|milh[aã]o|milh[oõ]es|bili[aã]o|bili[oõ]es|mil milh[oõ]es"
              r"|%|per ?cent|por cento))")
_DECIMAL_MARK = {"en": re.compile(r"(?<![\d.,])(\d+),(\d{1,2})" + _MAGNITUDE),
                 "pt": re.compile(r"(?<![\d.,])(\d+)\.(\d{1,2})" + _MAGNITUDE)}


_THOUSANDS = {"en": re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]?\d)"),
              "pt": re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,]?\d)")}


_DAY_OF_MONTH = re.compile(r"\b(\d{1,2}) of (January|February|March|April|May|June|July|August|September|October"
                           r"|November|December)\b")


def local_numbers(answer: str, language: str, sentences: Sequence[str] = ()) -> str:
    """The answer with a decimal before a magnitude written in its language's way (_DECIMAL_MARK),
    and a number copied from an article in the other language with that language's thousands mark
    written with its own: "28.050 toneladas" is "28,050 tonnes" in English."""
    if language not in _DECIMAL_MARK:
        return answer
    if language == "en":  # "26 de novembro", word for word: "26 of November"
        answer = _DAY_OF_MONTH.sub(r"\1 \2", answer)
    mark, other = (".", ",") if language == "en" else (",", ".")
    answer = _DECIMAL_MARK[language].sub(rf"\1{mark}\2", answer)
    source = " ".join(sentences)
    return _THOUSANDS[language].sub(lambda m: m.group(0).replace(mark, other) if m.group(0) in source else m.group(0),
                                    answer)


# "2, 300": a thousands separator with a stray space after it, as the model writes "2.300"; and
# "3, 8" of the Portuguese "3,8".
_SPLIT_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3})([.,]) (\d{1,3})(?![\d.,]?\d)")


def mend_split_numbers(answer: str, sentences: list[str]) -> str:
    """The answer with "2, 300" written "2,300" where the sentences hold 2300 and no 300 of its own:
    read as two numbers, the answer's count is in no sentence and the right answer is refused."""
    held = set().union(*map(numbers, sentences))

    def mend(m: re.Match) -> str:
        whole = m.group(1) + m.group(3)
        return f"{m.group(1)}{m.group(2)}{m.group(3)}" if whole in held and m.group(3) not in held else m.group(0)
    return _SPLIT_NUMBER.sub(mend, answer)


def garbled_copies(answer: str, evidence: list[str], question: str = "") -> list[str]:
    """Long words of the answer that are one letter away from a word of the evidence: a copy the
    model got wrong ("inconditional" for "incondicional"), which no reader can look up."""
    seen = {fold(w) for text in evidence + [question] for w in words(text)}
    return sorted(word for word in {fold(w) for w in words(answer)} - seen
                  if len(word) >= 8 and any(_one_inner_slip(word, t) for t in seen))


_PT_LETTER = re.compile(f"[{PT_LETTERS}à]", re.IGNORECASE)
_QUOTED_SPAN = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def untranslated(answer: str, language: str, question: str = "", evidence: Iterable[str] = ()) -> list[str]:
    """Words of the other language left in the answer, outside quotation marks and names: the model
    copied instead of translating. Portuguese in an English answer ("Marco Rubio manterá
    conversations with colegas europeus") is seen by its letters and month names; English in a
    Portuguese one ("Engineers will inspect them every six months", "£42 million") by its function
    words and counts, or, copied from the `evidence`, by an ending no Portuguese word has ("um
    storm causou um dano", "o Beatles song"). A word the reader used is theirs, and a unit after
    a number ("6 megawatts") is said so in both."""
    if language not in ("en", "pt"):
        return []
    asked = {fold(w) for w in words(question)}
    plain = _TITLED.sub(" ", _QUOTED_SPAN.sub(" ", answer))
    units = {fold(unit) for unit in _AFTER_A_NUMBER.findall(plain)}
    copied = {fold(w) for w in words(" ".join(evidence))} - units if language == "pt" else set()
    foreign = _looks_portuguese if language == "en" else (
        lambda w: _looks_english(w) or (fold(w) in copied and _ENGLISH_ENDING.search(fold(w)) is not None))
    return sorted({w for w in words(plain) if foreign(w) and not w[0].isupper() and fold(w) not in asked})


# English words of news, the stem of a Portuguese look-alike that means something else, and the
# stems of what they do mean: "José Luis Sanz é o maior da cidade" (of "Seville's mayor") is no
# "presidente da câmara", and "a maior cidade" beside one is still the largest.
_FALSE_FRIENDS = {
    "mayor": ("maior", ("president", "autarc", "prefeit")), "parents": ("parente", ("pais", "mae", "pai")),
    "library": ("livrar", ("bibliot",)), "actually": ("atualm", ("na verdade", "de facto", "realmente")),
    "eventually": ("eventu", ("acab", "final", "por fim")), "policy": ("polici", ("politic",)),
    "casualties": ("casual", ("vitim", "mort", "ferid", "baixa")), "realised": ("realiz", ("perceb", "dar conta")),
    "realized": ("realiz", ("perceb", "dar conta")), "pretend": ("pretend", ("fing",)),
    "college": ("colegi", ("facul", "universi", "ensino superior")), "prejudice": ("prejui", ("preconceit",)),
    "fabric": ("fabric", ("tecido",)), "attend": ("atend", ("particip", "assist", "compar", "estar")),
}
for _w, _stem in (("mayors", "mayor"), ("libraries", "library"), ("policies", "policy"), ("realise", "realised"),
                  ("realize", "realized"), ("pretended", "pretend"), ("attended", "attend")):
    _FALSE_FRIENDS[_w] = _FALSE_FRIENDS[_stem]


def false_friends(answer: str, language: str, evidence: Iterable[str]) -> list[str]:
    """Portuguese words of the answer that only look like an English word of the evidence, whose
    meaning the answer nowhere gives (_FALSE_FRIENDS): the model translated by the sound."""
    if language != "pt":
        return []
    plain = _QUOTED_SPAN.sub(" ", answer)
    folded = fold(plain)
    misread = {_FALSE_FRIENDS[w][0] for w in words(fold(" ".join(evidence)))
               if w in _FALSE_FRIENDS and not any(right in folded for right in _FALSE_FRIENDS[w][1])}
    return sorted({w for w in words(plain) if not w[0].isupper() and any(fold(w).startswith(s) for s in misread)})


# Portuguese words end in a vowel, or in l, m, r, s, z (rarely n or x) after one, or in "ns": not
# as "storm", "song", "grid" or "plants" do. Three letters or more: "km" is written so in both.
_ENGLISH_ENDING = re.compile(r"^[a-z]{2,}(?:[bcdfgjkpqtvwy]|[bcdfghjklmnpqrtvwxz][bcdfghjklmnpqrtvwxz]|[bcdfghjklmpqrtvwxz]s)$")
_AFTER_A_NUMBER = re.compile(r"\d\s*([^\W\d_]+)")


# A title or name with small words inside ("Across the Universe", "Complexo de Comunicação").
_TITLED = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:the|of|and|in|on|at|for|de|da|do|das|dos|e)\s+[A-ZÀ-Þ][\w'’-]*)+")


def _looks_portuguese(word: str) -> bool:
    return bool(_PT_LETTER.search(word)) or fold(word) in _PT_DATE_WORDS


# English words no Portuguese sentence has: function words and the counts an amount is written with.
_EN_ONLY = ENGLISH_ONLY | set("them their its every million millions billion billions thousand thousands "
                              "hundred hundreds".split())


def _looks_english(word: str) -> bool:
    return word.lower() in _EN_ONLY


# Portuguese months and weekdays have no letter English lacks ("Since fevereiro, …").
_PT_DATE_WORDS = set("janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro "
                     "segunda-feira terca-feira quarta-feira quinta-feira sexta-feira sabado domingo".split())


def _one_inner_slip(a: str, b: str) -> bool:
    """Same length, one letter different, away from the ends: translations differ at the ends
    ("universe" / "universo"), a bad copy anywhere ("inconditional" / "incondicional")."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 1 and 1 < diff[0] < len(a) - 2


def mentions_any(text: str, labels: list[str]) -> bool:
    """Whether the text names any of the labelled names ("vladimir putin")."""
    tokens = _tokens(text)
    return any(_holds_name(tuple(label.split()), tokens) for label in labels)


def names_numbers_together(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether each name the answer gives stands in one sentence with the question's numbers and
    dates: "the city where 18 died" is not Sumy when the article's Sumy sentence says 35, and whom
    Witkoff met "last week" is whom the "semana passada" sentence names."""
    asked = anchors(question)
    return not asked or _given_names_stand_with(answer, question, sentences, lambda s, _: asked <= marks(s))


# A unit of time by its first four letters, with its kind (_spans_in_units: "two weeks" is not "two months").
_UNIT_KINDS = {"year": "y", "anos": "y", "days": "d", "dias": "d", "day": "d", "dia": "d", "week": "w",
               "sema": "w", "mont": "m", "mese": "m", "hour": "h", "hora": "h", "minu": "min"}
_UNIT_STEMS = frozenset(_UNIT_KINDS)
# A hedge the model adds to a figure ("approximately 120 million") claims nothing new.
_HEDGE_STEMS = {"appr", "apro", "abou", "arou", "roug", "cerc"}


def rests_on_one(answer: str, question: str, sentences: list[str], every_repeated: bool = False) -> bool:
    """Whether the answer stands on one sentence of the evidence, as an answer the model gave only
    when told not to refuse must. The question's names are in the evidence at all ("Liga dos
    Campeões" is not), and one sentence that speaks of one of them holds the answer's own names and
    numbers (with every name of the question when it adds a number: the "18" of Kryvyi Rih is not
    a Kyiv toll) and every word the answer adds to the question ("missile" is not in the Kryvyi
    Rih sentence, nor "samba" in any), a translated word matching by its first four letters. That
    sentence also holds a word the answer repeats from the question, the thing it speaks of:
    pressed on "O que os fãs são convidados a fazer?", the model gave the fans the Ukrainian
    ministers' "participar das discussões"; on "Em que país fica a antena?", it answered "A antena
    está no país de Ucrânia" from the Sumy sentence, which says nothing of an antenna.
    `every_repeated`: the sentence holds every such word, as a yes must: asked "Was any of the
    seven people hospitalised a pregnant woman?", "three of them were pregnant women" rests on the
    sentence of the seven and the three hospitalised only if it says "grávidas" too."""
    everything = _tokens(" ".join(sentences))
    asked = asked_names(question)
    if not all(_holds_name(n, everything) for n in asked):
        return False
    q_tokens = _tokens(question)
    # Numbers are held by missing_facts ("50" by "50th"), and a unit is how a count is said ("50
    # anos" of "the 50th anniversary").
    fresh = _added_words(answer, question) - _UNIT_STEMS - _HEDGE_STEMS
    adds_number = bool(numbers(answer) - numbers(question))
    own = tuple(n for n in names(answer) if _holds_name(n, q_tokens))
    # By five letters: "antena" is not held by the "antes" of the Trump sentence. Units aside: "45
    # anos" rests on "the 45th anniversary".
    repeated = {s for s in stems([answer], 5) & stems([question], 5) if s[:4] not in _UNIT_STEMS}
    # The words a yes asserts: not an auxiliary ("vai estar"), nor a name (the names' own checks
    # place them; "as negociações" of Lammy's sentence are the Paris talks of the headline).
    asserted: set[str] = set()
    if every_repeated:
        named = {w for n in names(answer) for w in n}
        asserted = repeated & stems([" ".join(w for w in words(fold(answer)) if w not in AUXILIARIES | named)], 5)
    for sentence in sentences:
        tokens = _tokens(sentence)
        held = [_holds_name(n, tokens) for n in asked]
        if (held and not any(held)) or (adds_number and not all(held)):
            continue
        if missing_facts(answer, sentence, skip=own) or (adds_number and not _numbers_by_subject(answer, asked, sentence)):
            continue
        held_stems = _held_stems([sentence])
        held_repeated = repeated & _held_stems([sentence], 5)
        if repeated and (not held_repeated or (every_repeated and not asserted <= held_repeated)):
            continue
        if fresh <= held_stems:
            return True
    return False


def numbers_qualify_the_asked(answer: str, question: str) -> bool:
    """Whether each number the answer adds to a question that asked for none stands just before a
    word of the question: asked what anniversaries the broadcast celebrates, "o 40º aniversário"
    answers; asked how long the transmission lasts, "431 years" does not."""
    asked = stems([question], 5)
    tokens = [t for t in words(fold(strip_markers(answer))) if t not in STOPWORDS]
    added = numbers(answer) - numbers(question)
    for i, token in enumerate(tokens):
        if numbers(token) & added and not {term(t)[:5] for t in tokens[i + 1:i + 3] if not t[0].isdigit()} & asked:
            return False
    return bool(added)


def items_held(answer: str, sentence: str, question: str) -> int:
    """How many of the things of the asked kind (asked_kind) that the answer gives the sentence
    holds: its dates and times ("4 de fevereiro" in "On February 4"), its numbers, its places, or
    for a "why" its words and numbers; none in a sentence that lacks a name of the question. A
    pressed answer that failed its checks may still point at the sentence that answers ("às 12:00
    am UTC no dia 4 de fevereiro" mixes two sentences; one holds the date)."""
    kind, given, tokens = asked_kind(question), strip_markers(answer), _tokens(sentence)
    # Every name of the question is in it: the "18" of Kryvyi Rih is no toll of Kyiv.
    if not all(_holds_name(n, tokens) for n in names(question)):
        return 0
    if kind == "date":
        return len(marks(given) & marks(sentence) - anchors(question))
    if kind == "number":
        return len(numbers(given) & numbers(sentence) - numbers(question))
    if kind == "name":
        # A thing's name where the sentence gives it to the thing asked: "Que canção…?", pressed,
        # got "o álbum "Across the Universe"", and "the Beatles song Across the Universe" names it.
        given_to = _names_after_the_noun(sentence, question)
        return sum(any(_holds_name(n, _tokens(" ".join(g))) for g in given_to) for n in names(given))
    if kind is None and _WHERE.search(fold(question)):
        # Places: "De onde será transmitida a canção?", pressed, got the antenna, the complex and
        # the town of one sentence, and a wrong country.
        q_tokens = _tokens(question)
        return sum(_holds_name(n, tokens) for n in names(given) if not _holds_name(n, q_tokens))
    if kind is None and asks_why(question):
        # A reason: the words the answer adds ("para celebrar os 40 anos…" holds "celebrates" and
        # "40th" of "The broadcast celebrates the 40th anniversary…").
        return len(_added_words(given, question) & _held_stems([sentence])) + len(numbers(given) & numbers(sentence))
    # Not people: pressed, the model puts any name of the excerpts in its answer ("Paul McCartney
    # compôs a canção", asked who wrote it, from the sentence where he speaks of it).
    return 0


_WHERE = re.compile(r"\b(where|onde|aonde)\b")
# "Para onde vai ser enviada a canção?", "Where is the probe headed?": a destination is asked.
_WHERE_TO = re.compile(r"\b(para onde|aonde|(em|para) que direc\w*|in (what|which) direction|towards? (what|which|where)"
                       r"|where\b.*\b(sent|headed|going(?! to be\b)|bound|aimed|pointed|beamed|directed)\b|where\b.*\bto\W*$)")
_FROM = re.compile(r"\b(from|de onde|donde|desde onde)\b")
# A target ("in the direction of the star Polaris", "rumo a Marte"), or only a medium ("into deep space").
_TOWARD = re.compile(r"\b(direction of|towards?|rumo a|em direc\w+ (a|ao|as|aos|d\w+)|na direc\w+ d\w+)\b")
_INTO = re.compile(r"\b(into|para dentro)\b")


def _asks_where_to(question: str) -> bool:
    """Whether the question asks where something goes, not where it comes from."""
    folded = fold(question)
    return _WHERE_TO.search(folded) is not None and not _FROM.search(folded)


def says_where_from(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether, asked where something goes, the answer says where it comes from: "Where will the
    song be sent?" → "The song will be transmitted from the DSS-63 radio antenna…", or "A canção
    vai para a estação espacial DSS-63", a place the sentences name only as where it leaves from."""
    if not _asks_where_to(question):
        return False
    folded = fold(strip_markers(answer))
    if _FROM.search(folded) and not _TOWARD.search(folded) and not _INTO.search(folded):
        return True
    q_tokens = _tokens(question)
    given = [n for n in names(strip_markers(answer)) if not _holds_name(n, q_tokens)]
    return any(_only_an_origin(n, sentences) for n in given)


# Where something is or happens: "em Bruxelas", "no pavilhão", "in Brussels", "at the port",
# "chegaram à capital francesa".
_AT = r"(?:\b(?:in|at|near|inside|outside|em|no|na|nos|nas|num|numa|ao|aos|junto (?:a|ao|aos)|perto d[eoa]s?)|(?<!\w)(?:à|às))\s+"
_AT_A_PLACE = re.compile(_AT + r"(?:the\s+)?[^\W\d]", re.IGNORECASE)
_AT_A_NAME = re.compile(_AT + r"(?:the\s+)?[A-ZÀ-ÖØ-Þ]")
# "no pavilhão desportivo de Monchique", "at the sports hall of Monchique"; with an article only:
# "transformar em vinho do Porto" says what, not where.
_AT_A_PLACE_OF_A_NAME = re.compile(r"\b(?:no|na|nos|nas|(?:in|at|near|inside|outside) the)\s+(?:[^\W\d]+\s+){1,3}"
                                   r"(?:of|de|do|da|dos|das)\s+[A-ZÀ-ÖØ-Þ]")


def asks_where_at(question: str) -> bool:
    """Whether the question asks where something is or happens (not where to, nor where from), by
    "where" or by a place's noun ("Que país acolhe as conversas?")."""
    folded = fold(question)
    return (bool(_WHERE.search(folded) or _WHICH_PLACE.search(folded)) and not _asks_where_to(question)
            and not _FROM.search(folded) and not _IN_A_TABLE.search(folded))


# A place asked by its noun, at the question's start ("que" within it may be "disse que a cidade…");
# not "place" or "lugar", which may be one in a ranking, nor "De que país…?", a nationality.
_WHICH_PLACE = re.compile(r"^\W*(?:(?:and|e)\s+)?(?:(?:in|at|to|em|para|na|no)\s+)?"
                          r"(?:(?:which|what)\s+(?:[^\W\d]+\s+)??(?:country|countries|city|cities|town|towns|region|regions"
                          r"|village|villages)\b(?!['’]s)(?!\s+(?:council|hall|centre|center|budget|mayor)s?\b)"
                          r"|(?:que|qual|quais)\s+(?:(?:e|foi|era|sao)\s+)?(?:(?:o|a|os|as)\s+)?(?:pais|paises|cidade"
                          r"|cidades|vila|vilas|aldeia|aldeias|regiao|regioes|localidade|localidades|concelho|concelhos"
                          r"|distrito|distritos)\b)")


# "Where did Albion finish last season?", "Em que lugar ficou…?": a place in a table, not on a map.
_IN_A_TABLE = re.compile(r"\b(?:finish|finished|finishes|ranked|terminou|terminaram|ficou|ficaram)\b.*"
                         r"\b(?:season|league|table|epoca|temporada|liga|campeonato|classificacao)\b")


def says_no_place(answer: str, question: str, article: Sequence[str] = ()) -> bool:
    """Whether, asked where something happened, the answer names no place: "Onde foi tomada a
    decisão?" -> "A decisão foi tomada pelo Conselho Internacional…" says by whom; "Que país acolhe
    as conversas?" -> "O presidente francês Emmanuel Macron e sua equipe" says who. A bare name
    ("Amsterdam") names one where the article's sentences put something in it ("recovered a year
    later in Amsterdam")."""
    if not asks_where_at(question) or _AT_A_PLACE.search(strip_markers(answer)) \
            or _TO_A_NAME.search(strip_markers(answer)) or _AT_A_VENUE.search(fold(answer)):
        return False
    if _capitals_named(fold(strip_markers(answer))):
        return False  # "went to the capital of France" names Paris, as the article's "capital francesa"
    given = names(strip_markers(answer))
    placed = {name for s in article for name in _placed_names(s)}
    if not _WHERE.search(fold(question)):
        # Asked which country or village, a name is the place ("França", "Alferce e Marmelete",
        # which no sentence need put "em") unless the answer makes it someone by a role.
        someone = (_tokens(strip_markers(answer)) - _tokens(question)) & ROLES.keys()
        return bool(someone) and not any(name in placed or _is_place_or_people(name) for name in given)
    return not (given and all(name in placed for name in given))


# Where words are said is often no place: "on a conference call", "numa entrevista à rádio".
_AT_A_VENUE = re.compile(r"\b(?:on|in|at|during|durante|em|num|numa|no|na)\s+(?:(?:a|an|the|his|her|their|uma?|o)\s+)?"
                         r"(?:[a-z]+\s+)?(?:call|interview|statement|press conference|news conference|briefing"
                         r"|letter|email|radio|television|tv|podcast|hearing|post|chamada|entrevista|comunicado"
                         r"|conferencia de imprensa|carta|audiencia|publicacao)s?\b")

# "Where will the defence appeal?" → "to the Tribunal da Relação de Évora" says where; the "para"
# of "Conselho Internacional para a Exploração do Mar" is inside a name.
_TO_A_NAME = re.compile(r"\b[a-zà-öø-ÿ][\w'’-]*\s+(?:to|para)\s+(?:(?:the|o|a|os|as)\s+)?[A-ZÀ-ÖØ-Þ]")


def _placed_names(sentence: str) -> list[tuple[str, ...]]:
    """The names the sentence puts something in or at ("in Amsterdam", "em Ourique") or people
    live in ("residents of Maia", "os moradores de Alferce")."""
    return [name for at, name in _name_runs(sentence) if _PLACED_BEFORE.search(sentence[:at])]


# What comes before a name the sentence places: "in", "em", or whose residents it speaks of.
_PLACED_BEFORE = re.compile(r"(?:" + _AT + r"|\b(?:residents?|inhabitants?|natives?|people|moradore?s|residentes?"
                            r"|habitantes?|naturais|natural)\s+(?:of|from|de|do|da|dos|das)\s+)(?:the\s+)?$",
                            re.IGNORECASE)


def names_a_place(sentence: str) -> bool:
    """Whether the sentence says where, by a preposition and a name: "em Bruxelas", "no pavilhão
    desportivo de Monchique"."""
    return bool(_AT_A_NAME.search(sentence) or _AT_A_PLACE_OF_A_NAME.search(sentence))


_ORIGIN_BEFORE = re.compile(r"\b(from|desde|a partir d[oa]s?)\s+(?:(?:the|o|a|os|as)\s+)?$", re.IGNORECASE)


def _only_an_origin(name: tuple[str, ...], sentences: list[str]) -> bool:
    """Whether every place the sentences name this name, it follows "from" ("transmitted from the
    DSS-63 radio antenna")."""
    places = [_ORIGIN_BEFORE.search(s[:at]) is not None for s in sentences for at, n in _name_runs(s)
              if n == name]
    return bool(places) and all(places)


# "De onde…?", "From which antenna…?", "Where … from?"; not "counterparts from which countries".
_ASKS_FROM = re.compile(r"\b(de onde|donde|desde onde|from where)\b|^\W*(and )?from (which|what)\b|\bwhere\b.*\bfrom\W*$")
# "from the DSS-63 antenna", "a partir de Madrid", "transmitida de Madrid".
_ORIGIN = re.compile(r"\b(?i:from|desde|a partir d[eoa]s?)\b|\b(de|do|da|dos|das)\s+[A-ZÀ-Þ]")


def names_an_origin(sentence: str, question: str) -> bool:
    """Whether, asked where something comes from, the sentence says where anything comes from
    (True for any other question): after "Que canção vai a NASA transmitir?", "E de onde vai ser
    transmitida?" is not answered by "NASA will … transmit the Beatles song … in the direction of
    the star Polaris". A country or its people name where from ("the Finnish company Iceye")."""
    if not _ASKS_FROM.search(fold(question)):
        return True
    return bool(_ORIGIN.search(sentence)) or any(fold(w) in ALIASES for w in _CAPITALISED.findall(sentence))


_KIND_OF = re.compile(r"\b(?:what|which) (?:kinds?|types?|sorts?) of\b|\b(?:que|qual o|quais os) tipos? de\b|\bde que tipo\b")


def names_for_a_kind(answer: str, question: str) -> bool:
    """Whether, asked what kind of thing ("What kind of area was hit?"), the answer only names one
    ("Kryvyi Rih"): a kind is said in words ("a residential area")."""
    return bool(_KIND_OF.search(fold(question))) and bare(answer) and bool(names(strip_markers(answer)))


_WHICH_NOUN = re.compile(r"\b(?:which|what|que|qual|quais)\s+(\w{3,})")
_NOT_THE_NOUN = set("a o as os the de do da dos das of um uma an in em no na to para will did does is are was were".split())


def names_the_asked(sentence: str, question: str) -> bool:
    """Whether, asked which thing ("Which song…?", "Que canção…?"), the sentence gives that thing a
    name the question lacks beside its noun ("the Beatles song Across the Universe"; see
    _names_after_the_noun); True for other questions. "…Beatles fans alike to play the song" speaks
    of the song and names none."""
    if asked_kind(question) != "name" or not _WHICH_NOUN.search(fold(question)):
        return True
    return bool(_names_after_the_noun(sentence, question))


def _names_after_the_noun(sentence: str, question: str) -> list[tuple[str, ...]]:
    """The names the question lacks that the sentence puts within five words after the noun a
    "which thing" question asks (or its translation), or three before it: "the star Polaris", "a
    canção Across…", "the Glen Corran team"."""
    asked = _WHICH_NOUN.search(fold(question))
    if not asked:
        return []
    # The head of the noun asked: English puts it last ("Which mountain rescue team was…?"),
    # Portuguese first, before a "de" or an article ("Que equipa de resgate…?").
    phrase = []
    for w in words(fold(question)[asked.start(1):])[:3]:
        if w in AUXILIARIES or w in _NOT_THE_NOUN:
            break
        phrase.append(w)
    head = phrase[-1] if phrase else asked.group(1)
    forms = {head} | TRANSLATIONS.get(head, set())
    q_tokens = _tokens(question)
    out = []
    for clause in re.split(r"[.;:!?]", sentence):
        written = words(clause)
        # (or right before it: "the Glen Corran team")
        out += [n for i, w in enumerate(written) if fold(w) in forms or fold(w).rstrip("s") in forms
                for n in names(" ".join(written[max(0, i - 3):i])) + names(" ".join(written[i + 1:i + 6]))
                if not _holds_name(n, q_tokens)]
    return out


def points_where_asked(sentence: str, question: str) -> int:
    """For a question asking where something goes (not where from): 2 when the sentence points at a
    target, 1 when only into something, else 0; 0 for every sentence of any other question. Asked
    "Para onde vai ser enviada a canção?", the sentence that it will be "transmitted from the DSS-63
    radio antenna" answers where from; "in the direction of the star Polaris" answers where to."""
    if not _asks_where_to(question):
        return 0
    folded = fold(sentence)
    return 2 if _TOWARD.search(folded) else 1 if _INTO.search(folded) else 0


# Words of a question that ask for nothing: "end up costing", "going to pay", "acabar por custar"
# (the verb asked is the second), the measure of "How strong were the gusts…?" ("rajadas de 78
# km/h" answers it without "strong"), and "next to", which only says where.
_ASKING_NOTHING = re.compile(r"\b(?:end(?:s|ed|ing)? up|going to|acab\w+ por|next to"
                            r"|(?<=how )(?:strong|fast|high|tall|deep|heavy|big|large|hot|cold))\b")


def plain_terms(text: str, auxiliaries: bool = False) -> list[str]:
    """The text's content terms other than its names, numbers and (unless `auxiliaries`) its
    auxiliaries: "foram" of "Que aldeias foram evacuadas?" is no word of the thing asked."""
    named = {term(w) for n in names(text) for w in n}
    light = _ASKING_NOTHING.sub(" ", fold(text))
    kept = light if auxiliaries else " ".join(w for w in words(light) if w not in AUXILIARIES)
    return [t for t in content_terms(kept) if t not in named and not t.isdigit()]


def _plain_stems(text: str) -> set[str]:
    """The five-letter stems of the text's plain terms (plain_terms), as the question's words are
    matched against a sentence's (_held_stems)."""
    return {t[:5] for t in plain_terms(text)}


def bare(answer: str) -> bool:
    """Whether the answer is only names and numbers ("Polaris", "Filipa Marques", "6")."""
    return not plain_terms(strip_markers(answer), auxiliaries=True)


def shares_a_word(sentence: str, question: str) -> bool:
    """Whether the sentence holds a word of the question other than its names, by five letters or
    by a translation: a quote put in place of an answer the article does not support must speak of
    the thing asked, not only of the place ("When will the Sacavém metro station open?" is not
    answered by the council's vote on a line to Sacavém)."""
    return share_of_words(sentence, question) > 0


def share_of_words(sentence: str, question: str, headline: str = "", when_aside: bool = False) -> float:
    """The share of the question's words other than its names that the sentence holds, by five
    letters or by a translation (see shares_a_word). Words the story's `headline` holds are its
    subject, which every sentence of it speaks of: they are left out, unless no other is asked
    ("A biblioteca tem um café?" is not half answered by any sentence on the library). `when_aside`:
    so are the words that say when, not what ("Quando se realiza a corrida?": "will take place")."""
    asked = _plain_stems(question)
    asked = (asked - _WHEN_WORDS or asked) if when_aside else asked
    own = asked - _headline_words(question, headline) if headline else asked
    asked = own or asked
    return len(asked & _held_stems([sentence], 5)) / len(asked) if asked else 0.0


def _headline_words(question: str, headline: str) -> set[str]:
    """The stems of the question's words that the headline holds, by five letters or a translation,
    unless one word is the other and a suffix ("council" in the headline, "councillor" asked: "Who
    was the previous councillor?" does not ask only "previous"); "sardine" is "sardinha"."""
    held = _tokens(headline)
    held |= {t for w in held for t in TRANSLATIONS.get(w, set()) | ALIASES.get(w, set())}
    by_stem: dict[str, set[str]] = {}
    for w in held:
        by_stem.setdefault(term(w)[:5], set()).add(w)
    return {term(w)[:5] for w in words(fold(question))
            if any(not _derived(w, h) for h in by_stem.get(term(w)[:5], ()))}


def _derived(a: str, b: str) -> bool:
    """Whether one word is the other with a suffix of three letters or more ("councillor")."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) >= 3


def name_stands_with_the_asked(answer: str, question: str, sentences: list[str], headlines: list[str]) -> bool:
    """Whether a bare name answered stands in a sentence that holds a word of what the question
    asks beyond its names and its story's headline (share_of_words): asked "Who did Trump's
    government cut out of talks?", the model answered "Marco Rubio", whose sentences say nothing of
    cutting anyone out. A question of names alone is not checked."""
    text = strip_markers(answer)
    found = names(text)
    if not found or not bare(text) or not plain_terms(question):
        return True
    headline = " ".join(headlines)
    # Or by the role it asks of: "Como se chama a responsável da ASAE…?" of "A subinspetora-geral da ASAE, Teresa
    # Valadares, explicou…".
    # Not by the words that say when or that something happens: "Onde vão decorrer as conversações?"
    # asks where the talks are (its headline's word), not of a sentence that says "decorrer".
    return any(all(_holds_name(n, _tokens(s)) for n in found)
               and (share_of_words(s, question, headline, when_aside=True) > 0 or holds_roles_named(s, question))
               for s in sentences)


def _numbers_by_subject(answer: str, asked: list[tuple[str, ...]], sentence: str) -> bool:
    """Whether the numbers the answer takes from a sentence of several numbers stand in a clause
    that names the question's subject, when one does: of "the 45th anniversary of NASA's Deep Space
    Network, and the 50th anniversary of NASA itself", the Deep Space Network's is 45."""
    # The clause's own text: its words would cut "44.6C" into "44" and "6c".
    naming = [c for c in re.split(r"[,;:]\s", sentence) if any(_holds_name(n, _tokens(c)) for n in asked)]
    if not naming or len(numbers(sentence)) < 2:
        return True
    near = {n for c in naming for n in numbers(c)}
    return numbers(answer) & numbers(sentence) <= near


def _held_stems(sentences: list[str], size: int = 4) -> set[str]:
    """The stems of the sentences' words and of their other-language names (ALIASES) and words
    (lexicon): "fevereiro" holds "February", "recording" holds "gravação"."""
    tokens = _tokens(" ".join(sentences))
    other = [a for t in tokens for a in ALIASES.get(t, set()) | TRANSLATIONS.get(t, set())]
    # An amount in a currency is money: "raised €4 million" holds "Quanto dinheiro…?".
    other += ["money", "dinheiro"] if any(_MONEY.search(s) for s in sentences) else []
    other += ["nationality", "nacionalidade"] if tokens & _PEOPLES else []
    # An age written as one ("Ms Doyle, 54, said…") holds "How old…?" and "Que idade…?".
    other += ["old", "age", "aged", "idade"] if any(_written_ages(s) for s in sentences) else []
    # An ordinal in figures holds its word: "a 2.ª fase" is "a segunda fase", "the 2nd round" the second.
    other += [w for s in sentences for m in _ORDINAL_FIGURE.finditer(s)
              for w in _ORDINAL_WORDS.get(int(m.group(1)), "").split()]
    return stems(sentences, size) | stems([" ".join(other)], size)


_ORDINAL_FIGURE = re.compile(r"\b(\d{1,2})(?:\.?[ºª°]|st|nd|rd|th)(?!\w)")
_ORDINAL_WORDS = {1: "first primeiro primeira", 2: "second segundo segunda", 3: "third terceiro terceira",
                  4: "fourth quarto quarta", 5: "fifth quinto quinta"}


def _added_words(answer: str, question: str) -> set[str]:
    """The stems of the words the answer adds to the question, numbers aside (missing_facts checks
    those)."""
    return {s for s in stems([strip_markers(answer)]) - stems([question]) if not s[0].isdigit()}


# "Sobre que encontro…?", "Which agreement…?": the thing asked for, named by its kind.
_WHICH_THING = re.compile(r"^\W*(?:(?:and|e|sobre|de|em|com|para|about|on|in|of|with) )?(?:which|what|que|qual|quais) ")


_PLURAL = re.compile(r"(?:[^s]s|ies)$")


def asked_thing(question: str) -> str | None:
    """The noun a "which <thing>" question asks for ("encontro" of "Sobre que encontro Witkoff ia
    prestar contas?", "leader" of "Which French leader will…?": English puts it last, before the
    verb), as a term; None for other questions and for kinds asked_kind checks."""
    if asked_kind(question) is not None:
        return None
    found = content_terms(_which_head(question))
    return found[0] if found else None


def asks_for_persons(question: str) -> bool:
    """Whether the question asks who, or which people by their role ("Which Russian officials…?",
    "Que responsáveis russos…?")."""
    return asked_kind(question) == "person" or _which_head(question) in _ANY_ROLE


def _which_head(question: str) -> str:
    """The folded noun after "which", "what", "que" or "qual" ("" if none; see asked_thing)."""
    folded = fold(question)
    match = _WHICH_THING.search(folded)
    if not match:
        return ""
    following = words(folded[match.end():])[:4]
    verb = next((i for i, w in enumerate(following) if _AUXILIARY.match(w)), None)
    head = following[verb - 1] if verb and detect(question) == "en" else following[0] if following else ""
    if verb is None and detect(question) == "en" and len(following) > 1 and _PLURAL.search(following[1]) \
            and not _PLURAL.search(following[0]):
        head = following[1]  # "Which record companies gave…?": a noun before the plural it qualifies
    return "" if not head or _AUXILIARY.match(head) else head


def holds_the_asked_thing(text: str, question: str) -> bool | None:
    """Whether the text names the thing a "which <thing>" question asks for (asked_thing), in
    either language; None for other questions."""
    thing = asked_thing(question)
    return None if thing is None else thing[:5] in _held_stems([strip_markers(text)], 5)


def restates_question(answer: str, question: str) -> bool:
    """Whether the answer only repeats words of the question ("What area of Kryvyi Rih was hit?"
    -> "Kryvyi Rih"): it says nothing the reader did not already write."""
    said = set(content_terms(strip_markers(answer)))
    asked = set(content_terms(question))
    # A name the question names in part is the question's: "who is rubio" -> "Marco Rubio".
    named = {w for n in names(strip_markers(answer)) if set(n) & asked for w in n}
    return bool(said) and said - named <= asked and not _picks_one(answer, question)


# "Do girls or boys sleep less?": two alternatives, of which an answer picks one.
_EITHER_OR = re.compile(r"\b([^\W\d]{3,})\s+(?:or|ou)\s+(?:(?:the|os|as|o|a)\s+)?([^\W\d]{3,})\b")


def _picks_one(answer: str, question: str) -> bool:
    """Whether, asked which of two alternatives ("girls or boys"), the answer names one of them
    alone, or both but not as alternatives: "Girls sleep less than boys" picks girls, in the
    question's words only."""
    m = _EITHER_OR.search(fold(question))
    if not m:
        return False
    said = fold(strip_markers(answer))
    held = [re.search(rf"\b{w}\b", said) is not None for w in m.groups()]
    return any(held) and not _EITHER_OR.search(said)


# "Who is Paul McCartney?", "O que é a Casa Branca?": a question that asks what something is.
_DEFINES = re.compile(r"^\W*(?:(?:and|e) )?(?:who|what|quem|o que|que) (?:is|are|was|were|e|sao|era|eram|foi)\b")


def from_elsewhere(answer: str, question: str, sentences: list[str]) -> bool:
    """Whether the answer says three things or more beyond the question and the sentences hold
    none of them, not even by its first four letters, as a translation would be held: asked "Quem
    é Paul McCartney?" of a story that only calls him "Beatle Paul McCartney", the model answered
    "um cantor britânico famoso por sua música e sua influência na música pop", from what it
    knows. An answer to what something is must hold two in five: "the system of radio telescopes
    and ground stations used by NASA to communicate with spacecraft" has only "radio" and "NASA"
    from the article."""
    said = _added_words(answer, question)
    if not said:
        return False
    held = len(said & _held_stems(sentences)) / len(said)
    if _DEFINES.search(fold(question)):
        # A description of a word or two must be the article's whole: "Quem é Andriy Yermak?" got
        # "um político ucraniano", and the article never says "político".
        return held < 0.4 or (len(said) < 3 and held < 1)
    return len(said) >= 3 and held == 0


# A title the answer puts in quotation marks: "A Slow-Burning Family Drama".
_TITLE_QUOTED = re.compile(r"[“\"«]([^“”\"«»]{3,80})[”\"»]")


def makes_a_title(answer: str, sentences: list[str]) -> bool:
    """Whether the answer quotes, as a title, words the article writes only in lower case: asked
    which film won, the model named "A Slow-Burning Family Drama" of "A slow-burning family drama
    about a widowed farmer… won", and the film's title is another."""
    article = " ".join(sentences)
    for quoted in _TITLE_QUOTED.findall(strip_markers(answer)):
        capitals = [w for w in words(quoted)[1:] if w[:1].isupper()]
        if len(capitals) >= 2 and quoted not in article and fold(quoted) in fold(article):
            return True
    return False


# "Com quem…?", "With whom…?", "Who… with?": the question asks who is on the other side.
_WITH_WHOM = re.compile(r"^\W*(?:(?:and|e) )?(?:com|with) (?:quem|whom)\b|^\W*(?:and )?who\b.* with\W*$")


def says_with_whom(answer: str, question: str) -> bool:
    """Whether an answer to "with whom" says who is on the other side: one that repeats the
    question's doing and names people, with no "com"/"with", has put them in the question's own
    place. Asked "Com quem é que os EUA vão manter conversas em Paris?", the model answered "Steve
    Witkoff e Marco Rubio manterão conversas em Paris": the US envoys themselves. A bare list of
    names ("Emmanuel Macron e sua equipe") repeats nothing, and stands."""
    if not _WITH_WHOM.search(fold(question)):
        return True
    named = stems([" ".join(w for n in names(answer) for w in n)])
    repeated = (stems([strip_markers(answer)]) - named) & stems([question])
    return not repeated or bool({"com", "with"} & _tokens(answer))


# An age is a count of years: "Que idade tem a NASA?" is answered by "the 50th anniversary".
# How strong, fast, hot…: a measure is a number too ("78 km/h"). Not "how long", whose answer may be
# a phrase ("within two to three weeks"), nor "how far" ("431 light years away" reads as years).
_HOW_MANY = re.compile(r"\b(how (many|much|old|strong|fast|high|tall|deep|heavy|big|large|hot|cold)"
                       r"|quant[oa]s?|(que|qual e a|qual a) idade"
                       r"|(a|com) que (velocidade|forca|intensidade|temperatura|altura|profundidade|distancia))\b")


# Asked when the story itself came out, not when what it tells happens: the dateline answers.
_STORY = r"(?:article|story|news|piece|report|text|artigo|noticia|reportagem|materia|texto)"
_PUBLISHED = re.compile(
    r"\b(?:when (?:was|is) (?:it|(?:the|this|that) (?:[\w'-]+ ){0,4}?" + _STORY + r"(?: [\w'-]+){0,5}?)"
    r" (?:published|written|posted|dated|released|out)"
    r"|(?:what|which) (?:is (?:the )?)?(?:date|day) (?:is|was|of|on) (?:the|this|that) (?:[\w'-]+ ){0,4}?" + _STORY +
    r"|on (?:what|which) (?:day|date)(?: of the week)? (?:was|is) (?:it|(?:the|this|that) (?:[\w'-]+ ){0,4}?"
    + _STORY + r"(?: [\w'-]+){0,5}?) (?:published|written|posted|dated|released|out)"
    r"|how old is (?:the|this|that) (?:[\w'-]+ ){0,4}?" + _STORY + r"|publication date|date of publication"
    # Not "Quando foi publicado o estudo?": a study's publication is news the story tells.
    r"|(?:quando|em que (?:dia|data)(?: da semana)?) (?:[\w-]+ ){0,6}?(?:publicad|divulgad)[oa]s?"
    r"(?:(?=\W*$)| (?:[\w-]+ ){0,3}?" + _STORY + r"| [ao]s? (?:d[aeo]s?|sobre)\b)"
    r"|quando (?:[\w-]+ ){0,4}?" + _STORY + r"s? (?:[\w-]+ ){0,3}?(?:publicad|divulgad)[oa]s?"
    r"|quando (?:[\w-]+ ){0,4}?" + _STORY + r"s? (?:[\w-]+ ){0,3}?escrit[oa]s?"
    r"|quando (?:[\w-]+ ){0,3}?escrit[oa]s? (?:[\w-]+ ){0,2}?" + _STORY +
    r"|quando saiu (?:a|o|esta|este|essa|esse) (?:[\w-]+ ){0,4}?" + _STORY +
    r"|(?:qual|que) (?:e )?(?:a )?data (?:tem )?(?:d[ao]|dest[ae]|dess[ae]) (?:[\w-]+ ){0,4}?" + _STORY +
    r"|de quando e (?:a|o|esta|este|essa|esse) (?:[\w-]+ ){0,4}?" + _STORY + r"|data de publicacao)\b")


def asks_publication_date(question: str) -> bool:
    return bool(_PUBLISHED.search(fold(question)))


# Asked what the story as a whole says: "What is this article about?", "Resuma a notícia", "De que
# trata o artigo?". Not what it says of something ("O que diz o artigo sobre Sumy?"), nor a summary
# of one thing in it ("Summarize what Yermak said").
_THE = r"(?:the|this|that|these|those|a|o|as|os|est[ae]s?|ess[ae]s?|d[aeo]s?|dest[ae]s?|dess[ae]s?|na|no|nest[ae]|ness[ae])"
_OVERVIEW = re.compile(
    r"\bwhat(?:'s|s| is| are| was)? (?:(?:the|this|that|these|those) (?:[\w'-]+ ){0,3}?" + _STORY + r"s?|it) "
    r"(?:[\w'-]+ ){0,3}?(?:about|saying)\W*$"
    r"|\b(?:summari[sz]e|sum up|(?:a )?summary of|gist of|main points of|key points of|tl;?dr of) " + _THE + " "
    r"(?:[\w'-]+ ){0,3}?" + _STORY +
    r"|^\W*(?:(?:give|write|make) (?:me )?)?(?:a )?(?:summary|main points|key points|gist|tl;?dr)\W*$"
    r"|\b(?:resum[aeio]\w*|sintetiz\w*|sintese)(?:-me| me| para mim)? " + _THE + r" (?:[\w-]+ ){0,3}?" + _STORY +
    r"|^\W*(?:(?:faz|faca|fa[cz]a-me|da-me|de-me) (?:um )?)?(?:resumo|sintese)\W*$"
    r"|\b(?:principais pontos|pontos principais|ideia principal)(?: " + _THE + r" (?:[\w-]+ ){0,3}?" + _STORY + r")?\W*$"
    r"|\b(?:de|do|sobre) (?:o )?que (?:e que )?(?:trata|tratam|fala|falam|e|sao) " + _THE + r" (?:[\w-]+ ){0,3}?" + _STORY +
    r"|\b(?:o )?que (?:diz|dizem|conta|contam|relata) " + _THE + r" (?:[\w-]+ ){0,3}?" + _STORY + r"s?\W*$")


# "…the story about the Beatles song", "…a notícia sobre Paris": which story, not what is asked.
_ON = r"(?: (?:about|on|sobre|acerca d[aeo]s?|da|do|de) [\w'’ -]{1,60}?)?"
_OF_THE_STORY = (r"(?: (?:of|d[aeo]s?|dest[ae]|dess[ae]) (?:the |this |that )?(?:[\w'-]+ ){0,3}?" + _STORY + r"s?"
                 + _ON + r")?\W*$")
_HEADLINE = re.compile(
    r"\b(?:(?:what|which) (?:is|was|are) (?:the |its )?(?:headline|title)s?" + _OF_THE_STORY +
    r"|(?:qual|quais) (?:e|sao) (?:o |os |a |as )?(?:titulo|manchete)s?" + _OF_THE_STORY +
    r"|como se chama " + _THE + r" (?:[\w-]+ ){0,3}?" + _STORY + _ON + r"\W*$)")
_AUTHOR = re.compile(
    r"\b(?:who (?:wrote|authored|signed) " + _THE + r" (?:[\w'-]+ ){0,3}?" + _STORY + r"s?" + _ON + r"\W*$"
    r"|who (?:is|was) (?:the |its )?(?:author|writer|journalist|reporter)" + _OF_THE_STORY +
    r"|(?:what|which) is (?:the |its )?source" + _OF_THE_STORY +
    r"|quem (?:escreveu|assina|assinou) " + _THE + r" (?:[\w-]+ ){0,3}?" + _STORY + r"s?" + _ON + r"\W*$"
    r"|quem (?:e|foi) (?:o |a )?(?:autor|autora|jornalista|reporter)" + _OF_THE_STORY +
    r"|(?:qual|quais) (?:e|sao) (?:a |as )?fontes?" + _OF_THE_STORY + ")")


def asks_overview(question: str) -> bool:
    """Whether the question asks what the story as a whole is about (see _OVERVIEW)."""
    return bool(_OVERVIEW.search(fold(question).strip()))


def story_question(question: str) -> str | None:
    """What a question on the story itself asks for, not on what it tells: "lead" (what it is
    about), "headline", "byline" (who wrote it); None for any other question (a publication date is
    asks_publication_date's)."""
    folded = fold(question).strip()
    for kind, pattern in (("headline", _HEADLINE), ("byline", _AUTHOR), ("lead", _OVERVIEW)):
        if pattern.search(folded):
            return kind
    return None


_WHEN = re.compile(r"\b(when|(what|which) (dates?|days?|times?|years?|months?)|quando|(que|qual|quais) (datas?|dias?|anos?|mes|meses|horas?))\b")
# A date or time of any precision, folded: a weekday, a month, a year, a clock time, "last week".
_DATE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may \d|\d{1,2} may|june"
    r"|july|august|september|october|november|december|janeiro|fevereiro|marco|abril|maio|junho|julho"
    r"|agosto|setembro|outubro|novembro|dezembro|sabado|domingo|yesterday|today|tomorrow|tonight|ontem"
    r"|hoje|amanha|(segunda|terca|quarta|quinta|sexta) ?-?feira|(1[89]|20)\d\d|\d{1,2}[:h]\d\d"
    r"|midnight|noon|midday|meia-noite|meio-dia"
    r"|(fim|final|inicio|meados|principio) d[oe] (ano|mes|semana|verao|inverno|outono|primavera)"
    r"|(end|beginning|start|middle) of (the |this |next )?(year|month|week|summer|winter|spring|autumn)"
    r"|\d{1,2} ?[ap]\.?m\b|(last|next|this) (week|month|year)|(semana|mes|ano) (passad[oa]|que vem)"
    r"|(d?est[ae]|nest[ae]) (semana|mes|ano)"
    # When, as a span from now: "within ten days", "dentro de dez dias", "daqui a duas semanas".
    r"|(within|in|after) (the )?(next |coming )?(\w+ )?(days?|weeks?|months?|years?|hours?)"
    r"|(dentro de|daqui a|no prazo de|ao fim de|nos proximos|nas proximas) (\w+ )?(dias|semanas|meses|anos|horas)"
    # or as the time it will take: "it will take 431 years for the song to reach the star"
    r"|" + _takes(r"[\w,.]+", "(days|weeks|months|years|hours)", "(dias|semanas|meses|anos|horas)") + r")\b")


# "What phrase did the official use?" asks for words in quotation marks.
_WORDS_SAID = re.compile(r"\b((que|qual|quais) (frase|expressao|palavras)|(what|which) (phrase|words|expression)"
                         r"|(exact|own) words|palavras exatas)\b")
# "Which song / in which city ...": things known by a proper name.
_WHICH_NAMED = re.compile(
    r"\b((which|what) (\w+ )?(song|book|film|movie|album|city|country|town|star|newspaper|company|team|ship|planet"
    r"|places?)|(que|qual|quais|em que|de que) (cancao|musica|livro|filme|album|cidade|pais|estrela|jornal"
    r"|empresa|equipa|time|navio|planeta|lugar(es)?|locais|local)|name of|called|nome d[oa]s?|chama(m|do|da)?)\b")
_QUOTED = re.compile(r"[“”«»\"].{3,}?[“”«»\"]")
# "Who did Rubio meet?", "Com quem se reúnem?", "Quem vai representar o Reino Unido?" ask for
# someone by name or role ("Who is attending?"); "Who is David Lammy?" asks what he is.
_WHO = re.compile(r"^\W*(?:(?:and|e) )?(?:(?:com|a|para|de|por|with|to|for) )?(?:who|whom|quem)\b"
                  r"(?! (?:is|was|are|were)\b(?! \w+ing\b))(?! (?:e|foi|era|sao|eram)\b)")


_AUXILIARY = re.compile(r"^(is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|must)\b")
# "que" asks only at the start or after "o" or a preposition ("Sobre que encontro…"); elsewhere it
# joins clauses ("É a primeira vez que…").
_INTERROGATIVE = re.compile(r"\b(qual|quais|quem|quando|onde|como|porque|porqu|quant[oa]s?|cujo|cuja"
                            r"|what|which|who|whom|whose|when|where|why|how|ou|or)\b"
                            r"|(^|\b(e|o|a|de|em|para|por|com|sobre|desde|ate|entre|no|na|do|da) )que\b")


def asks_yes_or_no(question: str, language: str) -> bool:
    """Whether the question wants a yes or a no ("Há conselheiros…?", "Was he…?"): no question
    word, no alternative ("antes ou depois"), and in English an auxiliary verb first."""
    folded = fold(question).strip()
    if _INTERROGATIVE.search(folded):
        return False
    return language == "pt" or bool(_AUXILIARY.match(folded))


_WHY = re.compile(r"\b(why|porque|porqu[eê]|por que|para que|how come)\b")


def asks_why(question: str) -> bool:
    """Whether the question asks for a reason."""
    return bool(_WHY.search(fold(question)))


def echoes_why(answer: str, question: str) -> bool:
    """Whether an answer to a "why" question opens by repeating the question and gives no reason
    after it: "Porque foi reduzida a quota?" -> "Porque foi reduzida a quota para 2027, que passa
    de 50 mil para 42.500 toneladas": its "porque" is the question's, not a cause."""
    if not asks_why(question):
        return False
    asked, said = words(fold(question)), words(fold(strip_markers(answer)))
    echoed = next((i for i, (q, a) in enumerate(zip(asked, said)) if q != a), min(len(asked), len(said)))
    return echoed >= 3 and echoed >= 0.6 * len(asked) and not gives_a_reason(" ".join(said[echoed:]))


# What a sentence gives as a cause or a purpose: "because", "after a storm damaged…", "fearing that…",
# "The broadcast celebrates…", "por não iniciar conversas", "para discutir os esforços".
_REASON = re.compile(
    r"\b(?:because|due to|owing to|thanks to|so that|in order to|so as to|after|fearing|commemorat\w*|blam\w*"
    r"|attribut\w* to|atribu\w*|culp\w*"
    r"|in honou?r of|reasons?|as a result of|porque|pois|devido a|por causa d\w*|gracas a|para que|a fim de"
    r"|depois (?:que|d[eoa]s?)|apos|temendo|receando|com medo|celebr\w*|comemor\w*|assinal\w*|em homenagem"
    r"|razao|razoes|motivos?|uma vez que|ja que|explica\w*(?: [\w-]+){0,6} (?:com|pel[oa]s?)"
    r"|explain\w*(?: [\w-]+){0,6} (?:by|with)|justif\w*|caused (?:\w+ )?by|causad[oa]s? (?:\w+ )?por|deve(?:-| )se a"
    # Not "está por saber" (is yet to be known).
    r"|(?<!esta )(?<!estao )(?<!estava )(?<!ainda )(?<!fica )(?<!ficou )(?:para|por)(?: nao)? \w+(?:ar|er|ir))\b")


# A sentence that says no, or not yet: "The board said it would not pay.", "no arrests had been
# made", "Ainda não se sabe qual o custo total", "as recomendações nunca saíram do papel".
_DENIES = re.compile(r"\b(?:not|never|nobody|none|nothing|no \w+s|unclear|unknown|nao|nunca|nenhum\w*|ninguem"
                     r"|ainda (?:nao|por|sem))\b|n't\b")
DENIAL_REACH = 5  # words between the "no" and a word of the question
_EVER_BEFORE = re.compile(r"\b(?:(?:ever|alguma vez|jamais)\b.*\b(?:before|antes)|previously|anteriormente)\b")
_FIRST_TIME = re.compile(r"\b(?:first time|primeira vez)\b")


def denies(sentence: str) -> bool:
    """Whether the sentence says that something is not, or not yet, so (for a yes/no question)."""
    return bool(_DENIES.search(fold(sentence)))


def denial_reach(sentence: str, question: str) -> int | None:
    """How many words stand between the sentence's "no" and the nearest word of the question
    (by five letters or a translation), when within DENIAL_REACH: "no arrests had been made"
    says no to "Has anyone been arrested…?" (1), "It is still unclear how the attackers got in"
    less so (3). None when the sentence says no to none of it."""
    folded = fold(sentence)
    # Each "no" where _DENIES finds it, at its last word ("not", "wouldn't", "arrests" of "no
    # arrests"): not the "no" of "no final do mês", which says no such thing. Asked whether a thing
    # was ever done before, "the first time" says no.
    denials = (_DENIES, _FIRST_TIME) if _EVER_BEFORE.search(fold(question)) else (_DENIES,)
    spots = [len(words(folded[:m.end()])) - 1 for rx in denials for m in rx.finditer(folded)]
    if not spots:
        return None
    asked = _plain_stems(question)
    tokens = words(folded)
    shared = [i for i, t in enumerate(tokens)
              if {term(x)[:5] for x in {t} | TRANSLATIONS.get(t, set())} & asked]
    reach = min((abs(i - j) for i in spots for j in shared), default=None)
    return reach if reach is not None and reach <= DENIAL_REACH else None


# That what is asked is not known, or not made public: "his name has not been released", "a causa
# ainda não é conhecida", "would not say how many".
_UNKNOWN = re.compile(r"\b(?:(?:not|nao)(?: yet| ainda)?(?: been| sido| foi| foram| e| sao)?"
                      r" (?:known|released|disclosed|named|identified|revealed|made public|confirmed"
                      r"|conhecid\w*|divulgad\w*|revelad\w*|identificad\w*|confirmad\w*)"
                      r"|unknown|unclear|desconhecid\w*|ainda nao se sabe|(?:would|will) not say|nao (?:quis|quiseram) (?:dizer|revelar))\b")


def says_unknown(sentence: str, question: str) -> bool:
    """Whether the sentence says that something the question asks is not known or not made public,
    near a word of the question (denial_reach): "The cause of his collapse is not yet known, and
    his name has not been released" for "What is the name of the runner who collapsed?"."""
    return bool(_UNKNOWN.search(fold(sentence))) and denial_reach(sentence, question) is not None


def gives_a_reason(sentence: str) -> bool:
    """Whether the sentence says why something is or happens (for a "why" question)."""
    return bool(_REASON.search(fold(sentence)))


# A judgement ("the best song"): only a sentence that makes one answers it.
_JUDGEMENT = re.compile(r"\b(best(?![- ]before)|worst|greatest|favou?rites?|melhor(es)?|pior(es)?|favorit[oa]s?|preferid[oa]s?)\b")


def unjudged(question: str, sentences: list[str]) -> bool:
    """Whether the question asks for a judgement ("Qual é a melhor música dos Beatles?") that none
    of the sentences makes: pressed, the model names the song of the excerpts as the best."""
    return bool(_JUDGEMENT.search(fold(question))) and not any(_JUDGEMENT.search(fold(s)) for s in sentences)


_BARE_YES_NO = re.compile(r"^\W*(yes|no|sim|nao)\W*$")


def bare_yes_or_no(answer: str) -> bool:
    """Whether the answer is only "Yes" or "Não": the small model says yes to almost anything, so a
    bare yes or no is no answer (the sentence it rests on is)."""
    return bool(_BARE_YES_NO.match(fold(strip_markers(answer))))


_AGE_QUESTION = re.compile(r"\b(how old|how many years|que idade|(?:ha|faz) quantos anos"
                           r"|quantos anos (?:tem|tinha|existe|faz|completa|celebra))\b")
_AGE_WORDS = set(content_terms("years ago old age anos idade existe exist exists existed tem has faz completa celebra"))
# "the 45th anniversary of NASA's Deep Space Network", "o 45.º aniversário da Deep Space Network",
# read folded (º folds to o); the thing ends at a comma, a semicolon, "and"/"e" or the sentence's end.
_ANNIVERSARY = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th|\.?o|\.?a)?\s+(?:anniversary\s+of|aniversario\s+d[aoe]s?)\s+"
                          r"(.+?)(?=[,;.]|\s(?:and|e)\s|$)")


def asks_age(question: str) -> bool:
    """Whether the question asks how old something is ("Há quantos anos existe…?", "How old…?")."""
    return bool(_AGE_QUESTION.search(fold(question)))


def years_since(sentence: str, question: str) -> str | None:
    """The age an "Nth anniversary of X" in the sentence gives, when the question asks the age of
    that X ("Há quantos anos existe a Deep Space Network?"; "How many years ago was the song
    recorded?" of "the 40th anniversary of the song's recording"): N, where the question's words
    meet one anniversary's thing best (ties: the thing with fewest other words, so NASA's own 50th,
    not its network's 45th, is NASA's age); None when it asks no age or no anniversary is of its
    subject."""
    if not asks_age(question):
        return None
    # (and their translations: "gravada a canção" asks of "the song's recording")
    asked = {t.split("'")[0] for t in content_terms(question) + content_terms(translated(question))} - _AGE_WORDS
    scored = []
    for number, thing in _ANNIVERSARY.findall(fold(sentence)):
        terms = {t.split("'")[0] for t in content_terms(thing)}
        met = len(asked & terms)
        if met:
            scored.append(((met, met / len(terms)), number))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def can_answer(sentence: str, question: str) -> bool:
    """Whether a quoted sentence can be the answer to the question's kind (see fits_kind); a
    question of no known kind is not checked."""
    return fits_kind(sentence, question) is not False


def asked_kind(question: str) -> str | None:
    """The kind of thing the question asks for, when it is one that can be checked: "role" (who is
    the <role>), "number" (how many), "date" (when), "words" (what phrase), "name" (which song),
    "person" (whom did he meet); None for other questions."""
    folded = fold(question)
    if asked_roles(question):
        return "role"
    for kind, pattern in (("number", _HOW_MANY), ("date", _WHEN), ("words", _WORDS_SAID), ("name", _WHICH_NAMED),
                          ("person", _WHO)):
        if pattern.search(folded):
            return kind
    return None


# "What was his time?", "Qual foi a receita?", "How warm was it?": a figure asked by its noun, not by
# "how many" (a clock's "what time" asks when: _WHEN). Not a score: pressed for "the final score",
# the model gave the 2-1 of a final of 1961.
_MEASURE = re.compile(
    r"\b(?:(?:what|qual|quais)\s+(?:(?:is|was|were|are|will be|e|foi|era|sera|foram|sao)\s+)?"
    r"(?:(?:the|o|a|os|as|his|her|its|their|seu|sua)\s+)?(?:[\w']+\s+){0,3}"
    r"(?:temperature|margin|price|cost|value|amount|revenue|profit|loss|salary"
    r"|temperatura|margem|vantagem|resultado|preco|custo|valor|montante|receita|lucro|prejuizo|salario)s?"
    # A time is someone's or something's ("his time", "o tempo do vencedor"); "at what exact
    # time…?" asks when.
    r"|(?:what|qual)\s+(?:is|was|were|are|e|foi|era)\s+(?:(?:the|o|his|her|its|their|seu)\s+|(?:\w+\s+){0,2}\w+'s\s+)"
    r"(?:[\w']+\s+)?(?:time|tempo)s?"
    r"|how (?:warm|far|wide))\b")


def asks_a_measure(question: str) -> bool:
    """Whether the question asks for a figure by its noun ("What was his time?"): a number answers."""
    return bool(_MEASURE.search(fold(question)))


def names_as_written(text: str, question: str) -> list[str]:
    """The names of the text, as it writes them, that the question does not mention; days and
    months aside: "Transtejo" of "A empresa estatal Transtejo."."""
    written = {fold(w): w for w in words(text)}
    return [" ".join(written.get(w, w) for w in n) for n in names(text)
            if not set(n) <= _CALENDAR_NAMES and not mentions_any(question, [" ".join(n)])]


def names_someone_new(sentence: str, question: str) -> bool:
    """Whether the sentence names someone the question does not (a place alone is nobody)."""
    q_tokens = _tokens(question)
    # A title is no part of whose name it is: "Councillor David Ashworth" is someone new to "Quem
    # é o vereador…?".
    return any(not _holds_name(tuple(w for w in n if w not in ROLES) or n, q_tokens)
               and not all(w in ALIASES for w in n) for n in names(sentence))


# "Who did Rubio and Witkoff meet?", "Com quem se reúne Witkoff?": the question's names are the
# doers, and whom they meet is named after them.
_WHOM = re.compile(r"^\W*(?:(?:and|e) )?(?:(?:with|to|for) )?(?:who|whom) (?:did|does|do|will|would|has|have|had)\b"
                   r"|^\W*(?:(?:and|e) )?(?:com|a|para) quem\b")


def names_whom_after_the_doers(sentence: str, question: str) -> bool:
    """Whether, asked whom the question's people met (or saw, or called), the sentence names
    someone new after one of them, where an object stands: in "O enviado especial de Donald Trump,
    Steve Witkoff, e … Marco Rubio manterá conversas…", Trump, named before Witkoff, is whose envoy
    he is, not whom he meets; in "Witkoff e Rubio verão o presidente francês Emmanuel Macron",
    Macron is. Other questions, and questions whose doers are no people ("With whom will the US
    hold talks?"): True."""
    if not _WHOM.search(fold(question)):
        return True
    # The doer is named first, and is someone: "the US" holds talks through its envoys, named
    # anywhere, and "em Paris" is where, not who.
    doer = names(question)[:1]
    if not doer or _is_place_or_people(doer[0]):
        return True
    q_tokens = _tokens(question)
    runs = _name_runs(sentence)
    asked = [at for at, n in runs if _holds_name(doer[0], _tokens(" ".join(n)))]
    return not asked or any(at > min(asked) and not _holds_name(n, q_tokens) and not _is_place_or_people(n)
                            and not _LOCATIVE.search(sentence[:at]) for at, n in runs)


# A name right after "em", "in", "at"… is where ("em Paris"), not whom.
_LOCATIVE = re.compile(r"\b(?:em|no|na|nos|nas|in|at)\s+$", re.IGNORECASE)


# A question that asks for an amount of money, and the marks of one.
_PRICE = re.compile(r"\b(prices?|costs?|costing|fares?|salar(?:y|ies)|wages?|how much money|precos?|custos?|custa"
                    r"|custam|custou|custar|tarifas?|salarios?|quanto dinheiro)\b")
_CHANGE = re.compile(r"\b(how fast|by how much|ris(?:e|es|en|ing)|rose|go(?:es|ing)? up|went up|increas\w*|grow\w*|grew"
                     r"|fall(?:s|en|ing)?|fell|drop\w*|climb\w*|sub(?:ir|iu|iram|ida|idas|ido)|sobem?"
                     r"|aument\w*|cresc\w*|ca(?:iu|iram|ir|em)|desc(?:eu|eram|er|em)|queda|baix(?:ou|aram|ar))\b")
_PERCENT = re.compile(rf"\d\s?%|\b(?:{_PERCENT_WORDS})\b", re.IGNORECASE)
# A sum named a price with no currency beside it: "nenhuma construtora aceitou o preço-base de 17
# milhões", "at a cost of 4.2 million" (read folded).
_PRICED = re.compile(r"\b(?:price|cost|preco|custo|valor)(?:-base)?\s+(?:of|de|do|da)\s+(\d[\d.,]*(?:\s+\w+)?)")


def named_a_price(answer: str, sentences: list[str]) -> bool:
    """Whether the sum answered ("17 milhões") is one a sentence names a price ("o preço-base de
    17 milhões"): asked a price, it is of the kind though no currency stands beside it."""
    wanted = numbers(answer)
    return bool(wanted) and any(wanted <= numbers(m.group(1)) for s in sentences for m in _PRICED.finditer(fold(s)))
_MONEY = re.compile(r"[€$£]|\b(?:euros?|dollars?|d[oó]lares|pounds?|libras?|reais|cents?|c[eê]ntimos)\b", re.IGNORECASE)


# "What was the alternative to putting fares up?" asks the alternative, not a fare.
_WHAT_IS_THE = re.compile(r"\b(?:what|qual|quais) (?:is|was|were|are|will be|would be|e|foi|era|sera|seria|foram|sao) "
                          r"(?:the|o|a|os|as) (\w+)")


def _asks_another_thing(folded: str) -> bool:
    asked = _WHAT_IS_THE.search(folded)
    return bool(asked) and not _PRICE.search(asked.group(1)) and asked.group(1) not in ("new", "novo", "nova", "total")


def _holds_what_changes(sentence: str, question: str) -> bool:
    """Whether the sentence holds most of what the question says rose or fell, its words of price
    and change aside: "Quanto subiram os preços do vestuário e do calçado?" is not answered by
    "Food … prices rose by 5.2%"."""
    change = {w[:5] for m in _CHANGE.finditer(fold(question)) for w in words(m.group(0))}  # "going up"
    asked = {t for t in _plain_stems(question) - change if not _PRICE.search(t) and not _CHANGE.search(t)}
    return 2 * len(asked & _held_stems([sentence], 5)) >= len(asked)


# "Ms Ramsay's sister", "a irmã de Eilidh Ramsay": someone told by whose relation they are.
_KIN = (r"(?i:sister|brother|mother|father|wife|husband|son|daughter|partner|friend|colleague|neighbou?r|cousin"
        r"|uncle|aunt|irmã|irmão|mãe|pai|mulher|marido|filh[oa]|companheir[oa]|amig[oa]|colega|vizinh[oa]"
        r"|prim[oa]|ti[oa])s?")
_BY_RELATION = re.compile(
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][\w-]*(?: [A-Z][\w-]*)*['’]s {_KIN}"
    rf"|(?:[OoAa]s? )?{_KIN} d(?:e|o|a|os|as) (?:(?:Sr|Sra|Dr|Dra)\.? )?[A-Z][\w-]*(?: [A-Z][\w-]*)*")


def names_only_a_relation(answer: str, question: str) -> bool:
    """Whether, asked for a name, the answer gives only whose relation the person is: asked the name
    of the sister who called the police, "Ms Ramsay's sister" names no sister."""
    return asked_kind(question) in ("name", "person") and bool(
        _BY_RELATION.fullmatch(strip_markers(answer).strip().rstrip(".")))


# "Which other clubs wanted him?": the things asked for, by a plural noun.
_WHICH_PLURAL = re.compile(r"^\W*(?:(?:and|e) )?(?:which|what|quais|que)\s+(?:(?:other|outr[oa]s)\s+)?([a-z]\w+s)\b")


def counts_for_which(answer: str, question: str) -> bool:
    """Whether, asked which things, the answer only counts them and names none: "Three or four
    clubs wanted him" says how many clubs, not which."""
    asked = _WHICH_PLURAL.match(fold(question))
    if not asked or [n for n in names(strip_markers(answer)) if not _holds_name(n, _tokens(question))]:
        return False
    noun = asked.group(1)
    forms = {noun, noun.rstrip("s")} | TRANSLATIONS.get(noun, set())
    tokens = words(fold(strip_markers(answer)))
    return any((numbers(t) or t in _WORD_VALUES) and set(tokens[i + 1:i + 3]) & forms for i, t in enumerate(tokens))


# A clock's time asked, and the words that give one roughly.
_ASKS_HOUR = re.compile(r"\b(a que horas?|que horas|(at )?what (exact )?time(?! of (the )?year)|at what hour)\b")
_TIME_OF_DAY = re.compile(r"\b(midnight|noon|midday|meia-noite|meio-dia|madrugada|morning|afternoon|evening|night"
                          r"|manha|tarde|noite)\b")


# "How long is the bridge?" asks a length; "until Wednesday", "desde 2017" say how long too.
_HOW_LONG_IS = re.compile(r"\bhow long(?:['’]s| (?:is|was|are|were|will \w+ be))\b")
_TILL = re.compile(r"\b(until|till|since|desde|ate(?! (?:as|a) \d))\b")  # not a clock's "até às 09h00"
# "uma hora de atraso", "an hour late", "half a day": a span of one.
_ONE_SPAN = re.compile(r"\b(?:an?|uma?|meia|half an?)\s+(?:hour|day|week|month|year|minute|second|hora|dia|semana|mes|ano"
                       r"|minuto|segundo)s?\b")
_HOW_FAR = re.compile(r"\b(how far|a que distancia|(que|qual (e )?a) distancia|what(?: is|'s| was)? the distance"
                      r"|distance between|distancia entre)\b")
_DISTANCE = re.compile(r"\d(?:[\d.,]*\d)?\s?-?(?:km|kilomet(?:re|er)s?|quilometros?|metres?|meters?|metros|m|miles?"
                       r"|milhas|light[- ]years?|anos[- ]luz)\b"
                       r"|\b(?:metres|meters|metros|miles|milhas|quilometros|kilometres|kilometers) (?:away|de distancia)\b")


_SPEED = re.compile(r"\b(?:speed|velocidade|how fast)\b")
_NAMED_SPEED = re.compile(r"\b(?:speed of (?:light|sound)|velocidade da luz|velocidade do som)\b")


def fits_kind(sentence: str, question: str) -> bool | None:
    """Whether the sentence holds the kind of thing the question asks for (asked_kind): a name with
    the role, a number of its own, a date or time, quoted words, a name of its own; None for
    questions of no known kind."""
    kind = asked_kind(question)
    q_tokens = _tokens(question)
    folded = fold(question)
    if kind in ("number", None) and _PRICE.search(_outside_names(question)) and not _COUNTED.search(folded) \
            and not _DURATION.search(folded) and not asks_yes_or_no(question, detect(question)) \
            and not _asks_another_thing(folded):
        # Asked the price of sardines, "35 milhões de sardinhas" is a count, not a price. (Asked
        # for how many years wages have lagged, a count of years is.) Asked how fast prices rise or
        # how much wages grew, a rate is ("rising by 5.2%"). Not asked whether they will rise:
        # "The authority has not yet said whether night bus fares will change" answers that.
        # A bare rate ("4.8%") is judged by where it stands (the other checks).
        return bool(_MONEY.search(sentence) or _PRICED.search(fold(sentence))
                    or (_CHANGE.search(folded) and _PERCENT.search(sentence)
                                                and (bare(sentence) or _holds_what_changes(sentence, question))))
    if kind in ("number", None) and _DURATION.search(folded) and not _HOW_LONG_IS.search(folded):
        # "How long does "Velvet Hours" run?" is not answered by the 30 who walked out of it, nor
        # Rui Medeiros's stay by his age ("de 42 anos"), nor by a span the question gives.
        spans = {v for v, _ in _spans_in_units(sentence)} - numbers(question) - _written_ages(sentence)
        return bool(spans or _TILL.search(fold(sentence)) or _ONE_SPAN.search(fold(sentence)))
    if kind in ("number", None) and _HOW_FAR.search(folded):
        # "A que distância de Sagres ficou o epicentro?" is not answered by "ao largo de Sagres".
        return bool(_DISTANCE.search(fold(sentence)))
    if kind == "role":
        roles, s_tokens = asked_roles(question), _tokens(sentence)
        return all(_role_words(r) & s_tokens for r in roles) and (names_someone_new(sentence, question)
                                                            or described_by_role(sentence, question))
    if kind == "number":
        # A speed may be named: "traveling at the speed of light" answers "A que velocidade viaja a canção?"
        return (bool(counts(sentence) - numbers(question)) or bool(number_words(sentence) - number_words(question))
                or bool(_SPEED.search(folded) and _NAMED_SPEED.search(fold(sentence))))
    if kind == "date":
        if _ASKS_HOUR.search(folded):
            # "A que horas se deu o sismo?" is not answered by "desde janeiro de 2018".
            return bool(_CLOCK_TIME.search(sentence) or _TIME_OF_DAY.search(fold(sentence)))
        return bool(_DATE.search(fold(sentence)))
    if kind == "words":
        return bool(_QUOTED.search(sentence))
    if kind == "name":  # a day or a month names no one and nowhere: "In which country…?" is not "Wednesday"
        # A name holding the kind asked is still new: "Qual é o nome do complexo…?" → "Madrid Deep
        # Space Communication Complex".
        return any(not all(_holds_word(w, q_tokens) for w in [w for w in n if len(w) >= 4] or n)
                   and not set(n) <= _CALENDAR_NAMES for n in names(sentence))
    if kind == "person":  # someone the question does not name (a country or a people is nobody), or a role
        return any(not _holds_name(n, q_tokens) and not _is_place_or_people(n) for n in names(sentence)) or bool(
            (_tokens(sentence) - q_tokens) & (ROLES.keys() | _BODIES))
    return None


# Who pays, decides or acts may be a body, not a person: "Quem paga o desvio?" is answered by "O
# Estado pagará 60% do custo do desvio".
_BODIES = set("""
state estado government governo governos council councils camara camaras autarquia autarquias municipality
municipio municipios ministry ministerio ministerios company companies empresa empresas operator operadora
union unions sindicato sindicatos police policia court courts tribunal tribunais university universidade
hospital hospitais commission comissao agency agencia authorities autoridades parliament parlamento
team equipa researchers investigadores
""".split())


def _outside_names(question: str) -> str:
    """The folded question without the words of its names: "What does Megan Price want to
    reopen?" asks no price. (A lone capitalised word that opens it may be a common word.)"""
    named = {w for start, n in _name_runs(question) if start > 0 or len(n) > 1 for w in n}
    return " ".join(w for w in words(fold(question)) if w not in named)


# Counts written in words ("há mais de vinte anos", "quase quatro horas"); not "one"/"um", which
# are mostly articles.
_NUMBER_WORD = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|dois|duas|tres|quatro|cinco|seis"
    r"|sete|oito|nove|dez|onze|doze|treze|catorze|quatorze|quinze|dezasseis|dezesseis|dezassete|dezessete"
    r"|dezoito|dezanove|dezenove|vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa|cem|cento"
    r"|duzentos|trezentos|quinhentos|mil|milhao|milhoes|bilhao|bilhoes|dezenas|centenas|milhares"
    r"|half|metade|tercos?|dobro)\b")


def holds_a_figure(text: str) -> bool:
    """Whether the text gives a number, in digits or in words ("twenty-two seconds")."""
    return bool(numbers(text) or _NUMBER_WORD.search(fold(text)))


# Counts of several words: "twenty-five", "vinte e cinco".
_COMPOUND_COUNT = re.compile(rf"{_NUMBER_WORD.pattern}(?:(?:-|\s(?:e|and)\s){_NUMBER_WORD.pattern})+")
_WORD_VALUES = {w: str(v) for v, group in enumerate([
    "", "", "two dois duas", "three tres", "four quatro", "five cinco", "six seis", "seven sete", "eight oito",
    "nine nove", "ten dez", "eleven onze", "twelve doze", "thirteen treze", "fourteen catorze quatorze",
    "fifteen quinze", "sixteen dezasseis dezesseis", "seventeen dezassete dezessete", "eighteen dezoito",
    "nineteen dezanove dezenove", "twenty vinte"]) for w in group.split()}
# An ordinal holds its count ("the third ferry strike this year": three). Not "second", "segunda"
# or "quinta", which are also units and weekdays.
_ORDINAL_VALUES = {w: str(v) for v, group in enumerate(["", "", "", "third terceiro terceira", "fourth", "fifth",
                                                        "sixth", "seventh", "eighth", "ninth", "tenth"])
                   for w in group.split()}


def _lone_number_words(text: str) -> list[tuple[str, str]]:
    """The small counts the text writes as one word, with their values ("Três bombeiros" → tres, 3);
    not a word of a longer count ("twenty-five", "vinte e cinco")."""
    alone = _COMPOUND_COUNT.sub(" ", fold(text))
    return [(w, _WORD_VALUES[w]) for w in _NUMBER_WORD.findall(alone) if w in _WORD_VALUES]


def _values(text: str) -> set[str]:
    """The counts of the text, in digits, as words (see _lone_number_words) or as ordinals."""
    ordinals = {_ORDINAL_VALUES[w] for w in words(fold(text)) if w in _ORDINAL_VALUES}
    return numbers(text) | {value for _, value in _lone_number_words(text)} | ordinals


def number_words(text: str) -> set[str]:
    """The counts a text writes in words (see _NUMBER_WORD)."""
    return set(_NUMBER_WORD.findall(fold(text)))


def overlap(a: str, b: str, translate: bool = False) -> float:
    """The share of a's content terms that b holds; `translate`: or its translation (lexicon): "Os
    fãs são convidados" meets "NASA invites … fans"."""
    held = set(content_terms(b)) | (set(content_terms(translated(b))) if translate else set())
    return _share(set(content_terms(a)), held)


def _share(terms: set[str], other: set[str]) -> float:
    """The part of `terms` that `other` holds."""
    return len(terms & other) / (len(terms) or 1)


FRESH_WORDS_WEIGHT = 0.3


def bind(sentence: str, passages: list[str], similarity: list[float], question: str = "",
         context: list[str] | None = None, headlines: list[str] | None = None) -> Support:
    """The most similar passage that holds the sentence's facts.

    Names the reader already used in the question may come from the passage's article context
    (the other evidence of that article) instead, since the question set the subject; but a
    sentence with a number must find the number and the question's names in one passage, or a
    neighbouring paragraph's figure ("18 died in Sumy") would pass. A sentence without a number
    may take a name from its passage's headline (`headlines`, one a passage), which frames every
    paragraph of the story: "The Ukrainian ministers went to Paris" may be the paragraph saying
    they "chegaram à capital francesa" under "…conversas em Paris…" (that paragraph now holds Paris
    itself: see _capitals_named).
    """
    q_tokens = _tokens(question)
    # A word the reader wrote in lower case is a common noun, even capitalised in a translated name
    # ("qual estrela" -> "a Estrela do Norte", the article's "North Star"): not a name to look for.
    common = {fold(w) for w in words(question) if w.islower()}
    plain = tuple(n for n in names(sentence) if set(n) <= common)
    asked = [n for n in names(sentence) if n not in plain and _holds_name(n, q_tokens)]
    has_number = bool(numbers(sentence) - numbers(question))
    said = set(content_terms(sentence))
    fresh = said - set(content_terms(question))
    # "Ashworth" of the question is the article's "Ashworth Rovers", whom a paragraph calls "Rovers".
    whole = dict(zip(asked, _as_written_whole(asked, [*passages, *(headlines or [])])))
    best, best_score, fewest = None, float("-inf"), None
    for i, text in enumerate(passages):
        tokens = _tokens(text)
        framed = () if has_number or not headlines else tuple(
            n for n in names(sentence) if _holds_name(n, _tokens(headlines[i])))
        missing = missing_facts(sentence, text, skip=tuple(asked) + plain + framed)
        where = tokens if has_number or context is None else _tokens(context[i])
        missing += sorted(_label(n) for n in asked if not _holds_name(whole[n], where))
        if fewest is None or len(missing) < len(fewest):
            fewest = missing
        if missing:
            continue
        # 'Steve Witkoff' is better cited where both words stand than where only 'Witkoff' does, and
        # a short answer with no name or number ("a quinta-feira") where its words stand; words
        # the question did not use ("bastão", "forgotten classic") come from the passage they copy.
        # A place named in the other language ("Germany" for "Alemanha") or by its country ("Paris"
        # for "a capital francesa") is a word of the passage too.
        # And a word copied in translation ("esquecido" of "forgotten", "perfil" of "profile").
        terms = set(content_terms(text)) | {term(a) for t in tokens if t in ALIASES or t in _CAPITAL_NAMES
                                            for a in ALIASES.get(t, {t})} | set(content_terms(translated(text)))
        score = (similarity[i] + 0.2 * _name_coverage(sentence, tokens) + 0.1 * _share(said, terms)
                 + FRESH_WORDS_WEIGHT * _share(fresh, terms))
        if score > best_score:
            best, best_score = i, score
    return Support(sentence, best, () if best is not None else tuple(fewest or ()),
                   asked=tuple(_label(n) for n in asked))
