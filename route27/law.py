"""The law in one place: art. 7a Participatiewet, ages, terms and the route decision engine.

Pure functions, no database. Every rule carries the article or seed section it comes from:
S0 = seeds/000 (SZW handreiking, Sept 2025), S3 = seeds/003 (Amstelveen/Aalsmeer notitie).
Where the law leaves a judgement to the professional, the engine says so instead of deciding.
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

LAW_IN_FORCE = datetime.date(2026, 1, 1)  # S0 §2.1, S3 "Aanleiding": in force 1 January 2026


@dataclass(frozen=True)
class Rule:
    id: str
    citation: str
    text: str
    quote: str  # verbatim from the seed; a test checks it is there


# --- Ages and terms ---------------------------------------------------------------------------
AGE_LIMIT = 27  # Pw art. 7a lid 1: "jongeren onder de 27 jaar" (S0 §4.3)
LEERPLICHT_CONTACT_AGES = (15, 18)  # S3 §1: "Voor jongeren van 15 tot 18 jaar ... leerplicht"
AGE_OF_MAJORITY = 18  # BW 1:233; consent of a parent for a minor (S0 §4.2 tabel 1)
EXTRA_EFFORT_AGE = 23  # S0 §5: more effort needed "vooral bij jongeren ouder dan 23 jaar"
BIJSTAND_SEARCH_PERIOD_WEEKS = 4  # Pw art. 7a lid 6 with art. 7 lid 3 sub b (S0 §4.3)

RULES: dict[str, Rule] = {}


def _rule(id: str, citation: str, text: str, quote: str) -> Rule:
    RULES[id] = Rule(id, citation, text, quote)
    return RULES[id]


R_AGE = _rule(
    "age_limit",
    "Pw art. 7a lid 1; S0 §4.3",
    "Art. 7a geldt voor jongeren onder de 27 jaar.",
    quote="jongeren onder de 27 jaar",
)
R_HARDSHIP = _rule(
    "hardship_clause",
    "Pw art. 7a lid 7; S0 §4.3 'Hardheidsclausule'",
    "Bij gerechtvaardigde belangen mag de gemeente de ondersteuning voortzetten "
    "vanaf 27 jaar; de rechtvaardiging moet worden vastgelegd.",
    quote="afwijken van de leeftijdsgrens van 27 jaar",
)
R_PRIOR = _rule(
    "initial_education_first",
    "Pw art. 7a lid 1 sub a; S0 §4.3 en §5 stap 3a",
    "Initieel voltijdsonderwijs is de voorliggende voorziening: eerst beoordelen of "
    "terugkeer naar school mogelijk en passend is.",
    quote="Initieel voltijdsonderwijs geldt daarbij als voorliggende voorziening",
)
R_PRESUMPTION = _rule(
    "transfer_presumption",
    "S0 §4.3 'Samenwerking gemeente, scholen en Doorstroompunt'; WVO 2020 "
    "art. 2.31b lid 2, WEC art. 44a lid 2, WEB art. 9.2.13 lid 2 en 9.2.5 lid 2",
    "Na overdracht door een pro-, vso- of mbo-school of het Doorstroompunt mag "
    "de gemeente ervan uitgaan dat initieel onderwijs nu niet mogelijk is.",
    quote="kan de gemeente ervan uitgaan dat initieel vervolgonderwijs voor deze jongeren niet mogelijk is",
)
R_JOINT = _rule(
    "joint_assessment",
    "Pw art. 7a lid 2; S0 §5 stap 3a",
    "Komt een jongere zonder startkwalificatie niet via school of Doorstroompunt, dan "
    "kan de gemeente met het Doorstroompunt beoordelen of school mogelijk is "
    "(bijvoorbeeld een gezamenlijke intake).",
    quote="kan de gemeente de expertise van het Doorstroompunt inzetten bij de afweging",
)
R_BACK_TO_DSP = _rule(
    "hand_back_to_doorstroompunt",
    "Pw art. 7a lid 2; S0 §4.3",
    "Blijkt school mogelijk, dan begeleidt het Doorstroompunt de jongere terug naar school.",
    quote="kan het Doorstroompunt worden betrokken als terugkeer naar bekostigd onderwijs mogelijk is",
)
R_LEARN_WORK = _rule(
    "learn_work_first",
    "Pw art. 7a lid 3; S0 §4.3 en §5 stap 3a",
    "Zonder startkwalificatie en als school niet mogelijk of passend is, gaat "
    "een leerwerktraject voor op directe toeleiding naar werk.",
    quote="een leerwerktraject, het combineren van werken met leren, voorrang heeft op directe toeleiding naar werk",
)
R_WORK = _rule(
    "support_to_work",
    "Pw art. 7a lid 1; S0 §5 stap 3a",
    "Ondersteuning gericht op arbeidsinschakeling met alle voorzieningen van de "
    "Participatiewet, behalve participatieplaatsen (art. 10a Pw).",
    quote="met uitzondering van participatieplaatsen",
)
R_SHELTERED = _rule(
    "sheltered_work",
    "Pw art. 10b; S0 §4.3",
    "Beschut werk telt als werk als UWV een indicatie beschut werk heeft gegeven.",
    quote="UWV beoordeelt aan de hand van landelijke criteria",
)
R_WERKCENTRUM = _rule(
    "werkcentrum_referral",
    "S0 §5 stap 3a",
    "Met startkwalificatie en interesse in omscholing: verwijzen naar het "
    "Werkcentrum van de arbeidsmarktregio voor scholingsadvies.",
    quote="verwijzing van de jongere naar het Werkcentrum in de arbeidsmarktregio voor scholingsadvies",
)
R_DURING_SCHOOL = _rule(
    "support_during_school",
    "Pw art. 7a lid 1 sub b en c; S0 §4.3 en §5 stap 1",
    "Tijdens school alleen ondersteuning op verzoek van een pro-, vso- of "
    "mbo-school, of op verzoek van de hbo/wo-student zelf.",
    quote="Schoolgaande jongeren uit het hoger en wetenschappelijk onderwijs als zij zelf een beroep doen op de gemeente",
)
R_PLAN = _rule(
    "plan_van_aanpak",
    "Pw art. 44 lid 4 en art. 44a; S0 §4.3",
    "Bij toekenning van bijstand hoort een plan van aanpak: ondersteuning, "
    "verplichtingen en gevolgen van niet nakomen.",
    quote="plan van aanpak op",
)
R_SEARCH = _rule(
    "search_period_waiver",
    "Pw art. 7a lid 6 met art. 7 lid 3 sub b; S0 §4.3",
    "Bij een bijstandsaanvraag mag direct ondersteuning worden geboden; de "
    "zoektermijn van vier weken geldt dan niet.",
    quote="De standaard zoektermijn van vier weken is dan niet van toepassing",
)
R_SCHOOL_GUIDANCE = _rule(
    "former_school_guidance",
    "S0 §4.2 tabel 1 en §8.2",
    "De vorige school mag de jongere nog begeleiden: pro/vso twee jaar na "
    "verlaten, mbo/hbo/wo één jaar na diplomering. Ga dit na bij de "
    "jongere om dubbele ondersteuning te voorkomen.",
    quote="gedurende twee jaar na verlaten van het onderwijs",
)
R_CONTACT = _rule(
    "fixed_contact_person",
    "S3 §1",
    "Eén vaste contactpersoon: leerplichtambtenaar voor 15 tot 18 jaar, "
    "doorstroomcoach bij een schoolroute (zonder startkwalificatie), jongerencoach "
    "werk bij een werkroute.",
    quote="Voor jongeren van 15 tot 18 jaar is de leerplichtambtenaar het vaste aanspreekpunt",
)
R_MULTI = _rule(
    "multi_problem_lead",
    "S3 §1; S0 §5 stap 3a",
    "Bij multiproblematiek neemt het sociaal team de regie; de coach blijft "
    "aanspreekpunt voor school of werk.",
    quote="Bij multiproblematiek neemt het Sociaal team de regie",
)
R_CONSENT = _rule(
    "handover_consent",
    "S0 §4.2 tabel 1 en §4.3; WVO 2020 art. 2.31b, WEC art. 44a, WEB art. 9.2.13",
    "Een overgangsdocument gaat alleen mee met instemming van de jongere, of van de ouder als de "
    "jongere minderjarig is.",
    quote="mits de jongere (of de ouder als de jongere minderjarig is) daarmee instemt",
)
R_SK = _rule(
    "startkwalificatie",
    "S0 §2.1 (vsv-definitie)",
    "Startkwalificatie = diploma havo, vwo, of mbo niveau 2, 3 of 4.",
    quote="zonder startkwalificatie (diploma havo, vwo, mbo-2, -3 of -4)",
)


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


# S0 §2.1: "zonder startkwalificatie (diploma havo, vwo, mbo-2, -3 of -4)". An hbo or wo diploma
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
SCHOOL_GUIDANCE_YEARS = {  # S0 §4.2 tabel 1
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


# --- Route decision engine ---------------------------------------------------------------------
@dataclass(frozen=True)
class Facts:
    """What the coach knows. ``None`` means unknown; the engine then asks instead of deciding."""

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


@dataclass(frozen=True)
class ReasoningStep:
    """One line of a decision's reasoning: the rule applied, its citation and what it meant here.

    Not a trajectory step (``route27.trajectories.workflow.Step``)."""

    rule: str
    citation: str
    text: str


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

    def as_dict(self) -> dict:
        def steps(items):
            return [{"rule": s.rule, "citation": s.citation, "text": s.text} for s in items]

        return {
            "route": str(self.route),
            "legal_basis": str(self.legal_basis) if self.legal_basis else None,
            "contact_role": self.contact_role,
            "requested_by": self.requested_by,
            "explanation": steps(self.explanation),
            "open_questions": self.open_questions,
            "notices": steps(self.notices),
            "former_school_guidance_until": (
                self.former_school_guidance_until.isoformat()
                if self.former_school_guidance_until
                else None
            ),
        }


def _applied(rule: Rule, detail: str = "") -> ReasoningStep:
    """The reasoning step for a rule the engine applied, with what it meant for these facts."""
    return ReasoningStep(rule.id, rule.citation, f"{rule.text} {detail}".strip())


def contact_role_for(route: Route, age: Age) -> str | None:
    """S3 §1: leerplichtambtenaar for 15–18; else doorstroomcoach (school) or jongerencoach."""
    low, high = LEERPLICHT_CONTACT_AGES
    if low <= age.minimum and age.maximum < high:
        return CONTACT_LEERPLICHT
    if route in (Route.NOT_IN_SCOPE,):
        return None
    if route in (Route.BACK_TO_SCHOOL, Route.JOINT_ASSESSMENT, Route.ASSESS_SCHOOL):
        return CONTACT_DOORSTROOMCOACH
    return CONTACT_JONGERENCOACH


def decide(facts: Facts) -> Decision:
    """Propose a route under art. 7a with an explanation citing each rule applied."""
    steps: list[ReasoningStep] = []
    questions: list[str] = []
    notices: list[ReasoningStep] = []
    age = age_on(facts.birth, facts.reference_date)
    sk = has_startkwalificatie(facts.highest_diploma)
    requested_by = facts.requested_by or str(facts.arrival)

    # Age limit and hardship clause (lid 1, lid 7).
    basis: LegalBasis | None = LegalBasis.JOB_SEEKER
    if age.minimum >= AGE_LIMIT:
        if not facts.hardship_justification.strip():
            steps.append(_applied(R_AGE, f"De jongere is {age} jaar."))
            steps.append(_applied(R_HARDSHIP, "Er is geen rechtvaardiging vastgelegd."))
            return Decision(
                Route.NOT_IN_SCOPE,
                None,
                None,
                requested_by,
                steps,
                [
                    "Zijn er gerechtvaardigde belangen om de ondersteuning voort te "
                    "zetten (hardheidsclausule)? Leg de rechtvaardiging vast."
                ],
                notices,
            )
        steps.append(
            _applied(R_HARDSHIP, f"Rechtvaardiging: {facts.hardship_justification.strip()}")
        )
        basis = LegalBasis.HARDSHIP
    elif age.maximum >= AGE_LIMIT:
        questions.append(
            "De geboortedatum is onvolledig: controleer of de jongere jonger is dan 27 jaar (BRP)."
        )
    else:
        steps.append(_applied(R_AGE, f"De jongere is {age} jaar."))

    guidance_until = school_guidance_until(
        facts.school_type, left_on=facts.school_left_on, diploma_on=facts.diploma_on
    )
    if guidance_until and facts.reference_date <= guidance_until and not facts.in_school:
        notices.append(_applied(R_SCHOOL_GUIDANCE, f"Tot en met {guidance_until:%d-%m-%Y}."))
    if facts.multi_problem:
        notices.append(_applied(R_MULTI))
    if facts.arrival == Arrival.BIJSTAND:
        notices.append(_applied(R_SEARCH))
        if facts.bijstand_granted:
            notices.append(_applied(R_PLAN))

    def done(route: Route) -> Decision:
        role = contact_role_for(route, age)
        if role:
            steps.append(_applied(R_CONTACT, f"Voorgesteld: {ROLE_LABELS[role]}."))
        return Decision(route, basis, role, requested_by, steps, questions, notices, guidance_until)

    # During school: only on request of a pro/vso/mbo school (sub b) or hbo/wo student (sub c).
    if facts.in_school:
        school_asks = (facts.arrival == Arrival.SCHOOL_REQUEST
                       and facts.school_type in SCHOOL_REQUEST_TYPES)
        student_asks = (facts.arrival == Arrival.STUDENT_REQUEST
                        and facts.school_type in STUDENT_REQUEST_TYPES)
        if not (school_asks or student_asks):
            steps.append(_applied(R_DURING_SCHOOL, "Er is geen geldig verzoek."))
            return Decision(
                Route.NOT_IN_SCOPE,
                None,
                None,
                requested_by,
                steps,
                questions,
                notices,
                guidance_until,
            )
        if basis != LegalBasis.HARDSHIP:
            basis = LegalBasis.SCHOOL_REQUEST if school_asks else LegalBasis.STUDENT_REQUEST
        steps.append(_applied(R_DURING_SCHOOL))
        return done(Route.SUPPORT_DURING_SCHOOL)

    # With startkwalificatie: work, or Werkcentrum for retraining advice.
    if sk is None:
        questions.append("Heeft de jongere een startkwalificatie (havo, vwo, mbo 2-4)?")
    if sk:
        steps.append(_applied(R_SK, f"Hoogste diploma: {facts.highest_diploma}."))
        steps.append(
            _applied(R_PRIOR, "Met een startkwalificatie komt ondersteuning naar werk in beeld.")
        )
        if facts.wants_retraining:
            steps.append(_applied(R_WERKCENTRUM))
            return done(Route.WERKCENTRUM)
        return _work(facts, steps, done)

    # Without (known) startkwalificatie: initial education first.
    steps.append(_applied(R_PRIOR))
    school_possible = facts.school_possible
    if facts.arrival in TRANSFERS:
        steps.append(_applied(R_PRESUMPTION))
        if school_possible == Judgement.OPEN:
            school_possible = Judgement.NO
    if school_possible == Judgement.YES:
        steps.append(_applied(R_BACK_TO_DSP))
        return done(Route.BACK_TO_SCHOOL)
    if school_possible == Judgement.OPEN:
        if sk is False:
            steps.append(_applied(R_JOINT))
            questions.append(
                "Is terugkeer naar initieel voltijdsonderwijs mogelijk en passend? "
                "Beoordeel dit samen met het Doorstroompunt."
            )
            return done(Route.JOINT_ASSESSMENT)
        questions.append(
            "Is terugkeer naar initieel voltijdsonderwijs mogelijk en passend? "
            "Dat is een afweging van de professional."
        )
        return done(Route.ASSESS_SCHOOL)
    # School is not possible now; without startkwalificatie a learn-work route comes first.
    if facts.uwv_sheltered_work_indication:
        steps.append(_applied(R_LEARN_WORK))
        steps.append(_applied(R_SHELTERED))
        questions.append(
            "Is beschut werk de best passende vorm van werk, of is een "
            "leerwerktraject haalbaar? Dat is een afweging van de professional."
        )
        return done(Route.SHELTERED_WORK)
    steps.append(_applied(R_LEARN_WORK))
    return done(Route.LEARN_WORK)


def _work(facts: Facts, steps: list[ReasoningStep], done) -> Decision:
    if facts.uwv_sheltered_work_indication:
        steps.append(_applied(R_SHELTERED))
        return done(Route.SHELTERED_WORK)
    steps.append(_applied(R_WORK))
    return done(Route.WORK)


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
    "S0 §4.2 tabel 1 'Wat verandert er voor gemeenten?'; spiegelbepalingen in Pw, WEB, WVO 2020 "
    "en WEC",
    "Scholen, Doorstroompunten en gemeenten mogen de gegevens uitwisselen die nodig zijn voor "
    "hun eigen wettelijke taak (spiegelbepalingen); niet meer dan dat.",
    quote="is de voor de uitoefening van deze taken benodigde gegevensuitwisseling mogelijk gemaakt",
)
R_DSP_DOCUMENT = _sharing_rule(
    "doorstroompunt_document",
    "S0 §5 stap 3a 'Hoe draagt de school of het Doorstroompunt een jongere over aan de "
    "gemeente?'; WEB art. 9.2.5 lid 2",
    "Het Doorstroompunt mag bij een overdracht aan de gemeente een overgangsdocument meegeven, "
    "maar hoeft dat niet; de afweging dat school nu niet mogelijk is, is zijn wettelijke taak.",
    quote="Het Doorstroompunt mag dit ook doen, maar is hiertoe niet verplicht",
)
R_SHARING_OPEN = _sharing_rule(
    "sharing_guidance_pending",
    "S0 §4.2 tabel 1 'Wat verandert er voor gemeenten?'",
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
            citation="WEB art. 9.2.5 lid 2 met Pw art. 7a (spiegelbepalingen); S0 §4.2 tabel 1 "
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
            citation="Pw art. 7a lid 2 met de spiegelbepalingen; S0 §4.3 'Samenwerking gemeente, "
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
            citation="S0 §4.2 tabel 1 (spiegelbepalingen; de seeds noemen voor deze uitwisseling "
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
