"""Every write on signals: atomic, validated in Dutch, with a trajectory event and an audit entry.

Matching rule (never a duplicate person):

1. a BSN is given and a youth with that BSN exists → link to that youth;
2. otherwise youth with the same family name (case-insensitive) and exactly the same birth date
   (year, month, day; unknown parts must be unknown on both sides) whose BSN does not contradict
   the signal's → ``needs_confirmation``: a coach decides with :func:`signal_confirm_match`;
3. otherwise a new youth is created.

Linking opens a trajectory in step 1 (signal) for the routed team, unless one is already open.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.casefile.services import append, record_audit
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.organisations.selectors import team_serving
from route27.signals.events import SignalEventKind
from route27.signals.models import Signal, SignalStatus, Source, arrival_for_source
from route27.trajectories.services import trajectory_open_or_start
from route27.youth.models import Youth
from route27.youth.services import youth_create, youth_holding_bsn, youth_update
from route27.youth.validation import clean_person

_MAX = {"reporter": 200, "message": 2000}  # the person fields are checked by clean_person


class Match:
    BSN = "bsn"
    NEW = "new"
    CONFIRMED = "confirmed"
    NEW_AFTER_CHECK = "new_after_check"
    CANDIDATES = "candidates"


def _clean(source: str, data: dict[str, Any], *, public: bool) -> dict[str, Any]:
    """Validate everything and collect every problem before raising (Dutch messages)."""
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    cleaned: dict[str, Any] = {}
    if source not in Source.values:
        fail("source", _("Kies via welke ingang het signaal binnenkwam."))
    cleaned["source"] = source

    person = clean_person(data, errors)
    for address_field in ("street_address", "postal_code", "place"):  # not asked in a signal
        person.pop(address_field)
    cleaned.update(person)
    for field, limit in _MAX.items():
        cleaned[field] = str(data.get(field) or "").strip()
        if len(cleaned[field]) > limit:
            fail(field, _("Gebruik hoogstens %(n)s tekens.") % {"n": limit})
    if (public or source == Source.SELF) and not (cleaned["email"] or cleaned["phone"]):
        message = _("Vul een telefoonnummer of e-mailadres in, zodat we contact kunnen opnemen.")
        fail("phone", message)
        fail("email", message)

    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    return cleaned


def _candidates(signal: Signal):
    """Every youth with the same family name and exactly the same (partial) birth date, with or
    without a BSN (issue 9 §7: a signal without a BSN must find the file that has one); when
    the signal has a BSN, a youth with another BSN is another person."""
    same = Youth.objects.filter(
        family_name__iexact=signal.family_name, birth_year=signal.birth_year,
        birth_month=signal.birth_month, birth_day=signal.birth_day,
        merged_into__isnull=True)  # a merged file leads to the kept one (ADR 0011)
    if signal.bsn:
        same = same.filter(Q(bsn__isnull=True) | Q(bsn="") | Q(bsn=signal.bsn))
    return same.order_by("pk")


def _youth_data(signal: Signal) -> dict[str, Any]:
    return {"given_names": signal.given_names, "surname_prefix": signal.surname_prefix,
            "family_name": signal.family_name, "birth_date": str(signal.birth_date),
            "bsn": signal.bsn, "municipality": signal.municipality,
            "email": signal.email, "phone": signal.phone}


def _add_bsn(actor, youth: Youth, bsn: str) -> Youth:
    """A confirmed match brings a BSN the file did not have yet: record it (a youth update)."""
    guardians = list(youth.guardians.values("name", "relationship", "phone", "email"))
    return youth_update(
        actor=actor, youth=youth, bsn=bsn, given_names=youth.given_names,
        surname_prefix=youth.surname_prefix, family_name=youth.family_name,
        birth_date=str(youth.birth_date), municipality=youth.municipality,
        email=youth.email, phone=youth.phone, street_address=youth.street_address,
        postal_code=youth.postal_code, place=youth.place, guardians=guardians,
    )


def _link(actor, signal: Signal, youth: Youth, match: str) -> Signal:
    """Attach the signal to the youth and to an open trajectory (started if there is none)."""
    trajectory = trajectory_open_or_start(
        actor=actor, youth=youth, team=signal.team, entrance=signal.source,
        requested_by=str(arrival_for_source(signal.source)),
        started_on=timezone.localtime(signal.created_at).date(),
    )
    signal.youth, signal.trajectory = youth, trajectory
    signal.status = SignalStatus.LINKED
    signal.bsn = None  # the youth holds it now: keep one copy
    signal.linked_by = actor if actor is not None and actor.is_authenticated else None
    signal.linked_at = timezone.now()
    signal.save(update_fields=["youth", "trajectory", "status", "bsn", "linked_by",
                               "linked_at"])
    signal.candidates.clear()
    append(actor=actor, youth=youth, trajectory=trajectory, kind=SignalEventKind.SIGNAL_RECEIVED,
           occurred_on=timezone.localtime(signal.created_at).date(),
           data={"entrance": signal.source, "signal": str(signal.public_id),
                 "match": match, "self_registration": signal.created_by_id is None})
    return signal


@transaction.atomic
def signal_register(*, actor, source: str, **data: Any) -> Signal:
    """Store a signal from any entrance, route it, and match it to one person.

    ``actor`` is None for the public self-registration. When no team serves the municipality of
    residence the signal is still stored (status new, no team) and not matched; the caller tells
    the user so (``signal.team is None``).
    """
    public = actor is None or not actor.is_authenticated
    cleaned = _clean(source, data, public=public)
    signal = Signal.objects.create(
        **cleaned, team=team_serving(cleaned["municipality"]),
        created_by=None if public else actor,
    )
    audit_actor = None if public else actor
    match = ""
    if signal.team is not None:
        by_bsn = youth_holding_bsn(signal.bsn)
        candidates = [] if by_bsn else list(_candidates(signal))
        if by_bsn is not None and public:
            # An anonymous visitor never reaches a file by a BSN alone (issue 9 §4): a coach
            # confirms the person; a BSN that does not fit the name and birth date is not kept.
            candidates = list(_candidates(signal).filter(pk=by_bsn.pk))
            if not candidates:
                signal.bsn = None
            match = Match.CANDIDATES
            signal.status = SignalStatus.NEEDS_CONFIRMATION
            signal.save(update_fields=["status", "bsn"])
            signal.candidates.set(candidates)
        elif by_bsn is not None:
            match = Match.BSN
            _link(audit_actor, signal, by_bsn, match)
        elif candidates:
            match = Match.CANDIDATES
            signal.status = SignalStatus.NEEDS_CONFIRMATION
            signal.save(update_fields=["status"])
            signal.candidates.set(candidates)
        else:
            match = Match.NEW
            youth = youth_create(actor=audit_actor, team=signal.team, **_youth_data(signal))
            _link(audit_actor, signal, youth, match)
    record_audit(actor=audit_actor, youth=signal.youth, about=signal, action=AuditAction.CREATE,
                 purpose=Purpose.REGISTRATION,
                 detail={"source": signal.source, "status": signal.status,
                         "routed": signal.team_id is not None, "match": match,
                         "self_registration": public})
    return signal


@transaction.atomic
def signal_confirm_match(*, actor, signal: Signal, youth: Youth | None = None) -> Signal:
    """A coach decides: ``youth`` is the same person (link), or None: a new person (create)."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.status == SignalStatus.LINKED:
        raise TransitionRefused(_("Dit signaal is al gekoppeld aan een jongere."))
    if signal.status != SignalStatus.NEEDS_CONFIRMATION or signal.team_id is None:
        raise TransitionRefused(_("Dit signaal wacht niet op een controle van de persoon."))
    if youth is not None:
        if not signal.candidates.filter(pk=youth.pk).exists():
            message = _("Deze jongere staat niet bij de mogelijke matches van dit signaal.")
            raise ValidationFailed(message, field_errors={"youth": [message]})
        if signal.bsn and not youth.bsn:
            youth = _add_bsn(actor, youth, signal.bsn)
        match = Match.CONFIRMED
    else:
        youth = youth_create(actor=actor, team=signal.team, **_youth_data(signal))
        match = Match.NEW_AFTER_CHECK
    _link(actor, signal, youth, match)
    record_audit(actor=actor, youth=youth, about=signal, purpose=Purpose.CASEWORK,
                 detail={"match": match, "youth": str(youth.public_id)})
    return signal
