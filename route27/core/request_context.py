"""What the current request carries for the audit log, readable without passing it around: the
request id, and whether the request was refused and its ``denied`` row already written."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

request_id: ContextVar[str] = ContextVar("route27_request_id", default="")


@dataclass
class Refusal:
    """The refusal bookkeeping of one request (``core.middleware.AccessPolicyMiddleware``)."""

    denied_rows: int = 0  # denied rows written by a selector or service during the request
    reason: str = ""  # a refusal the response does not show by its status (a message, a redirect)
    nothing_refused: bool = False  # a 404 about no one: a list page past the last


refusal: ContextVar[Refusal | None] = ContextVar("route27_refusal", default=None)
