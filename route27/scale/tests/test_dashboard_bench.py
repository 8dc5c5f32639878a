"""``make bench-dashboard`` (issue 14): the generated ledger is the one the services write, so the
indicators count a generated population as they count real files (on SQLite and PostgreSQL),
and the bench's bare SQL gives the indicators' figures. The bare SQL is PostgreSQL's: on SQLite
the command refuses with a clear message (checked), on PostgreSQL (the CI's second run) the
figures are compared; never skipped."""

import collections
import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.utils import timezone

from route27.casefile.models import Event
from route27.monitoring import indicators
from route27.organisations.models import Municipality
from route27.scale import bench, dashboardbench
from route27.scale.generator import LEGAL_BASES, generate
from route27.trajectories.models import Trajectory
from route27.trajectories.workflow import Step

pytestmark = pytest.mark.django_db
YOUTH = 200


@pytest.fixture
def population():
    call_command("load_reference_data", verbosity=0)
    generate(youth=YOUTH, seed=11)
    if connection.vendor == "postgresql":  # as the bench does: plans from real statistics
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return timezone.localdate()


def test_the_generated_ledger_gives_the_indicators_their_figures(population):
    today = population
    # The last step event of every trajectory is the step its row says (the ledger matches).
    figures = indicators.stock(today)
    open_steps = collections.Counter(Trajectory.objects.exclude(
        step__in=(Step.CLOSED, Step.HANDED_BACK)).values_list("step", flat=True))
    assert figures.by_step == dict(open_steps)
    assert figures.in_trajectory > 0 and figures.in_aftercare > 0
    assert figures.with_jongerencoach > 0 and figures.without_startkwalificatie > 0
    assert set(figures.by_intensity) >= {"licht", "middelzwaar", "intensief"}
    # A year back: history, not today's rows.
    year_ago = indicators.stock(today - datetime.timedelta(days=365))
    assert 0 < year_ago.in_trajectory != figures.in_trajectory
    flows = indicators.flows(today - datetime.timedelta(days=3 * 365), today)
    assert flows.closed > 0 and flows.average_days and flows.average_days > 20
    assert flows.to_education > 0 and flows.to_durable_work > 0
    assert set(flows.legal_basis) <= {code for code, _ in LEGAL_BASES} and flows.legal_basis
    assert len(flows.inflow_by_entrance) > 3 and flows.inflow == Trajectory.objects.count()
    # Every trajectory_started names the entrance of its row; an outflow moves the step that day.
    starts = dict(Event.objects.filter(kind="trajectory_started").values_list(
        "trajectory_id", "data__entrance"))
    assert starts == dict(Trajectory.objects.values_list("pk", "entrance"))
    for outflow in Event.objects.filter(kind="outflow")[:50]:
        assert Event.objects.filter(
            trajectory_id=outflow.trajectory_id, kind="step_changed",
            to_state__in=(Step.AFTERCARE, Step.CLOSED),
            occurred_at__date=outflow.occurred_at.date()).exists()
    # About 1 in 100 events was recorded later (a late correction), never after today.
    late = Event.objects.exclude(recorded_at=F("occurred_at")).count()
    assert 0 < late < Event.objects.count() * 0.03
    assert not Event.objects.filter(recorded_at__date__gt=today).exists()


def test_the_bare_sql_gives_the_indicators_figures(population, tmp_path):
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="PostgreSQL"):
            call_command("bench_dashboard", rounds=1, out=str(tmp_path))
        return
    today = population
    region = Municipality.objects.filter(youth__isnull=False).values_list(
        "doorstroompunt_region_id", flat=True).first()
    scopes = [list(Municipality.objects.filter(youth__isnull=False).values_list(
        "pk", flat=True).distinct()[:1]),
        list(Municipality.objects.filter(doorstroompunt_region_id=region).values_list(
            "pk", flat=True))]
    for day in (today, today - datetime.timedelta(days=365)):
        for ids in scopes:
            checked = dashboardbench.check_figures("test", ids, day,
                                                   day - datetime.timedelta(days=364), day)
            assert checked.startswith("cijfers gelijk")
    # The paths: two municipalities and the region(s), each with a user who may see them.
    paths = dashboardbench.build_paths()
    assert [p.name.split(" ")[0] for p in paths][:3] == ["gemeente", "grootste", "regio"]
    assert all("/resultaten/regio/?regio=MC" in p.url for p in paths[2:])
    results = bench.run(paths[:2], rounds=1, warmup=0, say=lambda line: None)
    assert all(r["checked"].startswith("cijfers gelijk") for r in results)


def test_a_difference_fails_loudly(population, monkeypatch):
    if connection.vendor != "postgresql":
        return  # the bare SQL is PostgreSQL's (the refusal is checked above)
    real = dashboardbench.indicator_figures

    def off_by_one(*args):
        figures = real(*args)
        figures["stock"]["in_aftercare"] += 1
        return figures

    monkeypatch.setattr(dashboardbench, "indicator_figures", off_by_one)
    ids = list(Municipality.objects.values_list("pk", flat=True))
    with pytest.raises(dashboardbench.FiguresDiffer, match="in_aftercare"):
        dashboardbench.check_figures("test", ids, population, population, population)
