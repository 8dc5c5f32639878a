"""The event-kind registry: every app declares the kinds it writes in its own ``events.py``.

    @EVENT_KINDS.register
    class TrajectoryEventKind(models.TextChoices):
        STEP_CHANGED = "step_changed", _("Stap gewijzigd")

The ledger column holds the code; :func:`route27.casefile.services.record` refuses a code nobody
registered, so a typo cannot reach the ledger. No app edits another app's enum or migration.
"""

from route27.core.registry import Registry

EVENT_KINDS = Registry("event kind")
