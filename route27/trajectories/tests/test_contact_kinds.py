"""Contact kinds a coach uses (issue 11 §3): recorded in two clicks from the worklist and the
file header; WhatsApp stores no content; a no-show is an attempt, not a contact."""

import re

import pytest
from django.utils import timezone

from route27.casefile.models import Event
from route27.organisations.roles import Role
from route27.trajectories import services
from route27.trajectories.models import Activity
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def _own(coach, team, **kwargs):
    youth = YouthFactory(team=team)
    ContactAssignmentFactory(youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
    return TrajectoryFactory(youth=youth, team=team, **kwargs)


def test_the_new_kinds_exist_with_dutch_labels():
    for code in ("telefoon", "whatsapp", "huisbezoek", "gesprek_op_locatie", "video", "email",
                 "no_show", "coaching", "training"):
        assert code in Activity.Kind.values
    assert "inhoud" in str(Activity._meta.get_field("description").help_text)


def test_no_show_is_an_attempt_and_does_not_move_last_contact(coach, team):
    trajectory = _own(coach, team)
    services.activity_record(actor=coach, trajectory=trajectory, kind="no_show",
                             on=timezone.localdate())
    trajectory.refresh_from_db()
    assert trajectory.last_contact_on is None
    event = Event.objects.get(kind="activity_recorded", trajectory=trajectory)
    assert event.data == {"kind": "no_show", "contact_attempt": True}
    services.activity_record(actor=coach, trajectory=trajectory, kind="telefoon",
                             on=timezone.localdate())
    trajectory.refresh_from_db()
    assert trajectory.last_contact_on == timezone.localdate()


def _menu_action(page: str, trajectory) -> str:
    action = f"/trajecten/{trajectory.public_id}/contact/"
    assert f'action="{action}"' in page
    assert re.search(r'<button[^>]*name="kind" value="telefoon"', page)
    return action


def test_phone_contact_in_two_clicks_from_the_worklist(coach_client, coach, team):
    trajectory = _own(coach, team)
    page = coach_client.get("/werkvoorraad/").content.decode()
    action = _menu_action(page, trajectory)  # click 1 opens the menu (<details>)
    response = coach_client.post(action, {"kind": "telefoon", "next": "/werkvoorraad/"})
    assert response.status_code == 302 and response["Location"] == "/werkvoorraad/"
    activity = Activity.objects.get(trajectory=trajectory)
    assert (activity.kind, activity.on, activity.description) == (
        "telefoon", timezone.localdate(), "")


def test_contact_from_the_file_header(coach_client, coach, team):
    trajectory = _own(coach, team)
    page = coach_client.get(f"/jongeren/{trajectory.youth.public_id}/").content.decode()
    action = _menu_action(page, trajectory)
    response = coach_client.post(action, {"kind": "whatsapp",
                                          "next": "https://elders.example/"})
    assert response["Location"] == f"/jongeren/{trajectory.youth.public_id}/#activiteiten"
    assert Activity.objects.get(trajectory=trajectory).kind == "whatsapp"


def test_unknown_kind_and_closed_file_record_nothing(coach_client, coach, team):
    trajectory = _own(coach, team)
    coach_client.post(f"/trajecten/{trajectory.public_id}/contact/", {"kind": "training"})
    closed = _own(coach, team, closed=True)
    coach_client.post(f"/trajecten/{closed.public_id}/contact/", {"kind": "telefoon"})
    assert not Activity.objects.exists()
