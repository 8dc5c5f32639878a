"""Each trait of TrajectoryFactory yields the step it names, with the ledger the services write."""

from collections import Counter

import pytest
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.organisations.roles import Role
from route27.trajectories.tests.factories import OVERRIDE_REASON, TrajectoryFactory
from route27.trajectories.workflow import Step

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def ledger(trajectory) -> list[tuple[str, str, str]]:
    """(kind, from, to) of the trajectory's events in the order they were written."""
    return [(e.kind, e.from_state, e.to_state) for e in trajectory.events.order_by("pk")]


def moves(trajectory) -> list[tuple[str, str]]:
    return [(source, target) for kind, source, target in ledger(trajectory)
            if kind == "step_changed"]


PATH = [("signal", "intake"), ("intake", "route"), ("route", "activation"),
        ("activation", "support"), ("support", "match"), ("match", "aftercare"),
        ("aftercare", "closed")]


@pytest.mark.parametrize("trait, step, steps_taken", [
    (None, Step.SIGNAL, 0),
    ("intake", Step.INTAKE, 1),
    ("route_decided", Step.ROUTE, 2),
    ("activated", Step.ACTIVATION, 3),
    ("in_support", Step.SUPPORT, 4),
    ("matched", Step.MATCH, 5),
    ("in_aftercare", Step.AFTERCARE, 6),
    ("closed", Step.CLOSED, 7),
])
def test_each_trait_walks_the_path_to_its_step(trait, step, steps_taken):
    trajectory = TrajectoryFactory(**({trait: True} if trait else {}))
    assert trajectory.step == step
    assert ledger(trajectory)[0] == ("trajectory_started", "", "signal")
    assert moves(trajectory) == PATH[:steps_taken]
    assert trajectory.is_open == (step != Step.CLOSED)


def test_the_plain_factory_is_a_started_trajectory_and_nothing_more():
    trajectory = TrajectoryFactory(entrance="uwv")
    assert ledger(trajectory) == [("trajectory_started", "", "signal")]
    assert trajectory.entrance == trajectory.events.get().data["entrance"] == "uwv"
    assert AuditEntry.objects.filter(action=AuditAction.CREATE,
                                     object_type="trajectory").count() == 1
    assert not trajectory.intakes.exists() and not trajectory.route_decisions.exists()
    assert (trajectory.team, trajectory.started_on) == (trajectory.youth.team, TODAY)


def test_the_whole_path_leaves_what_each_service_leaves():
    trajectory = TrajectoryFactory(closed=True)
    kinds = Counter(kind for kind, _, _ in ledger(trajectory))
    assert kinds == {"trajectory_started": 1, "intake_recorded": 1, "route_proposed": 1,
                     "route_decided": 1, "plan_changed": 2, "placement_recorded": 1,
                     "outflow": 1, "follow_up_recorded": 4, "step_changed": 7}
    assert trajectory.intakes.get().intensity == trajectory.intensity == "licht"
    decision = trajectory.route_decisions.get()
    assert decision.decided_at is not None and trajectory.route == decision.proposed_route
    assert trajectory.goals.get().actions.count() == 1
    assert trajectory.placements.get().kind == "work"
    assert (trajectory.outflow_reason, trajectory.outflow_on) == ("duurzaam_werk", TODAY)
    assert [f.outcome for f in trajectory.follow_ups.all()] == ["on_track"] * 4
    assert trajectory.closed_on == TODAY


def test_the_work_is_done_by_one_coach_of_the_team_or_the_given_actor(coach, team):
    walked = TrajectoryFactory(intake=True)
    actors = {e.actor for e in walked.events.all()}
    [actor] = actors
    assert actor.memberships.get().team == walked.team
    assert actor.memberships.get().role == Role.DOORSTROOMCOACH
    mine = TrajectoryFactory(youth__team=team, intake=True, actor=coach)
    assert {e.actor for e in mine.events.all()} == {coach}


def test_in_aftercare_has_open_follow_ups_and_an_outflow_without_a_place_closes():
    aftercare = TrajectoryFactory(in_aftercare=True)
    assert [f.months_after_outflow for f in aftercare.follow_ups.filter(done_on__isnull=True)] \
        == [1, 3, 6, 12]
    closed = TrajectoryFactory(closed=True, outflow_reason="niet_bereikbaar")
    assert closed.step == Step.CLOSED and not closed.follow_ups.exists()
    assert moves(closed)[-1] == ("match", "closed")


def test_intensity_and_route_are_recorded_by_the_services():
    proposed = TrajectoryFactory(route_decided=True).route_decisions.get()
    assert (proposed.route, proposed.is_override) == ("learn_work", False)
    trajectory = TrajectoryFactory(route_decided=True, intensity="intensief", route="work")
    assert trajectory.intakes.get().intensity == "intensief"
    decision = trajectory.route_decisions.get()
    assert decision.route == trajectory.route == "work"
    assert decision.is_override and decision.override_reason == OVERRIDE_REASON


def test_other_fields_are_raw_column_state_without_events():
    trajectory = TrajectoryFactory(step=Step.SUPPORT, intensity="middelzwaar",
                                   last_contact_on=TODAY)
    assert (trajectory.step, trajectory.intensity, trajectory.last_contact_on) == (
        Step.SUPPORT, "middelzwaar", TODAY)
    assert moves(trajectory) == [] and not trajectory.intakes.exists()
