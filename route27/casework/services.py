"""Every write of the collaboration app: involvement, regie, casusoverleg.

Each use case is atomic, validates with Dutch messages, and records the file event and the audit
row through ``casefile.services.record`` in the same transaction.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.casefile.services import record
from route27.casework.events import CaseworkEventKind as Kind
from route27.casework.models import (
    OPEN_REGIE,
    RECURRENCE_DAYS,
    AgendaItem,
    CaseMeeting,
    CaseworkNotice,
    Involvement,
    MeetingAction,
    Recurrence,
    Regie,
    RegieStatus,
    active_involvement_q,
)
from route27.core.errors import Refused, TransitionRefused, ValidationFailed
from route27.organisations.models import Membership, Organisation, Team
from route27.organisations.roles import OrganisationType, Role
from route27.youth.models import Youth
from route27.youth.selectors import youth_current_contact
from route27.youth.services import is_same_person, youth_create, youth_holding_bsn
from route27.youth.validation import add_error, clean_person

MAX_OCCURRENCES = 26  # a recurring casusoverleg is planned half a year ahead at most


def _text(value: str, *, field: str, message: str, errors: dict, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        add_error(errors, field, message)
    elif len(value) > limit:
        add_error(errors, field, _("Gebruik hoogstens %(n)s tekens.") % {"n": limit})
    return value


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)


def organisation_of(user) -> Organisation | None:
    membership = user.primary_membership
    return membership.team.organisation if membership is not None else None


def role_label(user) -> str:
    membership = user.primary_membership
    return str(membership.get_role_display()) if membership is not None else ""


# --- Involvement --------------------------------------------------------------------------------
def _notify_matches(involvement: Involvement) -> None:
    """A second organisation is involved: both sides hear of each other (Verwijsindex match).
    The contact person counts as the holding organisation's side."""
    today = timezone.localdate()
    others = (Involvement.objects.filter(active_involvement_q(today), youth=involvement.youth)
              .exclude(organisation=involvement.organisation).select_related("organisation"))
    recipients: dict[int, str] = {}
    mine = _("Ook %(organisation)s (%(role)s) is betrokken.") % {
        "organisation": involvement.organisation.name, "role": involvement.role}
    for other in others:
        if other.professional_id:
            recipients.setdefault(other.professional_id, mine)
        if involvement.professional_id:
            CaseworkNotice.objects.create(
                recipient_id=involvement.professional_id, youth=involvement.youth,
                involvement=other, kind=CaseworkNotice.Kind.INVOLVEMENT_MATCH,
                text=_("Ook %(organisation)s (%(role)s) is betrokken.") % {
                    "organisation": other.organisation.name, "role": other.role})
    contact = youth_current_contact(involvement.youth)
    if contact is not None and contact.user_id != involvement.professional_id and (
            organisation_of(contact.user) != involvement.organisation):
        recipients.setdefault(contact.user_id, mine)
    recipients.pop(involvement.professional_id, None)
    CaseworkNotice.objects.bulk_create(
        CaseworkNotice(recipient_id=user_id, youth=involvement.youth, involvement=involvement,
                       kind=CaseworkNotice.Kind.INVOLVEMENT_MATCH, text=text)
        for user_id, text in recipients.items())


def involvement_add(*, actor, youth: Youth, organisation: Organisation, professional,
                    role: str, reach: str, since: datetime.date, source: str,
                    source_ref: str = "", ends_on: datetime.date | None = None) -> Involvement:
    """Register involvement (by hand, or following from work: a casusoverleg, an accepted
    handover, regie), or extend the one already there; in the caller's transaction."""
    existing = Involvement.objects.filter(
        active_involvement_q(timezone.localdate()), youth=youth, organisation=organisation,
        professional=professional, source=source, source_ref=source_ref).first()
    if existing is not None:
        if ends_on is not None and existing.ends_on is not None and ends_on > existing.ends_on:
            existing.ends_on = ends_on
            existing.save(update_fields=["ends_on"])
        return existing
    involvement = Involvement.objects.create(
        youth=youth, organisation=organisation, professional=professional, role=role,
        reach=reach, since=since, source=source, source_ref=source_ref, ends_on=ends_on,
        registered_by=actor if actor is not None and actor.pk else None)
    record(actor=actor, youth=youth, about=involvement, kind=Kind.INVOLVEMENT_REGISTERED,
           action=AuditAction.CREATE, purpose=Purpose.COLLABORATION,
           data={"organisation": organisation.name, "role": role, "source": source})
    _notify_matches(involvement)
    return involvement


def _clean_involvement(data: dict[str, Any], errors: dict) -> dict[str, Any]:
    role = _text(data.get("role"), field="role", message=_("Vul uw rol in, bijvoorbeeld "
                                                            "‘jongerenwerker’."),
                 errors=errors, limit=100)
    reach = _text(data.get("reach"), field="reach", message=_(
        "Vul in hoe collega’s u bereiken: telefoon of e-mail."), errors=errors, limit=200)
    since = data.get("since") or timezone.localdate()
    if isinstance(since, datetime.date) and since > timezone.localdate():
        add_error(errors, "since", _("Betrokken sinds mag niet in de toekomst liggen."))
    return {"role": role, "reach": reach, "since": since}


@transaction.atomic
def involvement_register(*, actor, youth: Youth, **data: Any) -> Involvement:
    """Register the actor's own involvement with a youth whose file or card they may see."""
    errors: dict[str, list[str]] = {}
    cleaned = _clean_involvement(data, errors)
    organisation = organisation_of(actor)
    if organisation is None:
        add_error(errors, "role", _("U bent geen lid van een organisatie."))
    _raise(errors)
    return involvement_add(actor=actor, youth=youth, organisation=organisation,
                           professional=actor, source=Involvement.Source.MANUAL, **cleaned)


@transaction.atomic
def involvement_register_by_bsn(*, actor, **data: Any) -> Involvement:
    """Register involvement with a person by BSN, as in the Verwijsindex: the actor needs no
    file access and learns nothing back. The person is matched on BSN *and* family name and
    birth date (ACCESS.md); otherwise a new file without a team is made, kept under review
    beside the file that holds the BSN (``youth_create(bsn_clash="review")``)."""
    errors: dict[str, list[str]] = {}
    person = clean_person({k: data.get(k) for k in (
        "bsn", "given_names", "surname_prefix", "family_name", "birth_date", "municipality")},
        errors)
    if not person.get("bsn") and "bsn" not in errors:
        add_error(errors, "bsn", _("Vul het BSN in."))
    cleaned = _clean_involvement(data, errors)
    organisation = organisation_of(actor)
    if organisation is None:
        add_error(errors, "role", _("U bent geen lid van een organisatie."))
    _raise(errors)
    holder = youth_holding_bsn(person["bsn"])
    if holder is not None and is_same_person(holder, person):
        youth = holder
    else:
        youth = youth_create(actor=actor, bsn_clash="review", without_team=True,
                             source="involvement", **{
                                 k: data.get(k) for k in ("bsn", "given_names", "surname_prefix",
                                                          "family_name", "birth_date",
                                                          "municipality")})
    return involvement_add(actor=actor, youth=youth, organisation=organisation,
                           professional=actor, source=Involvement.Source.MANUAL, **cleaned)


def may_end(user, involvement: Involvement) -> bool:
    """The professional, or a colleague of the same organisation, ends a manual registration;
    derived involvement ends with its work."""
    if involvement.source != Involvement.Source.MANUAL or involvement.ended_at is not None:
        return False
    return involvement.professional_id == user.pk or organisation_of(user) == \
        involvement.organisation


@transaction.atomic
def involvement_end(*, actor, involvement: Involvement, reason: str = "") -> Involvement:
    involvement = Involvement.objects.select_for_update().get(pk=involvement.pk)
    if not may_end(actor, involvement):
        raise Refused(_("Alleen de eigen organisatie beëindigt deze betrokkenheid; betrokkenheid "
                        "uit overleg, overdracht of regie eindigt vanzelf."))
    involvement.ended_at, involvement.end_reason = timezone.now(), (reason or "").strip()[:300]
    involvement.save(update_fields=["ended_at", "end_reason"])
    record(actor=actor, youth=involvement.youth, about=involvement, kind=Kind.INVOLVEMENT_ENDED,
           purpose=Purpose.COLLABORATION, reason=involvement.end_reason,
           data={"organisation": involvement.organisation.name})
    return involvement


def involvements_end_derived(*, actor, youth: Youth, sources: tuple[str, ...],
                             source_ref: str | None = None, reason: str) -> int:
    """End the derived involvement whose work ended (inside the caller's transaction)."""
    rows = Involvement.objects.select_for_update().filter(
        youth=youth, source__in=sources, ended_at__isnull=True)
    if source_ref is not None:
        rows = rows.filter(source_ref=source_ref)
    ended = 0
    for involvement in rows:
        involvement.ended_at, involvement.end_reason = timezone.now(), reason
        involvement.save(update_fields=["ended_at", "end_reason"])
        record(actor=actor, youth=youth, about=involvement, kind=Kind.INVOLVEMENT_ENDED,
               purpose=Purpose.COLLABORATION, reason=reason,
               data={"organisation": involvement.organisation.name,
                     "source": involvement.source})
        ended += 1
    return ended


# --- Regie (seed 003 §1: "Bij multiproblematiek neemt het Sociaal team de regie") --------------
REGIE_TRANSITIONS: dict[str, frozenset[str]] = {
    RegieStatus.REQUESTED: frozenset({RegieStatus.TAKEN, RegieStatus.DECLINED,
                                      RegieStatus.CANCELLED}),
    RegieStatus.TAKEN: frozenset({RegieStatus.HANDED_BACK, RegieStatus.CANCELLED}),
}
REGIE_EVENTS = {
    RegieStatus.TAKEN: Kind.REGIE_TAKEN, RegieStatus.DECLINED: Kind.REGIE_DECLINED,
    RegieStatus.HANDED_BACK: Kind.REGIE_HANDED_BACK, RegieStatus.CANCELLED: Kind.REGIE_CANCELLED,
}


def social_team_for(youth: Youth) -> Team | None:
    """The sociaal team serving the youth's municipality: a team of a sociaal-team organisation
    that serves it, else a team serving it with an active sociaal-team member."""
    serving = Team.objects.filter(serves=youth.municipality_id)
    team = serving.filter(organisation__type=OrganisationType.SOCIAAL_TEAM).order_by("pk").first()
    if team is not None:
        return team
    return serving.filter(pk__in=Membership.objects.filter(
        role=Role.SOCIAAL_TEAM, is_active=True).values("team_id")).order_by("pk").first()


def _social_team_members(team: Team) -> list[int]:
    return list(Membership.objects.filter(team=team, role=Role.SOCIAAL_TEAM, is_active=True)
                .values_list("user_id", flat=True).distinct())


@transaction.atomic
def regie_request(*, actor, trajectory, reason: str = "") -> Regie:
    """Ask the sociaal team serving the youth's municipality to take regie."""
    youth = Youth.objects.select_for_update().get(pk=trajectory.youth_id)
    if not trajectory.is_open:
        raise TransitionRefused(_("Dit traject is afgesloten."))
    if Regie.objects.filter(youth=youth, status__in=OPEN_REGIE).exists():
        raise TransitionRefused(_("Het sociaal team is al gevraagd of heeft de regie al."))
    team = social_team_for(youth)
    if team is None:
        raise TransitionRefused(_("Er is geen sociaal team dat de woongemeente van deze jongere "
                                  "bedient. Vraag de functioneel beheerder een team in te "
                                  "stellen."))
    regie = Regie.objects.create(youth=youth, trajectory=trajectory, team=team,
                                 requested_by=actor if actor is not None and actor.pk else None)
    record(actor=actor, youth=youth, trajectory=trajectory, about=regie,
           kind=Kind.REGIE_REQUESTED, action=AuditAction.CREATE, to_state=regie.status,
           reason=(reason or "").strip()[:300], purpose=Purpose.COLLABORATION,
           data={"team": team.name, "rule": law.R_MULTI.id})
    CaseworkNotice.objects.bulk_create(
        CaseworkNotice(recipient_id=user_id, youth=youth, kind=CaseworkNotice.Kind.REGIE_REQUESTED,
                       text=_("Het team vraagt het sociaal team de regie te nemen "
                              "(multiproblematiek)."))
        for user_id in _social_team_members(team))
    return regie


def _move_regie(*, actor, regie: Regie, to: str, reason: str = "") -> Regie:
    regie = Regie.objects.select_for_update().get(pk=regie.pk)
    if to not in REGIE_TRANSITIONS.get(regie.status, frozenset()):
        raise TransitionRefused(_("Deze regie is al %(status)s.") % {
            "status": regie.get_status_display().lower()})
    before = regie.status
    regie.status = to
    now = timezone.now()
    fields = ["status"]
    if to == RegieStatus.TAKEN:
        regie.holder, regie.taken_at = actor, now
        fields += ["holder", "taken_at"]
    else:
        regie.ended_at, regie.end_reason = now, (reason or "").strip()
        fields += ["ended_at", "end_reason"]
    regie.save(update_fields=fields)
    record(actor=actor, youth=regie.youth, trajectory=regie.trajectory, about=regie,
           kind=REGIE_EVENTS[to], from_state=before, to_state=to, reason=regie.end_reason[:300],
           purpose=Purpose.COLLABORATION, data={"team": regie.team.name})
    return regie


def _tell_coach(regie: Regie, kind: str, text: str) -> None:
    contact = youth_current_contact(regie.youth)
    recipients = {contact.user_id} if contact is not None else set()
    if regie.requested_by_id:
        recipients.add(regie.requested_by_id)
    recipients.discard(regie.holder_id)
    CaseworkNotice.objects.bulk_create(
        CaseworkNotice(recipient_id=user_id, youth=regie.youth, kind=kind, text=text)
        for user_id in recipients)


def _member_of(user, team: Team) -> bool:
    return Membership.objects.filter(user=user, team=team, role=Role.SOCIAAL_TEAM,
                                     is_active=True).exists()


@transaction.atomic
def regie_take(*, actor, regie: Regie) -> Regie:
    """A member of the asked sociaal team takes regie: the file opens to them, and the sociaal
    team is registered as involved until regie is handed back."""
    if not _member_of(actor, regie.team):
        raise Refused(_("Alleen een medewerker van %(team)s neemt deze regie.") % {
            "team": regie.team.name})
    regie = _move_regie(actor=actor, regie=regie, to=RegieStatus.TAKEN)
    involvement_add(actor=actor, youth=regie.youth, organisation=regie.team.organisation,
             professional=actor, role=_("Regie (sociaal team)"), reach=actor.email,
             since=timezone.localdate(), source=Involvement.Source.REGIE,
             source_ref=str(regie.public_id))
    _tell_coach(regie, CaseworkNotice.Kind.REGIE_TAKEN, _(
        "%(name)s van het sociaal team heeft de regie genomen; u blijft aanspreekpunt voor "
        "school of werk.") % {"name": actor.get_full_name() or actor.username})
    return regie


@transaction.atomic
def regie_decline(*, actor, regie: Regie, reason: str) -> Regie:
    if not _member_of(actor, regie.team):
        raise Refused(_("Alleen een medewerker van %(team)s beantwoordt dit verzoek.") % {
            "team": regie.team.name})
    if not (reason or "").strip():
        raise ValidationFailed(_("Leg uit waarom het sociaal team de regie niet neemt."),
                               field_errors={"reason": [_("Vul de toelichting in.")]})
    regie = _move_regie(actor=actor, regie=regie, to=RegieStatus.DECLINED, reason=reason)
    _tell_coach(regie, CaseworkNotice.Kind.REGIE_ENDED, _(
        "Het sociaal team neemt de regie niet: %(reason)s") % {"reason": reason.strip()[:200]})
    return regie


@transaction.atomic
def regie_hand_back(*, actor, regie: Regie, reason: str) -> Regie:
    """The holder (or a colleague of the sociaal team) hands regie back to the coach."""
    if regie.holder_id != actor.pk and not _member_of(actor, regie.team):
        raise Refused(_("Alleen het sociaal team geeft de regie terug."))
    if not (reason or "").strip():
        raise ValidationFailed(_("Leg uit waarom de regie terug gaat naar de coach."),
                               field_errors={"reason": [_("Vul de toelichting in.")]})
    regie = _move_regie(actor=actor, regie=regie, to=RegieStatus.HANDED_BACK, reason=reason)
    involvements_end_derived(actor=actor, youth=regie.youth, sources=(Involvement.Source.REGIE,),
                             source_ref=str(regie.public_id), reason=_("Regie teruggegeven"))
    _tell_coach(regie, CaseworkNotice.Kind.REGIE_ENDED, _(
        "Het sociaal team heeft de regie teruggegeven."))
    return regie


def regie_cancel_for_closed(*, actor, trajectory) -> None:
    """The trajectory closed: an open regie request or regie ends with it."""
    regie = Regie.objects.filter(trajectory=trajectory, status__in=OPEN_REGIE).first()
    if regie is None:
        return
    _move_regie(actor=actor, regie=regie, to=RegieStatus.CANCELLED,
                reason=_("Het traject is afgesloten."))
    involvements_end_derived(actor=actor, youth=regie.youth, sources=(Involvement.Source.REGIE,),
                             source_ref=str(regie.public_id), reason=_("Traject afgesloten"))


# --- Casusoverleg -------------------------------------------------------------------------------
def meeting_access_days() -> int:
    return int(settings.ROUTE27_CASE_MEETING_ACCESS_DAYS)


def meeting_open_until(meeting: CaseMeeting) -> datetime.date:
    """Participants see the meeting's items until this day (ACCESS.md: N days after)."""
    return timezone.localdate(meeting.starts_at) + datetime.timedelta(days=meeting_access_days())


def partner_kind(organisation: Organisation) -> str:
    """The organisation's kind as the law's mirror provisions name it."""
    if organisation.type.startswith("school_"):
        return "school"
    return {OrganisationType.GEMEENTE: "gemeente",
            OrganisationType.DOORSTROOMPUNT: "doorstroompunt",
            OrganisationType.SOCIAAL_TEAM: "sociaal_team"}.get(organisation.type,
                                                                organisation.type)


def _participant_organisations(meeting: CaseMeeting) -> set[Organisation]:
    return {m.team.organisation for m in Membership.objects.filter(
        user__in=meeting.participants.all(), is_active=True).select_related("team__organisation")}


@transaction.atomic
def case_meeting_plan(*, actor, team: Team, title: str, starts_at: datetime.datetime | None,
                      place: str = "", participants=(), recurrence: str = "",
                      occurrences: int = 1) -> list[CaseMeeting]:
    """Plan a casusoverleg of the actor's team; a recurring one as a series of meetings."""
    errors: dict[str, list[str]] = {}
    title = _text(title, field="title", message=_("Geef het overleg een naam."), errors=errors,
                  limit=200)
    if starts_at is None:
        add_error(errors, "starts_at", _("Vul datum en tijd in."))
    elif starts_at < timezone.now() - datetime.timedelta(hours=1):
        add_error(errors, "starts_at", _("Plan het overleg in de toekomst."))
    if recurrence not in Recurrence.values:
        add_error(errors, "recurrence", _("Kies een geldige herhaling."))
    if not 1 <= occurrences <= MAX_OCCURRENCES:
        add_error(errors, "occurrences", _("Plan 1 tot %(n)s keer.") % {"n": MAX_OCCURRENCES})
    if not Membership.objects.filter(user=actor, team=team, is_active=True).exists():
        add_error(errors, "title", _("U plant alleen overleg voor uw eigen team."))
    people = set(participants) | {actor}
    _raise(errors)
    count = occurrences if recurrence else 1
    series = uuid.uuid4() if recurrence else None
    meetings = []
    for n in range(count):
        meeting = CaseMeeting.objects.create(
            team=team, title=title, place=(place or "").strip()[:200], series=series,
            recurrence=recurrence, created_by=actor,
            starts_at=starts_at + datetime.timedelta(days=n * RECURRENCE_DAYS.get(recurrence, 0)))
        meeting.participants.set(people)
        meetings.append(meeting)
    return meetings


def is_participant(user, meeting: CaseMeeting) -> bool:
    return meeting.participants.filter(pk=user.pk).exists()


@transaction.atomic
def agenda_item_add(*, actor, meeting: CaseMeeting, youth: Youth, ground: str, question: str,
                    consent_given_by: str = "", consent_evidence: str = "") -> AgendaItem:
    """Put a youth whose file the actor may see on the agenda, on a ground the law allows
    (``law.meeting_ground_problem``: consent of the right person, or the mirror provisions when
    every participant has its own task under them). Each participating organisation is involved
    while the meeting's term runs."""
    errors: dict[str, list[str]] = {}
    if not is_participant(actor, meeting):
        raise Refused(_("Alleen deelnemers zetten een jongere op de agenda."))
    if timezone.localdate(meeting.starts_at) < timezone.localdate():
        raise TransitionRefused(_("Dit overleg is al geweest."))
    question = _text(question, field="question", message=_(
        "Schrijf de vraag aan het overleg op."), errors=errors, limit=2000)
    evidence = (consent_evidence or "").strip()
    if ground == law.MeetingGround.CONSENT and not evidence:
        add_error(errors, "consent_evidence", _(
            "Leg vast hoe de toestemming is gegeven: in het portaal, op papier of mondeling "
            "(met datum)."))
    organisations = _participant_organisations(meeting)
    problem = law.meeting_ground_problem(
        ground=ground, partners={partner_kind(o) for o in organisations},
        expected=law.consent_required_from(youth.birth_date, timezone.localdate()),
        given_by=consent_given_by)
    if problem:
        add_error(errors, "ground", problem)
    if AgendaItem.objects.filter(meeting=meeting, youth=youth).exists():
        add_error(errors, "question", _("Deze jongere staat al op de agenda."))
    _raise(errors)
    item = AgendaItem.objects.create(
        meeting=meeting, youth=youth, ground=ground, question=question, added_by=actor,
        consent_given_by=consent_given_by if ground == law.MeetingGround.CONSENT else "",
        consent_evidence=evidence[:300])
    record(actor=actor, youth=youth, about=item, kind=Kind.AGENDA_ITEM_ADDED,
           action=AuditAction.CREATE, purpose=Purpose.COLLABORATION,
           data={"meeting": str(meeting.public_id), "ground": ground,
                 "rule": law.R_CASE_MEETING.id,
                 "starts_at": meeting.starts_at.isoformat()})
    until = meeting_open_until(meeting)
    holder = youth.team.organisation_id if youth.team_id else None
    for membership in Membership.objects.filter(
            user__in=meeting.participants.all(), is_active=True).select_related(
            "team__organisation", "user").order_by("user_id", "pk"):
        organisation = membership.team.organisation
        if organisation.pk == holder:
            continue
        involvement_add(actor=actor, youth=youth, organisation=organisation,
                 professional=membership.user, role=str(membership.get_role_display()),
                 reach=membership.user.email, since=timezone.localdate(),
                 source=Involvement.Source.CASE_MEETING, source_ref=str(item.public_id),
                 ends_on=until)
    return item


@transaction.atomic
def agenda_item_minutes(*, actor, item: AgendaItem, minutes: str, decisions: str = "",
                        actions: list[dict] = ()) -> AgendaItem:
    """Record what was discussed and decided, and the actions (owner, due date) that go on
    the owners' task lists. The minutes go into the youth's timeline."""
    item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    meeting = item.meeting
    if not is_participant(actor, meeting):
        raise Refused(_("Alleen deelnemers leggen het verslag vast."))
    if meeting.starts_at > timezone.now():
        raise TransitionRefused(_("Het verslag volgt na het overleg."))
    if timezone.localdate() > meeting_open_until(meeting):
        raise TransitionRefused(_("De termijn van dit overleg is voorbij."))
    errors: dict[str, list[str]] = {}
    minutes = _text(minutes, field="minutes", message=_("Schrijf kort op wat besproken is."),
                    errors=errors, limit=5000)
    participants = set(meeting.participants.values_list("pk", flat=True))
    cleaned = []
    for n, action in enumerate(actions):
        description = (action.get("description") or "").strip()
        if not description:
            continue
        owner, due_on = action.get("owner"), action.get("due_on")
        if owner is None or owner.pk not in participants:
            add_error(errors, f"actions.{n}.owner", _("Kies een deelnemer als eigenaar."))
        if not isinstance(due_on, datetime.date):
            add_error(errors, f"actions.{n}.due_on", _("Vul een datum in."))
        elif due_on < timezone.localdate():
            add_error(errors, f"actions.{n}.due_on", _("De datum ligt in het verleden."))
        cleaned.append((description[:300], owner, due_on))
    _raise(errors)
    item.minutes, item.decisions = minutes, (decisions or "").strip()[:5000]
    item.minutes_recorded_at = timezone.now()
    item.save(update_fields=["minutes", "decisions", "minutes_recorded_at"])
    made = MeetingAction.objects.bulk_create(
        MeetingAction(item=item, description=d, owner=o, due_on=due) for d, o, due in cleaned)
    record(actor=actor, youth=item.youth, about=item, kind=Kind.MINUTES_RECORDED,
           purpose=Purpose.COLLABORATION,
           data={"meeting": str(meeting.public_id), "title": meeting.title,
                 "actions": len(made)})
    CaseworkNotice.objects.bulk_create(
        CaseworkNotice(recipient=a.owner, youth=item.youth,
                       kind=CaseworkNotice.Kind.ACTION_ASSIGNED, text=a.description)
        for a in made if a.owner_id != actor.pk)
    return item


@transaction.atomic
def meeting_action_done(*, actor, action: MeetingAction) -> MeetingAction:
    action = MeetingAction.objects.select_for_update().select_related("item").get(pk=action.pk)
    if action.owner_id != actor.pk:
        raise Refused(_("Alleen de eigenaar rondt deze actie af."))
    if action.done_at is not None:
        raise TransitionRefused(_("Deze actie is al afgerond."))
    action.done_at = timezone.now()
    action.save(update_fields=["done_at"])
    record(actor=actor, youth=action.item.youth, about=action, kind=Kind.MEETING_ACTION_DONE,
           purpose=Purpose.COLLABORATION, data={"description": action.description})
    return action


@transaction.atomic
def casework_notices_mark_read(*, actor, notice_ids: list[int] | None = None) -> int:
    """Mark the actor's own notices read (all of them without ids)."""
    notices = CaseworkNotice.objects.filter(recipient=actor, read_at__isnull=True)
    if notice_ids is not None:
        notices = notices.filter(pk__in=notice_ids)
    return notices.update(read_at=timezone.now())


def holders_tell(*, youth_ids: list[int], kind: str, text: str) -> int:
    """Tell whoever holds each file (its contact person, else the team leads of its team)
    something another team learned, without telling that team who they are: a delivery named
    the youth, or an outreach attempt found them already in view. Bulk, for imports."""
    from route27.youth.models import ContactAssignment

    youth_ids = list(youth_ids)
    contacts = dict(ContactAssignment.objects.filter(
        youth_id__in=youth_ids, ended_at__isnull=True).values_list("youth_id", "user_id"))
    without = [pk for pk in youth_ids if pk not in contacts]
    leads: dict[int, list[int]] = {}
    if without:
        teams = dict(Youth.objects.filter(pk__in=without, team__isnull=False)
                     .values_list("pk", "team_id"))
        for team_id, user_id in Membership.objects.filter(
                team_id__in=set(teams.values()), role=Role.TEAMLEIDER,
                is_active=True).values_list("team_id", "user_id"):
            leads.setdefault(team_id, []).append(user_id)
        for pk, team_id in teams.items():
            for user_id in leads.get(team_id, []):
                contacts.setdefault(pk, user_id)
    notices = [CaseworkNotice(recipient_id=user_id, youth_id=pk, kind=kind, text=text)
               for pk, user_id in contacts.items()]
    CaseworkNotice.objects.bulk_create(notices, batch_size=2000)
    return len(notices)
