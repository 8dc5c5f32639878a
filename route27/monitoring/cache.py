"""The figures of past days, kept (ADR 0019): a region at national size takes the ledger
~0.6 s to count, the same answer every Monday, so the answer for a municipality, a past
reference date or period and an age band is stored and served until something changes it.

What can change a past figure, and what then happens (``forget``, watching every event the
kernel appends one by one):

- an event about a day before today (a late correction): the youth's municipality;
- a change of the youth's details (a move: both municipalities; a birth date: the age bands);
- a merge of two files, or its undo: the municipalities of both files.

"Forgetting" raises the municipality's version; a stored figure counts only with the version
that was read *before* its computing began, so a figure computed while a change commits is
never served afterwards. Today's figures, team and coach views are always counted anew.
Counts only: nothing here names a youth.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import asdict

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from route27.casefile.kinds import watch
from route27.monitoring import indicators
from route27.monitoring.indicators import Flows, Month, Scope, Stock
from route27.monitoring.models import FigureCache, FigureVersion
from route27.youth.models import Youth

RESCOPING_KINDS = ("youth_updated", "youth_merged", "youth_merge_undone")


def enabled() -> bool:
    return getattr(settings, "ROUTE27_FIGURE_CACHE", True)


def invalidate(municipality_ids) -> None:
    """Raise the versions (in the caller's transaction) and drop the stored figures."""
    for m in set(municipality_ids) - {None}:
        if not FigureVersion.objects.filter(pk=m).update(version=F("version") + 1):
            FigureVersion.objects.bulk_create([FigureVersion(pk=m, version=1)],
                                              ignore_conflicts=True)
        FigureCache.objects.filter(municipality_id=m).delete()


@watch
def forget(event) -> None:
    """The kernel's watcher: forget the figures an appended event can change."""
    late = event.occurred_at < indicators.cutoff(timezone.localdate() - datetime.timedelta(1))
    if event.youth_id is None or not (late or event.kind in RESCOPING_KINDS):
        return
    ids = {Youth.objects.filter(pk=event.youth_id).values_list(
        "municipality_id", flat=True).first()}
    ids.add((event.data or {}).get("moved_from"))
    invalidate(ids)


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _stock(raw: dict) -> Stock:
    return Stock(**{**raw, "day": _date(raw["day"])})


def _flows(raw: dict) -> Flows:
    return Flows(**{**raw, "start": _date(raw["start"]), "end": _date(raw["end"])})


def _months(raw: list) -> list[Month]:
    return [Month(_date(month), inflow, outflow) for month, inflow, outflow in raw]


def _json(value) -> object:
    if isinstance(value, list):
        return [[m.month.isoformat(), m.inflow, m.outflow] for m in value]
    return {k: (v.isoformat() if isinstance(v, datetime.date) else v)
            for k, v in asdict(value).items()}


def _kept(kind: str, *, ids: tuple[int, ...], start: datetime.date, end: datetime.date,
          age_band: str | None, compute: Callable[[Scope], dict], decode: Callable) -> dict:
    scope = Scope(municipality_ids=ids, age_band=age_band)
    if not enabled() or end >= timezone.localdate() or not ids:
        return compute(scope)
    versions = dict(FigureVersion.objects.filter(pk__in=ids).values_list("pk", "version"))
    key = {"kind": kind, "start": start, "end": end, "age_band": age_band or ""}
    found = {m: decode(figures) for m, version, figures in FigureCache.objects.filter(
        municipality_id__in=ids, **key).values_list("municipality_id", "version", "figures")
        if version == versions.get(m, 0)}
    missing = tuple(m for m in ids if m not in found)
    if missing:
        fresh = compute(Scope(municipality_ids=missing, age_band=age_band))
        FigureCache.objects.bulk_create(
            [FigureCache(municipality_id=m, version=versions.get(m, 0), figures=_json(fresh[m]),
                         **key) for m in missing],
            update_conflicts=True, unique_fields=["municipality", "kind", "start", "end",
                                                  "age_band"],
            update_fields=["version", "figures"])
        found |= {m: fresh[m] for m in missing}
    return found


def stock_by_municipality(day: datetime.date, ids: tuple[int, ...],
                          age_band: str | None = None) -> dict[int, Stock]:
    return _kept(FigureCache.Kind.STOCK, ids=ids, start=day, end=day, age_band=age_band,
                 compute=lambda scope: indicators.stock_by_municipality(day, scope),
                 decode=_stock)


def flows_by_municipality(start: datetime.date, end: datetime.date, ids: tuple[int, ...],
                          age_band: str | None = None) -> dict[int, Flows]:
    return _kept(FigureCache.Kind.FLOWS, ids=ids, start=start, end=end, age_band=age_band,
                 compute=lambda scope: indicators.flows_by_municipality(start, end, scope),
                 decode=_flows)


def months_by_municipality(start: datetime.date, end: datetime.date, ids: tuple[int, ...],
                           age_band: str | None = None) -> dict[int, list[Month]]:
    return _kept(FigureCache.Kind.MONTHS, ids=ids, start=start, end=end, age_band=age_band,
                 compute=lambda scope: indicators.monthly_by_municipality(start, end, scope),
                 decode=_months)
