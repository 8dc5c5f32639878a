"""The pupil of a new handover: found by BSN or registered, without showing the sender any file.

A school cannot read youth files, so it never searches: it types the pupil's BSN and person
data. When a youth with that BSN exists, the handover is linked to them only if the family name
and birth date typed match (a typo in the BSN must never attach an overgangsdocument to someone
else's file); nothing of the existing file is shown either way.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read
from route27.core.errors import ValidationFailed
from route27.handover.models import Handover
from route27.handover.services import handover_create
from route27.organisations.models import Organisation
from route27.youth.bsn import normalise_bsn
from route27.youth.events import YouthObject
from route27.youth.models import Youth
from route27.youth.selectors import youth_named
from route27.youth.services import youth_create
from route27.youth.validation import clean_person


class PersonMismatch(ValidationFailed):
    """The BSN belongs to a registered youth whose name or birth date differs from the input."""

    def __init__(self, public_id: str):
        message = _("Deze gegevens passen niet bij het BSN. Controleer het BSN, de achternaam en "
                    "de geboortedatum.")
        super().__init__(message, field_errors={"bsn": [message]})
        self.public_id = public_id


def person_mismatch_log(*, user, mismatch: PersonMismatch, attempt: str) -> None:
    """Log the refused attempt on the youth the BSN belongs to. Call it after the service's
    rollback (in the view), so the entry stays."""
    record_denied(user=user, object_type=YouthObject.YOUTH, object_id=mismatch.public_id,
                  youth=youth_named(mismatch.public_id), purpose=Purpose.REGISTRATION,
                  detail={"reason": f"{attempt}_bsn_person_mismatch"})


def _compact_bsn(bsn: str | None) -> str:
    try:
        compact = normalise_bsn(bsn)
    except ValidationFailed as exc:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."),
                               field_errors=exc.field_errors) from exc
    if not compact:
        message = _("Vul het BSN in: daarmee komt de overdracht bij de juiste jongere.")
        raise ValidationFailed(message, field_errors={"bsn": [message]})
    return compact


def _same_person(youth: Youth, cleaned: dict[str, Any]) -> bool:
    def known_equal(a, b) -> bool:
        return a is None or b is None or a == b

    return (youth.family_name.strip().casefold() == cleaned["family_name"].casefold()
            and youth.birth_year == cleaned.get("birth_year")
            and known_equal(youth.birth_month, cleaned.get("birth_month"))
            and known_equal(youth.birth_day, cleaned.get("birth_day")))


@transaction.atomic
def handover_youth(*, actor, bsn: str, **person: Any) -> Youth:
    """The youth with this BSN (when name and birth date match), else a newly registered one.

    Raises PersonMismatch when the BSN is registered for someone with other data; the caller
    logs that as a denied attempt after the rollback.
    """
    compact = _compact_bsn(bsn)
    existing = Youth.objects.select_for_update().filter(bsn=compact).first()
    if existing is None:
        return youth_create(actor=actor, team=None, bsn=compact, **person)
    errors: dict[str, list[str]] = {}
    cleaned = clean_person({**person, "bsn": compact}, errors)
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    if not _same_person(existing, cleaned):
        raise PersonMismatch(str(existing.public_id))
    record_read(user=actor, youth=existing, purpose=Purpose.REGISTRATION,
                detail={"handover_intake": "matched_by_bsn"})
    return existing


@transaction.atomic
def handover_start(*, actor, bsn: str, person: dict[str, Any], kind: str,
                   sender: Organisation, receiver: Organisation,
                   school_left_on: datetime.date | None = None,
                   diploma_on: datetime.date | None = None,
                   highest_diploma: str = "") -> Handover:
    """Find or register the pupil and draft the handover in one transaction: a refused
    handover leaves no newly registered youth behind."""
    youth = handover_youth(actor=actor, bsn=bsn, **person)
    return handover_create(actor=actor, kind=kind, youth=youth, sender=sender,
                           receiver=receiver, school_left_on=school_left_on,
                           diploma_on=diploma_on, highest_diploma=highest_diploma)
