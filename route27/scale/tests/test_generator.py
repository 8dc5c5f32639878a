"""The scale generator (issue 12): a small population through the same code that writes a
national one, on SQLite and PostgreSQL alike. Its bench runs on PostgreSQL only (it refuses on
SQLite with a clear message, checked here)."""

import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count
from stdnum.nl import bsn

from route27.casefile.models import Event
from route27.scale.generator import AlreadyGenerated, bsn_numbers, generate, share
from route27.trajectories.models import Trajectory
from route27.trajectories.workflow import Step
from route27.youth.models import ContactAssignment, Youth

pytestmark = pytest.mark.django_db
YOUTH = 600


@pytest.fixture
def reference():
    call_command("load_reference_data", verbosity=0)


def _digest() -> str:
    rows = Youth.objects.order_by("pk").values_list("given_names", "family_name", "bsn",
                                                   "birth_year", "municipality__code")
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def test_bsns_pass_the_eleven_test_and_shares_add_up():
    numbers = bsn_numbers()
    assert all(bsn.is_valid(next(numbers)) for _ in range(2000))
    assert sum(share(1000, {1: 5, 2: 3, 3: 1}).values()) == 1000


def test_a_small_population_respects_every_rule_and_is_deterministic(reference):
    class Undo(Exception):
        pass

    digests = []
    for _ in range(2):
        try:
            with transaction.atomic():
                generate(youth=YOUTH, seed=5, chunk_size=250)
                digests.append(_digest())
                raise Undo
        except Undo:
            pass
    assert digests[0] == digests[1]

    rows = generate(youth=YOUTH, seed=5, chunk_size=250)
    assert Youth.objects.count() == YOUTH
    assert rows["youth_youth"] == YOUTH
    assert set(Trajectory.objects.values_list("step", flat=True)) == {
        Step.SIGNAL, Step.INTAKE, Step.ROUTE, Step.ACTIVATION, Step.SUPPORT, Step.MATCH,
        Step.AFTERCARE, Step.CLOSED}
    # One active contact person per youth (also a constraint), ended when the file closed.
    assert not ContactAssignment.objects.filter(
        ended_at__isnull=True, youth__trajectories__closed_on__isnull=False,
    ).exclude(youth__trajectories__closed_on__isnull=True).exists()
    per_youth = Event.objects.values("youth").annotate(n=Count("id"))
    assert 10 <= Event.objects.count() / YOUTH <= 25
    assert max(r["n"] for r in per_youth) >= 500  # the long file
    # Events went in in time order within a chunk: ids rise with the moment.
    ordered = list(Event.objects.filter(youth__in=Youth.objects.order_by("pk")[:250])
                   .order_by("id").values_list("occurred_at", flat=True))
    assert ordered == sorted(ordered)
    with pytest.raises(AlreadyGenerated):
        generate(youth=10)


def test_the_bench_runs_on_postgresql_and_refuses_sqlite(reference, tmp_path):
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="PostgreSQL"):
            call_command("bench", rounds=1, out=str(tmp_path))
        return
    generate(youth=YOUTH, seed=5)
    call_command("bench", rounds=1, out=str(tmp_path))  # every path checks its rows
    assert list(tmp_path.glob("bench-*.json"))
