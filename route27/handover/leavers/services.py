"""Writes of the leavers import: one draft handover per row of a checked file, all or nothing.

The rows come from :mod:`route27.handover.leavers.parsing` and are checked again here, inside
the transaction: the database may have changed since the school saw the preview.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover.events import HandoverObject
from route27.handover.intake import handover_youth
from route27.handover.leavers.parsing import Leaver, RowProblem, RowsRejected, validate_rows
from route27.handover.leavers.selectors import KIND_FOR_SCHOOL
from route27.handover.models import Handover
from route27.handover.selectors import organisations_of
from route27.handover.services import document_update, handover_create
from route27.organisations.models import Municipality, Organisation
from route27.youth.models import Youth


def leaver_youth(*, actor, bsn: str, given_names: str, surname_prefix: str = "",
                 family_name: str, birth_date: str, municipality: Municipality) -> Youth:
    """The file that holds the BSN when the person data agree, else a newly registered youth
    without a team (under review beside the other file, with a review item for the coaches,
    when the BSN is held by a file with other data). Never on the BSN alone; the school's file
    never changes the municipal record, and nothing of it is shown to the school
    (``route27.handover.intake``)."""
    return handover_youth(actor=actor, bsn=bsn, source="leavers_import",
                          given_names=given_names, surname_prefix=surname_prefix,
                          family_name=family_name, birth_date=birth_date,
                          municipality=municipality)


def _messages(exc: ValidationFailed) -> list[str]:
    return [m for messages in exc.field_errors.values() for m in messages] or [exc.message]


@transaction.atomic
def leavers_import(*, actor, school: Organisation, rows: list[dict],
                   progress: Callable[[int], None] | None = None) -> list[Handover]:
    """Create a draft handover per row, all or nothing (one transaction).

    The rows are validated again here: the database may have changed since the preview.
    ``progress(n)`` is told after each row how many handovers are made.
    """
    if school.type not in KIND_FOR_SCHOOL or \
            not organisations_of(actor).filter(pk=school.pk).exists():
        raise TransitionRefused(_("Alleen een pro-, vso- of mbo-school kan een lijst met "
                                  "schoolverlaters importeren, namens de eigen school."))
    leavers, problems = validate_rows(school=school, rows=rows)
    if problems:
        raise RowsRejected(problems)
    kind = KIND_FOR_SCHOOL[school.type]
    handovers = []
    for leaver in leavers:
        try:
            youth = leaver_youth(
                actor=actor, bsn=leaver.bsn, given_names=leaver.given_names,
                surname_prefix=leaver.surname_prefix, family_name=leaver.family_name,
                birth_date=leaver.birth_date, municipality=leaver.municipality)
            handover = handover_create(
                actor=actor, kind=kind, youth=youth, sender=school, receiver=leaver.receiver,
                school_left_on=leaver.left_on,
                diploma_on=leaver.left_on if leaver.diploma_obtained else None,
                highest_diploma=leaver.diploma)
        except ValidationFailed as exc:
            raise RowsRejected([RowProblem(leaver.row, "", m) for m in _messages(exc)]) from exc
        _prefill(actor, handover, leaver)
        handovers.append(handover)
        if progress is not None:
            progress(len(handovers))
    audit_record(user=actor, action=AuditAction.CREATE, object_type=HandoverObject.LEAVERS_IMPORT,
                 object_id=str(school.pk), purpose=Purpose.REGISTRATION,
                 detail={"rows": len(rows), "handovers": len(handovers)})
    return handovers


def _prefill(actor, handover: Handover, leaver: Leaver) -> None:
    """Put programme, level and diploma into the school part, if the regional format has it."""
    block = handover.document.block("opleiding")
    if block is None or block.get("part") != "school":
        return
    fields = {f["key"] for f in block["fields"]}
    values = {"opleiding": leaver.programme, "niveau": leaver.level,
              "diploma": leaver.diploma_text}
    content = {k: v for k, v in values.items() if k in fields and v}
    if content:
        document_update(actor=actor, handover=handover, part="school",
                        content={"opleiding": content})
