"""The indicators of seed 003 §7, computed from the event ledger at any reference date (issue 14).

Every figure is counted from the append-only ``casefile.Event`` rows by ``occurred_at``, in a
few set-based queries (a sub-query per trajectory, grouped in the database), never per youth in
Python. So "how many youth were in a trajectory on 1 March?" has one answer that does not move
when a file changes later; an event recorded *after* the reference date with an earlier
``occurred_at`` (a late correction) does change the figure, and is counted separately as such
(:func:`corrections`). Definitions: ``docs/indicators.md``.

Scope: the youth's municipality (as it is now: a move is not in the ledger yet), a team, or a
coach (the contact person at the reference date).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Avg,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from route27.casefile.models import Event
from route27.organisations.roles import OrganisationType, Role
from route27.trajectories.models import OutflowReason, Trajectory
from route27.trajectories.workflow import Step

STEP_KINDS = ("trajectory_started", "step_changed")
ENDED = (Step.CLOSED, Step.HANDED_BACK)
# Outflow reasons per indicator (docs/indicators.md).
TO_EDUCATION = (OutflowReason.EDUCATION,)
TO_DURABLE_WORK = (OutflowReason.DURABLE_WORK,)
TO_WORK_OR_CARE = (OutflowReason.LEARN_WORK, OutflowReason.CARE)
SCHOOL_HANDOVER_PREFIXES = ("handover_mbo_", "handover_provso_")


def cutoff(day: datetime.date) -> datetime.datetime:
    """The first moment after the reference date (local time): events before it count."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1),
                                                         datetime.time.min))


@dataclass(frozen=True)
class Scope:
    """Which trajectories count: of youth living in these municipalities, held by these teams,
    or with this coach as contact person at the reference date (None: no restriction)."""

    municipality_ids: tuple[int, ...] | None = None
    team_ids: tuple[int, ...] | None = None
    coach_id: int | None = None

    def trajectories(self) -> QuerySet[Trajectory]:
        qs = Trajectory.objects.all()
        if self.municipality_ids is not None:
            qs = qs.filter(youth__municipality_id__in=self.municipality_ids)
        if self.team_ids is not None:
            qs = qs.filter(team_id__in=self.team_ids)
        return qs

    def events(self) -> QuerySet[Event]:
        qs = Event.objects.all()
        if self.municipality_ids is not None:
            qs = qs.filter(youth__municipality_id__in=self.municipality_ids)
        if self.team_ids is not None:
            qs = qs.filter(trajectory__team_id__in=self.team_ids)
        return qs


def _latest(kinds, value: str, *, before: datetime.datetime, on: str = "trajectory"):
    """The ``value`` of the latest event of ``kinds`` before the cut-off, of the trajectory
    (``on="trajectory"``) or of its youth (``on="youth"``)."""
    outer = OuterRef("pk") if on == "trajectory" else OuterRef("youth_id")
    return Subquery(Event.objects.filter(
        **{on: outer}, kind__in=kinds, occurred_at__lt=before)
        .order_by("-occurred_at", "-recorded_at", "-id").values(value)[:1])


def trajectories_at(day: datetime.date, scope: Scope = Scope()) -> QuerySet[Trajectory]:
    """Every trajectory started by the reference date, annotated with its step then
    (``step_at``), its intensity then (``intensity_at``) and its contact's role then
    (``contact_role_at``)."""
    before = cutoff(day)
    qs = scope.trajectories().annotate(
        step_at=_latest(STEP_KINDS, "to_state", before=before),
        intensity_at=_latest(("intake_recorded",), "data__intensity", before=before),
        contact_role_at=_latest(("contact_person_changed", "contact_person_ended"), "to_state",
                                before=before, on="youth"),
        contact_at=_latest(("contact_person_changed", "contact_person_ended"), "actor_id",
                           before=before, on="youth"),
    ).filter(step_at__isnull=False)
    return qs


@dataclass
class Stock:
    """Figures on one reference date."""

    day: datetime.date
    in_trajectory: int = 0  # youth with a trajectory in steps 1–6
    at_doorstroompunt: int = 0  # of those, held by a Doorstroompunt
    with_jongerencoach: int = 0  # of those, whose contact person is a jongerencoach werk
    in_aftercare: int = 0  # youth in step 7
    by_step: dict[str, int] = field(default_factory=dict)
    by_intensity: dict[str, int] = field(default_factory=dict)


def stock(day: datetime.date, scope: Scope = Scope()) -> Stock:
    qs = trajectories_at(day, scope).exclude(step_at__in=ENDED)
    result = Stock(day)
    for row in qs.values("step_at").annotate(n=Count("youth_id", distinct=True)).order_by():
        result.by_step[row["step_at"]] = row["n"]
    running = qs.exclude(step_at=Step.AFTERCARE)
    result.in_trajectory = running.values("youth_id").distinct().count()
    result.in_aftercare = qs.filter(step_at=Step.AFTERCARE).values("youth_id").distinct().count()
    result.at_doorstroompunt = running.filter(
        team__organisation__type=OrganisationType.DOORSTROOMPUNT).values(
        "youth_id").distinct().count()
    result.with_jongerencoach = running.filter(
        contact_role_at=Role.JONGERENCOACH_WERK).values("youth_id").distinct().count()
    for row in running.values("intensity_at").annotate(n=Count("pk")).order_by():
        result.by_intensity[row["intensity_at"] or ""] = row["n"]
    return result


@dataclass
class Flows:
    """Figures over a period (both days included)."""

    start: datetime.date
    end: datetime.date
    inflow: int = 0
    inflow_by_entrance: dict[str, int] = field(default_factory=dict)
    from_school: int = 0  # started through a school's handover or support request
    outflow_by_reason: dict[str, int] = field(default_factory=dict)
    to_education: int = 0
    to_durable_work: int = 0
    to_work_or_care: int = 0
    legal_basis: dict[str, int] = field(default_factory=dict)  # of the routes decided
    closed: int = 0
    average_days: float | None = None  # of the trajectories that ended in the period


def flows(start: datetime.date, end: datetime.date, scope: Scope = Scope()) -> Flows:
    period = Q(occurred_at__gte=cutoff(start - datetime.timedelta(days=1)),
               occurred_at__lt=cutoff(end))
    events = scope.events().filter(period)
    result = Flows(start, end)
    started = events.filter(kind="trajectory_started")
    for row in started.values("data__entrance").annotate(n=Count("pk")).order_by():
        entrance = row["data__entrance"] or ""
        result.inflow_by_entrance[entrance] = row["n"]
        result.inflow += row["n"]
        if entrance.startswith(SCHOOL_HANDOVER_PREFIXES) or entrance == "support_request":
            result.from_school += row["n"]
    for row in events.filter(kind="outflow").values("to_state").annotate(
            n=Count("pk")).order_by():
        result.outflow_by_reason[row["to_state"]] = row["n"]
    result.to_education = sum(result.outflow_by_reason.get(r, 0) for r in TO_EDUCATION)
    result.to_durable_work = sum(result.outflow_by_reason.get(r, 0) for r in TO_DURABLE_WORK)
    result.to_work_or_care = sum(result.outflow_by_reason.get(r, 0) for r in TO_WORK_OR_CARE)
    for row in events.filter(kind="route_decided").values("data__legal_basis").annotate(
            n=Count("pk")).order_by():
        result.legal_basis[row["data__legal_basis"] or ""] = row["n"]
    ended = events.filter(kind="step_changed", to_state__in=ENDED, trajectory__isnull=False)
    began = Subquery(Event.objects.filter(trajectory=OuterRef("trajectory_id"),
                                          kind="trajectory_started")
                     .order_by("occurred_at").values("occurred_at")[:1])
    summary = ended.annotate(began=began).aggregate(
        n=Count("pk"), days=Avg(ExpressionWrapper(F("occurred_at") - F("began"),
                                                  output_field=DurationField())))
    result.closed = summary["n"]
    if summary["days"] is not None:
        result.average_days = round(summary["days"].total_seconds() / 86400, 1)
    return result


def corrections(day: datetime.date, scope: Scope = Scope(),
                as_of: datetime.datetime | None = None) -> int:
    """Events about the reference date or before it that were recorded after it (a late
    correction): they are in today's figure for that date, and this says how many."""
    before = cutoff(day)
    qs = scope.events().filter(occurred_at__lt=before, recorded_at__gte=before)
    if as_of is not None:
        qs = qs.filter(recorded_at__lt=as_of)
    return qs.count()
