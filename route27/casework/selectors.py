"""Reads of the collaboration app, each scoped to what the asking user may see (ACCESS.md):

- the **involvement card** (who is involved, since when, how to reach them — not the file) to
  whoever may see the file, is involved, or takes part in a casusoverleg that discusses the
  youth within its term;
- a **regie request** to the members of the sociaal team it was asked of (name, birth date,
  municipality, who asks: what they need to decide), the file once regie is taken;
- a **casusoverleg** to its participants and its team; an agenda item to its participants
  until ``ROUTE27_CASE_MEETING_ACCESS_DAYS`` after the meeting.
Every read of a youth's data is logged through ``casefile.services``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read, record_reads
from route27.casework.models import (
    OPEN_REGIE,
    AgendaItem,
    CaseMeeting,
    CaseworkNotice,
    Involvement,
    MeetingAction,
    Regie,
    RegieStatus,
    active_involvement_q,
)
from route27.casework.services import meeting_access_days
from route27.core.errors import NotFound
from route27.organisations.models import Membership
from route27.organisations.roles import Role
from route27.youth.models import Youth
from route27.youth.selectors import youth_named, youth_visible_to

NOT_FOUND = "Niet gevonden of geen toegang."


def _meeting_term_start(today: datetime.date) -> datetime.date:
    return today - datetime.timedelta(days=meeting_access_days())


def items_in_term_for(user, today: datetime.date | None = None) -> QuerySet[AgendaItem]:
    """Agenda items of meetings the user takes part in, within the meeting's term."""
    today = today or timezone.localdate()
    return AgendaItem.objects.filter(meeting__participants=user,
                                     meeting__starts_at__date__gte=_meeting_term_start(today))


def card_youth_ids(user) -> QuerySet:
    """Youth whose involvement card the user may read: the file's reasons, the user's own
    active involvement, or a casusoverleg item within its term."""
    today = timezone.localdate()
    return (Youth.objects.filter(
        Q(pk__in=youth_visible_to(user).values("pk"))
        | Q(pk__in=Involvement.objects.filter(active_involvement_q(today), professional=user)
            .values("youth_id"))
        | Q(pk__in=items_in_term_for(user, today).values("youth_id")))
        .filter(merged_into__isnull=True).values("pk"))


@dataclass
class Card:
    youth: Youth
    contact: object | None  # the active ContactAssignment, with its user
    involvements: list[Involvement]
    regie: Regie | None


def involvement_card(*, user, public_id) -> Card:
    """The involvement card of one youth, logged; NotFound and ``denied`` without a reason."""
    youth = (Youth.objects.filter(pk__in=card_youth_ids(user), public_id=public_id)
             .select_related("municipality", "team__organisation").first())
    if youth is None:
        record_denied(user=user, object_type="youth", object_id=public_id,
                      youth=youth_named(public_id), purpose=Purpose.COLLABORATION,
                      detail={"view": "involvement_card"})
        raise NotFound(NOT_FOUND)
    record_read(user=user, youth=youth, purpose=Purpose.COLLABORATION,
                detail={"view": "involvement_card"})
    return Card(youth=youth, contact=youth.contact_assignments.filter(
        ended_at__isnull=True).select_related("user").first(),
        involvements=involvements_of(youth), regie=regie_of(youth))


def involvements_of(youth: Youth) -> list[Involvement]:
    return list(Involvement.objects.filter(active_involvement_q(timezone.localdate()),
                                           youth=youth)
                .select_related("organisation", "professional").order_by("since", "id"))


def regie_of(youth: Youth) -> Regie | None:
    """The open regie (asked or taken), else None."""
    return Regie.objects.filter(youth=youth, status__in=OPEN_REGIE).select_related(
        "holder", "team").first()


def my_involvements(*, user) -> list[Involvement]:
    """The user's own active involvement, logged as one read per youth shown."""
    rows = list(Involvement.objects.filter(active_involvement_q(timezone.localdate()),
                                           professional=user, youth__merged_into__isnull=True)
                .select_related("youth", "organisation").order_by("-since", "-id")[:200])
    record_reads(user=user, shown=rows, purpose=Purpose.COLLABORATION)
    return rows


def involvement_get(*, user, public_id) -> Involvement:
    """One involvement the user may end (their own, or of their organisation)."""
    organisations = Membership.objects.filter(user=user, is_active=True).values(
        "team__organisation")
    involvement = Involvement.objects.filter(
        Q(professional=user) | Q(organisation__in=organisations),
        public_id=public_id, ended_at__isnull=True).select_related("youth").first()
    if involvement is None:
        record_denied(user=user, object_type="involvement", object_id=public_id,
                      purpose=Purpose.COLLABORATION)
        raise NotFound(NOT_FOUND)
    return involvement


# --- Regie --------------------------------------------------------------------------------------
def social_team_ids(user) -> QuerySet:
    return Membership.objects.filter(user=user, is_active=True, role=Role.SOCIAAL_TEAM).values(
        "team_id")


def regie_requests_for(*, user) -> list[Regie]:
    """Requests waiting for the user's sociaal team(s), logged per youth shown."""
    rows = list(Regie.objects.filter(status=RegieStatus.REQUESTED,
                                     team_id__in=social_team_ids(user))
                .select_related("youth__municipality", "requested_by", "team")
                .order_by("requested_at", "id")[:200])
    record_reads(user=user, shown=rows, purpose=Purpose.COLLABORATION)
    return rows


def regies_held_by(*, user) -> list[Regie]:
    rows = list(Regie.objects.filter(status=RegieStatus.TAKEN, holder=user)
                .select_related("youth__municipality", "team").order_by("-taken_at", "-id")[:200])
    record_reads(user=user, shown=rows, purpose=Purpose.COLLABORATION)
    return rows


def regie_get(*, user, public_id) -> Regie:
    """A request of the user's sociaal team, or a regie the user holds; logged."""
    regie = (Regie.objects.filter(
        Q(team_id__in=social_team_ids(user)) | Q(holder=user),
        status__in=OPEN_REGIE, public_id=public_id)
        .select_related("youth__municipality", "requested_by", "team", "holder", "trajectory")
        .first())
    if regie is None:
        record_denied(user=user, object_type="regie", object_id=public_id,
                      purpose=Purpose.COLLABORATION)
        raise NotFound(NOT_FOUND)
    record_read(user=user, youth=regie.youth, about=regie, purpose=Purpose.COLLABORATION)
    return regie


# --- Casusoverleg -------------------------------------------------------------------------------
def meetings_for(*, user, today: datetime.date | None = None) -> QuerySet[CaseMeeting]:
    """Meetings the user takes part in or that their team organises, from the start of the
    term (recent meetings still open for minutes) onwards."""
    today = today or timezone.localdate()
    teams = Membership.objects.filter(user=user, is_active=True).values("team_id")
    return (CaseMeeting.objects.filter(Q(participants=user) | Q(team_id__in=teams),
                                       starts_at__date__gte=_meeting_term_start(today))
            .distinct().select_related("team").order_by("starts_at", "id"))


def upcoming_meetings_of(*, user) -> list[CaseMeeting]:
    """Meetings from today on where the user may put a youth on the agenda."""
    return list(CaseMeeting.objects.filter(participants=user,
                                           starts_at__date__gte=timezone.localdate())
                .select_related("team").order_by("starts_at", "id")[:20])


def meeting_get(*, user, public_id) -> CaseMeeting:
    teams = Membership.objects.filter(user=user, is_active=True).values("team_id")
    meeting = (CaseMeeting.objects.filter(Q(participants=user) | Q(team_id__in=teams),
                                          public_id=public_id)
               .distinct().select_related("team__organisation").first())
    if meeting is None:
        record_denied(user=user, object_type="case_meeting", object_id=public_id,
                      purpose=Purpose.COLLABORATION)
        raise NotFound(NOT_FOUND)
    return meeting


def meeting_items(*, user, meeting: CaseMeeting) -> list[AgendaItem]:
    """The items a participant sees (within the term), logged per youth; none for others."""
    rows = list(items_in_term_for(user).filter(meeting=meeting)
                .select_related("youth", "added_by").prefetch_related("actions__owner"))
    record_reads(user=user, shown=rows, purpose=Purpose.COLLABORATION)
    return rows


def agenda_item_get(*, user, public_id) -> AgendaItem:
    item = (items_in_term_for(user).filter(public_id=public_id)
            .select_related("youth", "meeting__team").first())
    if item is None:
        record_denied(user=user, object_type="agenda_item", object_id=public_id,
                      purpose=Purpose.COLLABORATION)
        raise NotFound(NOT_FOUND)
    record_read(user=user, youth=item.youth, about=item, purpose=Purpose.COLLABORATION)
    return item


def agenda_items_of(youth: Youth) -> list[AgendaItem]:
    """For the file (its readers may see every item about the youth)."""
    return list(AgendaItem.objects.filter(youth=youth).select_related("meeting")
                .prefetch_related("actions__owner").order_by("-meeting__starts_at"))


def open_actions_for(*, user) -> list[MeetingAction]:
    return list(MeetingAction.objects.filter(owner=user, done_at__isnull=True)
                .select_related("item__youth", "item__meeting").order_by("due_on", "id")[:200])


def meeting_action_get(*, user, public_id) -> MeetingAction:
    action = MeetingAction.objects.filter(owner=user, public_id=public_id).select_related(
        "item__youth").first()
    if action is None:
        record_denied(user=user, object_type="meeting_action", object_id=public_id,
                      purpose=Purpose.COLLABORATION)
        raise NotFound(NOT_FOUND)
    return action


def notices_for(*, user) -> list[CaseworkNotice]:
    return list(CaseworkNotice.objects.filter(recipient=user, read_at__isnull=True)
                .select_related("youth").order_by("-created_at", "-id")[:50])


def meeting_participant_choices(*, user, team) -> QuerySet:
    """Who may be invited: the active members of organisations with a team serving one of the
    organising team's municipalities (the chain around those youth), and the team itself."""
    from route27.organisations.models import User

    municipalities = team.serves.values("pk")
    organisations = Membership.objects.filter(
        team__serves__in=municipalities).values("team__organisation")
    return (User.objects.filter(memberships__is_active=True,
                                memberships__team__organisation__in=organisations)
            .distinct().order_by("last_name", "first_name", "username"))

