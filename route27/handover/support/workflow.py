"""Lifecycle of a request for support during school (Pw art. 7a lid 1 sub b): one table.

verstuurd → geaccepteerd (accept: a trajectory is started or linked, with a route proposal) |
afgewezen (decline, with a reason). Only the receiving gemeente's casework members decide; the
school that asked sees the status. A decided request is final.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from route27.core.errors import Refused, TransitionRefused
from route27.handover.models import SupportRequest

Status = SupportRequest.Status
SCHOOL, RECEIVER = "school", "receiver"

# (from, to): (verb, side that may take it)
TRANSITIONS: dict[tuple[str, str], tuple[str, str]] = {
    (Status.SENT, Status.ACCEPTED): ("accept", RECEIVER),
    (Status.SENT, Status.DECLINED): ("decline", RECEIVER),
}
DECIDED = frozenset({Status.ACCEPTED, Status.DECLINED})


def _only(side: str) -> str:
    """Who may take an edge, as the refusal says it."""
    return {RECEIVER: _("Alleen een medewerker van de ontvangende gemeente kan dit doen.")}[side]


def check(source: str, target: str, side: str | None) -> str:
    """The verb of the edge ``source → target`` for this side; ``Refused`` for the wrong party
    (audited as denied), TransitionRefused for a decided request.

    The side is checked first: someone who may not decide is told so, whatever the status. Every
    edge leaves ``sent``, so a missing edge means the request was decided already.
    """
    allowed = {who for (_from, to), (_verb, who) in TRANSITIONS.items() if to == target}
    if allowed and side not in allowed:
        raise Refused(_only(min(allowed)))
    edge = TRANSITIONS.get((source, target))
    if edge is None:
        raise TransitionRefused(_("Over deze aanvraag is al besloten."))
    return edge[0]
