"""``make bench`` (issue 12): the key read paths through the real middleware, each beside the
hand-written SQL that returns the same rows, interleaved in one run.

Per path: the whole page (Django's test client, so every middleware, the access policy, the
audit rows and the template run), the page's SQL (the sum of its statements, from an execute
wrapper) and its query count, and the bare SQL: the fewest statements a person would write for
the same rows on the same schema, checked to return the same youth in the same order. Ratios:
page SQL ÷ bare and page ÷ bare. PERF-LIMIT.md measured the bare floor of these shapes.
"""

from __future__ import annotations

import datetime
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.utils import timezone

from route27.organisations.models import Membership, User
from route27.organisations.roles import Role

PAGE_SIZE = 25
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
FILE_LINK = re.compile(rf'href="/jongeren/({UUID})/"')


@dataclass
class Path:
    name: str
    user: User
    url: str
    bare: list[tuple[str, dict]]  # statements; the first returns the rows checked
    page_ids: Callable[[bytes], list[str]] | None = None  # the youth the page shows, in order
    bare_ids: Callable[[list[tuple]], list[str]] = lambda rows: [str(r[0]) for r in rows]
    status: int = 200
    check: Callable[[], str] | None = None  # another check before timing; says what it checked


@dataclass
class Result:
    path: str
    page: list[float] = field(default_factory=list)
    page_sql: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)
    queries: int = 0
    checked: str = ""

    def as_dict(self) -> dict:
        page, sql, bare = (statistics.median(v) for v in (self.page, self.page_sql, self.bare))
        return {
            "path": self.path, "page_ms": round(page, 2),
            "page_p95_ms": round(_p95(self.page), 2), "page_sql_ms": round(sql, 2),
            "bare_ms": round(bare, 3), "bare_p95_ms": round(_p95(self.bare), 3),
            "ratio": round(sql / bare, 1) if bare else None,
            "page_ratio": round(page / bare, 1) if bare else None,
            "queries": self.queries, "checked": self.checked,
        }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class _SqlTimer:
    def __init__(self) -> None:
        self.ms, self.count = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ms += (time.perf_counter() - started) * 1000
            self.count += 1


def _bare(statements: list[tuple[str, dict]]) -> tuple[float, list[tuple]]:
    started = time.perf_counter()
    first: list[tuple] = []
    with connection.cursor() as cursor:
        for n, (sql, params) in enumerate(statements):
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            if n == 0:
                first = rows
    return (time.perf_counter() - started) * 1000, first


def _page(client: Client, path: Path) -> tuple[float, float, int, bytes]:
    timer = _SqlTimer()
    started = time.perf_counter()
    with connection.execute_wrapper(timer):
        response = client.get(path.url)
        body = response.content
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != path.status:
        raise AssertionError(f"{path.name}: {response.status_code} ≠ {path.status} ({path.url})")
    return elapsed, timer.ms, timer.count, body


def run(paths: list[Path], *, rounds: int = 20, warmup: int = 3,
        say: Callable[[str], None] = print) -> list[dict]:
    results = []
    for path in paths:
        client = Client()
        client.force_login(path.user)
        result = Result(path.name)
        _, _, _, body = _page(client, path)
        _, rows = _bare(path.bare)
        if path.page_ids is not None:
            shown, expected = path.page_ids(body), path.bare_ids(rows)
            if shown != expected:
                raise AssertionError(f"{path.name}: de pagina toont andere rijen dan de kale SQL "
                                     f"({shown[:3]}… ≠ {expected[:3]}…)")
            result.checked = f"{len(shown)} rijen gelijk"
        if path.check is not None:
            result.checked = path.check()
        for n in range(warmup + rounds):
            page_ms, sql_ms, count, _ = _page(client, path)
            bare_ms, _ = _bare(path.bare)
            if n >= warmup:
                result.page.append(page_ms)
                result.page_sql.append(sql_ms)
                result.bare.append(bare_ms)
                result.queries = count
        results.append(result.as_dict())
        say(_line(results[-1]))
    return results


def _line(r: dict) -> str:
    return (f"{r['path']:<38} {r['page_ms']:>8.1f} {r['page_p95_ms']:>8.1f} "
            f"{r['page_sql_ms']:>8.2f} {r['queries']:>4} {r['bare_ms']:>8.3f} "
            f"{r['ratio'] or 0:>6.1f} {r['page_ratio'] or 0:>7.1f}")


HEADER = (f"{'pad':<38} {'pagina':>8} {'p95':>8} {'pag.SQL':>8} {'qs':>4} {'kaal':>8} "
          f"{'SQL÷k':>6} {'pag÷k':>7}")


# --- The paths ----------------------------------------------------------------------------------
def file_links(body: bytes) -> list[str]:
    """The youth a list page links to, in order, once each."""
    seen: list[str] = []
    for match in FILE_LINK.findall(body.decode()):
        if match not in seen:
            seen.append(match)
    return seen


def api_ids(body: bytes) -> list[str]:
    import json

    return [row["id"] for row in json.loads(body)["results"]]


WORKLIST_SQL = """
SELECT y.public_id, y.given_names, y.surname_prefix, y.family_name, y.birth_year,
       y.birth_month, y.birth_day, t.public_id, t.step, t.route, t.intensity, t.started_on,
       COALESCE(t.last_contact_on, t.started_on) AS contact_on, ca.role, mc.no_contact_weeks,
       EXISTS (SELECT 1 FROM trajectories_followup f WHERE f.trajectory_id = t.id
               AND NOT f.cancelled AND f.done_on IS NULL AND f.due_on < %(today)s) AS overdue
FROM youth_contactassignment ca
JOIN trajectories_trajectory t ON t.youth_id = ca.youth_id AND t.closed_on IS NULL
JOIN youth_youth y ON y.id = ca.youth_id
LEFT JOIN organisations_municipalconfig mc ON mc.municipality_id = y.municipality_id
WHERE ca.user_id = %(user)s AND ca.ended_at IS NULL
ORDER BY y.family_name, y.given_names, t.id LIMIT 25 OFFSET %(offset)s"""
WORKLIST_COUNT = """
SELECT count(*) FROM youth_contactassignment ca
JOIN trajectories_trajectory t ON t.youth_id = ca.youth_id AND t.closed_on IS NULL
WHERE ca.user_id = %(user)s AND ca.ended_at IS NULL"""

INTAKE_SQL = """
SELECT y.public_id, y.given_names, y.surname_prefix, y.family_name, y.birth_year,
       y.birth_month, y.birth_day, t.public_id, t.started_on, t.entrance, m.name
FROM trajectories_trajectory t JOIN youth_youth y ON y.id = t.youth_id
JOIN organisations_municipality m ON m.id = y.municipality_id
WHERE t.team_id = ANY(%(teams)s) AND t.closed_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM youth_contactassignment ca
                  WHERE ca.youth_id = t.youth_id AND ca.ended_at IS NULL)
ORDER BY t.started_on, t.id LIMIT 25"""
INTAKE_COUNT = """
SELECT count(*) FROM trajectories_trajectory t
WHERE t.team_id = ANY(%(teams)s) AND t.closed_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM youth_contactassignment ca
                  WHERE ca.youth_id = t.youth_id AND ca.ended_at IS NULL)"""

YOUTH_LIST_SQL = """
SELECT y.public_id, y.given_names, y.surname_prefix, y.family_name, y.birth_year,
       y.birth_month, y.birth_day, m.name, tm.name
FROM youth_youth y
JOIN (SELECT youth_id AS id FROM youth_contactassignment
      WHERE user_id = %(user)s AND ended_at IS NULL
      UNION SELECT id FROM youth_youth WHERE team_id = ANY(%(teams)s)) v ON v.id = y.id
JOIN organisations_municipality m ON m.id = y.municipality_id
LEFT JOIN organisations_team tm ON tm.id = y.team_id
WHERE y.merged_into_id IS NULL
ORDER BY y.family_name, y.given_names, y.id LIMIT 25 OFFSET %(offset)s"""
YOUTH_LIST_COUNT = """
SELECT count(*) FROM youth_youth y
JOIN (SELECT youth_id AS id FROM youth_contactassignment
      WHERE user_id = %(user)s AND ended_at IS NULL
      UNION SELECT id FROM youth_youth WHERE team_id = ANY(%(teams)s)) v ON v.id = y.id
WHERE y.merged_into_id IS NULL"""

FILE_SQL = [
    """SELECT y.*, m.code, m.name FROM youth_youth y
       JOIN organisations_municipality m ON m.id = y.municipality_id
       WHERE y.id = %(youth)s""",
    """SELECT t.*, tm.name FROM trajectories_trajectory t
       JOIN organisations_team tm ON tm.id = t.team_id
       WHERE t.youth_id = %(youth)s ORDER BY t.started_on DESC""",
    """SELECT e.*, u.first_name, u.last_name FROM casefile_event e
       LEFT JOIN organisations_user u ON u.id = e.actor_id
       WHERE e.youth_id = %(youth)s ORDER BY e.occurred_at DESC, e.id DESC""",
    """SELECT ca.*, u.first_name, u.last_name FROM youth_contactassignment ca
       JOIN organisations_user u ON u.id = ca.user_id
       WHERE ca.youth_id = %(youth)s ORDER BY ca.started_at""",
]

# The coach's home page: one statement per block (issue 11 §1), as a person would write them.
OWN = """FROM youth_contactassignment ca
JOIN trajectories_trajectory t ON t.youth_id = ca.youth_id AND t.closed_on IS NULL
JOIN youth_youth y ON y.id = ca.youth_id
WHERE ca.user_id = %(user)s AND ca.ended_at IS NULL"""
COACH_HOME_SQL = [
    """SELECT a.public_id, a.starts_at, a.mode, a.status, y.given_names, y.family_name
       FROM appointments_appointment a JOIN youth_youth y ON y.id = a.youth_id
       WHERE a.coach_id = %(user)s AND a.starts_at >= %(start)s AND a.starts_at < %(end)s
       AND a.status = 'planned' ORDER BY a.starts_at""",
    """SELECT a.public_id, a.starts_at, y.given_names, y.family_name
       FROM appointments_appointment a JOIN youth_youth y ON y.id = a.youth_id
       WHERE a.coach_id = %(user)s AND a.starts_at < %(now)s AND a.status = 'planned'
       ORDER BY a.starts_at LIMIT 25""",
    """SELECT pa.id, pa.description, pa.due_on, t.public_id, y.given_names, y.family_name """
    + OWN.replace("WHERE", """JOIN trajectories_goal g ON g.trajectory_id = t.id
       JOIN trajectories_planaction pa ON pa.goal_id = g.id
       WHERE pa.status IN ('planned', 'in_progress') AND pa.due_on <= %(week_end)s AND""")
    + " ORDER BY pa.due_on, pa.id LIMIT 25",
    """SELECT f.id, f.due_on, f.months_after_outflow, t.public_id, y.given_names, y.family_name """
    + OWN.replace("WHERE", """JOIN trajectories_followup f ON f.trajectory_id = t.id
       WHERE f.done_on IS NULL AND NOT f.cancelled AND f.due_on <= %(soon)s AND""")
    + " ORDER BY f.due_on, f.id LIMIT 25",
    """SELECT t.public_id, y.given_names, y.family_name, y.birth_year, y.birth_month, y.birth_day
       """ + OWN + """ AND y.birth_year IN (%(y16)s, %(y18)s, %(y23)s, %(y27)s)""",
    """SELECT t.public_id, y.given_names, y.family_name,
       COALESCE(t.last_contact_on, t.started_on) AS contact_on """ + OWN + """
       AND COALESCE(t.last_contact_on, t.started_on) <= %(no_contact)s AND t.step <> 'aftercare'
       ORDER BY contact_on, t.id LIMIT 25""",
    """SELECT h.public_id, h.status, y.given_names, y.family_name FROM handover_handover h
       JOIN youth_youth y ON y.id = h.youth_id
       WHERE h.receiver_id = ANY(%(orgs)s) AND h.status IN ('sent', 'received')
       ORDER BY h.sent_at, h.id LIMIT 25""",
    """SELECT n.id, n.kind, n.created_at FROM youth_contactnotice n
       WHERE n.recipient_id = %(user)s AND n.read_at IS NULL AND n.created_at >= %(since)s
       ORDER BY n.created_at DESC LIMIT 25""",
]


def _coach_home_params(user, today: datetime.date) -> dict:
    now = timezone.now()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    week_end = today + datetime.timedelta(days=6 - today.weekday())
    orgs = list(Membership.objects.filter(user=user, is_active=True)
                .values_list("team__organisation_id", flat=True))
    return {"user": user.pk, "now": now, "start": start,
            "end": start + datetime.timedelta(days=(week_end - today).days + 1),
            "week_end": week_end, "soon": today + datetime.timedelta(days=14),
            "no_contact": today - datetime.timedelta(weeks=6), "orgs": orgs,
            "since": now - datetime.timedelta(days=30),
            **{f"y{n}": today.year - n for n in (16, 18, 23, 27)}}


CASELOAD_SQL = """
SELECT ca.user_id, count(*) FILTER (WHERE t.intensity = 'licht'),
       count(*) FILTER (WHERE t.intensity = 'middelzwaar'),
       count(*) FILTER (WHERE t.intensity = 'intensief'), count(*) FILTER (WHERE t.intensity = '')
FROM trajectories_trajectory t
LEFT JOIN youth_contactassignment ca ON ca.youth_id = t.youth_id AND ca.ended_at IS NULL
WHERE t.team_id = ANY(%(teams)s) AND t.closed_on IS NULL GROUP BY 1"""

ACCESS_SQL = """
SELECT EXISTS (SELECT 1 FROM youth_contactassignment
               WHERE youth_id = %(youth)s AND user_id = %(user)s AND ended_at IS NULL)
    OR EXISTS (SELECT 1 FROM youth_youth WHERE id = %(youth)s AND team_id = ANY(%(teams)s))"""


def _teams(user) -> list[int]:
    return list(Membership.objects.filter(user=user, is_active=True).values_list("team_id",
                                                                                 flat=True))


def _coach_by_caseload(quantile: float) -> tuple[User, int]:
    """The coach at this quantile of open caseload (contact person of open trajectories)."""
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT ca.user_id, count(*) FROM youth_contactassignment ca
            JOIN trajectories_trajectory t ON t.youth_id = ca.youth_id AND t.closed_on IS NULL
            WHERE ca.ended_at IS NULL GROUP BY 1 ORDER BY 2, 1""")
        rows = cursor.fetchall()
    user_id, count = rows[min(len(rows) - 1, int(quantile * (len(rows) - 1)))]
    return User.objects.get(pk=user_id), count


def build_paths(today: datetime.date | None = None) -> list[Path]:
    from route27.youth.models import ContactAssignment, Youth

    today = today or timezone.localdate()
    paths: list[Path] = []
    for label, quantile in (("licht", 0.1), ("typisch", 0.5), ("zwaar", 1.0)):
        coach, open_count = _coach_by_caseload(quantile)
        for page in (1, 3) if open_count > 2 * PAGE_SIZE else (1,):
            paths.append(Path(
                f"werkvoorraad {label} ({open_count}) p{page}", coach,
                f"/werkvoorraad/?pagina={page}",
                [(WORKLIST_SQL, {"user": coach.pk, "today": today,
                                 "offset": (page - 1) * PAGE_SIZE}),
                 (WORKLIST_COUNT, {"user": coach.pk})], page_ids=file_links))
        if label == "typisch":
            typical = coach
    with connection.cursor() as cursor:  # the team with the longest intake queue
        cursor.execute("""
            SELECT t.team_id, count(*) FROM trajectories_trajectory t
            WHERE t.closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM youth_contactassignment ca
                  WHERE ca.youth_id = t.youth_id AND ca.ended_at IS NULL)
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""")
        team_id, waiting = cursor.fetchone()
    lead = User.objects.get(memberships__team_id=team_id, memberships__role=Role.TEAMLEIDER)
    paths.append(Path(f"intakewachtrij ({waiting})", lead, "/werkvoorraad/intake/",
                      [(INTAKE_SQL, {"teams": [team_id]}), (INTAKE_COUNT, {"teams": [team_id]})],
                      page_ids=file_links))
    # The files: a typical one of the typical coach, and the longest in the country.
    own = ContactAssignment.objects.filter(user=typical, ended_at__isnull=True)
    with connection.cursor() as cursor:
        cursor.execute("""SELECT youth_id, count(*) FROM casefile_event
                          WHERE youth_id IN (SELECT youth_id FROM youth_contactassignment
                                             WHERE user_id = %s AND ended_at IS NULL)
                          GROUP BY 1 ORDER BY 2, 1""", [typical.pk])
        counts = cursor.fetchall()
        youth_id, events = counts[len(counts) // 2]
        cursor.execute("""SELECT youth_id, count(*) FROM casefile_event GROUP BY 1
                          ORDER BY 2 DESC LIMIT 1""")
        heavy_id, heavy_events = cursor.fetchone()
    assert own.filter(youth_id=youth_id).exists()
    for label, pk, count in (("typisch", youth_id, events), ("lang", heavy_id, heavy_events)):
        youth = Youth.objects.get(pk=pk)
        holder = youth.contact_assignments.filter(ended_at__isnull=True).first()
        user = holder.user if holder else User.objects.get(
            memberships__team_id=youth.team_id, memberships__role=Role.TEAMLEIDER)
        paths.append(Path(f"dossier {label} ({count} gebeurtenissen)", user,
                          f"/jongeren/{youth.public_id}/",
                          [(sql, {"youth": pk}) for sql in FILE_SQL]))
    teams = _teams(typical)
    total = Youth.objects.filter(team_id__in=teams).count()
    last = max(1, -(-total // PAGE_SIZE))
    for page in (1, last):
        params = {"user": typical.pk, "teams": teams, "offset": (page - 1) * PAGE_SIZE}
        bare = [(YOUTH_LIST_SQL, params), (YOUTH_LIST_COUNT, params)]
        paths.append(Path(f"jongerenlijst p{page} ({total})", typical,
                          f"/jongeren/?pagina={page}", bare, page_ids=file_links))
        paths.append(Path(f"API jongeren p{page}", typical,
                          f"/api/v1/jongeren?pagina={page}&paginaGrootte={PAGE_SIZE}",
                          bare, page_ids=api_ids))
    # The same visible set in every population: a coach of the team closest to 150 youth, so
    # the list's cost can be compared between 100 000 and 1 000 000 youth in the country.
    with connection.cursor() as cursor:
        cursor.execute("""SELECT team_id, count(*) FROM youth_youth WHERE team_id IS NOT NULL
                          GROUP BY 1 ORDER BY abs(count(*) - 150), 1 LIMIT 1""")
        fixed_team, fixed_total = cursor.fetchone()
    fixed = User.objects.filter(memberships__team_id=fixed_team,
                                memberships__role=Role.DOORSTROOMCOACH).first()
    params = {"user": fixed.pk, "teams": _teams(fixed), "offset": 0}
    paths.append(Path(f"jongerenlijst vaste set p1 ({fixed_total})", fixed, "/jongeren/",
                      [(YOUTH_LIST_SQL, params), (YOUTH_LIST_COUNT, params)],
                      page_ids=file_links))
    outsider = Youth.objects.exclude(team_id__in=teams).order_by("pk").first()
    paths.append(Path("toegangscontrole (geweigerd)", typical,
                      f"/jongeren/{outsider.public_id}/",
                      [(ACCESS_SQL, {"youth": outsider.pk, "user": typical.pk,
                                     "teams": teams})], status=404))
    home = _coach_home_params(typical, today)
    paths.append(Path("startpagina coach", typical, "/",
                      [(sql, home) for sql in COACH_HOME_SQL]))
    paths.append(Path("startpagina teamleider", lead, "/", [
        (INTAKE_SQL, {"teams": [team_id]}), (INTAKE_COUNT, {"teams": [team_id]}),
        (CASELOAD_SQL, {"teams": [team_id]})]))
    return paths
