"""``make bench-import`` (issue 13): a generated delivery of N rows through the whole import —
reading the CSV (``core.tabular``), checking every row (``outreach.parsing``) and writing the
files, cases, namings, events and audit rows (``outreach.services.delivery_import``) — timed,
in a transaction that is rolled back, so every run starts from the same database.

Of the rows, 1 in 50 is wrong (each rejected with its reason), 1 in 10 names a youth the
database already holds (matched on BSN, family name and birth date), the rest are new. The bare
SQL limit for a 100 000-row import on these machines is 85 000 rows/s (PERF-LIMIT.md §5: COPY +
upsert); the ratio is reported beside it.
"""

from __future__ import annotations

import datetime
import io
import time
from dataclasses import dataclass

from django.db import connection, transaction

from route27.core import tabular
from route27.organisations.models import Municipality, Organisation, Team, User
from route27.organisations.roles import OrganisationType, Role
from route27.outreach import parsing, services
from route27.youth.models import Youth

BARE_SQL_ROWS_PER_S = 85_000  # PERF-LIMIT.md §5
HEADER = "bsn;voornamen;voorvoegsel;achternaam;geboortedatum;status"


def _passes(number: int) -> bool:
    digits = [int(d) for d in f"{number:09d}"]
    return (sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
            - digits[8]) % 11 == 0


def bsns(count: int, start: int = 800_000_000):
    """``count`` 11-proef numbers from ``start`` up (above the generator's and the tests')."""
    found, candidate = [], start
    while len(found) < count:
        if _passes(candidate):
            found.append(f"{candidate:09d}")
        candidate += 1
    return found


class Rollback(Exception):
    pass


@dataclass
class Result:
    vendor: str
    rows: int
    rejected: int
    read_s: float
    check_s: float
    write_s: float
    new_cases: int
    matched: int

    @property
    def total_s(self) -> float:
        return self.read_s + self.check_s + self.write_s

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.total_s


def delivery_csv(rows: int, known: list[Youth]) -> bytes:
    """A delivery with 1 in 50 rows wrong and ``known`` youth among the rest."""
    out = io.StringIO()
    out.write(HEADER + "\r\n")
    numbers = bsns(rows)
    statuses = ["", "", "", "op school", "aan het werk"]
    for n in range(rows):
        if n % 50 == 49:
            out.write(f"123456789;Fout{n};;Rij{n};01-01-2005;\r\n")  # fails the elfproef
            continue
        if n % 10 == 0 and n // 10 < len(known):
            y = known[n // 10]
            out.write(f"{y.bsn};{y.given_names};{y.surname_prefix};{y.family_name};"
                      f"{y.birth_day or 0:02d}-{y.birth_month or 0:02d}-{y.birth_year};\r\n")
            continue
        born = datetime.date(2002, 1, 1) + datetime.timedelta(days=n % 2900)
        out.write(f"{numbers[n]};Voornaam{n};;Levering{n};{born:%d-%m-%Y};"
                  f"{statuses[n % len(statuses)]}\r\n")
    return out.getvalue().encode("utf-8")


def importing_team(municipality: Municipality) -> tuple[Team, User]:
    organisation, _ = Organisation.objects.get_or_create(
        name="Gemeente (bench-import)", defaults={"type": OrganisationType.GEMEENTE,
                                                  "municipality": municipality})
    team, _ = Team.objects.get_or_create(organisation=organisation, name="Outreach (bench)")
    team.serves.set([municipality])
    user, _ = User.objects.get_or_create(username="bench-import", defaults={
        "first_name": "Bench", "last_name": "Import"})
    user.memberships.get_or_create(team=team, role=Role.BELEIDSADVISEUR)
    return team, user


def run(rows: int) -> Result:
    municipality = Municipality.objects.order_by("code").first()
    if municipality is None:
        raise RuntimeError("Laad eerst de referentiedata (load_reference_data).")
    young = datetime.date.today().year - 25  # matched rows must be of the target group
    known = list(Youth.objects.filter(bsn__isnull=False,
                                      bsn_under_review=False, birth_year__gte=young,
                                      given_names__gt="").order_by("pk")[:rows // 10])
    data = delivery_csv(rows, known)
    result = None
    try:
        with transaction.atomic():
            team, user = importing_team(municipality)
            start = time.perf_counter()
            table = tabular.split_table(tabular.csv_values(data), max_rows=parsing.MAX_ROWS,
                                        too_many="")
            read = time.perf_counter()
            mapping = parsing.propose_mapping(table.header)
            people, problems = parsing.check_rows(table.rows, table.header, mapping,
                                                  municipalities=[municipality])
            checked = time.perf_counter()
            delivery = services.delivery_import(actor=user, team=team, kind="jib",
                                                people=people, rejected=len(problems))
            written = time.perf_counter()
            result = Result(connection.vendor, rows, len({p.row for p in problems}),
                            read - start, checked - read, written - checked,
                            delivery.new_cases, delivery.in_view + delivery.told)
            raise Rollback
    except Rollback:
        pass
    return result
