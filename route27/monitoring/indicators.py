"""The indicators of seed 003 §7, computed from the event ledger at any reference date (issue 14).

Every figure is counted from the append-only ``casefile.Event`` rows by ``occurred_at``, in a
few set-based queries (one for the stock on a date, two for the flows of a period, one for the
months of a trend), never per youth in Python. So "how many youth were in a trajectory on
1 March?" has one answer that does not move when a file changes later; an event recorded
*after* the reference date with an earlier ``occurred_at`` (a late correction) does change the
figure, and is counted separately as such (:func:`corrections`). Definitions:
``docs/indicators.md``; the registry of what may carry a target: :data:`INDICATORS`.

Scope: the youth's municipality (as it is now: a move is not in the ledger yet), a team, a
coach (the contact person at the reference date) and an age band (``law.AGE_BANDS``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.casefile.models import CONTACT_KINDS, FLOW_KINDS, STEP_KINDS, Event
from route27.organisations.roles import OrganisationType, Role
from route27.trajectories.models import OutflowReason, Trajectory
from route27.trajectories.workflow import ORDER, Step

ENDED = (Step.CLOSED, Step.HANDED_BACK)
RUNNING_STEPS = tuple(s for s in ORDER if s not in ENDED and s != Step.AFTERCARE)
# Outflow reasons per indicator (docs/indicators.md).
TO_EDUCATION = (OutflowReason.EDUCATION,)
TO_DURABLE_WORK = (OutflowReason.DURABLE_WORK,)
TO_WORK_OR_CARE = (OutflowReason.LEARN_WORK, OutflowReason.CARE)
SCHOOL_HANDOVER_PREFIXES = ("handover_mbo_", "handover_provso_")


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    kind: str  # "stock" (on a date) or "flow" (over a period)
    more_is_better: bool


# The nine of seed 003 §7 and the two totals beside them, in the seed's order.
INDICATORS = {i.code: i for i in (
    Indicator("at_doorstroompunt", _("Jongeren in traject bij het Doorstroompunt"), "stock",
              True),
    Indicator("to_education", _("Uitgestroomd naar onderwijs"), "flow", True),
    Indicator("to_work_or_care", _("Doorverwezen naar werk of zorg"), "flow", True),
    Indicator("average_days", _("Gemiddelde looptijd afgesloten trajecten (dagen)"), "flow",
              False),
    Indicator("with_jongerencoach", _("Jongeren in traject bij een jongerencoach werk"), "stock",
              True),
    Indicator("to_durable_work", _("Uitgestroomd naar duurzaam werk"), "flow", True),
    Indicator("in_aftercare", _("Jongeren in nazorg"), "stock", True),
    Indicator("without_startkwalificatie", _("Jongeren in traject zonder startkwalificatie"),
              "stock", False),
    Indicator("from_school", _("Jongeren overgedragen vanuit school"), "flow", True),
    Indicator("in_trajectory", _("Jongeren in traject"), "stock", True),
    Indicator("inflow", _("Instroom"), "flow", True),
)}


def cutoff(day: datetime.date) -> datetime.datetime:
    """The first moment after the reference date (local time): events before it count."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1),
                                                         datetime.time.min))


def _birth_key(prefix: str = ""):
    """The birth date as a sortable number (yyyymmdd); an unknown month or day counts as the
    first, so a partial date makes the youth the oldest they can be."""
    return ExpressionWrapper(
        F(f"{prefix}birth_year") * 10000 + Coalesce(F(f"{prefix}birth_month"), Value(1)) * 100
        + Coalesce(F(f"{prefix}birth_day"), Value(1)), output_field=IntegerField())


def _key(day: datetime.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


@dataclass(frozen=True)
class Scope:
    """Which youth count: living in these municipalities, held by these teams, with this coach
    as contact person at the reference date, of this age band (None: no restriction)."""

    municipality_ids: tuple[int, ...] | None = None
    team_ids: tuple[int, ...] | None = None
    coach_id: int | None = None
    age_band: str | None = None  # a key of law.AGE_BANDS

    def _ages(self, qs, day: datetime.date, prefix: str):
        if self.age_band is None:
            return qs
        band = law.AGE_BANDS[self.age_band]
        oldest = day - relativedelta(years=band.below)  # born after this
        youngest = day - relativedelta(years=band.lowest)  # born on or before this
        return qs.alias(_born=_birth_key(prefix)).filter(_born__gt=_key(oldest),
                                                         _born__lte=_key(youngest))

    def trajectories(self, day: datetime.date) -> QuerySet[Trajectory]:
        qs = Trajectory.objects.all()
        if self.municipality_ids is not None:
            qs = qs.filter(youth__municipality_id__in=self.municipality_ids)
        if self.team_ids is not None:
            qs = qs.filter(team_id__in=self.team_ids)
        return self._ages(qs, day, "youth__")

    def events(self, day: datetime.date) -> QuerySet[Event]:
        qs = Event.objects.all()
        if self.municipality_ids is not None:
            qs = qs.filter(youth__municipality_id__in=self.municipality_ids)
        if self.team_ids is not None:
            qs = qs.filter(trajectory__team_id__in=self.team_ids)
        if self.coach_id is not None:
            qs = qs.filter(trajectory__in=trajectories_at(day, self).values("pk"))
        return self._ages(qs, day, "youth__")


def _latest(kinds, value, *, before: datetime.datetime, on: str = "trajectory"):
    """The ``value`` of the latest event of ``kinds`` before the cut-off, of the trajectory
    (``on="trajectory"``) or of its youth (``on="youth"``)."""
    outer = OuterRef("pk") if on == "trajectory" else OuterRef("youth_id")
    qs = Event.objects.filter(**{on: outer}, kind__in=kinds, occurred_at__lt=before)
    if not isinstance(value, str):
        qs, value = qs.annotate(picked=value), "picked"
    return Subquery(qs.order_by("-occurred_at", "-recorded_at", "-id").values(value)[:1])


def trajectories_at(day: datetime.date, scope: Scope = Scope()) -> QuerySet[Trajectory]:
    """Every trajectory started by the reference date and not closed before it, annotated
    with what held then: its step (``step_at``), intensity (``intensity_at``),
    startkwalificatie (``sk_at``: "yes", "no", "unknown" or None), its youth's contact
    person's role (``contact_role_at``), and whether a Doorstroompunt holds it (``dsp``)."""
    before = cutoff(day)
    qs = scope.trajectories(day).annotate(
        step_at=_latest(STEP_KINDS, "to_state", before=before),
        intensity_at=_latest(("intake_recorded",), KT("data__intensity"), before=before),
        sk_at=_latest(("route_decided",), KT("data__startkwalificatie"), before=before),
        contact_role_at=_latest(CONTACT_KINDS, "to_state", before=before, on="youth"),
        dsp=Case(When(team__organisation__type=OrganisationType.DOORSTROOMPUNT,
                      then=Value(True)), default=Value(False), output_field=BooleanField()),
    ).filter(
        # Exact shortcuts: the start event falls on started_on, and a trajectory closed before
        # the date had its closing event by then (occurred_on is never after the recording).
        Q(closed_on__isnull=True) | Q(closed_on__gte=day), started_on__lte=day)
    if scope.coach_id is not None:
        qs = qs.alias(contact_at=_latest(
            CONTACT_KINDS, Cast(KT("data__contact"), IntegerField()), before=before,
            on="youth")).filter(contact_at=scope.coach_id)
    return qs


@dataclass
class Stock:
    """Figures on one reference date."""

    day: datetime.date
    in_trajectory: int = 0  # youth with a trajectory in steps 1–6
    at_doorstroompunt: int = 0  # of those, held by a Doorstroompunt
    with_jongerencoach: int = 0  # of those, whose contact person is a jongerencoach werk
    without_startkwalificatie: int = 0  # of those, the route decided says: none
    startkwalificatie_unknown: int = 0  # of those, no route decided or the diploma not known
    in_aftercare: int = 0  # youth in step 7
    corrections: int = 0  # events about the date or before, recorded after it (late)
    by_step: dict[str, int] = field(default_factory=dict)
    by_intensity: dict[str, int] = field(default_factory=dict)


# The stock indicators as the values they ask of trajectories_at()'s annotations: counted in
# stock(), filtered on in the drill-down (monitoring.views.youth_list).
STOCK_CONDITIONS: dict[str, dict[str, tuple]] = {
    "in_trajectory": {"step_at": RUNNING_STEPS},
    "in_aftercare": {"step_at": (Step.AFTERCARE,)},
    "at_doorstroompunt": {"step_at": RUNNING_STEPS, "dsp": (True,)},
    "with_jongerencoach": {"step_at": RUNNING_STEPS,
                           "contact_role_at": (Role.JONGERENCOACH_WERK,)},
    "without_startkwalificatie": {"step_at": RUNNING_STEPS, "sk_at": ("no",)},
}
GROUP_KEYS = ("step_at", "intensity_at", "sk_at", "contact_role_at", "dsp")


def stock_filter(code: str) -> Q:
    return Q(*(Q(**{f"{key}__in": values}) for key, values in STOCK_CONDITIONS[code].items()))


def _holds(row: dict, code: str) -> bool:
    return all(row[key] in values for key, values in STOCK_CONDITIONS[code].items())


def _add_group(result: Stock, row: dict) -> None:
    """Fold one group of trajectories alike on the date into the figures."""
    n, step = row["n"], row["step_at"]
    if step is None or step in ENDED:
        return
    result.by_step[step] = result.by_step.get(step, 0) + n
    for code in STOCK_CONDITIONS:
        if _holds(row, code):
            setattr(result, code, getattr(result, code) + n)
    if step in RUNNING_STEPS:
        intensity = row["intensity_at"] or ""
        result.by_intensity[intensity] = result.by_intensity.get(intensity, 0) + n
        if row["sk_at"] in (None, "unknown"):
            result.startkwalificatie_unknown += n


def _groups(day: datetime.date, scope: Scope, *extra):
    """The trajectories of the date grouped by what the indicators ask of them, in one
    query: each look-up runs once per trajectory (grouped by position, not repeated per
    count). A youth counts once per group; one youth in two groups on one date would take
    two running trajectories, which the open-trajectory constraint prevents."""
    return (trajectories_at(day, scope).values(*extra, *GROUP_KEYS)
            .annotate(n=Count("youth_id", distinct=True)).order_by())


def stock(day: datetime.date, scope: Scope = Scope()) -> Stock:
    """The stock on the reference date and its late corrections, in two queries."""
    result = Stock(day)
    for row in _groups(day, scope):
        _add_group(result, row)
    result.corrections = corrections(day, scope)
    return result


def stock_by_municipality(day: datetime.date, scope: Scope) -> dict[int, Stock]:
    """The stock per municipality of the youth (a region's table), in two grouped queries."""
    found = {m: Stock(day) for m in scope.municipality_ids or ()}
    for row in _groups(day, scope, "youth__municipality_id"):
        _add_group(found.setdefault(row["youth__municipality_id"], Stock(day)), row)
    before = cutoff(day)
    for m, n in (scope.events(day).filter(occurred_at__lt=before, recorded_at__gte=before)
                 .values_list("youth__municipality_id").annotate(n=Count("*")).order_by()):
        found.setdefault(m, Stock(day)).corrections = n
    return found


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
    outreach_opened: int = 0
    outreach_closed: dict[str, int] = field(default_factory=dict)  # by outcome
    closed: int = 0
    average_days: float | None = None  # of the trajectories that ended in the period

    @property
    def outreach_reached(self) -> int:
        return sum(n for outcome, n in self.outreach_closed.items()
                   if outcome in ("reached", "referred", "trajectory", "already_in_view"))


def period(start: datetime.date, end: datetime.date) -> Q:
    return Q(occurred_at__gte=cutoff(start - datetime.timedelta(days=1)),
             occurred_at__lt=cutoff(end))


def _code():
    """The one code a flow event is counted by: its entrance, outflow reason, legal basis or
    outreach outcome."""
    return Coalesce(KT("data__entrance"), KT("data__legal_basis"), KT("data__outcome"),
                    F("to_state"), output_field=TextField())


def _add(result: Flows, kind: str, code: str, n: int) -> None:
    if kind == "trajectory_started":
        result.inflow_by_entrance[code] = result.inflow_by_entrance.get(code, 0) + n
        result.inflow += n
        if code.startswith(SCHOOL_HANDOVER_PREFIXES) or code == "support_request":
            result.from_school += n
    elif kind == "outflow":
        result.outflow_by_reason[code] = result.outflow_by_reason.get(code, 0) + n
        if code in TO_EDUCATION:
            result.to_education += n
        if code in TO_DURABLE_WORK:
            result.to_durable_work += n
        if code in TO_WORK_OR_CARE:
            result.to_work_or_care += n
    elif kind == "route_decided":
        result.legal_basis[code] = result.legal_basis.get(code, 0) + n
    elif kind == "outreach_opened":
        result.outreach_opened += n
    else:
        result.outreach_closed[code] = result.outreach_closed.get(code, 0) + n


def _durations(events: QuerySet[Event]) -> QuerySet[Event]:
    ended = events.filter(kind="step_changed", to_state__in=ENDED, trajectory__isnull=False)
    began = Subquery(Event.objects.filter(trajectory=OuterRef("trajectory_id"),
                                          kind="trajectory_started")
                     .order_by("occurred_at").values("occurred_at")[:1])
    return ended.annotate(began=began)


def _summary(result: Flows, n: int, days) -> None:
    result.closed = n
    if days is not None:
        result.average_days = round(days.total_seconds() / 86400, 1)


DURATION = {"n": Count("pk"), "days": Avg(ExpressionWrapper(F("occurred_at") - F("began"),
                                                             output_field=DurationField()))}


def flows(start: datetime.date, end: datetime.date, scope: Scope = Scope()) -> Flows:
    """The flows of a period, in two queries: the events by kind and code, and the durations."""
    events = scope.events(end).filter(period(start, end))
    result = Flows(start, end)
    for row in (events.filter(kind__in=FLOW_KINDS).values("kind", code=_code())
                .annotate(n=Count("pk")).order_by()):
        _add(result, row["kind"], row["code"] or "", row["n"])
    summary = _durations(events).aggregate(**DURATION)
    _summary(result, summary["n"], summary["days"])
    return result


def flows_by_municipality(start: datetime.date, end: datetime.date,
                          scope: Scope) -> dict[int, Flows]:
    """The flows per municipality of the youth, in two grouped queries."""
    events = scope.events(end).filter(period(start, end))
    found: dict[int, Flows] = {m: Flows(start, end) for m in scope.municipality_ids or ()}
    for row in (events.filter(kind__in=FLOW_KINDS)
                .values("kind", code=_code(), m=F("youth__municipality_id"))
                .annotate(n=Count("pk")).order_by()):
        _add(found.setdefault(row["m"], Flows(start, end)), row["kind"], row["code"] or "",
             row["n"])
    for row in (_durations(events).values(m=F("youth__municipality_id"))
                .annotate(**DURATION).order_by()):
        _summary(found.setdefault(row["m"], Flows(start, end)), row["n"], row["days"])
    return found


@dataclass
class Month:
    month: datetime.date
    inflow: int = 0
    outflow: int = 0


def _empty_months(start: datetime.date, end: datetime.date) -> dict[datetime.date, Month]:
    months, day = {}, start.replace(day=1)
    while day <= end:
        months[day] = Month(day)
        day += relativedelta(months=1)
    return months


def _month_rows(start: datetime.date, end: datetime.date, scope: Scope, *extra):
    return (scope.events(end).filter(period(start, end), kind__in=("trajectory_started",
                                                                   "outflow"))
            .annotate(month=TruncMonth("occurred_at")).values(*extra, "month", "kind")
            .annotate(n=Count("pk")).order_by())


def _add_month(months: dict, row: dict) -> None:
    month = row["month"]
    month = month.date() if isinstance(month, datetime.datetime) else month
    if month in months:
        name = "inflow" if row["kind"] == "trajectory_started" else "outflow"
        setattr(months[month], name, getattr(months[month], name) + row["n"])


def monthly(start: datetime.date, end: datetime.date, scope: Scope = Scope()) -> list[Month]:
    """Inflow and outflow per calendar month of the period, in one query (the trend lines)."""
    months = _empty_months(start, end)
    for row in _month_rows(start, end, scope):
        _add_month(months, row)
    return list(months.values())


def monthly_by_municipality(start: datetime.date, end: datetime.date,
                            scope: Scope) -> dict[int, list[Month]]:
    """:func:`monthly` per municipality of the youth, in one grouped query."""
    found = {m: _empty_months(start, end) for m in scope.municipality_ids or ()}
    for row in _month_rows(start, end, scope, "youth__municipality_id"):
        _add_month(found.setdefault(row["youth__municipality_id"], _empty_months(start, end)),
                   row)
    return {m: list(months.values()) for m, months in found.items()}


def add_months(series: list[list[Month]]) -> list[Month]:
    """Months of several municipalities added up (a region's trend)."""
    total: dict[datetime.date, Month] = {}
    for months in series:
        for m in months:
            entry = total.setdefault(m.month, Month(m.month))
            entry.inflow += m.inflow
            entry.outflow += m.outflow
    return [total[k] for k in sorted(total)]


def corrections(day: datetime.date, scope: Scope = Scope(),
                as_of: datetime.datetime | None = None) -> int:
    """Events about the reference date or before it that were recorded after it (a late
    correction): they are in today's figure for that date, and this says how many."""
    before = cutoff(day)
    qs = scope.events(day).filter(occurred_at__lt=before, recorded_at__gte=before)
    if as_of is not None:
        qs = qs.filter(recorded_at__lt=as_of)
    return qs.count()


def value(code: str, stock_figures: Stock, flow_figures: Flows) -> float | int | None:
    """The figure of an indicator of :data:`INDICATORS`."""
    source = stock_figures if INDICATORS[code].kind == "stock" else flow_figures
    return getattr(source, code)
