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
mayor mayors autarca autarcas prefeito presidente
vote votes voted voting voto votos votou votaram
against contra
approve approved approves aprovou aprovada aprovado aprovar aprovaram
debate debates debate
work works obra obras
build builds built building construction construir construida construido construcao constroi
open opens opened abrir abre aberta aberto abrira
end ends ended final fim terminou termina terminar acabou
start starts started begin begins began begun comecam comeca comecar comecou comecaram inicio iniciou
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
injure injured wounded feridos feriu ferido ferida feridas
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
agree agreed concordar concordou acordaram acordou
agreement agreements deal deals acordo acordos
cut cuts corte cortes reduce reduced reduction reducao reduzir reduziu reduzida reduzido
scientist scientists cientista cientistas
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
reach reached reaches chegar alcancar atingir atingiu atingiram atinge atingem
forgotten esquecido esquecida
classic classico
appeal appeals appealed apelo recorrer recorre recurso recursos recorreu
border borders fronteira fronteiras
language languages lingua linguas idioma
barrier barriers barreira barreiras
school schools escola escolas
pupil pupils student students aluno alunos estudante estudantes
child children crianca criancas
teacher teachers professor professores professora professoras
class classes lesson lessons aula aulas turma turmas
classroom classrooms sala salas
library libraries biblioteca bibliotecas
building buildings edificio edificios predio predios
close closes closed closing fechar fecha fecham fechou fecharam fechada fechado fechadas fechados encerrar encerrou
early cedo
record records recorde recordes registo registos registro registros
high higher highest alto alta altos altas maximo maxima elevado elevada
low lower lowest baixo baixa minimo minima
temperature temperatures temperatura temperaturas
heat heatwave calor
family families familia familias
worker workers trabalhador trabalhadores
tree trees arvore arvores
shelter shelters abrigo abrigos refugio refugios
hospital hospitals hospitais
doctor doctors medico medicos
police policia
court courts tribunal tribunais
law laws lei leis
election elections eleicao eleicoes by-election by-elections intercalar intercalares
price prices preco precos
tax taxes imposto impostos
water agua
spend spends spent spending gastar gasta gastou gastara gastos
warn warns warned warning avisar avisou avisaram alertar alertou alertaram
cancel cancels cancelled canceled cancelar cancelou cancelado cancelados cancelada canceladas
alert alerts alerta alertas
night nights noite noites
province provinces provincia provincias
region regions regional regiao regioes
parliament parlamento
forecast forecasts forecaster forecasters previsao previsoes meteorologistas
union unions sindicato sindicatos
agency agencia
activity activities atividade atividades
sport sports desporto desportos desportiva desportivas
centre centres center centers centro centros
public publico publica publicos publicas
private privado privada privados privadas
afternoon afternoons tarde tardes
degree degrees grau graus
percent percentage percentagem percentual
kilometre kilometres kilometer kilometers quilometro quilometros km
tonne tonnes ton tons tonelada toneladas
metre metres meter meters metro metros
litre litres liter liters litro litros
kilo kilos kilogram kilograms quilo quilos quilograma quilogramas kg
fire fires incendio incendios
wildfire wildfires
firefighter firefighters bombeiro bombeiros
evacuate evacuated evacuates evacuation evacuar evacuou evacuados evacuadas evacuacao retirar retirou retiraram retirados retiradas
village villages aldeia aldeias
town towns vila vilas localidade localidades
wind winds vento ventos
strong forte fortes
burn burned burnt burns queimar queimou queimaram queimada queimados ardeu arderam arder
hectare hectares
aircraft plane planes aviao avioes aeronave aeronaves aereos
vehicle vehicles viatura viaturas veiculo veiculos
injury injuries ferimento ferimentos lesao lesoes
minor slight ligeiro ligeiros ligeira ligeiras leve leves
cause causes caused causa causas causou causaram
unknown desconhecido desconhecida desconhecidos desconhecidas
investigation investigations investigate investigating investigacao investigar investigam
road roads estrada estradas
traffic transito
meal meals refeicao refeicoes
mattress mattresses colchao colchoes
declare declared declarar declarou
calamity calamidade
disaster disasters catastrofe desastre desastres
emergency emergencia
flood floods flooding cheia cheias inundacao inundacoes
rain chuva chuvas
drought seca
earthquake sismo terramoto
storm storms tempestade tempestades temporal
damage damaged danos dano danificou danificado danificada estragos
rescue rescued resgate resgatar resgatou socorro
help ajuda ajudar apoio apoios apoiar support aid
patient patients doente doentes paciente pacientes
health saude
victim victims vitima vitimas
body bodies corpo corpos
arrest arrested detido detidos deter deteve
judge judges juiz juizes juiza juizas
trial trials julgamento julgamentos
prison jail prisao cadeia
crime crimes
suspect suspects suspeito suspeitos
party parties partido partidos
candidate candidates candidato candidatos candidata
protest protests protesto protestos manifestacao manifestacoes
strike strikes greve greves
salary salaries wage wages salario salarios
rise rises rose risen subir subiu aumento aumentou
fall falls fell fallen cair caiu queda desceu
growth crescimento crescer cresceu
employee employees empregado empregados
market markets mercado mercados
sale sales venda vendas vender vendeu sell sells sold selling vende vendem
profit profits lucro lucros
debt divida dividas
oil petroleo
energy energia
electricity eletricidade
train trains comboio comboios
bus buses autocarro autocarros
airport airports aeroporto aeroportos
flight flights voo voos
bridge bridges ponte pontes
crossing crossings travessia travessias
ferry ferries
ship ships navio navios barco barcos boat boats vessel vessels embarcacao embarcacoes
fisherman fishermen fishers pescador pescadores
fish fishing peixe peixes pesca pescar pescas
catch catches caught captura capturas capturar capturou
shipowner shipowners armador armadores
team teams equipa equipas
match matches jogo jogos
win won wins vencer venceu ganhar ganhou vitoria
lose lost perder perdeu derrota
player players jogador jogadores
goal goals golo golos
season temporada epoca
delay delays delayed atraso atrasos atrasou atrasaram adiado adiada adiados adiar adiou adiamento
begin begins began begun start starts started comecar comecou comecaram comeca comecam iniciou iniciaram
finish finished concluir concluiu concluida conclusao
study studies estudo estudos
tide tides mare mares
channel channels canal canais
speed velocidade
minute minutes minuto minutos
nurse nurses enfermeiro enfermeiros enfermeira enfermeiras
chairman chairwoman presidente
director directors diretor diretora diretores
project projects projeto projetos
billion billions biliao bilioes
runway runways pista pistas
terminal terminals terminais
noise ruido ruidos barulho
neighbourhood neighborhood bairro bairros vizinhanca
challenge challenges contestacao contestar contestou desafio desafios
legal judicial juridico juridica
shortage shortages falta escassez
island islands ilha ilhas
turbine turbines turbina turbinas
river rivers rio rios
sea mar mares
coast coasts costa costas litoral
beach beaches praia praias
country countries pais paises
steal steals stole stolen stealing theft thefts roubar roubou roubaram roubado roubada roubados roubadas roubo roubos furto furtos
thief thieves ladrao ladroes assaltante assaltantes
painting paintings pintura pinturas quadro quadros
paint paints painted pintar pintou pintado pintada
portrait portraits retrato retratos
museum museums museu museus
window windows janela janelas
van vans carrinha carrinhas furgoneta furgao
camera cameras camaras
footage imagens
investigator investigators investigador investigadores
arrest arrests arrested detencao detencoes detido detidos deter prender preso presos
insured insurance seguro segurado segurada segurados seguradas
alarm alarms alarme alarmes
guard guards guarda guardas vigilante vigilantes
found encontrado encontrada encontrados encontradas encontrou
recover recovered recuperar recuperado recuperada recuperou
worth valued value valor valem vale valia avaliado avaliada avaliados avaliadas
closed close closes fechado fechada fechados fechadas fechar fecha encerrado encerrada
reopen reopens reopened reabre reabrir reabriu reabrira
brooch brooches broche broches
gold ouro
flee fled escape escaped fugir fugiram fugiu
pay pays paid pagar pagou pagaram pago paga
founded fundado fundada fundou fundados
plate matricula
announce announces announced anunciar anunciou anunciada anunciado anunciaram
agriculture agricultural agricultura agricola
farmer farmers agricultor agricultores agricultora
irrigation irrigators rega regantes regar
reservoir reservoirs dam dams barragem barragens albufeira albufeiras
olive olives olival olivais azeitona azeitonas
almond almonds amendoal amendoais amendoa amendoas
intensive intensivo intensiva
truck trucks lorry lorries camiao camioes cisterna cisternas
weather meteorologia meteorologico meteorologica
institute instituto institutos
harvest harvests colheita colheitas
support apoio apoios
consumption consumo
supply abastecimento
measure measures medida medidas
meeting meetings reuniao reunioes reuniu reunir
decide decides decided decision decisions decidir decidiu decidiram decisao decisoes
raise raises raised raising angariar angariou angariaram angariado levantou captou
round rounds ronda rondas
funding financing financiamento financiamentos
investor investors investidor investidores
invest invests invested investment investments investir investiu investimento investimentos
launch launches launched launching lancar lancou lancado lancada lancamento lancamentos
employ employs employed empregar emprega empregam empregou
based sediada sediado sede
satellite satellites satelite satelites
rocket rockets foguetao foguetoes foguete foguetes
orbit orbits orbita orbitas orbitar
weigh weighs weighed pesa pesam pesar pesou
engineer engineers engenheiro engenheiros engenheira engenheiras
hire hires hired hiring contratar contrata contratou contratacao
data dados
recount recounts recontagem recontagens
count counts counted contagem contagens
ballot ballots boletim boletins
turnout participacao afluencia
seat seats lugar lugares assento assentos mandato mandatos
coalition coalitions coligacao coligacoes coalizao
ward wards bairro bairros circunscricao
labour labor trabalhista trabalhistas
conservative conservatives conservador conservadora conservadores conservadoras
green greens verde verdes
railway railways rail ferroviario ferroviaria ferroviarios ferrovia comboio comboios
halt apeadeiro apeadeiros
station stations estacao estacoes
profession job occupation profissao ocupacao emprego
resign resigned resigns resignation stepped demitiu demissao renunciou renuncia
previous former anterior anteriores antigo antiga
reject rejects rejected rejeitado rejeitados rejeitada rejeitadas rejeitou
result results resultado resultados
winner winners vencedor vencedora vencedores
fine fines fined multa multas multado multada multou
sentence sentenced sentencia sentenca condenado condenada condenou condena condenados
lawyer lawyers advogado advogada advogados
witness witnesses testemunha testemunhas
complaint complaints queixa queixas
acquit acquitted absolvido absolvida absolvidos absolveu
suspended suspensa suspenso
discharge discharges discharged dumped dumping descarga descargas descarregado descarregou despejo
pollution pollute polluted polluting poluicao poluir poluido poluida poluiu
toxic toxico toxica toxicos toxicas
turnover revenue faturou faturacao receitas
parish parishes freguesia freguesias
tributary tributaries afluente afluentes
university universities universidade universidades
loss losses prejuizo prejuizos perda perdas
inflation inflacao
unemployment desemprego
army armies exercito exercitos
soldier soldiers soldado soldados
summit summits cimeira cimeiras
campaign campaigns campanha campanhas
poll polls sondagem sondagens
survey surveys inquerito inqueritos
increase increases increased aumento aumentos aumentou aumentar
decrease decreases decreased diminuicao diminuiu diminuir
accident accidents acidente acidentes
ticket tickets bilhete bilhetes
mountain mountains montanha montanhas serra serras
forest forests floresta florestas
farm farms quinta quintas herdade herdades
crop crops colheita colheitas
food alimento alimentos comida
tourism turismo
tourist tourists turista turistas
hotel hotels hoteis
church churches igreja igrejas
charge charged accused acusado acusada acusados acusadas acusacao
guilty culpado culpada culpados
innocent inocente inocentes
ruling rulings acordao
confirm confirms confirmed confirma confirmou confirmado
deny denies denied nega negou negar
sign signs signed assina assinou assinado assinar assinaram
postpone postponed adiado adiada adiou adiar
missing desaparecido desaparecida desaparecidos
resuscitation reanimacao
bed beds cama camas
observation observacao
paediatric pediatric pediatrica pediatrico pediatricas pediatricos pediatria
paediatrician paediatricians pediatrician pediatricians pediatra pediatras
unit units unidade unidades
specialist specialists especialista especialistas
chronic cronica cronico cronicas cronicos
infectious infecciosa infeccioso infecciosas infecciosos
disease diseases doenca doencas
inaugurate inaugurated inaugurates opened inaugura inaugurou inaugurada inaugurado inauguracao
serve serves served atender atende atendeu atendem
contractor contractors empreiteiro empreiteiros
bankruptcy bankrupt falencia faliu
finance financed financing financiada financiado financiamento
clinical clinica clinico
summer summers verao
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
