"""The law module against the seed text and the art. 7a rules it encodes."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

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


@pytest.mark.parametrize("condition", law.MEASURE_CONDITIONS, ids=lambda c: c.code)
def test_every_measure_condition_quotes_the_seed(condition):
    assert condition.quote in _seed_text(), f"{condition.code}: quote not in the seeds"
    assert law.measure_problem({condition.code: "onderbouwd"}) == [
        c.code for c in law.MEASURE_CONDITIONS if c is not condition]


@pytest.mark.parametrize("band", law.AGE_BANDS.values(), ids=lambda b: b.code)
def test_every_age_band_quotes_its_bounds_from_the_seed(band):
    assert band.quote in _seed_text(), f"{band.code}: quote not in the seeds"
    assert f"{band.below} jaar" in band.quote
    assert band.lowest == 0 or f"{band.lowest} tot" in band.quote


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
    assert rules_of(d)[:5] == ["age_limit", "startkwalificatie", "initial_education_first",
                               "transfer_presumption", "learn_work_first"]
    assert d.route_is_open  # whether a leerwerktraject is possible is still the coach's call
    assert d.legal_basis == LegalBasis.JOB_SEEKER
    assert all(s.citation for s in d.explanation)


def test_without_partner_and_without_sk_asks_joint_judgement_with_doorstroompunt():
    d = law.decide(facts(arrival=Arrival.UWV))
    assert d.route == Route.JOINT_ASSESSMENT
    assert "joint_assessment" in rules_of(d)
    assert d.open_questions
    # The intake has not fixed the route: no contact person yet (Uitgangspuntennotitie §4).
    assert d.contact_role is None
    assert d.answers[law.Output.CONTACT_PERSON].value == law.NONE_YET


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
    assert d.route == Route.LEARN_WORK  # lid 3: a leerwerktraject comes first ...
    assert any("beschut werk" in q for q in d.open_questions)  # ... unless the coach judges not
    d = law.decide(facts(arrival=Arrival.TRANSFER_VSO, uwv_sheltered_work_indication=True,
                         learn_work_possible=Judgement.NO))
    assert d.route == Route.SHELTERED_WORK
    assert d.route_is_open  # whether beschut werk fits best is the professional's call


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
    fixed = {"highest_diploma": Diploma.MBO2}  # a fixed work route
    assert law.decide(facts(birth=PartialDate(2010, 1, 1), **fixed)).contact_role == \
        law.CONTACT_LEERPLICHT
    assert law.decide(facts(birth=PartialDate(2008, 1, 1), **fixed)).contact_role == \
        law.CONTACT_JONGERENCOACH


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
                                         "support_during_school", "learn_work", "work",
                                         "not_in_scope", "learn_work"]
    assert out[3]["legal_basis"] == "7a-7"
    assert all(step["citation"] for d in out for step in d["explanation"])
    # every output, open or not, with its question; instrument eligibility; the facts used
    assert all({a["output"] for a in d["answers"]} == {str(o) for o in law.Output} for d in out)
    assert [d["route_open"] for d in out] == [True, True, False, False, False, False, False]
    assert all(a["question"] for d in out for a in d["answers"] if a["open"])
    assert all(d["instruments"] and d["facts_used"] for d in out)


@pytest.mark.django_db
def test_route_decision_command_as_text(capsys):
    from django.core.management import call_command

    call_command("route_decision", str(Path(settings.BASE_DIR) / "docs/examples/route-facts.json"),
                 "--text")
    out = capsys.readouterr().out
    assert "== school-uitgesloten-werk: Toeleiding naar werk" in out
    assert "Participatiewet art. 7a lid 3" in out and "OPEN (" in out
    assert "S0 §" not in out and "S3 §" not in out


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


# === Issue 10: every output, "open" as an answer, words a coach reads ===========================
Output, OpenKind = law.Output, law.OpenKind
DAY = datetime.timedelta(days=1)


def answer(d, output):
    return d.answers[output]


def test_every_answer_cites_rules_that_quote_the_seed():
    d = law.decide(facts(arrival=Arrival.BIJSTAND, school_type=SchoolType.MBO,
                         school_left_on=datetime.date(2026, 7, 1)))
    for a in [*d.answers.values(), *d.instruments.values()]:
        assert all(r in law.RULES for r in a.rules), a.output
        assert a.question if a.is_open else True, a.output


@pytest.mark.parametrize("rule", [*law.RULES.values(), *law.SHARING_RULES.values(),
                                  *law.LEGAL_BASES.values()], ids=lambda r: r.code if hasattr(
                                      r, "code") else r.id)
def test_citations_are_words_a_coach_reads(rule):
    assert not re.search(r"\bS[03] §", rule.citation), rule.citation
    assert not re.search(r"\bPw\b", rule.citation), rule.citation
    assert re.search(r"Participatiewet|Handreiking SZW|Uitgangspuntennotitie|Wet |SLIM|WEB",
                     rule.citation)


def test_explanations_go_through_i18n():
    from django.utils import translation
    from django.utils.functional import Promise

    assert all(isinstance(r.text, Promise) for r in law.RULES.values())
    with translation.override("en"):
        d = law.decide(facts(arrival=Arrival.TRANSFER_MBO))
    assert d.as_dict()["explanation"]  # renders without error in another language


# --- Gap 1: the leerwerktraject is a judged step; a running bbl-leerbaan is known ---------------
def test_school_ruled_out_then_learn_work_is_asked():
    d = law.decide(facts(school_possible=Judgement.NO))
    assert d.route == Route.LEARN_WORK and d.route_is_open
    assert answer(d, Output.LEARN_WORK_POSSIBLE).open == OpenKind.JUDGEMENT
    assert answer(d, Output.LEARN_WORK_PRIORITY).value == law.YES
    assert any("leerwerktraject" in q for q in d.open_questions)


def test_learn_work_possible_is_a_definite_learn_work_route():
    d = law.decide(facts(school_possible=Judgement.NO, learn_work_possible=Judgement.YES))
    assert (d.route, d.route_is_open) == (Route.LEARN_WORK, False)
    assert "learn_work_possible" in rules_of(d)


def test_learn_work_not_possible_leads_to_work_with_citations():
    d = law.decide(facts(school_possible=Judgement.NO, learn_work_possible=Judgement.NO))
    assert (d.route, d.route_is_open) == (Route.WORK, False)
    assert rules_of(d)[-3:-1] == ["learn_work_possible", "support_to_work"] or \
        "support_to_work" in rules_of(d)
    citations = " ".join(s.citation for s in d.explanation)
    assert "Participatiewet art. 7a lid 3" in citations
    assert d.instruments["beschut-werk"].value == law.NO  # no UWV indication


def test_beschut_werk_only_with_a_uwv_indication():
    d = law.decide(facts(school_possible=Judgement.NO, learn_work_possible=Judgement.NO,
                         uwv_sheltered_work_indication=True))
    assert d.route == Route.SHELTERED_WORK and d.route_is_open
    assert d.instruments["beschut-werk"].is_open


def test_a_bbl_leerbaan_is_a_running_learn_work_route_without_school_assessment():
    d = law.decide(facts(on_bbl_job=True, in_school=True, school_type=SchoolType.MBO,
                         arrival=Arrival.SELF))
    assert (d.route, d.route_is_open) == (Route.LEARN_WORK, False)
    assert "learn_work_running" in rules_of(d)
    assert "initial_education_first" not in rules_of(d)  # no fresh school assessment
    assert "support_during_school" not in rules_of(d)  # not initial full-time education
    assert answer(d, Output.LEARN_WORK_POSSIBLE).value == law.YES


@pytest.mark.parametrize("on, in_scope", [
    (datetime.date(2026, 11, 19), True),  # the day before the 27th birthday
    (datetime.date(2026, 11, 20), False),  # the 27th birthday
])
def test_bbl_at_27_is_the_hardship_clauses_own_example(on, in_scope):
    d = law.decide(facts(reference_date=on, birth=PartialDate(1999, 11, 20), on_bbl_job=True))
    if in_scope:
        assert d.route == Route.LEARN_WORK and not d.route_is_open
        return
    assert d.route == Route.NOT_IN_SCOPE and d.route_is_open
    assert answer(d, Output.ROUTE).open == OpenKind.JUDGEMENT
    assert "hardship_bbl_example" in rules_of(d)
    assert any("bbl-leerbaan" in q for q in d.open_questions)
    justified = law.decide(facts(reference_date=on, birth=PartialDate(1999, 11, 20),
                                 on_bbl_job=True, hardship_justification="opleiding afmaken"))
    assert (justified.route, justified.legal_basis) == (Route.LEARN_WORK, LegalBasis.HARDSHIP)


# --- Gap 2: youth with a UWV benefit -------------------------------------------------------------
@pytest.mark.parametrize("benefit", [law.UwvBenefit.WAJONG, law.UwvBenefit.WW,
                                     law.UwvBenefit.WIA])
def test_uwv_benefit_needs_an_agreement_or_a_handover(benefit):
    base = {"highest_diploma": Diploma.MBO2, "uwv_benefit": benefit}
    refused = law.decide(facts(**base, uwv_agreement=Judgement.NO))
    assert (refused.route, refused.route_is_open) == (Route.NOT_IN_SCOPE, False)
    assert rules_of(refused)[-1] == "uwv_benefit"
    assert "Participatiewet art. 7a lid 5" in refused.explanation[-1].citation
    asked = law.decide(facts(**base))
    assert asked.route == Route.WORK and asked.route_is_open
    assert answer(asked, Output.UWV_BENEFIT).open == OpenKind.LOCAL_POLICY
    agreed = law.decide(facts(**base, uwv_agreement=Judgement.YES))
    assert (agreed.route, agreed.route_is_open) == (Route.WORK, False)
    handed = law.decide(facts(**base, uwv_benefit_ending=True, uwv_agreement=Judgement.NO))
    assert (handed.route, answer(handed, Output.UWV_BENEFIT).value) == (Route.WORK, "handover")


def test_the_benefit_is_asked_when_unknown():
    assert answer(law.decide(facts()), Output.UWV_BENEFIT).open == OpenKind.UNKNOWN_FACT
    none = law.decide(facts(uwv_benefit=law.UwvBenefit.NONE))
    assert answer(none, Output.UWV_BENEFIT).value == law.NOT_APPLICABLE


# --- Gap 3: the contact person, the former school's window and leerplicht as "open" -------------
def contact(d):
    return answer(d, Output.CONTACT_PERSON)


@pytest.mark.parametrize("birth, value, is_open", [
    (PartialDate(2011, 11, 24), "", True),  # 14, turns 15 tomorrow: the notitie is silent
    (PartialDate(2011, 11, 23), law.CONTACT_LEERPLICHT, False),  # 15 today
    (PartialDate(2008, 12, 24), law.CONTACT_LEERPLICHT, False),  # 18 in 31 days
    (PartialDate(2008, 11, 24), law.CONTACT_LEERPLICHT, True),  # 18 tomorrow: who takes over?
    (PartialDate(2008, 11, 23), law.CONTACT_JONGERENCOACH, False),  # 18 today: the route decides
])
def test_contact_person_at_15_and_18(birth, value, is_open):
    d = law.decide(facts(birth=birth, highest_diploma=Diploma.MBO2))  # a fixed work route
    assert (contact(d).value, contact(d).is_open) == (value, is_open)


@pytest.mark.parametrize("extra, kind", [
    ({"school_possible": Judgement.NO, "learn_work_possible": Judgement.YES},
     OpenKind.LOCAL_POLICY),  # a learn-work route is both school and work
    ({"highest_diploma": Diploma.HAVO, "wants_retraining": True}, OpenKind.LAW_SILENT),
    ({"highest_diploma": Diploma.MBO2, "in_aftercare": True}, OpenKind.LAW_SILENT),
])
def test_contact_person_is_open_where_the_notitie_does_not_decide(extra, kind):
    assert contact(law.decide(facts(**extra))).open == kind


def test_no_contact_person_before_the_intake_fixed_the_route():
    d = law.decide(facts(arrival=Arrival.SELF))  # joint assessment still open
    assert contact(d).value == law.NONE_YET and not contact(d).is_open
    assert contact(d).rules == ("contact_person_after_intake",)


@pytest.mark.parametrize("role, birth, route, expected", [
    (law.CONTACT_DOORSTROOMCOACH, PartialDate(2010, 1, 1), Route.WORK, law.CONTACT_DOES_NOT_FIT),
    (law.CONTACT_LEERPLICHT, PartialDate(2001, 1, 1), Route.WORK, law.CONTACT_DOES_NOT_FIT),
    (law.CONTACT_LEERPLICHT, PartialDate(2001, 1, 1), None, law.CONTACT_DOES_NOT_FIT),
    (law.CONTACT_JONGERENCOACH, PartialDate(2001, 1, 1), None, law.CONTACT_TOO_EARLY),
    (law.CONTACT_DOORSTROOMCOACH, PartialDate(2001, 1, 1), Route.WORK, law.CONTACT_JONGERENCOACH),
    (law.CONTACT_JONGERENCOACH, PartialDate(2001, 1, 1), Route.WORK, law.CONTACT_FITS),
    (law.CONTACT_LEERPLICHT, PartialDate(2010, 1, 1), Route.WORK, law.CONTACT_FITS),
])
def test_contact_fit_flags_a_role_that_does_not_fit_age_or_route(role, birth, route, expected):
    expected_answer = law.contact_person_answer(route=route, route_open=False, birth=birth,
                                                on=TODAY)
    fit = law.contact_fit(expected=expected_answer, current_role=role, birth=birth, on=TODAY)
    assert fit.value == expected
    if expected in (law.CONTACT_TOO_EARLY, law.CONTACT_JONGERENCOACH):
        assert fit.is_open  # a changed route or an early contact: the coach decides
    if expected == law.CONTACT_DOES_NOT_FIT:
        assert not fit.is_open and fit.reason


@pytest.mark.parametrize("school, left, diploma, on, value, is_open", [
    (SchoolType.PRO, datetime.date(2025, 7, 1), None, datetime.date(2027, 6, 30), law.YES, False),
    (SchoolType.PRO, datetime.date(2025, 7, 1), None, datetime.date(2027, 7, 1), law.YES, True),
    (SchoolType.PRO, datetime.date(2025, 7, 1), None, datetime.date(2027, 7, 2), law.NO, False),
    (SchoolType.MBO, datetime.date(2025, 7, 1), datetime.date(2025, 7, 1),
     datetime.date(2026, 6, 30), law.YES, False),
    (SchoolType.MBO, datetime.date(2025, 7, 1), datetime.date(2025, 7, 1),
     datetime.date(2026, 7, 1), law.YES, True),
    (SchoolType.MBO, datetime.date(2025, 7, 1), datetime.date(2025, 7, 1),
     datetime.date(2026, 7, 2), law.NO, False),
    (SchoolType.MBO, datetime.date(2026, 7, 1), None, TODAY, "", True),  # left without diploma
    (SchoolType.VSO, None, None, TODAY, "", True),  # leaving date unknown
    (SchoolType.VO, datetime.date(2026, 7, 1), None, TODAY, law.NO, False),
])
def test_former_school_window_at_its_end(school, left, diploma, on, value, is_open):
    a = law.former_school_answer(school, left_on=left, diploma_on=diploma, on=on)
    assert (a.value, a.is_open) == (value, is_open)
    if value == law.NO:
        assert a.reason  # why the window has ended (or never was)


def test_former_school_window_that_ended_says_when_and_why():
    a = law.former_school_answer(SchoolType.VSO, left_on=datetime.date(2024, 7, 1),
                                 diploma_on=None, on=TODAY)
    assert "01-07-2026" in a.reason and "01-07-2024" in a.reason


def test_mbo_leaver_without_diploma_is_open_with_the_quote_that_makes_it_open():
    a = law.former_school_answer(SchoolType.MBO, left_on=datetime.date(2026, 7, 1),
                                 diploma_on=None, on=TODAY)
    assert a.open == OpenKind.LAW_SILENT and "former_school_window_open" in a.rules


@pytest.mark.parametrize("birth", [PartialDate(2010, 1, 1), PartialDate(2001, 1, 1)])
def test_leerplicht_is_always_open_and_asked_under_18(birth):
    d = law.decide(facts(birth=birth))
    assert answer(d, Output.LEERPLICHT).open == OpenKind.LAW_SILENT
    asked = any("leerplicht" in q for q in d.open_questions)
    assert asked == (birth.year == 2010)


# --- Gap 4: standing qualifications and provisions ----------------------------------------------
def test_lid_2_applies_without_partner_and_without_startkwalificatie():
    assert answer(law.decide(facts()), Output.DOORSTROOMPUNT_EXPERTISE).value == law.YES
    transferred = law.decide(facts(arrival=Arrival.TRANSFER_PRO))
    assert answer(transferred, Output.DOORSTROOMPUNT_EXPERTISE).value == law.NO
    with_sk = law.decide(facts(highest_diploma=Diploma.MBO2))
    assert answer(with_sk, Output.DOORSTROOMPUNT_EXPERTISE).value == law.NO


def test_lid_3_applies_once_school_is_ruled_out():
    assert answer(law.decide(facts()), Output.LEARN_WORK_PRIORITY).is_open
    assert answer(law.decide(facts(school_possible=Judgement.NO)),
                  Output.LEARN_WORK_PRIORITY).value == law.YES
    assert answer(law.decide(facts(school_possible=Judgement.YES)),
                  Output.LEARN_WORK_PRIORITY).value == law.NO


@pytest.mark.parametrize("birth, diploma, value", [
    (PartialDate(1999, 11, 24), Diploma.NONE, law.YES),  # 26, 27 tomorrow
    (PartialDate(1999, 11, 23), Diploma.NONE, law.NO),  # 27 today
    (PartialDate(2005, 1, 1), Diploma.MBO2, law.NO),
    (PartialDate(2005, 1, 1), None, ""),
])
def test_doorstroompunt_target_group(birth, diploma, value):
    a = answer(law.decide(facts(birth=birth, highest_diploma=diploma)),
               Output.DOORSTROOMPUNT_TARGET_GROUP)
    assert a.value == value and a.is_open == (value == "")


def test_instruments_never_participatieplaatsen_and_ips_is_judged():
    d = law.decide(facts(highest_diploma=Diploma.MBO2))
    assert d.instruments[law.PARTICIPATIEPLAATS].value == law.NO
    assert d.instruments["ips"].open == OpenKind.JUDGEMENT
    assert d.instruments["jobcoach"].value == law.YES


@pytest.mark.parametrize("extra, value, is_open", [
    ({}, "", True),  # can the youth earn the minimum wage? open
    ({"can_earn_minimum_wage": Judgement.YES}, law.NO, False),
    ({"can_earn_minimum_wage": Judgement.NO}, law.YES, False),
    ({"on_bbl_job": True, "can_earn_minimum_wage": Judgement.NO}, law.YES, False),
    ({"on_bbl_job": True, "can_earn_minimum_wage": Judgement.NO,
      "highest_diploma": Diploma.MBO2}, law.NO, False),  # bbl with a startkwalificatie
    ({"on_bbl_job": True, "highest_diploma": None}, "", True),
])
def test_loonkostensubsidie(extra, value, is_open):
    a = law.decide(facts(**extra)).instruments["loonkostensubsidie"]
    assert (a.value, a.is_open) == (value, is_open)


@pytest.mark.parametrize("extra, value", [
    ({"multi_problem": True}, law.YES), ({}, law.NO),
    ({"multi_problem": True, "highest_diploma": Diploma.HAVO}, law.NO),
])
def test_esb_only_without_startkwalificatie_and_with_multiple_problems(extra, value):
    assert law.decide(facts(**extra)).instruments["esb"].value == value


def test_not_in_scope_means_no_instruments():
    d = law.decide(facts(in_school=True, school_type=SchoolType.VO, arrival=Arrival.SELF))
    assert {a.value for a in d.instruments.values()} == {law.NO}


def test_unknown_instrument_is_local_policy():
    d = law.decide(facts())
    assert law.instrument_answer(d, "nieuw-lokaal").open == OpenKind.LOCAL_POLICY
    assert law.instrument_answer(None, "jobcoach").is_open


def test_no_arbeidsmarktregio_services_for_pupils_supported_during_school():
    d = law.decide(facts(in_school=True, school_type=SchoolType.MBO,
                         arrival=Arrival.SCHOOL_REQUEST))
    assert answer(d, Output.ARBEIDSMARKTREGIO).value == law.NO
    assert answer(law.decide(facts(highest_diploma=Diploma.MBO2)),
                  Output.ARBEIDSMARKTREGIO).value == law.YES


@pytest.mark.parametrize("school, article", [
    (SchoolType.PRO, "Wet voortgezet onderwijs 2020 art. 2.31b lid 1"),
    (SchoolType.VSO, "Wet op de expertisecentra art. 44a lid 1"),
    (SchoolType.MBO, "Wet educatie en beroepsonderwijs art. 9.2.13 lid 1"),
])
def test_requests_during_school_cite_the_school_law_mirror_article(school, article):
    d = law.decide(facts(in_school=True, school_type=school, arrival=Arrival.SCHOOL_REQUEST))
    assert article in d.explanation[-1].citation or article in " ".join(
        s.citation for s in d.explanation)


@pytest.mark.parametrize("arrival, article", [
    (Arrival.TRANSFER_PRO, "Wet voortgezet onderwijs 2020 art. 2.31b lid 2"),
    (Arrival.TRANSFER_DOORSTROOMPUNT, "Wet educatie en beroepsonderwijs art. 9.2.5 lid 2"),
])
def test_transfer_presumption_cites_the_transferring_partners_article(arrival, article):
    d = law.decide(facts(arrival=arrival))
    step = next(s for s in d.explanation if s.rule == "transfer_presumption")
    assert article in step.citation


@pytest.mark.parametrize("waived, value, is_open", [
    (Judgement.OPEN, "", True), (Judgement.YES, law.NO, False), (Judgement.NO, law.YES, False),
])
def test_the_four_week_search_period_is_the_municipalitys_judgement(waived, value, is_open):
    a = answer(law.decide(facts(arrival=Arrival.BIJSTAND, search_period_waived=waived)),
               Output.SEARCH_PERIOD)
    assert (a.value, a.is_open) == (value, is_open)


def test_reason_behind_no_startkwalificatie():
    a = law.startkwalificatie_answer(Diploma.MBO1)
    assert a.value == law.NO and "mbo 1" in a.reason and "geen startkwalificatie" in a.reason


def test_decision_as_dict_has_every_output_and_the_facts_used():
    out = law.decide(facts(arrival=Arrival.TRANSFER_MBO)).as_dict()
    assert {a["output"] for a in out["answers"]} == {str(o) for o in Output}
    assert {a["output"] for a in out["instruments"]} == set(law.INSTRUMENT_CODES)
    assert {"arrival", "highest_diploma", "birth"} <= {f["fact"] for f in out["facts_used"]}
    assert all(a["question"] for a in out["answers"] if a["open"])


# --- Property: no definite answer where a documented "open" applies ------------------------------
JUDGEMENTS = st.sampled_from(list(Judgement))
BIRTHS = st.one_of(
    st.dates(datetime.date(1996, 1, 1), datetime.date(2013, 12, 31)).map(
        lambda d: PartialDate(d.year, d.month, d.day)),
    st.integers(1996, 2013).map(PartialDate),
)
SCHOOL_DATES = st.one_of(st.none(), st.dates(datetime.date(2023, 1, 1), TODAY))
FACTS = st.builds(
    Facts, reference_date=st.just(TODAY), birth=BIRTHS, arrival=st.sampled_from(list(Arrival)),
    highest_diploma=st.one_of(st.none(), st.sampled_from(list(Diploma))),
    in_school=st.booleans(), school_type=st.one_of(st.none(), st.sampled_from(list(SchoolType))),
    school_left_on=SCHOOL_DATES, diploma_on=SCHOOL_DATES, school_possible=JUDGEMENTS,
    wants_retraining=st.booleans(), uwv_sheltered_work_indication=st.booleans(),
    bijstand_granted=st.booleans(), multi_problem=st.booleans(),
    hardship_justification=st.sampled_from(["", "opleiding afmaken"]),
    on_bbl_job=st.booleans(), learn_work_possible=JUDGEMENTS,
    uwv_benefit=st.one_of(st.none(), st.sampled_from(list(law.UwvBenefit))),
    uwv_agreement=JUDGEMENTS, uwv_benefit_ending=st.booleans(),
    can_earn_minimum_wage=JUDGEMENTS, search_period_waived=JUDGEMENTS, in_aftercare=st.booleans(),
    document_consent=JUDGEMENTS,
)


def documented_open(f: Facts, d) -> set[str]:
    """The outputs docs/route-rules.md ("Outputs", column "open when") says are open here."""
    age = law.age_on(f.birth, f.reference_date)
    sk = law.has_startkwalificatie(f.highest_diploma)
    in_school = f.in_school and not f.on_bbl_job
    benefit = f.uwv_benefit not in (None, law.UwvBenefit.NONE)
    refused = (benefit and not f.uwv_benefit_ending and f.uwv_agreement == Judgement.NO) or (
        in_school and not (
            (f.arrival == Arrival.SCHOOL_REQUEST and f.school_type in law.SCHOOL_REQUEST_TYPES)
            or (f.arrival == Arrival.STUDENT_REQUEST
                and f.school_type in law.STUDENT_REQUEST_TYPES)))
    over_27 = age.minimum >= law.AGE_LIMIT and not f.hardship_justification
    opens = {"leerplicht"}
    in_scope = d.route != Route.NOT_IN_SCOPE or d.route_is_open
    if in_scope:
        opens.add("ips")
    if f.arrival in law.TRANSFERS - {Arrival.TRANSFER_DOORSTROOMPUNT} and (
            f.document_consent == Judgement.OPEN or law.is_minor(f.birth, TODAY) is None):
        opens.add(Output.OVERGANGSDOCUMENT)
    if f.highest_diploma is None:
        opens.add(Output.STARTKWALIFICATIE)
    if f.uwv_benefit is None or (benefit and not f.uwv_benefit_ending
                                 and f.uwv_agreement == Judgement.OPEN):
        if not over_27:
            opens.add(Output.UWV_BENEFIT)
    if over_27:
        opens.add(Output.ROUTE)
    elif not refused:
        if age.minimum < law.AGE_LIMIT <= age.maximum:
            opens.add(Output.ROUTE)
        if benefit and not f.uwv_benefit_ending and f.uwv_agreement == Judgement.OPEN:
            opens.add(Output.ROUTE)
        if not in_school and not f.on_bbl_job and not sk:
            transferred = f.arrival in law.TRANSFERS
            school = Judgement.NO if transferred and f.school_possible == Judgement.OPEN \
                else f.school_possible
            if school == Judgement.OPEN or (school == Judgement.NO and (
                    sk is None or f.learn_work_possible == Judgement.OPEN)):
                opens.add(Output.ROUTE)
            if sk is False and school == Judgement.NO and \
                    f.learn_work_possible == Judgement.OPEN:
                opens.add(Output.LEARN_WORK_POSSIBLE)
        if not in_school and f.arrival == Arrival.BIJSTAND and \
                f.search_period_waived == Judgement.OPEN:
            opens.add(Output.SEARCH_PERIOD)
    if not in_school and f.school_type == SchoolType.MBO and f.school_left_on and \
            not f.diploma_on:
        opens.add(Output.FORMER_SCHOOL)
    if in_scope and f.in_aftercare:
        opens.add(Output.CONTACT_PERSON)
    elif in_scope and not d.route_is_open and age.is_certain and d.route in (
            Route.LEARN_WORK, Route.WERKCENTRUM) and age.minimum >= 18:
        opens.add(Output.CONTACT_PERSON)
    elif in_scope and not d.route_is_open and age.maximum < 15:
        opens.add(Output.CONTACT_PERSON)
    if d.route != Route.NOT_IN_SCOPE and f.can_earn_minimum_wage == Judgement.OPEN and \
            not f.on_bbl_job:
        opens.add("loonkostensubsidie")
    return opens


@hsettings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS)
def test_no_definite_answer_where_a_documented_open_applies(f):
    d = law.decide(f)
    everything = {**d.answers, **d.instruments}
    definite = sorted(o for o in documented_open(f, d) if not everything[o].is_open)
    assert definite == [], (f, {o: everything[o] for o in definite})
    for a in everything.values():
        assert not a.is_open or a.question  # an open answer is a question to the coach
    assert d.route in Route


# --- Gap 4: the overgangsdocument duty, consent refused → not sent --------------------------------
@pytest.mark.parametrize("arrival, birth, consent, value, is_open", [
    (Arrival.TRANSFER_MBO, PartialDate(2005, 1, 1), Judgement.YES, law.DOCUMENT_WITH_CONSENT,
     False),
    (Arrival.TRANSFER_MBO, PartialDate(2005, 1, 1), Judgement.NO, law.DOCUMENT_NOT_SENT, False),
    (Arrival.TRANSFER_PRO, PartialDate(2005, 1, 1), Judgement.OPEN, "", True),
    (Arrival.TRANSFER_VSO, PartialDate(2008), Judgement.YES, "", True),  # 17 or 18: who?
    (Arrival.TRANSFER_DOORSTROOMPUNT, PartialDate(2005, 1, 1), Judgement.OPEN,
     law.DOCUMENT_OPTIONAL, False),
    (Arrival.SELF, PartialDate(2005, 1, 1), Judgement.OPEN, law.NOT_APPLICABLE, False),
])
def test_overgangsdocument(arrival, birth, consent, value, is_open):
    a = law.decide(facts(arrival=arrival, birth=birth, document_consent=consent)).answers[
        Output.OVERGANGSDOCUMENT]
    assert (a.value, a.is_open) == (value, is_open)


@pytest.mark.parametrize("birth, giver", [
    (PartialDate(2008, 11, 24), "een ouder"),  # 18 tomorrow: a parent consents
    (PartialDate(2008, 11, 23), "de jongere"),  # 18 today: the youth
])
def test_overgangsdocument_consent_of_a_parent_until_the_18th_birthday(birth, giver):
    a = law.overgangsdocument_answer(Arrival.TRANSFER_MBO, consent=Judgement.NO, birth=birth,
                                     on=TODAY)
    assert a.value == law.DOCUMENT_NOT_SENT and giver in a.reason
    assert a.rules == ("overgangsdocument_duty", "handover_consent")
