"""What each role's home page shows (issue 11 §1): reads only, a fixed number of queries each.

Every list is one query, whatever its length; the view logs one read per youth shown
(``record_reads``), as the worklists do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.handover.models import Consent, Handover, LegalBasisOverride, SupportRequest
from route27.handover.selectors import organisations_of
from route27.handover.support.selectors import casework_organisations_of
from route27.handover.workflow import HandoverStatus
from route27.organisations.models import Membership
from route27.organisations.roles import CONTACT_PERSON_ROLES
from route27.trajectories import selectors as trajectory_selectors
from route27.trajectories.models import FollowUp, PlanAction, Trajectory
from route27.trajectories.queue import one_row_per_person
from route27.youth.access import visible_q
from route27.youth.models import ContactAssignment, ContactNotice, Youth

ROWS_SHOWN = 25  # per block on a home page; the full list is one click away
FOLLOW_UP_SOON_DAYS = 14
NOTICE_DAYS = 30
ASSIGN_PAGE_SIZE = 50


# --- Age alerts ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgeMark:
    years: int
    meaning: str  # one sentence: what the birthday means for the coach's work
    citation: str


AGE_MARKS = (
    AgeMark(16, _("De volledige leerplicht eindigt aan het eind van het schooljaar waarin de "
                  "jongere 16 wordt; tot 18 jaar (of een startkwalificatie) geldt de "
                  "kwalificatieplicht."), "Leerplichtwet 1969 art. 3 en 4a"),
    AgeMark(law.AGE_OF_MAJORITY, _("Meerderjarig: de jongere geeft voortaan zelf toestemming, "
                                   "niet meer de ouder; de leerplichtambtenaar draagt over aan "
                                   "een coach."),
            f"BW 1:233; {law.HANDREIKING} §4.2 tabel 1; {law.NOTITIE} §1"),
    AgeMark(law.EXTRA_EFFORT_AGE, _("Vanaf 23 jaar vraagt de handreiking extra inzet om de "
                                    "jongere nog vóór 27 te laten doorstromen."),
            f"{law.HANDREIKING} §5.2 stap 3b"),
    AgeMark(law.AGE_LIMIT, _("Art. 7a geldt tot 27 jaar: besluit of de hardheidsclausule de "
                             "ondersteuning laat doorlopen, en leg de rechtvaardiging vast."),
            law.R_HARDSHIP.citation),
)


def age_alert_days() -> int:
    return settings.ROUTE27_AGE_ALERT_DAYS


@dataclass
class AgeAlert:
    trajectory: Trajectory
    mark: AgeMark
    on: datetime.date  # the (earliest possible) birthday


def age_alerts(*, user, today: datetime.date) -> list[AgeAlert]:
    """Own youth turning 16, 18, 23 or 27 within ``ROUTE27_AGE_ALERT_DAYS``; one query."""
    days = age_alert_days()
    window = Q()
    for mark in AGE_MARKS:
        window |= trajectory_selectors.turns_within_q(mark.years, days, today)
    alerts = []
    for trajectory in trajectory_selectors.worklist(user=user, today=today).filter(window):
        for mark in AGE_MARKS:
            earliest, latest = law.birthday(trajectory.youth.birth_date, mark.years)
            if latest >= today and earliest <= today + datetime.timedelta(days=days):
                alerts.append(AgeAlert(trajectory, mark, max(earliest, today)))
    alerts.sort(key=lambda a: (a.on, a.trajectory.youth.family_name))
    return alerts[:ROWS_SHOWN]


# --- The coach ----------------------------------------------------------------------------------
def _own(user, prefix: str) -> Q:
    own = ContactAssignment.objects.filter(youth=OuterRef(f"{prefix}youth_id"), user=user,
                                           ended_at__isnull=True)
    return Q(Exists(own))


def week_end(today: datetime.date) -> datetime.date:
    """The Sunday of this week."""
    return today + datetime.timedelta(days=6 - today.weekday())


def plan_actions_due(*, user, today: datetime.date) -> list[PlanAction]:
    """Open plan actions of own youth due this week or overdue, earliest first; one query."""
    return list(
        PlanAction.objects.filter(
            _own(user, "goal__trajectory__"), goal__trajectory__closed_on__isnull=True,
            status__in=trajectory_selectors.OPEN_ACTION_STATUSES,
            due_on__lte=week_end(today))
        .select_related("goal__trajectory__youth").order_by("due_on", "id")[:ROWS_SHOWN])


def follow_ups_due(*, user, today: datetime.date) -> list[FollowUp]:
    """Aftercare follow-ups of own youth that are late or due within two weeks; one query."""
    return list(
        FollowUp.objects.filter(
            _own(user, "trajectory__"), trajectory__closed_on__isnull=True,
            done_on__isnull=True, cancelled=False,
            due_on__lte=today + datetime.timedelta(days=FOLLOW_UP_SOON_DAYS))
        .select_related("trajectory__youth").order_by("due_on", "id")[:ROWS_SHOWN])


def no_contact(*, user, today: datetime.date) -> list[Trajectory]:
    """Own youth without contact beyond the municipality's norm (``no_contact_weeks``)."""
    from route27.casefile.vocabularies import AlertCode

    return list(trajectory_selectors.worklist(user=user, alert=AlertCode.NO_CONTACT,
                                              sort="contact", today=today)[:ROWS_SHOWN])


def handovers_waiting_on(*, user) -> list[Handover]:
    """Handovers to the user's organisation waiting on it (sent: receive or return; received:
    accept or return); one query."""
    return list(Handover.objects.filter(
        receiver__in=organisations_of(user),
        status__in=(HandoverStatus.SENT, HandoverStatus.RECEIVED))
        .select_related("sender", "youth").order_by("sent_at", "id")[:ROWS_SHOWN])


def support_requests_waiting_on(*, user) -> list[SupportRequest]:
    return list(SupportRequest.objects.filter(
        receiver__in=casework_organisations_of(user), status=SupportRequest.Status.SENT)
        .select_related("school", "youth").order_by("created_at", "id")[:ROWS_SHOWN])


def covers(*, user) -> dict[str, list[ContactAssignment]]:
    """Running covers: the youth the user stands in for, and the user's youth a colleague covers."""
    rows = list(ContactAssignment.objects.filter(
        Q(user=user) | Q(cover_for__user=user), ended_at__isnull=True, cover_for__isnull=False)
        .annotate(youth_visible=Exists(Youth.objects.filter(visible_q(user),
                                                            pk=OuterRef("youth_id"))))
        .select_related("youth", "user", "cover_for__user").order_by("cover_until", "id"))
    return {"doing": [a for a in rows if a.user_id == user.pk],
            "covered": [a for a in rows if a.user_id != user.pk]}


def notices(*, user, today: datetime.date) -> list[ContactNotice]:
    """The user's unread notices of the last 30 days; the youth is named only while the user may see
    the file (``youth_visible``), else the notice says 'een jongere'."""
    since = today - datetime.timedelta(days=NOTICE_DAYS)
    return list(ContactNotice.objects.filter(recipient=user, created_at__date__gte=since,
                                             read_at__isnull=True)
                .annotate(youth_visible=Exists(Youth.objects.filter(visible_q(user),
                                                                    pk=OuterRef("youth_id"))))
                .select_related("youth", "colleague")[:ROWS_SHOWN])


def appointments(*, user, today: datetime.date) -> dict:
    """Today's and this week's own appointments, and past ones whose attendance is still to be
    recorded (``route27.appointments``, issue 11 §2); each list logged as read there."""
    from route27.appointments import selectors as appointment_selectors

    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(
        week_end(today) + datetime.timedelta(days=1), datetime.time.min))
    week = appointment_selectors.appointments_for(user, start=start, end=end)
    tomorrow = start + datetime.timedelta(days=1)
    return {
        "today": [a for a in week if a.starts_at < tomorrow],
        "week": [a for a in week if a.starts_at >= tomorrow],
        "attendance": appointment_selectors.appointments_due_attendance(user),
    }


# --- The team lead ------------------------------------------------------------------------------
def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Monday-to-Friday days after ``start`` up to and including ``end`` (public holidays are
    not known to Route27 and count as working days)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + datetime.timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


def working_days_back(day: datetime.date, count: int) -> datetime.date:
    """Step back from ``day`` until ``count`` Monday-to-Friday days have passed."""
    while count > 0:
        day -= datetime.timedelta(days=1)
        count -= day.weekday() < 5
    return day


def escalation_norm() -> int:
    return settings.ROUTE27_INTAKE_ESCALATION_WORKING_DAYS


@dataclass
class QueueRow:
    trajectory: Trajectory
    working_days: int
    overdue: bool
    duplicates: list = field(default_factory=list)  # later rows that may be the same person


def lead_intake_queue(*, user, today: datetime.date) -> tuple[list[QueueRow], int, int]:
    """The lead's teams' queue, oldest first: rows shown (a person once, as on the intake
    queue page), the total of files and how many are overdue."""
    team_ids = trajectory_selectors.lead_team_ids(user)
    queue = trajectory_selectors.intake_queue(user=user, today=today).filter(
        team_id__in=team_ids)
    norm = escalation_norm()
    rows = []
    for row, duplicates in one_row_per_person(
            [QueueRow(t, days := working_days_between(t.started_on, today), days > norm)
             for t in queue[:ROWS_SHOWN]], youth_of=lambda r: r.trajectory.youth):
        row.duplicates = duplicates
        rows.append(row)
    cutoff = working_days_back(today, norm)  # started before it: overdue
    total = queue.count()
    overdue = queue.filter(started_on__lt=cutoff).count() if total else 0
    return rows, total, overdue


@dataclass
class AssignRow:
    trajectory: Trajectory
    contact: ContactAssignment | None = None


@dataclass
class AssignList:
    rows: list[AssignRow] = field(default_factory=list)
    colleagues: list[Membership] = field(default_factory=list)
    total: int = 0


def assign_list(*, user, contact_id: int | None = None, unassigned: bool = False,
                page: int = 1) -> AssignList:
    """Open trajectories of the teams the user leads, with their contact (and cover), for the
    assign form; filtered by contact person or to the unassigned. Three queries."""
    team_ids = trajectory_selectors.lead_team_ids(user)
    qs = Trajectory.objects.filter(team_id__in=team_ids, youth__team_id__in=team_ids,
                                   closed_on__isnull=True)
    active = ContactAssignment.objects.filter(youth=OuterRef("youth_id"), ended_at__isnull=True)
    if unassigned:
        qs = qs.filter(~Exists(active))
    elif contact_id:
        qs = qs.filter(Exists(active.filter(user_id=contact_id)))
    result = AssignList(total=qs.count())
    start = (max(page, 1) - 1) * ASSIGN_PAGE_SIZE
    trajectories = list(qs.select_related("youth").order_by(
        "youth__family_name", "youth__given_names", "id")[start:start + ASSIGN_PAGE_SIZE])
    contacts = {a.youth_id: a for a in ContactAssignment.objects.filter(
        youth_id__in=[t.youth_id for t in trajectories], ended_at__isnull=True)
        .select_related("user", "cover_for__user")}
    result.rows = [AssignRow(t, contacts.get(t.youth_id)) for t in trajectories]
    result.colleagues = colleagues(user=user)
    return result


def colleagues(*, user) -> list[Membership]:
    """Members of the lead's teams who can be a contact person, one per person."""
    seen, result = set(), []
    for membership in (Membership.objects.filter(
            team_id__in=trajectory_selectors.lead_team_ids(user), is_active=True,
            role__in=CONTACT_PERSON_ROLES).select_related("user", "team__organisation")
            .order_by("user__last_name", "user__first_name", "id")):
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            result.append(membership)
    return result


# --- The school ---------------------------------------------------------------------------------
WAITS_ON_SCHOOL = "school"
WAITS_ON_RECEIVER = "receiver"
WAITS_ON_CONSENT = "consent"
WAITS_ON_NOBODY = "nobody"
WAITS_ON_LABELS = {
    WAITS_ON_SCHOOL: _("Wacht op de school"),
    WAITS_ON_RECEIVER: _("Wacht op de ontvanger"),
    WAITS_ON_CONSENT: _("Wacht op toestemming van de jongere of ouder"),
    WAITS_ON_NOBODY: _("Afgerond"),
}


@dataclass
class SchoolItem:
    kind: str  # "handover" | "support_request"
    obj: object
    status_label: str
    waits_on: str
    next_step: str

    @property
    def waits_on_label(self) -> str:
        return str(WAITS_ON_LABELS[self.waits_on])


def _handover_waits_on(handover: Handover) -> tuple[str, str]:
    status = handover.status
    if status == HandoverStatus.CONCEPT:
        if not (handover.has_consent or handover.has_legal_basis):
            return WAITS_ON_CONSENT, str(_(
                "Leg de toestemming vast (of een wettelijke grondslag), dan kan de school "
                "versturen."))
        return WAITS_ON_SCHOOL, str(_("Controleer het document en verstuur de overdracht."))
    if status == HandoverStatus.SENT:
        return WAITS_ON_RECEIVER, str(_("De ontvanger neemt de overdracht in behandeling."))
    if status == HandoverStatus.RECEIVED:
        return WAITS_ON_RECEIVER, str(_("De ontvanger beslist: accepteren of terugsturen."))
    return WAITS_ON_NOBODY, ""


def school_items(*, user) -> dict[str, list[SchoolItem]]:
    """The school's handovers and support requests by status, with whom each waits on; two
    queries (the consent state is annotated)."""
    orgs = organisations_of(user)
    handovers = (Handover.objects.filter(sender__in=orgs)
                 .annotate(has_consent=Exists(Consent.objects.filter(
                     document__handover=OuterRef("pk"), withdrawn_at__isnull=True)),
                           has_legal_basis=Exists(LegalBasisOverride.objects.filter(
                               handover=OuterRef("pk"))))
                 .select_related("receiver", "youth").order_by("-created_at", "-id"))
    by_status: dict[str, list[SchoolItem]] = {}
    for handover in handovers[:ROWS_SHOWN * 4]:
        waits_on, next_step = _handover_waits_on(handover)
        by_status.setdefault(handover.get_status_display(), []).append(
            SchoolItem("handover", handover, handover.get_status_display(), waits_on,
                       next_step))
    requests = (SupportRequest.objects.filter(school__in=orgs)
                .select_related("receiver", "youth").order_by("-created_at", "-id"))
    for request in requests[:ROWS_SHOWN * 2]:
        open_ = request.status == SupportRequest.Status.SENT
        label = str(_("Ondersteuningsvraag: %(status)s") % {
            "status": request.get_status_display()})
        by_status.setdefault(label, []).append(SchoolItem(
            "support_request", request, label,
            WAITS_ON_RECEIVER if open_ else WAITS_ON_NOBODY,
            str(_("De gemeente beslist: accepteren of afwijzen.")) if open_ else ""))
    return by_status

