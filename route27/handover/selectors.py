"""Reads of handovers: the sender sees its own (status only); the receiver sees consented blocks."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from route27 import law
from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read
from route27.core.errors import NotFound
from route27.handover.events import HandoverObject
from route27.handover.models import Handover, TransitionDocument
from route27.handover.workflow import RECEIVER, SENDER, HandoverStatus
from route27.organisations.models import Organisation

OBJECT_TYPE = HandoverObject.HANDOVER


def organisations_of(user) -> QuerySet[Organisation]:
    """Organisations in which the user acts on handovers (school contact or caseworker).

    A policy adviser or functional administrator of the same organisation is not a party.
    """
    from route27.handover.rules import ACTING_ROLES

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(teams__memberships__user=user,
                                       teams__memberships__is_active=True,
                                       teams__memberships__role__in=ACTING_ROLES).distinct()


def handovers_visible_to(user) -> QuerySet[Handover]:
    """Own handovers (sender) and handovers to the user's organisation that left concept."""
    orgs = organisations_of(user)
    return (Handover.objects.filter(Q(sender__in=orgs) | (Q(receiver__in=orgs)
                                                           & ~Q(status=HandoverStatus.CONCEPT)))
            .select_related("sender", "receiver", "youth"))


def side_of(user, handover: Handover) -> str | None:
    org_ids = set(organisations_of(user).values_list("pk", flat=True))
    if handover.sender_id in org_ids:
        return SENDER
    if handover.receiver_id in org_ids and handover.status != HandoverStatus.CONCEPT:
        return RECEIVER
    return None


def handover_get(*, user, public_id, purpose: Purpose = Purpose.CASEWORK) -> Handover:
    handover = handovers_visible_to(user).filter(public_id=public_id).first()
    if handover is None:
        record_denied(user=user, object_type=OBJECT_TYPE, object_id=public_id, purpose=purpose)
        raise NotFound("Deze overdracht is niet gevonden of u heeft geen toegang.")
    record_read(user=user, youth=handover.youth, about=handover, purpose=purpose)
    return handover


def visible_blocks(*, document: TransitionDocument, receiver_id: int) -> list[str]:
    """Blocks the receiver may read now: an active consent for this receiver, or a recorded legal
    basis that covers the block (law.LEGAL_BASES: only its own blocks, never the youth's part or
    a special category, and only for the handover's own receiver). In the format's order."""
    handover = document.handover
    active = set(document.consents.filter(receiver_id=receiver_id, withdrawn_at__isnull=True)
                 .values_list("block_key", flat=True))
    if receiver_id == handover.receiver_id:
        codes = handover.overrides.values_list("basis", flat=True)
        active |= set(law.blocks_opened_by_bases(codes, handover.kind, document.blocks))
    return [b["key"] for b in document.blocks if b["key"] in active]


def legal_basis_rows(handover: Handover) -> list[dict]:
    """The recorded legal bases of a handover with their name, article and the block titles each
    opens (a legacy free text: its note, opening nothing)."""
    titles = {b["key"]: b["title"] for b in handover.document.blocks}
    rows = []
    for override in handover.overrides.all():
        opened = law.blocks_opened_by_bases([override.basis], handover.kind,
                                            handover.document.blocks)
        rows.append({"override": override, "basis": override.legal_basis,
                     "blocks": [titles[key] for key in opened]})
    return rows


def withdrawn_blocks(*, document: TransitionDocument, receiver_id: int) -> list[str]:
    """Blocks whose consent was withdrawn (shown to the receiver as 'ingetrokken')."""
    active = set(visible_blocks(document=document, receiver_id=receiver_id))
    withdrawn = set(document.consents.filter(receiver_id=receiver_id,
                                             withdrawn_at__isnull=False)
                    .values_list("block_key", flat=True))
    return sorted(withdrawn - active)
