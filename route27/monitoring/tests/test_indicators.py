"""The indicators from the event ledger at three reference dates, against numbers counted by
hand (issue 14, Done when): a history of three youth written through the services on the days
it happened; a file changed after a reference date leaves that date's figure alone; a late
correction changes it and is counted as a correction."""

from __future__ import annotations

import contextlib
import datetime
from unittest import mock

import pytest
from django.utils import timezone

from route27.monitoring import indicators
from route27.monitoring.indicators import Scope
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AALSMEER,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories import services
from route27.trajectories.tests.factories import INTAKE_ANSWERS, route_facts
from route27.trajectories.workflow import Step
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
D1, D2, D3 = datetime.date(2026, 3, 1), datetime.date(2026, 6, 1), datetime.date(2026, 9, 1)


@contextlib.contextmanager
def on(day: datetime.date):
    """Run the services at ten o'clock on ``day``: events and their recording time then."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


@pytest.fixture
def history():
    aalsmeer = real_municipality(AALSMEER)
    team = TeamFactory(organisation=OrganisationFactory(municipality=aalsmeer), serves=[aalsmeer])
    coach = member(Role.JONGERENCOACH_WERK, team=team)
    for _ in range(2):  # so youth ids differ from trajectory ids
        YouthFactory(team=team, municipality=aalsmeer)
    a, b, c = (YouthFactory(team=team, municipality=aalsmeer) for _ in range(3))
    with on(datetime.date(2026, 1, 15)):
        tc = services.trajectory_start(actor=coach, youth=c, entrance="staff", team=team)
    with on(datetime.date(2026, 2, 1)):
        ta = services.trajectory_start(actor=coach, youth=a, entrance="staff", team=team)
    with on(datetime.date(2026, 2, 10)):
        services.intake_record(actor=coach, trajectory=ta, intensity="licht",
                               answers=INTAKE_ANSWERS)
        contact_person_assign(actor=coach, youth=a, user=coach, role=Role.JONGERENCOACH_WERK)
    with on(datetime.date(2026, 3, 15)):
        decision = services.route_propose(actor=coach, trajectory=ta, facts=route_facts(a))
        services.route_confirm(actor=coach, decision=decision)
        services.trajectory_move(actor=coach, trajectory=ta, to=Step.ACTIVATION)
    with on(datetime.date(2026, 4, 1)):
        services.trajectory_move(actor=coach, trajectory=ta, to=Step.SUPPORT)
    with on(datetime.date(2026, 4, 10)):
        services.trajectory_hand_back(actor=coach, trajectory=tc, reason="School kan")
    with on(datetime.date(2026, 5, 1)):
        services.placement_record(actor=coach, trajectory=ta, kind="work",
                                  organisation_name="Kwekerij", started_on=datetime.date(
                                      2026, 5, 1))
        tb = services.trajectory_start(actor=coach, youth=b, entrance="handover_mbo_gemeente",
                                       team=team)
    with on(datetime.date(2026, 5, 5)):
        services.intake_record(actor=coach, trajectory=tb, intensity="intensief",
                               answers=INTAKE_ANSWERS)
    with on(datetime.date(2026, 5, 20)):
        services.trajectory_outflow(actor=coach, trajectory=ta, reason="duurzaam_werk",
                                    on=datetime.date(2026, 5, 20))
    with on(datetime.date(2026, 8, 20)):
        for follow_up in ta.follow_ups.filter(done_on__isnull=True, cancelled=False):
            services.follow_up_record(actor=coach, follow_up=follow_up, outcome="on_track",
                                      on=datetime.date(2026, 8, 20))
    ta.refresh_from_db()
    assert ta.step == Step.CLOSED
    return {"aalsmeer": aalsmeer, "team": team, "coach": coach, "a": ta, "b": tb, "c": tc}


def test_stock_at_three_reference_dates(history):
    scope = Scope(municipality_ids=(history["aalsmeer"].pk,))
    first, second, third = (indicators.stock(day, scope) for day in (D1, D2, D3))
    # 1 March: A in intake (contact: a jongerencoach werk), C in step 1.
    assert (first.in_trajectory, first.in_aftercare, first.with_jongerencoach) == (2, 0, 1)
    assert first.by_step == {Step.INTAKE: 1, Step.SIGNAL: 1}
    assert first.by_intensity == {"licht": 1, "": 1}
    # 1 June: A in aftercare (outflow 20 May), B in intake, C handed back.
    assert (second.in_trajectory, second.in_aftercare) == (1, 1)
    assert second.by_intensity == {"intensief": 1}
    # 1 September: A closed (20 August), B still in intake.
    assert (third.in_trajectory, third.in_aftercare) == (1, 0)
    assert indicators.stock(D2, Scope(municipality_ids=(real_municipality(UTRECHT).pk,))
                            ).in_trajectory == 0


def test_flows_over_a_period(history):
    scope = Scope(team_ids=(history["team"].pk,))
    half = indicators.flows(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), scope)
    assert half.inflow == 3 and half.from_school == 1
    assert half.inflow_by_entrance == {"staff": 2, "handover_mbo_gemeente": 1}
    assert half.to_durable_work == 1 and half.to_education == 0
    assert half.closed == 1 and half.average_days == 85.0  # C: 15 January → 10 April
    assert sum(half.legal_basis.values()) == 1
    later = indicators.flows(datetime.date(2026, 7, 1), datetime.date(2026, 9, 30), scope)
    assert later.inflow == 0 and later.closed == 1  # A closed on 20 August


def test_a_change_after_the_date_leaves_the_figure_and_a_late_correction_shows(history):
    scope = Scope(municipality_ids=(history["aalsmeer"].pk,))
    before = indicators.stock(D2, scope)
    with on(datetime.date(2026, 10, 1)):  # B moves on in October: 1 June stands
        decision = services.route_propose(actor=history["coach"], trajectory=history["b"],
                                          facts=route_facts(history["b"].youth))
        services.route_confirm(actor=history["coach"], decision=decision)
    assert indicators.stock(D2, scope) == before
    assert indicators.corrections(D2, scope, as_of=timezone.make_aware(
        datetime.datetime(2026, 10, 2))) == 0
    # In November the coach records that B left on 15 May (to school): a late correction.
    with on(datetime.date(2026, 11, 3)):
        services.trajectory_outflow(actor=history["coach"], trajectory=history["b"],
                                    reason="onderwijs", on=datetime.date(2026, 5, 15))
    corrected = indicators.stock(D2, scope)
    assert corrected.in_trajectory == 0 and corrected.in_aftercare == 2
    assert indicators.corrections(D2, scope) >= 1
    assert indicators.flows(datetime.date(2026, 5, 1), datetime.date(2026, 5, 31), scope
                            ).to_education == 1


def test_startkwalificatie_from_the_route_decided(history):
    scope = Scope(municipality_ids=(history["aalsmeer"].pk,))
    # 1 March: no route decided yet for A or C: not known.
    first = indicators.stock(D1, scope)
    assert (first.without_startkwalificatie, first.startkwalificatie_unknown) == (0, 2)
    # 5 April: A's route was decided on 15 March with a vmbo diploma: no startkwalificatie.
    april = indicators.stock(datetime.date(2026, 4, 5), scope)
    assert (april.in_trajectory, april.without_startkwalificatie) == (2, 1)
    assert april.startkwalificatie_unknown == 1  # C, handed back only on 10 April


def test_age_bands_and_a_coach(history):
    born_2007 = Scope(municipality_ids=(history["aalsmeer"].pk,), age_band="neet")
    # Born 17 May 2007: 18 on 1 March 2026, so in 16–27; not yet 27, so in art. 7a.
    assert indicators.stock(D1, born_2007).in_trajectory == 2
    a = history["a"].youth
    a.birth_year = 2010  # 15 on 1 March 2026: out of 16–27, in 12–27
    a.save()
    assert indicators.stock(D1, born_2007).in_trajectory == 1
    assert indicators.stock(D1, Scope(age_band="regional")).in_trajectory == 2
    coach = Scope(coach_id=history["coach"].pk)
    assert indicators.stock(D1, coach).in_trajectory == 1  # A: the coach is contact person
    assert indicators.flows(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31),
                            coach).to_durable_work == 0  # A was no longer theirs by 31 December


def test_stock_is_two_queries_and_flows_two(history, django_assert_num_queries):
    scope = Scope(municipality_ids=(history["aalsmeer"].pk,), age_band="art7a")
    with django_assert_num_queries(2):  # the groups, the late corrections
        indicators.stock(D2, scope)
    region = Scope(municipality_ids=(history["aalsmeer"].pk, real_municipality(UTRECHT).pk))
    with django_assert_num_queries(2):  # the same for a region, grouped by municipality
        indicators.stock_by_municipality(D2, region)
    with django_assert_num_queries(2):
        indicators.flows(D1, D3, scope)
    with django_assert_num_queries(1):
        months = indicators.monthly(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), scope)
    assert [m.inflow for m in months] == [1, 1, 0, 0, 1, 0]
    assert [m.outflow for m in months] == [0, 0, 0, 0, 1, 0]
