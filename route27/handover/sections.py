"""The handover's part of the youth file (``casefile.sections``, issue 11): the handovers that
brought the youth to this organisation, each linked to its overgangsdocument, with the consent
state for the receiver. The file's summary reads ``file_handover`` and ``file_consent``."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from route27.casefile.sections import FileSection, register
from route27.handover.models import Consent
from route27.handover.selectors import handovers_visible_to
from route27.handover.workflow import HandoverStatus

SHOWN = 5


def handover_file_context(request, youth) -> dict:
    """The accepted handovers of this youth the user may read (newest first) and the consent
    of the latest one: blocks with active consent and withdrawn ones. Two queries."""
    handovers = list(handovers_visible_to(request.user)
                     .filter(youth=youth, status=HandoverStatus.ACCEPTED)
                     .order_by("-decided_at", "-id")[:SHOWN])
    latest = handovers[0] if handovers else None
    consent = None
    if latest is not None:
        consent = Consent.objects.filter(document__handover=latest,
                                         receiver_id=latest.receiver_id).aggregate(
            active=Count("id", filter=Q(withdrawn_at__isnull=True)),
            withdrawn=Count("id", filter=Q(withdrawn_at__isnull=False)))
    return {"file_handovers": handovers, "file_handover": latest, "file_consent": consent}


def has_handovers(context: dict) -> bool:
    return bool(context.get("file_handovers"))


register(FileSection(key="handovers", order=120, template="handover/file/section.html",
                     context=handover_file_context, nav_label=_("Overdracht"),
                     anchor="overdracht", permission="handover.view_handover",
                     shown=has_handovers, glance="handover/file/_glance.html"))
