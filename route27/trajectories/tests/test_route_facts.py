"""The route-facts form, the API and the route_decision command build the same law.Facts."""

import datetime

import pytest
from django.core.management import CommandError

from route27 import law
from route27.core.partial_date import PartialDate
from route27.trajectories.api import RouteFactsSerializer
from route27.trajectories.forms import RouteFactsForm, facts_initial
from route27.trajectories.management.commands.route_decision import facts_from_dict

TODAY = datetime.date(2026, 11, 23)
BIRTH = PartialDate(2005, 3, 1)

# The same input three ways: form fields (POST strings), API names (JSON), law.Facts keys (JSON).
CASES = [
    pytest.param(
        {"arrival": "self", "school_possible": "open"},
        {"binnenkomst": "self"},
        {"arrival": "self"},
        id="minimal: arrival stands in for who asked"),
    pytest.param(
        {"arrival": "transfer_mbo", "requested_by": "  ROC Amstelland ", "highest_diploma": "mbo1",
         "school_type": "mbo", "school_left_on": "2026-07-01", "diploma_on": "",
         "school_possible": "no", "uwv_sheltered_work_indication": "on",
         "multi_problem": "on", "hardship_justification": "  "},
        {"binnenkomst": "transfer_mbo", "aangevraagdDoor": "  ROC Amstelland ",
         "hoogsteDiploma": "mbo1", "soortSchool": "mbo", "schoolVerlatenDatum": "2026-07-01",
         "diplomaDatum": None, "schoolMogelijk": "no", "indicatieBeschutWerk": True,
         "multiproblematiek": True, "rechtvaardigingHardheidsclausule": "  "},
        {"arrival": "transfer_mbo", "requested_by": "  ROC Amstelland ",
         "highest_diploma": "mbo1", "school_type": "mbo", "school_left_on": "2026-07-01",
         "school_possible": "no", "uwv_sheltered_work_indication": True,
         "multi_problem": True, "hardship_justification": "  "},
        id="transfer with dates and blanks"),
    pytest.param(
        {"arrival": "student_request", "in_school": "on", "school_type": "hbo",
         "highest_diploma": "havo", "diploma_on": "2024-06-30", "school_possible": "yes",
         "wants_retraining": "on", "bijstand_granted": "on",
         "hardship_justification": "Afronding opleiding\n"},
        {"binnenkomst": "student_request", "opSchool": True, "soortSchool": "hbo",
         "hoogsteDiploma": "havo", "diplomaDatum": "2024-06-30", "schoolMogelijk": "yes",
         "wilOmscholen": True, "bijstandToegekend": True,
         "rechtvaardigingHardheidsclausule": "Afronding opleiding\n"},
        {"arrival": "student_request", "in_school": True, "school_type": "hbo",
         "highest_diploma": "havo", "diploma_on": "2024-06-30", "school_possible": "yes",
         "wants_retraining": True, "bijstand_granted": True,
         "hardship_justification": "Afronding opleiding\n"},
        id="in school, every flag"),
    pytest.param(
        {"arrival": "uwv", "highest_diploma": "vmbo", "school_possible": "no",
         "learn_work_possible": "no", "uwv_benefit": "ww", "uwv_agreement": "open",
         "uwv_benefit_ending": "on", "can_earn_minimum_wage": "yes",
         "search_period_waived": "", "document_consent": "no"},
        {"binnenkomst": "uwv", "hoogsteDiploma": "vmbo", "schoolMogelijk": "no",
         "leerwerktrajectMogelijk": "no", "uitkeringUwv": "ww", "afsprakenUwv": "open",
         "uitkeringUwvLooptAf": True, "kanMinimumloonVerdienen": "yes",
         "toestemmingOvergangsdocument": "no"},
        {"arrival": "uwv", "highest_diploma": "vmbo", "school_possible": "no",
         "learn_work_possible": "no", "uwv_benefit": "ww", "uwv_benefit_ending": True,
         "can_earn_minimum_wage": "yes", "document_consent": "no"},
        id="issue 10: leerwerktraject judged, UWV benefit ending, minimum wage"),
    pytest.param(
        {"arrival": "self", "highest_diploma": "vmbo", "on_bbl_job": "on",
         "school_possible": "open"},
        {"binnenkomst": "self", "hoogsteDiploma": "vmbo", "bblLeerbaan": True},
        {"arrival": "self", "highest_diploma": "vmbo", "on_bbl_job": True},
        id="issue 10: a running bbl-leerbaan"),
]


def _form_facts(data: dict) -> law.Facts:
    form = RouteFactsForm(data)
    assert form.is_valid(), form.errors
    return form.facts(birth=BIRTH, today=TODAY)


def _api_facts(data: dict) -> law.Facts:
    serializer = RouteFactsSerializer(data=data)
    assert serializer.is_valid(), serializer.errors
    return serializer.facts(birth=BIRTH, today=TODAY)


def _command_facts(data: dict) -> law.Facts:
    return facts_from_dict({**data, "birth": str(BIRTH), "reference_date": TODAY.isoformat()}, 1)


@pytest.mark.parametrize("form_data, api_data, command_data", CASES)
def test_form_api_and_command_build_the_same_facts(form_data, api_data, command_data):
    facts = _form_facts(form_data)

    assert _api_facts(api_data) == facts
    assert _command_facts(command_data) == facts
    assert law.decide(facts).as_dict() == law.decide(_api_facts(api_data)).as_dict()


def test_blank_values_mean_unknown_and_the_arrival_stands_in_for_who_asked():
    facts = _form_facts(CASES[0].values[0])

    assert facts == law.Facts(reference_date=TODAY, birth=BIRTH, arrival=law.Arrival.SELF,
                              requested_by="self")


def test_form_and_api_refuse_the_same_facts():
    form = RouteFactsForm({"arrival": "self", "school_possible": "open", "in_school": "on",
                           "diploma_on": "2999-01-01"})
    serializer = RouteFactsSerializer(data={"binnenkomst": "self", "opSchool": True,
                                            "diplomaDatum": "2999-01-01"})

    assert not form.is_valid() and not serializer.is_valid()
    assert form.errors["school_type"] == [str(m) for m in serializer.errors["soortSchool"]]
    assert form.errors["diploma_on"] == [str(m) for m in serializer.errors["diplomaDatum"]]


def test_command_names_a_missing_field():
    with pytest.raises(CommandError, match="ontbrekende velden \\['arrival'\\]"):
        facts_from_dict({"birth": "01-03-2005"}, 1)


class _Trajectory:
    multi_problem, requested_by = False, ""


class _Decision:
    facts = {"arrival": "self", "requested_by": "self", "school_possible": "no"}


def test_form_starts_blank_when_the_arrival_stood_in_for_who_asked():
    initial = facts_initial(_Decision(), _Trajectory())

    assert (initial["arrival"], initial["requested_by"]) == ("self", "")
