"""Issue 15 (first part): the regional coordinator of Agglomeratie Amsterdam opens the
programme's workspace, sees the parties, the steps and the streefcijfers, adds a streefcijfer
and works on a step; a policy adviser reads it. Axe 0 violations, no CSP or JS errors."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login


@pytest.mark.django_db(transaction=True)
def test_the_coordinator_keeps_the_programme(page, live_server, demo_data):
    base = live_server.url
    login(page, base, "regio.grootamsterdam")
    page.goto(f"{base}/programma/")
    expect(page.locator("h1")).to_have_text("Regionaal programma 2026–2029")
    expect(page.locator("#partijen")).to_contain_text("Amstelveen")
    expect(page.locator("#streefcijfers")).to_contain_text("2026/2027")
    assert_accessible(page, "het regionaal programma")
    page.get_by_role("link", name="Streefcijfer toevoegen of wijzigen").click()
    page.get_by_label("Streefcijfer").select_option("neet")
    page.get_by_label("Jaar").select_option("2027")
    page.get_by_label("Maximum").fill("8800")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".utrecht-form-field-error-message")).to_contain_text("vereist")
    page.get_by_label("Onderbouwing").fill("Een daling van twee procent per jaar.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#streefcijfers")).to_contain_text("8800")
    page.get_by_role("link", name="5. Begroting").click()
    page.get_by_label("In bewerking").check()
    page.get_by_label("Tekst").fill("De werkgroepen leveren hun ramingen in maart.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#stappen")).to_contain_text("In bewerking")
    assert_accessible(page, "het regionaal programma na bewerken")
    assert not page.problems.csp and not page.problems.errors
    page.context.clear_cookies()
    login(page, base, "beleid.amstelveen")
    page.goto(f"{base}/programma/")
    expect(page.locator("#streefcijfers")).to_contain_text("8800")
    assert page.get_by_role("link", name="Streefcijfer toevoegen of wijzigen").count() == 0
