"""Issue 14 (first part): the results dashboard in a real browser. A beleidsadviseur opens it,
switches the reference date, and sees the chart drawn (a canvas with pixels), with axe 0 and
no CSP or JavaScript errors."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_draws_its_chart_at_a_reference_date(page, live_server, demo_data):
    base = live_server.url
    login(page, base, "beleid.amstelveen")
    page.goto(f"{base}/resultaten/")
    expect(page.locator("h1")).to_have_text("Resultaten")
    expect(page.locator(".r27-lead")).to_contain_text("Amstelveen")
    drawn = "() => { const c = document.getElementById('chart-steps-canvas');" \
            " return c && c.width > 0 && Chart.getChart(c) !== undefined; }"
    page.wait_for_function(drawn)
    assert_accessible(page, "het resultatendashboard")
    first = page.locator("#stock").inner_text()
    earlier = datetime.date.today() - datetime.timedelta(days=200)
    page.locator("#id_peildatum").fill(earlier.isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    expect(page.locator(".r27-lead")).to_contain_text("peildatum")
    page.wait_for_function(drawn)
    assert page.locator("#stock").inner_text() != first  # fewer youth were in view then
    assert_accessible(page, "het resultatendashboard op een eerdere peildatum")
    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
    assert not page.problems.errors, "JavaScript-fouten:\n" + "\n".join(page.problems.errors)
