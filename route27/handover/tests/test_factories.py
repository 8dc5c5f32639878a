"""Each trait of HandoverFactory and SupportRequestFactory yields the state it names, through
the services (document, consent ledger, events)."""

import pytest

from route27.handover.models import ConsentGiver, Notification, SupportRequest
from route27.handover.selectors import visible_blocks
from route27.handover.tests.factories import (
    RETURN_REASON,
    SCHOOL_PART,
    YOUTH_PART,
    HandoverFactory,
    SupportRequestFactory,
)
from route27.handover.workflow import HandoverStatus
from route27.organisations.roles import OrganisationType, Role
from route27.trajectories.models import Trajectory
from route27.trajectories.workflow import Step

pytestmark = pytest.mark.django_db


def status_events(handover):
    """The status changes in the youth's ledger, in the order they were written."""
    return [e for e in handover.youth.events.order_by("pk")
            if e.kind == "handover_changed" and e.to_state]


def statuses(handover) -> list[str]:
    return [e.to_state for e in status_events(handover)]


def test_the_plain_factory_is_a_draft_with_an_empty_document():
    handover = HandoverFactory()
    assert handover.status == HandoverStatus.CONCEPT
    assert handover.sender.type == OrganisationType.SCHOOL_MBO
    assert handover.receiver.type == OrganisationType.GEMEENTE
    assert handover.youth.team is None
    assert handover.document.blocks and handover.document.content == {}
    assert handover.created_by.memberships.get().role == Role.SCHOOL_CONTACT
    assert statuses(handover) == ["concept"]


def test_filled_writes_both_parts():
    handover = HandoverFactory(filled=True)
    assert handover.document.content == {**YOUTH_PART, **SCHOOL_PART}
    assert not handover.document.consents.exists()


def test_consented_covers_every_filled_block_but_health_by_a_parent_of_a_minor():
    handover = HandoverFactory(consented=True)
    consents = handover.document.consents.all()
    assert sorted(c.block_key for c in consents) == ["opleiding", "wie_ben_ik"]
    assert {c.given_by for c in consents} == {ConsentGiver.PARENT}
    assert {c.receiver for c in consents} == {handover.receiver}
    adult = HandoverFactory(consented=True, youth__adult=True, consent_blocks=["wie_ben_ik"])
    assert [(c.block_key, c.given_by) for c in adult.document.consents.all()] == [
        ("wie_ben_ik", ConsentGiver.YOUTH)]


@pytest.mark.parametrize("trait, status, path", [
    ("sent", HandoverStatus.SENT, ["concept", "sent"]),
    ("received", HandoverStatus.RECEIVED, ["concept", "sent", "received"]),
    ("accepted", HandoverStatus.ACCEPTED, ["concept", "sent", "received", "accepted"]),
    ("returned", HandoverStatus.RETURNED, ["concept", "sent", "returned"]),
    ("withdrawn", HandoverStatus.WITHDRAWN, ["concept", "sent", "withdrawn"]),
])
def test_each_status_trait_walks_the_lifecycle(trait, status, path):
    handover = HandoverFactory(**{trait: True})
    assert handover.status == status
    assert statuses(handover) == path
    assert handover.sent_at is not None
    assert visible_blocks(document=handover.document, receiver_id=handover.receiver_id) == [
        "wie_ben_ik", "opleiding"]
    assert Notification.objects.filter(handover=handover,
                                       organisation=handover.receiver).exists()


def test_accepted_gives_the_gemeente_a_trajectory_with_a_route_proposal():
    handover = HandoverFactory(accepted=True)
    trajectory = Trajectory.objects.get(youth=handover.youth)
    assert handover.trajectory == trajectory and trajectory.step == Step.SIGNAL
    assert trajectory.team.organisation == handover.receiver
    assert handover.youth.team == trajectory.team
    assert trajectory.route_decisions.get().proposed_route == "learn_work"


def test_returned_records_the_reason_and_one_part_can_be_given_alone():
    assert HandoverFactory(returned=True).return_reason == RETURN_REASON
    draft = HandoverFactory(school_part={"opleiding": {"opleiding": "Bouw"}})
    assert draft.document.content == {"opleiding": {"opleiding": "Bouw"}}


def test_the_given_actors_do_the_work(school, coach, gemeente):
    sender = school.primary_membership.team.organisation
    handover = HandoverFactory(received=True, sender=sender, receiver=gemeente.organisation,
                               actor=school, receiver_actor=coach)
    actors = [e.actor for e in status_events(handover)]
    assert actors == [school, school, coach]


def test_a_support_request_is_sent_and_accepted_or_declined():
    sent = SupportRequestFactory()
    assert sent.status == SupportRequest.Status.SENT and sent.trajectory is None
    assert Notification.objects.filter(support_request=sent,
                                       organisation=sent.receiver).exists()
    accepted = SupportRequestFactory(accepted=True)
    assert accepted.status == SupportRequest.Status.ACCEPTED
    proposal = accepted.trajectory.route_decisions.get().proposal
    assert (proposal["route"], proposal["legal_basis"]) == ("support_during_school", "7a-1b")
    declined = SupportRequestFactory(declined=True)
    assert declined.status == SupportRequest.Status.DECLINED and declined.decline_reason
    assert declined.trajectory is None
