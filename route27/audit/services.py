"""Writing the processing log. Call these from services (changes) and selectors (reads)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable

from django.db import connection, transaction

from route27.audit.models import AuditAction, AuditEntry
from route27.audit.objects import AUDIT_OBJECTS
from route27.audit.purposes import Purpose
from route27.core import request_context
from route27.core.db.bulk import insert_values


def _actor_fields(user) -> dict:
    if user is None or not user.is_authenticated:
        return {"actor": None, "actor_username": "", "role": "", "organisation": ""}
    membership = user.primary_membership
    return {
        "actor": user,
        "actor_username": user.get_username(),
        "role": membership.role if membership else "",
        "organisation": membership.team.organisation.name if membership else "",
    }


def _checked(object_type: str) -> str:
    if object_type not in AUDIT_OBJECTS:
        raise ValueError(f"audit object type {object_type!r} is not registered")
    return object_type


def audit_record(*, user, action: AuditAction, object_type: str, object_id: str = "",
                 purpose: str, detail: dict | None = None, subject_id: int | None = None,
                 ) -> AuditEntry:
    """Append one entry. Runs inside the caller's transaction, so it commits with the change.

    Casework goes through ``route27.casefile.services`` (which sets the subject youth); call this
    directly only for rows that are about no youth (a view, an import, a caseload overview).
    """
    return AuditEntry.objects.create(
        **_actor_fields(user), action=action, object_type=_checked(object_type),
        object_id=str(object_id), subject_id=subject_id, purpose=purpose,
        request_id=request_context.request_id.get(), detail=detail or {},
    )


@contextlib.contextmanager
def read_log_transaction():
    """The transaction a list page's read entries commit in, when they are its only write.

    On PostgreSQL that commit does not wait for the disk (``synchronous_commit off`` for this
    transaction only): a page read then costs no fsync, which was as much as the whole bare
    query of a list (issue 12, ADR 0015). A database crash can lose the read entries of the last
    fraction of a second; the database stays consistent. Inside a caller's transaction (a
    change), nothing is changed: its audit rows commit with it, synchronously. One file read
    (one row) commits as before: BEGIN, SET and COMMIT would be three statements more than the
    fsync they save is worth on a page of a dozen (issue 12).
    """
    if connection.in_atomic_block or connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def audit_reads(*, user, object_type: str, objects: Iterable[tuple[str, int | None]],
                purpose: str) -> None:
    """Append one read entry per (object id, subject youth id) shown, in one query."""
    actor = _actor_fields(user)
    request_id = request_context.request_id.get()
    with read_log_transaction():
        AuditEntry.objects.bulk_create(
            AuditEntry(**actor, action=AuditAction.READ, object_type=_checked(object_type),
                       object_id=str(object_id), subject_id=subject_id, purpose=purpose,
                       request_id=request_id)
            for object_id, subject_id in objects
        )


def audit_records(*, user, action: AuditAction, object_type: str,
                  objects: Iterable[tuple[str, int | None]], purpose: str,
                  detail: dict | None = None) -> None:
    """One entry per (object id, subject youth id) of a bulk change (an import), in one query,
    inside the caller's transaction."""
    actor = _actor_fields(user)
    request_id = request_context.request_id.get()
    object_type = _checked(object_type)
    actor_id = actor.pop("actor").pk if actor["actor"] is not None else None
    actor.pop("actor", None)
    insert_values(AuditEntry, [
        {**actor, "actor_id": actor_id, "action": action, "object_type": object_type,
         "object_id": str(object_id), "subject_id": subject_id, "purpose": purpose,
         "request_id": request_id, "detail": detail or {}}
        for object_id, subject_id in objects])


def audit_denied(*, user, object_type: str, object_id: str = "", purpose: str,
                 detail: dict | None = None, subject_id: int | None = None) -> None:
    """Log a refused attempt at once.

    Denials happen in views and selectors, which run outside transactions (ATOMIC_REQUESTS is
    off and services open their own), so no later rollback can erase the entry.
    """
    audit_record(user=user, action=AuditAction.DENIED, object_type=object_type,
                 object_id=object_id, purpose=purpose, detail=detail, subject_id=subject_id)


def log_refused_view(sender, *, user, view_name: str, policy: str, **kwargs) -> None:
    """Receiver of ``core.access.view_refused``: a page or API operation refused for a missing
    permission is a denied row about the view (no youth is named by it)."""
    audit_denied(user=user, object_type="view", object_id=view_name, purpose=policy)


# A user name that looks like a BSN (someone typed it in the wrong field) is never stored.
_LOOKS_LIKE_BSN = re.compile(r"^[\d .-]{9,12}$")


def log_login(sender, *, request, user, **kwargs) -> None:
    audit_record(user=user, action=AuditAction.LOGIN, object_type="session",
                 purpose=Purpose.AUTHENTICATION)


def log_logout(sender, *, request, user, **kwargs) -> None:
    if user is not None:
        audit_record(user=user, action=AuditAction.LOGOUT, object_type="session",
                     purpose=Purpose.AUTHENTICATION)


def log_login_failed(sender, *, credentials, request=None, **kwargs) -> None:
    name = str(credentials.get("username") or "")[:150]
    AuditEntry.objects.create(
        actor=None, actor_username="" if _LOOKS_LIKE_BSN.match(name) else name,
        action=AuditAction.LOGIN_FAILED, object_type="session", purpose=Purpose.AUTHENTICATION,
        request_id=request_context.request_id.get())
