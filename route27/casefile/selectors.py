"""Reads of the event ledger. Callers have already found the youth through a scoped selector
(and logged that read)."""

from django.db.models import Q, QuerySet

from route27.casefile.models import Event


def of_file(youth, field: str = "youth") -> Q:
    """Rows of the youth's file in an append-only table (``Event.youth``, ``AuditEntry.subject``):
    the youth's own and those of the files merged into it (issue 9 §4, ADR 0011). Merging never
    rewrites these rows; the lookup goes through ``merged_into`` by name (the kernel does not
    import the youth app). Undoing a merge clears ``merged_into``, so the rows part again.

    One ``IN`` sub-query of the file's ids (one or a few rows), so the table's index on the
    youth column drives the read, as for a single file."""
    files = type(youth)._default_manager.filter(Q(pk=youth.pk) | Q(merged_into=youth.pk))
    return Q(**{f"{field}__in": files.values("pk")})


def timeline_of(youth) -> QuerySet[Event]:
    """Everything that happened to the youth, newest first by when it happened; among events of
    the same moment, the one recorded last first. Includes the events of merged files."""
    return (Event.objects.filter(of_file(youth)).select_related("actor")
            .order_by("-occurred_at", "-recorded_at", "-id"))
