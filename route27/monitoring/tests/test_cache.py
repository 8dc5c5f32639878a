"""The kept figures of past days (ADR 0019): served again until a late event, a move or a merge
changes them; never today's; never a figure computed while a change committed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from route27.monitoring import cache, indicators
from route27.monitoring.models import FigureCache, FigureVersion
from route27.monitoring.tests.test_indicators import D1, D2, history, on  # noqa: F401 (fixture)
from route27.organisations.roles import Role
from route27.organisations.tests.factories import UTRECHT, member, real_municipality
from route27.trajectories import services
from route27.youth.services import youth_update

pytestmark = pytest.mark.django_db


def _ids(history):  # noqa: F811
    return (history["aalsmeer"].pk,)


def test_a_past_figure_is_kept_and_served_again(history, django_assert_num_queries):  # noqa: F811
    first = cache.stock_by_municipality(D2, _ids(history))
    assert FigureCache.objects.filter(kind="stock").count() == 1
    with django_assert_num_queries(2):  # the version and the kept figure
        again = cache.stock_by_municipality(D2, _ids(history))
    assert again == first == {history["aalsmeer"].pk: indicators.stock(
        D2, indicators.Scope(municipality_ids=_ids(history)))}
    assert cache.flows_by_municipality(D1, D2, _ids(history)) == cache.flows_by_municipality(
        D1, D2, _ids(history))
    assert cache.months_by_municipality(D1, D2, _ids(history))[_ids(history)[0]][0].month == (
        D1.replace(day=1))


def test_today_is_always_counted_anew(history):  # noqa: F811
    cache.stock_by_municipality(datetime.date.today(), _ids(history))
    assert not FigureCache.objects.exists()


def test_a_late_correction_forgets_the_municipality(history):  # noqa: F811
    before = cache.stock_by_municipality(D2, _ids(history))[_ids(history)[0]]
    assert before.in_trajectory == 1
    services.trajectory_outflow(actor=history["coach"], trajectory=history["b"],
                                reason="onderwijs", on=datetime.date(2026, 5, 15))
    assert FigureVersion.objects.get(pk=_ids(history)[0]).version >= 1  # one per late event
    after = cache.stock_by_municipality(D2, _ids(history))[_ids(history)[0]]
    assert after.in_trajectory == 0 and after.in_aftercare == 2


def test_an_event_of_today_leaves_past_figures(history):  # noqa: F811
    cache.stock_by_municipality(D2, _ids(history))
    services.intake_record(actor=history["coach"], trajectory=history["b"],
                           intensity="licht", answers={})
    assert FigureCache.objects.count() == 1 and not FigureVersion.objects.exists()


def test_a_move_forgets_both_municipalities(history):  # noqa: F811
    utrecht = real_municipality(UTRECHT)
    cache.stock_by_municipality(D2, (history["aalsmeer"].pk, utrecht.pk))
    youth = history["b"].youth
    youth_update(actor=history["coach"], youth=youth, given_names=youth.given_names,
                 family_name=youth.family_name, birth_date="17-05-2007", municipality=utrecht)
    assert set(FigureVersion.objects.values_list("pk", flat=True)) == {
        history["aalsmeer"].pk, utrecht.pk}
    moved = cache.stock_by_municipality(D2, (history["aalsmeer"].pk, utrecht.pk))
    assert moved[utrecht.pk].in_trajectory == 1 and moved[history["aalsmeer"].pk].in_trajectory == 0


def test_a_figure_computed_while_a_change_commits_is_not_served(history, monkeypatch):  # noqa: F811
    real = indicators.stock_by_municipality

    def racing(day, scope):
        figures = real(day, scope)  # counted before the change...
        cache.invalidate(scope.municipality_ids)  # ...which commits before the figure is kept
        return figures

    monkeypatch.setattr(indicators, "stock_by_municipality", racing)
    cache.stock_by_municipality(D2, _ids(history))
    monkeypatch.setattr(indicators, "stock_by_municipality", real)
    kept = FigureCache.objects.get()
    assert kept.version == 0 and FigureVersion.objects.get().version == 1
    cache.stock_by_municipality(D2, _ids(history))  # not served: counted anew, kept as 1
    assert FigureCache.objects.get().version == 1


def test_the_region_page_reads_kept_figures(client, history):  # noqa: F811
    coordinator = member(Role.REGIONAL_COORDINATOR, team=history["team"])
    client.force_login(coordinator)
    query = {"peildatum": D2.isoformat(), "van": "2026-01-01", "tot": D2.isoformat()}
    first = client.get(reverse("monitoring:region"), query).content.decode()
    assert FigureCache.objects.filter(kind__in=["stock", "flows", "months"]).count() == 3
    second = client.get(reverse("monitoring:region"), query).content.decode()
    def table(page):
        return page.split('id="tabel-regio"')[1].split("</section>")[0]

    assert table(first) == table(second) and "Aalsmeer" in table(first)
