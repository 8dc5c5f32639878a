"""Issue 14: the results dashboard in a real browser. A beleidsadviseur opens it, switches the
reference date and the municipality, and sees the charts drawn (canvases with a Chart); the
regional coordinator sees the region's small multiples; a team lead the capacity page. Axe 0
violations, no CSP or JavaScript errors."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login

DRAWN = ("(selector) => { const all = [...document.querySelectorAll(selector)];"
         " return all.length > 0 && all.every(c => c.width > 0 && Chart.getChart(c)); }")


def _clean(page) -> None:
    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
    assert not page.problems.errors, "JavaScript-fouten:\n" + "\n".join(page.problems.errors)


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_switches_date_and_municipality(page, live_server, demo_data):
    base = live_server.url
    login(page, base, "beleid.amstelveen")
    page.goto(f"{base}/resultaten/")
    expect(page.locator("h1")).to_have_text("Resultaten")
    expect(page.locator(".r27-lead")).to_contain_text("Aalsmeer")  # the first, by name
    page.wait_for_function(DRAWN, arg="canvas[data-chart]")
    assert page.locator("canvas[data-chart]").count() >= 3  # steps, trend, entrances
    assert_accessible(page, "het resultatendashboard")
    first = page.locator("#stock").inner_text()
    earlier = datetime.date.today() - datetime.timedelta(days=200)
    page.locator("#id_peildatum").fill(earlier.isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    page.wait_for_function(DRAWN, arg="canvas[data-chart]")
    assert page.locator("#stock").inner_text() != first  # fewer youth were in view then
    page.locator("#id_gemeente").select_option(label="Amstelveen")
    with page.expect_navigation():
        page.get_by_role("button", name="Tonen").click()
    expect(page.locator(".r27-lead")).to_contain_text("Amstelveen")
    expect(page.locator("#tabel-indicatoren")).to_contain_text("op koers")  # demo targets
    if target := os.environ.get("ROUTE27_SCREENSHOT_DIR"):  # docs/screens/, for the README
        page.screenshot(path=str(Path(target) / "resultaten.png"), full_page=True)
    page.wait_for_function(DRAWN, arg="canvas[data-chart]")
    assert_accessible(page, "het resultatendashboard van een andere gemeente")
    with page.expect_download() as download:
        page.get_by_role("link", name="alle tabellen (Excel)").click()
    assert download.value.suggested_filename == "resultaten.xlsx"
    _clean(page)


@pytest.mark.django_db(transaction=True)
def test_the_region_and_the_capacity_pages_draw(page, live_server, demo_data):
    base = live_server.url
    login(page, base, "regio.grootamsterdam")
    page.goto(f"{base}/resultaten/regio/")
    expect(page.locator("h1")).to_have_text("Resultaten van de regio")
    page.wait_for_function(DRAWN, arg="canvas[data-small]")
    expect(page.locator("#tabel-regio")).to_contain_text("Amstelveen")
    if target := os.environ.get("ROUTE27_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(target) / "resultaten-regio.png"), full_page=True)
    assert_accessible(page, "de resultaten van de regio")
    _clean(page)
    page.context.clear_cookies()
    login(page, base, "teamleider.amstelveen")
    page.goto(f"{base}/resultaten/capaciteit/")
    page.wait_for_function(DRAWN, arg="canvas[data-chart]")
    expect(page.locator("#capacity")).to_contain_text("%")
    assert_accessible(page, "de capaciteit van het team")
    _clean(page)
