"""Every read of youth data. Always scoped to the user's reasons (youth.access)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, QuerySet

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.casefile.services import record_denied, record_read, record_reads
from route27.core.errors import NotFound
from route27.youth.access import visible_q
from route27.youth.bsn import normalise_bsn
from route27.youth.events import YouthObject
from route27.youth.models import PossibleDuplicate, Youth

OBJECT_TYPE = YouthObject.YOUTH


def youth_visible_to(user) -> QuerySet[Youth]:
    return Youth.objects.filter(visible_q(user))


def youth_list(*, user, search: str = "") -> QuerySet[Youth]:
    """Visible youth, optionally filtered by (part of) a name. Not yet logged: see log_shown."""
    qs = youth_visible_to(user).select_related("municipality", "team")
    for term in search.split()[:5]:
        qs = qs.filter(
            Q(given_names__icontains=term) | Q(family_name__icontains=term)
            | Q(surname_prefix__icontains=term)
        )
    return qs.order_by("family_name", "given_names", "id")


def youth_log_shown(*, user, youth: list[Youth], purpose: Purpose = Purpose.CASELOAD) -> None:
    """Log one read per youth actually shown (a page of a list)."""
    record_reads(user=user, shown=youth, purpose=purpose)


def youth_get(*, user, public_id: uuid.UUID | str, purpose: Purpose = Purpose.CASEWORK) -> Youth:
    """One youth file, logged as read; NotFound (and a denied entry) when the user has no reason."""
    youth = (
        youth_visible_to(user)
        .select_related("municipality", "team__organisation")
        .prefetch_related("guardians")
        .filter(public_id=public_id)
        .first()
    )
    if youth is None:
        record_denied(user=user, object_type=OBJECT_TYPE, object_id=public_id,
                      youth=youth_named(public_id), purpose=purpose)
        raise NotFound("Deze jongere is niet gevonden of u heeft geen toegang.")
    record_read(user=user, youth=youth, purpose=purpose)
    return youth


def youth_find_by_bsn(*, user, bsn: str) -> Youth | None:
    """Search by BSN (only ever from a POST body). Returns a visible youth or None; logged."""
    compact = normalise_bsn(bsn)
    youth = youth_visible_to(user).filter(bsn=compact).first()
    if youth is None:
        audit_record(user=user, action=AuditAction.READ, object_type=OBJECT_TYPE,
                     purpose=Purpose.SEARCH, detail={"result": "none"})
        return None
    record_read(user=user, youth=youth, purpose=Purpose.SEARCH)
    return youth


def youth_named(public_id) -> Youth | None:
    """The youth a refused request named, for the subject of its denied row only: never shown
    to the caller (no oracle)."""
    try:
        return Youth.objects.filter(public_id=public_id).only("pk").first()
    except (ValueError, TypeError, DjangoValidationError):
        return None


def youth_current_contact(youth: Youth):
    return youth.contact_assignments.filter(ended_at__isnull=True).select_related("user").first()


def possible_duplicates_for(user) -> QuerySet[PossibleDuplicate]:
    """Open review items where the user may see at least one of the two files. Whether the
    other file is shown depends on the user's reasons for it (see ``youth_visible_to``)."""
    visible = youth_visible_to(user).values("pk")
    return (PossibleDuplicate.objects.filter(status=PossibleDuplicate.Status.OPEN)
            .filter(Q(youth__in=visible) | Q(other__in=visible))
            .select_related("youth", "other"))
