"""A trajectory built the way the application builds one: through the services.

``TrajectoryFactory()`` opens a trajectory with ``trajectory_start`` (step 1, with its
``trajectory_started`` event and audit row). A trait walks it further along the seven steps, each
step through its own service, so the event ledger, the intakes, route decisions, plan, match and
follow-ups are what a coach's work would have left behind. Each trait includes the ones before:

====================  =====================================================================
trait                 services (after ``trajectory_start``)                    step
====================  =====================================================================
``intake``            ``intake_record``                                        intake
``route_decided``     + ``route_propose``, ``route_confirm``                   route
``activated``         + ``trajectory_move`` to activation                      activation
``in_support``        + ``trajectory_move`` to support, ``goal_add``,          support
                      ``action_add``
``matched``           + ``placement_record``                                   match
``in_aftercare``      + ``trajectory_outflow`` (``outflow_reason``)            aftercare
``closed``            + ``follow_up_record`` for every follow-up               closed
====================  =====================================================================

Parameters: ``actor`` does the work (default: a doorstroomcoach of the team, created only when a
trait needs one); ``entrance`` is how the youth came in (default ``staff``, a code of
``casefile.vocabularies.ENTRANCES``); ``intensity`` and ``route`` are what the intake records and
the coach confirms (a route other than the proposal is confirmed with a reason);
``outflow_reason`` (default ``duurzaam_werk``: aftercare follows; a reason without a place closes
at the outflow).

Any other model field given (``step``, ``last_contact_on``, ``closed_on``, and ``intensity`` or
``route`` when no intake or route decision is walked) is written onto the row afterwards as it is:
raw column state for list and filter tests, with no event behind it. Prefer a trait.
"""

import factory
from django.utils import timezone

from route27 import law
from route27.organisations.roles import Role
from route27.organisations.tests.factories import TeamFactory, member
from route27.trajectories import services
from route27.trajectories.models import Trajectory
from route27.trajectories.workflow import Step
from route27.youth.tests.factories import YouthFactory

# How far each trait walks, in the order of the path.
PATH = [Step.SIGNAL, Step.INTAKE, Step.ROUTE, Step.ACTIVATION, Step.SUPPORT, Step.MATCH,
        Step.AFTERCARE, Step.CLOSED]
INTAKE_ANSWERS = {"werk": {"situation": "Zoekt werk", "support_need": "Hulp bij solliciteren"}}
OVERRIDE_REASON = "Afgesproken met de jongere (test)"
# Declared on the factory but not columns of Trajectory: taken out before the row is made.
_WALK_PARAMS = ("actor", "walk_to", "outflow_reason")


def route_facts(youth, **facts) -> law.Facts:
    """Facts for the route engine about this youth: came in by themself, vmbo diploma, school not
    possible (the engine then proposes a route to work for a youth of 18 to 26)."""
    values = {"reference_date": timezone.localdate(), "birth": youth.birth_date,
              "arrival": law.Arrival.SELF, "highest_diploma": law.Diploma.VMBO,
              "school_possible": law.Judgement.NO, **facts}
    return law.Facts(**values)


def walk(trajectory: Trajectory, *, actor, to: Step, intensity: str = "", route: str = "",
         outflow_reason: str = "duurzaam_werk") -> Trajectory:
    """Move an open trajectory from step 1 along the path up to ``to``, through the services.
    The traits use it; a test can walk a trajectory it already has."""
    target = PATH.index(Step(to))
    today = timezone.localdate()
    if target >= PATH.index(Step.INTAKE):
        services.intake_record(actor=actor, trajectory=trajectory, intensity=intensity or "licht",
                               answers=INTAKE_ANSWERS)
    if target >= PATH.index(Step.ROUTE):
        decision = services.route_propose(actor=actor, trajectory=trajectory,
                                          facts=route_facts(trajectory.youth))
        overridden = bool(route) and route != decision.proposed_route
        services.route_confirm(actor=actor, decision=decision, route=route,
                               reason=OVERRIDE_REASON if overridden else "")
    if target >= PATH.index(Step.ACTIVATION):
        services.trajectory_move(actor=actor, trajectory=trajectory, to=Step.ACTIVATION)
    if target >= PATH.index(Step.SUPPORT):
        services.trajectory_move(actor=actor, trajectory=trajectory, to=Step.SUPPORT)
        goal = services.goal_add(actor=actor, trajectory=trajectory, description="Een baan vinden")
        services.action_add(actor=actor, goal=goal, description="Cv maken")
    if target >= PATH.index(Step.MATCH):
        services.placement_record(actor=actor, trajectory=trajectory, kind="work",
                                  organisation_name="Werkgever (test)", started_on=today)
    if target >= PATH.index(Step.AFTERCARE):
        services.trajectory_outflow(actor=actor, trajectory=trajectory, reason=outflow_reason,
                                    on=today)
    if target >= PATH.index(Step.CLOSED):
        for follow_up in trajectory.follow_ups.filter(done_on__isnull=True, cancelled=False):
            services.follow_up_record(actor=actor, follow_up=follow_up, outcome="on_track",
                                      on=today)
    trajectory.refresh_from_db()
    return trajectory


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory

    youth = factory.SubFactory(YouthFactory)
    team = factory.LazyAttribute(lambda o: o.youth.team or TeamFactory())
    started_on = factory.LazyFunction(timezone.localdate)
    requested_by = ""
    entrance = "staff"
    actor = None
    outflow_reason = "duurzaam_werk"
    walk_to = Step.SIGNAL

    class Params:
        intake = factory.Trait(walk_to=Step.INTAKE)
        route_decided = factory.Trait(walk_to=Step.ROUTE)
        activated = factory.Trait(walk_to=Step.ACTIVATION)
        in_support = factory.Trait(walk_to=Step.SUPPORT)
        matched = factory.Trait(walk_to=Step.MATCH)
        in_aftercare = factory.Trait(walk_to=Step.AFTERCARE)
        closed = factory.Trait(walk_to=Step.CLOSED)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        for name in _WALK_PARAMS:
            kwargs.pop(name, None)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        actor = kwargs.pop("actor")
        to, outflow_reason = Step(kwargs.pop("walk_to")), kwargs.pop("outflow_reason")
        youth, team = kwargs.pop("youth"), kwargs.pop("team")
        walks = to != Step.SIGNAL
        intensity = kwargs.pop("intensity", "") if walks else ""
        route = kwargs.pop("route", "") if PATH.index(to) >= PATH.index(Step.ROUTE) else ""
        if actor is None and walks:
            actor = member(Role.DOORSTROOMCOACH, team=team)
        trajectory = services.trajectory_start(
            actor=actor, youth=youth, team=team, entrance=kwargs.pop("entrance"),
            requested_by=kwargs.pop("requested_by"), started_on=kwargs.pop("started_on"))
        if walks:
            walk(trajectory, actor=actor, to=to, intensity=intensity, route=route,
                 outflow_reason=outflow_reason)
        if kwargs:  # raw column state, see the module docstring
            Trajectory.objects.filter(pk=trajectory.pk).update(**kwargs)
            trajectory.refresh_from_db()
        return trajectory
