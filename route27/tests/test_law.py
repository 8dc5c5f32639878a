"""The law module against the seed text and the art. 7a rules it encodes."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from route27 import law
from route27.core.partial_date import PartialDate
from route27.law import Arrival, Diploma, Facts, Judgement, LegalBasis, Route, SchoolType

TODAY = datetime.date(2026, 11, 23)
SEEDS = Path(settings.BASE_DIR) / "docs" / "seeds"


def _seed_text() -> str:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("rule", law.RULES.values(), ids=lambda r: r.id)
def test_every_rule_quotes_the_seed_verbatim(rule):
    assert rule.quote in _seed_text(), f"{rule.id}: quote not in the seeds"
    assert rule.citation and rule.text


@pytest.mark.parametrize("quote", [
    "jongeren onder de 27 jaar",  # AGE_LIMIT
    "Voor jongeren van 15 tot 18 jaar is de leerplichtambtenaar",  # LEERPLICHT_CONTACT_AGES
    "vooral bij jongeren ouder dan 23 jaar",  # EXTRA_EFFORT_AGE
    "De standaard zoektermijn van vier weken",  # BIJSTAND_SEARCH_PERIOD_WEEKS
    "gedurende twee jaar na verlaten van het onderwijs",  # pro/vso school guidance
    "gedurende één jaar na diplomering",  # mbo/hbo/wo school guidance
    "op 1 januari 2026 in werking",  # LAW_IN_FORCE
    "mits de jongere (of de ouder als de jongere minderjarig is) daarmee instemt",
])
def test_constants_are_in_the_seed(quote):
    assert quote in _seed_text()


def test_constant_values():
    assert law.AGE_LIMIT == 27
    assert law.LEERPLICHT_CONTACT_AGES == (15, 18)
    assert law.BIJSTAND_SEARCH_PERIOD_WEEKS == 4
    assert law.LAW_IN_FORCE == datetime.date(2026, 1, 1)


# --- ages ---------------------------------------------------------------------------------------
def test_age_exact_and_on_birthday():
    birth = PartialDate(2000, 11, 23)
    assert law.age_on(birth, TODAY) == law.Age(26, 26)
    assert law.age_on(birth, TODAY - datetime.timedelta(days=1)) == law.Age(25, 25)


def test_age_of_incomplete_birth_date_is_a_range():
    age = law.age_on(PartialDate(2000), TODAY)
    assert (age.minimum, age.maximum) == (25, 26)
    assert not age.is_certain
    assert str(age) == "25–26"


def test_is_minor_can_be_unknown():
    assert law.is_minor(PartialDate(2010, 1, 1), TODAY) is True
    assert law.is_minor(PartialDate(2000, 1, 1), TODAY) is False
    assert law.is_minor(PartialDate(2008), TODAY) is None


def test_birthday_on_29_february():
    assert law.birthday(PartialDate(2008, 2, 29), 18) == (datetime.date(2026, 2, 28),) * 2


# --- startkwalificatie and school guidance -------------------------------------------------------
@pytest.mark.parametrize("diploma, expected", [
    (Diploma.HAVO, True), (Diploma.VWO, True), (Diploma.MBO2, True), (Diploma.MBO3, True),
    (Diploma.MBO4, True), (Diploma.MBO1, False), (Diploma.VMBO, False), (Diploma.PRO, False),
    (Diploma.VSO, False), (Diploma.NONE, False), (None, None),
])
def test_startkwalificatie(diploma, expected):
    assert law.has_startkwalificatie(diploma) is expected


@pytest.mark.parametrize("school, left, diploma, expected", [
    (SchoolType.PRO, datetime.date(2025, 7, 1), None, datetime.date(2027, 7, 1)),
    (SchoolType.VSO, datetime.date(2025, 7, 1), None, datetime.date(2027, 7, 1)),
    (SchoolType.MBO, datetime.date(2025, 7, 1), datetime.date(2025, 7, 1),
     datetime.date(2026, 7, 1)),
    (SchoolType.HBO, None, datetime.date(2026, 2, 1), datetime.date(2027, 2, 1)),
    (SchoolType.WO, None, datetime.date(2026, 2, 1), datetime.date(2027, 2, 1)),
    (SchoolType.MBO, datetime.date(2025, 7, 1), None, None),  # left without diploma
    (SchoolType.VO, datetime.date(2025, 7, 1), None, None),
])
def test_former_school_guidance_period(school, left, diploma, expected):
    assert law.school_guidance_until(school, left_on=left, diploma_on=diploma) == expected


# --- route engine -------------------------------------------------------------------------------
def facts(**kwargs):
    base = {"reference_date": TODAY, "birth": PartialDate(2005, 6, 1), "arrival": Arrival.SELF,
            "highest_diploma": Diploma.NONE}
    return Facts(**{**base, **kwargs})


def rules_of(decision):
    return [s.rule for s in decision.explanation]


def test_transfer_by_school_presumes_school_not_possible_and_learn_work_first():
    d = law.decide(facts(arrival=Arrival.TRANSFER_MBO))
    assert d.route == Route.LEARN_WORK
    assert rules_of(d)[:4] == ["age_limit", "initial_education_first", "transfer_presumption",
                               "learn_work_first"]
    assert d.legal_basis == LegalBasis.JOB_SEEKER
    assert all(s.citation for s in d.explanation)


def test_without_partner_and_without_sk_asks_joint_judgement_with_doorstroompunt():
    d = law.decide(facts(arrival=Arrival.UWV))
    assert d.route == Route.JOINT_ASSESSMENT
    assert "joint_assessment" in rules_of(d)
    assert d.open_questions
    assert d.contact_role == law.CONTACT_DOORSTROOMCOACH


def test_school_possible_hands_back_to_the_doorstroompunt():
    d = law.decide(facts(school_possible=Judgement.YES))
    assert d.route == Route.BACK_TO_SCHOOL
    assert "hand_back_to_doorstroompunt" in rules_of(d)


def test_school_not_possible_without_sk_learn_work():
    assert law.decide(facts(school_possible=Judgement.NO)).route == Route.LEARN_WORK


def test_with_sk_support_to_work_without_participatieplaatsen():
    d = law.decide(facts(highest_diploma=Diploma.MBO2))
    assert d.route == Route.WORK
    assert "participatieplaatsen" in d.explanation[-2].text
    assert d.contact_role == law.CONTACT_JONGERENCOACH


def test_with_sk_and_retraining_refers_to_werkcentrum():
    d = law.decide(facts(highest_diploma=Diploma.HAVO, wants_retraining=True))
    assert d.route == Route.WERKCENTRUM


def test_sheltered_work_needs_uwv_indication():
    assert law.decide(facts(highest_diploma=Diploma.MBO2)).route == Route.WORK
    d = law.decide(facts(highest_diploma=Diploma.MBO2, uwv_sheltered_work_indication=True))
    assert d.route == Route.SHELTERED_WORK
    d = law.decide(facts(arrival=Arrival.TRANSFER_VSO, uwv_sheltered_work_indication=True))
    assert d.route == Route.SHELTERED_WORK
    assert d.open_questions  # beschut werk vs leerwerktraject is the professional's call


@pytest.mark.parametrize("arrival, school, basis", [
    (Arrival.SCHOOL_REQUEST, SchoolType.PRO, LegalBasis.SCHOOL_REQUEST),
    (Arrival.SCHOOL_REQUEST, SchoolType.VSO, LegalBasis.SCHOOL_REQUEST),
    (Arrival.SCHOOL_REQUEST, SchoolType.MBO, LegalBasis.SCHOOL_REQUEST),
    (Arrival.STUDENT_REQUEST, SchoolType.HBO, LegalBasis.STUDENT_REQUEST),
    (Arrival.STUDENT_REQUEST, SchoolType.WO, LegalBasis.STUDENT_REQUEST),
])
def test_support_during_school_only_on_valid_request(arrival, school, basis):
    d = law.decide(facts(in_school=True, school_type=school, arrival=arrival))
    assert (d.route, d.legal_basis) == (Route.SUPPORT_DURING_SCHOOL, basis)


@pytest.mark.parametrize("arrival, school", [
    (Arrival.SELF, SchoolType.MBO),  # a pupil cannot ask for himself: the school must
    (Arrival.SCHOOL_REQUEST, SchoolType.VO),  # havo/vwo schools are not in lid 1 sub b
    (Arrival.SCHOOL_REQUEST, SchoolType.HBO),  # hbo/wo: the student asks, not the school
    (Arrival.STUDENT_REQUEST, SchoolType.MBO),
])
def test_support_during_school_refused_without_valid_request(arrival, school):
    d = law.decide(facts(in_school=True, school_type=school, arrival=arrival))
    assert d.route == Route.NOT_IN_SCOPE
    assert rules_of(d)[-1] == "support_during_school"


def test_age_27_needs_hardship_justification():
    d = law.decide(facts(birth=PartialDate(1999, 1, 1)))
    assert d.route == Route.NOT_IN_SCOPE
    assert "hardship_clause" in rules_of(d)
    justified = law.decide(facts(birth=PartialDate(1999, 1, 1), highest_diploma=Diploma.MBO1,
                                 arrival=Arrival.TRANSFER_MBO,
                                 hardship_justification="bbl-opleiding afmaken met lks"))
    assert justified.legal_basis == LegalBasis.HARDSHIP
    assert justified.route == Route.LEARN_WORK


def test_incomplete_birth_date_around_27_asks_instead_of_deciding():
    d = law.decide(facts(birth=PartialDate(1999)))  # 26 or 27 on TODAY
    assert any("onvolledig" in q for q in d.open_questions)


def test_leerplichtambtenaar_for_15_to_18():
    assert law.decide(facts(birth=PartialDate(2010, 1, 1))).contact_role == law.CONTACT_LEERPLICHT
    assert law.decide(facts(birth=PartialDate(2008, 1, 1))).contact_role != law.CONTACT_LEERPLICHT


def test_unknown_startkwalificatie_is_a_question():
    d = law.decide(facts(highest_diploma=None))
    assert any("startkwalificatie" in q for q in d.open_questions)


def test_bijstand_notices_search_period_and_plan():
    d = law.decide(facts(arrival=Arrival.BIJSTAND, bijstand_granted=True))
    assert {"search_period_waiver", "plan_van_aanpak"} <= {n.rule for n in d.notices}


def test_former_school_guidance_is_flagged():
    d = law.decide(facts(arrival=Arrival.TRANSFER_VSO, school_type=SchoolType.VSO,
                         school_left_on=datetime.date(2026, 7, 1)))
    assert d.former_school_guidance_until == datetime.date(2028, 7, 1)
    assert "former_school_guidance" in {n.rule for n in d.notices}


def test_multi_problem_gives_lead_to_social_team():
    d = law.decide(facts(multi_problem=True))
    assert "multi_problem_lead" in {n.rule for n in d.notices}


def test_every_rule_is_documented():
    docs = (Path(settings.BASE_DIR) / "docs" / "route-rules.md").read_text(encoding="utf-8")
    assert [r.id for r in law.RULES.values() if f"`{r.id}`" not in docs] == []


@pytest.mark.parametrize("doc", ["glossary.md", "route-rules.md"])
def test_every_route_has_its_one_dutch_name_in_the_docs(doc):
    from django.utils import translation

    text = (Path(settings.BASE_DIR) / "docs" / doc).read_text(encoding="utf-8")
    section = text.split("\n## Routes")[1].split("\n## ")[0]
    rows = {line.split("|")[1].strip(" `"): line.split("|")[-2].strip()
            for line in section.splitlines() if re.match(r"^\| `[a-z_]+` \|", line)}
    with translation.override("nl"):
        labels = {str(route): str(label) for route, label in law.ROUTE_LABELS.items()}
    assert set(labels) == {str(r) for r in law.Route}
    assert {code: rows.get(code) for code in labels} == labels


@pytest.mark.django_db
def test_route_decision_command(capsys):
    import json

    from django.core.management import call_command

    call_command("route_decision", str(Path(settings.BASE_DIR) / "docs/examples/route-facts.json"))
    out = json.loads(capsys.readouterr().out)
    assert [d["route"] for d in out] == ["learn_work", "joint_assessment",
                                         "support_during_school", "learn_work"]
    assert out[3]["legal_basis"] == "7a-7"
    assert all(step["citation"] for d in out for step in d["explanation"])


def test_route_decision_command_refuses_bad_input(tmp_path):
    from django.core.management import CommandError, call_command

    bad = tmp_path / "bad.json"
    bad.write_text('[{"birth": "31-02-2005", "arrival": "self"}]', encoding="utf-8")
    with pytest.raises(CommandError, match="feitenset 1"):
        call_command("route_decision", str(bad))


@pytest.mark.parametrize("birth, expected", [
    (PartialDate(2009, 6, 1), law.ConsentBy.PARENT),  # 17
    (PartialDate(2008, 11, 23), law.ConsentBy.YOUTH),  # 18 today
    (PartialDate(2008, 11, 24), law.ConsentBy.PARENT),  # 18 tomorrow
    (PartialDate(2008), law.ConsentBy.UNKNOWN),  # 17 or 18
])
def test_consent_for_the_overgangsdocument(birth, expected):
    assert law.consent_required_from(birth, TODAY) == expected
