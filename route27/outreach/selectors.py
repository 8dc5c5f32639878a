"""Reads of the outreach app, scoped: a team's cases to its casework members (the same-team
reason: an outreach file is held by the team that does the outreach); the status list to the
files the user may see, and its counts (no names) to whoever may read the list."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read, record_reads
from route27.core.errors import NotFound
from route27.organisations.models import Membership, Municipality
from route27.organisations.roles import CASEWORK_ROLES, Role
from route27.outreach.models import (
    CaseStatus,
    LeaverStatus,
    Naming,
    OutreachCase,
    StatusConfirmation,
)
from route27.outreach.services import STOPPED_EARLY, reapproach_days
from route27.trajectories.models import Trajectory
from route27.trajectories.workflow import Step
from route27.youth.models import Youth
from route27.youth.selectors import youth_visible_to

NOT_FOUND = "Niet gevonden of geen toegang."


def open_cases_q(today: datetime.date) -> Q:
    """Open cases whose next attempt is due (or was never planned)."""
    return Q(status=CaseStatus.OPEN) & (Q(next_attempt_on__isnull=True)
                                        | Q(next_attempt_on__lte=today))


def cases_for(*, user, due_only: bool = False, today: datetime.date | None = None
              ) -> QuerySet[OutreachCase]:
    """Open cases of the user's casework teams, those due first."""
    today = today or timezone.localdate()
    qs = OutreachCase.objects.filter(status=CaseStatus.OPEN, team_id__in=user.casework_team_ids)
    if due_only:
        qs = qs.filter(open_cases_q(today))
    return qs.select_related("youth", "delivery").order_by(
        F("next_attempt_on").asc(nulls_first=True), "opened_at", "id")


def log_shown(*, user, cases) -> None:
    record_reads(user=user, shown=cases, purpose=Purpose.CASELOAD)


def case_get(*, user, public_id) -> OutreachCase:
    case = (OutreachCase.objects.filter(team_id__in=user.casework_team_ids, public_id=public_id)
            .select_related("youth__municipality", "team", "delivery", "trajectory").first())
    if case is None:
        record_denied(user=user, object_type="outreach_case", object_id=public_id,
                      purpose=Purpose.CASEWORK)
        raise NotFound(NOT_FOUND)
    record_read(user=user, youth=case.youth, about=case)
    return case


def importing_teams(user):
    """Teams of the user's organisations that serve a municipality, the user's own first."""
    from route27.organisations.models import Team

    organisations = Membership.objects.filter(user=user, is_active=True).values(
        "team__organisation")
    return (Team.objects.filter(organisation__in=organisations, serves__isnull=False)
            .distinct().order_by("name"))


# --- Re-approach (issue 13 §7) ------------------------------------------------------------------
def reapproach_list(*, user, today: datetime.date | None = None) -> QuerySet[Trajectory]:
    """Trajectories of the user's teams that stopped early at least ``ROUTE27_REAPPROACH_DAYS``
    ago, whose youth is not in view again (no open trajectory, no outreach case since)."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=reapproach_days())
    open_now = Trajectory.objects.filter(youth=OuterRef("youth_id"), closed_on__isnull=True)
    approached = OutreachCase.objects.filter(earlier_trajectory=OuterRef("pk"))
    later = Trajectory.objects.filter(youth=OuterRef("youth_id"),
                                      started_on__gt=OuterRef("closed_on"))
    return (Trajectory.objects.filter(team_id__in=user.casework_team_ids,
                                      outflow_reason__in=STOPPED_EARLY, closed_on__lte=since,
                                      youth__merged_into__isnull=True)
            .exclude(Exists(open_now)).exclude(Exists(approached)).exclude(Exists(later))
            .select_related("youth").order_by("closed_on", "id"))


def reapproach_get(*, user, public_id) -> Trajectory:
    trajectory = reapproach_list(user=user).filter(public_id=public_id).first()
    if trajectory is None:
        record_denied(user=user, object_type="trajectory", object_id=public_id)
        raise NotFound(NOT_FOUND)
    return trajectory


# --- The status of every school leaver (issue 13 §6) --------------------------------------------
def confirm_months() -> int:
    return int(settings.ROUTE27_STATUS_CONFIRM_MONTHS)


def municipalities_of(user) -> QuerySet[Municipality]:
    """The municipalities the user's teams serve (casework roles and policy advisers)."""
    teams = Membership.objects.filter(
        user=user, is_active=True,
        role__in=[*CASEWORK_ROLES, Role.BELEIDSADVISEUR]).values("team_id")
    return Municipality.objects.filter(serving_teams__in=teams).distinct()


def _population(municipality_ids) -> QuerySet[Youth]:
    """The target group the deliveries, handovers and outreach name in these municipalities."""
    from route27.handover.models import Handover

    named = Naming.objects.filter(youth=OuterRef("pk"))
    handed = Handover.objects.filter(youth=OuterRef("pk")).exclude(status="concept")
    reached = OutreachCase.objects.filter(youth=OuterRef("pk"))
    return Youth.objects.filter(municipality_id__in=municipality_ids,
                                merged_into__isnull=True).filter(
        Exists(named) | Exists(handed) | Exists(reached))


def with_status(qs: QuerySet[Youth], today: datetime.date) -> QuerySet[Youth]:
    """Annotate ``leaver_status`` and ``confirmed_on``: the open trajectory decides (in traject,
    in nazorg: confirmed by its latest event), else the latest confirmation, else niet bekend;
    ``stale``: not confirmed within ``ROUTE27_STATUS_CONFIRM_MONTHS``."""
    from route27.casefile.models import Event

    running = Trajectory.objects.filter(youth=OuterRef("pk"), closed_on__isnull=True)
    latest = StatusConfirmation.objects.filter(youth=OuterRef("pk")).order_by(
        "-confirmed_on", "-id")
    last_event = (Event.objects.filter(youth=OuterRef("pk")).order_by("-occurred_at")
                  .annotate(day=TruncDate("occurred_at")).values("day")[:1])
    limit = today - relativedelta(months=confirm_months())
    return qs.annotate(
        running_step=Subquery(running.values("step")[:1]),
        confirmed_status=Subquery(latest.values("status")[:1]),
        confirmed_date=Subquery(latest.values("confirmed_on")[:1]),
    ).annotate(
        leaver_status=Case(
            When(running_step=Step.AFTERCARE, then=Value(LeaverStatus.AFTERCARE)),
            When(running_step__isnull=False, then=Value(LeaverStatus.IN_TRAJECTORY)),
            When(confirmed_status__isnull=False, then=F("confirmed_status")),
            default=Value(LeaverStatus.UNKNOWN), output_field=CharField()),
        confirmed_on=Case(
            When(running_step__isnull=False,
                 then=Coalesce(Subquery(last_event, output_field=DateField()),
                               F("confirmed_date"), output_field=DateField())),
            default=F("confirmed_date"), output_field=DateField()),
    ).annotate(stale=Case(
        When(confirmed_on__isnull=True, then=Value(True)),
        When(confirmed_on__lt=limit, then=Value(True)),
        default=Value(False)))


def status_counts(*, municipality_ids, today: datetime.date | None = None) -> dict:
    """Counts per status and of "not confirmed" (no names: for the list's head and the
    dashboard)."""
    today = today or timezone.localdate()
    rows = with_status(_population(municipality_ids), today).values("leaver_status").annotate(
        n=Count("pk"), stale_n=Count("pk", filter=Q(stale=True))).order_by()
    counts = {status: 0 for status in LeaverStatus.values}
    stale = 0
    for row in rows:
        counts[row["leaver_status"]] = row["n"]
        stale += row["stale_n"]
    return {"by_status": counts, "stale": stale, "total": sum(counts.values())}


def status_list(*, user, municipality_ids, status: str = "", stale_only: bool = False,
                today: datetime.date | None = None) -> QuerySet[Youth]:
    """The youth of the status list the user may see (the file's reasons), filterable."""
    today = today or timezone.localdate()
    qs = with_status(_population(municipality_ids).filter(
        pk__in=youth_visible_to(user).values("pk")), today)
    if status:
        qs = qs.filter(leaver_status=status)
    if stale_only:
        qs = qs.filter(stale=True)
    return qs.select_related("municipality").order_by("family_name", "given_names", "id")
