"""What a merge of two files moves, registered by every app that holds rows of a youth (ADR 0011).

The youth app sits low in the layers and does not know the trajectories, handovers, signals or
portal accounts above it. Each app registers a :class:`Mover` for every relation of its own
models to a youth, in its ``merge.py`` imported from ``AppConfig.ready()``::

    MERGE_MOVERS.register(FieldMover("handover.handover", "handover.Handover"))

``youth_merge`` asks every mover first whether the merge may happen (:meth:`Mover.refusal`, a
Dutch message), then lets each one move its rows from the merged file to the kept one
(:meth:`Mover.move`, returning a JSON record of exactly what it changed), in registration order.
``youth_merge_undo`` hands each mover its own record back (:meth:`Mover.undo`), in reverse order.
Append-only rows (``casefile.Event``, ``audit.AuditEntry``) are never moved: the kept file reads
them through ``merged_into`` (``casefile.selectors.of_file``). A test checks that every relation
to ``youth.Youth`` has a mover or is declared append-only here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

# Relations to a youth whose rows are never rewritten: read through ``merged_into`` instead.
APPEND_ONLY_RELATIONS = frozenset({("casefile.Event", "youth"), ("audit.AuditEntry", "subject")})


class Mover:
    """Moves one kind of row from the merged file to the kept file, and back on undo."""

    key: str = ""
    model_label: str = ""
    field: str = "youth"

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)

    def refusal(self, *, kept, merged) -> str | None:
        """A Dutch message when this app's rows make the merge impossible for now."""
        return None

    def move(self, *, kept, merged) -> Any:
        """Move the rows; return what was changed (JSON), or a falsy value for nothing."""
        raise NotImplementedError

    def undo_refusal(self, *, kept, merged, record) -> str | None:
        return None

    def undo(self, *, kept, merged, record) -> None:
        raise NotImplementedError


class FieldMover(Mover):
    """Re-point ``field`` of every row (or of ``rows(kept, merged)``) from merged to kept."""

    def __init__(self, key: str, model_label: str, field: str = "youth", *,
                 rows: Callable[..., QuerySet] | None = None,
                 refusal: Callable[..., str | None] | None = None):
        self.key, self.model_label, self.field = key, model_label, field
        self._rows, self._refusal = rows, refusal

    def rows(self, *, kept, merged) -> QuerySet:
        if self._rows is not None:
            return self._rows(kept=kept, merged=merged)
        return self.model.objects.filter(**{self.field: merged})

    def refusal(self, *, kept, merged) -> str | None:
        return self._refusal(kept=kept, merged=merged) if self._refusal else None

    def move(self, *, kept, merged) -> list[int]:
        ids = sorted(self.rows(kept=kept, merged=merged).values_list("pk", flat=True))
        if ids:
            self.model.objects.filter(pk__in=ids).update(**{self.field: kept})
        return ids

    def undo(self, *, kept, merged, record) -> None:
        self.model.objects.filter(pk__in=record, **{self.field: kept}).update(
            **{self.field: merged})


class MoverRegistry:
    def __init__(self):
        self._movers: dict[str, Mover] = {}

    def register(self, mover: Mover) -> Mover:
        known = self._movers.get(mover.key)
        if known is not None and known is not mover:
            raise ImproperlyConfigured(f"merge mover {mover.key!r} is already registered")
        self._movers[mover.key] = mover
        return mover

    def __iter__(self):
        return iter(list(self._movers.values()))

    def get(self, key: str) -> Mover | None:
        return self._movers.get(key)

    def relations(self) -> set[tuple[str, str]]:
        return {(m.model_label, m.field) for m in self._movers.values()}


MERGE_MOVERS = MoverRegistry()


# --- The youth app's own rows ----------------------------------------------------------------
class ContactAssignmentMover(Mover):
    """Every assignment moves; when both files have an active contact person, the kept file's
    stays and the merged file's is ended (and restored by the undo)."""

    key, model_label = "youth.contact_assignment", "youth.ContactAssignment"

    def move(self, *, kept, merged) -> dict:
        from route27.youth.models import ContactAssignment

        ended = []
        if kept.contact_assignments.filter(ended_at__isnull=True).exists():
            ended = list(merged.contact_assignments.filter(ended_at__isnull=True)
                         .values_list("pk", flat=True))
            ContactAssignment.objects.filter(pk__in=ended).update(ended_at=timezone.now())
        ids = sorted(merged.contact_assignments.values_list("pk", flat=True))
        ContactAssignment.objects.filter(pk__in=ids).update(youth=kept)
        return {"ids": ids, "ended": ended} if ids else {}

    def undo(self, *, kept, merged, record) -> None:
        from route27.youth.models import ContactAssignment

        ContactAssignment.objects.filter(pk__in=record["ids"], youth=kept).update(youth=merged)
        ContactAssignment.objects.filter(pk__in=record["ended"], youth=merged).update(
            ended_at=None)


def _guardians(*, kept, merged) -> QuerySet:
    """Guardians move only to a file without any (two lists of parents are not joined)."""
    from route27.youth.models import Guardian

    if kept.guardians.exists():
        return Guardian.objects.none()
    return Guardian.objects.filter(youth=merged)


def _reviews(field: str) -> Callable[..., QuerySet]:
    """Review items of the merged file with a third file; the pair being merged is resolved
    by the merge itself, and an open item the kept file already has with that third file
    stays behind (hidden with the merged file) rather than being doubled."""

    def rows(*, kept, merged) -> QuerySet:
        from route27.youth.models import PossibleDuplicate

        other_side = "other" if field == "youth" else "youth"
        candidates = (PossibleDuplicate.objects.filter(**{field: merged})
                      .exclude(**{other_side: kept}))
        open_with_kept = PossibleDuplicate.objects.filter(
            Q(youth=kept) | Q(other=kept), status=PossibleDuplicate.Status.OPEN)
        third = {pk for pair in open_with_kept.values_list("youth_id", "other_id")
                 for pk in pair} - {kept.pk}
        return candidates.exclude(status=PossibleDuplicate.Status.OPEN,
                                  **{f"{other_side}_id__in": third})

    return rows


def _standing_merges(*, kept, merged) -> QuerySet:
    """Files merged into the merged file earlier now lead to the kept file (no chains)."""
    from route27.youth.models import Youth

    return Youth.objects.filter(merged_into=merged)


MERGE_MOVERS.register(ContactAssignmentMover())
MERGE_MOVERS.register(FieldMover("youth.guardian", "youth.Guardian", rows=_guardians))
MERGE_MOVERS.register(FieldMover("youth.contact_notice", "youth.ContactNotice"))
MERGE_MOVERS.register(FieldMover("youth.review_new", "youth.PossibleDuplicate", "youth",
                                 rows=_reviews("youth")))
MERGE_MOVERS.register(FieldMover("youth.review_existing", "youth.PossibleDuplicate", "other",
                                 rows=_reviews("other")))
MERGE_MOVERS.register(FieldMover("youth.merged_files", "youth.Youth", "merged_into",
                                 rows=_standing_merges))


def bsn_refusal(*, kept, merged) -> str | None:
    if kept.bsn and merged.bsn and kept.bsn != merged.bsn:
        return _("De dossiers hebben een verschillend BSN. Eén persoon heeft één BSN: "
                 "corrigeer eerst het onjuiste BSN.")
    return None
