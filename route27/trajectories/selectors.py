"""Reads of trajectories, always through the youth scope (youth.access)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.casefile.services import record_denied, record_read
from route27.casefile.vocabularies import AlertCode
from route27.core.errors import NotFound
from route27.core.partial_date import PartialDate
from route27.organisations.models import Membership, MunicipalConfig, Organisation, Team, User
from route27.organisations.roles import CONTACT_PERSON_ROLES, OrganisationType, Role
from route27.organisations.selectors import serves_region_of
from route27.trajectories.alerts import TURNS_18_DAYS, TURNS_27_DAYS
from route27.trajectories.events import TrajectoryObject
from route27.trajectories.models import (
    INTENSITY_WEIGHT,
    FollowUp,
    Intensity,
    JointAssessment,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.workflow import ORDER, Step
from route27.youth.access import visible_q
from route27.youth.models import ContactAssignment, Youth

UNKNOWN_INTENSITY = "onbekend"
UNKNOWN_WEIGHT = INTENSITY_WEIGHT[Intensity.LIGHT]  # no intake yet: counts as light
ALERT_FILTERS = tuple(AlertCode.values)


def trajectories_visible_to(user) -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(
        Exists(Youth.objects.filter(visible_q(user), pk=OuterRef("youth_id"))))


def _prefetched_trajectories(youth) -> list[Trajectory] | None:
    cache = getattr(youth, "_prefetched_objects_cache", {})
    return list(cache["trajectories"]) if "trajectories" in cache else None


def open_trajectory_of(youth) -> Trajectory | None:
    """The youth's one open trajectory (a database constraint allows at most one)."""
    known = _prefetched_trajectories(youth)
    if known is not None:
        return next((t for t in known if t.closed_on is None), None)
    return Trajectory.objects.filter(youth=youth, closed_on__isnull=True).first()


def trajectory_get(*, user, public_id, purpose: str = Purpose.CASEWORK) -> Trajectory:
    """One trajectory the user may see, for pages and API alike. Not logged as a read yet (a
    write form logs it with :func:`trajectory_log_read`); NotFound and a denied row otherwise."""
    trajectory = (trajectories_visible_to(user)
                  .select_related("youth__municipality", "team").filter(public_id=public_id)
                  .first())
    if trajectory is None:
        record_denied(user=user, object_type=TrajectoryObject.TRAJECTORY, object_id=public_id,
                      purpose=purpose)
        raise NotFound(_("Dit traject is niet gevonden of u heeft geen toegang."))
    return trajectory


def trajectory_child_get(*, user, queryset: QuerySet, pk, via: str, object_type: str,
                         purpose: str = Purpose.CASEWORK):
    """A proposal, goal, action or follow-up, found only through a trajectory the user may see
    (``via``: the lookup from the child to its trajectory). NotFound and a denied row otherwise."""
    obj = queryset.filter(**{f"{via}__in": trajectories_visible_to(user)}, pk=pk).first()
    if obj is None:
        record_denied(user=user, object_type=object_type, object_id=pk, purpose=purpose)
        raise NotFound(_("Niet gevonden, of u heeft er geen toegang toe."))
    return obj


def trajectory_log_read(*, user, trajectory: Trajectory, view: str,
                        purpose: str = Purpose.CASEWORK) -> None:
    record_read(user=user, youth=trajectory.youth, about=trajectory, purpose=purpose,
                detail={"view": view})


# --- Joint assessment (Pw art. 7a lid 2): the Doorstroompunt's narrow scope ---------------------
# ACCESS.md: the doorstroomcoach of the Doorstroompunt serving the youth's region, while the route
# asks for it, sees the identity, the education and work domains of the intake, the route facts
# and the proposal; no special categories, no BSN. Not a reason to the file (youth.access).
JOINT_ASSESSMENT_DOMAINS = ("onderwijs", "werk")
JOINT_ASSESSMENT_FACTS = ("arrival", "requested_by", "highest_diploma", "in_school",
                          "school_type", "school_left_on", "diploma_on", "on_bbl_job",
                          "school_possible", "learn_work_possible", "wants_retraining")


@dataclass
class JointAssessmentFile:
    """What the Doorstroompunt sees for one youth: nothing beyond the scope is read."""

    trajectory: Trajectory
    youth: Youth
    decision: RouteDecision
    answers: list  # IntakeAnswer of the education and work domains, never a special category
    facts: dict  # the route facts of JOINT_ASSESSMENT_FACTS only


def doorstroompunten_of(user) -> QuerySet[Organisation]:
    """The Doorstroompunten in which the user is an active doorstroomcoach."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        type=OrganisationType.DOORSTROOMPUNT, teams__memberships__user=user,
        teams__memberships__is_active=True,
        teams__memberships__role=Role.DOORSTROOMCOACH).distinct()


def _regions_served(user) -> set[int]:
    """Doorstroompunt regions the user's Doorstroompunten serve, as
    ``organisations.selectors.serves_region_of`` counts them: the region a Doorstroompunt sits
    in, and every region one of its teams serves a municipality of."""
    orgs = doorstroompunten_of(user)
    own = orgs.values_list("municipality__doorstroompunt_region_id", flat=True)
    served = Team.objects.filter(organisation__in=orgs).values_list(
        "serves__doorstroompunt_region_id", flat=True)
    return {region for region in [*own, *served] if region is not None}


def doorstroompunt_serving(user, municipality) -> Organisation | None:
    """The user's Doorstroompunt that serves the municipality's region, if any."""
    return next((org for org in doorstroompunten_of(user).order_by("pk")
                 if serves_region_of(org, municipality)), None)


def awaiting_joint_assessment() -> QuerySet[Trajectory]:
    """Open trajectories whose route asks for a joint assessment (``law.Route.JOINT_ASSESSMENT``:
    the decided route of the latest proposal, else the proposed one) that has not been recorded
    for that proposal. Annotated with ``asking_decision_id``. The reason lasts exactly this long:
    recording the assessment, a new proposal with another route, or closing ends it."""
    latest = RouteDecision.objects.filter(trajectory=OuterRef("pk")).order_by("-proposed_at",
                                                                              "-id")
    route = Case(When(route="", then=F("proposed_route")), default=F("route"))
    return (Trajectory.objects.filter(closed_on__isnull=True)
            .annotate(asking_decision_id=Subquery(latest.values("pk")[:1]),
                      asked_route=Subquery(latest.annotate(asked=route).values("asked")[:1]))
            .filter(asked_route=law.Route.JOINT_ASSESSMENT)
            .exclude(Exists(JointAssessment.objects.filter(
                decision_id=OuterRef("asking_decision_id")))))


def joint_assessments_for(user) -> QuerySet[Trajectory]:
    """Trajectories awaiting a joint assessment of a youth in a region the user's Doorstroompunt
    serves; nothing for anyone else. Not logged: the list page logs the rows it shows."""
    regions = _regions_served(user)
    if not regions:
        return Trajectory.objects.none()
    return (awaiting_joint_assessment()
            .filter(youth__municipality__doorstroompunt_region_id__in=regions)
            .select_related("youth__municipality", "team__organisation")
            .order_by("started_on", "id"))


def joint_assessment_get(*, user, public_id,
                         purpose: str = Purpose.CASEWORK) -> JointAssessmentFile:
    """The joint-assessment scope of one trajectory, logged as read; NotFound and a denied row
    when the user has no such reason (the same answer as an unknown id)."""
    trajectory = joint_assessments_for(user).filter(public_id=public_id).first()
    if trajectory is None:
        record_denied(user=user, object_type=TrajectoryObject.JOINT_ASSESSMENT,
                      object_id=public_id, purpose=purpose)
        raise NotFound(_("Niet gevonden, of u heeft er geen toegang toe."))
    decision = RouteDecision.objects.get(pk=trajectory.asking_decision_id)
    latest = trajectory.intakes.order_by("-version").first()
    answers = [] if latest is None else list(
        latest.answers.filter(domain__code__in=JOINT_ASSESSMENT_DOMAINS, special_category=False)
        .select_related("domain"))
    facts = {key: decision.facts[key] for key in JOINT_ASSESSMENT_FACTS if key in decision.facts}
    record_read(user=user, youth=trajectory.youth, about=trajectory, purpose=purpose,
                detail={"view": "joint_assessment", "scope": "joint_assessment"})
    return JointAssessmentFile(trajectory=trajectory, youth=trajectory.youth, decision=decision,
                               answers=answers, facts=facts)


def joint_assessment_of(trajectory: Trajectory):
    """The joint assessment recorded for the trajectory's latest route proposal, if any (the file
    page of the team shows it; the route form starts from its outcome)."""
    latest = trajectory.route_decisions.order_by("-proposed_at", "-id").first()
    if latest is None:
        return None
    return JointAssessment.objects.filter(decision=latest).select_related(
        "doorstroompunt", "recorded_by").first()


OPEN_ACTION_STATUSES = (PlanAction.Status.PLANNED, PlanAction.Status.IN_PROGRESS)


def overdue_follow_up(today: datetime.date) -> Exists:
    """Whether the outer trajectory has an aftercare follow-up that is late today."""
    return Exists(FollowUp.objects.filter(trajectory=OuterRef("pk"), done_on__isnull=True,
                                          cancelled=False, due_on__lt=today))


def with_file_facts(qs: QuerySet[Trajectory], today: datetime.date) -> QuerySet[Trajectory]:
    """What the file's summary says of a trajectory's plan and aftercare, as columns: its open
    plan actions and whether a follow-up is late (issue 12: no reading of those blocks)."""
    open_actions = (PlanAction.objects.filter(goal__trajectory=OuterRef("pk"),
                                              status__in=OPEN_ACTION_STATUSES)
                    .values("goal__trajectory").annotate(n=Count("id")).values("n"))
    return qs.annotate(
        open_actions_count=Coalesce(Subquery(open_actions, output_field=IntegerField()), 0),
        has_overdue_follow_up=overdue_follow_up(today))


def _annotated(qs: QuerySet[Trajectory], today: datetime.date) -> QuerySet[Trajectory]:
    """Everything a list row and ``alerts_for`` need, in the one list query. The caller
    annotates ``contact_user_id`` and ``contact_role`` (it knows them from its own filter)."""
    return qs.select_related("youth", "youth__municipality", "youth__municipality__config",
                             "team").annotate(
        overdue_follow_up=overdue_follow_up(today),
        contact_on=Coalesce("last_contact_on", "started_on"),
    )


# --- Alerts as SQL filters (the same rules as alerts.alerts_for) -------------------------------
def _add_years(born: datetime.date, years: int) -> datetime.date:
    return law.birthday(PartialDate(born.year, born.month, born.day), years)[0]


def birth_bounds(years: int, start: datetime.date, end: datetime.date) -> tuple[datetime.date,
                                                                                 datetime.date]:
    """``(lo, hi)`` such that a person born on ``b`` turns ``years`` in [start, end] exactly when
    ``lo <= b <= hi`` (29 February turns a year older on 28 February, as law.birthday does)."""
    lo = start - relativedelta(years=years)
    if _add_years(lo, years) < start:
        lo += datetime.timedelta(days=1)
    hi = end - relativedelta(years=years)
    if _add_years(hi + datetime.timedelta(days=1), years) <= end:
        hi += datetime.timedelta(days=1)
    return lo, hi


def _earliest_birth_on_or_before(day: datetime.date, prefix: str = "youth__") -> Q:
    """PartialDate.earliest() <= day, on the year/month/day columns (NULL = unknown)."""
    y, m, d = f"{prefix}birth_year", f"{prefix}birth_month", f"{prefix}birth_day"
    return Q(**{f"{y}__lt": day.year}) | Q(**{y: day.year}) & (
        Q(**{f"{m}__isnull": True}) | Q(**{f"{m}__lt": day.month})
        | Q(**{m: day.month}) & (Q(**{f"{d}__isnull": True}) | Q(**{f"{d}__lte": day.day})))


def _latest_birth_on_or_after(day: datetime.date, prefix: str = "youth__") -> Q:
    """PartialDate.latest() >= day, on the year/month/day columns (NULL = unknown)."""
    y, m, d = f"{prefix}birth_year", f"{prefix}birth_month", f"{prefix}birth_day"
    return Q(**{f"{y}__gt": day.year}) | Q(**{y: day.year}) & (
        Q(**{f"{m}__isnull": True}) | Q(**{f"{m}__gt": day.month})
        | Q(**{m: day.month}) & (Q(**{f"{d}__isnull": True}) | Q(**{f"{d}__gte": day.day})))


def turns_within_q(years: int, days: int, today: datetime.date, prefix: str = "youth__") -> Q:
    """The birthday window of ``alerts._within`` for a partial birth date, as a filter."""
    lo, hi = birth_bounds(years, today, today + datetime.timedelta(days=days))
    return _latest_birth_on_or_after(lo, prefix) & _earliest_birth_on_or_before(hi, prefix)


def _default_no_contact_weeks() -> int:
    return MunicipalConfig._meta.get_field("no_contact_weeks").get_default()


def _no_contact_q(today: datetime.date) -> Q:
    """Open, not in aftercare, and no contact for the municipality's number of weeks.

    One query for the municipalities with their own setting, then one OR-term per setting on
    the youth's municipality id. Not a join to the settings: with few settings rows PostgreSQL
    misjudged "no setting" and read every youth of the country (issue 12)."""
    def cutoff(weeks: int) -> datetime.date:
        return today - datetime.timedelta(weeks=weeks)

    by_weeks: dict[int, list[int]] = {}
    for municipality_id, weeks in MunicipalConfig.objects.values_list("municipality_id",
                                                                      "no_contact_weeks"):
        by_weeks.setdefault(weeks, []).append(municipality_id)
    configured = [m for ids in by_weeks.values() for m in ids]
    q = Q(contact_on__lte=cutoff(_default_no_contact_weeks()))
    if configured:
        q &= ~Q(youth__municipality_id__in=configured)
    for weeks, ids in by_weeks.items():
        q |= Q(youth__municipality_id__in=ids, contact_on__lte=cutoff(weeks))
    return q & Q(closed_on__isnull=True) & ~Q(step=Step.AFTERCARE)


def _alert_q(alert: str, today: datetime.date) -> Q:
    if alert == AlertCode.TURNS_18:
        return turns_within_q(law.AGE_OF_MAJORITY, TURNS_18_DAYS, today)
    if alert == AlertCode.TURNS_27:
        return turns_within_q(law.AGE_LIMIT, TURNS_27_DAYS, today)
    if alert == AlertCode.FOLLOW_UP_OVERDUE:
        return Q(step=Step.AFTERCARE, overdue_follow_up=True)
    if alert == AlertCode.NO_CONTACT:
        return _no_contact_q(today)
    return Q()


# --- Worklist ------------------------------------------------------------------------------------
_STEP_ORDER = Case(*(When(step=s, then=Value(i)) for i, s in
                     enumerate([*ORDER, *(s for s in Step if s not in ORDER)])),
                   output_field=IntegerField())
SORTS = {
    "naam": ("youth__family_name", "youth__given_names", "id"),
    "stap": (_STEP_ORDER, "youth__family_name", "id"),
    "start": ("started_on", "id"),
    "contact": ("contact_on", "id"),
}


def _order(sort: str) -> list:
    descending = sort.startswith("-")
    keys = SORTS.get(sort.lstrip("-"), SORTS["naam"])
    if not descending:
        return list(keys)
    return [(F(k) if isinstance(k, str) else k).desc() for k in keys]


def worklist(*, user, step: str = "", intensity: str = "", route: str = "", alert: str = "",
             sort: str = "naam", today: datetime.date | None = None) -> QuerySet[Trajectory]:
    """The coach's own youth: open trajectories where the user is the active contact person.

    ``sort`` is a key of SORTS, with a leading ``-`` for descending. Every filter, alerts
    included, is SQL, so counting and paging stay exact and the page costs a fixed number of
    queries. Rows carry ``contact_role``, ``overdue_follow_up`` and ``contact_on`` for alerts_for.
    """
    today = today or timezone.localdate()
    # Read through the contact-person access reason itself (youth.access), as a join: the
    # user's active assignment, at most one per youth (a constraint). It also gives the row its
    # contact, so the list needs no visibility EXISTS and no correlated sub-selects (issue 12).
    qs = _annotated(Trajectory.objects.filter(
        youth__contact_assignments__user=user, youth__contact_assignments__ended_at__isnull=True,
        closed_on__isnull=True,
    ).annotate(contact_user_id=F("youth__contact_assignments__user_id"),
               contact_role=F("youth__contact_assignments__role")), today)
    if step:
        qs = qs.filter(step=step)
    if intensity:
        qs = qs.filter(intensity="" if intensity == UNKNOWN_INTENSITY else intensity)
    if route:
        qs = qs.filter(route=route)
    if alert:
        qs = qs.filter(_alert_q(alert, today))
    return qs.order_by(*_order(sort))


# --- Intake queue --------------------------------------------------------------------------------
def intake_queue(*, user, today: datetime.date | None = None) -> QuerySet[Trajectory]:
    """Open trajectories of the user's teams without a contact person (unassigned signals),
    oldest first. ``entrance_label`` says how each youth came in."""
    today = today or timezone.localdate()
    has_contact = ContactAssignment.objects.filter(youth=OuterRef("youth_id"),
                                                   ended_at__isnull=True)
    teams = user.casework_team_ids
    # Read through the team access reason itself (youth.access), as a filter on the youth's
    # team: a youth without a contact person is visible by no other reason. No visibility
    # EXISTS over every reason, so PostgreSQL walks the partial index of open trajectories.
    return _annotated(Trajectory.objects.filter(
        ~Exists(has_contact), closed_on__isnull=True, team_id__in=teams, youth__team_id__in=teams,
    ).annotate(contact_user_id=Value(None, output_field=IntegerField()),
               contact_role=Value("")), today).order_by("started_on", "id")


def contact_roles_by_team(user) -> dict[int, str]:
    """The role the user takes as contact person, per team (only roles in CONTACT_PERSON_ROLES)."""
    roles: dict[int, str] = {}
    for membership in user.active_memberships:
        if membership.role in CONTACT_PERSON_ROLES:
            roles.setdefault(membership.team_id, membership.role)
    return roles


# --- Caseload ------------------------------------------------------------------------------------
@dataclass
class CaseloadRow:
    name: str
    user_id: int | None = None
    roles: list[str] = field(default_factory=list)
    light: int = 0
    medium: int = 0
    intensive: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.light + self.medium + self.intensive + self.unknown

    @property
    def weighted(self) -> int:
        return (self.light * INTENSITY_WEIGHT[Intensity.LIGHT]
                + self.medium * INTENSITY_WEIGHT[Intensity.MEDIUM]
                + self.intensive * INTENSITY_WEIGHT[Intensity.INTENSIVE]
                + self.unknown * UNKNOWN_WEIGHT)

    def add(self, counts: dict) -> None:
        for key in ("light", "medium", "intensive", "unknown"):
            setattr(self, key, getattr(self, key) + counts[key])


@dataclass
class TeamCaseload:
    team: object
    rows: list[CaseloadRow]
    total: CaseloadRow
    intake_queue: int


def lead_team_ids(user) -> list[int]:
    return sorted({m.team_id for m in user.active_memberships if m.role == Role.TEAMLEIDER})


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def team_caseload(*, user, team_ids=None) -> list[TeamCaseload]:
    """Per team the user leads: each contact person's open trajectories by intensity and the
    weighted caseload, the team total and the intake queue size. Counts only, no names of youth;
    logged as one read of the caseload. A fixed number of queries, whatever the team size."""
    team_ids = lead_team_ids(user) if team_ids is None else sorted(team_ids)
    audit_record(user=user, action=AuditAction.READ, object_type=TrajectoryObject.CASELOAD,
                 object_id=",".join(map(str, team_ids)), purpose=Purpose.CASELOAD)
    active_contact = ContactAssignment.objects.filter(youth=OuterRef("youth_id"),
                                                      ended_at__isnull=True)
    counts = (Trajectory.objects
              .filter(team_id__in=team_ids, closed_on__isnull=True)
              .annotate(contact=Subquery(active_contact.values("user_id")[:1]))
              .values("team_id", "contact")
              .annotate(light=Count("id", filter=Q(intensity=Intensity.LIGHT)),
                        medium=Count("id", filter=Q(intensity=Intensity.MEDIUM)),
                        intensive=Count("id", filter=Q(intensity=Intensity.INTENSIVE)),
                        unknown=Count("id", filter=Q(intensity="")))
              .order_by())
    counts = list(counts)
    members = list(Membership.objects.filter(team_id__in=team_ids, is_active=True,
                                             role__in=CONTACT_PERSON_ROLES)
                   .select_related("user").order_by("id"))
    contact_ids = {c["contact"] for c in counts if c["contact"] is not None}
    outsiders = contact_ids - {m.user_id for m in members}  # contact person from another team
    users = {u.pk: u for u in User.objects.filter(pk__in=outsiders)}
    users.update({m.user_id: m.user for m in members})
    teams = Team.objects.select_related("organisation").in_bulk(team_ids)

    result = []
    for team_id in team_ids:
        rows: dict[int, CaseloadRow] = {}
        for m in members:
            if m.team_id == team_id:
                row = rows.setdefault(m.user_id, CaseloadRow(name=_name(m.user), user_id=m.user_id))
                row.roles.append(Role(m.role).label)
        queue = 0
        for c in counts:
            if c["team_id"] != team_id:
                continue
            if c["contact"] is None:
                queue = sum(c[k] for k in ("light", "medium", "intensive", "unknown"))
                continue
            row = rows.setdefault(c["contact"], CaseloadRow(name=_name(users[c["contact"]]),
                                                            user_id=c["contact"]))
            row.add(c)
        ordered = sorted(rows.values(), key=lambda r: r.name.lower())
        total = CaseloadRow(name="")
        for row in ordered:
            total.add(row.__dict__)
        result.append(TeamCaseload(team=teams.get(team_id), rows=ordered, total=total,
                                   intake_queue=queue))
    return result


def trajectory_for_file(*, youth) -> Trajectory | None:
    """The open trajectory (or the latest) of a youth already read through youth_get."""
    known = _prefetched_trajectories(youth)
    if known is not None:
        return min(known, key=lambda t: (t.closed_on is not None,
                                         -(t.closed_on or t.started_on).toordinal(),
                                         -t.started_on.toordinal()), default=None)
    return (with_file_facts(Trajectory.objects.filter(youth=youth), timezone.localdate())
            .select_related("team")
            .order_by(F("closed_on").desc(nulls_first=True), "-started_on").first())


def law_decision_for(trajectory: Trajectory, *, today: datetime.date | None = None,
                     decisions=None) -> law.Decision | None:
    """The law's answers for this file today, from the facts of the latest route proposal (the
    coach's facts, re-read on today's date: ages and terms move on). None without a proposal.
    ``decisions``: the proposals already read, newest first (saves a query)."""
    from route27.trajectories.route_facts import stored_facts

    if decisions is None:
        latest = trajectory.route_decisions.order_by("-proposed_at", "-id").first()
    else:
        latest = decisions[0] if decisions else None
    if latest is None:
        return None
    facts = stored_facts(latest.facts, birth=trajectory.youth.birth_date,
                         today=today or timezone.localdate(),
                         in_aftercare=trajectory.step == Step.AFTERCARE)
    return law.decide(facts)


def contact_fit_for(trajectory: Trajectory | None, youth, *, current_role: str,
                    today: datetime.date) -> law.Answer:
    """Whether the current contact person fits the youth's age and decided route (law.contact_fit):
    before the intake fixed the route there is none yet; one assigned anyway is 'too early'."""
    route = None
    if trajectory is not None and trajectory.route in law.Route.__members__.values():
        route = law.Route(trajectory.route)
    expected = law.contact_person_answer(
        route=route, route_open=False, birth=youth.birth_date, on=today,
        in_aftercare=bool(trajectory and trajectory.step == Step.AFTERCARE))
    return law.contact_fit(expected=expected, current_role=current_role,
                           birth=youth.birth_date, on=today)
