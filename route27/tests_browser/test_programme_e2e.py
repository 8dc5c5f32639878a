"""Issue 15 (first part): the regional coordinator of Agglomeratie Amsterdam opens the
programme's workspace, sees the parties, the steps and the streefcijfers, adds a streefcijfer
and works on a step; a policy adviser reads it. Axe 0 violations, no CSP or JS errors."""

from __future__ import annotations

import datetime

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
    expect(page.locator("#open-themes")).to_contain_text("4c")
    page.get_by_role("link", name="Afspraak toevoegen").click()
    page.get_by_label("Onderwerp").select_option(label="4c Ondersteuning van jongeren met "
                                                       "meervoudige problematiek")
    page.get_by_label("Afspraak").fill("Sociaal team aan tafel")
    page.get_by_label("Uitwerking").fill("Het sociaal team neemt deel aan het casusoverleg.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#afspraken")).to_contain_text("Sociaal team aan tafel")
    expect(page.locator("#open-themes")).not_to_contain_text("4c ·")
    page.get_by_role("link", name="Maatregel toevoegen").click()
    page.get_by_label("Maatregel", exact=True).fill("Jongerenloket op het mbo")
    page.get_by_label("Omschrijving").fill("Een loket op elke mbo-locatie van de regio.")
    page.get_by_label("Er is een relatie met de regionale analyse.").fill("Uitval in jaar 1.")
    page.get_by_label("Definitief: elke voorwaarde is onderbouwd").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("pas definitief als elke voorwaarde")
    assert_accessible(page, "een maatregel die nog niet definitief kan")
    page.get_by_label("Definitief: elke voorwaarde is onderbouwd").uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#maatregelen")).to_contain_text("4 zonder onderbouwing")
    page.get_by_role("link", name="Begroting bijwerken").click()
    page.locator("#id_measure").select_option(label="Jongerenloket op het mbo")
    page.get_by_label("Bron", exact=True).select_option("school_subsidy")
    page.get_by_label("Bedrag (euro)").fill("40.000,00")
    page.get_by_label("Eigenaar").fill("Mbo-college Amstelland")
    with page.expect_navigation():
        page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator("#tabel-begroting")).to_contain_text("40.000,00")
    assert_accessible(page, "de begroting")
    page.get_by_role("link", name="Terug naar het programma").click()
    assert_accessible(page, "het regionaal programma na bewerken")
    # The parties sign: the contactgemeente, the contactschool and the centrumgemeenten of
    # both arbeidsmarktregio's the region overlaps (Groot Amsterdam, Zaanstreek/Waterland).
    for _party in range(4):
        page.get_by_role("link", name="Ondertekening vastleggen").click()
        page.get_by_label("Naam van de ondertekenaar").fill("A. Bestuurder")
        page.get_by_label("Functie").fill("Wethouder")
        page.get_by_label("Ondertekend op").fill(datetime.date.today().isoformat())
        with page.expect_navigation():
            page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("Versie 1: Ondertekend.")
    with page.expect_navigation():
        page.get_by_role("button", name="Nieuwe versie maken").click()
    expect(page.locator("body")).to_contain_text("Versie 2: In voorbereiding.")
    assert_accessible(page, "versie 2 van het regionaal programma")
    assert not page.problems.csp and not page.problems.errors
    page.context.clear_cookies()
    login(page, base, "beleid.amstelveen")
    page.goto(f"{base}/programma/")
    expect(page.locator("#streefcijfers")).to_contain_text("8800")
    assert page.get_by_role("link", name="Streefcijfer toevoegen of wijzigen").count() == 0
