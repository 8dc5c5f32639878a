"""The results dashboard page: counts for the user's own municipalities only, at a chosen
reference date; other roles are refused; every view and export is in the audit log."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.urls import reverse

from route27.audit.models import AuditEntry
from route27.monitoring.tests.test_indicators import D1, D2, history  # noqa: F401 (fixture)
from route27.organisations.roles import Role
from route27.organisations.tests.factories import UTRECHT, TeamFactory, member, real_municipality

pytestmark = pytest.mark.django_db


def cell(page: str, row: str) -> str:
    """The first value of the table row named ``row``."""
    found = re.search(rf'scope="row">{re.escape(row)}</th><td[^>]*>([^<]*)</td>', page)
    assert found, f"no row {row!r}"
    return found.group(1)


def test_a_team_lead_sees_the_figures_at_a_reference_date(client, history):  # noqa: F811
    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    url = reverse("monitoring:dashboard")
    page = client.get(url, {"gemeente": history["aalsmeer"].code,
                            "peildatum": D1.isoformat(), "van": "2026-01-01",
                            "tot": "2026-06-30"}).content.decode()
    assert "Jongeren in traject</dt><dd>2</dd>" in page
    assert cell(page, "Uitgestroomd naar duurzaam werk") == "1"
    assert cell(page, "Jongeren overgedragen vanuit school") == "1"
    assert 'id="chart-stappen"' in page and "<canvas" in page
    assert 'id="chart-trend"' in page
    assert cell(page, "Nieuwe voortijdig schoolverlaters 2023/2024, Aalsmeer") == (
        "60 van 2.870 leerlingen (2,1%)")
    page = client.get(url, {"gemeente": history["aalsmeer"].code,
                            "peildatum": D2.isoformat()}).content.decode()
    assert "Jongeren in nazorg</dt><dd>1</dd>" in page
    assert AuditEntry.objects.filter(object_type="dashboard", actor=lead).count() == 2


def test_a_team_lead_narrows_to_a_coach_and_an_age_band(client, history):  # noqa: F811
    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": history["aalsmeer"].code, "peildatum": D1.isoformat(),
        "coach": history["coach"].pk, "leeftijd": "neet"}).content.decode()
    assert "Jongeren in traject</dt><dd>1</dd>" in page
    assert "Status van schoolverlaters" not in page  # a whole-municipality figure
    entry = AuditEntry.objects.filter(object_type="dashboard", actor=lead).latest("id")
    assert entry.detail["coach"] == history["coach"].pk and entry.detail["age"] == "neet"


def test_another_municipality_cannot_be_chosen(client, history):  # noqa: F811
    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": real_municipality(UTRECHT).code}).content.decode()
    assert "Aalsmeer, peildatum" in page and "Utrecht, peildatum" not in page
    other = member(Role.DOORSTROOMCOACH, team=TeamFactory())
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": history["aalsmeer"].code, "coach": other.pk}).content.decode()
    assert "Selecteer een geldige keuze" in page  # not a coach of the lead's teams


def test_coaches_and_schools_do_not_see_the_dashboard(client, history):  # noqa: F811
    client.force_login(history["coach"])
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
    client.force_login(member(Role.SCHOOL_CONTACT, team=TeamFactory()))
    assert client.get(reverse("monitoring:dashboard")).status_code == 403
    assert client.get(reverse("monitoring:dashboard_export", args=["xlsx"])).status_code == 403


def test_a_future_reference_date_is_refused(client, history):  # noqa: F811
    client.force_login(member(Role.BELEIDSADVISEUR, team=history["team"]))
    page = client.get(reverse("monitoring:dashboard"), {
        "gemeente": history["aalsmeer"].code,
        "peildatum": (datetime.date.today() + datetime.timedelta(days=30)).isoformat()})
    assert "De peildatum ligt in de toekomst." in page.content.decode()


def test_every_table_downloads_and_each_download_is_audited(client, history):  # noqa: F811
    from openpyxl import load_workbook

    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    query = {"gemeente": history["aalsmeer"].code, "peildatum": D1.isoformat(),
             "van": "2026-01-01", "tot": "2026-06-30"}
    csv = client.get(reverse("monitoring:dashboard_export", args=["csv"]),
                     {**query, "tabel": "indicatoren"})
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert "Uitgestroomd naar duurzaam werk;1;" in text
    assert client.get(reverse("monitoring:dashboard_export", args=["csv"]),
                      query).status_code == 400  # which table?
    book = load_workbook(io.BytesIO(client.get(
        reverse("monitoring:dashboard_export", args=["xlsx"]), query).content))
    assert "Indicatoren" in book.sheetnames and len(book.sheetnames) >= 8
    pdf = client.get(reverse("monitoring:dashboard_export", args=["pdf"]), query)
    assert pdf.content.startswith(b"%PDF") and "resultaten.pdf" in pdf["Content-Disposition"]
    exports = AuditEntry.objects.filter(object_type="dashboard", actor=lead, action="export")
    assert sorted(e.detail["format"] for e in exports) == ["csv", "pdf", "xlsx"]
    assert client.get("/resultaten/export/docx/").status_code == 404


def test_the_drill_down_lists_only_youth_the_user_may_see(client, history):  # noqa: F811
    query = {"gemeente": history["aalsmeer"].code, "peildatum": D1.isoformat(),
             "indicator": "in_trajectory"}
    lead = member(Role.TEAMLEIDER, team=history["team"])
    client.force_login(lead)
    page = client.get(reverse("monitoring:youth_list"), query).content.decode()
    a, c = history["a"].youth, history["c"].youth
    assert a.full_name in page and c.full_name in page and "2 jongeren die u mag zien" in page
    reads = AuditEntry.objects.filter(actor=lead, action="read", object_type="trajectory")
    assert reads.count() == 2
    adviser = member(Role.BELEIDSADVISEUR, team=history["team"])  # counts, no files
    client.force_login(adviser)
    page = client.get(reverse("monitoring:youth_list"), query).content.decode()
    assert a.full_name not in page and "geen jongeren in deze telling" in page
    utrecht_lead = member(Role.TEAMLEIDER, team=TeamFactory(serves=[real_municipality(UTRECHT)]))
    client.force_login(utrecht_lead)
    page = client.get(reverse("monitoring:youth_list"), query).content.decode()
    assert a.full_name not in page and "Aalsmeer, peildatum" not in page
    assert client.get(reverse("monitoring:youth_list"), {
        **query, "indicator": "inflow"}).status_code == 404  # a flow has no list
