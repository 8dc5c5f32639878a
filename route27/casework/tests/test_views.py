"""The collaboration pages and the task list, through the client."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from route27.casework import services
from route27.casework.models import CaseMeeting, MeetingAction, Regie, RegieStatus
from route27.casework.tests.factories import chain, meeting, on_agenda
from route27.core.jobs.testing import run_enqueued_tasks
from route27.home.digest import digest_message, digests_enqueue

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_social_team_takes_regie_from_its_list_and_then_sees_the_file(client):
    c = chain()
    regie = services.regie_request(actor=c.coach, trajectory=c.trajectory)
    _client(client, c.social)
    assert client.get(reverse("youth:detail", args=[c.youth.public_id])).status_code == 404
    page = client.get(reverse("casework:regie")).content.decode()
    assert "Zeldzaamnaam" in page
    response = client.post(reverse("casework:regie_detail", args=[regie.public_id]),
                           {"action": "take"})
    assert response.status_code == 302
    assert Regie.objects.get(pk=regie.pk).status == RegieStatus.TAKEN
    assert client.get(reverse("youth:detail", args=[c.youth.public_id])).status_code == 200
    block = client.get(reverse("youth:file_block", args=[c.youth.public_id, "collaboration"]))
    assert "Sanne Sociaal" in block.content.decode()


def test_hand_back_without_reason_shows_a_dutch_message(client):
    c = chain()
    regie = services.regie_request(actor=c.coach, trajectory=c.trajectory)
    services.regie_take(actor=c.social, regie=regie)
    _client(client, c.social)
    response = client.post(reverse("casework:regie_detail", args=[regie.public_id]),
                           {"action": "hand_back", "reason": ""})
    assert response.status_code == 200
    assert "Vul de toelichting in." in response.content.decode()
    assert Regie.objects.get(pk=regie.pk).status == RegieStatus.TAKEN


def test_coach_asks_regie_from_the_file_block(client):
    c = chain()
    _client(client, c.coach)
    block = client.get(reverse("youth:file_block", args=[c.youth.public_id, "collaboration"]))
    assert reverse("casework:regie_request", args=[c.trajectory.public_id]) in \
        block.content.decode()
    client.post(reverse("casework:regie_request", args=[c.trajectory.public_id]))
    assert Regie.objects.filter(youth=c.youth, status=RegieStatus.REQUESTED).exists()


def test_register_by_bsn_answers_the_same_for_known_and_unknown(client):
    c = chain()
    _client(client, c.school_contact)
    base = {"given_names": "Noor", "family_name": "Zeldzaamnaam", "role": "Mentor",
            "reach": "020-1", "municipality": c.municipality.code,
            "birth_date": f"{c.youth.birth_day:02d}-{c.youth.birth_month:02d}-"
                          f"{c.youth.birth_year}"}
    known = client.post(reverse("casework:involvement_register"), {**base, "bsn": c.youth.bsn},
                        follow=True)
    unknown = client.post(reverse("casework:involvement_register"),
                          {**base, "bsn": "111222333", "family_name": "Onbekend"}, follow=True)
    message = "Uw betrokkenheid is gemeld."
    assert message in known.content.decode() and message in unknown.content.decode()
    bad = client.post(reverse("casework:involvement_register"), {**base, "bsn": "123"})
    assert bad.status_code == 200 and "BSN" in bad.content.decode()


def test_plan_a_meeting_put_a_youth_on_it_and_record_minutes(client):
    c = chain()
    _client(client, c.coach)
    day = timezone.localdate() + datetime.timedelta(days=2)
    response = client.post(reverse("casework:meeting_plan"), {
        "title": "Casusoverleg Aalsmeer", "day": day.isoformat(), "time": "10:00",
        "participants": [c.social.pk], "recurrence": "", "occurrences": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    m = CaseMeeting.objects.get()
    assert set(m.participants.all()) == {c.coach, c.social}
    response = client.post(reverse("casework:agenda_add", args=[c.youth.public_id]), {
        "meeting": str(m.public_id), "question": "Schulden en school", "ground":
        "mirror_provisions"})
    assert response.status_code == 302
    CaseMeeting.objects.filter(pk=m.pk).update(starts_at=timezone.now() - datetime.timedelta(
        hours=1))
    item = m.items.get()
    response = client.post(reverse("casework:minutes", args=[item.public_id]), {
        "minutes": "Besproken", "decisions": "Regie naar sociaal team",
        "actions-TOTAL_FORMS": "3", "actions-INITIAL_FORMS": "0",
        "actions-0-description": "Regie nemen", "actions-0-owner": str(c.social.pk),
        "actions-0-due_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat()})
    assert response.status_code == 302, response.content.decode()[:3000]
    _client(client, c.social)
    tasks = client.get(reverse("home:tasks")).content.decode()
    assert "Regie nemen" in tasks and "Noor" in tasks and "Zeldzaamnaam" not in tasks


def test_participants_see_the_item_outsiders_do_not(client):
    c = chain()
    m = meeting(c, participants=[c.school_contact])
    on_agenda(c, m)
    _client(client, c.school_contact)
    assert "Zeldzaamnaam" in client.get(reverse("casework:meeting",
                                                args=[m.public_id])).content.decode()
    outsider = chain(n=1).coach
    _client(client, outsider)
    assert client.get(reverse("casework:meeting", args=[m.public_id])).status_code == 404


def test_the_digest_has_counts_and_a_link_but_no_bsn_and_no_surname(settings):
    c = chain()
    m = meeting(c, participants=[c.social])
    item = on_agenda(c, m)
    MeetingAction.objects.create(item=item, description="Bel de moeder van Noor", owner=c.coach,
                                 due_on=timezone.localdate() - datetime.timedelta(days=1))
    subject, body = digest_message(c.coach, timezone.localdate())
    for text in (subject, body):
        assert c.youth.bsn not in text
        assert c.youth.family_name not in text and "Noor" not in text
    assert "te laat" in subject and "/start/taken/" in body
    assert digests_enqueue() >= 1
    run_enqueued_tasks()
    sent = [m for m in mail.outbox if m.to == [c.coach.email]]
    assert sent and c.youth.family_name not in sent[0].body and c.youth.bsn not in sent[0].body
