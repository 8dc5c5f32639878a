"""Every write on youth data: atomic, validated, with a file event and an audit entry."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.casefile.services import record
from route27.core.errors import ValidationFailed
from route27.organisations.models import Team
from route27.organisations.roles import CONTACT_PERSON_ROLES, Role
from route27.organisations.selectors import actor_team_for
from route27.youth.events import YouthEventKind as Kind
from route27.youth.models import ContactAssignment, Guardian, PossibleDuplicate, Youth
from route27.youth.validation import add_error, clean_person

_MAX_GUARDIANS = 4


def _clean(data: dict[str, Any], *, youth: Youth | None,
           check_bsn: bool = True) -> dict[str, Any]:
    """Validate and normalise youth fields; collect every problem before raising."""
    errors: dict[str, list[str]] = {}
    cleaned = clean_person(data, errors)

    def fail(field: str, message: str) -> None:
        add_error(errors, field, message)

    kept_under_review = youth is not None and youth.bsn_under_review and \
        cleaned.get("bsn") == youth.bsn
    if cleaned.get("bsn") and check_bsn and not kept_under_review:
        clash = Youth.objects.filter(bsn=cleaned["bsn"], bsn_under_review=False)
        if youth is not None:
            clash = clash.exclude(pk=youth.pk)
        if clash.exists():
            fail("bsn", _("Er is al een jongere met dit BSN geregistreerd. "
                          "Zoek de jongere op in plaats van een nieuwe te maken."))

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
    Never show its data to the caller without a reason (youth.selectors)."""
    return Youth.objects.filter(bsn=bsn, bsn_under_review=False).first() if bsn else None


@transaction.atomic
def youth_create(*, actor, team: Team | None = None, bsn_clash: str = "refuse",
                 source: str = "", **data: Any) -> Youth:
    """Register a youth. A BSN another file holds is refused (``bsn_clash="refuse"``: for a
    caller who may see that file), or kept under review beside it (``"review"``: the caller
    must not learn that the BSN exists; a review item goes to the coaches of both files)."""
    if bsn_clash not in ("refuse", "review"):
        raise ValueError(bsn_clash)
    cleaned = _clean(data, youth=None, check_bsn=bsn_clash == "refuse")
    guardians = cleaned.pop("guardians")
    holder = youth_holding_bsn(cleaned.get("bsn")) if bsn_clash == "review" else None
    youth = Youth(**cleaned, team=team or actor_team_for(actor, cleaned["municipality"]),
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
    if holder is not None:
        reason = (PossibleDuplicate.Reason.SAME_BSN if is_same_person(holder, cleaned)
                  else PossibleDuplicate.Reason.BSN_OTHER_PERSON)
        possible_duplicate_raise(actor=actor, youth=youth, other=holder, reason=reason,
                                 source=source or "youth_create")
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
    for field, value in cleaned.items():
        setattr(youth, field, value)
    if "bsn" in changed:  # a new BSN passed the clash check: it is no longer under review
        youth.bsn_under_review = False
    youth.save()
    if "guardians" in changed:
        _save_guardians(youth, guardians)
    record(actor=actor, youth=youth, kind=Kind.YOUTH_UPDATED, data={"fields": changed},
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
    if current and current.user_id == user.pk and current.role == role:
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
    assignment = ContactAssignment.objects.create(
        youth=youth, user=user, role=role, handover_note=handover_note
    )
    record(actor=actor, youth=youth, kind=Kind.CONTACT_PERSON_CHANGED, about=assignment,
           # through the reverse relation: the youth app sits below trajectories
           trajectory=youth.trajectories.filter(closed_on__isnull=True).first(),
           from_state=current.role if current else "", to_state=role, reason=reason,
           data={"handover_note": bool(handover_note.strip())})
    return assignment


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

    Both files get an event, so each team sees it in its timeline; the one who caused it (a
    school, a coach of another team) is told nothing: that would be an oracle (ACCESS.md).
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
    for file in (youth, other):
        record(actor=review.raised_by, youth=file, about=review,
               kind=Kind.POSSIBLE_DUPLICATE_RAISED, action=AuditAction.CREATE,
               data={"reason": reason, "source": source}, purpose=Purpose.REGISTRATION)
    return review
