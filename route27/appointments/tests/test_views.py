"""The coach's pages (list, plan, one-click attendance, the file section) and the youth's link."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from route27.appointments.models import Appointment, Status
from route27.appointments.tests.factories import AppointmentFactory
from route27.audit.models import AuditAction, AuditEntry
from route27.core.testing import assert_max_queries, assert_num_queries
from route27.organisations.roles import Role
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def _own(coach, team, **kwargs) -> Appointment:
    youth = YouthFactory(team=team, family_name="Zqfamilie")
    ContactAssignmentFactory(youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
    return AppointmentFactory(trajectory=TrajectoryFactory(youth=youth, team=team), coach=coach,
                              **kwargs)


def test_list_shows_due_and_coming_in_constant_queries(coach_client, coach, team):
    for _ in range(2):
        _own(coach, team, past=True)
        _own(coach, team, tomorrow=True)
    assert coach_client.get("/afspraken/").status_code == 200  # warm up
    with assert_max_queries(12) as small:
        response = coach_client.get("/afspraken/")
    assert response.status_code == 200
    assert response.content.decode().count('value="no_show"') == 2
    for _ in range(6):
        _own(coach, team, past=True)
        _own(coach, team, tomorrow=True)
    with assert_num_queries(small):
        assert coach_client.get("/afspraken/").status_code == 200


def test_no_show_in_one_click(coach_client, coach, team):
    appointment = _own(coach, team, past=True)
    response = coach_client.post(f"/afspraken/{appointment.public_id}/aanwezigheid/",
                                 {"status": "no_show", "next": "/afspraken/"})
    assert response.status_code == 302 and response["Location"] == "/afspraken/"
    appointment.refresh_from_db()
    assert appointment.status == Status.NO_SHOW


def test_attendance_on_someone_elses_appointment_is_404_and_denied(coach_client, coach):
    appointment = AppointmentFactory(past=True)
    response = coach_client.post(f"/afspraken/{appointment.public_id}/aanwezigheid/",
                                 {"status": "no_show"})
    assert response.status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == Status.PLANNED
    assert AuditEntry.objects.filter(actor=coach, action=AuditAction.DENIED).exists()


def test_plan_page_plans(coach_client, coach, team):
    youth = YouthFactory(team=team)
    trajectory = TrajectoryFactory(youth=youth, team=team)
    day = timezone.localdate() + datetime.timedelta(days=2)
    url = f"/afspraken/traject/{trajectory.public_id}/nieuw/"
    assert coach_client.get(url).status_code == 200
    response = coach_client.post(url, {"day": day.isoformat(), "time": "14:30",
                                       "duration": "30", "mode": "video",
                                       "with_whom": "jongere en ouder"})
    assert response.status_code == 302, response.content.decode()[:3000]
    appointment = Appointment.objects.get(youth=youth)
    assert timezone.localtime(appointment.starts_at).hour == 14
    assert appointment.with_whom == "jongere en ouder"
    page = coach_client.get(f"/jongeren/{youth.public_id}/").content.decode()
    assert 'id="afspraken"' in page and "Video" in page


def test_plan_on_a_closed_file_is_refused(coach_client, coach, team):
    trajectory = TrajectoryFactory(youth=YouthFactory(team=team), team=team, closed=True)
    url = f"/afspraken/traject/{trajectory.public_id}/nieuw/"
    assert coach_client.get(url).status_code == 302
    assert not Appointment.objects.exists()
    assert AuditEntry.objects.filter(actor=coach, action=AuditAction.DENIED).exists()


# --- The youth's link -------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()


def test_link_shows_only_date_mode_and_first_names(client):
    youth = YouthFactory(given_names="Noor Fatima", family_name="Zqachternaam",
                         bsn="123456782")
    appointment = AppointmentFactory(trajectory=TrajectoryFactory(youth=youth, team=youth.team),
                                     tomorrow=True)
    page = client.get(f"/afspraak/{appointment.token}/").content.decode()
    assert "Noor" in page and "Ik kom" in page and "Ik wil een andere tijd" in page
    for personal in ("Fatima", "Zqachternaam", "123456782", "2007"):
        assert personal not in re.sub(r"<script.*?</script>", "", page, flags=re.S)


def test_link_confirm_and_move(client):
    appointment = AppointmentFactory(tomorrow=True)
    url = f"/afspraak/{appointment.token}/"
    assert client.post(url, {"answer": "confirm"}).status_code == 200
    appointment.refresh_from_db()
    assert appointment.confirmed_at is not None
    client.post(url, {"answer": "move", "note": "Liever 's middags"})
    appointment.refresh_from_db()
    assert appointment.move_requested and appointment.move_note == "Liever 's middags"


def test_invalid_token_is_a_neutral_404(client):
    response = client.get("/afspraak/niet-bestaand-token/")
    assert response.status_code == 404


def test_link_is_rate_limited(client, settings):
    settings.ROUTE27_APPOINTMENT_LINK_PER_HOUR = 3
    for _ in range(3):
        assert client.get("/afspraak/geen/").status_code == 404
    assert client.get("/afspraak/geen/").status_code == 429


def test_cancel_an_upcoming_appointment_from_the_list(coach_client, coach, team):
    appointment = _own(coach, team, tomorrow=True)
    page = coach_client.get("/afspraken/").content.decode()
    assert 'value="cancelled_by_coach"' in page
    coach_client.post(f"/afspraken/{appointment.public_id}/aanwezigheid/",
                      {"status": "cancelled_by_coach", "next": "/afspraken/"})
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED_BY_COACH


def test_a_no_show_reads_as_one_on_the_timeline(coach_client, coach, team):
    appointment = _own(coach, team, no_show=True)
    page = coach_client.get(f"/jongeren/{appointment.youth.public_id}/").content.decode()
    assert "Aanwezigheid vastgelegd" in page
    assert "Niet gekomen" in page.split('id="tijdlijn"')[1]
