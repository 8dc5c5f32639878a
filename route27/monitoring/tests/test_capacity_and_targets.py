"""A team lead sees the team's weighted caseload and when it runs full, and keeps its norm; a
beleidsadviseur sets targets that the dashboard sets beside the figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from route27.audit.models import AuditEntry
from route27.core.errors import Refused, ValidationFailed
from route27.monitoring import selectors, services
from route27.monitoring.indicators import INDICATORS
from route27.monitoring.models import CapacityNorm, Target
from route27.monitoring.targets import progress
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories import services as trajectory_services
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    aalsmeer = real_municipality()
    team = TeamFactory(organisation=OrganisationFactory(municipality=aalsmeer), serves=[aalsmeer])
    coach = member(Role.DOORSTROOMCOACH, team=team)
    lead = member(Role.TEAMLEIDER, team=team)
    today = datetime.date.today()
    for intensity, born in [("licht", 2007), ("intensief", 2007),
                            ("middelzwaar", today.year - 25)]:
        youth = YouthFactory(team=team, municipality=aalsmeer, birth_year=born)
        trajectory = trajectory_services.trajectory_start(actor=coach, youth=youth,
                                                          entrance="staff", team=team)
        trajectory_services.intake_record(actor=coach, trajectory=trajectory,
                                          intensity=intensity, answers={})
        contact_person_assign(actor=coach, youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
    waiting = YouthFactory(team=team, municipality=aalsmeer)
    trajectory_services.trajectory_start(actor=coach, youth=waiting, entrance="staff",
                                         team=team)
    return {"team": team, "coach": coach, "lead": lead, "aalsmeer": aalsmeer}


def test_the_caseload_is_weighted_by_intensity_age_and_benefit(team):
    result = selectors.capacity(team["team"])
    coach = next(c for c in result.coaches if c.user == team["coach"])
    # licht 1.0, intensief 2.5, middelzwaar 1.5 × 1.2 (over 23); all × 1.2 without a benefit
    assert coach.youth == 3
    assert coach.points == Decimal("6.4")  # (1 + 2.5 + 1.8) × 1.2 = 6.36
    assert result.waiting == 1 and result.waiting_days == [0]
    assert result.weeks[-1].inflow == 4
    assert result.capacity == Decimal(40)  # one coach, one fte, norm 40


def test_the_team_lead_keeps_the_norm_and_nobody_else(team, client):
    values = {"norm_points": "30", "weight_light": "1", "weight_medium": "2",
              "weight_intensive": "3", "factor_over_23": "1", "factor_no_benefit": "1"}
    membership = team["coach"].memberships.get()
    services.capacity_norm_save(actor=team["lead"], team=team["team"], values=values,
                                fte={membership.pk: "0,5"})
    result = selectors.capacity(team["team"])
    coach = next(c for c in result.coaches if c.user == team["coach"])
    assert coach.points == Decimal("6.0") and coach.capacity == Decimal(15)
    assert coach.use == 40
    with pytest.raises(ValidationFailed) as failed:
        services.capacity_norm_save(actor=team["lead"], team=team["team"],
                                    values={**values, "weight_light": "veel"}, fte={})
    assert "weight_light" in failed.value.field_errors
    assert CapacityNorm.objects.get().weight_light == Decimal(1)  # nothing half-written
    with pytest.raises(Refused):
        services.capacity_norm_save(actor=team["coach"], team=team["team"], values=values,
                                    fte={})
    client.force_login(team["lead"])
    page = client.get(reverse("monitoring:capacity")).content.decode()
    assert "Gewogen caseload per contactpersoon" in page and 'id="chart-caseload"' in page
    response = client.post(reverse("monitoring:capacity") + f"?team={team['team'].pk}",
                           {**values, "norm_points": "0"})
    assert "Vul een getal van 1 tot en met 500 in." in response.content.decode()
    client.force_login(team["coach"])
    assert client.get(reverse("monitoring:capacity")).status_code == 403


def test_targets_are_set_by_the_beleidsadviseur_and_shown_against_the_figures(team, client):
    adviser = member(Role.BELEIDSADVISEUR, team=team["team"])
    services.targets_save(actor=adviser, municipality=team["aalsmeer"], year=2026,
                          values={"inflow": "120", "to_education": "", "in_aftercare": "10"})
    assert dict(Target.objects.values_list("indicator", "value")) == {
        "inflow": 120, "in_aftercare": 10}
    with pytest.raises(ValidationFailed):
        services.targets_save(actor=adviser, municipality=team["aalsmeer"], year=2026,
                              values={"inflow": "-3", "in_aftercare": "11"})
    assert Target.objects.get(indicator="in_aftercare").value == 10
    with pytest.raises(Refused):
        services.targets_save(actor=adviser, municipality=real_municipality(UTRECHT),
                              year=2026, values={"inflow": "5"})
    with pytest.raises(Refused):
        services.targets_save(actor=team["lead"], municipality=team["aalsmeer"], year=2026,
                              values={"inflow": "5"})
    assert AuditEntry.objects.filter(object_type="target", actor=adviser).count() == 2
    client.force_login(adviser)
    response = client.post(reverse("monitoring:targets") + "?gemeente=GM0358&jaar=2026",
                           {"inflow": "veel"})
    assert "Vul een geheel aantal" in response.content.decode()
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": "GM0358", "peildatum": "2026-06-30", "van": "2026-01-01",
        "tot": "2026-06-30"}).content.decode()
    assert "niet op koers" in page  # 120 a year, and far fewer by 30 June


def test_progress_is_pro_rata_for_flows_and_a_level_for_stock():
    inflow, aftercare = INDICATORS["inflow"], INDICATORS["in_aftercare"]
    middle = datetime.date(2026, 7, 2)  # day 183 of 365
    assert progress(inflow, day=middle, target=100, actual=51).status == "op koers"
    mark = progress(inflow, day=middle, target=100, actual=40)
    assert mark.status == "niet op koers" and mark.needed == "+10,0"  # 60 over ~6 months
    assert progress(aftercare, day=middle, target=10, actual=4).needed == "+1,0"
    assert progress(INDICATORS["average_days"], day=middle, target=200,
                    actual=150.0).status == "op koers"
    assert progress(inflow, day=middle, target=None, actual=3).status == ""
