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
resident residents morador moradores moradora moradoras
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
cut cuts corte cortes cortar corta cortam cortou cortaram cortado cortada cortados cortadas reduce reduced reduction reducao reduzir reduziu reduzida reduzido
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
profile profiles perfil perfis
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
rescue rescued resgate resgatar resgatou socorro rescues resgatado resgatada resgatados resgatadas salvamento salvamentos
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
lose loses losing lost perder perde perdem perdeu perderam perdido perdida derrota
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
food alimento alimentos comida grocery groceries
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

# General news vocabulary, beat by beat (courts, elections, health, transport, science, heritage,
# business, weather, schools, farming, sport, emergencies, reporting verbs), written in session 32
# from no article or question: the lines above came from the stories the engine was checked on,
# and a story on anything else met words they lack ("kilns" / "fornos", "apologise" / "desculpa").
_GENERAL_GROUPS = """
teenager teenagers teen teens adolescent adolescents adolescente adolescentes adolescencia
two dois duas
three tres
four quatro
five cinco
six seis
seven sete
eight oito
nine nove
ten dez
eleven onze
twelve doze
twenty vinte
hundred hundreds cem cento centenas
convict convicts convicted conviction convictions condenacao condenacoes condenar condenam condenaram condenadas
prosecutor prosecutors prosecution procurador procuradora procuradores procuradoras
defendant defendants reu reus arguido arguida arguidos arguidas
jury juries juror jurors juri juris jurado jurados
verdict verdicts veredicto veredictos veredito
acquittal acquittals absolvicao absolver absolve absolvem absolveram absolvidas
hearing hearings audiencia audiencias
testimony testimonies testify testifies testified depoimento depoimentos depor testemunhar testemunhou testemunho
evidence prova provas evidencia evidencias indicio indicios
prove proves proved proven provar provou provaram provado provada
criminal criminals criminoso criminosa criminosos criminosas criminais
murder murders murdered murderer murderers homicidio homicidios assassinato assassinatos assassinar assassinou assassinado assassinada homicida
robbery robberies rob robbed robber robbers assalto assaltos assaltar assaltou assaltado assaltada
burglary burglaries burglar burglars burgled arrombamento arrombamentos
fraud frauds fraudulent fraude fraudes fraudulento fraudulenta
corruption corrupt corrupcao corrupto corrupta corruptos
bribe bribes bribery suborno subornos subornar subornou
laundering branqueamento lavagem
drug drugs narcotics droga drogas estupefacientes
trafficking trafficker traffickers trafico traficante traficantes
smuggling smuggle smuggled smuggler smugglers contrabando contrabandista contrabandistas
weapon weapons gun guns firearm firearms armed arma armas armado armada armados
pistol pistols pistola pistolas
knife knives faca facas navalha
shoot shoots shot shooting shootings disparar disparou dispararam disparo disparos tiroteio tiroteios baleado baleada baleados
stab stabbed stabbing esfaquear esfaqueado esfaqueada esfaqueou facada facadas
assault assaults assaulted agressao agressoes agredir agrediu agredido agredida
violence violent violencia violento violenta violentos violentas
domestic domestica domestico domesticos
rape raped rapist violacao violador violadores
violate violates violated violation violations breach infringir infringiu infracao infracoes
abuse abuses abused abuso abusos abusar abusou
kidnap kidnapped kidnapping rapto raptar raptou raptado raptada sequestro sequestrar sequestrado sequestrada
hostage hostages refem refens
detain detains detainee detainees detida detidas
remand custody preventiva preventivo
bail caucao fianca
frees freed freeing libertar liberta libertam libertou libertaram libertado libertada libertados libertacao
prisoner prisoners inmate inmates recluso reclusos reclusa prisioneiro prisioneiros
officer officers policeman policemen agente agentes
patrol patrols patrulha patrulhas patrulhar
raid raids rusga rusgas
operation operations operacao operacoes
search searches searched searching busca buscas procurar procura procurou procuram
seize seized seizure seizures apreender apreendeu apreendido apreendida apreendidos apreensao apreensoes
inspector inspectors inspetor inspetora inspetores
detective detectives detetive detetives
penalty penalties pena penas
compensation compensate compensated indemnizacao indemnizacoes indemnizar indemnizou compensacao compensar
lawsuit lawsuits sue sues sued suing processar processa processam processou processaram processado processada
proceedings process processes processo processos
supreme supremo suprema
constitution constitutions constituicao
constitutional constitucional constitucionais
justice justica
illegal illegally unlawful ilegal ilegais ilegalmente
ban bans banned banning proibir proibe proibem proibiu proibiram proibido proibida proibicao
allow allows allowed permitir permite permitem permitiu permitiram permitido permitida
authorise authorize authorised authorized authorisation authorization autorizar autoriza autorizou autorizado autorizada autorizacao
permit permits licence license licences licenses licenca licencas alvara alvaras
gang gangs gangue quadrilha quadrilhas bando
organise organize organised organized organiser organisers organizer organizers organizar organiza organizam organizou organizaram organizado organizada organizador organizadores
organisation organisations organization organizations organizacao organizacoes
terrorism terrorist terrorists terrorismo terrorista terroristas
explosion explosions explode exploded explosao explosoes explodir explodiu rebentou
bomb bombs bombing bombings airstrike airstrikes bomba bombas bombardeamento bombardeamentos bombardear bombardeou
hacker hackers hacked hacking piracy pirata piratas pirataria
cyberattack cyberattacks ciberataque ciberataques
computer computers computador computadores informatico informatica
scam scams swindle burla burlas burlao burloes burlou
coup coups golpe golpes
extortion extorsao extorquir
threat threats threaten threatens threatened threatening ameaca ameacas ameacar ameacou ameacaram ameacado ameacada
harassment harass harassed assedio assediar assediou assediada
riot riots rioting motim motins tumulto tumultos disturbios
vandalism vandal vandals vandalismo vandalo vandalos vandalizado
arson arsonist arsonists incendiario incendiaria incendiarios
inquiry inquiries probe probes sindicancia averiguacao averiguacoes averiguar
magistrate magistrates magistrado magistrados magistrada
commander commanders comandante comandantes
fugitive fugitives foragido foragidos fugitivo fugitivos
drunk drunken embriagado embriagada alcoolizado
alcohol alcoholic alcool alcoolico alcoolica alcoolemia
excess excessive excesso excessos excessivo excessiva
corpse corpses cadaver cadaveres
autopsy autopsies autopsia autopsias
forensic forense forenses
suicide suicides suicidio suicidios
voter voters electorate eleitor eleitores eleitora eleitorado
electoral eleitoral eleitorais
constituency constituencies circulo circulos
district districts distrito distritos distrital
majority majorities maioria maiorias
minority minorities minoria minorias
absolute absoluta absoluto
abstention abstain abstained abstencao abster absteve abstiveram
referendum referendums referendo referendos
elect elects elected eleger elege elegem elegeu elegeram eleito eleita eleitos eleitas
reelected reelection reeleito reeleita reeleicao
candidacy candidature candidacies candidatura candidaturas
appoint appoints appointed appointment nominate nominated nomination nomear nomeia nomeiam nomeou nomearam nomeado nomeada nomeacao nomeacoes
rally rallies comicio comicios
programme programmes program programs programa programas
politics political politician politicians policy policies politica politicas politico politicos
executive executives ceo ceos executivo executiva executivos
cabinet cabinets gabinete gabinetes
ministry ministries ministerio ministerios
secretary secretaries secretario secretaria secretarios
mp mps lawmaker lawmakers legislator legislators deputado deputada deputados deputadas
councillor councillors councilor councilors vereador vereadora vereadores
assembly assemblies assembleia assembleias
senate senator senators senado senador senadora senadores
congress congresso
parliamentary parlamentar parlamentares
proposal proposals propose proposes proposed bill bills proposta propostas propor propoe propos propuseram proposto
decree decrees decreto decretos decretar decretou
legislation legislacao
legislative legislativo legislativa legislativas
reform reforms reforma reformas
retirement retire retired reformado reformados aposentado aposentados aposentacao
pension pensions pensioner pensioners pensao pensoes pensionista pensionistas
motion motions mocao mocoes
censorship censure censura
trust confidence confianca confiar
socialist socialists socialista socialistas
liberal liberals liberais
populist populists populism populismo populista populistas
extremist extremists extreme extremo extrema extremista extremistas
democracy democratic democracia democratico democratica democraticos
dictatorship dictator ditadura ditador
independence independent independencia independente independentes
sovereignty soberania
protester protesters demonstrator demonstrators manifestante manifestantes
negotiate negotiates negotiated negotiating negociar negocia negociou negociaram
veto vetoes vetoed vetar vetou vetado vetada
enact enacted promulgate promulgated promulgar promulga promulgou promulgado promulgada promulgacao
sanction sanctions sancao sancoes sancionar
embassy embassies embaixada embaixadas
ambassador ambassadors embaixador embaixadora embaixadores
diplomat diplomats diplomatic diplomacy diplomata diplomatas diplomatico diplomatica diplomacia
treaty treaties tratado tratados
alliance alliances alianca aliancas
ally allies allied aliado aliados aliada
immigrant immigrants immigration imigrante imigrantes imigracao
migrant migrants migration migrante migrantes migracao migratorio migratoria
refugee refugees refugiado refugiados refugiada
asylum asilo
citizen citizens cidadao cidadaos cidada cidadas
citizenship nationality cidadania nacionalidade
passport passports passaporte passaportes
residence residences residencia residencias
census censo censos
landslide landslides landslip landslips mudslide deslizamento deslizamentos derrocada derrocadas aluimento
defeat defeats defeated derrotar derrotou derrotado derrotada
lead leads led leading leadership liderar lidera lideram liderou lideraram liderado liderada lideranca
successor successors sucessor sucessora sucessores
predecessor predecessors antecessor antecessora antecessores
sworn swearing posse empossado empossada
govern governs governed governar governa governou
governor governors governador governadora governadores
state states estado estados estatal estatais
local locally locais localmente
national nationwide nacional nacionais
international internacional internacionais
presidency presidential presidencia presidencial presidenciais
king kings rei reis
queen queens rainha rainhas
royal royals realeza
monarchy monarquia
republic republics republican republica republicano republicana
scandal scandals escandalo escandalos
transparency transparent transparencia transparente
audit audits auditor auditors auditoria auditorias auditores
urgent urgently urgency urgente urgentes urgencia urgencias urgentemente
ambulance ambulances ambulancia ambulancias
paramedic paramedics medic medics socorrista socorristas rescuer rescuers
surgery surgeries surgeon surgeons surgical cirurgia cirurgias cirurgiao cirurgioes cirurgica cirurgico
treatment treatments treat treats treated treating tratamento tratamentos tratar trata tratou tratada
medicine medicines medication medications medicamento medicamentos remedio remedios farmaco farmacos
medical medicina medica
pharmacy pharmacies chemist farmacia farmacias
pharmaceutical pharmacist pharmacists farmaceutico farmaceutica farmaceuticos farmaceuticas
vaccine vaccines vaccination vaccinate vaccinated vacina vacinas vacinacao vacinar vacinou vacinado vacinada vacinados
infection infections infected infect infecao infeccao infecoes infeccoes infetado infetada infetados infectado infectados
epidemic epidemics epidemia epidemias
pandemic pandemics pandemia pandemias
outbreak outbreaks surto surtos
flu influenza gripe
cancer cancers tumour tumor tumours tumors cancro cancros oncologia oncologico tumores
heart hearts cardiac coracao coracoes cardiaco cardiaca
obesity obese obesidade obeso obesa
mental mentais
depression depressao
anxiety ansiedade
sleep sleeps slept sleeping dormir dorme dormem dormiu dormiram sono
diet diets nutrition dieta dietas alimentacao nutricao
exercise exercises exercicio exercicios
physical fisico fisica fisicos fisicas
weight weights peso pesos
blood sangue sanguineo
symptom symptoms sintoma sintomas
diagnosis diagnose diagnosed diagnostico diagnosticos diagnosticado diagnosticada
death deaths fatality fatalities obito obitos mortal mortais
mortality mortalidade
birth births nascimento nascimentos
born nascer nasceu nasceram nascido nascida
fertility birthrate fertilidade natalidade
pregnant pregnancy gravida gravidas gravidez
maternity maternidade maternidades
baby babies bebe bebes
drink drinks drank drinking beber bebem bebeu bebida bebidas
elderly idoso idosa idosos idosas
old velho velha velhos velhas
care caring cuidado cuidados cuidar
carer carers caregiver caregivers cuidador cuidadora cuidadores
consultation consultations consulta consultas
infirmary enfermaria enfermarias
transplant transplants transplante transplantes
donor donors dador dadores doador doadores
donate donated donation donations doar doou doacao doacoes donativo donativos
organ organs orgao orgaos
disability disabilities disabled deficiencia deficiencias deficiente deficientes incapacidade
addict addicts addiction toxicodependente toxicodependentes toxicodependencia
dependence dependency dependencia
smoke smokes smoked smoking smoker smokers fumar fuma fumam fumou fumo fumos fumador fumadores
tobacco cigarette cigarettes tabaco cigarro cigarros tabagismo
antibiotic antibiotics antibiotico antibioticos
test tests tested testing teste testes testar testa testam testou testaram testado testada
exam exams examination examinations exame exames
analysis analyses analyse analyze analysed analyzed analise analises analisar analisa analisou analisado analisada
screening rastreio rastreios
authority authorities autoridade autoridades
ageing aging envelhecimento envelhecer
dementia demencia
pain pains dor dores
brain brains cerebro cerebral
lung lungs pulmao pulmoes pulmonar
kidney kidneys rins renal
bone bones osso ossos
eye eyes olho olhos
blind blindness cego cega cegos cegueira
staff pessoal
derail derails derailed derailment derailments descarrilar descarrila descarrilou descarrilaram descarrilado descarrilada descarrilamento descarrilamentos
track tracks carril carris
platform platforms plataforma plataformas
quay quays dock docks pier cais
carriage carriages wagon wagons carruagem carruagens vagao vagoes
coach coaches trainer trainers treinador treinadora treinadores
driver drivers motorist motorists motorista motoristas condutor condutora condutores maquinista maquinistas
drive drives drove driven driving conduzir conduz conduzem conduziu conduziram conducao
pedestrian pedestrians peao peoes pedestre pedestres atropelamento atropelamentos atropelado atropelada atropelou
crash crashes crashed collision collisions collide collided embate embates embateu colisao colisoes colidir colidiu colidiram
skid skidded despiste despistou despistar despistes
overturn overturned capotou capotar capotamento
annul annuls annulled quash quashed revoke revoked anular anula anulou anulada anulado revogar revogou revogado revogada
motorway motorways highway highways autoestrada autoestradas rodovia
lane lanes faixa faixas
toll tolls portagem portagens pedagio
junction junctions intersection intersections cruzamento cruzamentos
roundabout roundabouts rotunda rotundas
queue queues fila filas
jam jams congestion engarrafamento engarrafamentos congestionamento
tunnel tunnels tunel tuneis
subway underground metropolitano
bicycle bicycles bike bikes cyclist cyclists cycling bicicleta bicicletas ciclista ciclistas ciclismo
scooter scooters trotinete trotinetes
motorcycle motorcycles motorbike motorbikes motorcyclist motorcyclists mota motas motociclo motociclos motociclista motociclistas
helicopter helicopters helicoptero helicopteros
pilot pilots piloto pilotos
airline airlines carrier carriers transportadora transportadoras
air aerial ar aereo aerea aereas
crew crews tripulacao tripulacoes tripulante tripulantes
port ports harbour harbours harbor portos portuario portuaria portuarios
freight carga cargas mercadoria mercadorias
post posts position positions cargo cargos
container containers contentor contentores
logistics logistic logistica
fare fares tariff tariffs tarifa tarifas tarifario
user users commuter commuters utilizador utilizadores utente utentes usuario usuarios
limit limits limited limite limites limitar limitou limitado limitada
street streets rua ruas
parking parked estacionamento estacionar estacionado estacionada
park parks parque parques
fuel fuels combustivel combustiveis
petrol gasoline gasolina
diesel gasoleo
electric electrical eletrica eletricas
battery batteries bateria baterias
engine engines motor motores
failure failures fault faults falha falhas
fail fails failed failing falhar falham falhou falharam
breakdown breakdowns avaria avarias avariado avariada
signal signals signalling sinal sinais sinalizacao
maintenance manutencao
repair repairs repaired reparar reparou reparacao reparacoes
transport transports transportation transporte transportes transportar transportou
travel travels travelled traveled travelling traveling viajar viaja viajam viajou viajaram
journey journeys trip trips viagem viagens
traveller travellers traveler travelers viajante viajantes
route routes rota rotas percurso percursos trajeto trajetos
destination destinations destino destinos
departure departures partida partidas
depart departed partir partiu partiram
arrival arrivals chegada chegadas
luggage baggage bagagem bagagens mala malas
boarding boarded embarque embarcar embarcou
aviation aviacao
landed landing aterrar aterra aterrou aterragem aterrissagem
takeoff descolagem descolar descolou
research researches researcher researchers pesquisa pesquisas pesquisador pesquisadores
scientific cientifico cientifica cientificos cientificas
science sciences ciencia ciencias
journal journals magazine magazines revista revistas
publish publishes published publication publications publicar publicam publicou publicaram publicado publicada publicacao publicacoes
articles artigos
sample samples amostra amostras
participant participants participante participantes
discover discovers discovered discovery discoveries finding findings descobrir descobre descobrem descobriu descobriram descoberto descoberta descobertas
experiment experiments experimento experimentos ensaio ensaios
experience experiences experienced experiencia experiencias
laboratory laboratories lab labs laboratorio laboratorios
species especie especies
animals animais
plant plants planta plantas
bird birds ave aves passaro passaros
insect insects inseto insetos
bee bees abelha abelhas
cell cells celula celulas
genetic genetics genetico genetica geneticos
climate climatic clima climatico climatica climaticas climaticos
warming heating aquecimento
greenhouse greenhouses estufa estufas
emission emissions emissoes
carbon carbono
dioxide dioxido
methane metano
ice gelo
glacier glaciers glaciar glaciares
snow snowfall neve
ocean oceans oceano oceanos
doctorate phd doutoramento doutoramentos
expert experts perito peritos perita peritas
estimate estimates estimated estimativa estimativas estimar estima estimou estimado estimada
average averages medio
rate rates fee fees taxa taxas
index indices indice
statistic statistics statistical estatistica estatisticas estatistico
number numbers figures numero numeros
proportion proporcao
trend trends tendencia tendencias
risk risks risco riscos arriscar
probable likely probably provavel provaveis provavelmente
effect effects efeito efeitos
impact impacts impacto impactos
associated associado associada associados
significant significantly significativo significativa significativos significativamente
measured medir mede medem mediu medido
model models modelo modelos
revision revisions revise revised revisao revisoes rever reviu revisto
fossil fossils fosseis
dinosaur dinosaurs dinossauro dinossauros
telescope telescopes telescopio telescopios
planet planets planeta planetas
sun sol
astronaut astronauts astronauta astronautas
mission missions missao missoes
technology technologies technological tecnologia tecnologias tecnologico tecnologica
intelligence inteligencia
robot robots robo robos
phone phones telephone mobile smartphone smartphones telemovel telemoveis telefone telefones celular celulares
app apps application applications aplicacao aplicacoes
apply applies applied aplicar aplica aplicou aplicada aplicado
social sociais
photo photos photograph photographs fotografia fotografias foto fotos
image images imagem
excavation excavations excavate excavated dig digs escavacao escavacoes escavar escavou escavado escavada
archaeologist archaeologists archeologist archeologists arqueologo arqueologa arqueologos arqueologas
archaeology archaeological archeology archeological arqueologia arqueologico arqueologica arqueologicos arqueologicas
pottery ceramic ceramics ceramica ceramicas olaria olarias
potter potters oleiro oleiros
kiln kilns oven ovens furnace forno fornos
fragment fragments shard shards fragmento fragmentos caco cacos
graves tomb tombs sepultura sepulturas tumulo tumulos jazigo
burial burials bury buried sepultamento enterro enterrar enterrado enterrada sepultado sepultada
cemetery cemeteries cemiterio cemiterios
necropolis necropole
skeleton skeletons esqueleto esqueletos
trace traces vestigio vestigios
remains restos
monument monuments monumento monumentos
heritage patrimonio patrimonial
castle castles castelo castelos
palace palaces palacio palacios
fortress fortresses fort forts fortaleza fortalezas fortificacao
wall walls muralha muralhas muro muros parede paredes
ruins ruin ruina ruinas
roman romans romano romana romanos romanas
century centuries seculo seculos
ancient antiquity antiguidade
history historical historic historia historico historica historicos historicas
historian historians historiador historiadora historiadores
artefact artefacts artifact artifacts artefacto artefactos artefato artefatos
coin coins currency currencies moeda moedas
jewellery jewelry jewel jewels joia joias
statue statues estatua estatuas
sculpture sculptures escultura esculturas
mosaic mosaics mosaico mosaicos
inscription inscriptions epigrafe
settlement settlements povoado povoados povoamento
site sites sitio sitios
exhibition exhibitions exhibit exposicao exposicoes expor expoe expos exposto
collection collections colecao colecoes acervo acervos
collector collectors colecionador colecionadores
art arts artistic arte artes artistico artistica
artist artists artista artistas
gallery galleries galeria galerias
theatre theater theatres theaters teatro teatros
concert concerts concerto concertos
festivals festivais
film films movie movies filme filmes
actor actors actress actresses ator atores atriz atrizes
singer singers cantor cantora cantores cantoras
band bands banda bandas
book books livro livros
writer writers escritor escritora escritores
author authors autor autora autores
prize prizes award awards premio premios premiado premiada galardao
literature literary literatura literario literaria
tradition traditions traditional tradicao tradicoes tradicional tradicionais
celebrate celebrates celebrated celebration celebrations celebrar celebra celebrou comemorar comemora comemorou comemoracao comemoracoes festa festas
religion religious religiao religioso religiosa
cathedral catedral
monastery convent mosteiro convento
priest priests padre padres sacerdote
restoration restore restored restauro restauracao restaurar restaurou restaurado restaurada
restaurant restaurants restaurante restaurantes
conservation preserve preserved preservation conservacao preservacao preservar preservou preservado preservada conservar
intact whole intacto intacta intactos intactas inteiro inteira inteiros inteiras
rare raro rara raros raras
unique unico unica
valuable valioso valiosa valiosos
period periods periodo periodos
iron ferro
copper cobre
silver prata
stone stones pedra pedras
clay argila barro
wood timber madeira
glass vidro
tile tiles azulejo azulejos
roof roofs telhado telhados cobertura
layoff layoffs redundancy redundancies dismissal dismissals dismiss dismissed sacked despedimento despedimentos despedir despede despedem despediu despediram despedido despedida despedidos
unemployed jobless desempregado desempregada desempregados
employer employers empregador empregadores
economy economies economic economia economico economica economicos economicas
economist economists economista economistas
recession recessao
crisis crises crise
gdp pib
export exports exported exporter exporters exportar exporta exportou exportacao exportacoes exportador exportadores
import imports imported importer importers importar importou importacao importacoes importador importadores
trade trading commercial comercial comerciais trocas
customs alfandega aduaneiro aduaneira
shop shops store stores loja lojas
supermarket supermarkets supermercado supermercados
consumer consumers consumidor consumidores
customer customers client clients cliente clientes
brand brands marca marcas
product products produto produtos
produce produces produced production producer producers produzir produz produzem produziu produziram produzido produzida producao produtor produtores
factory factories fabrica fabricas
manufacture manufacturer manufacturers manufacturing fabricar fabricante fabricantes fabrico
industry industries industrial industria industrias industriais
shareholder shareholders acionista acionistas accionista accionistas
stock stocks bolsa bolsas
interest juro juros
mortgage mortgages hipoteca hipotecas
credit credits credito creditos
banker bankers banqueiro banqueiros
money dinheiro
expense expenses expenditure despesa despesas
income incomes rendimento rendimentos
wealth rich riqueza rico rica ricos
poverty poor pobreza pobre pobres
inequality inequalities desigualdade desigualdades
expensive caro caros caras
cheap cheaper barato barata baratos baratas
deficit deficits defice
surplus excedente excedentes
subsidy subsidies subsidio subsidios
benefit benefits beneficio beneficios beneficiar beneficia beneficiou
contract contracts contrato contratos
tender tenders contest contests concurso concursos
privatisation privatization privatise privatize privatizacao privatizar privatizou
merger mergers fusao fusoes
acquisition acquisitions acquire acquires acquired aquisicao aquisicoes adquirir adquiriu adquirido adquirida
owner owners dono dona donos proprietario proprietaria proprietarios
property properties propriedade propriedades imovel imoveis
estate realty imobiliario imobiliaria imobiliarias
rent rents rented rental renda rendas arrendamento arrendar arrendou aluguer aluguel alugar
tenant tenants inquilino inquilina inquilinos arrendatario arrendatarios
landlord landlords senhorio senhorios
eviction evictions evict evicted despejar despejado despejada despejos
apartment apartments apartamento apartamentos
affordable accessible acessivel acessiveis
builder builders construtor construtora construtores construtoras
demolish demolished demolition demolir demoliu demolicao demolido demolida
accommodation lodging alojamento alojamentos alojar alojou alojado alojados
guest guests hospede hospedes
booking bookings reservation reservations reserva reservas reservar reservou
visitor visitors visitante visitantes
visit visits visited visita visitas visitar visitou visitaram
cruise cruises cruzeiro cruzeiros
holiday holidays vacation vacations ferias feriado feriados
wine wines vinho vinhos
winery wineries cellar adega adegas
vineyard vineyards vinha vinhas vinhedo
grape grapes uva uvas
cork cortica
chief chiefs boss chefe chefes
manager managers gestor gestora gestores gerente gerentes
management manage manages managed managing gestao gerir gere gerem geriu gerido gerida
board boards conselho conselhos
founder founders fundador fundadora fundadores
insolvency insolvent insolvencia insolvente
creditor creditors credor credores
vat iva
tuition propina propinas
quarter quarters quarterly trimestre trimestres trimestral
annual annually yearly anual anuais anualmente
year years ano anos
months meses
weeks semanas
decade decades decada decadas
sector sectors setor setores
goods bens
retail retailer retailers retalho retalhista retalhistas
payment payments pagamento pagamentos
invoice invoices fatura faturas
competition competitor competitors rival rivals concorrencia concorrente concorrentes
monopoly monopolio
precarious precario precaria precariedade
service services servico servicos
rainfall precipitation precipitacao pluviosidade
raining rained chover chove choveu
wave waves heatwaves onda ondas
flooded inundado inundada inundados inundar inundou alagado alagada
flame flames blaze blazes chama chamas
hail hailstorm granizo
frost geada
fog nevoeiro
cloud clouds nuvem nuvens
thunderstorm thunderstorms thunder trovoada trovoadas
lightning relampago relampagos
hurricane hurricanes furacao furacoes
cyclone cyclones ciclone ciclones
gust gusts rajada rajadas
red vermelho vermelha
orange laranja
yellow amarelo amarela
environment environmental ambiente ambiental ambientais
quality qualidade
waste rubbish garbage trash litter lixo residuo residuos
recycle recycling recycled reciclar reciclagem reciclado
plastic plastics plastico plasticos
sewage sewer sewers sanitation esgoto esgotos saneamento
spill spills spilled derrame derrames
contamination contaminated contaminate contaminacao contaminado contaminada contaminar
wildlife fauna
biodiversity biodiversidade
extinction extinct extincao extinta extinto extintas
protect protects protected protection proteger protege protegem protegeu protegido protegida protecao
nature natureza
lake lakes lagoon lagoons lago lagos lagoa lagoas
stream streams brook ribeira ribeiras ribeiro riacho
estuary estuario
marsh marshes sapal
dune dunes duna dunas
cliff cliffs falesia falesias arriba arribas
erosion erosao
soil soils solo solos
land lands terras
plot plots terreno terrenos lote lotes
field fields campo campos
woods woodland bosque bosques
cold frio fria frios frias
hot warm quente quentes
dry seco secos secas
humid humidity humido humida humidade
spring primavera
autumn outono
winter inverno
secondary secundario secundaria
primary primario primaria
nursery creche creches infantario
grade grades nota notas classificacao classificacoes
curriculum curricula curriculo
enrol enroll enrolled enrolment enrollment register registered registration inscrever inscreve inscreveu inscrito inscrita inscritos inscricao inscricoes registar registou registado registada
graduate graduates graduated bachelor licenciatura licenciaturas licenciado licenciada licenciados
master masters mestrado mestrados
scholarship scholarships bolseiro bolseiros
education educational educacao educativo educativa
teach teaches taught teaching ensinar ensina ensinou ensino
learn learns learned learning aprender aprende aprendem aprendeu aprendizagem
read reads reading reader readers ler leem leu leitura leitor leitores
write writes wrote written writing escrever escreve escrevem escreveu escreveram escrito escrita
academic academico academica academicos
abandon abandoned abandonment dropout abandono abandonar abandonou abandonado abandonada
lecturer lecturers docente docentes
canteen canteens cantina cantinas refeitorio
blackout blackouts outage outages apagao apagoes
solar solares
windfarm windfarms eolico eolica eolicos eolicas
renewable renewables renovavel renovaveis
nuclear nucleares
coal carvao
hydrogen hidrogenio
hydroelectric hydropower hidroeletrico hidroeletrica
panel panels painel paineis
refinery refineries refinaria refinarias
pipeline pipelines gasoduto oleoduto
efficiency efficient eficiencia eficiente eficientes
lithium litio
mine mines mining mina minas mineracao
miner miners mineiro mineiros
livestock cattle gado pecuaria
cow cows vaca vacas
pig pigs pork porco porcos suino suinos
sheep ovelha ovelhas
goat goats cabra cabras
chicken chickens poultry frango frangos galinha galinhas
horse horses cavalo cavalos
milk leite
dairy laticinios lacticinios
cheese cheeses queijo queijos
meat carne carnes
egg eggs ovo ovos
wheat trigo
maize corn milho
potato potatoes batata batatas
tomato tomatoes tomate tomates
fruit fruits fruta frutas
vegetable vegetables legumes hortalicas
apple apples maca macas
seed seeds semente sementes
fertiliser fertilizer fertilisers fertilizers adubo adubos fertilizante fertilizantes
pesticide pesticides pesticida pesticidas
pasture pastures pastagem pastagens
sardine sardines sardinha sardinhas
cod bacalhau
tuna atum
shellfish seafood marisco mariscos
fleet fleets frota frotas
aquaculture aquacultura
auction auctions auctioned leilao leiloes leiloado leiloada
football soccer futebol
stadium stadiums estadio estadios
league leagues liga ligas
championship championships campeonato campeonatos
champion champions campeao campeoes campea
title titles titulo titulos
finals finais
tournament tournaments torneio torneios competicao competicoes
cup cups taca tacas
medal medals medalha medalhas
olympic olympics olimpico olimpica olimpicos olimpiadas
athlete athletes atleta atletas
athletics atletismo
referee referees arbitro arbitros arbitragem
score scores scored scoring marcar marcou marcaram
draw draws drew drawn empate empates empatar empatou
club clubs clube clubes
transfer transfers transferred transferencia transferencias transferir transferiu
race races corrida corridas
runner runners corredor corredores
swim swims swam swimming swimmer swimmers nadar nadou natacao nadador nadadora nadadores
spectator spectators viewer viewers espectador espectadores espetador espetadores
qualify qualifies qualified qualification qualificar qualificou qualificacao apuramento apurado apurada
relegation relegated despromocao despromovido despromovida
promotion promoted promote promocao promovido promovida promover
collapse collapses collapsed desabar desaba desabou desabaram desabamento ruir ruiu colapso
drown drowned drowning afogar afogou afogado afogada afogamento afogamentos
survivor survivors sobrevivente sobreviventes
survive survives survived sobreviver sobreviveu sobreviveram
trapped encurralado encurralados soterrado soterrados
rubble debris wreckage escombros destrocos
leak leaks leaked leaking fuga fugas
poison poisoned poisoning envenenar envenenado envenenamento
intoxication intoxicacao intoxicado intoxicados
civilian civilians civil civis
hospitalised hospitalized hospitalisation internado internada internados internadas internamento internamentos
condition conditions condicao condicoes
stable estavel estaveis
critical critico criticos
serious seriously severe grave graves gravemente gravidade serio serios severo severa
commission commissions committee committees comissao comissoes comite
navy marinha
military militar militares
generals generais
tank tanks tanque tanques deposito depositos
troop troops tropa tropas
invade invades invaded invasion invadir invadiu invasao
humanitarian humanitario humanitaria
regulator regulators regulador reguladora reguladores
regulation regulations regulamento regulamentos regulacao
inspection inspections inspect inspected inspecao inspecoes inspecionar fiscalizacao fiscalizar
department departments departamento departamentos
office offices escritorio escritorios
county counties concelho concelhos
bureaucracy burocracia
ombudsman provedor provedora
apologise apologize apologised apologized apology apologies sorry desculpa desculpas desculpar desculpou
admit admits admitted admission admitir admite admitem admitiu admitiram admitido admitida
promise promises promised prometer promete prometem prometeu prometeram promessa promessas
dispute disputes disputed disputa disputas disputar litigio
investigated investigates investigou investigaram investigado investigada
suspected suspicion suspeita suspeitas suspeitar suspeitou
allege alleged allegedly alegar alega alegou alegado alegada alegadamente
claim claims claimed reivindicar reivindica reivindicou reivindicacao reivindicacoes
explain explains explained explanation explicar explica explicou explicaram explicacao
describe describes described description descrever descreve descreveu descrito descrita descricao
reveal reveals revealed revelar revela revelou revelaram revelado revelada
insist insists insisted insistir insiste insistiu
defend defends defended defender defende defendem defendeu defenderam
argue argues argued argument arguments argumentar argumenta argumentou argumento argumentos
urge urges urged apelar apela apelou apelaram instou
demand demands demanded exigir exige exigem exigiu exigiram exigencia exigencias
accuse accuses acusar acusa acusam acusou acusaram
blame blames blamed culpa culpar culpou culparam responsabilizou
condemn condemns condemned condemnation repudio repudiar repudiou
praise praises praised elogiar elogia elogiou elogio elogios
welcome welcomes welcomed saudar sauda saudou acolher acolheu
reply replies replied respond responds responded response responses answer answers answered resposta respostas responder responde respondeu responderam
question questions questioned pergunta perguntas questionar questionou questao questoes
comment comments commented comentar comentou comentario comentarios
refuse refuses refused refusal recusar recusa recusam recusou recusaram
accept accepts accepted acceptance aceitar aceita aceitam aceitou aceitaram aceite
oppose opposes opposed opor opoe opos opuseram
expect expects expected expectation expectations expectativa expectativas previsto prevista previstos previstas
predict predicts predicted prediction prever preve previu
intend intends intended intention pretender pretende pretendem pretendeu intencao intencoes
consider considers considered considerar considera consideram considerou
believe believes believed acreditar acredita acreditam acreditou
know knows knew saber sabe sabem soube
find finds encontrar encontra encontram encontraram
show shows showed shown mostrar mostra mostram mostrou mostraram
indicate indicates indicated indicar indica indicam indicou
suggest suggests suggested suggestion sugerir sugere sugerem sugeriu sugestao
conclude concludes concluded concluem concluiram concluido
recommend recommends recommended recommendation recommendations recomendar recomenda recomendam recomendou recomendacao recomendacoes
request requests requested pedido pedidos solicitar solicitou
order orders ordered ordem ordens ordenar ordenou
reports relatorio relatorios
discuss discusses discussed discutir discute discutem discutiu
cooperate cooperation collaborate collaboration cooperacao cooperar colaborar colaboracao
prevent prevents prevented prevention prevenir previne prevencao impedir impediu
avoid avoids avoided evitar evita evitou
mourning mourn luto
tribute tributes homage homenagem homenagens homenagear homenageou
die dies dying morrer morre morrem
disappear disappears disappeared disappearance desaparecer desapareceu desaparecimento
double doubled doubles duplicar duplicou dobro
exceed exceeds exceeded ultrapassar ultrapassa ultrapassou exceder excedeu
replace replaces replaced replacement substituir substitui substituiu substituicao
remove removes removed removal remover removeu
install installs installed installation installations instalar instalou instalacao instalacoes instalado instalada
change changes changed mudar muda mudam mudou mudaram mudanca mudancas alteracao alteracoes alterar alterou
move moves moved mover moveu deslocar deslocou
create creates created creation criar cria criam criou criaram criado criada criacao
destroy destroys destroyed destruction destruir destroi destruiu destruido destruida destruicao
savings poupanca poupancas poupar
save saves saved salvar salva salvou salvaram
occupy occupies occupied ocupar ocupou ocupado ocupada
withdraw withdraws withdrew withdrawn withdrawal retirada
ratify ratified ratificar ratificou
implement implemented implementation implementar implementou implementacao
complete completes completed completion completar completou completo
continue continues continued continuar continua continuam continuou
suspend suspends suspension suspender suspendeu suspensao
resume resumes resumed retomar retoma retomou retomada
leave leaves sair sai saem saiu sairam
entry entrance enter entered entrada entradas entrar entra entrou
receive receives received receber recebe recebem recebeu receberam recebido recebida
give gives gave given dar deu deram
offer offers offered oferecer oferece ofereceu oferta ofertas
provide provides provided fornecer fornece forneceu proporcionar
use uses used using usar usa usam usou utilizar utiliza utilizou uso
need needs needed precisar precisam necessidade necessidades
lack lacks lacked carecer carencia carencias
attempt attempts attempted try tried tentar tenta tentou tentaram tentativa tentativas
host hosts hosted anfitriao anfitrioes
identify identifies identified identification identificar identifica identificou identificado identificada identificacao
detect detects detected detection detetar detetou detetado detetada detecao detectar detectado
monitor monitors monitored monitoring monitorizar monitorizacao
surveillance vigilancia
verify verifies verified verification check checks checked verificar verifica verificou verificacao
expand expands expanded expansion expandir alargar alargou alargamento ampliar ampliacao
control controls controlled controlo controlar controlou controle
operate operates operated operar operou
occur occurs occurred ocorrer ocorre ocorreu ocorreram ocorrencia ocorrencias
happen happens happened acontecer acontece aconteceu
empty vazio vazia vazios vazias
full crowded cheio cheios lotado lotada
late later atrasado atrasada tardio tardia
next following proximo proxima proximos proximas seguinte seguintes
last latest ultimo ultima ultimos ultimas
past passado passada
young youth youngster youngsters jovem jovens juventude
big large grande grandes
small pequeno pequena pequenos pequenas
main principal principais
huge enorme enormes
long longo longa longos
short curto curta curtos
heavy pesado pesada pesados
fast quick rapid rapidly quickly rapido rapida rapidos rapidamente
slow slowly lento lenta lentamente
danger dangers dangerous perigo perigos perigoso perigosa perigosos
possible possivel possiveis
necessary necessario necessaria
important importante importantes
difficult difficulty difficulties dificil dificeis dificuldade dificuldades
good bom boa bons
bad mau maus
worse worst pior piores
better best melhor melhores
available disponivel disponiveis
current currently atual atuais atualmente
recent recently recente recentes recentemente
future futuro futura
temporary provisional temporario temporaria provisorio provisoria
permanent permanente permanentes
partial partially parcial parciais parcialmente
different diferente diferentes
difference differences diferenca diferencas
common comum comuns
famous famoso famosa famosos
free gratuito gratuita gratuitos gratuitas gratis
urban urbano urbana urbanos
rural rurais
coastal costeiro costeira costeiros
north northern norte
south southern sul
east eastern leste oriental
west western oeste ocidental
alive vivo viva vivos
man men homem homens
women mulheres
boy boys rapaz rapazes menino meninos
girl girls rapariga raparigas menina meninas
son sons filho filhos
daughter daughters filha filhas
mother mothers mae maes
father fathers pai
friend friends amigo amigos amiga amigas
neighbour neighbours neighbor neighbors vizinho vizinhos vizinha
inhabitant inhabitants habitante habitantes
member members membro membros
volunteer volunteers voluntario voluntarios voluntaria
activist activists ativista ativistas
group groups grupo grupos
community communities comunidade comunidades
foundation foundations fundacao fundacoes
charity charities caridade
society sociedade
crowd crowds multidao multidoes
square squares praca pracas
room rooms quarto quartos
floor floors storey piso pisos andar andares
warehouse warehouses armazem armazens
world worldwide mundo mundial mundiais
territory territories territorio territorios
potable drinkable potavel
pipe pipes cano canos conduta condutas
desalination dessalinizacao dessalinizadora
yesterday ontem
today hoje
tomorrow amanha
morning mornings manha manhas
journalist journalists jornalista jornalistas
newspaper newspapers jornal jornais
news noticia noticias
television tv televisao
interview interviews interviewed entrevista entrevistas entrevistar entrevistou entrevistado
reporter reporters reporteres reportagem
rule rules regra regras
requirement requirements requisito requisitos
mandatory compulsory obligatory obrigatorio obrigatoria obrigatorios obrigatorias
obligation obligations obrigacao obrigacoes
rights direitos
freedom liberty liberdade liberdades
human humans humano humana humanos humanas
discrimination discriminacao
racism racist racismo racista
equality igualdade
gender genero
anxious worried concern concerns concerned preocupacao preocupacoes preocupado preocupada preocupados
fear fears feared medo receio receios temer teme temem temeu
hope hopes hoped esperanca esperancas
apply applying applicant applicants candidatura candidaturas candidatar candidatam candidatou
application applications candidatura candidaturas
responsibility responsible responsabilidade responsabilidades responsavel responsaveis
ransom ransoms resgate resgates
divert diverts diverted diverting diversion desviar desvia desviam desviou desviado desviada desviados desviadas
landed landing landings aterrar aterra aterram aterrou aterraram aterragem aterragens
stranded retido retida retidos retidas
refund refunds refunded reembolso reembolsos reembolsar reembolsado
vintage vindima vindimas
grower growers winegrower winegrowers farmer farmers produtor produtores viticultor viticultores agricultor agricultores
cooperative cooperatives cooperativa cooperativas
winery wineries adega adegas
appointment appointments consulta consultas marcacao marcacoes
emergency emergencies urgencia urgencias emergencia emergencias
restore restores restored repor repoe repoem reposto reposta repostos repostas restabelecer restabelecido
copy copies copied copying copiar copia copiou copiado copiada copiados copiadas
practice practise pratica praticas
board boards direcao direcoes administracao
closure closures shutdown encerramento encerramentos paralisacao paralisacoes fecho
recorded measured registou registaram registado registada registados registar
game games jogo jogos partida encontro
manager managers treinador treinadores
cross crosses crossed cruzamento cruzamentos cruzou
penalty penalties penalti penaltis
card cards cartao cartoes
expelled dismissed expulso expulsos expulsa expulsao expulsou
crowd crowds spectators spectator attendance publico assistencia espectadores
half-time halftime break intervalo
division divisions tier divisao divisoes escalao escaloes
goalkeeper goalkeepers guarda-redes
striker strikers forwards avancado avancados
winger wingers extremo extremos
trophy trophies trofeu trofeus taca tacas cup cups
beat beats beaten derrotou derrotaram derrotar derrotado venceu venceram vencer vencido
singer singers fadista fadistas
funeral funerals funerais exequias funebre funebres
mass masses missa missas
scheduled schedule agendado agendada agendados agendadas marcado marcada marcados marcadas
wake velorio velorios
album albums disco discos
voice voices voz vozes
stage stages palco palcos
farewell despedida despedidas despedir despediu
release releases released lancou lancado lancada lancamento editou editado editada edicao
guitarist guitarists guitarrista guitarristas
hall halls sala salas
surprise surprised surprising unexpected unexpectedly surpresa surpreendeu surpreendidos inesperado inesperada inesperadamente
grocery groceries supermarket mercearia compras
earnings pay salario salarios remuneracao
perform performs performed performing performance performances atuar atua atuou atuaram atuacao atuacoes
debut debuts debuted estreia estreou estrear estrearam
sing sings sang sung singing cantar canta cantou cantaram cantado
base benchmark referencia
notify notifies notified notification notificar notificacao informed informar informada informado informados informadas
pack packs packet packets package packages embalagem embalagens
manufactures manufactured makes fabricam fabricou fabricada fabricado fabricados
lot lots batch batches lote lotes
shut shuts fechou fechar fechada fechado encerrou encerrar encerrada encerrado
cross crosses crossed crossing atravessar atravessa atravessou atravessam atravessaram
petition petitions peticao peticoes abaixo-assinado
signature signatures assinatura assinaturas
vehicle vehicles car cars carro carros veiculo veiculos viatura viaturas
road roads highways estrada estradas
pay pays paid fee fees pagar pagou pago paga
spokesman spokeswoman spokesperson spokesmen spokeswomen porta-voz porta-vozes
concrete betao
crack cracks cracked cracking split rachou rachar racha rachas fissura fissuras fenda fendas
beam beams viga vigas
repairs works obras reparacoes
increase increases increased subir subiu sobe sobem
decrease decreases decreased cair caiu desceu baixar baixou recuar recuou
employee employees staff funcionario funcionarios
job jobs post posts emprego empregos posto postos
cut cuts suprimir suprime suprimem suprimiu suprimido suprimidos suprimida suprimidas eliminar eliminados
male males macho machos
female females femea femeas
margin margins vantagem margem
revenue revenues receita receitas
cave caves gruta grutas caverna cavernas
beetle beetles escaravelho escaravelhos
specimen specimens exemplar exemplares
honour honor homenagem homenagear homenageia
blind cego cega cegos cegas
worse worsen worsened pior piores piorar piorou pioraram
demand procura
held hold holds realiza realizar realizam realizou realizado realizada realizadas decorre decorrer decorreu
aftershock aftershocks replica replicas
shaking shake shook tremor tremors abalo abalos abanou abanar tremeu tremer
unanimous unanimously unanime unanimes unanimidade
directed direct directs realizou realizado realizada realizador realizadora realizadores
monthly mensal mensais
weekly semanal semanais
daily diario diaria diarios diarias
annual yearly anual anuais
pass passes passe
single simples
adult adults adulto adultos adulta adultas
chair chairs chaired preside presidir presidiu presidente
abstain abstained abstention abstentions absteve abstiveram abstencao abstencoes
cent cents centimo centimos
additive additives aditivado aditivada aditivados aditivadas
standard simples
refill refills fill fills filling atesto atestar abastecer abastece abastecimento
rector rectors reitor reitora reitores reitoras
vacancy vacancies places vaga vagas
course courses curso cursos
"""

# A Portuguese verb's other common forms, from its infinitive: a line lists a few ("cortar"), the
# news writes others ("foi cortado", "cortaram").
_VERB_FORMS = {"ar": ("a", "am", "ou", "aram", "ado", "ada", "ados", "adas"),
               "er": ("e", "em", "eu", "eram", "ido", "ida", "idos", "idas"),
               "ir": ("e", "em", "iu", "iram", "ido", "ida", "idos", "idas")}


def _verb_forms(word: str) -> list[str]:
    if len(word) < 5 or word[-2:] not in _VERB_FORMS:
        return []
    return [word[:-2] + end for end in _VERB_FORMS[word[-2:]]]


_LINES = [line.split() for line in (_GROUPS + _GENERAL_GROUPS).strip().splitlines() if line.split()]
_WRITTEN = {w for line in _LINES for w in line}
TRANSLATIONS: dict[str, set[str]] = {}
for _words in _LINES:
    # A form some line lists itself is that line's ("estado" is a state, not "estar"'s).
    _words = _words + [f for w in _words for f in _verb_forms(w) if f not in _WRITTEN]
    for _w in _words:
        TRANSLATIONS.setdefault(_w, set()).update(x for x in _words if x != _w)


def translated(text: str) -> str:
    """The other words the lexicon gives for the text's words, as one text ("fãs convidados" ->
    "fan fans adeptos invite invites …"): matched beside the text, a question's words meet an
    article in the other language."""
    return " ".join(sorted({t for w in words(fold(text)) for t in TRANSLATIONS.get(w, ())}))
