"""Working outreach cases, the status list of school leavers and re-approach."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from route27.casework.models import CaseworkNotice
from route27.core.errors import Refused, TransitionRefused, ValidationFailed
from route27.core.partial_date import PartialDate
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.outreach import selectors, services
from route27.outreach.models import CaseStatus, LeaverStatus, OutreachCase
from route27.outreach.parsing import Person
from route27.trajectories.models import Trajectory
from route27.trajectories.tests.factories import TrajectoryFactory, walk
from route27.trajectories.workflow import Step
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def team_and_coach():
    aalsmeer = real_municipality(AALSMEER)
    team = TeamFactory(organisation=OrganisationFactory(municipality=aalsmeer), serves=[aalsmeer])
    return team, member(Role.JONGERENCOACH_WERK, team=team)


def _import(team, coach, people):
    return services.delivery_import(actor=coach, team=team, kind="jib", people=people)


def _person(n: int, bsn: str, status: str = "") -> Person:
    return Person(n, bsn, f"Voornaam{n}", "", f"Achternaam{n}", PartialDate(2006, 3, n),
                  team_municipality_id(), status, "", "")


def team_municipality_id() -> int:
    return real_municipality(AALSMEER).pk


def _case(team, coach, n=1):
    from route27.outreach.tests.factories import valid_bsn

    _import(team, coach, [_person(n, valid_bsn(500 + n))])
    return OutreachCase.objects.get(youth__family_name=f"Achternaam{n}")


def test_reached_then_a_trajectory_starts(team_and_coach):
    team, coach = team_and_coach
    case = _case(team, coach)
    with pytest.raises(TransitionRefused):
        services.case_start_trajectory(actor=coach, case=case)
    services.attempt_record(actor=coach, case=case, channel="whatsapp", on=TODAY,
                            outcome="reached")
    trajectory = services.case_start_trajectory(actor=coach, case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.TRAJECTORY and case.trajectory == trajectory
    assert trajectory.entrance == "outreach" and trajectory.team == team


def test_not_reachable_is_tried_again_in_two_weeks(team_and_coach):
    team, coach = team_and_coach
    case = _case(team, coach)
    services.attempt_record(actor=coach, case=case, channel="home_visit", on=TODAY,
                            outcome="not_reachable")
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert case.next_attempt_on == TODAY + datetime.timedelta(days=14)
    assert not selectors.cases_for(user=coach, due_only=True).exists()
    assert selectors.cases_for(user=coach).exists()


def test_already_in_view_tells_the_holder_and_the_coach_learns_nothing(team_and_coach, client):
    team, coach = team_and_coach
    case = _case(team, coach)
    other_team = TeamFactory(serves=[real_municipality(AALSMEER)])
    other_coach = member(Role.DOORSTROOMCOACH, team=other_team)
    Trajectory.objects.create(youth=case.youth, team=other_team, started_on=TODAY,
                              entrance="staff")
    contact_person_assign(actor=other_coach, youth=case.youth, user=other_coach,
                          role=Role.DOORSTROOMCOACH)
    client.force_login(coach)
    response = client.post(reverse("outreach:case", args=[case.public_id]), {
        "channel": "phone", "on": TODAY.isoformat(), "outcome": "already_in_view"},
        follow=True)
    page = response.content.decode()
    assert other_team.name not in page and other_coach.last_name not in page
    notice = CaseworkNotice.objects.get(recipient=other_coach)
    assert notice.kind == "reached_elsewhere"
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_an_attempt_is_checked(team_and_coach):
    team, coach = team_and_coach
    case = _case(team, coach)
    with pytest.raises(ValidationFailed) as caught:
        services.attempt_record(actor=coach, case=case, channel="fax", on=TODAY +
                                datetime.timedelta(days=1), outcome="referred")
    assert set(caught.value.field_errors) == {"channel", "on", "note"}
    outsider = member(Role.JONGERENCOACH_WERK)
    with pytest.raises(Refused):
        services.attempt_record(actor=outsider, case=case, channel="phone", on=TODAY,
                                outcome="reached")


def test_status_list_counts_not_known_and_stale(team_and_coach):
    from route27.outreach.tests.factories import valid_bsn

    team, coach = team_and_coach
    _import(team, coach, [_person(1, valid_bsn(601)),
                          _person(2, valid_bsn(602), status=LeaverStatus.WORKING),
                          _person(3, valid_bsn(603))])
    in_trajectory = OutreachCase.objects.get(youth__family_name="Achternaam3")
    services.attempt_record(actor=coach, case=in_trajectory, channel="phone", on=TODAY,
                            outcome="reached")
    services.case_start_trajectory(actor=coach, case=in_trajectory)
    counts = selectors.status_counts(municipality_ids=[team_municipality_id()])
    assert counts["by_status"][LeaverStatus.UNKNOWN] == 1
    assert counts["by_status"][LeaverStatus.WORKING] == 1
    assert counts["by_status"][LeaverStatus.IN_TRAJECTORY] == 1
    assert counts["stale"] == 1  # the unknown one was never confirmed
    rows = {y.family_name: y for y in selectors.status_list(
        user=coach, municipality_ids=[team_municipality_id()])}
    assert rows["Achternaam2"].confirmed_on == TODAY and not rows["Achternaam2"].stale
    unknown = selectors.status_list(user=coach, municipality_ids=[team_municipality_id()],
                                    status=LeaverStatus.UNKNOWN)
    assert [y.family_name for y in unknown] == ["Achternaam1"]
    # Someone without a reason for these files sees the counts, not the names.
    stranger = member(Role.JONGERENCOACH_WERK)
    assert not selectors.status_list(user=stranger,
                                     municipality_ids=[team_municipality_id()]).exists()


def test_status_list_page_shows_counts_and_pages(team_and_coach, client):
    from route27.outreach.tests.factories import valid_bsn

    team, coach = team_and_coach
    _import(team, coach, [_person(n, valid_bsn(700 + n)) for n in range(1, 4)])
    client.force_login(coach)
    page = client.get(reverse("outreach:status_list") + "?status=unknown").content.decode()
    assert "Achternaam1" in page and "Niet bekend" in page


def test_a_trajectory_that_stopped_early_comes_back_for_re_approach(team_and_coach, settings):
    team, coach = team_and_coach
    settings.ROUTE27_REAPPROACH_DAYS = 0
    youth = YouthFactory(team=team, municipality=real_municipality(AALSMEER))
    trajectory = TrajectoryFactory(youth=youth, team=team, intake=True, actor=coach)
    walk(trajectory, actor=coach, to=Step.CLOSED, outflow_reason="niet_bereikbaar")
    listed = list(selectors.reapproach_list(user=coach))
    assert [t.pk for t in listed] == [trajectory.pk]
    case = services.reapproach_open(actor=coach, trajectory=trajectory)
    assert case.source == OutreachCase.Source.REAPPROACH
    assert not selectors.reapproach_list(user=coach).exists()
    with pytest.raises(TransitionRefused):
        services.reapproach_open(actor=coach, trajectory=trajectory)
