"""A regional coordinator sees the municipalities of their region side by side, counts only,
with 1–4 suppressed and never given back by a total or a subtraction; no other region."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from route27.audit.models import AuditEntry
from route27.monitoring.tests.test_indicators import D1, history, on  # noqa: F401 (fixture)
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AMSTELVEEN,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories import services
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(history):  # noqa: F811
    amstelveen = real_municipality(AMSTELVEEN)
    team = TeamFactory(organisation=OrganisationFactory(municipality=amstelveen),
                       serves=[amstelveen])
    coach = member(Role.DOORSTROOMCOACH, team=team)
    with on(D1.replace(day=1, month=2)):
        for _ in range(7):
            services.trajectory_start(actor=coach, youth=YouthFactory(
                team=team, municipality=amstelveen), entrance="staff", team=team)
    coordinator = member(Role.REGIONAL_COORDINATOR, team=team)
    real_municipality("GM0437")  # Ouder-Amstel, in the region, without youth
    return {**history, "amstelveen": amstelveen, "coordinator": coordinator}


def row(page: str, name: str) -> list[str]:
    found = re.search(rf'scope="row">{re.escape(name)}</th>(.*?)</tr>', page)
    assert found, name
    return re.findall(r"<td[^>]*>([^<]*)</td>", found.group(1))


def test_the_region_shows_each_municipality_with_small_counts_suppressed(client, region):
    client.force_login(region["coordinator"])
    page = client.get(reverse("monitoring:region"), {
        "peildatum": D1.isoformat(), "van": "2026-01-01", "tot": "2026-03-01"}).content.decode()
    aalsmeer, amstelveen, total = row(page, "Aalsmeer"), row(page, "Amstelveen"), row(
        page, "Totaal")
    assert aalsmeer[0] == "&lt; 5"  # 2 in a trajectory
    assert amstelveen[0] == "&lt; 5"  # 7, hidden as well: else 9 − 7 gives Aalsmeer's 2
    assert total[0] == "9", (aalsmeer, amstelveen, total)
    assert "Ouder-Amstel" in page  # every municipality of the region, with its zeros
    for cells in (aalsmeer, amstelveen, total):
        assert not any(c.strip() in {"1", "2", "3", "4"} for c in cells), cells
    assert page.count('data-small="1"') >= 2  # small multiples, one per municipality
    entry = AuditEntry.objects.filter(actor=region["coordinator"], object_type="dashboard").get()
    assert entry.object_id == region["amstelveen"].doorstroompunt_region.code


def test_exports_of_the_region_are_suppressed_too(client, region):
    client.force_login(region["coordinator"])
    csv = client.get(reverse("monitoring:region_export", args=["csv"]), {
        "peildatum": D1.isoformat(), "van": "2026-01-01", "tot": "2026-03-01",
        "tabel": "regio"}).content.decode("utf-8-sig")
    lines = {line.split(";")[0]: line.split(";")[1:] for line in csv.splitlines()}
    assert lines["Aalsmeer"][0] == "< 5" and lines["Totaal"][0] == "9"


def test_another_region_and_other_roles_are_refused(client, region):
    client.force_login(region["coordinator"])
    utrecht = real_municipality(UTRECHT).doorstroompunt_region
    page = client.get(reverse("monitoring:region"), {"regio": utrecht.code}).content.decode()
    assert "Selecteer een geldige keuze" in page and "Utrecht," not in page
    client.force_login(member(Role.TEAMLEIDER, team=region["team"]))
    assert client.get(reverse("monitoring:region")).status_code == 403
    client.force_login(member(Role.REGIONAL_COORDINATOR, team=region["team"]))
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
