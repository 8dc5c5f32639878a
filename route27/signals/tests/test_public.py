"""The public self-registration form, its rate limit and honeypot, the QR code and poster."""

import pytest
from django.test import override_settings

from route27.audit.models import AuditEntry
from route27.signals.models import Signal, SignalStatus, Source
from route27.signals.tests.conftest import AMSTELVEEN, person
from route27.trajectories.models import Trajectory
from route27.trajectories.selectors import intake_queue
from route27.trajectories.workflow import Step
from route27.youth.models import Youth

pytestmark = pytest.mark.django_db
URL = "/aanmelden/"


def _counts():
    return Signal.objects.count(), Youth.objects.count(), AuditEntry.objects.count()


def test_form_is_public_dutch_and_explains_privacy(client, aalsmeer_team):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ik wil hulp bij school of werk" in html
    assert "vergelijkbare situatie" in html
    assert "Wat gebeurt er met je gegevens?" in html
    assert "Alleen de medewerkers van dat team zien ze" in html
    assert 'value="GM0358"' in html  # served municipalities only
    assert "Met je BSN zien we sneller" in html
    assert "Niet verplicht." not in html  # the label says "(niet verplicht)" already


def test_self_registration_creates_youth_and_trajectory_routed_to_aalsmeer(
        client, aalsmeer_team, aalsmeer_coach):
    response = client.post(URL, person(bsn=""))
    assert response.status_code == 302 and response.url == "/aanmelden/bedankt/"
    signal = Signal.objects.get()
    assert signal.source == Source.SELF and signal.created_by is None
    assert signal.status == SignalStatus.LINKED and signal.team == aalsmeer_team
    youth = Youth.objects.get()
    assert youth.team == aalsmeer_team and youth.family_name == "Vries"
    trajectory = Trajectory.objects.get()
    assert (trajectory.youth, trajectory.step, trajectory.team) == (
        youth, Step.SIGNAL, aalsmeer_team)
    assert list(intake_queue(user=aalsmeer_coach)) == [trajectory]

    thanks = client.get(response.url)
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "Bedankt voor je aanmelding" in html
    assert "Sanne" not in html and "Vries" not in html and "06 12345678" not in html


def test_invalid_self_registration_shows_dutch_messages_and_writes_nothing(client,
                                                                           aalsmeer_team):
    before = _counts()
    response = client.post(URL, person(bsn="123456789", birth_date="2007-13-01", phone=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit BSN is ongeldig: het voldoet niet aan de elfproef." in html
    assert "De maand moet tussen 01 en 12 liggen (of 00)." in html
    assert "Vul een telefoonnummer of e-mailadres in" in html
    assert _counts() == before
    assert "123456789" not in response.headers.get("Location", "")


def test_only_served_municipalities_can_be_chosen(client, aalsmeer_team):
    response = client.post(URL, person(municipality=AMSTELVEEN))
    assert response.status_code == 200
    assert "Kies de woongemeente." in response.content.decode()
    assert Signal.objects.count() == 0


def test_honeypot_looks_like_success_but_stores_nothing(client, aalsmeer_team):
    before = _counts()
    response = client.post(URL, person(website="http://spam.example"))
    assert response.status_code == 302 and response.url == "/aanmelden/bedankt/"
    assert _counts() == before


@override_settings(ROUTE27_SELF_REGISTRATION_PER_HOUR=5)
def test_rate_limit_per_ip_returns_429_after_five(client, aalsmeer_team):
    for n in range(5):
        data = person(given_names=f"Jongere{n}", family_name=f"Achternaam{n}")
        assert client.post(URL, data, REMOTE_ADDR="192.0.2.10").status_code == 302
    before = _counts()
    response = client.post(URL, person(family_name="Zesde"), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert _counts() == before
    # another client is not affected, and the IP is stored nowhere in the database
    assert client.post(URL, person(family_name="Ander"),
                       REMOTE_ADDR="192.0.2.99").status_code == 302
    assert not AuditEntry.objects.filter(detail__icontains="192.0.2").exists()


def test_rate_limit_counts_honeypot_hits(client, aalsmeer_team):
    for _ in range(5):
        client.post(URL, person(website="x"), REMOTE_ADDR="192.0.2.20")
    assert client.post(URL, person(), REMOTE_ADDR="192.0.2.20").status_code == 429
    assert Signal.objects.count() == 0


def test_qr_code_is_svg_linking_to_the_form(client, db):
    response = client.get("/aanmelden/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    body = response.content.decode()
    assert body.startswith("<svg") and "<path" in body
    assert "http://testserver/aanmelden/" in body


def test_poster_shows_qr_code_and_url(client, db):
    response = client.get("/aanmelden/poster/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="/aanmelden/qr.svg"' in html
    assert "http://testserver/aanmelden/" in html
