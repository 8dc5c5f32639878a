import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from route27 import law
from route27.audit.models import AuditEntry
from route27.casefile.models import Event
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.core.partial_date import PartialDate
from route27.trajectories import services
from route27.trajectories.events import TrajectoryEventKind
from route27.trajectories.models import Trajectory
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.workflow import Step
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def events(trajectory, kind):
    return Event.objects.filter(trajectory=trajectory, kind=kind)


def test_start_refuses_a_second_open_trajectory(coach, team):
    youth = YouthFactory(team=team)
    trajectory = services.trajectory_start(actor=coach, youth=youth, entrance="self")
    assert trajectory.step == Step.SIGNAL
    started = events(trajectory, TrajectoryEventKind.TRAJECTORY_STARTED).get()
    assert started.data["returning"] is False and trajectory.entrance == "self"
    with pytest.raises(ValidationFailed, match="al een traject"):
        services.trajectory_start(actor=coach, youth=youth, entrance="staff")


def test_refused_move_names_the_rule_and_writes_nothing(coach, team):
    trajectory = TrajectoryFactory(youth__team=team)
    before = (Event.objects.count(), AuditEntry.objects.count())
    with pytest.raises(TransitionRefused, match="S3 §6"):
        services.trajectory_move(actor=coach, trajectory=trajectory, to=Step.MATCH)
    trajectory.refresh_from_db()
    assert trajectory.step == Step.SIGNAL
    assert (Event.objects.count(), AuditEntry.objects.count()) == before


def test_move_appends_event_with_rule(coach, team):
    trajectory = TrajectoryFactory(youth__team=team)
    services.trajectory_move(actor=coach, trajectory=trajectory, to=Step.ROUTE,
                             reason="intake al gedaan door school")
    event = events(trajectory, TrajectoryEventKind.STEP_CHANGED).get()
    assert (event.from_state, event.to_state, event.data["rule"]) == ("signal", "route",
                                                                       "skip_steps")
    assert event.actor == coach


def test_intake_versions_are_kept(coach, team):
    trajectory = TrajectoryFactory(youth__team=team)
    first = services.intake_record(
        actor=coach, trajectory=trajectory, intensity="licht",
        answers={"werk": {"situation": "Werkloos", "support_need": "Sollicitatiehulp"},
                 "gezondheid": {"barriers": "Rugklachten"}})
    second = services.intake_record(actor=coach, trajectory=trajectory, intensity="intensief",
                                    answers={"werk": {"situation": "Parttime baan"}},
                                    multi_problem=True)
    assert (first.version, second.version) == (1, 2)
    assert first.answers.count() == 2
    assert first.answers.get(domain__code="gezondheid").special_category is True
    trajectory.refresh_from_db()
    assert (trajectory.intensity, trajectory.multi_problem, trajectory.step) == (
        "intensief", True, Step.INTAKE)


def test_intake_refuses_unknown_domain_and_intensity(coach, team):
    trajectory = TrajectoryFactory(youth__team=team)
    with pytest.raises(ValidationFailed):
        services.intake_record(actor=coach, trajectory=trajectory, intensity="zwaar", answers={})
    with pytest.raises(ValidationFailed, match="Onbekend leefgebied"):
        services.intake_record(actor=coach, trajectory=trajectory, intensity="licht",
                               answers={"astrologie": {"situation": "x"}})


def _facts(**kw):
    return law.Facts(reference_date=TODAY, birth=PartialDate(2004, 5, 5),
                     arrival=law.Arrival.TRANSFER_MBO, highest_diploma=law.Diploma.MBO1, **kw)


def test_route_confirm_and_override(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, intake=True, actor=coach)
    proposal = services.route_propose(actor=coach, trajectory=trajectory, facts=_facts())
    assert proposal.proposed_route == "learn_work"
    assert proposal.proposal["explanation"][0]["citation"]
    with pytest.raises(ValidationFailed, match="reden"):
        services.route_confirm(actor=coach, decision=proposal, route="work")
    services.route_confirm(actor=coach, decision=proposal, route="work",
                           reason="Jongere heeft een baanaanbod met opleiding op de werkvloer")
    trajectory.refresh_from_db()
    assert (trajectory.route, trajectory.legal_basis, trajectory.step) == ("work", "7a-1a",
                                                                          Step.ROUTE)
    decided = events(trajectory, TrajectoryEventKind.ROUTE_DECIDED).get()
    assert (decided.from_state, decided.to_state, decided.data["override"]) == (
        "learn_work", "work", True)
    with pytest.raises(TransitionRefused):
        services.route_confirm(actor=coach, decision=proposal)


def test_whole_path_with_aftercare_and_close(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, in_support=True, actor=coach,
                                   started_on=TODAY - datetime.timedelta(days=500))
    services.placement_record(actor=coach, trajectory=trajectory, kind="work",
                              ladder="opstapbaan", organisation_name="Kwekerij (demo)",
                              started_on=TODAY, contract_type="tijdelijk", hours_per_week=24)
    trajectory.refresh_from_db()
    assert trajectory.step == Step.MATCH
    on = TODAY - datetime.timedelta(days=400)
    services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="duurzaam_werk",
                                on=on)
    trajectory.refresh_from_db()
    assert trajectory.step == Step.AFTERCARE
    follow_ups = list(trajectory.follow_ups.all())
    assert [f.months_after_outflow for f in follow_ups] == [1, 3, 6, 12]
    assert [f.due_on for f in follow_ups] == [on + relativedelta(months=m) for m in (1, 3, 6, 12)]
    for follow_up in follow_ups:
        services.follow_up_record(actor=coach, follow_up=follow_up, outcome="on_track", on=TODAY)
    trajectory.refresh_from_db()
    assert trajectory.step == Step.CLOSED and trajectory.closed_on == TODAY
    assert events(trajectory, TrajectoryEventKind.FOLLOW_UP_RECORDED).count() == 4


def test_dropped_out_in_aftercare_reopens_support(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, matched=True, actor=coach)
    services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="onderwijs", on=TODAY)
    first = trajectory.follow_ups.first()
    services.follow_up_record(actor=coach, follow_up=first, outcome="dropped_out", on=TODAY,
                              note="Gestopt met opleiding")
    trajectory.refresh_from_db()
    assert trajectory.step == Step.INTAKE and trajectory.outflow_reason == ""
    assert not trajectory.follow_ups.filter(done_on__isnull=True, cancelled=False).exists()
    assert events(trajectory, TrajectoryEventKind.REOPENED).get().from_state == "onderwijs"


def test_outflow_without_place_closes_and_new_trajectory_can_start(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, intake=True, actor=coach)
    with pytest.raises(ValidationFailed):
        services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="anders",
                                    on=TODAY)
    services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="niet_bereikbaar",
                                on=TODAY)
    trajectory.refresh_from_db()
    assert trajectory.step == Step.CLOSED and not trajectory.follow_ups.exists()
    again = services.trajectory_start(actor=coach, youth=trajectory.youth, entrance="staff")
    assert events(again, TrajectoryEventKind.TRAJECTORY_STARTED).get().data["returning"] is True
    assert Trajectory.objects.filter(youth=trajectory.youth).count() == 2


def test_hand_back_closes(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, intake=True, actor=coach)
    services.trajectory_hand_back(actor=coach, trajectory=trajectory,
                                  reason="Terug naar mbo niveau 2 mogelijk")
    trajectory.refresh_from_db()
    assert trajectory.step == Step.HANDED_BACK and not trajectory.is_open


def test_plan_activity_and_last_contact(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, activated=True, actor=coach)
    goal = services.goal_add(actor=coach, trajectory=trajectory, description="Werkritme opdoen")
    action = services.action_add(actor=coach, goal=goal, description="Vrijwilligerswerk zoeken",
                                 owner="youth")
    services.action_set_status(actor=coach, action=action, status="in_progress")
    services.activity_record(actor=coach, trajectory=trajectory, kind="coaching", on=TODAY)
    trajectory.refresh_from_db()
    assert trajectory.last_contact_on == TODAY
    with pytest.raises(ValidationFailed):
        services.activity_record(actor=coach, trajectory=trajectory, kind="coaching",
                                 on=TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationFailed):
        services.action_set_status(actor=coach, action=action, status="vergeten")


def test_ladder_only_for_work(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, in_support=True, actor=coach)
    with pytest.raises(ValidationFailed) as caught:
        services.placement_record(actor=coach, trajectory=trajectory, kind="education",
                                  ladder="opstapbaan", organisation_name="ROC", started_on=TODAY)
    assert "ladder" in caught.value.field_errors


def test_dates_before_the_start_are_refused(coach, team):
    trajectory = TrajectoryFactory(youth__team=team, matched=True, actor=coach,
                                   started_on=TODAY)
    before = TODAY - datetime.timedelta(days=1)
    with pytest.raises(ValidationFailed) as caught:
        services.activity_record(actor=coach, trajectory=trajectory, kind="coaching", on=before)
    assert "vóór" in caught.value.field_errors["on"][0]
    with pytest.raises(ValidationFailed):
        services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="duurzaam_werk",
                                    on=before)
