"""The results dashboard page: counts for the user's own municipalities only, at a chosen
reference date; other roles are refused; every view of it is in the audit log."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from route27.audit.models import AuditEntry
from route27.monitoring.tests.test_indicators import D1, D2, history  # noqa: F401 (fixture)
from route27.organisations.roles import Role
from route27.organisations.tests.factories import UTRECHT, TeamFactory, member, real_municipality

pytestmark = pytest.mark.django_db


def test_a_team_lead_sees_the_figures_at_a_reference_date(client, history):  # noqa: F811
    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    url = reverse("monitoring:dashboard")
    page = client.get(url, {"gemeente": history["aalsmeer"].code,
                            "peildatum": D1.isoformat(), "van": "2026-01-01",
                            "tot": "2026-06-30"}).content.decode()
    assert "Jongeren in traject</dt><dd>2</dd>" in page
    assert "Uitstroom naar duurzaam werk</dt><dd>1</dd>" in page
    assert 'id="chart-steps"' in page and "<canvas" in page
    page = client.get(url, {"gemeente": history["aalsmeer"].code,
                            "peildatum": D2.isoformat()}).content.decode()
    assert "Jongeren in nazorg</dt><dd>1</dd>" in page
    assert AuditEntry.objects.filter(object_type="dashboard", actor=lead).count() == 2


def test_another_municipality_cannot_be_chosen(client, history):  # noqa: F811
    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": real_municipality(UTRECHT).code}).content.decode()
    assert "Aalsmeer" in page and "Utrecht, peildatum" not in page


def test_coaches_and_schools_do_not_see_the_dashboard(client, history):  # noqa: F811
    client.force_login(history["coach"])
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
    client.force_login(member(Role.SCHOOL_CONTACT, team=TeamFactory()))
    assert client.get(reverse("monitoring:dashboard")).status_code == 403


def test_a_future_reference_date_is_refused(client, history):  # noqa: F811
    client.force_login(member(Role.BELEIDSADVISEUR, team=history["team"]))
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": history["aalsmeer"].code,
        "peildatum": (datetime.date.today() + datetime.timedelta(days=30)).isoformat()})
    assert "De peildatum ligt in de toekomst." in page.content.decode()
