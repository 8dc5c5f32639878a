"""The pupil of a new handover: found by BSN or registered, without telling the sender anything.

A school cannot read youth files, so it never searches: it types the pupil's BSN and person
data. A school must learn nothing about a BSN (ACCESS.md, "no oracles"): an unknown BSN, a BSN
of a file with the same person data and a BSN of a file with other person data give the school
exactly the same answer. So:

* the handover is linked to the file that holds the BSN only when the person data agree — the
  family name and birth date (``is_same_person``: never on the BSN alone, a typo in the BSN
  must never attach an overgangsdocument to someone else's file) and, because the school sees
  the pupil's name and the answers that follow from the municipality and birth date on its
  handover pages, everything else the school typed and is shown back: given names, prefix,
  the complete birth date and the municipality;
* otherwise the pupil gets a file of their own, with the BSN kept under review beside the
  other file, and a review item (``PossibleDuplicate``) tells the coaches of both files; the
  receiving coach decides (merge, or two people). Nothing of this reaches the school.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from route27.audit.purposes import Purpose
from route27.casefile.services import record_read
from route27.core.errors import ValidationFailed
from route27.handover.models import Handover
from route27.handover.services import handover_create
from route27.organisations.models import Organisation
from route27.youth.bsn import normalise_bsn
from route27.youth.models import Youth
from route27.youth.services import is_same_person, youth_create, youth_holding_bsn
from route27.youth.validation import clean_person


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


def shows_as_typed(youth: Youth, cleaned: dict[str, Any]) -> bool:
    """The file agrees with the typed person on everything the sender is shown back: the name
    (exactly as typed), the complete birth date and the municipality. Linking only then means
    the sender's pages look the same whether the BSN was known or not."""
    return (youth.given_names == cleaned["given_names"]
            and youth.surname_prefix == cleaned["surname_prefix"]
            and youth.family_name == cleaned["family_name"]
            and (youth.birth_year, youth.birth_month, youth.birth_day)
            == (cleaned.get("birth_year"), cleaned.get("birth_month"), cleaned.get("birth_day"))
            and youth.municipality_id == getattr(cleaned.get("municipality"), "pk", None))


@transaction.atomic
def handover_youth(*, actor, bsn: str, source: str = "handover", **person: Any) -> Youth:
    """The file that holds this BSN when the person data agree, else a newly registered youth
    (under review beside the holder, with a review item, when the BSN is held by another file).

    ``source`` names the use case on the review item ("handover", "support_request",
    "leavers_import"). Never raises anything that depends on the BSN being known.
    """
    compact = _compact_bsn(bsn)
    errors: dict[str, list[str]] = {}
    cleaned = clean_person({**person, "bsn": compact}, errors)
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    holder = youth_holding_bsn(compact)
    if holder is not None and is_same_person(holder, cleaned) and shows_as_typed(holder, cleaned):
        record_read(user=actor, youth=holder, purpose=Purpose.REGISTRATION,
                    detail={"handover_intake": "matched_by_bsn", "source": source})
        return holder
    return youth_create(actor=actor, team=None, bsn_clash="review", source=source, bsn=compact,
                        **person)


@transaction.atomic
def handover_start(*, actor, bsn: str, person: dict[str, Any], kind: str,
                   sender: Organisation, receiver: Organisation,
                   school_left_on: datetime.date | None = None,
                   diploma_on: datetime.date | None = None,
                   highest_diploma: str = "") -> Handover:
    """Find or register the pupil and draft the handover in one transaction: a refused
    handover leaves no newly registered youth behind."""
    youth = handover_youth(actor=actor, bsn=bsn, source="handover", **person)
    return handover_create(actor=actor, kind=kind, youth=youth, sender=sender,
                           receiver=receiver, school_left_on=school_left_on,
                           diploma_on=diploma_on, highest_diploma=highest_diploma)
