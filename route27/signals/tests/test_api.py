"""/api/v1/signalen: registering through signal_register (routing, matching, no duplicates),
reads scoped to the user's teams and logged, the match decision, and no BSN in any answer."""

import json

import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.api.problems import api_field_name
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.signals.api import ConfirmationSerializer, SignalSerializer
from route27.signals.events import SignalEventKind
from route27.signals.models import Signal, SignalStatus, Source
from route27.signals.services import signal_register
from route27.signals.tests.conftest import AMSTELVEEN, person
from route27.signals.tests.factories import SignalFactory
from route27.trajectories.models import Trajectory
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db

URL = "/api/v1/signalen"
BSN = valid_bsn(7)


def payload(**overrides):
    data = {"bron": "school", "gemeldDoor": "Mbo College, mentor", "voornamen": "Sanne",
            "voorvoegsel": "de", "geslachtsnaam": "Vries",
            "geboorte": {"jaar": 2007, "maand": 5, "dag": 17}, "woongemeenteCode": "0358",
            "telefoonnummer": "06 12345678", "toelichting": "Zoekt een opleiding."}
    data.update(overrides)
    return data


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= body.keys()
    return body


def reasons(body):
    return {p["name"]: p["reason"] for p in body.get("invalidParams", [])}


def writes():
    return (Signal.objects.count(), Youth.objects.count(), Event.objects.count(),
            AuditEntry.objects.exclude(action__in=[AuditAction.READ, AuditAction.DENIED]).count())


@pytest.fixture
def waiting(aalsmeer_coach, aalsmeer_team):
    """A signal that may be a youth already known: the coach must decide."""
    signal = SignalFactory(needs_confirmation=True, actor=aalsmeer_coach)
    return signal, signal.candidates.get()


@pytest.fixture
def elsewhere(aalsmeer_coach, amstelveen_team):
    return signal_register(actor=aalsmeer_coach, source=Source.SCHOOL,
                           **person(municipality=AMSTELVEEN, family_name="Bakker"))


# --- register -----------------------------------------------------------------------------------
def test_register_a_new_person_links_and_starts_a_trajectory(aalsmeer_client, aalsmeer_coach,
                                                            aalsmeer_team):
    response = post(aalsmeer_client, URL, payload(burgerservicenummer=BSN))
    assert response.status_code == 201, response.content
    body = response.json()
    assert BSN not in response.content.decode()
    assert "burgerservicenummer" not in body
    assert (body["status"], body["teamNaam"], body["aantalMogelijkeMatches"]) == (
        "linked", aalsmeer_team.name, 0)
    youth = Youth.objects.get(public_id=body["jongereId"])
    assert youth.bsn == BSN
    assert Trajectory.objects.get(public_id=body["trajectId"]).youth == youth
    assert Event.objects.filter(youth=youth,
                                          kind=SignalEventKind.SIGNAL_RECEIVED).count() == 1
    entry = AuditEntry.objects.get(action=AuditAction.CREATE, object_type="signal")
    assert (entry.object_id, entry.actor) == (body["id"], aalsmeer_coach)


def test_register_a_known_looking_person_waits_for_a_decision(aalsmeer_client, aalsmeer_team):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    response = post(aalsmeer_client, URL, payload())
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["aantalMogelijkeMatches"], body["jongereId"]) == (
        "needs_confirmation", 1, None)
    assert Youth.objects.count() == 1  # never a duplicate person


def test_register_for_another_teams_municipality_discloses_only_the_routing(
        aalsmeer_client, amstelveen_team):
    response = post(aalsmeer_client, URL, payload(woongemeenteCode="0362"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["teamNaam"] == amstelveen_team.name
    assert [body[k] for k in ("status", "jongereId", "trajectId", "aantalMogelijkeMatches",
                              "gekoppeldOp")] == [None] * 5
    assert Signal.objects.get(public_id=body["id"]).team == amstelveen_team
    problem(aalsmeer_client.get(f"{URL}/{body['id']}"), 404)


@pytest.mark.parametrize("overrides, field, reason", [
    ({"burgerservicenummer": "123456789"}, "burgerservicenummer",
     "Dit BSN is ongeldig: het voldoet niet aan de elfproef."),
    ({"voornamen": "  "}, "voornamen", "Vul de voornamen in."),
    ({"geboorte": {"jaar": 2007, "dag": 3}}, "geboorte",
     "Een dag zonder maand kan niet: gebruik 00-00-jjjj."),
    ({"geboorte": {"jaar": 2099, "maand": 1, "dag": 1}}, "geboorte",
     "De geboortedatum ligt in de toekomst."),
    ({"woongemeenteCode": "0001"}, "woongemeenteCode",
     "Er is geen gemeente met deze gemeentecode."),
    ({"bron": "fax"}, "bron", None),
    ({"emailadres": "geen-adres"}, "emailadres", None),
    ({"bron": "self", "telefoonnummer": ""}, "telefoonnummer",
     "Vul een telefoonnummer of e-mailadres in, zodat we contact kunnen opnemen."),
])
def test_register_rejects_invalid_input_in_dutch_and_writes_nothing(aalsmeer_client, aalsmeer_team,
                                                                    overrides, field, reason):
    before = writes()
    response = post(aalsmeer_client, URL, payload(**overrides))
    body = problem(response, 400)
    assert field in reasons(body)
    if reason:
        assert reasons(body)[field] == reason
    assert "123456789" not in response.content.decode()
    assert writes() == before


def test_register_needs_a_casework_role(client, aalsmeer_team):
    client.force_login(member(Role.BELEIDSADVISEUR, team=aalsmeer_team))
    problem(post(client, URL, payload()), 403)
    assert not Signal.objects.exists()


# --- read ---------------------------------------------------------------------------------------
def test_list_shows_only_own_teams_signals_and_logs_each(aalsmeer_client, aalsmeer_coach,
                                                         waiting, elsewhere):
    signal, _known = waiting
    response = aalsmeer_client.get(URL)
    assert response.status_code == 200
    assert [s["id"] for s in response.json()["results"]] == [str(signal.public_id)]
    assert str(elsewhere.public_id) not in response.content.decode()
    shown = AuditEntry.objects.filter(action=AuditAction.READ, object_type="signal",
                                      purpose="api")
    assert [(e.object_id, e.actor) for e in shown] == [(str(signal.public_id), aalsmeer_coach)]


def test_list_filters_by_status(aalsmeer_client, aalsmeer_coach, waiting):
    signal_register(actor=aalsmeer_coach, source=Source.SCHOOL,
                    **person(family_name="Jansen"))
    response = aalsmeer_client.get(f"{URL}?status=needs_confirmation")
    assert [s["id"] for s in response.json()["results"]] == [str(waiting[0].public_id)]
    assert aalsmeer_client.get(f"{URL}?status=linked").json()["count"] == 1


def test_list_with_unknown_status_is_400(aalsmeer_client):
    body = problem(aalsmeer_client.get(f"{URL}?status=oud"), 400)
    assert list(reasons(body)) == ["status"]


def test_detail_shows_the_possible_matches_and_logs_them(aalsmeer_client, aalsmeer_coach,
                                                         waiting):
    signal, known = waiting
    response = aalsmeer_client.get(f"{URL}/{signal.public_id}")
    assert response.status_code == 200
    matches = response.json()["mogelijkeMatches"]
    assert [m["jongereId"] for m in matches] == [str(known.public_id)]
    assert "burgerservicenummer" not in response.json()
    assert AuditEntry.objects.filter(action=AuditAction.READ, object_type="youth",
                                     object_id=str(known.public_id), purpose="search").exists()
    assert AuditEntry.objects.filter(action=AuditAction.READ, object_type="signal",
                                     object_id=str(signal.public_id)).exists()


def test_detail_of_another_teams_signal_is_404_and_denied(aalsmeer_client, aalsmeer_coach,
                                                          elsewhere):
    response = aalsmeer_client.get(f"{URL}/{elsewhere.public_id}")
    problem(response, 404)
    assert "Bakker" not in response.content.decode()
    denied = AuditEntry.objects.get(action=AuditAction.DENIED, object_type="signal")
    assert (denied.object_id, denied.actor) == (str(elsewhere.public_id), aalsmeer_coach)


# --- match decision -----------------------------------------------------------------------------
def test_confirm_links_the_signal_to_the_known_youth(aalsmeer_client, waiting):
    signal, known = waiting
    response = post(aalsmeer_client, f"{URL}/{signal.public_id}/bevestiging",
                    {"jongereId": str(known.public_id)})
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["jongereId"]) == (
        "linked", str(known.public_id))
    assert Youth.objects.count() == 1
    assert Trajectory.objects.get(youth=known).is_open


def test_confirm_as_a_new_person_registers_a_youth(aalsmeer_client, waiting):
    signal, known = waiting
    response = post(aalsmeer_client, f"{URL}/{signal.public_id}/bevestiging", {"jongereId": None})
    assert response.status_code == 200, response.content
    assert response.json()["jongereId"] not in (None, str(known.public_id))
    assert Youth.objects.count() == 2


def test_confirm_needs_an_explicit_choice(aalsmeer_client, waiting):
    signal, _known = waiting
    before = writes()
    body = problem(post(aalsmeer_client, f"{URL}/{signal.public_id}/bevestiging", {}), 400)
    assert reasons(body) == {"jongereId": "Dit veld is vereist."}
    assert writes() == before


def test_confirm_with_a_youth_that_is_not_a_candidate_is_400(aalsmeer_client, aalsmeer_team,
                                                            waiting):
    signal, _known = waiting
    stranger = YouthFactory(family_name="Anders", team=aalsmeer_team)
    before = writes()
    body = problem(post(aalsmeer_client, f"{URL}/{signal.public_id}/bevestiging",
                        {"jongereId": str(stranger.public_id)}), 400)
    assert reasons(body) == {
        "jongereId": "Deze jongere staat niet bij de mogelijke matches van dit signaal."}
    assert writes() == before


def test_confirm_twice_is_409(aalsmeer_client, waiting):
    signal, known = waiting
    url = f"{URL}/{signal.public_id}/bevestiging"
    assert post(aalsmeer_client, url, {"jongereId": str(known.public_id)}).status_code == 200
    before = writes()
    body = problem(post(aalsmeer_client, url, {"jongereId": str(known.public_id)}), 409)
    assert body["detail"] == "Dit signaal is al gekoppeld aan een jongere."
    assert writes() == before


def test_confirm_of_another_teams_signal_is_404_and_denied(aalsmeer_coach, client,
                                                           amstelveen_team, waiting):
    signal, known = waiting
    client.force_login(member(Role.DOORSTROOMCOACH, team=amstelveen_team))
    before = writes()
    problem(post(client, f"{URL}/{signal.public_id}/bevestiging",
                 {"jongereId": str(known.public_id)}), 404)
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, object_type="signal",
                                     object_id=str(signal.public_id)).exists()
    assert writes() == before
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEEDS_CONFIRMATION


@pytest.mark.parametrize("serializer, service_name, api_name", [
    (SignalSerializer(), "given_names", "voornamen"),
    (SignalSerializer(), "family_name", "geslachtsnaam"),
    (SignalSerializer(), "birth_date", "geboorte"),
    (SignalSerializer(), "bsn", "burgerservicenummer"),
    (SignalSerializer(), "municipality", "woongemeenteCode"),
    (SignalSerializer(), "phone", "telefoonnummer"),
    (SignalSerializer(), "source", "bron"),
    (SignalSerializer(), "message", "toelichting"),
    (ConfirmationSerializer(), "youth", "jongereId"),
])
def test_service_field_names_map_to_api_names(serializer, service_name, api_name):
    assert api_field_name(serializer, service_name) == api_name
