"""Access by construction: a user sees a youth only with a reason, and every read is logged."""

import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.organisations.roles import Role
from route27.organisations.tests.factories import UserFactory, member
from route27.youth.access import AccessReason, reasons_for
from route27.youth.selectors import youth_visible_to
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def test_coach_sees_own_team_only(coach, team, other_team):
    own = YouthFactory(team=team)
    YouthFactory(team=other_team)
    assert list(youth_visible_to(coach)) == [own]
    assert reasons_for(coach, own) == [AccessReason.TEAM]


def test_contact_person_sees_youth_of_another_team(coach, other_team):
    youth = YouthFactory(team=other_team)
    ContactAssignmentFactory(youth=youth, user=coach)
    assert list(youth_visible_to(coach)) == [youth]
    assert reasons_for(coach, youth) == [AccessReason.CONTACT_PERSON]


def test_ended_contact_assignment_gives_no_access(coach, other_team):
    from django.utils import timezone

    youth = YouthFactory(team=other_team)
    ContactAssignmentFactory(youth=youth, user=coach, ended_at=timezone.now())
    assert not youth_visible_to(coach).exists()


def test_user_without_team_sees_nothing(client, team):
    YouthFactory(team=team)
    lonely = UserFactory()
    assert not youth_visible_to(lonely).exists()
    client.force_login(lonely)
    assert client.get("/jongeren/").status_code == 403


@pytest.mark.parametrize("role", [Role.BELEIDSADVISEUR, Role.REGIONAL_COORDINATOR,
                                  Role.FUNCTIONEEL_BEHEERDER, Role.SCHOOL_CONTACT])
def test_non_casework_roles_see_no_files_of_their_team(role, team):
    YouthFactory(team=team)
    assert not youth_visible_to(member(role, team=team)).exists()


def test_superuser_has_no_case_access_by_default(team):
    YouthFactory(team=team)
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert not youth_visible_to(admin).exists()


def test_detail_of_other_team_is_404_and_audited_as_denied(client, other_coach, team):
    youth = YouthFactory(team=team)
    client.force_login(other_coach)
    response = client.get(f"/jongeren/{youth.public_id}/")
    assert response.status_code == 404
    denied = AuditEntry.objects.get(action=AuditAction.DENIED)
    assert denied.actor == other_coach
    assert denied.object_id == str(youth.public_id)
    assert denied.object_type == "youth"
    assert youth.full_name.encode() not in response.content


def test_every_detail_view_adds_a_read_entry(coach_client, coach, team):
    youth = YouthFactory(team=team)
    for expected in (1, 2, 3):
        assert coach_client.get(f"/jongeren/{youth.public_id}/").status_code == 200
        reads = AuditEntry.objects.filter(action=AuditAction.READ, object_id=str(youth.public_id))
        assert reads.count() == expected
    entry = reads.first()
    assert (entry.actor, entry.role, entry.purpose) == (coach, Role.DOORSTROOMCOACH, "casework")
    assert entry.organisation == team.organisation.name
    assert len(entry.request_id) >= 8


def test_list_logs_a_read_per_youth_shown(coach_client, team):
    shown = YouthFactory.create_batch(3, team=team)
    assert coach_client.get("/jongeren/").status_code == 200
    logged = set(AuditEntry.objects.filter(action=AuditAction.READ).values_list("object_id",
                                                                              flat=True))
    assert logged == {str(y.public_id) for y in shown}


def test_anonymous_is_sent_to_login(client, team):
    youth = YouthFactory(team=team)
    response = client.get(f"/jongeren/{youth.public_id}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_denied_view_permission_is_audited(client, team):
    adviser = member(Role.BELEIDSADVISEUR, team=team)
    client.force_login(adviser)
    assert client.get("/jongeren/").status_code == 403
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor=adviser).exists()
