"""The youth's timeline: every event of the file, newest first by when it happened
(:func:`route27.casefile.selectors.timeline_of`), each with a one-line summary written by the app
that owns the event's kind.

An app registers a summariser for its own kinds, in its ``timeline.py`` imported from
``AppConfig.ready()``::

    register_summary(TrajectoryEventKind, summarise, prepare=instrument_names)

``summarise(event, prepared) -> str``. ``prepare(events)``, when given, runs once per page with
the events of those kinds on that page, for a lookup the summaries need (one query, not one per
row); its result is ``prepared``. A kind without a summariser shows its label only. An app
summarises only the kinds it registered in ``EVENT_KINDS``.

Repeated events fold (issue 11): with ``group(event) -> key`` (None: never folds) consecutive
events of one kind with the same key become one row, ``fold(events) -> str`` its summary
("Overdracht: 5 wijzigingen"), the events one click away inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from route27.casefile.kinds import EVENT_KINDS
from route27.casefile.models import Event
from route27.casefile.selectors import timeline_of

PAGE_SIZE = 10


@dataclass(frozen=True)
class Summariser:
    kinds: frozenset[str]
    summarise: Callable[[Event, Any], str]
    prepare: Callable[[list[Event]], Any] | None = None
    group: Callable[[Event], Any] | None = None
    fold: Callable[[list[Event]], str] | None = None


_BY_KIND: dict[str, Summariser] = {}


def _app_of(dotted: str) -> str | None:
    config = apps.get_containing_app_config(dotted)
    return config.label if config is not None else None


def register_summary(kinds: Iterable[str], summarise: Callable[[Event, Any], str], *,
                     prepare: Callable[[list[Event]], Any] | None = None,
                     group: Callable[[Event], Any] | None = None,
                     fold: Callable[[list[Event]], str] | None = None) -> Summariser:
    """Summarise ``kinds`` (codes, or a ``TextChoices`` class) with ``summarise``. A kind has one
    summariser, from the app that registered the kind; ``group`` and ``fold`` (both or neither)
    fold repeated events into one row."""
    if (group is None) != (fold is None):
        raise ImproperlyConfigured("a summariser folds with both group and fold, or neither")
    summariser = Summariser(frozenset(str(kind) for kind in kinds), summarise, prepare, group,
                            fold)
    app = _app_of(summarise.__module__)
    for kind in summariser.kinds:
        owner = EVENT_KINDS.owner(kind)
        if owner is None:
            raise ImproperlyConfigured(f"event kind {kind!r} is not registered")
        if _app_of(owner) != app:
            raise ImproperlyConfigured(
                f"event kind {kind!r} belongs to {owner}: an app summarises only its own kinds")
        known = _BY_KIND.get(kind)
        if known is not None and known.summarise is not summarise:
            raise ImproperlyConfigured(f"event kind {kind!r} already has a summariser")
    for kind in summariser.kinds:
        _BY_KIND[kind] = summariser
    return summariser


def summaries(events: list[Event]) -> list[str]:
    """One summary per event, in the same order ("" when its kind has no summariser)."""
    of_summariser: dict[Summariser, list[Event]] = {}
    for event in events:
        summariser = _BY_KIND.get(event.kind)
        if summariser is not None:
            of_summariser.setdefault(summariser, []).append(event)
    prepared = {s: s.prepare(shown) if s.prepare else None for s, shown in of_summariser.items()}
    result = []
    for event in events:
        summariser = _BY_KIND.get(event.kind)
        result.append(summariser.summarise(event, prepared[summariser]) if summariser else "")
    return result


def folded(rows: list[dict]) -> list[dict]:
    """Consecutive rows of one kind whose summariser groups them under the same key become one
    row: the newest event, the summariser's ``fold`` summary and the rows in ``group``."""
    result: list[dict] = []
    previous_key = None
    for row in rows:
        summariser = _BY_KIND.get(row["event"].kind)
        key = None
        if summariser is not None and summariser.group is not None:
            group = summariser.group(row["event"])
            key = (row["event"].kind, group) if group is not None else None
        if key is not None and key == previous_key:
            result[-1]["group"].append(row)
        else:
            result.append({**row, "group": [row]})
        previous_key = key
    for row in result:
        if len(row["group"]) > 1:
            summariser = _BY_KIND[row["event"].kind]
            row["summary"] = summariser.fold([r["event"] for r in row["group"]])
        else:
            row["group"] = []
    return result


@dataclass(frozen=True)
class TimelinePage:
    """A page of the timeline, newest first, without counting the whole file: one row more
    than shown says whether older ones exist (issue 12: the file page in 12 queries)."""

    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def timeline_context(request, youth) -> dict:
    """The timeline section of the file page: one page of events (``?pagina=``), summarised,
    repeated events folded."""
    raw = request.GET.get("pagina", "1")
    number = min(int(raw), 100_000) if raw.isdigit() and int(raw) > 0 else 1
    start = (number - 1) * PAGE_SIZE
    events = list(timeline_of(youth)[start:start + PAGE_SIZE + 1])
    page = TimelinePage(number, has_next=len(events) > PAGE_SIZE)
    events = events[:PAGE_SIZE]
    rows = [{"event": e, "summary": s} for e, s in zip(events, summaries(events), strict=True)]
    return {"timeline": folded(rows), "timeline_page": page}
