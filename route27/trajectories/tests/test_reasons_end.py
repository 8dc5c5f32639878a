"""Issue 9 §9: every reason ends when its cause ends. Closing a trajectory ends its contact
assignment, so a former coach (of another team) no longer has the contact-person reason."""

import pytest
from django.utils import timezone

from route27.casefile.models import Event
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories import services
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.events import YouthEventKind
from route27.youth.selectors import youth_visible_to
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


def test_closing_a_trajectory_ends_the_contact_person(team, coach):
    outside = member(Role.DOORSTROOMCOACH)  # contact person from another team
    trajectory = TrajectoryFactory(in_support=True, actor=coach, team=team,
                                   youth=YouthFactory(team=team))
    contact_person_assign(actor=outside, youth=trajectory.youth, user=outside,
                          role=Role.DOORSTROOMCOACH, reason="Overgenomen (test)")
    assert youth_visible_to(outside).filter(pk=trajectory.youth_id).exists()

    services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="verhuisd",
                                on=timezone.localdate())

    assignment = trajectory.youth.contact_assignments.get(user=outside)
    assert assignment.ended_at is not None
    assert not youth_visible_to(outside).filter(pk=trajectory.youth_id).exists()
    ended = Event.objects.get(youth=trajectory.youth, kind=YouthEventKind.CONTACT_PERSON_ENDED)
    assert ended.trajectory == trajectory and ended.from_state == Role.DOORSTROOMCOACH


def test_aftercare_keeps_the_contact_person_until_the_last_follow_up(team, coach):
    trajectory = TrajectoryFactory(in_aftercare=True, actor=coach, team=team,
                                   youth=YouthFactory(team=team))
    contact_person_assign(actor=coach, youth=trajectory.youth, user=coach,
                          role=Role.DOORSTROOMCOACH)
    assert trajectory.youth.contact_assignments.get().ended_at is None
    for follow_up in trajectory.follow_ups.order_by("due_on"):
        services.follow_up_record(actor=coach, follow_up=follow_up, outcome="on_track",
                                  on=timezone.localdate())
    trajectory.refresh_from_db()
    assert trajectory.closed_on is not None
    assert trajectory.youth.contact_assignments.get().ended_at is not None
