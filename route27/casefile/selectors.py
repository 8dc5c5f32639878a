"""Reads of the event ledger. Callers have already found the youth through a scoped selector
(and logged that read)."""

from django.db.models import QuerySet

from route27.casefile.models import Event


def timeline_of(youth) -> QuerySet[Event]:
    """Everything that happened to the youth, newest first by when it happened; among events of
    the same moment, the one recorded last first."""
    return (Event.objects.filter(youth=youth).select_related("actor")
            .order_by("-occurred_at", "-recorded_at", "-id"))
