"""Team casework is read-only after closure (ACCESS.md: the team reason "ends: trajectory closed
and aftercare done; then read-only for the retention term").

The team still reads the file (and each read is logged), but writes by the team are refused, in
Dutch and audited as denied, once the youth has no open trajectory held by the team: edits of the
youth, goals, actions, activities, and the API alike. A new trajectory (a return, No Wrong Door)
can be started by the team, after which the file is theirs to write again. The rule is one
place: ``youth.rules.read_only_reason`` and ``trajectories.rules.read_only_reason``.
"""

import pytest
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.organisations.roles import Role
from route27.organisations.tests.factories import TeamFactory, member
from route27.trajectories import services
from route27.trajectories.models import Goal, Trajectory
from route27.trajectories.rules import read_only_reason
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
READ_ONLY = "Dit traject is afgesloten; het dossier is alleen nog in te zien."


@pytest.fixture
def closed(team, coach):
    return TrajectoryFactory(youth=YouthFactory(team=team), team=team, actor=coach, closed=True)


@pytest.fixture
def colleague(team):
    """A caseworker of the same team who was never the youth's contact person."""
    return member(Role.JONGERENCOACH_WERK, team=team)


def _denied(user) -> int:
    return AuditEntry.objects.filter(action=AuditAction.DENIED, actor=user).count()


def test_the_rule(closed, coach, colleague, team):
    assert read_only_reason(coach, closed) == READ_ONLY
    assert read_only_reason(colleague, closed.youth) == READ_ONLY
    goal = Goal.objects.filter(trajectory=closed).first()
    assert read_only_reason(coach, goal) == READ_ONLY
    open_one = TrajectoryFactory(youth=YouthFactory(team=team), team=team, actor=coach)
    assert read_only_reason(colleague, open_one) == ""
    assert read_only_reason(colleague, open_one.youth) == ""
    assert colleague.has_perm("trajectories.change_trajectory")  # the role, without an object
    assert not colleague.has_perm("trajectories.change_trajectory", closed)
    assert not colleague.has_perm("youth.change_youth", closed.youth)
    assert colleague.has_perm("youth.change_youth", open_one.youth)


def test_a_youth_whose_open_trajectory_another_team_holds_is_read_only(coach, team):
    youth = YouthFactory(team=team)
    TrajectoryFactory(youth=youth, team=TeamFactory(), actor=coach)
    assert "ander team" in read_only_reason(coach, youth)


def test_the_team_still_reads_the_file_and_the_read_is_logged(client, closed, colleague):
    client.force_login(colleague)
    response = client.get(f"/jongeren/{closed.youth.public_id}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert READ_ONLY in content
    for hidden in ("Gegevens wijzigen", "Doel toevoegen", "Activiteit vastleggen",
                   "Stap wijzigen", "Contactpersoon toewijzen"):
        assert hidden not in content, hidden
    assert "Nieuw traject starten" in content
    assert AuditEntry.objects.filter(action=AuditAction.READ, actor=colleague,
                                     subject=closed.youth).exists()


@pytest.mark.parametrize("path, data", [
    ("doelen/nieuw/", {"description": "Nieuw doel (test)"}),
    ("activiteiten/nieuw/", {"kind": "coaching", "on": "01-01-2025"}),
    ("stap/", {"to": "intake", "reason": "Opnieuw (test)"}),
    ("contactpersoon/", {}),
    ("intake/", {}),
])
def test_a_write_page_on_a_closed_trajectory_is_refused(client, closed, colleague, path, data):
    client.force_login(colleague)
    url = f"/trajecten/{closed.public_id}/{path}"
    for method in ("get", "post"):
        events, denied = Event.objects.count(), _denied(colleague)
        response = getattr(client, method)(url, data, follow=True)
        assert response.redirect_chain[0][0] == f"/jongeren/{closed.youth.public_id}/"
        assert READ_ONLY in [str(m) for m in response.context["messages"]]
        assert Event.objects.count() == events
        assert _denied(colleague) == denied + 1


def test_editing_the_youth_is_refused(client, closed, colleague):
    client.force_login(colleague)
    youth = closed.youth
    response = client.post(f"/jongeren/{youth.public_id}/wijzigen/",
                           {"family_name": "Anders"}, follow=True)
    assert READ_ONLY in [str(m) for m in response.context["messages"]]
    youth.refresh_from_db()
    assert youth.family_name != "Anders"
    assert _denied(colleague) == 1


def test_the_api_refuses_writes_with_the_reason(client, closed, colleague):
    client.force_login(colleague)
    response = client.post(f"/api/v1/trajecten/{closed.public_id}/doelen",
                           {"omschrijving": "Doel (test)"}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == READ_ONLY
    response = client.put(f"/api/v1/jongeren/{closed.youth.public_id}", {},
                          content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"] == READ_ONLY
    assert client.get(f"/api/v1/trajecten/{closed.public_id}").status_code == 200
    assert _denied(colleague) == 2


def test_the_team_can_start_a_new_trajectory_and_write_again(client, closed, colleague):
    """A return (No Wrong Door): the team serving the youth starts again, and the file is
    theirs to write while the new trajectory is open."""
    client.force_login(colleague)
    youth = closed.youth
    response = client.post(f"/trajecten/starten/{youth.public_id}/", {"requested_by": ""})
    assert response.status_code == 302
    new = Trajectory.objects.get(youth=youth, closed_on__isnull=True)
    assert read_only_reason(colleague, new) == ""
    response = client.post(f"/trajecten/{new.public_id}/doelen/nieuw/",
                           {"description": "Weer aan het werk (test)"})
    assert response.status_code == 302
    assert new.goals.filter(description="Weer aan het werk (test)").exists()
    assert read_only_reason(colleague, closed) == READ_ONLY  # the old one stays closed


def test_the_contact_person_writes_until_closure(coach, team):
    trajectory = TrajectoryFactory(youth=YouthFactory(team=team), team=TeamFactory(),
                                   actor=coach, in_aftercare=True)
    contact_person_assign(actor=coach, youth=trajectory.youth, user=coach,
                          role=Role.DOORSTROOMCOACH)
    assert read_only_reason(coach, trajectory) == ""  # contact person of another team's file
    for follow_up in trajectory.follow_ups.order_by("due_on"):
        services.follow_up_record(actor=coach, follow_up=follow_up, outcome="on_track",
                                  on=timezone.localdate())
    trajectory.refresh_from_db()
    assert read_only_reason(coach, trajectory) == READ_ONLY
