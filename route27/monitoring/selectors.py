"""Whose figures a user sees (ACCESS.md "aggregates": counts only), and the capacity of a team.

Team leads and beleidsadviseurs see the municipalities their teams serve; a regional
coordinator sees the municipalities of the Doorstroompunt region of their organisation, with
small counts suppressed (``monitoring.suppression``). A team lead keeps their own teams'
capacity."""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, TruncWeek
from django.utils import timezone

from route27 import law
from route27.casefile.models import Event
from route27.monitoring.indicators import _birth_key, _key, period
from route27.monitoring.models import CapacityNorm, StaffHours, Target
from route27.organisations.models import (
    DoorstroompuntRegion,
    Membership,
    Municipality,
    Team,
    User,
)
from route27.organisations.roles import CONTACT_PERSON_ROLES, Role
from route27.trajectories.models import Intensity, Trajectory
from route27.youth.models import ContactAssignment


def _member_teams(user, *roles) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, is_active=True, role__in=roles)


def _served_by_organisations_of(user, *roles) -> QuerySet[Municipality]:
    """The municipalities served by a team of the organisations of the user's memberships in
    these roles (semi-joins, no DISTINCT: the plan holds however large the chain)."""
    organisations = _member_teams(user, *roles).values("team__organisation")
    served = Team.serves.through.objects.filter(
        team__organisation__in=organisations).values("municipality_id")
    return Municipality.objects.filter(pk__in=served).order_by("name")


def municipalities_of(user) -> QuerySet[Municipality]:
    """The municipalities served by the teams of the user's lead and policy memberships."""
    return _served_by_organisations_of(user, Role.TEAMLEIDER, Role.BELEIDSADVISEUR)


def municipalities_for_targets(user) -> QuerySet[Municipality]:
    """Where the user sets targets: the municipalities their policy teams serve."""
    return _served_by_organisations_of(user, Role.BELEIDSADVISEUR)


def regions_of(user) -> QuerySet[DoorstroompuntRegion]:
    """The Doorstroompunt regions of the user's regional-coordinator memberships."""
    homes = _member_teams(user, Role.REGIONAL_COORDINATOR).values(
        "team__organisation__municipality__doorstroompunt_region")
    return DoorstroompuntRegion.objects.filter(pk__in=homes).order_by("name")


def lead_teams(user) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=_member_teams(user, Role.TEAMLEIDER).values("team")
                               ).order_by("name")


# --- Capacity ------------------------------------------------------------------------------------
@dataclass
class CoachLoad:
    user: User
    membership_id: int
    fte: Decimal
    norm: Decimal  # points for one full-time coach
    youth: int = 0
    points: Decimal = Decimal(0)

    @property
    def capacity(self) -> Decimal:
        return self.fte * self.norm

    @property
    def use(self) -> int | None:
        return round(self.points / self.capacity * 100) if self.capacity else None


@dataclass
class Week:
    week: datetime.date
    inflow: int = 0
    outflow: int = 0


@dataclass
class Capacity:
    team: Team
    norm: CapacityNorm
    day: datetime.date
    coaches: list[CoachLoad] = field(default_factory=list)
    weeks: list[Week] = field(default_factory=list)
    waiting: int = 0  # open trajectories without a contact person (the intake queue)
    waiting_days: list[int] = field(default_factory=list)
    days_to_contact: float | None = None  # start → first contact person, over the weeks shown

    @property
    def points(self) -> Decimal:
        return sum((c.points for c in self.coaches), Decimal(0))

    @property
    def capacity(self) -> Decimal:
        return sum((c.capacity for c in self.coaches), Decimal(0))

    @property
    def use(self) -> int | None:
        return round(self.points / self.capacity * 100) if self.capacity else None

    @property
    def points_per_youth(self) -> Decimal:
        youth = sum(c.youth for c in self.coaches)
        return (self.points / youth) if youth else self.norm.weight_medium

    @property
    def free_places(self) -> int:
        """Youth the team can still take on at the average weight (after the waiting ones)."""
        free = self.capacity - self.points - self.waiting * self.points_per_youth
        return max(int(free / self.points_per_youth), 0) if self.points_per_youth else 0

    @property
    def net_per_week(self) -> float:
        """Average inflow minus outflow per week over the weeks shown."""
        if not self.weeks:
            return 0.0
        return sum(w.inflow - w.outflow for w in self.weeks) / len(self.weeks)

    @property
    def median_waiting(self) -> float | None:
        return statistics.median(self.waiting_days) if self.waiting_days else None

    @property
    def full_on(self) -> datetime.date | None:
        """When the team runs full at the current net inflow (None: it does not); the waiting
        youth count as load already."""
        free = self.capacity - self.points - self.waiting * self.points_per_youth
        net = Decimal(str(self.net_per_week)) * self.points_per_youth
        if free <= 0:
            return self.day
        if net <= 0:
            return None
        return self.day + datetime.timedelta(weeks=float(free / net))


def _weighted_points(norm: CapacityNorm, day: datetime.date):
    """The weight of one open trajectory (law.R_EXTRA_EFFORT): by intensity, times the factor
    for a youth over 23 and for a youth without a benefit (by the route decided)."""
    over_23 = _key(day - relativedelta(years=law.EXTRA_EFFORT_AGE + 1))  # born on/before: 24+
    benefit = Subquery(Event.objects.filter(
        trajectory=OuterRef("pk"), kind="route_decided").order_by("-occurred_at", "-id")
        .values(v=Cast(KT("data__benefit"), BooleanField()))[:1])
    decimal = DecimalField(max_digits=8, decimal_places=4)
    weight = Case(When(intensity=Intensity.LIGHT, then=Value(norm.weight_light)),
                  When(intensity=Intensity.INTENSIVE, then=Value(norm.weight_intensive)),
                  default=Value(norm.weight_medium), output_field=decimal)
    age = Case(When(born__lte=over_23, then=Value(norm.factor_over_23)), default=Value(
        Decimal(1)), output_field=decimal)
    # A route not decided yet, or decided without a benefit, weighs as without one.
    without = Case(When(benefit=True, then=Value(Decimal(1))),
                   default=Value(norm.factor_no_benefit), output_field=decimal)
    return benefit, ExpressionWrapper(weight * age * without, output_field=decimal)


def capacity(team: Team, day: datetime.date | None = None, weeks: int = 12) -> Capacity:
    """The team's weighted caseload per coach, the inflow and outflow of the last ``weeks``
    weeks, the intake backlog and its waiting times; a handful of set-based queries."""
    day = day or timezone.localdate()
    norm = CapacityNorm.objects.filter(team=team).first() or CapacityNorm(team=team)
    result = Capacity(team=team, norm=norm, day=day)
    memberships = (Membership.objects.filter(team=team, is_active=True,
                                             role__in=CONTACT_PERSON_ROLES)
                   .select_related("user").order_by("user__last_name", "user__first_name"))
    hours = dict(StaffHours.objects.filter(membership__team=team).values_list(
        "membership_id", "fte"))
    coaches: dict[int, CoachLoad] = {}
    for m in memberships:
        if m.user_id not in coaches:
            coaches[m.user_id] = CoachLoad(user=m.user, membership_id=m.pk,
                                           fte=hours.get(m.pk, Decimal("1.00")),
                                           norm=Decimal(norm.norm_points))
    benefit, points = _weighted_points(norm, day)
    active = ContactAssignment.objects.filter(youth=OuterRef("youth_id"), ended_at__isnull=True)
    open_here = Trajectory.objects.filter(team=team, closed_on__isnull=True)
    rows = (open_here.alias(born=_birth_key("youth__")).annotate(benefit=benefit)
            .annotate(contact=Subquery(active.values("user_id")[:1]))
            .filter(contact__isnull=False).values("contact")
            .annotate(n=Count("pk"), points=Sum(points)).order_by())
    for row in rows:
        load = coaches.get(row["contact"])
        if load is not None:  # a contact person outside the team holds no team capacity
            load.youth, load.points = row["n"], (row["points"] or Decimal(0)).quantize(
                Decimal("0.1"))
    result.coaches = list(coaches.values())
    queue = open_here.filter(~Exists(active)).values_list("started_on", flat=True)
    result.waiting_days = sorted((day - started).days for started in queue)
    result.waiting = len(result.waiting_days)
    start = day - datetime.timedelta(weeks=weeks)
    found = {}
    for row in (Event.objects.filter(period(start, day), trajectory__team=team,
                                     kind__in=("trajectory_started", "outflow"))
                .annotate(week=TruncWeek("occurred_at")).values("week", "kind")
                .annotate(n=Count("pk")).order_by()):
        week = row["week"].date() if isinstance(row["week"], datetime.datetime) else row["week"]
        entry = found.setdefault(week, Week(week))
        setattr(entry, "inflow" if row["kind"] == "trajectory_started" else "outflow", row["n"])
    monday = start - datetime.timedelta(days=start.weekday())
    result.weeks = [found.get(monday + datetime.timedelta(weeks=n)) or Week(
        monday + datetime.timedelta(weeks=n)) for n in range(weeks + 1)]
    first_contact = Subquery(Event.objects.filter(
        trajectory=OuterRef("trajectory_id"), kind="contact_person_changed")
        .order_by("occurred_at").values("occurred_at")[:1])
    wait = (Event.objects.filter(period(start, day), trajectory__team=team,
                                 kind="trajectory_started")
            .annotate(first=first_contact).filter(first__isnull=False)
            .aggregate(days=Avg(ExpressionWrapper(F("first") - F("occurred_at"),
                                                  output_field=DurationField())))["days"])
    if wait is not None:
        result.days_to_contact = round(wait.total_seconds() / 86400, 1)
    return result


def targets_for(municipality: Municipality, year: int) -> dict[str, int]:
    return dict(Target.objects.filter(municipality=municipality, year=year).values_list(
        "indicator", "value"))


