"""Common news words and their translations, English <-> Portuguese, folded (no accents).

An answer in the reader's language rests on a sentence in the article's: the check that every word
the model adds stands in the evidence (cite.rests_on_one) matches words by their first letters,
which holds "transmissão" / "transmission" but not "gravação" / "recording". The lexicon also
carries a question's words to the other language's story in retrieval (BM25) and in choosing the
story, and a counted noun to its translation ("households" / "agregados"). Each line is one
meaning, its words in both languages with their common inflections. Only words: names, numbers
and places are checked elsewhere (cite.ALIASES), and strictly.
"""
from __future__ import annotations

from .text import fold, words

_GROUPS = """
song songs cancao cancoes musica musicas music
record recorded recording recordings gravacao gravacoes gravado gravada gravar gravou gravaram
network networks rede redes
space espaco espacial espaciais
anniversary anniversaries aniversario aniversarios
broadcast broadcasts transmission transmissions transmissao transmissoes emissao
star stars estrela estrelas
light luz
fan fans fas adeptos
invite invites invited convida convidam convidados convidadas convite
play plays playing tocar toquem ouvir reproduzir
wife mulher esposa
idea ideia
press imprensa
release comunicado
statement statements declaracao declaracoes
alien aliens extraterrestre extraterrestres alienigenas
love amor
beginning inicio comeco
age era idade
direction direcao sentido
known conhecida conhecido
first primeira primeiro primeiros primeiras
time vez vezes
deep profundo profunda
send sends sent sending enviar enviada enviado envia enviam
antenna antennas antena antenas
complex complexo
million millions milhao milhoes
thousand thousands mil milhares
line lines linha linhas
tram trams eletrico eletricos
cost costs custo custos custa custam custar investment investimento
stop stops paragem paragens parada paradas
passenger passengers passageiro passageiros
day days dia dias daily diario diariamente
council camara municipal municipality municipio
vote votes voted voting voto votos votou votaram
against contra
approve approved approves aprovou aprovada aprovado aprovar aprovaram
debate debates debate
work works obra obras
build builds built building construction construir construida construido construcao constroi
open opens opened abrir abre aberta aberto abrira
end final fim
start starts started begin begins comecam comeca comecar inicio
opposition oposicao
criticise criticised criticize criticized criticism criticou criticaram critica criticas
schedule timetable calendario prazo prazos
plan plans plano planos
trader traders merchant merchants shopkeepers comerciantes comercio
affect affected afetados afetadas afetar
fund funds funding fundo fundos
budget orcamento
loan emprestimo
bank banco
company companies empresa empresas
buy buys bought comprar compra comprou
new novo nova novos novas
capacity capacidade
resident residents morador moradores
association associacao
population populacao people pessoas
connection link ligacao ligacoes
wait waits waiting waited espera esperam esperar
car cars carro carros
avenue avenida
waterfront riverside ribeirinha
rest resto restante
half metade
war guerra
talk talks conversa conversas conversacoes negotiation negotiations negociacao negociacoes discussion discussions discussao discussoes
meeting meet meets reuniao reunioes reunir encontro
ceasefire cease-fire cessar fogo
kill killed matou mataram died dead mortos morreram morte mortes
injure injured feridos feriu ferido
attack attacks ataque ataques
missile missiles missil misseis
city cidade
minister ministers ministro ministros
foreign exteriores estrangeiros
defence defense defesa
arrive arrived arrives chegaram chegou chegar
participate participating attend attends attending attended participar participam comparecer comparecem comparecerao compareceu
level nivel
engagement envolvimento
ask asks asked pedir pedirao pediram pede
pressure pressionem pressionar pressao
agree agreed concordar concordou
unconditional incondicional
official officials funcionario funcionarios responsavel
stick bastao
security seguranca
adviser advisers consultores conselheiros
involve involved envolvidos envolvido
focus foco
fighting combates combate
report reported relataria relatar relatou
week semana
president presidente
effort efforts esforcos esforco
residential residencial
area zona
month mes
return returned retornar regressar
house houses home homes casa casas habitacao habitacoes
household households agregado agregados lar lares
job jobs emprego empregos
able capaz
hour hours hora horas
government administration governo administracao
measure measures steps medidas
improve improved melhorar melhorou
relation relations relacoes
dramatically drasticamente
tension tensions tensoes
clash confronto
leader lider
rebuke rebuked repreendeu
peace paz
speed velocidade
reach chegar alcancar
forgotten esquecido esquecida
classic classico
appeal apelo
border borders fronteira fronteiras
language languages lingua linguas idioma
barrier barriers barreira barreiras
"""

TRANSLATIONS: dict[str, set[str]] = {}
for _line in _GROUPS.strip().splitlines():
    _words = _line.split()
    for _w in _words:
        TRANSLATIONS.setdefault(_w, set()).update(x for x in _words if x != _w)


def translated(text: str) -> str:
    """The other words the lexicon gives for the text's words, as one text ("fãs convidados" ->
    "fan fans adeptos invite invites …"): matched beside the text, a question's words meet an
    article in the other language."""
    return " ".join(sorted({t for w in words(fold(text)) for t in TRANSLATIONS.get(w, ())}))
