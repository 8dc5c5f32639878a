"""Assign, reassign and cover (issue 11 §1, ADR 0014): use cases with events, audit and notices."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.events import YouthEventKind
from route27.youth.models import ContactAssignment, ContactNotice
from route27.youth.services import (
    contact_cover_end,
    contact_cover_start,
    contact_covers_end_expired,
    contact_person_assign,
    contact_person_assign_bulk,
)
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def lead(team):
    return member(Role.TEAMLEIDER, team=team)


@pytest.fixture
def colleague(team):
    return member(Role.JONGERENCOACH_WERK, team=team)


def owned(coach, team, n=1):
    """``n`` youth of ``team`` with an open trajectory and ``coach`` as contact person."""
    result = []
    for _ in range(n):
        youth = YouthFactory(team=team)
        TrajectoryFactory(youth=youth, team=team)
        contact_person_assign(actor=None, youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
        result.append(youth)
    return result


def active(youth) -> ContactAssignment:
    return youth.contact_assignments.get(ended_at__isnull=True)


def test_bulk_reassign_moves_every_youth_tells_the_old_contact_and_records_each(
        lead, coach, colleague, team):
    youth = owned(coach, team, 3)
    done = contact_person_assign_bulk(actor=lead, youth=youth, user=colleague,
                                      reason="Herverdeling caseload")
    assert [a.user for a in done] == [colleague] * 3
    assert all(active(y).user == colleague and active(y).role == Role.JONGERENCOACH_WERK
               for y in youth)
    assert ContactNotice.objects.filter(recipient=coach,
                                        kind=ContactNotice.Kind.REASSIGNED).count() == 3
    events = Event.objects.filter(kind=YouthEventKind.CONTACT_PERSON_CHANGED, actor=lead,
                                  reason="Herverdeling caseload")
    assert events.count() == 3
    assert AuditEntry.objects.filter(actor=lead, action=AuditAction.UPDATE,
                                     object_type="contact_assignment").count() == 3


def test_bulk_is_all_or_nothing_and_only_for_the_lead_of_the_youths_team(
        lead, coach, colleague, team, other_team, other_coach):
    mine = owned(coach, team, 2)
    theirs = owned(other_coach, other_team, 1)
    with pytest.raises(Refused):
        contact_person_assign_bulk(actor=lead, youth=[*mine, *theirs], user=colleague,
                                   reason="x")
    assert all(active(y).user == coach for y in mine)
    with pytest.raises(Refused):  # a coach is no team lead
        contact_person_assign_bulk(actor=coach, youth=mine, user=colleague, reason="x")


def test_the_target_must_hold_a_contact_role_in_the_youths_team(lead, coach, team, other_coach):
    youth = owned(coach, team)
    with pytest.raises(ValidationFailed) as refused:
        contact_person_assign_bulk(actor=lead, youth=youth, user=other_coach, reason="x")
    assert "user" in refused.value.field_errors
    with pytest.raises(ValidationFailed):  # a team lead is not a contact person
        contact_person_assign_bulk(actor=lead, youth=youth, user=lead, reason="x")
    with pytest.raises(ValidationFailed) as empty:
        contact_person_assign_bulk(actor=lead, youth=youth, user=coach, reason=" ")
    assert "reason" in empty.value.field_errors


def test_a_cover_stands_in_until_its_date_and_the_original_contact_returns(
        lead, coach, colleague, team):
    (youth,) = owned(coach, team)
    until = TODAY + datetime.timedelta(days=14)
    cover = contact_cover_start(actor=lead, youth=youth, user=colleague, until=until,
                                reason="Vakantie")
    assert active(youth) == cover and cover.cover_for.user == coach
    assert cover.cover_until == until
    notice = ContactNotice.objects.get(recipient=coach)
    assert notice.kind == ContactNotice.Kind.COVER_STARTED and notice.cover_until == until
    assert Event.objects.filter(kind=YouthEventKind.CONTACT_COVER_STARTED, youth=youth,
                                reason="Vakantie").exists()

    back = contact_cover_end(actor=lead, youth=youth, reason="Terug van vakantie")
    assert active(youth) == back and back.user == coach and back.cover_for is None
    assert back.role == Role.DOORSTROOMCOACH
    assert Event.objects.get(kind=YouthEventKind.CONTACT_COVER_ENDED,
                             youth=youth).data["original_returned"] is True
    assert set(ContactNotice.objects.filter(kind=ContactNotice.Kind.COVER_ENDED)
               .values_list("recipient", flat=True)) == {coach.pk, colleague.pk}


def test_a_cover_of_a_cover_still_stands_in_for_the_original(lead, coach, colleague, team):
    (youth,) = owned(coach, team)
    third = member(Role.LEERPLICHTAMBTENAAR, team=team)
    contact_cover_start(actor=lead, youth=youth, user=colleague, until=TODAY, reason="Ziek")
    second = contact_cover_start(actor=lead, youth=youth, user=third, until=TODAY, reason="Ook")
    assert second.cover_for.user == coach
    with pytest.raises(ValidationFailed):  # the original cannot cover themselves
        contact_cover_start(actor=lead, youth=youth, user=coach, until=TODAY, reason="x")


def test_a_cover_needs_a_contact_and_a_date_from_today(lead, colleague, coach, team):
    youth = YouthFactory(team=team)
    TrajectoryFactory(youth=youth, team=team)
    with pytest.raises(ValidationFailed):
        contact_cover_start(actor=lead, youth=youth, user=colleague, until=TODAY, reason="x")
    (owned_youth,) = owned(coach, team)
    with pytest.raises(ValidationFailed) as past:
        contact_cover_start(actor=lead, youth=owned_youth, user=colleague,
                            until=TODAY - datetime.timedelta(days=1), reason="x")
    assert "cover_until" in past.value.field_errors


def test_expired_covers_end_daily_and_the_original_returns(lead, coach, colleague, team):
    youth = owned(coach, team, 2)
    contact_person_assign_bulk(actor=lead, youth=youth, user=colleague, reason="Verlof",
                               cover_until=TODAY)
    assert contact_covers_end_expired(today=TODAY) == 0  # "tot en met": today still covered
    call_command("end_expired_covers", today=TODAY + datetime.timedelta(days=1))
    assert all(active(y).user == coach and active(y).cover_for is None for y in youth)
    ended = Event.objects.filter(kind=YouthEventKind.CONTACT_COVER_ENDED)
    assert ended.count() == 2 and all(e.actor is None for e in ended)


def test_when_the_original_left_the_role_the_cover_stays_on(lead, coach, colleague, team):
    (youth,) = owned(coach, team)
    contact_cover_start(actor=lead, youth=youth, user=colleague, until=TODAY, reason="Verlof")
    coach.memberships.update(is_active=False)
    kept = contact_cover_end(actor=None, youth=youth, reason="Afgelopen")
    assert kept.user == colleague and kept.cover_for is None and kept.cover_until is None


# --- Pages --------------------------------------------------------------------------------------
@pytest.fixture
def lead_client(lead):
    client = Client()
    client.force_login(lead)
    return client


def test_assign_page_bulk_cover_shows_in_both_worklists(lead_client, coach, colleague, team):
    youth = owned(coach, team, 3)
    page = lead_client.get(f"/start/toewijzen/?contactpersoon={coach.pk}")
    assert page.status_code == 200
    until = TODAY + datetime.timedelta(days=14)
    response = lead_client.post(f"/start/toewijzen/?contactpersoon={coach.pk}", {
        "jongeren": [str(y.public_id) for y in youth], "collega": colleague.pk,
        "tot_en_met": until.isoformat(), "reden": "Twee weken verlof"})
    assert response.status_code == 302
    colleague_client = Client()
    colleague_client.force_login(colleague)
    worklist = colleague_client.get("/werkvoorraad/").content.decode()
    assert all(y.full_name in worklist for y in youth)
    coach_client = Client()
    coach_client.force_login(coach)
    home = coach_client.get("/").content.decode()
    assert "neemt voor u waar tot en met" in home and youth[0].full_name in home
    assert youth[0].full_name not in coach_client.get("/werkvoorraad/").content.decode()


def test_assign_page_shows_the_service_error_on_the_form(lead_client, coach, team, other_coach):
    youth = owned(coach, team, 1)
    response = lead_client.post("/start/toewijzen/", {
        "jongeren": [str(youth[0].public_id)], "collega": coach.pk, "reden": ""})
    assert response.status_code == 200
    assert active(youth[0]).user == coach


def test_assigning_youth_of_another_team_is_refused_and_audited(lead_client, lead, team,
                                                                other_team, other_coach,
                                                                colleague):
    theirs = owned(other_coach, other_team, 1)
    response = lead_client.post("/start/toewijzen/", {
        "jongeren": [str(theirs[0].public_id)], "collega": colleague.pk, "reden": "x"})
    assert response.status_code == 404
    assert AuditEntry.objects.filter(actor=lead, action=AuditAction.DENIED).exists()
    assert active(theirs[0]).user == other_coach


def test_a_coach_cannot_open_the_assign_page(coach_client):
    assert coach_client.get("/start/toewijzen/").status_code == 403


def test_cover_end_page(lead_client, coach, colleague, team, lead):
    (youth,) = owned(coach, team)
    contact_cover_start(actor=lead, youth=youth, user=colleague, until=TODAY, reason="Ziek")
    response = lead_client.post(f"/start/waarneming/{youth.public_id}/beeindigen/")
    assert response.status_code == 302
    assert active(youth).user == coach


def test_assigning_the_covering_colleague_for_good_ends_the_cover(lead, coach, colleague, team):
    (youth,) = owned(coach, team)
    contact_cover_start(actor=lead, youth=youth, user=colleague, until=TODAY, reason="Ziek")
    contact_person_assign_bulk(actor=lead, youth=[youth], user=colleague, reason="Blijft")
    now = active(youth)
    assert now.user == colleague and now.cover_for is None and now.cover_until is None
    assert contact_covers_end_expired(today=TODAY + datetime.timedelta(days=1)) == 0


def test_notices_are_marked_read_by_their_recipient_only(lead, coach, colleague, team):
    """"Gelezen" on the home page: the notice leaves the recipient's home page, with an audit
    row; another user's notice number changes nothing."""
    contact_person_assign_bulk(actor=lead, youth=owned(coach, team, 2), user=colleague,
                               reason="Herverdeling caseload")
    first, second = ContactNotice.objects.filter(recipient=coach).order_by("pk")
    client = Client()
    client.force_login(coach)
    assert client.get("/").content.decode().count(">Gelezen</button>") == 2

    intruder = Client()
    intruder.force_login(colleague)
    intruder.post("/start/meldingen/gelezen/", {"melding": [first.pk, second.pk]})
    assert ContactNotice.objects.filter(recipient=coach, read_at__isnull=True).count() == 2

    response = client.post("/start/meldingen/gelezen/", {"melding": [first.pk]}, follow=True)
    assert "1 melding gelezen." in response.content.decode()
    assert response.content.decode().count(">Gelezen</button>") == 1
    assert AuditEntry.objects.filter(actor=coach, object_type="contact_notice",
                                     object_id=str(first.pk)).count() == 1
    client.post("/start/meldingen/gelezen/")  # "Alle meldingen gelezen"
    assert not ContactNotice.objects.filter(recipient=coach, read_at__isnull=True).exists()
    assert "Meldingen over uw jongeren" not in client.get("/").content.decode()
