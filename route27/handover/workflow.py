"""Handover lifecycle with named verbs (ANCHORS §9): one table, each edge with who may take it.

concept → verstuurd (send, needs consent or a legal-basis override) → ontvangen (receive) →
geaccepteerd (accept: a trajectory is created or linked) | teruggestuurd (return, with reason);
ingetrokken (withdraw) by the sender before acceptance.

For the receiver accepting is one action: a handover still ``verstuurd`` is accepted through
``VIA`` — the table's receive edge, then its accept edge — so the history keeps both events.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.core.errors import Refused, TransitionRefused


class HandoverStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    SENT = "sent", _("Verstuurd")
    RECEIVED = "received", _("Ontvangen")
    ACCEPTED = "accepted", _("Geaccepteerd")
    RETURNED = "returned", _("Teruggestuurd")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


# Before a decision: the document can still change and the sender can still withdraw.
OPEN = (HandoverStatus.CONCEPT, HandoverStatus.SENT, HandoverStatus.RECEIVED)

SENDER, RECEIVER = "sender", "receiver"

# (from, to): (verb, side that may take it)
TRANSITIONS: dict[tuple[str, str], tuple[str, str]] = {
    (HandoverStatus.CONCEPT, HandoverStatus.SENT): ("send", SENDER),
    (HandoverStatus.SENT, HandoverStatus.RECEIVED): ("receive", RECEIVER),
    (HandoverStatus.SENT, HandoverStatus.RETURNED): ("return", RECEIVER),
    (HandoverStatus.RECEIVED, HandoverStatus.ACCEPTED): ("accept", RECEIVER),
    (HandoverStatus.RECEIVED, HandoverStatus.RETURNED): ("return", RECEIVER),
    (HandoverStatus.CONCEPT, HandoverStatus.WITHDRAWN): ("withdraw", SENDER),
    (HandoverStatus.SENT, HandoverStatus.WITHDRAWN): ("withdraw", SENDER),
    (HandoverStatus.RECEIVED, HandoverStatus.WITHDRAWN): ("withdraw", SENDER),
}

# (from, to) the receiver reaches in one action: the status it passes on the way, each step an
# edge of TRANSITIONS.
VIA: dict[tuple[str, str], str] = {
    (HandoverStatus.SENT, HandoverStatus.ACCEPTED): HandoverStatus.RECEIVED,
}


def check(source: str, target: str, side: str) -> str:
    """The verb of the edge ``source → target`` for this side. The side is checked first: the
    wrong party is refused (``Refused``, audited as denied) whatever the status."""
    allowed = {who for (_from, to), (_verb, who) in TRANSITIONS.items() if to == target}
    if allowed and side not in allowed:
        who = _("de verzendende organisatie") if SENDER in allowed else _(
            "de ontvangende organisatie")
        raise Refused(_("Alleen %(who)s kan dit doen.") % {"who": who})
    edge = TRANSITIONS.get((source, target))
    if edge is None:
        raise TransitionRefused(
            _("Een overdracht met status '%(source)s' kan niet naar '%(target)s'.") % {
                "source": HandoverStatus(source).label, "target": HandoverStatus(target).label})
    return edge[0]
