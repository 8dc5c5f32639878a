"""Issue 9 §1: a handover opens only its scope. Before acceptance the receiver sees the consented
blocks of that overgangsdocument on the handover page, never the youth's file; after acceptance
the receiving team holds the trajectory and the team reason applies (ACCESS.md)."""

import pytest
from django.test import Client

from route27.audit.models import AuditAction, AuditEntry
from route27.handover.tests.factories import HandoverFactory, caseworker
from route27.handover.workflow import HandoverStatus
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import OrganisationFactory, member
from route27.youth.selectors import youth_visible_to
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _file_answers(user, youth) -> list[int]:
    client = _client(user)
    return [client.get(url).status_code for url in
            (f"/jongeren/{youth.public_id}/", f"/api/v1/jongeren/{youth.public_id}")]


@pytest.fixture
def receiving_coach(gemeente):
    return member(Role.DOORSTROOMCOACH, team=gemeente)


def test_before_acceptance_the_receiver_sees_the_handover_but_not_the_file(gemeente, aalsmeer,
                                                                          receiving_coach):
    handover = HandoverFactory(received=True, receiver=gemeente.organisation,
                               youth=YouthFactory(team=None, municipality=aalsmeer, minor=True))
    coach = receiving_coach
    assert _client(coach).get(f"/overdracht/{handover.public_id}/").status_code == 200
    assert _file_answers(coach, handover.youth) == [404, 404]
    assert not youth_visible_to(coach).filter(pk=handover.youth_id).exists()
    assert AuditEntry.objects.filter(actor=coach, action=AuditAction.DENIED,
                                     object_id=str(handover.youth.public_id)).count() == 2


def test_an_empty_doorstroompunt_handover_opens_nothing(aalsmeer):
    dsp = OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT, municipality=aalsmeer)
    handover = HandoverFactory(kind="mbo_dsp", receiver=dsp, walk_to=HandoverStatus.SENT,
                               youth=YouthFactory(team=None, municipality=aalsmeer, minor=True))
    assert handover.status == HandoverStatus.SENT
    coach = caseworker(dsp, aalsmeer)
    assert _file_answers(coach, handover.youth) == [404, 404]


def test_after_acceptance_the_receiving_team_has_the_file(gemeente, aalsmeer, receiving_coach):
    handover = HandoverFactory(accepted=True, receiver=gemeente.organisation,
                               youth=YouthFactory(team=None, municipality=aalsmeer, minor=True))
    coach = receiving_coach
    assert handover.trajectory.team.organisation == gemeente.organisation
    assert _file_answers(coach, handover.youth) == [200, 200]


# --- Receivers are checked, not chosen freely (ACCESS.md) ----------------------------------------
def _utrecht_youth():
    from route27.organisations.tests.factories import UTRECHT, real_municipality

    return YouthFactory(team=None, municipality=real_municipality(UTRECHT), minor=True)


def test_a_gemeente_that_does_not_serve_the_youth_cannot_receive(school, gemeente):
    from route27.core.errors import ValidationFailed
    from route27.handover import services

    with pytest.raises(ValidationFailed) as refused:
        services.handover_create(actor=school, kind="mbo_gemeente", youth=_utrecht_youth(),
                                 sender=school.primary_membership.team.organisation,
                                 receiver=gemeente.organisation)
    assert "woongemeente" in refused.value.field_errors["receiver"][0]


def test_a_doorstroompunt_of_another_region_cannot_receive(school, aalsmeer):
    from route27.core.errors import ValidationFailed
    from route27.handover import services
    from route27.organisations.tests.factories import TeamFactory

    dsp = OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT, municipality=aalsmeer)
    TeamFactory(organisation=dsp, serves=[aalsmeer])
    with pytest.raises(ValidationFailed) as refused:
        services.handover_create(actor=school, kind="mbo_dsp", youth=_utrecht_youth(),
                                 sender=school.primary_membership.team.organisation, receiver=dsp)
    assert "regio" in refused.value.field_errors["receiver"][0]


def test_a_support_request_goes_only_to_the_gemeente_of_the_youth(school, gemeente):
    from route27.core.errors import ValidationFailed
    from route27.handover.support import services as support_services

    with pytest.raises(ValidationFailed) as refused:
        support_services.support_request_create(
            actor=school, school=school.primary_membership.team.organisation,
            receiver=gemeente.organisation, youth=_utrecht_youth(), reason="Verzuim (test)")
    assert "woongemeente" in refused.value.field_errors["receiver"][0]


# --- Accepting never writes into another team's file ---------------------------------------------
def test_accepting_does_not_write_into_another_organisations_trajectory(gemeente, aalsmeer,
                                                                        receiving_coach):
    from route27.core.errors import TransitionRefused
    from route27.handover import services
    from route27.organisations.tests.factories import TeamFactory
    from route27.trajectories.tests.factories import TrajectoryFactory

    elsewhere = TeamFactory(serves=[aalsmeer])  # another organisation serving Aalsmeer too
    running = TrajectoryFactory(team=elsewhere, youth=YouthFactory(
        team=elsewhere, municipality=aalsmeer, minor=True))
    handover = HandoverFactory(received=True, receiver=gemeente.organisation, youth=running.youth,
                               receiver_actor=receiving_coach)
    with pytest.raises(TransitionRefused, match="ander team"):
        services.handover_accept(actor=receiving_coach, handover=handover)
    assert not running.route_decisions.exists()
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.RECEIVED
