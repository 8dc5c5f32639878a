"""The event-kind registry: every app declares the kinds it writes in its own ``events.py``.

    @EVENT_KINDS.register
    class TrajectoryEventKind(models.TextChoices):
        STEP_CHANGED = "step_changed", _("Stap gewijzigd")

The ledger column holds the code; :func:`route27.casefile.services.record` refuses a code nobody
registered, so a typo cannot reach the ledger. No app edits another app's enum or migration.
"""

from route27.core.registry import Registry

EVENT_KINDS = Registry("event kind")


# Apps that act on another app's event follow its kind: ``@follow("intake_recorded")`` on a
# function ``(event) -> None``. It runs in the transaction that appends the event, so the
# follower's writes stand or fall with it; a follower never writes the other app's rows.
_FOLLOWERS: dict[str, list] = {}


def follow(kind: str):
    def decorate(function):
        _FOLLOWERS.setdefault(kind, []).append(function)
        return function

    return decorate


def followers(kind: str) -> list:
    return _FOLLOWERS.get(kind, [])


# An app that keeps something derived from the whole ledger (the results dashboard's cache)
# watches every event appended: ``@watch`` on ``(event) -> None``, in the same transaction. Bulk
# records (``record_many``: imports) are not watched: their events occur at the moment they are
# recorded, so they change no figure of a past day.
_WATCHERS: list = []


def watch(function):
    _WATCHERS.append(function)
    return function


def watchers() -> list:
    return _WATCHERS
