"""``make bench-dashboard`` (issue 14): the results dashboard at national size.

For a municipality of typical size, the largest municipality and a Doorstroompunt region, the
page at a reference date (``/resultaten/`` and ``/resultaten/regio/``, through Django's test
client: every middleware, the access policy, the audit row and the template) beside the bare
SQL behind it, interleaved in one run by ``bench.run``: the fewest statements a person would
write on this schema for the same figures, per municipality (a region's table) — the stock on
the reference date (in a trajectory, at the Doorstroompunt, with a jongerencoach werk, without a
startkwalificatie, in aftercare, by step, by intensity), the flows over the period (inflow by
entrance, from school, outflow by reason, legal basis, outreach, closed and their average days)
with the monthly trend, and the late corrections (per municipality).

Before timing, each path checks that the bare SQL's figures equal ``indicators.stock()``,
``flows()``, ``monthly()`` and ``corrections()`` for the same scope, and fails loudly
(:class:`FiguresDiffer`) if they do not. The definitions are those of ``docs/indicators.md``;
the bare SQL is written from them, not from the indicators' code.

PERF-LIMIT.md measured the bare floor of a simpler indicator query on a leaner schema (4a/4b/4c:
10 / 60 / 108 ms for 2 916 / 28 068 / 60 892 of 1 000 000 youth): the typical municipality and
the region here are the ones closest to those shares, so the figures compare.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict

from django.conf import settings
from django.db import connection
from django.utils import timezone

from route27.organisations.models import DoorstroompuntRegion, Membership, Municipality, User
from route27.organisations.roles import OrganisationType, Role
from route27.scale.bench import Path

# PERF-LIMIT.md 4a and 4c: youth in scope per 1 000 000 youth in the country.
TYPICAL_MUNICIPALITY_SHARE = 2_916 / 1_000_000
TYPICAL_REGION_SHARE = 60_892 / 1_000_000
GOAL_REGION_MS = 300  # issue 14, at 1 000 000 youth
GOAL_PAGE_RATIO = 3.0

SCHOOL_ENTRANCES = ("handover_mbo_", "handover_provso_")

# The stock on the reference date, per municipality of the youth (the region's table; a
# municipality's page is one row): per trajectory that had started by the date and was not
# closed before it, its last step event before the cut-off; for those in steps 1–6 also the
# last intake's intensity, the last route decided's startkwalificatie and the youth's last
# contact-person event; counted per step and intensity (fixed vocabularies) in one pass.
STEPS = ("signal", "intake", "route", "activation", "support", "match")
INTENSITIES = ("licht", "middelzwaar", "intensief")
_RUNNING = ", ".join(f"'{s}'" for s in STEPS)
_LATEST = "ORDER BY e.occurred_at DESC, e.recorded_at DESC, e.id DESC LIMIT 1"
_BY_STEP = ",\n  ".join(f"count(*) FILTER (WHERE s.step = '{s}')" for s in (*STEPS, "aftercare"))
_BY_INTENSITY = ",\n  ".join(
    [f"count(*) FILTER (WHERE s.step <> 'aftercare' AND i.intensity = '{i}')"
     for i in INTENSITIES]
    + ["count(*) FILTER (WHERE s.step <> 'aftercare' AND i.intensity IS NULL)"])
STOCK_SQL = f"""
SELECT y.municipality_id,
  count(DISTINCT t.youth_id) FILTER (WHERE s.step <> 'aftercare'),
  count(DISTINCT t.youth_id) FILTER (WHERE s.step <> 'aftercare'
                                     AND o.type = %(doorstroompunt)s),
  count(DISTINCT t.youth_id) FILTER (WHERE s.step <> 'aftercare' AND r.role = %(jongerencoach)s),
  count(DISTINCT t.youth_id) FILTER (WHERE s.step <> 'aftercare' AND k.sk = 'no'),
  count(DISTINCT t.youth_id) FILTER (WHERE s.step <> 'aftercare'
                                     AND (k.sk IS NULL OR k.sk = 'unknown')),
  count(DISTINCT t.youth_id) FILTER (WHERE s.step = 'aftercare'),
  {_BY_STEP},
  {_BY_INTENSITY}
FROM trajectories_trajectory t
JOIN youth_youth y ON y.id = t.youth_id
JOIN organisations_team tm ON tm.id = t.team_id
JOIN organisations_organisation o ON o.id = tm.organisation_id
JOIN LATERAL (
  SELECT e.to_state AS step FROM casefile_event e
  WHERE e.trajectory_id = t.id AND e.kind IN ('trajectory_started', 'step_changed')
    AND e.occurred_at < %(cutoff)s {_LATEST}) s ON s.step IN ({_RUNNING}, 'aftercare')
LEFT JOIN LATERAL (
  SELECT e.data ->> 'intensity' AS intensity FROM casefile_event e
  WHERE s.step <> 'aftercare' AND e.trajectory_id = t.id AND e.kind = 'intake_recorded'
    AND e.occurred_at < %(cutoff)s {_LATEST}) i ON true
LEFT JOIN LATERAL (
  SELECT e.data ->> 'startkwalificatie' AS sk FROM casefile_event e
  WHERE s.step <> 'aftercare' AND e.trajectory_id = t.id AND e.kind = 'route_decided'
    AND e.occurred_at < %(cutoff)s {_LATEST}) k ON true
LEFT JOIN LATERAL (
  SELECT e.to_state AS role FROM casefile_event e
  WHERE s.step <> 'aftercare' AND e.youth_id = t.youth_id
    AND e.kind IN ('contact_person_changed', 'contact_person_ended')
    AND e.occurred_at < %(cutoff)s {_LATEST}) r ON true
WHERE y.municipality_id = ANY(%(municipalities)s) AND t.started_on <= %(day)s
  AND (t.closed_on IS NULL OR t.closed_on >= %(day)s)
GROUP BY 1"""  # noqa: S608 (constants only)

# The flows over the period: the scope's events of the flow kinds in the period, per
# municipality by the one code each is counted by (entrance, legal basis, outreach outcome,
# else the reason in to_state), the ended trajectories with their days since the start; and in
# the same pass the inflow and outflow per calendar month (the trend).
FLOWS_SQL = """
SELECT m, kind, code, month, GROUPING(month) = 0 AS monthly, count(*), sum(days), count(days)
FROM (
  SELECT y.municipality_id AS m, e.kind,
    CASE WHEN e.kind = 'step_changed' THEN NULL
         ELSE coalesce(e.data ->> 'entrance', e.data ->> 'legal_basis', e.data ->> 'outcome',
                       e.to_state) END AS code,
    date_trunc('month', e.occurred_at AT TIME ZONE %(tz)s)::date AS month,
    CASE WHEN e.kind = 'step_changed' THEN extract(epoch FROM e.occurred_at - (
      SELECT min(b.occurred_at) FROM casefile_event b
      WHERE b.trajectory_id = e.trajectory_id AND b.kind = 'trajectory_started')) END AS days
  FROM casefile_event e JOIN youth_youth y ON y.id = e.youth_id
  WHERE y.municipality_id = ANY(%(municipalities)s)
    AND e.occurred_at >= %(start)s AND e.occurred_at < %(end)s
    AND (e.kind IN ('trajectory_started', 'route_decided', 'outflow', 'outreach_opened',
                    'outreach_closed')
         OR (e.kind = 'step_changed' AND e.to_state IN ('closed', 'handed_back')
             AND e.trajectory_id IS NOT NULL))
) ev
GROUP BY GROUPING SETS ((m, kind, code), (kind, month))"""

# The late corrections (the page says how many), per municipality: events about the date or
# before it, recorded after it.
CORRECTIONS_SQL = """
SELECT y.municipality_id, count(*) FROM casefile_event e JOIN youth_youth y ON y.id = e.youth_id
WHERE y.municipality_id = ANY(%(municipalities)s) AND e.occurred_at < %(cutoff)s
  AND e.recorded_at >= %(cutoff)s
GROUP BY y.municipality_id"""


def _midnight_after(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1),
                                                         datetime.time.min))


def bare_statements(municipality_ids: list[int], day: datetime.date, start: datetime.date,
                    end: datetime.date) -> list[tuple[str, dict]]:
    ids = list(municipality_ids)
    statements = [
        (STOCK_SQL, {"municipalities": ids, "day": day, "cutoff": _midnight_after(day),
                     "doorstroompunt": OrganisationType.DOORSTROOMPUNT.value,
                     "jongerencoach": Role.JONGERENCOACH_WERK.value}),
        (FLOWS_SQL, {"municipalities": ids, "tz": settings.TIME_ZONE,
                     "start": _midnight_after(start - datetime.timedelta(days=1)),
                     "end": _midnight_after(end)}),
    ]
    statements.append((CORRECTIONS_SQL, {"municipalities": ids,
                                         "cutoff": _midnight_after(day)}))
    return statements


def _months(start: datetime.date, end: datetime.date) -> dict[datetime.date, dict]:
    months, month = {}, start.replace(day=1)
    while month <= end:
        months[month] = {"month": month, "inflow": 0, "outflow": 0}
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def bare_figures(municipality_ids: list[int], day: datetime.date, start: datetime.date,
                 end: datetime.date) -> dict:
    """The figures of the bare SQL for the whole scope (a region's municipalities added up),
    in the shape of ``indicators.Stock``, ``Flows`` and ``Month``."""
    results = []
    with connection.cursor() as cursor:
        for sql, params in bare_statements(municipality_ids, day, start, end):
            cursor.execute(sql, params)
            results.append(cursor.fetchall())
    stock_rows, flow_rows, late_rows = results
    late = sum(n for _m, n in late_rows)
    stock = {"day": day, "in_trajectory": 0, "at_doorstroompunt": 0, "with_jongerencoach": 0,
             "without_startkwalificatie": 0, "startkwalificatie_unknown": 0,
             "in_aftercare": 0, "corrections": late, "by_step": {}, "by_intensity": {}}
    totals = ("in_trajectory", "at_doorstroompunt", "with_jongerencoach",
              "without_startkwalificatie", "startkwalificatie_unknown", "in_aftercare")
    steps, intensities = (*STEPS, "aftercare"), (*INTENSITIES, "")
    for _m, *counts in stock_rows:  # youth live in one municipality: the sums are distinct
        for key, n in zip(totals, counts[:6], strict=True):
            stock[key] += n
        for group, codes, values in (("by_step", steps, counts[6:13]),
                                     ("by_intensity", intensities, counts[13:])):
            for code, n in zip(codes, values, strict=True):
                if n:
                    stock[group][code] = stock[group].get(code, 0) + n
    flows = {"start": start, "end": end, "inflow": 0, "inflow_by_entrance": {},
             "from_school": 0, "outflow_by_reason": {}, "legal_basis": {},
             "outreach_opened": 0, "outreach_closed": {}, "closed": 0, "average_days": None}
    months = _months(start, end)
    days_sum, days_n = 0.0, 0
    for _m, kind, key, month, monthly, n, days, with_days in flow_rows:
        if monthly:
            if month in months and kind in ("trajectory_started", "outflow"):
                months[month]["inflow" if kind == "trajectory_started" else "outflow"] += n
            continue
        key = key or ""
        if kind == "trajectory_started":
            flows["inflow_by_entrance"][key] = flows["inflow_by_entrance"].get(key, 0) + n
            flows["inflow"] += n
            if key.startswith(SCHOOL_ENTRANCES) or key == "support_request":
                flows["from_school"] += n
        elif kind == "outflow":
            flows["outflow_by_reason"][key] = flows["outflow_by_reason"].get(key, 0) + n
        elif kind == "route_decided":
            flows["legal_basis"][key] = flows["legal_basis"].get(key, 0) + n
        elif kind == "outreach_opened":
            flows["outreach_opened"] += n
        elif kind == "outreach_closed":
            flows["outreach_closed"][key] = flows["outreach_closed"].get(key, 0) + n
        else:
            flows["closed"] += n
            days_sum += float(days or 0)
            days_n += with_days
    if days_n:
        flows["average_days"] = round(days_sum / days_n / 86400, 1)
    reasons = flows["outflow_by_reason"]
    flows["to_education"] = reasons.get("onderwijs", 0)
    flows["to_durable_work"] = reasons.get("duurzaam_werk", 0)
    flows["to_work_or_care"] = reasons.get("leerwerktraject", 0) + reasons.get(
        "zorg_dagbesteding", 0)
    return {"stock": stock, "flows": flows, "monthly": list(months.values()),
            "corrections": late}


def indicator_figures(municipality_ids: list[int], day: datetime.date, start: datetime.date,
                      end: datetime.date) -> dict:
    from route27.monitoring import indicators

    scope = indicators.Scope(municipality_ids=tuple(municipality_ids))
    return {"stock": asdict(indicators.stock(day, scope)),
            "flows": asdict(indicators.flows(start, end, scope)),
            "monthly": [asdict(m) for m in indicators.monthly(start, end, scope)],
            "corrections": indicators.corrections(day, scope)}


class FiguresDiffer(AssertionError):
    pass


def check_figures(name: str, municipality_ids: list[int], day: datetime.date,
                  start: datetime.date, end: datetime.date) -> str:
    """The bare SQL's figures equal the indicators' for the same scope, or FiguresDiffer."""
    bare = bare_figures(municipality_ids, day, start, end)
    page = indicator_figures(municipality_ids, day, start, end)
    differences = []
    for part in ("stock", "flows"):
        for key, value in page[part].items():
            if key in bare[part] and bare[part][key] != value:
                differences.append(
                    f"{part}.{key}: indicatoren {value!r} ≠ kaal {bare[part][key]!r}")
        missing = set(page[part]) - set(bare[part])
        differences += [f"{part}.{key}: niet in de kale SQL" for key in sorted(missing)]
    if bare["monthly"] != page["monthly"]:
        differences.append(f"monthly: indicatoren {page['monthly']} ≠ kaal {bare['monthly']}")
    if bare["corrections"] != page["corrections"]:
        differences.append(f"corrections: indicatoren {page['corrections']} ≠ kaal "
                           f"{bare['corrections']}")
    if differences:
        raise FiguresDiffer(f"{name}: de kale SQL telt anders dan de indicatoren:\n  "
                            + "\n  ".join(differences))
    stock, flows = bare["stock"], bare["flows"]
    return (f"cijfers gelijk: {stock['in_trajectory']} in traject, {stock['in_aftercare']} "
            f"nazorg, instroom {flows['inflow']}, afgesloten {flows['closed']}")


# --- The paths ----------------------------------------------------------------------------------
def default_dates(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date,
                                                              datetime.date]:
    """A reference date a year back and the page's default period: from 1 January of its year
    up to it (both days included; so the page's year-to-date flows are the period's)."""
    today = today or timezone.localdate()
    day = today - datetime.timedelta(days=365)
    return day, day.replace(month=1, day=1), day


def _youth_per(column: str) -> list[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(f"""SELECT m.{column}, count(*) FROM youth_youth y
                           JOIN organisations_municipality m ON m.id = y.municipality_id
                           WHERE m.{column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1""")  # noqa: S608
        return cursor.fetchall()


def _closest(rows: list[tuple[int, int]], target: float) -> tuple[int, int]:
    return min(rows, key=lambda r: (abs(r[1] - target), r[0]))


def _municipality_user(municipality: Municipality) -> User:
    """A beleidsadviseur of the gemeente (its teams serve the municipality)."""
    membership = (Membership.objects.filter(
        is_active=True, role__in=[Role.BELEIDSADVISEUR, Role.TEAMLEIDER],
        team__organisation__type=OrganisationType.GEMEENTE,
        team__organisation__municipality=municipality)
        .order_by("role", "pk").select_related("user").first())  # beleidsadviseur first
    if membership is None:
        raise LookupError(f"Geen beleidsadviseur of teamleider voor {municipality}.")
    return membership.user


def _region_user(region: DoorstroompuntRegion) -> User:
    membership = (Membership.objects.filter(
        is_active=True, role=Role.REGIONAL_COORDINATOR,
        team__organisation__municipality__doorstroompunt_region=region)
        .order_by("pk").select_related("user").first())
    if membership is None:
        raise LookupError(f"Geen regionaal coördinator in regio {region.code}.")
    return membership.user


def build_paths(day: datetime.date | None = None, start: datetime.date | None = None,
                end: datetime.date | None = None) -> list[Path]:
    default_day, default_start, default_end = default_dates()
    day, start, end = day or default_day, start or default_start, end or default_end
    dates = f"peildatum={day.isoformat()}&van={start.isoformat()}&tot={end.isoformat()}"
    per_municipality = _youth_per("id")
    per_region = _youth_per("doorstroompunt_region_id")
    total = sum(n for _, n in per_municipality)
    typical_id, typical_n = _closest(per_municipality, total * TYPICAL_MUNICIPALITY_SHARE)
    largest_id, largest_n = per_municipality[0]
    region_id, region_n = _closest(per_region, total * TYPICAL_REGION_SHARE)
    largest_region_id, largest_region_n = per_region[0]

    paths = []
    for label, pk, n in (("gemeente", typical_id, typical_n),
                         ("grootste gemeente", largest_id, largest_n)):
        municipality = Municipality.objects.get(pk=pk)
        ids = [pk]
        name = f"{label} {municipality.name} ({n})"
        paths.append(Path(
            name, _municipality_user(municipality),
            f"/resultaten/?gemeente={municipality.code}&{dates}",
            bare_statements(ids, day, start, end),
            check=_checker(name, ids, day, start, end)))
    regions = [("regio", region_id, region_n)]
    if largest_region_id != region_id:
        regions.append(("grootste regio", largest_region_id, largest_region_n))
    for label, pk, n in regions:
        region = DoorstroompuntRegion.objects.get(pk=pk)
        ids = list(Municipality.objects.filter(doorstroompunt_region=region)
                   .order_by("pk").values_list("pk", flat=True))
        name = f"{label} {region.code} ({len(ids)} gem., {n})"
        paths.append(Path(
            name, _region_user(region), f"/resultaten/regio/?regio={region.code}&{dates}",
            bare_statements(ids, day, start, end),
            check=_checker(name, ids, day, start, end)))
    return paths


def _checker(name, ids, day, start, end):
    return lambda: check_figures(name, ids, day, start, end)
