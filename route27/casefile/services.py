"""The one door to the youth file: record what happened, and who processed whose data.

Every app writes the file through :func:`record` (an event and its audit row, in the caller's
transaction) and logs reads through :func:`record_read`, :func:`record_reads` and
:func:`record_denied`. Each audit row carries the *subject* youth, so "wie heeft mijn gegevens
bekeken" is one filter that sees every object type.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.audit.objects import reference
from route27.audit.purposes import Purpose
from route27.audit.services import audit_denied, audit_reads, audit_record, audit_records
from route27.casefile.kinds import EVENT_KINDS, followers, watchers
from route27.casefile.models import Event
from route27.core.access import note_denied
from route27.core.db.bulk import insert_values


def _occurred(occurred_on: datetime.date | None) -> tuple[datetime.datetime, bool]:
    """A date the user gave becomes midnight of that day (``date_only``); none means now."""
    now = timezone.now()
    if occurred_on is None or occurred_on == timezone.localdate(now):
        return now, False
    midnight = datetime.datetime.combine(occurred_on, datetime.time.min)
    return timezone.make_aware(midnight), True


def append(*, actor, youth, kind: str, trajectory=None,
           occurred_on: datetime.date | None = None, from_state: str = "", to_state: str = "",
           reason: str = "", data: dict | None = None) -> Event:
    """Append one event without an audit row: for a second fact of a write that :func:`record`
    already audits (a step change that follows an intake, say)."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"event kind {kind!r} is not registered")
    occurred_at, date_only = _occurred(occurred_on)
    event = Event.objects.create(
        youth=youth, trajectory=trajectory, kind=kind, occurred_at=occurred_at,
        recorded_at=timezone.now(), date_only=date_only,
        actor=actor if actor is not None and actor.pk else None,
        from_state=from_state, to_state=to_state, reason=reason, data=data or {},
    )
    for follower in followers(kind):
        follower(event)
    for watcher in watchers():
        watcher(event)
    return event


def record(*, actor, kind: str, youth=None, about=None,
           action: AuditAction = AuditAction.UPDATE, trajectory=None,
           occurred_on: datetime.date | None = None, from_state: str = "", to_state: str = "",
           reason: str = "", data: dict | None = None, detail: dict | None = None,
           purpose: str = Purpose.CASEWORK) -> Event:
    """Append the event and its audit row in the caller's transaction.

    ``about`` is the object the write is about (default: the trajectory, else the youth); it
    declares ``AUDIT_TYPE``. An object of another app (a handover, a support request) also names
    the youth and trajectory when they are not given, and its id goes into the event's data.
    """
    if about is not None and about.AUDIT_TYPE not in ("youth", "trajectory"):
        youth = youth or about.youth
        trajectory = trajectory or getattr(about, "trajectory", None)
        data = {about.AUDIT_TYPE: reference(about)[1], **(data or {})}
    event = append(actor=actor, youth=youth, kind=kind, trajectory=trajectory,
                   occurred_on=occurred_on, from_state=from_state, to_state=to_state,
                   reason=reason, data=data)
    object_type, object_id = reference(about or trajectory or youth)
    audit_record(user=actor, action=action, object_type=object_type, object_id=object_id,
                 subject_id=youth.pk, purpose=purpose, detail=detail)
    return event


def record_many(*, actor, kind: str, items: list[tuple], action: AuditAction = AuditAction.CREATE,
                purpose: str = Purpose.CASEWORK, data: dict | None = None) -> None:
    """:func:`record` for a bulk change (an import of thousands of rows): ``items`` are
    ``(youth or youth id, about)`` pairs, ``about`` an instance or its ``(object type, id)``
    reference; one event and one audit row each, written in one COPY
    (``core.db.bulk``) inside the caller's transaction. A kind that an app follows is recorded
    one by one, so its followers run."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"event kind {kind!r} is not registered")
    if followers(kind):
        youth_model = Event._meta.get_field("youth").related_model  # the kernel names no app
        for youth, about in items:
            youth = youth if hasattr(youth, "pk") else youth_model.objects.get(pk=youth)
            record(actor=actor, kind=kind, youth=youth, about=about, action=action,
                   purpose=purpose, data=data)
        return
    now = timezone.now()
    actor_id = actor.pk if actor is not None and actor.pk else None
    events, audited = [], {}
    for youth, about in items:
        youth_id = getattr(youth, "pk", youth)
        object_type, object_id = about if isinstance(about, tuple) else reference(about)
        extra = {object_type: object_id} if object_type not in ("youth", "trajectory") else {}
        events.append({"youth_id": youth_id, "kind": kind, "occurred_at": now,
                       "recorded_at": now, "actor_id": actor_id, "trajectory_id": None,
                       "date_only": False, "from_state": "", "to_state": "", "reason": "",
                       "data": {**extra, **(data or {})}})
        audited.setdefault(object_type, []).append((object_id, youth_id))
    insert_values(Event, events)
    for object_type, objects in audited.items():
        audit_records(user=actor, action=action, object_type=object_type, purpose=purpose,
                      objects=objects)


def record_audit(*, actor, youth, about=None, action: AuditAction = AuditAction.UPDATE,
                 purpose: str = Purpose.CASEWORK, detail: dict | None = None) -> AuditEntry:
    """An audit row about a youth's data without a file event (an export, a correction of
    personal details that the timeline need not show)."""
    object_type, object_id = reference(about or youth)
    return audit_record(user=actor, action=action, object_type=object_type, object_id=object_id,
                        subject_id=youth.pk if youth is not None else None, purpose=purpose,
                        detail=detail)


def record_read(*, user, youth, about=None, purpose: str = Purpose.CASEWORK,
                detail: dict | None = None) -> AuditEntry:
    """Log that ``user`` read ``about`` (default: the youth) of this youth."""
    return record_audit(actor=user, youth=youth, about=about, action=AuditAction.READ,
                        purpose=purpose, detail=detail)


def _subject_id(obj) -> int | None:
    return obj.pk if obj.AUDIT_TYPE == "youth" else getattr(obj, "youth_id", None)


def record_reads(*, user, shown: Iterable, purpose: str) -> None:
    """One read row per object shown on a list page, in one query (keeps lists O(1)).
    All objects are of one type; each must have ``youth_id`` or be a youth."""
    shown = list(shown)
    if not shown:
        return
    audit_reads(user=user, object_type=shown[0].AUDIT_TYPE, purpose=purpose,
                objects=[(reference(obj)[1], _subject_id(obj)) for obj in shown])


def record_denied(*, user, object_type: str, object_id, youth=None,
                  purpose: str = Purpose.CASEWORK, detail: dict | None = None) -> None:
    """Log a refused attempt at once (outside any transaction, so no rollback erases it).
    ``youth`` only when the attempt named a youth that exists (never tells the caller so).
    One row per refused request: the access middleware then writes no row of its own."""
    note_denied()
    audit_denied(user=user, object_type=object_type, object_id=str(object_id),
                 subject_id=youth.pk if youth is not None else None, purpose=purpose,
                 detail=detail)
