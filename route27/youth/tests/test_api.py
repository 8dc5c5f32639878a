"""/api/v1/jongeren: scoped reads, audited writes, problem+json in the API's own field names."""

import json

import pytest
from stdnum.nl import bsn as stdnum_bsn

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.api.problems import api_field_name
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.youth.api import YouthSerializer
from route27.youth.events import YouthEventKind
from route27.youth.models import Youth
from route27.youth.services import youth_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/jongeren"
INVALID_BSN = "123456789"  # nine digits, fails the elfproef


def _valid_bsns():
    number = 100_000_000
    while True:
        candidate = f"{number:09d}"
        if stdnum_bsn.is_valid(candidate):
            yield candidate
        number += 1


BSN_A, BSN_B, BSN_C = (bsn for bsn, _ in zip(_valid_bsns(), range(3), strict=False))


@pytest.fixture
def municipality(db):
    return real_municipality(AALSMEER)  # gemeentecode 0358 in the payloads


def _coach(username, municipality):
    """A doorstroomcoach of an own gemeente team that serves the municipality."""
    organisation = OrganisationFactory(name=f"Gemeente {username} (test)",
                                       municipality=municipality)
    team = TeamFactory(organisation=organisation, name=f"Jongerenteam {username}",
                       serves=[municipality])
    return member(Role.DOORSTROOMCOACH, team=team, username=username)


@pytest.fixture
def api_coach(municipality):
    return _coach("coach.eigen", municipality)


@pytest.fixture
def stranger(municipality):
    """A doorstroomcoach of another team: no reason to see the youth of api_coach's team."""
    return _coach("coach.ander", municipality)


@pytest.fixture
def api_client(client, api_coach):
    client.force_login(api_coach)
    return client


def _youth(actor, municipality, bsn=None, given_names="Sam"):
    return youth_create(actor=actor, given_names=given_names, family_name="Voorbeeld",
                        birth_date="17-05-2008", bsn=bsn, municipality=municipality)


def _payload(**overrides):
    return {"voornamen": "Noor", "geslachtsnaam": "Proefmans",
            "geboorte": {"jaar": 2008, "maand": 5, "dag": 17}, "woongemeenteCode": "0358",
            "vertegenwoordigers": [{"naam": "Ouder Proefmans", "relatie": "parent"}],
            **overrides}


def _problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= body.keys()
    return body


def _reasons(body):
    return {p["name"]: p["reason"] for p in body.get("invalidParams", [])}


# --- list ---------------------------------------------------------------------------------------

def test_list_shows_only_youth_the_user_may_see(api_client, api_coach, stranger, municipality):
    own = _youth(api_coach, municipality, given_names="Eigen")
    other = _youth(stranger, municipality, given_names="Ander")
    response = api_client.get(URL)
    assert response.status_code == 200
    body = response.json()
    ids = {item["id"] for item in body["results"]}
    assert ids == {str(own.public_id)}
    assert str(other.public_id) not in response.content.decode()
    assert body["count"] == 1


def test_list_logs_one_read_per_youth_shown(api_client, api_coach, municipality):
    youth = _youth(api_coach, municipality)
    api_client.get(URL)
    entry = AuditEntry.objects.get(action=AuditAction.READ, object_id=str(youth.public_id))
    assert entry.purpose == "api"


# --- create -------------------------------------------------------------------------------------

def test_create_with_invalid_bsn_is_400_in_dutch_and_writes_nothing(api_client):
    response = api_client.post(URL, _payload(burgerservicenummer=INVALID_BSN),
                               content_type="application/json")
    body = _problem(response, 400)
    assert _reasons(body) == {
        "burgerservicenummer": "Dit BSN is ongeldig: het voldoet niet aan de elfproef."}
    assert INVALID_BSN not in response.content.decode()
    assert not Youth.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.CREATE).exists()
    assert not Event.objects.exists()


def test_create_reports_service_errors_under_api_field_names(api_client, api_coach,
                                                             municipality):
    _youth(api_coach, municipality, bsn=BSN_A)
    payload = _payload(burgerservicenummer=BSN_A, geboorte={"jaar": 2008, "dag": 3})
    body = _problem(api_client.post(URL, payload, content_type="application/json"), 400)
    reasons = _reasons(body)
    assert set(reasons) == {"burgerservicenummer", "geboorte"}
    assert reasons["burgerservicenummer"].startswith("Er is al een jongere met dit BSN")
    assert reasons["geboorte"] == "Een dag zonder maand kan niet: gebruik 00-00-jjjj."
    assert BSN_A not in json.dumps(body)


@pytest.mark.parametrize("overrides, field", [
    ({"woongemeenteCode": "0001"}, "woongemeenteCode"),
    ({"woongemeenteCode": 358}, "woongemeenteCode"),
    ({"voornamen": "   "}, "voornamen"),
    ({"geboorte": {"jaar": "2008"}}, "geboorte.jaar"),
    ({"postcode": "1234"}, "postcode"),
    ({"burgerservicenummer": "12345678\n"}, "burgerservicenummer"),
    ({"vertegenwoordigers": [{"naam": "A"}, {"naam": "B", "emailadres": "geen-adres"}]},
     "vertegenwoordigers.1.emailadres"),
])
def test_create_rejects_what_the_schema_forbids(api_client, overrides, field):
    body = _problem(api_client.post(URL, _payload(**overrides), content_type="application/json"),
                    400)
    assert field in _reasons(body)
    assert not Youth.objects.exists()


def test_create_valid_is_201_with_audit_and_trajectory_event(api_client, api_coach):
    response = api_client.post(URL, _payload(burgerservicenummer=BSN_B),
                               content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    youth = Youth.objects.get(public_id=body["id"])
    assert youth.bsn == BSN_B
    assert youth.team.memberships.filter(user=api_coach).exists()
    assert body["woongemeenteNaam"] == "Aalsmeer"
    assert body["geboorte"] == {"jaar": 2008, "maand": 5, "dag": 17}
    assert body["vertegenwoordigers"][0]["naam"] == "Ouder Proefmans"
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="youth",
                                     object_id=str(youth.public_id), actor=api_coach).count() == 1
    event = Event.objects.get(youth=youth)
    assert event.kind == YouthEventKind.YOUTH_REGISTERED
    assert event.actor == api_coach


# --- retrieve -----------------------------------------------------------------------------------

def test_retrieve_own_youth(api_client, api_coach, municipality):
    youth = _youth(api_coach, municipality, bsn=BSN_A)
    response = api_client.get(f"{URL}/{youth.public_id}")
    assert response.status_code == 200
    assert response.json()["burgerservicenummer"] == BSN_A
    assert AuditEntry.objects.filter(action=AuditAction.READ,
                                     object_id=str(youth.public_id)).exists()


def test_retrieve_of_another_teams_youth_is_404_and_audited_as_denied(
        api_client, api_coach, stranger, municipality, django_capture_on_commit_callbacks):
    other = _youth(stranger, municipality, bsn=BSN_C)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.get(f"{URL}/{other.public_id}")
    body = _problem(response, 404)
    assert BSN_C not in json.dumps(body)
    denied = AuditEntry.objects.get(action=AuditAction.DENIED, object_id=str(other.public_id))
    assert denied.actor == api_coach
    assert not AuditEntry.objects.filter(action=AuditAction.READ,
                                         object_id=str(other.public_id)).exists()


# --- BSN search (POST, so the BSN never appears in a URL) ---------------------------------------

def test_bsn_search_finds_a_visible_youth(api_client, api_coach, municipality):
    youth = _youth(api_coach, municipality, bsn=BSN_A)
    response = api_client.post(f"{URL}/zoeken", {"burgerservicenummer": BSN_A},
                               content_type="application/json")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()] == [str(youth.public_id)]


def test_bsn_search_does_not_find_an_invisible_youth(api_client, stranger, municipality):
    _youth(stranger, municipality, bsn=BSN_C)
    response = api_client.post(f"{URL}/zoeken", {"burgerservicenummer": BSN_C},
                               content_type="application/json")
    assert response.status_code == 200
    assert response.json() == []


def test_bsn_search_with_invalid_bsn_is_400_without_echoing_it(api_client):
    response = api_client.post(f"{URL}/zoeken", {"burgerservicenummer": INVALID_BSN},
                               content_type="application/json")
    body = _problem(response, 400)
    assert "burgerservicenummer" in _reasons(body)
    assert INVALID_BSN not in response.content.decode()


def test_bsn_search_is_not_offered_as_get(api_client):
    _problem(api_client.get(f"{URL}/zoeken?burgerservicenummer={BSN_A}"), 405)


# --- service field names → API field names ------------------------------------------------------

@pytest.mark.parametrize("service_name, api_name", [
    ("bsn", "burgerservicenummer"),
    ("municipality", "woongemeenteCode"),
    ("birth_date", "geboorte"),
    ("given_names", "voornamen"),
    ("family_name", "geslachtsnaam"),
    ("postal_code", "postcode"),
    ("guardians", "vertegenwoordigers"),
    ("guardians.0.name", "vertegenwoordigers.0.naam"),
    ("guardians.3.relationship", "vertegenwoordigers.3.relatie"),
    ("nonFieldErrors", "nonFieldErrors"),
])
def test_service_field_names_map_to_api_field_names(service_name, api_name):
    assert api_field_name(YouthSerializer(), service_name) == api_name


def test_the_bsn_is_on_the_detail_only_never_in_the_list(api_client, api_coach, municipality):
    """Issue 9 §8: the API list returned the full BSN on every row."""
    own = _youth(api_coach, municipality, given_names="Eigen", bsn=BSN_C)
    listed = api_client.get(URL).json()["results"][0]
    assert "burgerservicenummer" not in listed and own.bsn not in str(listed)
    detail = api_client.get(f"{URL}/{own.public_id}").json()
    assert detail["burgerservicenummer"] == own.bsn
