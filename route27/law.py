"""The law in one place: art. 7a Participatiewet, ages, terms and the route decision engine.

Pure functions, no database. Every rule carries the article or seed section it comes from, in
words a coach reads: "Handreiking SZW" = seeds/000 (SZW handreiking, Sept 2025),
"Uitgangspuntennotitie Amstelveen/Aalsmeer" = seeds/003. Every output can be open (``OpenKind``):
where the law leaves a judgement, local policy or a point it does not decide, the engine asks the
coach instead of deciding.
Documented for humans in docs/route-rules.md; tested against the seed text in
route27/tests/test_law.py.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from route27.core.partial_date import PartialDate

LAW_IN_FORCE = datetime.date(2026, 1, 1)  # Handreiking SZW §2.1: in force 1 January 2026

# The sources as a coach knows them. What the UI shows never uses the internal codes S0/S3.
PW = "Participatiewet"
HANDREIKING = "Handreiking SZW"  # seeds/000: Handreiking implementatie ... (SZW, Sept 2025)
NOTITIE = "Uitgangspuntennotitie Amstelveen/Aalsmeer"  # seeds/003, bijlage 1
WEB = "Wet educatie en beroepsonderwijs"
WVO = "Wet voortgezet onderwijs 2020"
WEC = "Wet op de expertisecentra"


@dataclass(frozen=True)
class Rule:
    id: str
    citation: str  # in words a coach reads: "Participatiewet art. 7a lid 3"
    text: str  # Dutch, through gettext_lazy: str(rule.text) is in the active language
    quote: str  # verbatim from the seed; a test checks it is there


class OpenKind(enum.StrEnum):
    """Why an output is open: the engine then asks the coach instead of answering."""

    JUDGEMENT = "judgement"  # a professional judgement (afweging van de professional)
    LOCAL_POLICY = "local_policy"  # local policy or an agreement (verordening, afspraken)
    LAW_SILENT = "law_silent"  # the sources do not decide this point
    UNKNOWN_FACT = "unknown_fact"  # a fact the answer needs is not known yet


OPEN_KIND_LABELS = {
    OpenKind.JUDGEMENT: _("Afweging van de professional"),
    OpenKind.LOCAL_POLICY: _("Lokaal beleid of afspraken"),
    OpenKind.LAW_SILENT: _("Open: de bronnen beslissen dit niet"),
    OpenKind.UNKNOWN_FACT: _("Gegeven ontbreekt"),
}


# --- Ages and terms ---------------------------------------------------------------------------
AGE_LIMIT = 27  # Participatiewet art. 7a lid 1: "jongeren onder de 27 jaar" (Handreiking §4.3)
LEERPLICHT_CONTACT_AGES = (15, 18)  # Uitgangspuntennotitie §1: "van 15 tot 18 jaar"
AGE_OF_MAJORITY = 18  # BW 1:233; consent of a parent for a minor (Handreiking §4.2 tabel 1)
EXTRA_EFFORT_AGE = 23  # Handreiking §5.2 stap 3b: "vooral bij jongeren ouder dan 23 jaar"
BIJSTAND_SEARCH_PERIOD_WEEKS = 4  # Participatiewet art. 7a lid 6 met art. 7 lid 3 sub b
# Days before the 18th birthday from which the contact-person answer asks who takes over from
# the leerplichtambtenaar (the file's "turns 18" alert uses the same window).
CONTACT_CHANGE_NOTICE_DAYS = 30

RULES: dict[str, Rule] = {}


def _rule(id: str, citation: str, text: str, quote: str) -> Rule:
    RULES[id] = Rule(id, citation, text, quote)
    return RULES[id]


_H43 = f"{HANDREIKING} §4.3"
_H52 = f"{HANDREIKING} §5.2 stap 3a"

R_AGE = _rule(
    "age_limit",
    f"{PW} art. 7a lid 1; {_H43}",
    _("Art. 7a geldt voor jongeren onder de 27 jaar."),
    quote="jongeren onder de 27 jaar",
)
R_HARDSHIP = _rule(
    "hardship_clause",
    f"{PW} art. 7a lid 7; {_H43} 'Hardheidsclausule'",
    _("Bij gerechtvaardigde belangen mag de gemeente de ondersteuning voortzetten vanaf 27 jaar; "
      "de rechtvaardiging moet worden vastgelegd."),
    quote="afwijken van de leeftijdsgrens van 27 jaar",
)
R_BBL_HARDSHIP = _rule(
    "hardship_bbl_example",
    f"{PW} art. 7a lid 7; {_H43} 'Hardheidsclausule'",
    _("Het voorbeeld van de hardheidsclausule: een jongere zonder startkwalificatie die op een "
      "bbl-leerbaan ondersteuning krijgt (loonkostensubsidie of begeleiding) en 27 wordt. Om te "
      "voorkomen dat de opleiding niet wordt afgemaakt, mag de gemeente de ondersteuning "
      "voortzetten."),
    quote="kan de gemeente de ondersteuning voort zetten op grond van artikel 7a",
)
R_PRIOR = _rule(
    "initial_education_first",
    f"{PW} art. 7a lid 1 sub a; {_H43} en §5.2 stap 3a",
    _("Initieel voltijdsonderwijs is de voorliggende voorziening: eerst beoordelen of terugkeer "
      "naar school mogelijk en passend is."),
    quote="Initieel voltijdsonderwijs geldt daarbij als voorliggende voorziening",
)
R_WITH_SK = _rule(
    "with_startkwalificatie_to_work",
    f"{PW} art. 7a lid 1 sub a; {_H43}",
    _("Met een startkwalificatie is terugkeer naar initieel onderwijs meestal niet passend: "
      "ondersteuning naar werk komt in beeld."),
    quote="Als dit niet mogelijk of passend is, omdat de jongere bijvoorbeeld al een "
          "startkwalificatie heeft, komt ondersteuning naar werk in beeld",
)
R_PRESUMPTION = _rule(
    "transfer_presumption",
    f"{_H43} 'Samenwerking gemeente, scholen en Doorstroompunt'; {WVO} art. 2.31b lid 2, "
    f"{WEC} art. 44a lid 2, {WEB} art. 9.2.13 lid 2 en 9.2.5 lid 2",
    _("Na overdracht door een pro-, vso- of mbo-school of het Doorstroompunt mag de gemeente "
      "ervan uitgaan dat initieel onderwijs nu niet mogelijk is."),
    quote="kan de gemeente ervan uitgaan dat initieel vervolgonderwijs voor deze jongeren niet "
          "mogelijk is",
)
R_JOINT = _rule(
    "joint_assessment",
    f"{PW} art. 7a lid 2; {_H52}",
    _("Komt een jongere zonder startkwalificatie niet via school of Doorstroompunt, dan kan de "
      "gemeente met het Doorstroompunt beoordelen of school mogelijk is (bijvoorbeeld een "
      "gezamenlijke intake)."),
    quote="kan de gemeente de expertise van het Doorstroompunt inzetten bij de afweging",
)
R_BACK_TO_DSP = _rule(
    "hand_back_to_doorstroompunt",
    f"{PW} art. 7a lid 2; {_H43}",
    _("Blijkt school mogelijk, dan begeleidt het Doorstroompunt de jongere terug naar school."),
    quote="kan het Doorstroompunt worden betrokken als terugkeer naar bekostigd onderwijs "
          "mogelijk is",
)
R_DSP_TARGET = _rule(
    "doorstroompunt_target_group",
    f"{HANDREIKING} §1 en §4.1",
    _("Het Doorstroompunt begeleidt jongeren zonder startkwalificatie tot 27 jaar terug naar "
      "school of naar werk."),
    quote="Doorstroompunten begeleiden jongeren zonder startkwalificatie tot 27 jaar terug naar "
          "school of naar werk",
)
R_LEARN_WORK = _rule(
    "learn_work_first",
    f"{PW} art. 7a lid 3; {_H43} en §5.2 stap 3a",
    _("Zonder startkwalificatie en als school niet mogelijk of passend is, gaat een "
      "leerwerktraject voor op directe toeleiding naar werk."),
    quote="een leerwerktraject, het combineren van werken met leren, voorrang heeft op directe "
          "toeleiding naar werk",
)
R_LEARN_WORK_JUDGED = _rule(
    "learn_work_possible",
    f"{PW} art. 7a lid 3; {_H52}",
    _("Of een leerwerktraject (praktijkleren in het mbo, of erkende scholing in een sectoraal "
      "Ontwikkelpad) mogelijk en passend is, is een afweging van de professional. Is het geen "
      "optie of niet passend, dan volgt ondersteuning gericht op arbeidsinschakeling."),
    quote="Is initieel voltijdsonderwijs of een leerwerktraject geen optie of niet passend voor "
          "een jongere",
)
R_BBL_RUNNING = _rule(
    "learn_work_running",
    f"{PW} art. 7a lid 3; {_H43} 'Hardheidsclausule' en 'Voorzieningen'",
    _("Werkt de jongere op een bbl-leerbaan (beroepsbegeleidende leerweg), dan loopt er al een "
      "leerwerktraject: dat is geen initieel voltijdsonderwijs, en een nieuwe beoordeling of "
      "terugkeer naar school mogelijk is, is niet nodig."),
    quote="tijdens een mbo-opleiding in de beroepsbegeleidende leerweg ondersteuning van de "
          "gemeente ontvangt",
)
R_WORK = _rule(
    "support_to_work",
    f"{PW} art. 7a lid 1 en art. 10a; {_H52}",
    _("Ondersteuning gericht op arbeidsinschakeling met alle voorzieningen van de "
      "Participatiewet, behalve participatieplaatsen (art. 10a Participatiewet)."),
    quote="met uitzondering van participatieplaatsen",
)
R_SHELTERED = _rule(
    "sheltered_work",
    f"{PW} art. 10b; {_H43}",
    _("Beschut werk telt als werk als UWV een indicatie beschut werk heeft gegeven en het de best "
      "passende vorm van werk is; zonder indicatie van UWV geen beschut werk."),
    quote="UWV beoordeelt aan de hand van landelijke criteria",
)
R_WERKCENTRUM = _rule(
    "werkcentrum_referral",
    _H52,
    _("Met startkwalificatie en interesse in omscholing: verwijzen naar het Werkcentrum van de "
      "arbeidsmarktregio voor scholingsadvies."),
    quote="verwijzing van de jongere naar het Werkcentrum in de arbeidsmarktregio voor "
          "scholingsadvies",
)
R_DURING_SCHOOL = _rule(
    "support_during_school",
    f"{PW} art. 7a lid 1 sub b en c; {_H43} en §5.2 stap 1",
    _("Tijdens school alleen ondersteuning op verzoek van een pro-, vso- of mbo-school, of op "
      "verzoek van de hbo/wo-student zelf."),
    quote="Schoolgaande jongeren uit het hoger en wetenschappelijk onderwijs als zij zelf een "
          "beroep doen op de gemeente",
)
R_NO_AMR = _rule(
    "arbeidsmarktregio_services",
    f"{PW} art. 7a lid 1 sub b en c; {HANDREIKING} §8.1",
    _("Schoolgaande jongeren die op verzoek van hun school (of als student zelf) ondersteuning "
      "krijgen, horen niet tot de doelgroep van de dienstverlening in de arbeidsmarktregio; "
      "werkzoekende jongeren wel."),
    quote="behoren niet tot de doelgroep waarvoor dienstverlening in de arbeidsmarktregio mag "
          "worden geboden",
)
R_UWV = _rule(
    "uwv_benefit",
    f"{PW} art. 7a lid 5 met art. 7 lid 2 en 7; {_H43} 'Samenwerking gemeente en UWV'",
    _("Krijgt de jongere een uitkering van UWV (Wajong, WW of WIA), dan ondersteunt de gemeente "
      "alleen als zij daarover met UWV overeenstemming heeft en afspraken heeft gemaakt, of als "
      "UWV de jongere overdraagt omdat de uitkering afloopt."),
    quote="Mits daarover overeenstemming is bereikt en afspraken zijn gemaakt, of voor het "
          "overdragen van jongeren van wie de uitkering van UWV afloopt",
)
R_PLAN = _rule(
    "plan_van_aanpak",
    f"{PW} art. 44 lid 4 en art. 44a; {_H43}",
    _("Bij toekenning van bijstand hoort een plan van aanpak: ondersteuning, verplichtingen en "
      "gevolgen van niet nakomen."),
    quote="plan van aanpak op",
)
R_SEARCH = _rule(
    "search_period_waiver",
    f"{PW} art. 7a lid 6 met art. 7 lid 3 sub b; {_H43}",
    _("Meldt de jongere zich voor bijstand, dan mag de gemeente meteen ondersteunen als zij dat "
      "gelet op de persoonlijke omstandigheden nodig vindt; de zoektermijn van vier weken geldt "
      "dan niet. Dat is een afweging van de gemeente."),
    quote="ondersteuning te bieden als de gemeente dat, gelet op de persoonlijke omstandigheden, "
          "noodzakelijk acht",
)
R_SCHOOL_GUIDANCE = _rule(
    "former_school_guidance",
    f"{HANDREIKING} §4.2 tabel 1 en §8.2",
    _("De vorige school mag de jongere nog begeleiden: pro/vso twee jaar na verlaten, "
      "mbo/hbo/wo één jaar na diplomering. Ga dit na bij de jongere om dubbele ondersteuning te "
      "voorkomen."),
    quote="gedurende twee jaar na verlaten van het onderwijs",
)
R_SCHOOL_GUIDANCE_DIPLOMA = _rule(
    "former_school_guidance_diploma",
    f"{HANDREIKING} §4.2 tabel 1",
    _("Een mbo-school, hogeschool of universiteit mag de jongere begeleiden tot één jaar na "
      "diplomering."),
    quote="gedurende één jaar na diplomering",
)
R_SCHOOL_WINDOW_OPEN = _rule(
    "former_school_window_open",
    f"{HANDREIKING} §4.2 tabel 1 en §8.2",
    _("De handreiking noemt voor mbo 'één jaar na diplomering' en elders 'binnen één jaar' na "
      "het verlaten van het onderwijs; voor een mbo-verlater zonder diploma, en voor de vraag of "
      "de laatste dag nog meetelt, beslist zij niet."),
    quote="binnen één jaar voor mbo en twee jaar voor pro/vso",
)
R_CONTACT = _rule(
    "fixed_contact_person",
    f"{NOTITIE} §1",
    _("Eén vaste contactpersoon: leerplichtambtenaar voor 15 tot 18 jaar, doorstroomcoach bij een "
      "schoolroute (zonder startkwalificatie), jongerencoach werk bij een werkroute."),
    quote="Voor jongeren van 15 tot 18 jaar is de leerplichtambtenaar het vaste aanspreekpunt",
)
R_CONTACT_ROUTE = _rule(
    "contact_person_by_route",
    f"{NOTITIE} §1",
    _("De route bepaalt de vaste contactpersoon: de doorstroomcoach bij een schoolgerichte route, "
      "de jongerencoach werk bij een werkgerichte route. Voor andere routes zegt de notitie het "
      "niet."),
    quote="de doorstroomcoach bij een schoolgerichte route (voor jongeren zonder "
          "startkwalificatie), of de jongerencoach werk bij een werkgerichte route",
)
R_CONTACT_AFTER_INTAKE = _rule(
    "contact_person_after_intake",
    f"{NOTITIE} §4",
    _("De intake bepaalt eerst de route; daarna wordt de vaste contactpersoon toegewezen."),
    quote="Op basis daarvan wordt de juiste route bepaald en de vaste contactpersoon toegewezen",
)
R_CONTACT_OPEN = _rule(
    "contact_person_open",
    f"{NOTITIE} §1",
    _("Iedere jongere heeft tijdens het traject één vaste contactpersoon, maar de notitie zegt "
      "niet wie dat is onder 15 jaar, bij een leerwerktraject, bij een verwijzing voor "
      "scholingsadvies, bij een wissel van route of na het 18e jaar."),
    quote="Iedere jongere heeft tijdens het traject naar onderwijs of werk één vaste "
          "contactpersoon",
)
R_AFTERCARE_OPEN = _rule(
    "aftercare_open",
    f"{NOTITIE} §2",
    _("In de nazorg is er lichte opvolging; hoe en hoe vaak, en door wie, werkt de gemeente nog "
      "uit."),
    quote="Hoe en hoe vaak dit gebeurt, wordt nader geconcretiseerd in de uitvoeringspraktijk",
)
R_LEERPLICHT_OPEN = _rule(
    "leerplicht_open",
    f"{HANDREIKING} §4.6 tabel 4; {NOTITIE} §1",
    _("De bronnen noemen de leerplichtambtenaar en leerplicht alleen als partner; wanneer een "
      "jongere leerplichtig of kwalificatieplichtig is, regelen zij niet."),
    quote="afstemming met contactschool, RMC, leerplicht",
)
R_MULTI = _rule(
    "multi_problem_lead",
    f"{NOTITIE} §1; {_H52}",
    _("Bij multiproblematiek neemt het sociaal team de regie; de coach blijft aanspreekpunt voor "
      "school of werk."),
    quote="Bij multiproblematiek neemt het Sociaal team de regie",
)
R_CONSENT = _rule(
    "handover_consent",
    f"{HANDREIKING} §4.2 tabel 1 en §4.3; {WVO} art. 2.31b, {WEC} art. 44a, {WEB} art. 9.2.13",
    _("Een overgangsdocument gaat alleen mee met instemming van de jongere, of van de ouder als "
      "de jongere minderjarig is."),
    quote="mits de jongere (of de ouder als de jongere minderjarig is) daarmee instemt",
)
R_DOCUMENT_DUTY = _rule(
    "overgangsdocument_duty",
    f"{HANDREIKING} §5.2 stap 3a 'Hoe draagt de school of het Doorstroompunt een jongere over "
    f"aan de gemeente?'; {WVO} art. 2.31b lid 2, {WEC} art. 44a lid 2, {WEB} art. 9.2.13 lid 2",
    _("Draagt een pro-, vso- of mbo-school de jongere over voor ondersteuning naar werk, dan geeft "
      "de school een overgangsdocument mee, maar alleen met toestemming van de jongere (van een "
      "ouder als de jongere minderjarig is). Zonder toestemming gaat het niet mee."),
    quote="De school verstrekt hiervoor, met toestemming van de jongere of diens ouders, een "
          "overgangsdokument aan de gemeente",
)
R_DOCUMENT_DSP = _rule(
    "overgangsdocument_doorstroompunt",
    f"{HANDREIKING} §5.2 stap 3a 'Hoe draagt de school of het Doorstroompunt een jongere over "
    f"aan de gemeente?'; {WEB} art. 9.2.5 lid 2",
    _("Het Doorstroompunt mag bij een overdracht een overgangsdocument meegeven, maar hoeft dat "
      "niet."),
    quote="Het Doorstroompunt mag dit ook doen, maar is hiertoe niet verplicht",
)
R_SK = _rule(
    "startkwalificatie",
    f"{HANDREIKING} §2.1",
    _("Startkwalificatie = diploma havo, vwo, of mbo niveau 2, 3 of 4."),
    quote="zonder startkwalificatie (diploma havo, vwo, mbo-2, -3 of -4)",
)
# Instruments (voorzieningen), Handreiking §4.3 'Voorzieningen' a–g and §5.2 stap 3a.
R_NO_PARTICIPATIEPLAATS = _rule(
    "no_participatieplaatsen",
    f"{PW} art. 10a; {_H52}",
    _("Geen participatieplaatsen voor jongeren onder art. 7a."),
    quote="met uitzondering van participatieplaatsen (artikel 10a van de Participatiewet)",
)
R_LKS = _rule(
    "loonkostensubsidie",
    f"{PW} art. 6, 10c en 10d met art. 7a; {_H43} 'Voorzieningen' a",
    _("Loonkostensubsidie alleen als de jongere het wettelijk minimumloon niet kan verdienen; op "
      "een bbl-leerbaan alleen voor een jongere zonder startkwalificatie."),
    quote="als het wettelijk minimumloon niet kan worden verdiend. Dit kan ook in geval van een "
          "bbl-leerbaan mits het gaat om jongeren die nog geen startkwalificatie hebben",
)
R_SOCIAL_ACTIVATION = _rule(
    "sociale_activering",
    f"{PW} art. 7a lid 1 (aanhef zoals art. 7); {_H43} 'Voorzieningen' b",
    _("Sociale activering (zoals vrijwilligerswerk) kan ook onder art. 7a."),
    quote="Inzet sociale activering",
)
R_ESB = _rule(
    "esb",
    f"Wet SUWI art. 32c lid 1 sub a; Subsidieregeling ernstige scholingsbelemmeringen; {_H43} "
    "'Voorzieningen' c",
    _("De ESB-regeling is voor jongeren zonder startkwalificatie met meervoudige problematiek, "
      "uitgevoerd door een ESB-instelling."),
    quote="bijscholing voor instroom in werk van (jonge) mensen zonder startkwalificatie met "
          "meervoudige problematiek, uitgevoerd door een ESB-instelling",
)
R_IPS = _rule(
    "ips",
    f"{_H43} 'Voorzieningen' d en §5.2 stap 3a",
    _("IPS is ondersteuning naar werk door een ggz-instelling voor jongeren met psychische "
      "problematiek die ggz-hulp ontvangen; een nieuwe regeling is in de maak."),
    quote="ondersteuning naar werk van (jonge) mensen met psychische problematiek door een "
          "ggz-instelling",
)
R_LEARN_WORK_SUBSIDIES = _rule(
    "learn_work_subsidies",
    f"SLIM-regeling art. 3.1; Subsidieregeling praktijkleren in de derde leerweg art. 3 lid 2 "
    f"sub c; {_H43} 'Voorzieningen' e–g",
    _("Werkgevers kunnen subsidie krijgen voor praktijkgerichte scholing (SLIM) of een leerbaan in "
      "de derde leerweg."),
    quote="Inzet subsidieregelingen voor praktijkgerichte bij- of omscholing (leerwerktraject)",
)

# The school-law mirror articles: who may ask for support during school (lid 1 sub b, c) and
# whose transfer carries the presumption that school is not possible now.
REQUEST_ARTICLES = {
    "pro": f"{WVO} art. 2.31b lid 1",
    "vso": f"{WEC} art. 44a lid 1",
    "mbo": f"{WEB} art. 9.2.13 lid 1",
    "hbo": f"{PW} art. 7a lid 1 sub c",
    "wo": f"{PW} art. 7a lid 1 sub c",
}
TRANSFER_ARTICLES = {
    "transfer_pro": f"{WVO} art. 2.31b lid 2",
    "transfer_vso": f"{WEC} art. 44a lid 2",
    "transfer_mbo": f"{WEB} art. 9.2.13 lid 2",
    "transfer_doorstroompunt": f"{WEB} art. 9.2.5 lid 2",
}


# --- Vocabulary ---------------------------------------------------------------------------------
class Diploma(enum.StrEnum):
    NONE = "none"
    VMBO = "vmbo"
    PRO = "pro"  # praktijkonderwijs certificate
    VSO = "vso"
    MBO1 = "mbo1"  # entreeopleiding
    MBO2 = "mbo2"
    MBO3 = "mbo3"
    MBO4 = "mbo4"
    HAVO = "havo"
    VWO = "vwo"
    HBO = "hbo"
    WO = "wo"


# Dutch names of the diplomas, for the reasons the engine gives (the form uses its own labels).
DIPLOMA_NAMES = {
    Diploma.NONE: _("geen diploma"), Diploma.VMBO: _("vmbo"),
    Diploma.PRO: _("praktijkonderwijs (certificaat)"), Diploma.VSO: _("voortgezet speciaal onderwijs"),
    Diploma.MBO1: _("mbo 1 (entreeopleiding)"), Diploma.MBO2: _("mbo 2"), Diploma.MBO3: _("mbo 3"),
    Diploma.MBO4: _("mbo 4"), Diploma.HAVO: _("havo"), Diploma.VWO: _("vwo"), Diploma.HBO: _("hbo"),
    Diploma.WO: _("wo"),
}

# Handreiking SZW §2.1: "zonder startkwalificatie (diploma havo, vwo, mbo-2, -3 of -4)". An hbo or wo diploma
# presupposes havo, vwo or mbo 4 for admission, so it also counts.
STARTKWALIFICATIE_DIPLOMAS = frozenset(
    {Diploma.HAVO, Diploma.VWO, Diploma.MBO2, Diploma.MBO3, Diploma.MBO4, Diploma.HBO, Diploma.WO}
)


class SchoolType(enum.StrEnum):
    PRO = "pro"
    VSO = "vso"
    VO = "vo"
    MBO = "mbo"
    HBO = "hbo"
    WO = "wo"


# Dutch names of the school types, for every screen (the codes above stay language-neutral).
SCHOOL_TYPE_LABELS = {
    SchoolType.PRO: _("Praktijkonderwijs"),
    SchoolType.VSO: _("Voortgezet speciaal onderwijs"),
    SchoolType.VO: _("Voortgezet onderwijs"),
    SchoolType.MBO: _("mbo"),
    SchoolType.HBO: _("hbo"),
    SchoolType.WO: _("wo"),
}
# Who may ask for support during school: a pro, vso or mbo school (lid 1 sub b), or the hbo or wo
# student (lid 1 sub c).
SCHOOL_REQUEST_TYPES = frozenset({SchoolType.PRO, SchoolType.VSO, SchoolType.MBO})
STUDENT_REQUEST_TYPES = frozenset({SchoolType.HBO, SchoolType.WO})


class Arrival(enum.StrEnum):
    """How the youth came to the municipality (No Wrong Door entrances that matter in law)."""

    TRANSFER_PRO = "transfer_pro"
    TRANSFER_VSO = "transfer_vso"
    TRANSFER_MBO = "transfer_mbo"
    TRANSFER_DOORSTROOMPUNT = "transfer_doorstroompunt"
    SCHOOL_REQUEST = "school_request"  # pro/vso/mbo asks for support during school (lid 1 sub b)
    STUDENT_REQUEST = "student_request"  # hbo/wo student asks (lid 1 sub c)
    UWV = "uwv"  # e.g. WW ended
    BIJSTAND = "bijstand"  # bijstand application
    SELF = "self"
    OTHER = "other"


TRANSFERS = frozenset(
    {
        Arrival.TRANSFER_PRO,
        Arrival.TRANSFER_VSO,
        Arrival.TRANSFER_MBO,
        Arrival.TRANSFER_DOORSTROOMPUNT,
    }
)


class Judgement(enum.StrEnum):
    """A professional judgement the engine cannot make: open until a coach records it."""

    YES = "yes"
    NO = "no"
    OPEN = "open"


class Route(enum.StrEnum):
    SUPPORT_DURING_SCHOOL = "support_during_school"
    NOT_IN_SCOPE = "not_in_scope"
    ASSESS_SCHOOL = "assess_school"  # professional judgement needed: is school possible?
    JOINT_ASSESSMENT = "joint_assessment"  # with the Doorstroompunt (lid 2)
    BACK_TO_SCHOOL = "back_to_school"  # hand back to the Doorstroompunt
    LEARN_WORK = "learn_work"  # leerwerktraject (lid 3)
    WORK = "work"  # arbeidsinschakeling
    SHELTERED_WORK = "sheltered_work"  # beschut werk with UWV indication (art. 10b)
    WERKCENTRUM = "werkcentrum"  # retraining advice


# The one Dutch name of each route, for every screen (docs/glossary.md lists them).
ROUTE_LABELS = {
    Route.SUPPORT_DURING_SCHOOL: _("Ondersteuning tijdens school"),
    Route.NOT_IN_SCOPE: _("Valt niet onder art. 7a"),
    Route.ASSESS_SCHOOL: _("Beoordelen of school mogelijk is"),
    Route.JOINT_ASSESSMENT: _("Samen met het Doorstroompunt beoordelen"),
    Route.BACK_TO_SCHOOL: _("Terug naar school (Doorstroompunt)"),
    Route.LEARN_WORK: _("Leerwerktraject"),
    Route.WORK: _("Toeleiding naar werk"),
    Route.SHELTERED_WORK: _("Beschut werk"),
    Route.WERKCENTRUM: _("Verwijzing naar het Werkcentrum (omscholing)"),
}


def route_label(code: str | None) -> str:
    """The Dutch name of a route code; an unknown code as it is, no code as ""."""
    try:
        return str(ROUTE_LABELS[Route(code)]) if code else ""
    except ValueError:
        return code


class LegalBasis(enum.StrEnum):
    JOB_SEEKER = "7a-1a"  # lid 1 sub a: job-seeker (with bijstand or without benefit)
    SCHOOL_REQUEST = "7a-1b"  # lid 1 sub b: on request of a pro/vso/mbo school
    STUDENT_REQUEST = "7a-1c"  # lid 1 sub c: on request of an hbo/wo student
    HARDSHIP = "7a-7"  # lid 7: hardheidsclausule, 27 or older


CONTACT_DOORSTROOMCOACH = "doorstroomcoach"
CONTACT_JONGERENCOACH = "jongerencoach_werk"
CONTACT_LEERPLICHT = "leerplichtambtenaar"
ROLE_LABELS = {CONTACT_DOORSTROOMCOACH: "doorstroomcoach", CONTACT_JONGERENCOACH: "jongerencoach werk",
               CONTACT_LEERPLICHT: "leerplichtambtenaar"}


class UwvBenefit(enum.StrEnum):
    """A benefit from UWV (Participatiewet art. 7a lid 5 with art. 7 lid 2 and 7)."""

    NONE = "none"
    WAJONG = "wajong"
    WW = "ww"
    WIA = "wia"


class Output(enum.StrEnum):
    """Every answer the engine gives. Each one can be open (``Answer.open``)."""

    AGE = "age"
    ROUTE = "route"
    LEGAL_BASIS = "legal_basis"
    STARTKWALIFICATIE = "startkwalificatie"
    UWV_BENEFIT = "uwv_benefit"
    DOORSTROOMPUNT_EXPERTISE = "doorstroompunt_expertise"  # lid 2
    LEARN_WORK_PRIORITY = "learn_work_priority"  # lid 3
    LEARN_WORK_POSSIBLE = "learn_work_possible"
    DOORSTROOMPUNT_TARGET_GROUP = "doorstroompunt_target_group"
    ARBEIDSMARKTREGIO = "arbeidsmarktregio_services"
    SEARCH_PERIOD = "search_period"
    FORMER_SCHOOL = "former_school_aftercare"
    LEERPLICHT = "leerplicht"
    OVERGANGSDOCUMENT = "overgangsdocument"
    CONTACT_PERSON = "contact_person"


OUTPUT_LABELS = {
    Output.AGE: _("Leeftijdsgrens (onder 27)"),
    Output.ROUTE: _("Route"),
    Output.LEGAL_BASIS: _("Grondslag"),
    Output.STARTKWALIFICATIE: _("Startkwalificatie"),
    Output.UWV_BENEFIT: _("Uitkering van UWV"),
    Output.DOORSTROOMPUNT_EXPERTISE: _("Expertise van het Doorstroompunt (art. 7a lid 2)"),
    Output.LEARN_WORK_PRIORITY: _("Voorrang leerwerktraject (art. 7a lid 3)"),
    Output.LEARN_WORK_POSSIBLE: _("Leerwerktraject mogelijk en passend"),
    Output.DOORSTROOMPUNT_TARGET_GROUP: _("Doelgroep van het Doorstroompunt"),
    Output.ARBEIDSMARKTREGIO: _("Dienstverlening in de arbeidsmarktregio"),
    Output.SEARCH_PERIOD: _("Zoektermijn van vier weken (bijstand)"),
    Output.FORMER_SCHOOL: _("Begeleiding door de vorige school"),
    Output.LEERPLICHT: _("Leerplicht en kwalificatieplicht"),
    Output.OVERGANGSDOCUMENT: _("Overgangsdocument"),
    Output.CONTACT_PERSON: _("Vaste contactpersoon"),
}

# Values of the yes/no outputs (the route, legal basis and contact person use their own codes).
YES, NO, NOT_APPLICABLE, NONE_YET = "yes", "no", "not_applicable", "none_yet"
DOCUMENT_WITH_CONSENT, DOCUMENT_NOT_SENT, DOCUMENT_OPTIONAL = "with_consent", "not_sent", "optional"
VALUE_LABELS = {
    YES: _("Ja"), NO: _("Nee"), NOT_APPLICABLE: _("Niet van toepassing"),
    NONE_YET: _("Nog niet: eerst bepaalt de intake de route"),
    DOCUMENT_WITH_CONSENT: _("De school geeft het mee (toestemming gegeven)"),
    DOCUMENT_NOT_SENT: _("Gaat niet mee: toestemming geweigerd"),
    DOCUMENT_OPTIONAL: _("Mag, hoeft niet (Doorstroompunt)"),
}


# --- Ages ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Age:
    """Age on a reference date; a range when the birth date is incomplete (BRP '00')."""

    minimum: int
    maximum: int

    @property
    def is_certain(self) -> bool:
        return self.minimum == self.maximum

    def __str__(self) -> str:
        return str(self.minimum) if self.is_certain else f"{self.minimum}–{self.maximum}"


def _years_between(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_on(birth: PartialDate, on: datetime.date) -> Age:
    return Age(_years_between(birth.latest(), on), _years_between(birth.earliest(), on))


def birthday(birth: PartialDate, years: int) -> tuple[datetime.date, datetime.date]:
    """Earliest and latest date on which the person turns ``years`` (29 Feb → 28 Feb)."""

    def add(date: datetime.date) -> datetime.date:
        try:
            return date.replace(year=date.year + years)
        except ValueError:
            return date.replace(year=date.year + years, day=28)

    return add(birth.earliest()), add(birth.latest())


def is_minor(birth: PartialDate, on: datetime.date) -> bool | None:
    """True/False, or None when an incomplete birth date leaves it open."""
    age = age_on(birth, on)
    if age.maximum < AGE_OF_MAJORITY:
        return True
    if age.minimum >= AGE_OF_MAJORITY:
        return False
    return None


# --- School aftercare (the former school may still guide the youth) ---------------------------
SCHOOL_GUIDANCE_YEARS = {  # Handreiking SZW §4.2 tabel 1
    SchoolType.PRO: ("left", 2),  # "gedurende twee jaar na verlaten van het onderwijs"
    SchoolType.VSO: ("left", 2),
    SchoolType.MBO: ("diploma", 1),  # "gedurende één jaar na diplomering"
    SchoolType.HBO: ("diploma", 1),
    SchoolType.WO: ("diploma", 1),
}


def school_guidance_until(
    school_type: SchoolType | None,
    *,
    left_on: datetime.date | None,
    diploma_on: datetime.date | None,
) -> datetime.date | None:
    """Last day the former school may still guide the youth to work, or None."""
    if school_type not in SCHOOL_GUIDANCE_YEARS:
        return None
    anchor, years = SCHOOL_GUIDANCE_YEARS[school_type]
    start = left_on if anchor == "left" else diploma_on
    if start is None:
        return None
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def has_startkwalificatie(diploma: Diploma | None) -> bool | None:
    return None if diploma is None else diploma in STARTKWALIFICATIE_DIPLOMAS


# --- Answers: every output, definite or open ---------------------------------------------------
@dataclass(frozen=True)
class Answer:
    """One output of the engine. ``open`` set: the law leaves it to the coach (``question``).

    ``value`` is a code (a route, a role, ``yes``/``no``/...); an open answer may still carry the
    value the engine would propose. ``reason`` says why, also behind a negative finding."""

    output: str
    value: str = ""
    open: OpenKind | None = None
    question: str = ""
    reason: str = ""
    rules: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.open is not None

    @property
    def citations(self) -> str:
        """The citations of the rules this answer rests on, in words a coach reads."""
        parts = (part for r in self.rules for part in str(RULES[r].citation).split("; "))
        return "; ".join(dict.fromkeys(parts))

    def as_dict(self) -> dict:
        return {
            "output": str(self.output), "value": self.value,
            "open": str(self.open) if self.open else None,
            "question": str(self.question), "reason": str(self.reason),
            "rules": [{"rule": r, "citation": RULES[r].citation} for r in self.rules],
        }


def _open(output, kind: OpenKind, question, *rules: Rule, value: str = "", reason="") -> Answer:
    return Answer(str(output), value, kind, str(question), str(reason), tuple(r.id for r in rules))


def _answer(output, value: str, reason, *rules: Rule) -> Answer:
    return Answer(str(output), value, None, "", str(reason), tuple(r.id for r in rules))


def _date(day: datetime.date) -> str:
    return day.strftime("%d-%m-%Y")


def startkwalificatie_answer(diploma: Diploma | None) -> Answer:
    """Whether the youth has a startkwalificatie, and why (also why not)."""
    if diploma is None:
        return _open(Output.STARTKWALIFICATIE, OpenKind.UNKNOWN_FACT,
                     _("Heeft de jongere een startkwalificatie (havo, vwo, mbo 2-4)?"), R_SK)
    if diploma in STARTKWALIFICATIE_DIPLOMAS:
        return _answer(Output.STARTKWALIFICATIE, YES, _(
            "Hoogste diploma: %(diploma)s; dat is een startkwalificatie.") % {
            "diploma": DIPLOMA_NAMES[diploma]}, R_SK)
    if diploma == Diploma.NONE:
        why = _("De jongere heeft geen diploma; een startkwalificatie is een diploma havo, vwo of "
                "mbo 2, 3 of 4.")
    else:
        why = _("Hoogste diploma: %(diploma)s; dat is geen startkwalificatie (havo, vwo of mbo 2, "
                "3 of 4).") % {"diploma": DIPLOMA_NAMES[diploma]}
    return _answer(Output.STARTKWALIFICATIE, NO, why, R_SK)


def former_school_answer(school_type: SchoolType | None, *, left_on: datetime.date | None,
                         diploma_on: datetime.date | None, on: datetime.date,
                         in_school: bool = False) -> Answer:
    """Whether the former school may still guide the youth (Handreiking §4.2 tabel 1, §8.2).

    The day the term ends is open (the sources do not say whether it counts), and so is an mbo
    leaver without a diploma (§4.2 counts from the diploma, §8.2 from leaving)."""
    out = Output.FORMER_SCHOOL
    if in_school:
        return _answer(out, NOT_APPLICABLE, _("De jongere gaat nog naar school."))
    if school_type is None:
        return _open(out, OpenKind.UNKNOWN_FACT,
                     _("Van welke soort school komt de jongere? Pro, vso, mbo, hbo en wo mogen "
                       "na het verlaten nog begeleiden."), R_SCHOOL_GUIDANCE)
    if school_type not in SCHOOL_GUIDANCE_YEARS:
        return _answer(out, NO, _(
            "Een school voor voortgezet onderwijs (vmbo, havo, vwo) heeft geen begeleidingstaak "
            "na het verlaten; die hebben alleen pro, vso, mbo, hbo en wo."), R_SCHOOL_GUIDANCE)
    anchor, _years = SCHOOL_GUIDANCE_YEARS[school_type]
    rule = R_SCHOOL_GUIDANCE if anchor == "left" else R_SCHOOL_GUIDANCE_DIPLOMA
    if anchor == "left" and left_on is None:
        return _open(out, OpenKind.UNKNOWN_FACT,
                     _("Wanneer verliet de jongere de school? De school mag nog twee jaar na het "
                       "verlaten begeleiden."), rule)
    if anchor == "diploma" and diploma_on is None:
        if left_on is not None:
            return _open(out, OpenKind.LAW_SILENT, _(
                "De jongere verliet de school zonder diploma op %(date)s. De termijn van één jaar "
                "geldt 'na diplomering'; de handreiking noemt elders 'binnen één jaar' na het "
                "verlaten. Ga na of de school de jongere nog begeleidt.") % {
                "date": _date(left_on)}, rule, R_SCHOOL_WINDOW_OPEN)
        return _open(out, OpenKind.UNKNOWN_FACT,
                     _("Heeft de jongere een diploma gehaald, en op welke datum? De school mag "
                       "tot één jaar na diplomering begeleiden."), rule)
    until = school_guidance_until(school_type, left_on=left_on, diploma_on=diploma_on)
    start = left_on if anchor == "left" else diploma_on
    term = (_("twee jaar na het verlaten op %(date)s") if anchor == "left"
            else _("één jaar na diplomering op %(date)s")) % {"date": _date(start)}
    if on < until:
        return _answer(out, YES, _(
            "De vorige school mag de jongere nog begeleiden tot %(until)s (%(term)s). Ga dit na "
            "bij de jongere om dubbele ondersteuning te voorkomen.") % {
            "until": _date(until), "term": term}, rule)
    if on == until:
        return _open(out, OpenKind.LAW_SILENT, _(
            "Vandaag, %(until)s, eindigt de termijn van de vorige school (%(term)s). De bronnen "
            "zeggen niet of deze laatste dag nog meetelt: ga na of de school de jongere nog "
            "begeleidt.") % {"until": _date(until), "term": term}, rule, R_SCHOOL_WINDOW_OPEN,
            value=YES)
    return _answer(out, NO, _(
        "De termijn van de vorige school is verstreken op %(until)s (%(term)s).") % {
        "until": _date(until), "term": term}, rule)


def overgangsdocument_answer(arrival: Arrival, *, consent: Judgement, birth: PartialDate,
                             on: datetime.date) -> Answer:
    """The overgangsdocument of a transfer: a pro/vso/mbo school provides it, only with consent
    (of a parent for a minor), and without consent it is not sent; the Doorstroompunt may, need
    not. Who consents follows ``consent_required_from`` (the handover checks use the same)."""
    out = Output.OVERGANGSDOCUMENT
    if arrival == Arrival.TRANSFER_DOORSTROOMPUNT:
        return _answer(out, DOCUMENT_OPTIONAL, R_DOCUMENT_DSP.text, R_DOCUMENT_DSP)
    if arrival not in TRANSFERS:
        return _answer(out, NOT_APPLICABLE, _("Geen overdracht door een school."),
                       R_DOCUMENT_DUTY)
    who = consent_required_from(birth, on)
    if who == ConsentBy.UNKNOWN:
        return _open(out, OpenKind.UNKNOWN_FACT, _(
            "De geboortedatum is onvolledig: controleer in de BRP of de jongere minderjarig is; "
            "dan stemt een ouder in met het overgangsdocument."), R_DOCUMENT_DUTY, R_CONSENT)
    giver = _("een ouder (de jongere is minderjarig)") if who == ConsentBy.PARENT else \
        _("de jongere")
    if consent == Judgement.YES:
        return _answer(out, DOCUMENT_WITH_CONSENT, _(
            "De school geeft het overgangsdocument mee; %(who)s heeft ingestemd.") % {
            "who": giver}, R_DOCUMENT_DUTY, R_CONSENT)
    if consent == Judgement.NO:
        return _answer(out, DOCUMENT_NOT_SENT, _(
            "Zonder toestemming van %(who)s gaat het overgangsdocument niet mee.") % {
            "who": giver}, R_DOCUMENT_DUTY, R_CONSENT)
    return _open(out, OpenKind.UNKNOWN_FACT, _(
        "Heeft %(who)s ingestemd met het overgangsdocument van de school? Zonder toestemming "
        "gaat het niet mee.") % {"who": giver}, R_DOCUMENT_DUTY, R_CONSENT)


def _within_days(days: int, on: datetime.date, window: tuple[datetime.date, datetime.date]) -> bool:
    earliest, latest = window
    return latest >= on and earliest <= on + datetime.timedelta(days=days)


def contact_person_answer(*, route: Route | None, route_open: bool, birth: PartialDate,
                          on: datetime.date, in_aftercare: bool = False) -> Answer:
    """Who the fixed contact person should be (Uitgangspuntennotitie §1 and §4), or open where
    the notitie does not decide. ``route`` None or ``route_open``: the intake has not fixed the
    route yet, so there is no contact person yet (the law's answer, not a gap)."""
    out = Output.CONTACT_PERSON
    age = age_on(birth, on)
    low, high = LEERPLICHT_CONTACT_AGES
    if route == Route.NOT_IN_SCOPE and not route_open:
        return _answer(out, NOT_APPLICABLE, _("Geen ondersteuning onder art. 7a: geen vaste "
                                              "contactpersoon."))
    if in_aftercare:
        return _open(out, OpenKind.LAW_SILENT, _(
            "Wie volgt de jongere in de nazorg? De notitie noemt lichte opvolging en een warme "
            "overdracht waar nodig, maar niet wie dat doet."), R_AFTERCARE_OPEN, R_CONTACT_OPEN)
    if route is None or route_open or route in (Route.ASSESS_SCHOOL, Route.JOINT_ASSESSMENT):
        return _answer(out, NONE_YET, _(
            "Nog geen vaste contactpersoon: die wordt toegewezen zodra de intake de route heeft "
            "bepaald."), R_CONTACT_AFTER_INTAKE)
    if any(age.minimum < bound <= age.maximum for bound in (low, high)):
        return _open(out, OpenKind.UNKNOWN_FACT, _(
            "De geboortedatum is onvolledig (%(age)s jaar): controleer in de BRP of de jongere "
            "tussen 15 en 18 is; dan is de leerplichtambtenaar het vaste aanspreekpunt.") % {
            "age": age}, R_CONTACT)
    if age.maximum < low:
        return _open(out, OpenKind.LAW_SILENT, _(
            "De jongere is %(age)s. De notitie noemt de leerplichtambtenaar vanaf 15 jaar en zegt "
            "niet wie het vaste aanspreekpunt is voor een jongere onder 15.") % {"age": age},
            R_CONTACT, R_CONTACT_OPEN)
    if age.maximum < high:
        turns = birthday(birth, AGE_OF_MAJORITY)
        if _within_days(CONTACT_CHANGE_NOTICE_DAYS, on, turns):
            return _open(out, OpenKind.LAW_SILENT, _(
                "De jongere wordt 18 op %(date)s; dan houdt de leerplichtambtenaar op vast "
                "aanspreekpunt te zijn. Wie neemt het over: de doorstroomcoach (schoolroute) of "
                "de jongerencoach werk (werkroute)? Regel de warme overdracht.") % {
                "date": _date(turns[1])}, R_CONTACT, R_CONTACT_OPEN, value=CONTACT_LEERPLICHT)
        return _answer(out, CONTACT_LEERPLICHT, _(
            "De jongere is %(age)s: voor 15 tot 18 jaar is de leerplichtambtenaar het vaste "
            "aanspreekpunt.") % {"age": age}, R_CONTACT)
    if route == Route.BACK_TO_SCHOOL:
        return _answer(out, CONTACT_DOORSTROOMCOACH, _("Schoolgerichte route: de "
                                                       "doorstroomcoach."), R_CONTACT_ROUTE)
    if route in (Route.WORK, Route.SHELTERED_WORK, Route.SUPPORT_DURING_SCHOOL):
        return _answer(out, CONTACT_JONGERENCOACH, _("Werkgerichte route: de jongerencoach "
                                                     "werk."), R_CONTACT_ROUTE)
    if route == Route.LEARN_WORK:
        return _open(out, OpenKind.LOCAL_POLICY, _(
            "Een leerwerktraject is school- en werkgericht tegelijk; de notitie zegt niet wie dan "
            "het vaste aanspreekpunt is. Kies de doorstroomcoach of de jongerencoach werk."),
            R_CONTACT_ROUTE, R_CONTACT_OPEN)
    return _open(out, OpenKind.LAW_SILENT, _(
        "Bij een verwijzing naar het Werkcentrum voor scholingsadvies zegt de notitie niet wie het "
        "vaste aanspreekpunt is."), R_CONTACT_ROUTE, R_CONTACT_OPEN)


CONTACT_FITS, CONTACT_DOES_NOT_FIT, CONTACT_TOO_EARLY = "fits", "does_not_fit", "too_early"


def contact_fit(*, expected: Answer, current_role: str, birth: PartialDate,
                on: datetime.date) -> Answer:
    """Whether the youth's current contact person fits the age and route (Uitgangspuntennotitie
    §1 and §4). A role that does not fit the age is flagged; one that does not fit a changed
    route is open (the notitie does not say whether the contact changes with the route). Never
    blocks: the file shows it."""
    out = "contact_fit"
    if not current_role:
        return expected
    age = age_on(birth, on)
    low, high = LEERPLICHT_CONTACT_AGES
    turning_18 = _within_days(CONTACT_CHANGE_NOTICE_DAYS, on, birthday(birth, AGE_OF_MAJORITY))
    if current_role == CONTACT_LEERPLICHT and age.minimum >= high:
        return _answer(out, CONTACT_DOES_NOT_FIT, _(
            "De leerplichtambtenaar is het vaste aanspreekpunt van 15 tot 18 jaar; deze jongere "
            "is %(age)s. Draag over aan de doorstroomcoach of de jongerencoach werk.") % {
            "age": age}, R_CONTACT)
    if current_role == CONTACT_LEERPLICHT and age.maximum < low:
        return _open(out, OpenKind.LAW_SILENT, _(
            "De leerplichtambtenaar is volgens de notitie het vaste aanspreekpunt vanaf 15 jaar; "
            "deze jongere is %(age)s.") % {"age": age}, R_CONTACT, R_CONTACT_OPEN)
    if current_role != CONTACT_LEERPLICHT and low <= age.minimum and age.maximum < high \
            and not turning_18:
        return _answer(out, CONTACT_DOES_NOT_FIT, _(
            "Voor jongeren van 15 tot 18 jaar is de leerplichtambtenaar het vaste aanspreekpunt; "
            "deze jongere is %(age)s.") % {"age": age}, R_CONTACT)
    if current_role not in ROLE_LABELS:
        return _open(out, OpenKind.LOCAL_POLICY, _(
            "De notitie noemt als vaste contactpersoon de doorstroomcoach, de jongerencoach werk "
            "en (van 15 tot 18 jaar) de leerplichtambtenaar; een andere rol is lokaal beleid."),
            R_CONTACT, R_CONTACT_ROUTE)
    if expected.value == NONE_YET:
        return _open(out, OpenKind.JUDGEMENT, _(
            "Er is al een vaste contactpersoon, maar de intake heeft de route nog niet bepaald. "
            "Volgens de notitie wordt de contactpersoon toegewezen nadat de intake de route "
            "heeft bepaald: bevestig of wissel na de intake."), R_CONTACT_AFTER_INTAKE,
            value=CONTACT_TOO_EARLY)
    if expected.is_open:
        return expected
    if expected.value in (CONTACT_DOORSTROOMCOACH, CONTACT_JONGERENCOACH, CONTACT_LEERPLICHT) \
            and current_role != expected.value:
        return _open(out, OpenKind.JUDGEMENT, _(
            "De route vraagt een %(role)s als vaste contactpersoon. De notitie zegt niet of de "
            "contactpersoon wisselt als de route verandert (één vaste contactpersoon tijdens het "
            "traject): beslis of u wisselt.") % {"role": ROLE_LABELS[expected.value]},
            R_CONTACT_ROUTE, R_CONTACT_OPEN, value=expected.value)
    return _answer(out, CONTACT_FITS, expected.reason, *(RULES[r] for r in expected.rules))


# --- Instrument eligibility (voorzieningen) ----------------------------------------------------
# The codes of the reference list (route27.trajectories.reference_lists.INSTRUMENTS), plus
# participatieplaatsen, which the law excludes and the list therefore leaves out.
PARTICIPATIEPLAATS = "participatieplaats"
INSTRUMENT_CODES = ("loonkostensubsidie", "sociale-activering", "esb", "ips", "slim",
                    "praktijkleren-derde-leerweg", "jobcoach", "beschut-werk", "mdt",
                    "lifecoaching", "werkervaringsplaats", PARTICIPATIEPLAATS)


def _instrument_answers(facts: Facts, route: Route, route_open: bool,
                        sk: bool | None) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    if route == Route.NOT_IN_SCOPE:
        for code in INSTRUMENT_CODES:
            answers[code] = (
                _open(code, OpenKind.JUDGEMENT, _("Eerst beslissen of art. 7a geldt (zie de "
                                                  "route)."), R_AGE)
                if route_open else
                _answer(code, NO, _("Geen ondersteuning onder art. 7a."), R_AGE))
        return answers
    answers[PARTICIPATIEPLAATS] = _answer(PARTICIPATIEPLAATS, NO, R_NO_PARTICIPATIEPLAATS.text,
                                          R_NO_PARTICIPATIEPLAATS)
    # Loonkostensubsidie: only below the minimum wage; on a bbl-leerbaan only without SK.
    if facts.on_bbl_job and sk:
        lks = _answer("loonkostensubsidie", NO, _(
            "Op een bbl-leerbaan alleen voor een jongere zonder startkwalificatie; deze jongere "
            "heeft er een."), R_LKS)
    elif facts.on_bbl_job and sk is None:
        lks = _open("loonkostensubsidie", OpenKind.UNKNOWN_FACT, _(
            "Heeft de jongere een startkwalificatie? Op een bbl-leerbaan kan loonkostensubsidie "
            "alleen zonder startkwalificatie."), R_LKS)
    elif facts.can_earn_minimum_wage == Judgement.YES:
        lks = _answer("loonkostensubsidie", NO, _(
            "De jongere kan het wettelijk minimumloon verdienen."), R_LKS)
    elif facts.can_earn_minimum_wage == Judgement.OPEN:
        lks = _open("loonkostensubsidie", OpenKind.JUDGEMENT, _(
            "Kan de jongere het wettelijk minimumloon verdienen? Loonkostensubsidie alleen als "
            "dat niet kan."), R_LKS)
    else:
        lks = _answer("loonkostensubsidie", YES, _(
            "De jongere kan het wettelijk minimumloon niet verdienen%(bbl)s.") % {
            "bbl": _(", ook op de bbl-leerbaan") if facts.on_bbl_job else ""}, R_LKS)
    answers["loonkostensubsidie"] = lks
    answers["sociale-activering"] = _answer("sociale-activering", YES, R_SOCIAL_ACTIVATION.text,
                                            R_SOCIAL_ACTIVATION)
    if sk is None:
        answers["esb"] = _open("esb", OpenKind.UNKNOWN_FACT, _(
            "Heeft de jongere een startkwalificatie? De ESB-regeling is alleen voor jongeren "
            "zonder."), R_ESB)
    elif sk:
        answers["esb"] = _answer("esb", NO, _("De jongere heeft een startkwalificatie."), R_ESB)
    elif not facts.multi_problem:
        answers["esb"] = _answer("esb", NO, _("Alleen bij meervoudige problematiek; die is niet "
                                              "vastgelegd."), R_ESB)
    else:
        answers["esb"] = _answer("esb", YES, _("Zonder startkwalificatie en met meervoudige "
                                               "problematiek."), R_ESB)
    # IPS turns on a health fact the engine does not ask for (a special category): always the
    # professional's judgement.
    answers["ips"] = _open("ips", OpenKind.JUDGEMENT, _(
        "Ontvangt de jongere ggz-hulp bij een (ernstige) psychische aandoening? Dan kan IPS "
        "(een nieuwe regeling is in de maak)."), R_IPS)
    for code in ("slim", "praktijkleren-derde-leerweg"):
        answers[code] = _answer(code, YES, R_LEARN_WORK_SUBSIDIES.text, R_LEARN_WORK_SUBSIDIES)
    if facts.uwv_sheltered_work_indication:
        answers["beschut-werk"] = _open("beschut-werk", OpenKind.JUDGEMENT, _(
            "UWV heeft een indicatie beschut werk gegeven. Is beschut werk de best passende vorm "
            "van werk?"), R_SHELTERED, value=YES)
    else:
        answers["beschut-werk"] = _answer("beschut-werk", NO, _(
            "Alleen met een indicatie beschut werk van UWV; die is er niet."), R_SHELTERED)
    for code in ("jobcoach", "mdt", "lifecoaching", "werkervaringsplaats"):
        answers[code] = _answer(code, YES, R_WORK.text, R_WORK)
    return answers


def instrument_answer(decision: Decision | None, code: str) -> Answer:
    """Whether an instrument may be used, from the latest proposal. An instrument the sources do
    not name is local policy; without a proposal the route (and so the answer) is still open."""
    if decision is None:
        return _open(code, OpenKind.UNKNOWN_FACT, _("De route is nog niet bepaald."), R_WORK)
    if code in decision.instruments:
        return decision.instruments[code]
    return _open(code, OpenKind.LOCAL_POLICY, _(
        "Deze voorziening staat niet in de handreiking; de gemeente bepaalt of zij past."),
        R_WORK)


# --- Route decision engine ---------------------------------------------------------------------
@dataclass(frozen=True)
class Facts:
    """What the coach knows. ``None`` or ``Judgement.OPEN`` means unknown or not yet judged; the
    engine then asks instead of deciding."""

    reference_date: datetime.date
    birth: PartialDate
    arrival: Arrival
    highest_diploma: Diploma | None = None
    in_school: bool = False
    school_type: SchoolType | None = None
    school_left_on: datetime.date | None = None
    diploma_on: datetime.date | None = None
    school_possible: Judgement = Judgement.OPEN
    wants_retraining: bool = False
    uwv_sheltered_work_indication: bool = False
    bijstand_granted: bool = False
    multi_problem: bool = False
    hardship_justification: str = ""
    requested_by: str = ""
    # Issue 10: the learn-work step, UWV benefits, instruments, the search period, aftercare.
    on_bbl_job: bool = False  # works on a bbl-leerbaan: a learn-work route is already running
    learn_work_possible: Judgement = Judgement.OPEN
    uwv_benefit: UwvBenefit | None = None  # None: not asked yet
    uwv_agreement: Judgement = Judgement.OPEN  # municipality–UWV agreement covering this youth
    uwv_benefit_ending: bool = False  # UWV hands the youth over because the benefit ends
    can_earn_minimum_wage: Judgement = Judgement.OPEN
    search_period_waived: Judgement = Judgement.OPEN  # bijstand: support at once (lid 6)
    in_aftercare: bool = False
    document_consent: Judgement = Judgement.OPEN  # consent to the overgangsdocument: given/refused


# The facts the engine reads, in the order the route page lists them.
FACT_NAMES = tuple(f for f in (
    "reference_date", "birth", "arrival", "requested_by", "highest_diploma", "in_school",
    "school_type", "school_left_on", "diploma_on", "on_bbl_job", "school_possible",
    "learn_work_possible", "wants_retraining", "uwv_sheltered_work_indication", "uwv_benefit",
    "uwv_agreement", "uwv_benefit_ending", "bijstand_granted", "search_period_waived",
    "can_earn_minimum_wage", "document_consent", "multi_problem", "hardship_justification",
    "in_aftercare"))


@dataclass(frozen=True)
class ReasoningStep:
    """One line of a decision's reasoning: the rule applied, its citation and what it meant here.

    Not a trajectory step (``route27.trajectories.workflow.Step``)."""

    rule: str
    citation: str
    text: str


def _fact_value(value) -> str | bool | None:
    if isinstance(value, datetime.date) or isinstance(value, PartialDate):
        return str(value) if isinstance(value, PartialDate) else value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return value


@dataclass
class Decision:
    route: Route
    legal_basis: LegalBasis | None
    contact_role: str | None
    requested_by: str
    explanation: list[ReasoningStep] = field(default_factory=list)
    open_questions: list[str] = field(default_factory=list)
    notices: list[ReasoningStep] = field(default_factory=list)
    former_school_guidance_until: datetime.date | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    instruments: dict[str, Answer] = field(default_factory=dict)
    facts_used: list[tuple[str, object]] = field(default_factory=list)

    @property
    def route_is_open(self) -> bool:
        answer = self.answers.get(Output.ROUTE)
        return bool(answer and answer.is_open)

    def as_dict(self) -> dict:
        def steps(items):
            return [{"rule": s.rule, "citation": s.citation, "text": str(s.text)} for s in items]

        return {
            "route": str(self.route),
            "route_open": self.route_is_open,
            "legal_basis": str(self.legal_basis) if self.legal_basis else None,
            "contact_role": self.contact_role,
            "requested_by": self.requested_by,
            "explanation": steps(self.explanation),
            "open_questions": [str(q) for q in self.open_questions],
            "notices": steps(self.notices),
            "former_school_guidance_until": (
                self.former_school_guidance_until.isoformat()
                if self.former_school_guidance_until
                else None
            ),
            "answers": [self.answers[o].as_dict() for o in Output if o in self.answers],
            "instruments": [a.as_dict() for a in self.instruments.values()],
            "facts_used": [{"fact": k, "value": _fact_value(v)} for k, v in self.facts_used],
        }


def _applied(rule: Rule, detail: str = "", citation: str = "") -> ReasoningStep:
    """The reasoning step for a rule the engine applied, with what it meant for these facts."""
    return ReasoningStep(rule.id, citation or rule.citation, f"{rule.text} {detail}".strip())


def contact_role_for(route: Route, age: Age) -> str | None:
    """The role the notitie names for a fixed route and a certain age (None where it is open)."""
    answer = contact_person_answer(route=route, route_open=False, birth=_birth_for(age),
                                   on=LAW_IN_FORCE)
    return answer.value if answer.value in ROLE_LABELS and not answer.is_open else None


def _birth_for(age: Age) -> PartialDate:
    """A birth date that gives ``age.minimum`` on LAW_IN_FORCE, far from a birthday."""
    return PartialDate(LAW_IN_FORCE.year - age.minimum - 1, 7, 1)


class _Route:
    """The route part of the reasoning: the route, its legal basis and whether it is open."""

    def __init__(self, route: Route, basis: LegalBasis | None, answer: Answer):
        self.route, self.basis, self.answer = route, basis, answer


def _route(facts: Facts, age: Age, sk: bool | None, steps: list[ReasoningStep],
           answers: dict[str, Answer], used: list[str]) -> _Route:
    """Decide the route (art. 7a lid 1-3, 5, 7) and record the answers on the way."""
    route_out = Output.ROUTE
    justification = facts.hardship_justification.strip()

    def result(route, basis, *, open_kind=None, question="", reason="", rules=()):
        if open_kind is None:
            answer = _answer(route_out, str(route), reason, *rules)
        else:
            answer = _open(route_out, open_kind, question, *rules, value=str(route),
                           reason=reason)
        return _Route(route, basis, answer)

    # Age limit and hardship clause (lid 1, lid 7).
    basis: LegalBasis | None = LegalBasis.JOB_SEEKER
    pending: tuple[OpenKind, str, tuple[Rule, ...]] | None = None  # an open point on the way
    if age.minimum >= AGE_LIMIT:
        used.append("hardship_justification")
        if not justification:
            steps.append(_applied(R_AGE, _("De jongere is %(age)s jaar.") % {"age": age}))
            steps.append(_applied(R_HARDSHIP, str(_("Er is geen rechtvaardiging vastgelegd."))))
            question = _("Zijn er gerechtvaardigde belangen om de ondersteuning voort te zetten "
                         "(hardheidsclausule)? Leg de rechtvaardiging vast.")
            rules = [R_AGE, R_HARDSHIP]
            if facts.on_bbl_job:
                used.append("on_bbl_job")
                steps.append(_applied(R_BBL_HARDSHIP))
                question = _("De jongere werkt op een bbl-leerbaan: dat is het voorbeeld van de "
                             "hardheidsclausule. Zijn er gerechtvaardigde belangen om de "
                             "ondersteuning voort te zetten? Leg de rechtvaardiging vast.")
                rules.append(R_BBL_HARDSHIP)
            answers[Output.AGE] = _answer(Output.AGE, NO, _(
                "De jongere is %(age)s jaar; art. 7a geldt onder de 27 jaar.") % {"age": age},
                R_AGE)
            return result(Route.NOT_IN_SCOPE, None, open_kind=OpenKind.JUDGEMENT,
                          question=question, rules=rules,
                          reason=_("27 jaar of ouder, zonder vastgelegde rechtvaardiging."))
        steps.append(_applied(R_HARDSHIP, _("Rechtvaardiging: %(text)s") % {
            "text": justification}))
        answers[Output.AGE] = _answer(Output.AGE, NO, _(
            "De jongere is %(age)s jaar; de hardheidsclausule is toegepast.") % {"age": age},
            R_AGE, R_HARDSHIP)
        basis = LegalBasis.HARDSHIP
    elif age.maximum >= AGE_LIMIT:
        question = _("De geboortedatum is onvolledig: controleer of de jongere jonger is dan 27 "
                     "jaar (BRP).")
        answers[Output.AGE] = _open(Output.AGE, OpenKind.UNKNOWN_FACT, question, R_AGE)
        pending = (OpenKind.UNKNOWN_FACT, question, (R_AGE,))
    else:
        steps.append(_applied(R_AGE, _("De jongere is %(age)s jaar.") % {"age": age}))
        answers[Output.AGE] = _answer(Output.AGE, YES, _("De jongere is %(age)s jaar.") % {
            "age": age}, R_AGE)

    # A benefit from UWV (lid 5 with art. 7 lid 2 and 7).
    used.append("uwv_benefit")
    benefit = facts.uwv_benefit
    if benefit is None:
        answers[Output.UWV_BENEFIT] = _open(Output.UWV_BENEFIT, OpenKind.UNKNOWN_FACT, _(
            "Krijgt de jongere een uitkering van UWV (Wajong, WW of WIA)? Dan kan de gemeente "
            "alleen ondersteunen met afspraken met UWV, of als UWV de jongere overdraagt omdat de "
            "uitkering afloopt."), R_UWV)
    elif benefit == UwvBenefit.NONE:
        answers[Output.UWV_BENEFIT] = _answer(Output.UWV_BENEFIT, NOT_APPLICABLE,
                                              _("Geen uitkering van UWV."), R_UWV)
    else:
        used.extend(["uwv_benefit_ending", "uwv_agreement"])
        name = benefit.name.capitalize() if benefit == UwvBenefit.WAJONG else benefit.name
        if facts.uwv_benefit_ending:
            detail = _("De %(benefit)s-uitkering loopt af en UWV draagt de jongere over.") % {
                "benefit": name}
            answers[Output.UWV_BENEFIT] = _answer(Output.UWV_BENEFIT, "handover", detail, R_UWV)
            steps.append(_applied(R_UWV, detail))
        elif facts.uwv_agreement == Judgement.YES:
            detail = _("De jongere krijgt %(benefit)s; er zijn afspraken met UWV.") % {
                "benefit": name}
            answers[Output.UWV_BENEFIT] = _answer(Output.UWV_BENEFIT, "agreement", detail, R_UWV)
            steps.append(_applied(R_UWV, detail))
        elif facts.uwv_agreement == Judgement.NO:
            detail = _("De jongere krijgt %(benefit)s, er zijn geen afspraken met UWV en de "
                       "uitkering loopt niet af: de gemeente ondersteunt niet onder art. 7a.") % {
                "benefit": name}
            answers[Output.UWV_BENEFIT] = _answer(Output.UWV_BENEFIT, "refused", detail, R_UWV)
            steps.append(_applied(R_UWV, detail))
            return result(Route.NOT_IN_SCOPE, None, reason=detail, rules=[R_UWV])
        else:
            question = _("De jongere krijgt %(benefit)s. Heeft de gemeente met UWV "
                         "overeenstemming en afspraken over ondersteuning van deze jongere? Zonder "
                         "afspraken ondersteunt de gemeente pas als de uitkering afloopt.") % {
                "benefit": name}
            answers[Output.UWV_BENEFIT] = _open(Output.UWV_BENEFIT, OpenKind.LOCAL_POLICY,
                                                question, R_UWV)
            pending = pending or (OpenKind.LOCAL_POLICY, question, (R_UWV,))

    def done(route, *, open_kind=None, question="", reason="", rules=()):
        if open_kind is None and pending is not None:
            open_kind, question, extra = pending
            rules = (*rules, *extra)
        return result(route, basis, open_kind=open_kind, question=question, reason=reason,
                      rules=rules)

    # During school: only on request of a pro/vso/mbo school (sub b) or hbo/wo student (sub c).
    in_school = facts.in_school and not facts.on_bbl_job
    used.append("in_school")
    if in_school:
        used.extend(["school_type", "requested_by"])
        school_asks = (facts.arrival == Arrival.SCHOOL_REQUEST
                       and facts.school_type in SCHOOL_REQUEST_TYPES)
        student_asks = (facts.arrival == Arrival.STUDENT_REQUEST
                        and facts.school_type in STUDENT_REQUEST_TYPES)
        if not (school_asks or student_asks):
            why = _("Er is geen geldig verzoek: tijdens school vraagt de pro-, vso- of mbo-school "
                    "het aan, of de hbo/wo-student zelf.")
            steps.append(_applied(R_DURING_SCHOOL, why))
            return result(Route.NOT_IN_SCOPE, None, reason=why, rules=[R_DURING_SCHOOL])
        if basis != LegalBasis.HARDSHIP:
            basis = LegalBasis.SCHOOL_REQUEST if school_asks else LegalBasis.STUDENT_REQUEST
        article = REQUEST_ARTICLES[str(facts.school_type)]
        steps.append(_applied(R_DURING_SCHOOL, _("Verzoek op grond van %(article)s.") % {
            "article": article}, citation=f"{R_DURING_SCHOOL.citation}; {article}"))
        return done(Route.SUPPORT_DURING_SCHOOL, rules=[R_DURING_SCHOOL])

    # A youth on a bbl-leerbaan is in a leerwerktraject already (gap 1).
    used.append("on_bbl_job")
    if facts.on_bbl_job:
        steps.append(_applied(R_BBL_RUNNING))
        return done(Route.LEARN_WORK, rules=[R_BBL_RUNNING],
                    reason=_("Er loopt al een leerwerktraject (bbl-leerbaan)."))

    used.append("highest_diploma")
    sk_answer = answers[Output.STARTKWALIFICATIE]
    if sk:
        used.append("wants_retraining")
        steps.append(_applied(R_SK, sk_answer.reason))
        steps.append(_applied(R_WITH_SK))
        if facts.wants_retraining:
            steps.append(_applied(R_WERKCENTRUM))
            return done(Route.WERKCENTRUM, rules=[R_WERKCENTRUM])
        return _work(facts, steps, done, used)

    # Without (known) startkwalificatie: initial education first.
    if sk is False:
        steps.append(_applied(R_SK, sk_answer.reason))
    steps.append(_applied(R_PRIOR))
    used.append("school_possible")
    school_possible = facts.school_possible
    if facts.arrival in TRANSFERS:
        article = TRANSFER_ARTICLES[str(facts.arrival)]
        steps.append(_applied(R_PRESUMPTION, citation=f"{_H43} 'Samenwerking gemeente, scholen en "
                                                      f"Doorstroompunt'; {article}"))
        if school_possible == Judgement.OPEN:
            school_possible = Judgement.NO
    if school_possible == Judgement.YES:
        steps.append(_applied(R_BACK_TO_DSP))
        return done(Route.BACK_TO_SCHOOL, rules=[R_BACK_TO_DSP])
    if sk is None:
        question = _("Heeft de jongere een startkwalificatie (havo, vwo, mbo 2-4)? Daarvan hangt "
                     "af of de gemeente de expertise van het Doorstroompunt inzet en of een "
                     "leerwerktraject voorgaat.")
        if school_possible == Judgement.OPEN:
            question = _("Is terugkeer naar initieel voltijdsonderwijs mogelijk en passend? Dat "
                         "is een afweging van de professional. Ga ook na of de jongere een "
                         "startkwalificatie heeft.")
            return done(Route.ASSESS_SCHOOL, open_kind=OpenKind.JUDGEMENT, question=question,
                        rules=[R_PRIOR])
        steps.append(_applied(R_LEARN_WORK))
        return done(Route.LEARN_WORK, open_kind=OpenKind.UNKNOWN_FACT, question=question,
                    rules=[R_SK, R_LEARN_WORK])
    if school_possible == Judgement.OPEN:
        steps.append(_applied(R_JOINT))
        return done(Route.JOINT_ASSESSMENT, open_kind=OpenKind.JUDGEMENT, question=_(
            "Is terugkeer naar initieel voltijdsonderwijs mogelijk en passend? Beoordeel dit "
            "samen met het Doorstroompunt."), rules=[R_PRIOR, R_JOINT])
    # School is not possible now; without startkwalificatie a learn-work route comes first.
    steps.append(_applied(R_LEARN_WORK))
    used.append("learn_work_possible")
    if facts.learn_work_possible == Judgement.YES:
        steps.append(_applied(R_LEARN_WORK_JUDGED, str(_("Een leerwerktraject is mogelijk en "
                                                           "passend."))))
        return done(Route.LEARN_WORK, rules=[R_LEARN_WORK, R_LEARN_WORK_JUDGED])
    if facts.learn_work_possible == Judgement.OPEN:
        question = _("Is een leerwerktraject (werken met leren) mogelijk en passend? Zo niet, "
                     "dan volgt ondersteuning naar werk.")
        if facts.uwv_sheltered_work_indication:
            question = _("Is een leerwerktraject (werken met leren) mogelijk en passend? Zo niet, "
                         "dan volgt ondersteuning naar werk; met de indicatie van UWV kan dat "
                         "beschut werk zijn, als dat de best passende vorm van werk is.")
        return done(Route.LEARN_WORK, open_kind=OpenKind.JUDGEMENT, question=question,
                    rules=[R_LEARN_WORK, R_LEARN_WORK_JUDGED])
    steps.append(_applied(R_LEARN_WORK_JUDGED, str(_(
        "Een leerwerktraject is niet mogelijk of passend: ondersteuning gericht op "
        "arbeidsinschakeling."))))
    return _work(facts, steps, done, used)


def _work(facts: Facts, steps: list[ReasoningStep], done, used: list[str]) -> _Route:
    used.append("uwv_sheltered_work_indication")
    if facts.uwv_sheltered_work_indication:
        steps.append(_applied(R_SHELTERED))
        return done(Route.SHELTERED_WORK, open_kind=OpenKind.JUDGEMENT, question=_(
            "UWV heeft een indicatie beschut werk gegeven. Is beschut werk de best passende vorm "
            "van werk voor de jongere?"), rules=[R_SHELTERED])
    steps.append(_applied(R_WORK))
    return done(Route.WORK, rules=[R_WORK])


def decide(facts: Facts) -> Decision:
    """Propose a route under art. 7a, with every other output (``Decision.answers``), each open
    where the law leaves it to the coach, and an explanation citing each rule applied."""
    steps: list[ReasoningStep] = []
    notices: list[ReasoningStep] = []
    used: list[str] = ["reference_date", "birth", "arrival"]
    age = age_on(facts.birth, facts.reference_date)
    sk = has_startkwalificatie(facts.highest_diploma)
    requested_by = facts.requested_by or str(facts.arrival)
    in_school = facts.in_school and not facts.on_bbl_job
    answers: dict[str, Answer] = {Output.STARTKWALIFICATIE: startkwalificatie_answer(
        facts.highest_diploma)}

    decided = _route(facts, age, sk, steps, answers, used)
    route, basis, route_answer = decided.route, decided.basis, decided.answer
    in_scope = route != Route.NOT_IN_SCOPE
    answers[Output.ROUTE] = route_answer
    answers.setdefault(Output.AGE, _answer(Output.AGE, YES, "", R_AGE))
    answers[Output.LEGAL_BASIS] = (
        _answer(Output.LEGAL_BASIS, str(basis), route_answer.reason or "", R_AGE)
        if basis else
        _open(Output.LEGAL_BASIS, route_answer.open, route_answer.question, R_AGE)
        if route_answer.is_open else
        _answer(Output.LEGAL_BASIS, NOT_APPLICABLE, route_answer.reason, R_AGE))

    # Standing qualifications (lid 2, lid 3) and the Doorstroompunt's target group.
    transferred = facts.arrival in TRANSFERS
    lid2, lid3, possible = Output.DOORSTROOMPUNT_EXPERTISE, Output.LEARN_WORK_PRIORITY, \
        Output.LEARN_WORK_POSSIBLE
    if not in_scope or in_school:
        why = _("De jongere gaat naar school.") if in_school else _("Valt niet onder art. 7a.")
        for out in (lid2, lid3, possible):
            answers[out] = _answer(out, NOT_APPLICABLE, why)
    elif facts.on_bbl_job:
        running = _("Er loopt al een leerwerktraject (bbl-leerbaan).")
        answers[lid2] = _answer(lid2, NOT_APPLICABLE, running, R_BBL_RUNNING)
        answers[lid3] = _answer(lid3, YES, running, R_BBL_RUNNING, R_LEARN_WORK)
        answers[possible] = _answer(possible, YES, running, R_BBL_RUNNING)
    elif sk is None:
        question = _("Heeft de jongere een startkwalificatie (havo, vwo, mbo 2-4)?")
        for out, rule in ((lid2, R_JOINT), (lid3, R_LEARN_WORK), (possible, R_LEARN_WORK_JUDGED)):
            answers[out] = _open(out, OpenKind.UNKNOWN_FACT, question, R_SK, rule)
    elif sk:
        has = _("De jongere heeft een startkwalificatie.")
        answers[lid2] = _answer(lid2, NO, has, R_JOINT)
        answers[lid3] = _answer(lid3, NO, has, R_LEARN_WORK)
        answers[possible] = _answer(possible, NOT_APPLICABLE, has, R_LEARN_WORK)
    else:
        if transferred:
            answers[lid2] = _answer(lid2, NO, _(
                "Overgedragen door school of Doorstroompunt: die hebben de afweging al gemaakt."),
                R_PRESUMPTION)
        else:
            answers[lid2] = _answer(lid2, YES, _(
                "Zonder startkwalificatie en niet via school of Doorstroompunt gekomen."), R_JOINT)
        school = Judgement.NO if transferred and facts.school_possible == Judgement.OPEN \
            else facts.school_possible
        if school == Judgement.YES:
            answers[lid3] = _answer(lid3, NO, _("Terugkeer naar school is mogelijk."),
                                    R_LEARN_WORK, R_BACK_TO_DSP)
            answers[possible] = _answer(possible, NOT_APPLICABLE,
                                        _("Terugkeer naar school is mogelijk."), R_LEARN_WORK)
        elif school == Judgement.OPEN:
            question = _("Eerst: is terugkeer naar school mogelijk en passend? Zo niet, dan gaat "
                         "een leerwerktraject voor.")
            answers[lid3] = _open(lid3, OpenKind.JUDGEMENT, question, R_LEARN_WORK, R_JOINT)
            answers[possible] = _open(possible, OpenKind.JUDGEMENT, question, R_LEARN_WORK_JUDGED)
        else:
            answers[lid3] = _answer(lid3, YES, _(
                "Geen startkwalificatie en school is niet mogelijk of passend."), R_LEARN_WORK)
            if facts.learn_work_possible == Judgement.OPEN:
                answers[possible] = _open(possible, OpenKind.JUDGEMENT, _(
                    "Is een leerwerktraject (werken met leren) mogelijk en passend?"),
                    R_LEARN_WORK_JUDGED)
            else:
                yes = facts.learn_work_possible == Judgement.YES
                answers[possible] = _answer(
                    possible, YES if yes else NO,
                    _("Vastgelegd: mogelijk en passend.") if yes else
                    _("Vastgelegd: niet mogelijk of passend; ondersteuning naar werk."),
                    R_LEARN_WORK_JUDGED)
    target = Output.DOORSTROOMPUNT_TARGET_GROUP
    if age.minimum >= AGE_LIMIT:
        answers[target] = _answer(target, NO, _("Het Doorstroompunt begeleidt tot 27 jaar."),
                                  R_DSP_TARGET)
    elif sk is None:
        answers[target] = _open(target, OpenKind.UNKNOWN_FACT, _(
            "Heeft de jongere een startkwalificatie? Het Doorstroompunt begeleidt jongeren zonder "
            "startkwalificatie."), R_DSP_TARGET)
    elif sk:
        answers[target] = _answer(target, NO, _("De jongere heeft een startkwalificatie."),
                                  R_DSP_TARGET)
    elif age.maximum >= AGE_LIMIT:
        answers[target] = _open(target, OpenKind.UNKNOWN_FACT, _(
            "De geboortedatum is onvolledig: is de jongere jonger dan 27?"), R_DSP_TARGET)
    else:
        answers[target] = _answer(target, YES, _("Zonder startkwalificatie en jonger dan 27."),
                                  R_DSP_TARGET)

    # Services in the arbeidsmarktregio: not for pupils supported during school.
    amr = Output.ARBEIDSMARKTREGIO
    if route == Route.SUPPORT_DURING_SCHOOL:
        answers[amr] = _answer(amr, NO, _("Ondersteuning tijdens school op verzoek (art. 7a lid 1 "
                                          "sub b of c)."), R_NO_AMR)
    elif not in_scope and route_answer.is_open:
        answers[amr] = _open(amr, route_answer.open, route_answer.question, R_NO_AMR)
    elif not in_scope:
        answers[amr] = _answer(amr, NOT_APPLICABLE, _("Valt niet onder art. 7a."), R_NO_AMR)
    else:
        answers[amr] = _answer(amr, YES, _("Werkzoekende jongere."), R_NO_AMR)

    # Bijstand: the four-week search period is the municipality's judgement (lid 6).
    search = Output.SEARCH_PERIOD
    if facts.arrival == Arrival.BIJSTAND:
        used.append("search_period_waived")
        if facts.search_period_waived == Judgement.OPEN:
            answers[search] = _open(search, OpenKind.JUDGEMENT, _(
                "Is het gelet op de persoonlijke omstandigheden nodig de jongere meteen te "
                "ondersteunen? Dan geldt de zoektermijn van vier weken niet."), R_SEARCH)
        elif facts.search_period_waived == Judgement.YES:
            answers[search] = _answer(search, NO, _(
                "De gemeente ondersteunt meteen; de zoektermijn van vier weken geldt niet."),
                R_SEARCH)
        else:
            answers[search] = _answer(search, YES, _("De zoektermijn van vier weken geldt."),
                                      R_SEARCH)
        notices.append(_applied(R_SEARCH))
        used.append("bijstand_granted")
        if facts.bijstand_granted:
            notices.append(_applied(R_PLAN))
    else:
        answers[search] = _answer(search, NOT_APPLICABLE, _("Geen bijstandsaanvraag."), R_SEARCH)

    # The former school's aftercare window.
    used.extend(["school_type", "school_left_on", "diploma_on"])
    school_answer = former_school_answer(facts.school_type, left_on=facts.school_left_on,
                                         diploma_on=facts.diploma_on, on=facts.reference_date,
                                         in_school=in_school)
    answers[Output.FORMER_SCHOOL] = school_answer
    guidance_until = school_guidance_until(
        facts.school_type, left_on=facts.school_left_on, diploma_on=facts.diploma_on)
    if school_answer.value == YES:
        notices.append(_applied(R_SCHOOL_GUIDANCE, _("Tot en met %(date)s.") % {
            "date": _date(guidance_until)}))

    answers[Output.OVERGANGSDOCUMENT] = overgangsdocument_answer(
        facts.arrival, consent=facts.document_consent, birth=facts.birth,
        on=facts.reference_date)
    if facts.arrival in TRANSFERS:
        used.append("document_consent")

    # Leerplicht and kwalificatieplicht: the sources do not define them.
    answers[Output.LEERPLICHT] = _open(Output.LEERPLICHT, OpenKind.LAW_SILENT, _(
        "Geldt voor de jongere nog leerplicht of kwalificatieplicht? De bronnen regelen dat niet; "
        "ga het na bij de leerplichtambtenaar."), R_LEERPLICHT_OPEN)

    if facts.multi_problem:
        notices.append(_applied(R_MULTI))
    used.append("multi_problem")

    # The fixed contact person.
    used.append("in_aftercare")
    contact = contact_person_answer(route=route, route_open=route_answer.is_open,
                                    birth=facts.birth, on=facts.reference_date,
                                    in_aftercare=facts.in_aftercare)
    answers[Output.CONTACT_PERSON] = contact
    role = contact.value if contact.value in ROLE_LABELS else None
    if role and not contact.is_open:
        steps.append(_applied(RULES[contact.rules[0]], _("Voorgesteld: %(role)s.") % {
            "role": ROLE_LABELS[role]}))

    instruments = _instrument_answers(facts, route, route_answer.is_open, sk)
    if in_scope:
        used.append("can_earn_minimum_wage")

    questions: list[str] = []
    for answer in answers.values():
        if not answer.is_open or answer.question in questions:
            continue
        if answer.output == Output.LEERPLICHT and age.minimum >= AGE_OF_MAJORITY:
            continue  # open for everyone, asked where it can matter: under 18
        questions.append(answer.question)
    order = {name: i for i, name in enumerate(FACT_NAMES)}
    facts_used = [(name, getattr(facts, name)) for name in sorted(set(used), key=order.get)]
    return Decision(route, basis, role, requested_by, steps, questions, notices,
                    guidance_until, answers, instruments, facts_used)


# --- Consent for the overgangsdocument ----------------------------------------------------------
class ConsentBy(enum.StrEnum):
    YOUTH = "youth"
    PARENT = "parent"
    UNKNOWN = "unknown"  # incomplete birth date around 18: check the BRP before sending


def consent_required_from(birth: PartialDate, on: datetime.date) -> ConsentBy:
    """Who must consent to sending an overgangsdocument (R_CONSENT): the youth, or a parent of
    a minor. An incomplete birth date that may fall either side of 18 is not guessed."""
    minor = is_minor(birth, on)
    if minor is None:
        return ConsentBy.UNKNOWN
    return ConsentBy.PARENT if minor else ConsentBy.YOUTH


# --- Sharing the overgangsdocument: consent or a named legal basis -------------------------------
# ACCESS.md: "Consent is evidence, not a checkbox" and "a legal basis instead of consent is a named
# permission, with the article, and opens only the blocks that basis covers". The codes below are
# the handover kinds of route27.handover.kinds.HandoverKind (a test keeps the two equal); the block
# keys are those of the national default format (route27.handover.templates_default).
# These rules are documented in docs/privacy.md (the route rules in docs/route-rules.md) and
# tested against the seed text in route27/tests/test_law_sharing.py.
SHARING_RULES: dict[str, Rule] = {}


def _sharing_rule(id: str, citation: str, text: str, quote: str) -> Rule:
    SHARING_RULES[id] = Rule(id, citation, text, quote)
    return SHARING_RULES[id]


R_MIRROR = _sharing_rule(
    "mirror_provisions",
    "Handreiking SZW §4.2 tabel 1 'Wat verandert er voor gemeenten?'; spiegelbepalingen in "
    "Participatiewet, WEB, WVO 2020 "
    "en WEC",
    "Scholen, Doorstroompunten en gemeenten mogen de gegevens uitwisselen die nodig zijn voor "
    "hun eigen wettelijke taak (spiegelbepalingen); niet meer dan dat.",
    quote="is de voor de uitoefening van deze taken benodigde gegevensuitwisseling mogelijk gemaakt",
)
R_DSP_DOCUMENT = _sharing_rule(
    "doorstroompunt_document",
    "Handreiking SZW §5.2 stap 3a 'Hoe draagt de school of het Doorstroompunt een jongere over aan de "
    "gemeente?'; WEB art. 9.2.5 lid 2",
    "Het Doorstroompunt mag bij een overdracht aan de gemeente een overgangsdocument meegeven, "
    "maar hoeft dat niet; de afweging dat school nu niet mogelijk is, is zijn wettelijke taak.",
    quote="Het Doorstroompunt mag dit ook doen, maar is hiertoe niet verplicht",
)
R_SHARING_OPEN = _sharing_rule(
    "sharing_guidance_pending",
    "Handreiking SZW §4.2 tabel 1 'Wat verandert er voor gemeenten?'",
    "Welke gegevens voor welke taak nodig zijn, werkt Ingrado nog uit in een handreiking. Tot "
    "die er is, deelt Route27 buiten de vastgestelde grondslagen alleen met toestemming.",
    quote="Ingrado werkt aan een handreiking over de waarborging van gegevensdeling",
)


@dataclass(frozen=True)
class SharingBasis:
    """A legal basis to share blocks of an overgangsdocument without consent: a named permission
    with its article, for the handover kinds it applies to and only the blocks it covers.

    ``established`` is False for a basis the seeds do not yet support ("open"): it is documented
    here, but cannot be recorded and opens nothing."""

    code: str
    name: str
    citation: str
    text: str
    quote: str  # verbatim from the seed; a test checks it is there
    kinds: frozenset[str]
    blocks: frozenset[str]
    established: bool = True


# What the receiver needs for its own task: the education facts, the guidance so far, the support
# needed and whom to call. Never the youth's own words and never a special category (health):
# those stay with consent (basis_covers).
_TASK_BLOCKS = frozenset({"opleiding", "loopbaanbegeleiding", "ondersteuningsbehoefte",
                          "contacten"})

LEGAL_BASES: dict[str, SharingBasis] = {
    basis.code: basis for basis in (
        SharingBasis(
            code="dsp_transfer",
            name=_("Overdracht door het Doorstroompunt (eigen wettelijke taak)"),
            citation="WEB art. 9.2.5 lid 2 met Participatiewet art. 7a (spiegelbepalingen); "
                     "Handreiking SZW §4.2 tabel 1 "
                     "en §4.3 'Samenwerking gemeente, scholen en Doorstroompunt'",
            text="Het Doorstroompunt draagt een jongere zonder startkwalificatie over aan de "
                 "gemeente voor ondersteuning naar werk. De gegevens die de gemeente daarvoor "
                 "nodig heeft, mogen mee zonder toestemming: opleiding, begeleiding tot nu toe, "
                 "ondersteuningsbehoefte en contactpersonen.",
            quote="is de voor de uitoefening van deze taken benodigde gegevensuitwisseling "
                  "mogelijk gemaakt",
            kinds=frozenset({"dsp_gemeente"}),
            blocks=_TASK_BLOCKS,
        ),
        SharingBasis(
            code="joint_assessment",
            name=_("Gezamenlijke afweging met het Doorstroompunt (art. 7a lid 2)"),
            citation="Participatiewet art. 7a lid 2 met de spiegelbepalingen; Handreiking SZW "
                     "§4.3 'Samenwerking gemeente, "
                     "scholen en Doorstroompunt'",
            text="De gemeente zet de expertise van het Doorstroompunt in bij de afweging of "
                 "school mogelijk is. Daarvoor mogen de opleiding, de begeleiding tot nu toe en "
                 "de contactpersonen mee zonder toestemming.",
            quote="kan de gemeente bij de afweging of initieel voltijdsonderwijs mogelijk of "
                  "passend is de expertise van het Doorstroompunt inzetten",
            kinds=frozenset({"gemeente_dsp"}),
            blocks=frozenset({"opleiding", "loopbaanbegeleiding", "contacten"}),
        ),
        SharingBasis(
            code="school_to_dsp",
            name=_("Overdracht van school aan het Doorstroompunt (open)"),
            citation="Handreiking SZW §4.2 tabel 1 (spiegelbepalingen; de bronnen noemen voor "
                     "deze uitwisseling "
                     "geen artikel)",
            text="Nog niet vastgesteld: de seeds noemen de spiegelbepalingen in het algemeen, "
                 "maar geen artikel en geen gegevens voor de overdracht van school aan het "
                 "Doorstroompunt. Tot dan alleen met toestemming.",
            quote="Ingrado werkt aan een handreiking over de waarborging van gegevensdeling",
            kinds=frozenset({"mbo_dsp", "provso_dsp"}),
            blocks=frozenset(),
            established=False,
        ),
    )
}
# A basis recorded as free text before issue 9 (data migration handover 0004): it names no
# article the law module knows, so it opens nothing.
LEGACY_BASIS = "legacy"


class SharingGround(enum.StrEnum):
    CONSENT = "consent"  # only consent opens a block
    CONSENT_OR_BASIS = "consent_or_basis"  # a recorded basis opens its blocks, consent the rest


@dataclass(frozen=True)
class HandoverSharing:
    """How the blocks of a handover's overgangsdocument may reach the receiver."""

    rule: Rule  # why: the seed rule for this kind of handover
    document_required: bool = False  # the sender must provide a filled document
    bases: tuple[str, ...] = ()  # codes in LEGAL_BASES for this kind (established or open)

    @property
    def established_bases(self) -> list[SharingBasis]:
        return [LEGAL_BASES[code] for code in self.bases if LEGAL_BASES[code].established]

    @property
    def ground(self) -> SharingGround:
        return SharingGround.CONSENT_OR_BASIS if self.established_bases else \
            SharingGround.CONSENT


_SCHOOL_TO_MUNICIPALITY = HandoverSharing(R_CONSENT, document_required=True)
_SCHOOL_TO_DSP = HandoverSharing(R_SHARING_OPEN, bases=("school_to_dsp",))
_SCHOOL_TO_SCHOOL = HandoverSharing(R_SHARING_OPEN)
HANDOVER_SHARING: dict[str, HandoverSharing] = {
    # S0 §4.3: a pro, vso or mbo school must provide the document, "mits de jongere daarmee
    # instemt": consent only, never a basis.
    "mbo_gemeente": _SCHOOL_TO_MUNICIPALITY,
    "provso_gemeente": _SCHOOL_TO_MUNICIPALITY,
    # The Doorstroompunt may provide one; its own legal task lets the task blocks go along.
    "dsp_gemeente": HandoverSharing(R_DSP_DOCUMENT, bases=("dsp_transfer",)),
    # Art. 7a lid 2: the gemeente uses the Doorstroompunt's expertise for the judgement.
    "gemeente_dsp": HandoverSharing(R_JOINT, bases=("joint_assessment",)),
    "mbo_dsp": _SCHOOL_TO_DSP,
    "provso_dsp": _SCHOOL_TO_DSP,
    "pro_mbo": _SCHOOL_TO_SCHOOL,
    "vso_mbo": _SCHOOL_TO_SCHOOL,
}


def handover_sharing_basis(kind: str) -> HandoverSharing:
    """Whether a handover of this kind shares by consent only, or may rest on a legal basis for
    some blocks. An unknown kind shares by consent only (deny by default)."""
    return HANDOVER_SHARING.get(kind, _SCHOOL_TO_SCHOOL)


def basis_applies(code: str, kind: str) -> bool:
    """The basis exists, is established, and is one for this kind of handover."""
    basis = LEGAL_BASES.get(code)
    return basis is not None and basis.established and kind in basis.kinds and \
        code in handover_sharing_basis(kind).bases


def basis_covers(code: str, kind: str, block: dict) -> bool:
    """A recorded basis opens a block only when it applies to the kind and names the block, and
    never the youth's own part or a special category (a block marked sensitive)."""
    if not basis_applies(code, kind):
        return False
    return block.get("key") in LEGAL_BASES[code].blocks and block.get("part") != "youth" \
        and not block.get("sensitive")


def blocks_opened_by_bases(codes, kind: str, blocks: list[dict]) -> list[str]:
    """The keys of ``blocks`` (in order) that the recorded bases ``codes`` open."""
    codes = list(codes)
    return [b["key"] for b in blocks if any(basis_covers(code, kind, b) for code in codes)]


def consent_giver_problem(expected: ConsentBy, given_by: str) -> str:
    """'' when ``given_by`` ("youth" or "parent") is who the law asks for (R_CONSENT), else the
    reason in Dutch."""
    if expected == ConsentBy.UNKNOWN:
        return gettext("De geboortedatum is onvolledig: controleer in de BRP of de jongere "
                       "minderjarig is voordat toestemming wordt vastgelegd.")
    if expected == ConsentBy.PARENT and given_by != ConsentBy.PARENT:
        return gettext("De jongere is minderjarig: een ouder of voogd moet toestemming geven "
                       "(%(citation)s).") % {"citation": R_CONSENT.citation}
    if expected == ConsentBy.YOUTH and given_by != ConsentBy.YOUTH:
        return gettext("De jongere is meerderjarig en geeft zelf toestemming; toestemming van een "
                       "ouder geldt niet (%(citation)s).") % {"citation": R_CONSENT.citation}
    return ""


# --- Casusoverleg: a youth on the agenda only with consent or a legal basis ---------------------
R_CASE_MEETING = _rule(
    "case_meeting",
    f"{NOTITIE} §1",
    _("Er is structureel casusoverleg tussen de betrokken coaches. Een jongere komt alleen op de "
      "agenda met toestemming (van de jongere, of van een ouder als de jongere minderjarig is) of "
      "met een wettelijke grondslag."),
    quote="Er is structureel casusoverleg tussen de betrokken coaches",
)


# --- Results, targets and capacity (issue 14) ------------------------------------------------
R_INDICATORS = _rule(
    "result_indicators",
    f"{NOTITIE} §7",
    _("Sturen op resultaat met heldere indicatoren in een dashboard, met gezamenlijk bepaalde "
      "streefcijfers. Welke cijfers en streefcijfers precies, is open: dat werken de partners "
      "samen uit."),
    quote="Wij sturen op resultaat met heldere indicatoren, die zichtbaar zijn in een dashboard",
)
R_CAPACITY = _rule(
    "capacity",
    f"{NOTITIE} §7",
    _("Houd zicht op de benodigde uitvoeringscapaciteit: de inzet van medewerkers volgt de "
      "instroom, de werkdruk en de ondersteuningszwaarte."),
    quote="Inzet van medewerkers wordt afgestemd op actuele instroomcijfers, werkdruk en "
          "ondersteuningszwaarte",
)
R_EXTRA_EFFORT = _rule(
    "extra_effort",
    f"{HANDREIKING} §5.2",
    _("Jongeren zonder uitkering vragen doorgaans meer inzet, vooral boven de 23 jaar. Hoeveel "
      "meer is open: het team stelt de wegingsfactoren vast."),
    quote="Het begeleiden van deze groep vraagt doorgaans meer inzet dan gebruikelijk",
)


@dataclass(frozen=True)
class AgeBand:
    """An age range of a figure: from ``lowest`` up to (not including) ``below``."""

    code: str
    lowest: int
    below: int
    citation: str
    quote: str


AGE_BANDS = {band.code: band for band in (
    AgeBand("art7a", 0, AGE_LIMIT, f"{PW} art. 7a lid 1", "jongeren onder de 27 jaar"),
    AgeBand("regional", 12, 27, f"{WEB}; {HANDREIKING} §3.5",
            "voor jongeren van 12 tot 27 jaar"),
    AgeBand("neet", 16, 27, f"{HANDREIKING} §3.5 (streefcijfer NEET)",
            "jongeren zonder werk of opleiding van 16 tot 27 jaar"),
)}


# --- The regional programme (issue 15) ---------------------------------------------------------
REGELING = "Regeling regionaal programma en Doorstroompuntfunctie 2026-2029"
PROGRAMME_YEARS = (2026, 2027, 2028, 2029)  # the Regeling's term, seed 000 §4.4
R_PROGRAMME = _rule(
    "regional_programme",
    f"{WEB}; {REGELING}; {HANDREIKING} §4.4",
    _("Elke Doorstroompuntregio heeft een regionaal programma met ten minste een regionale "
      "analyse, streefcijfers, samenwerkingsafspraken, aanvullende maatregelen en een "
      "begroting."),
    quote="Het regionaal programma bevat ten minste een regionale analyse, streefcijfers, "
          "samenwerkingsafspraken over een aantal nader bepaalde onderwerpen, aanvullende "
          "maatregelen",
)
R_PROGRAMME_TARGETS = _rule(
    "programme_targets",
    f"{REGELING}; {HANDREIKING} §6.2 stap 2",
    _("Ten minste twee streefcijfers met onderbouwing: het maximum aantal nieuwe voortijdig "
      "schoolverlaters per studiejaar 2026/2027 tot en met 2029/2030, en het maximum aantal "
      "jongeren van 16 tot 27 jaar zonder werk of opleiding per jaar 2026 tot en met 2029."),
    quote="ten minste twee streefcijfers, inclusief onderbouwing",
)



R_SIGNING = _rule(
    "programme_signing",
    f"{REGELING}; {HANDREIKING} §4.4",
    _("Een bevoegd persoon van de contactgemeente, de contactschool en elke centrumgemeente "
      "ondertekent het programma; daarna ligt die versie vast. Wijzigingen tijdens de "
      "looptijd vormen een nieuwe versie."),
    quote="Ondertekening gebeurt door een bevoegd persoon van de contactgemeente, de "
          "contactschool en de centrumgemeente(n)",
)


@dataclass(frozen=True)
class MeasureCondition:
    """A condition an aanvullende maatregel of the regional budget must meet (seed 000 §4.4 k)."""

    code: str
    text: str
    quote: str


MEASURE_CONDITIONS = (
    MeasureCondition("target_group", _("Gericht op jongeren zonder onderwijs of werk, of met een "
                                       "groot risico daarop."),
                     "Gericht op jongeren die geen onderwijs volgen, geen werk hebben of een "
                     "groot risico daarop lopen"),
    MeasureCondition("analysis", _("Er is een relatie met de regionale analyse."),
                     "Er is een relatie met de regionale analyse"),
    MeasureCondition("effect", _("Het beoogde effect is aannemelijk gemaakt of wordt tijdens de "
                                 "looptijd geëvalueerd."),
                     "Het beoogde maatschappelijke effect en de effectiviteit is aannemelijk "
                     "gemaakt of wordt tijdens de looptijd geëvalueerd"),
    MeasureCondition("open_to_all", _("Op een school voor alle jongeren; elders geen onderscheid "
                                      "naar woongemeente, tenzij inhoudelijk onderbouwd."),
                     "Als een maatregel op een school wordt uitgevoerd, is deze beschikbaar voor "
                     "alle jongeren"),
    MeasureCondition("additional", _("Aanvullend op de wettelijke taken van scholen, "
                                     "Doorstroompunten en gemeenten, en (centrumgemeente) op hoe "
                                     "gemeenten art. 7a uitvoeren."),
                     "Aanvullend op de wettelijke taken van scholen, Doorstroompunten en "
                     "gemeenten"),
)
R_MEASURES = _rule(
    "programme_measures",
    f"{REGELING}; {HANDREIKING} §4.4 onder k",
    _("Het regionaal budget gaat alleen naar aanvullende maatregelen die aan alle vijf de "
      "voorwaarden voldoen; de centrumgemeente onderbouwt dat ze aanvullend zijn op hoe "
      "gemeenten art. 7a uitvoeren. Een maatregel die een voorwaarde mist, is niet definitief."),
    quote="aanvullend zijn op de manier waarop gemeenten in de arbeidsmarktregio uitvoering "
          "geven aan het nieuwe artikel 7a",
)


def measure_problem(justifications: dict[str, str]) -> list[str]:
    """The conditions (codes) a maatregel does not yet meet: each needs a justification."""
    return [c.code for c in MEASURE_CONDITIONS if not (justifications.get(c.code) or "").strip()]


R_PROGRAMME_ROLES = _rule(
    "programme_roles",
    f"{WEB}; {REGELING}; {HANDREIKING} §4.4",
    _("De contactgemeente voert de procesregie over het programma, de effectrapportage en het "
      "regionaal bestuurlijk overleg; de centrumgemeente is betrokken, ondertekent mee en "
      "adviseert gemeenten in de arbeidsmarktregio over hun uitvoering van art. 7a; de "
      "andere gemeenten dragen bij."),
    quote="Deze contactgemeente is verantwoordelijk voor de procesregie met betrekking tot de "
          "totstandkoming en uitvoering van het regionaal programma",
)
R_SUBSIDY = _rule(
    "programme_subsidy",
    f"{REGELING}; {HANDREIKING} §4.4 termijnen",
    _("De contactschool vraagt de subsidie aan bij DUO (1 t/m 31 januari 2026); de minister "
      "besluit uiterlijk 31 maart 2026. Voldoet het programma nog niet, dan volgt een "
      "schriftelijke kennisgeving en een aangepaste aanvraag (1 april t/m 31 mei 2026); "
      "voldoet het dan nog niet, dan kan de minister de subsidie weigeren."),
    quote="Indien het programma nog niet voldoet, volgt schriftelijke communicatie aan "
          "contactschool en contactgemeente",
)


class SubsidyStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # by the contactschool to DUO
    NOTIFIED = "notified"  # schriftelijke kennisgeving: the programme does not comply yet
    AMENDED = "amended"  # aangepaste aanvraag
    GRANTED = "granted"
    REFUSED = "refused"


SUBSIDY_STATUS_LABELS = {
    SubsidyStatus.DRAFT: _("Concept"),
    SubsidyStatus.SUBMITTED: _("Ingediend bij DUO door de contactschool"),
    SubsidyStatus.NOTIFIED: _("Schriftelijke kennisgeving: voldoet nog niet"),
    SubsidyStatus.AMENDED: _("Aangepaste aanvraag ingediend"),
    SubsidyStatus.GRANTED: _("Toegekend"),
    SubsidyStatus.REFUSED: _("Geweigerd"),
}
# R_SUBSIDY as a transition table: from a status, the statuses that may follow.
SUBSIDY_TRANSITIONS = {
    SubsidyStatus.DRAFT: (SubsidyStatus.SUBMITTED,),
    SubsidyStatus.SUBMITTED: (SubsidyStatus.GRANTED, SubsidyStatus.NOTIFIED),
    SubsidyStatus.NOTIFIED: (SubsidyStatus.AMENDED,),
    SubsidyStatus.AMENDED: (SubsidyStatus.GRANTED, SubsidyStatus.REFUSED),
    SubsidyStatus.GRANTED: (),
    SubsidyStatus.REFUSED: (),
}
R_EFFECT_REPORT = _rule(
    "effect_report",
    f"{REGELING}; {HANDREIKING} §4.6",
    _("Jaarlijks levert de contactgemeente, mede namens contactschool en centrumgemeente(n), "
      "de effectrapportage aan bij DUO: per streefcijfer of het is behaald en zo niet waardoor, "
      "de voortgang van de afspraken en maatregelen en de afspraken die tijdens de looptijd "
      "zijn bijgekomen. DUO geeft het format voor 1 februari; de seeds noemen geen "
      "inleverdatum (open: een instelling)."),
    quote="Jaarlijks voor 1 februari verstrekt DUO een format voor de effectrapportage",
)


class MeetingGround(enum.StrEnum):
    CONSENT = "consent"  # the youth, or the parent of a minor (R_CONSENT's rule of who gives it)
    MIRROR = "mirror_provisions"  # R_MIRROR: only partners with their own task under the law


# Who shares under the mirror provisions (ACCESS.md; R_MIRROR): school, Doorstroompunt and the
# gemeente, whose sociaal team is part of it. UWV, jongerenwerk and others need consent.
MIRROR_PARTNERS = frozenset({"gemeente", "school", "doorstroompunt", "sociaal_team"})


def meeting_ground_problem(*, ground: str, partners: set[str], expected: ConsentBy,
                           given_by: str = "") -> str:
    """'' when a youth may be put on a casusoverleg's agenda on this ground (R_CASE_MEETING),
    else why not, in Dutch. ``partners``: the kinds of the participating organisations
    (``MIRROR_PARTNERS`` or anything else); ``given_by``: who gave the consent."""
    if ground == MeetingGround.CONSENT:
        if given_by not in (ConsentBy.YOUTH, ConsentBy.PARENT):
            return gettext("Leg vast wie toestemming gaf: de jongere of een ouder.")
        return consent_giver_problem(expected, given_by)
    if ground == MeetingGround.MIRROR:
        others = sorted(set(partners) - MIRROR_PARTNERS)
        if others:
            return gettext("Aan dit overleg nemen ook organisaties deel die geen eigen taak "
                           "hebben onder de spiegelbepalingen; bespreek de jongere dan alleen "
                           "met toestemming (%(citation)s).") % {"citation": R_MIRROR.citation}
        return ""
    return gettext("Kies de grondslag: toestemming of de spiegelbepalingen.")
