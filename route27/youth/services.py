"""Every write on youth data: atomic, validated, with a file event and an audit entry."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.casefile.services import record, record_audit
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.models import Team
from route27.organisations.roles import CONTACT_PERSON_ROLES, Role
from route27.organisations.selectors import actor_team_for
from route27.youth.events import YouthEventKind as Kind
from route27.youth.merge import MERGE_MOVERS, bsn_refusal
from route27.youth.models import (
    ContactAssignment,
    ContactNotice,
    Guardian,
    PossibleDuplicate,
    Youth,
    YouthMerge,
)
from route27.youth.selectors import may_decide, may_undo, youth_visible_to
from route27.youth.validation import add_error, clean_person

_MAX_GUARDIANS = 4
BSN_HELD = _lazy("Er is al een jongere met dit BSN geregistreerd. "
                 "Zoek de jongere op in plaats van een nieuwe te maken.")


class BsnHeldByVisibleFile(ValidationFailed):
    """The BSN belongs to a file the actor may see: they are pointed to it (no new file)."""

    def __init__(self, holder: Youth, *, field_errors: dict[str, list[str]]):
        super().__init__(_("Controleer de gemarkeerde velden."), field_errors=field_errors)
        self.holder = holder


def _clean(data: dict[str, Any], *, youth: Youth | None, check_bsn: bool = True,
           clash_visible_to=None) -> dict[str, Any]:
    """Validate and normalise youth fields; collect every problem before raising.
    ``clash_visible_to``: refuse a BSN another file holds only when this user may see that file
    (no oracle); the error then names the file (:class:`BsnHeldByVisibleFile`)."""
    errors: dict[str, list[str]] = {}
    cleaned = clean_person(data, errors)

    def fail(field: str, message: str) -> None:
        add_error(errors, field, message)

    kept_under_review = youth is not None and youth.bsn_under_review and \
        cleaned.get("bsn") == youth.bsn
    holder = None
    if cleaned.get("bsn") and check_bsn and not kept_under_review:
        clash = Youth.objects.filter(bsn=cleaned["bsn"], bsn_under_review=False)
        if youth is not None:
            clash = clash.exclude(pk=youth.pk)
        if clash_visible_to is not None:
            clash = clash.filter(pk__in=youth_visible_to(clash_visible_to).values("pk"))
        holder = clash.first()
        if holder is not None:
            fail("bsn", str(BSN_HELD))

    guardians = []
    for index, guardian in enumerate(data.get("guardians") or []):
        name = (guardian.get("name") or "").strip()
        rest = {k: (guardian.get(k) or "").strip() for k in ("phone", "email")}
        if not name and not any(rest.values()):
            continue
        if not name:
            fail(f"guardians.{index}.name", _("Vul de naam van de ouder of voogd in."))
        if rest["email"]:
            try:
                validate_email(rest["email"])
            except DjangoValidationError:
                fail(f"guardians.{index}.email", _("Vul een geldig e-mailadres in."))
        relationship = guardian.get("relationship") or Guardian.Relationship.PARENT
        if relationship not in Guardian.Relationship.values:
            fail(f"guardians.{index}.relationship", _("Kies een geldige relatie."))
        guardians.append({"name": name, "relationship": relationship, **rest})
    if len(guardians) > _MAX_GUARDIANS:
        fail("guardians", _("Vul maximaal %(n)s ouders of voogden in.") % {"n": _MAX_GUARDIANS})
    cleaned["guardians"] = guardians

    if errors:
        if holder is not None and clash_visible_to is not None:
            raise BsnHeldByVisibleFile(holder, field_errors=errors)
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    return cleaned


def _save_guardians(youth: Youth, guardians: list[dict]) -> None:
    youth.guardians.all().delete()
    Guardian.objects.bulk_create(Guardian(youth=youth, **g) for g in guardians)


def is_same_person(youth: Youth, cleaned: dict[str, Any]) -> bool:
    """Family name and birth date agree (a part missing on either side does not disagree)."""
    def known_equal(a, b) -> bool:
        return a is None or b is None or a == b

    return (youth.family_name.strip().casefold() == cleaned["family_name"].strip().casefold()
            and youth.birth_year == cleaned.get("birth_year")
            and known_equal(youth.birth_month, cleaned.get("birth_month"))
            and known_equal(youth.birth_day, cleaned.get("birth_day")))


def youth_holding_bsn(bsn: str) -> Youth | None:
    """The file that holds this BSN (not one under review), for matching inside a use case.
    Never show its data to the caller without a reason (youth.selectors). A merged file holds
    no BSN (``youth_merge`` moves or drops it)."""
    return Youth.objects.filter(bsn=bsn, bsn_under_review=False).first() if bsn else None


_NAMESAKES_REVIEWED = 5  # a very common name and partial date must not flood the reviews


def hidden_namesakes(actor, youth: Youth):
    """Files with the same family name and exactly the same (partial) birth date as ``youth``
    that the actor may not see, not merged, at most a few."""
    same = Youth.objects.filter(
        family_name__iexact=youth.family_name, birth_year=youth.birth_year,
        birth_month=youth.birth_month, birth_day=youth.birth_day, merged_into__isnull=True,
    ).exclude(pk=youth.pk).exclude(pk__in=youth_visible_to(actor).values("pk"))
    return Youth.objects.filter(pk__in=list(same.order_by("pk").values_list(
        "pk", flat=True)[:_NAMESAKES_REVIEWED]))


BSN_CLASH_MODES = ("refuse", "review", "no_oracle")


@transaction.atomic
def youth_create(*, actor, team: Team | None = None, bsn_clash: str = "refuse",
                 source: str = "", review_namesakes: bool = False, without_team: bool = False,
                 **data: Any) -> Youth:
    """Register a youth. A BSN another file holds is refused (``bsn_clash="refuse"``: for a
    caller who may see that file), or kept under review beside it (``"review"``: the caller
    must not learn that the BSN exists; a review item goes to the coaches of the file that
    holds it). ``"no_oracle"`` (the "new youth" form and API): refused with the file when the
    actor may see it (:class:`BsnHeldByVisibleFile`), else as ``"review"``, so the answer for
    another team's BSN is the answer for an unknown one.

    ``review_namesakes``: files with the same family name and birth date that the actor may not
    see get a review item with the new file, silently (issue 9 §4).

    ``without_team``: no team holds the new file (a professional of another organisation
    registered involvement with a person the municipality does not know yet)."""
    if bsn_clash not in BSN_CLASH_MODES:
        raise ValueError(bsn_clash)
    cleaned = _clean(data, youth=None, check_bsn=bsn_clash != "review",
                     clash_visible_to=actor if bsn_clash == "no_oracle" else None)
    guardians = cleaned.pop("guardians")
    holder = youth_holding_bsn(cleaned.get("bsn")) if bsn_clash != "refuse" else None
    if not without_team:
        team = team or actor_team_for(actor, cleaned["municipality"])
    youth = Youth(**cleaned, team=team,
                  bsn_under_review=holder is not None)
    try:
        with transaction.atomic():
            youth.save()
    except IntegrityError as exc:  # a concurrent registration with the same BSN
        message = _("Er is al een jongere met dit BSN geregistreerd.")
        raise ValidationFailed(message, field_errors={"bsn": [message]}) from exc
    _save_guardians(youth, guardians)
    record(actor=actor, youth=youth, kind=Kind.YOUTH_REGISTERED, action=AuditAction.CREATE,
           data={"municipality": youth.municipality.code}, purpose=Purpose.REGISTRATION)
    source = source or "youth_create"
    if holder is not None:
        reason = (PossibleDuplicate.Reason.SAME_BSN if is_same_person(holder, cleaned)
                  else PossibleDuplicate.Reason.BSN_OTHER_PERSON)
        possible_duplicate_raise(actor=actor, youth=youth, other=holder, reason=reason,
                                 source=source)
    if review_namesakes:
        for namesake in hidden_namesakes(actor, youth).exclude(
                pk=holder.pk if holder is not None else None):
            possible_duplicate_raise(actor=actor, youth=youth, other=namesake,
                                     reason=PossibleDuplicate.Reason.SAME_NAME_BIRTH_DATE,
                                     source=source)
    return youth


@transaction.atomic
def youth_update(*, actor, youth: Youth, **data: Any) -> Youth:
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    cleaned = _clean(data, youth=youth)
    guardians = cleaned.pop("guardians")
    changed = sorted(f for f, v in cleaned.items() if getattr(youth, f) != v)
    before_guardians = list(youth.guardians.values("name", "relationship", "phone", "email"))
    if before_guardians != guardians:
        changed.append("guardians")
    if not changed:
        return youth
    moved_from = youth.municipality_id  # the figures of both municipalities change
    for field, value in cleaned.items():
        setattr(youth, field, value)
    if "bsn" in changed:  # a new BSN passed the clash check: it is no longer under review
        youth.bsn_under_review = False
    youth.save()
    if "guardians" in changed:
        _save_guardians(youth, guardians)
    moved = {"moved_from": moved_from} if youth.municipality_id != moved_from else {}
    record(actor=actor, youth=youth, kind=Kind.YOUTH_UPDATED, data={"fields": changed, **moved},
           purpose=Purpose.REGISTRATION, detail={"fields": changed})
    return youth


@transaction.atomic
def contact_person_assign(*, actor, youth: Youth, user, role: str, handover_note: str = "",
                          reason: str = "", only_if_unassigned: bool = False) -> ContactAssignment:
    """Make ``user`` the one active contact person; end the previous assignment.

    ``only_if_unassigned`` is for taking a youth from the intake queue: if a colleague was
    quicker, refuse instead of replacing them.
    """
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    current = youth.contact_assignments.filter(ended_at__isnull=True).first()
    if current and only_if_unassigned:
        raise ValidationFailed(_("Een collega heeft deze jongere net opgepakt."))
    if current and current.user_id == user.pk and current.role == role \
            and current.cover_for_id is None:  # a cover made permanent is a new assignment
        return current
    if role not in CONTACT_PERSON_ROLES or not user.memberships.filter(
            is_active=True, role=role).exists():
        message = _("Deze medewerker heeft niet de rol %(role)s.") % {"role": Role(role).label} \
            if role in Role.values else _("Kies een geldige rol.")
        raise ValidationFailed(message, field_errors={"user": [message]})
    if current and not reason.strip():
        message = _("Geef een reden voor de wissel van contactpersoon.")
        raise ValidationFailed(message, field_errors={"reason": [message]})
    if current:
        current.ended_at = timezone.now()
        current.save(update_fields=["ended_at"])
        _tell_previous(actor=actor, youth=youth, current=current, to=user)
    assignment = ContactAssignment.objects.create(
        youth=youth, user=user, role=role, handover_note=handover_note
    )
    record(actor=actor, youth=youth, kind=Kind.CONTACT_PERSON_CHANGED, about=assignment,
           # through the reverse relation: the youth app sits below trajectories
           trajectory=youth.trajectories.filter(closed_on__isnull=True).first(),
           from_state=current.role if current else "", to_state=role, reason=reason,
           data={"handover_note": bool(handover_note.strip()), "contact": user.pk})
    return assignment


def _tell_previous(*, actor, youth: Youth, current: ContactAssignment, to) -> None:
    """The contact who is replaced is told in the app (ADR 0014), and the original contact too
    when a cover is replaced; nobody is told what they did themselves."""
    told = set()
    for previous in (current, current.cover_for):
        if previous is None or previous.user_id in told or previous.user_id == to.pk:
            continue
        told.add(previous.user_id)
        if actor is None or previous.user_id != actor.pk:
            ContactNotice.objects.create(recipient_id=previous.user_id, youth=youth,
                                         kind=ContactNotice.Kind.REASSIGNED, colleague=to)


def leads_team_of(user, youth: Youth) -> bool:
    """``user`` is an active team lead of the team holding the youth."""
    return youth.team_id is not None and user.memberships.filter(
        is_active=True, role=Role.TEAMLEIDER, team_id=youth.team_id).exists()


def contact_role_in_team(user, team_id) -> str | None:
    """The role ``user`` takes as contact person in this team (CONTACT_PERSON_ROLES), if any."""
    return (user.memberships.filter(is_active=True, team_id=team_id,
                                    role__in=CONTACT_PERSON_ROLES)
            .order_by("id").values_list("role", flat=True).first())


def _lead_target_role(*, actor, youth: Youth, user) -> str:
    """What a team lead's (re)assignment needs: the actor leads the youth's team (else Refused,
    audited centrally) and the colleague holds a contact-person role in that team."""
    if not leads_team_of(actor, youth):
        raise Refused(_("Alleen een teamleider van het team van deze jongere kan toewijzen."))
    role = contact_role_in_team(user, youth.team_id)
    if role is None:
        message = _("Deze collega kan in dit team geen vaste contactpersoon zijn: alleen een "
                    "doorstroomcoach, jongerencoach werk, leerplichtambtenaar of consulent Werk "
                    "en Inkomen van het team.")
        raise ValidationFailed(message, field_errors={"user": [message]})
    return role


@transaction.atomic
def contact_person_assign_bulk(*, actor, youth: list[Youth], user, reason: str,
                               cover_until: datetime.date | None = None,
                               today: datetime.date | None = None) -> list[ContactAssignment]:
    """A team lead (re)assigns one or more youth to ``user``: for good, or as a temporary cover
    until ``cover_until`` (inclusive). All or nothing: one refusal leaves every youth as it was.
    Each youth gets its own event and audit row; the contact who is replaced is told."""
    if not youth:
        message = _("Kies ten minste één jongere.")
        raise ValidationFailed(message, field_errors={"youth": [message]})
    reason = _require_text(reason, "reason", _("Geef een reden voor de toewijzing."))
    done = []
    for person in youth:
        if cover_until is not None:
            done.append(contact_cover_start(actor=actor, youth=person, user=user,
                                            until=cover_until, reason=reason, today=today))
        else:
            role = _lead_target_role(actor=actor, youth=person, user=user)
            done.append(contact_person_assign(actor=actor, youth=person, user=user, role=role,
                                              reason=reason))
    return done


@transaction.atomic
def contact_cover_start(*, actor, youth: Youth, user, until: datetime.date, reason: str,
                        today: datetime.date | None = None) -> ContactAssignment:
    """``user`` stands in for the youth's contact person until ``until`` (inclusive), e.g.
    during absence. The original assignment ends and is remembered (``cover_for``): when the
    cover ends the original contact returns (``contact_cover_end``). A cover of a cover still
    stands in for the original contact."""
    today = today or timezone.localdate()
    role = _lead_target_role(actor=actor, youth=youth, user=user)
    if until < today:
        message = _("De waarneming kan niet eindigen vóór vandaag.")
        raise ValidationFailed(message, field_errors={"cover_until": [message]})
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    current = (youth.contact_assignments.filter(ended_at__isnull=True)
               .select_related("cover_for").first())
    if current is None:
        message = _("%(name)s heeft geen vaste contactpersoon om waar te nemen: wijs toe zonder "
                    "einddatum.") % {"name": youth.full_name}
        raise ValidationFailed(message, field_errors={"cover_until": [message]})
    original = current.cover_for or current
    if original.user_id == user.pk:
        message = _("%(name)s is zelf de vaste contactpersoon van %(youth)s.") % {
            "name": user.get_full_name() or user.get_username(), "youth": youth.full_name}
        raise ValidationFailed(message, field_errors={"user": [message]})
    current.ended_at = timezone.now()
    current.save(update_fields=["ended_at"])
    assignment = ContactAssignment.objects.create(youth=youth, user=user, role=role,
                                                  cover_for=original, cover_until=until)
    for recipient in {original.user_id, current.user_id} - {user.pk, getattr(actor, "pk", None)}:
        ContactNotice.objects.create(
            recipient_id=recipient, youth=youth, colleague=user, cover_until=until,
            kind=ContactNotice.Kind.COVER_STARTED if recipient == original.user_id
            else ContactNotice.Kind.REASSIGNED)
    record(actor=actor, youth=youth, kind=Kind.CONTACT_COVER_STARTED, about=assignment,
           trajectory=youth.trajectories.filter(closed_on__isnull=True).first(),
           from_state=current.role, to_state=role, reason=reason,
           data={"cover_until": until.isoformat(), "covers": original.pk})
    return assignment


@transaction.atomic
def contact_cover_end(*, actor, youth: Youth, reason: str) -> ContactAssignment:
    """End the youth's running cover: the original contact returns. If the original contact no
    longer holds their role in the youth's team, the cover stays as the contact person (without
    an end date) and the event says so. ``actor`` None: the daily job (``end_expired_covers``)."""
    if actor is not None and not leads_team_of(actor, youth):
        raise Refused(_("Alleen een teamleider van het team van deze jongere kan een waarneming "
                        "beëindigen."))
    youth = Youth.objects.select_for_update().get(pk=youth.pk)
    current = (youth.contact_assignments.filter(ended_at__isnull=True, cover_for__isnull=False)
               .select_related("cover_for").first())
    if current is None:
        raise ValidationFailed(_("Voor deze jongere loopt geen waarneming."))
    original = current.cover_for
    returns = original.user.memberships.filter(
        is_active=True, team_id=youth.team_id, role=original.role).exists()
    if returns:
        current.ended_at = timezone.now()
        current.save(update_fields=["ended_at"])
        assignment = ContactAssignment.objects.create(youth=youth, user=original.user,
                                                      role=original.role)
    else:
        current.cover_for, current.cover_until = None, None
        current.save(update_fields=["cover_for", "cover_until"])
        assignment = current
    for recipient, colleague in ((original.user_id, current.user), (current.user_id,
                                                                   original.user)):
        if actor is None or recipient != actor.pk:
            ContactNotice.objects.create(recipient_id=recipient, youth=youth, colleague=colleague,
                                         kind=ContactNotice.Kind.COVER_ENDED)
    record(actor=actor, youth=youth, kind=Kind.CONTACT_COVER_ENDED, about=assignment,
           trajectory=youth.trajectories.filter(closed_on__isnull=True).first(),
           from_state=current.role, to_state=assignment.role, reason=reason,
           data={"original_returned": returns})
    return assignment


@transaction.atomic
def contact_notices_mark_read(*, actor, notice_ids: list[int] | None = None) -> int:
    """Mark the actor's own unread notices read (all of them, or those given), so the home page
    lists them no longer. Someone else's notice is left as it is. Returns how many."""
    notices = (ContactNotice.objects.select_for_update(of=("self",)).select_related("youth")
               .filter(recipient=actor, read_at__isnull=True))
    if notice_ids is not None:
        notices = notices.filter(pk__in=notice_ids)
    notices = list(notices)
    now = timezone.now()
    for notice in notices:
        notice.read_at = now
        record_audit(actor=actor, youth=notice.youth, about=notice, action=AuditAction.UPDATE,
                     purpose=Purpose.CASEWORK, detail={"read": True})
    ContactNotice.objects.filter(pk__in=[n.pk for n in notices]).update(read_at=now)
    return len(notices)


def contact_covers_end_expired(*, today: datetime.date | None = None) -> int:
    """End every cover whose last day has passed (the daily ``end_expired_covers`` command).
    One transaction per youth, so one failure does not keep the others running."""
    today = today or timezone.localdate()
    ended = 0
    for youth in Youth.objects.filter(contact_assignments__ended_at__isnull=True,
                                      contact_assignments__cover_until__lt=today).distinct():
        contact_cover_end(actor=None, youth=youth,
                          reason=_("De waarneming is afgelopen."))
        ended += 1
    return ended


@transaction.atomic
def contact_person_end(*, actor, youth: Youth, trajectory=None,
                       reason: str) -> ContactAssignment | None:
    """End the active assignment because its cause ended (the trajectory closed): the reason to
    see the file ends with it (ACCESS.md, "ends"). Nothing to do without an active one."""
    current = (ContactAssignment.objects.select_for_update()
               .filter(youth=youth, ended_at__isnull=True).first())
    if current is None:
        return None
    current.ended_at = timezone.now()
    current.save(update_fields=["ended_at"])
    record(actor=actor, youth=youth, kind=Kind.CONTACT_PERSON_ENDED, about=current,
           trajectory=trajectory, from_state=current.role, reason=reason)
    return current


@transaction.atomic
def possible_duplicate_raise(*, actor, youth: Youth, other: Youth, reason: str,
                             source: str) -> PossibleDuplicate:
    """Put two files that may be one person before a coach (a review item), once per pair.

    ``youth`` is the new file, ``other`` the existing one. The existing file's timeline shows
    the event and its coaches see the item (``selectors.possible_duplicates_for``); the new file
    gets the audit row only, and whoever caused it (a school, a coach of another team) is told
    nothing: that would be an oracle (ACCESS.md, ADR 0011).
    """
    if reason not in PossibleDuplicate.Reason.values:
        raise ValidationFailed(_("Kies een geldige reden."))
    if youth.pk == other.pk:
        raise ValidationFailed(_("Een dossier kan geen dubbel van zichzelf zijn."))
    existing = PossibleDuplicate.objects.filter(
        status=PossibleDuplicate.Status.OPEN, youth__in=[youth, other],
        other__in=[youth, other]).first()
    if existing is not None:
        return existing
    review = PossibleDuplicate.objects.create(
        youth=youth, other=other, reason=reason, source=source,
        raised_by=actor if actor is not None and actor.is_authenticated else None)
    _record_on_pair(actor=review.raised_by, review=review, kind=Kind.POSSIBLE_DUPLICATE_RAISED,
                    action=AuditAction.CREATE, data={"reason": reason, "source": source})
    return review


def _record_on_pair(*, actor, review: PossibleDuplicate, kind: str,
                    action: AuditAction = AuditAction.UPDATE, data: dict | None = None,
                    reason: str = "") -> None:
    """A review's event goes on the existing file's timeline; the new file gets the audit row
    only. The new file's team often caused the review (it typed the BSN): its timeline must
    not tell it that the BSN or person exists elsewhere (ACCESS.md: no oracles)."""
    record(actor=actor, youth=review.other, about=review, kind=kind, action=action, data=data,
           reason=reason, purpose=Purpose.REGISTRATION)
    record_audit(actor=actor, youth=review.youth, about=review, action=action,
                 purpose=Purpose.REGISTRATION, detail={"kind": kind, **(data or {})})


def _require_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationFailed(message, field_errors={field: [message]})
    return value


def _locked(*files: Youth) -> list[Youth]:
    """The files, locked in a fixed order (two merges of one pair never deadlock)."""
    rows = {y.pk: y for y in Youth.objects.select_for_update().filter(
        pk__in=[f.pk for f in files]).order_by("pk")}
    return [rows[f.pk] for f in files]


@transaction.atomic
def possible_duplicate_dismiss(*, actor, review: PossibleDuplicate,
                               note: str) -> PossibleDuplicate:
    """"Verschillende personen": the two files stay apart. When the review was about a BSN, the
    file that holds it under review loses it (two people never share one BSN): its team checks
    the BSN with the youth (an event on that file says so)."""
    note = _require_text(note, "note", _("Licht toe waarom het verschillende personen zijn."))
    review = PossibleDuplicate.objects.select_for_update().get(pk=review.pk)
    if review.status != PossibleDuplicate.Status.OPEN:
        raise ValidationFailed(_("Over deze mogelijk dubbele dossiers is al besloten."))
    youth, other = _locked(review.youth, review.other)
    if not may_decide(actor, youth, other):
        raise Refused(_("U mag niet over deze dossiers beslissen."))
    review.status = PossibleDuplicate.Status.DISTINCT
    review.decided_by, review.decided_at = actor, timezone.now()
    review.decision_note = note
    review.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    _record_on_pair(actor=actor, review=review, kind=Kind.POSSIBLE_DUPLICATE_DISMISSED,
                    data={"reason": review.reason}, reason=note)
    bsn_reasons = (PossibleDuplicate.Reason.SAME_BSN, PossibleDuplicate.Reason.BSN_OTHER_PERSON)
    under_review = next((f for f in (youth, other) if f.bsn_under_review), None)
    if review.reason in bsn_reasons and under_review is not None:
        under_review.bsn, under_review.bsn_under_review = None, False
        under_review.save(update_fields=["bsn", "bsn_under_review", "updated_at"])
        record(actor=actor, youth=under_review, kind=Kind.BSN_TO_CHECK,
               purpose=Purpose.REGISTRATION, detail={"fields": ["bsn"]},
               reason=_("Het BSN hoort bij een ander dossier. Controleer het BSN met de "
                        "jongere en vul het opnieuw in."))
    return review


def _merge_bsn(kept: Youth, merged: Youth) -> dict | None:
    """One person, one BSN: the kept file takes the merged file's BSN when it has none; a copy
    under review is dropped. Returns what was changed, for the undo."""
    if not merged.bsn:
        return None
    change = {"kept": [kept.bsn, kept.bsn_under_review],
              "merged": [merged.bsn, merged.bsn_under_review]}
    bsn, under_review = merged.bsn, merged.bsn_under_review
    merged.bsn, merged.bsn_under_review = None, False
    merged.save(update_fields=["bsn", "bsn_under_review", "updated_at"])
    if kept.bsn:  # the same BSN (bsn_refusal): held by one of them unless both were under review
        kept.bsn_under_review = kept.bsn_under_review and under_review
    else:
        kept.bsn, kept.bsn_under_review = bsn, under_review
    kept.save(update_fields=["bsn", "bsn_under_review", "updated_at"])
    change["after"] = [kept.bsn, kept.bsn_under_review]
    return change


def _unmerge_bsn(kept: Youth, merged: Youth, change: dict) -> None:
    kept.bsn, kept.bsn_under_review = change["kept"]
    kept.save(update_fields=["bsn", "bsn_under_review", "updated_at"])
    merged.bsn, merged.bsn_under_review = change["merged"]
    merged.save(update_fields=["bsn", "bsn_under_review", "updated_at"])


@transaction.atomic
def youth_merge(*, actor, kept: Youth, merged: Youth, reason: str,
                review: PossibleDuplicate | None = None) -> YouthMerge:
    """Join two files of one person (issue 9 §4, ADR 0011): every row of the merged file moves
    to the kept one (``youth.merge.MERGE_MOVERS``), the merged file's id leads to the kept file,
    and the undo (:func:`youth_merge_undo`) can put exactly those rows back.

    Refused for one file, a file merged already, someone who may not decide about both files
    (``may_decide``), two different BSNs, and what an app's mover refuses (two open
    trajectories of different teams, say)."""
    reason = _require_text(reason, "reason", _("Geef een reden voor het samenvoegen."))
    if kept.pk == merged.pk:
        raise ValidationFailed(_("Een dossier kan niet met zichzelf worden samengevoegd."))
    kept, merged = _locked(kept, merged)
    if not may_decide(actor, kept, merged):
        raise Refused(_("U mag deze dossiers niet samenvoegen."))
    if kept.merged_into_id or merged.merged_into_id:
        raise ValidationFailed(_("Een van deze dossiers is al samengevoegd."))
    problems = [m for m in (bsn_refusal(kept=kept, merged=merged),
                            *(mover.refusal(kept=kept, merged=merged) for mover in MERGE_MOVERS))
                if m]
    if problems:
        raise ValidationFailed(" ".join(problems))
    moved: dict = {}
    bsn_change = _merge_bsn(kept, merged)
    if bsn_change:
        moved["bsn"] = bsn_change
    for mover in MERGE_MOVERS:
        change = mover.move(kept=kept, merged=merged)
        if change:
            moved[mover.key] = change
    merged.merged_into = kept
    merged.save(update_fields=["merged_into", "updated_at"])
    pair = (PossibleDuplicate.objects.select_for_update()
            .filter(Q(youth=kept, other=merged) | Q(youth=merged, other=kept),
                    status=PossibleDuplicate.Status.OPEN))
    resolved = sorted(pair.values_list("pk", flat=True))
    pair.update(status=PossibleDuplicate.Status.MERGED, decided_by=actor,
                decided_at=timezone.now(), decision_note=reason)
    if resolved:
        moved["youth.review_resolved"] = resolved
    merge = YouthMerge.objects.create(
        kept=kept, merged=merged, reason=reason, merged_by=actor, moved=moved,
        review=review if review is not None and review.pk in resolved else None)
    facts = {"kept": str(kept.public_id), "merged": str(merged.public_id)}
    for file, role in ((kept, "kept"), (merged, "merged")):
        record(actor=actor, youth=file, about=merge, kind=Kind.YOUTH_MERGED, reason=reason,
               data={**facts, "role": role}, purpose=Purpose.REGISTRATION)
    return merge


def merge_undo_term() -> datetime.timedelta:
    return datetime.timedelta(days=settings.ROUTE27_MERGE_UNDO_DAYS)


@transaction.atomic
def youth_merge_undo(*, actor, merge: YouthMerge, reason: str) -> YouthMerge:
    """A functional administrator takes a merge back within the term
    (``ROUTE27_MERGE_UNDO_DAYS``): the recorded rows go back to the merged file, its BSN too,
    and its id leads to itself again. Rows written on the kept file since the merge stay there."""
    reason = _require_text(reason, "reason", _("Geef een reden voor het ongedaan maken."))
    merge = YouthMerge.objects.select_for_update().get(pk=merge.pk)
    kept, merged = _locked(merge.kept, merge.merged)
    if not may_undo(actor, merge):
        raise Refused(_("Alleen een functioneel beheerder van de gemeente van de jongere kan "
                        "een samenvoeging ongedaan maken."))
    if merge.is_undone:
        raise ValidationFailed(_("Deze samenvoeging is al ongedaan gemaakt."))
    if timezone.now() - merge.merged_at > merge_undo_term():
        raise ValidationFailed(
            _("Een samenvoeging kan alleen binnen %(days)s dagen ongedaan worden gemaakt.")
            % {"days": settings.ROUTE27_MERGE_UNDO_DAYS})
    if kept.merged_into_id or merged.merged_into_id != kept.pk:
        raise ValidationFailed(_("Het bewaarde dossier is daarna zelf samengevoegd. Maak eerst "
                                 "die samenvoeging ongedaan."))
    problems = []
    bsn_change = merge.moved.get("bsn")
    if bsn_change and [kept.bsn, kept.bsn_under_review] != bsn_change["after"]:
        problems.append(_("Het BSN van het bewaarde dossier is na het samenvoegen gewijzigd."))
    for mover in MERGE_MOVERS:
        if mover.key in merge.moved:
            problem = mover.undo_refusal(kept=kept, merged=merged, record=merge.moved[mover.key])
            if problem:
                problems.append(problem)
    if problems:
        raise ValidationFailed(" ".join(problems))
    for mover in reversed(list(MERGE_MOVERS)):
        if mover.key in merge.moved:
            mover.undo(kept=kept, merged=merged, record=merge.moved[mover.key])
    merged.merged_into = None
    merged.save(update_fields=["merged_into", "updated_at"])
    if bsn_change:
        _unmerge_bsn(kept, merged, bsn_change)
    for review in PossibleDuplicate.objects.filter(
            pk__in=merge.moved.get("youth.review_resolved", [])):
        if not PossibleDuplicate.objects.filter(
                youth=review.youth_id, other=review.other_id,
                status=PossibleDuplicate.Status.OPEN).exists():
            review.status, review.decided_by, review.decided_at = (
                PossibleDuplicate.Status.OPEN, None, None)
            review.save(update_fields=["status", "decided_by", "decided_at"])
    merge.undone_by, merge.undone_at, merge.undo_reason = actor, timezone.now(), reason
    merge.save(update_fields=["undone_by", "undone_at", "undo_reason"])
    facts = {"kept": str(kept.public_id), "merged": str(merged.public_id)}
    for file, role in ((kept, "kept"), (merged, "merged")):
        record(actor=actor, youth=file, about=merge, kind=Kind.YOUTH_MERGE_UNDONE,
               reason=reason, data={**facts, "role": role}, purpose=Purpose.REGISTRATION)
    return merge
