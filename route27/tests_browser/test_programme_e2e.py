"""Issue 15, Done when: the regional coordinator of Agglomeratie Amsterdam fills the programme
(streefcijfers, three agreements with the open mandatory themes shown, two maatregelen of which
one is blocked for a missing justification, a budget, youth participation); the parties sign;
an amendment makes version 2; the effectrapportage 2026 is generated as PDF and XLSX and shows
a maatregel's reach from tagged trajectories. The contactgemeente keeps the programme, the
centrumgemeente sees its comparison. Axe 0 violations, no CSP or JS errors."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

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
    for theme, title in (("4a Samenwerking pro-, vso- en mbo-scholen en gemeenten, met het "
                          "overgangsdocument", "Warme overdracht"),
                         ("4f Praktijkgerichte bij- en omscholing van jongeren zonder "
                          "startkwalificatie", "Leerwerkloket")):
        page.get_by_role("link", name="Afspraak toevoegen").click()
        page.get_by_label("Onderwerp").select_option(label=theme)
        page.get_by_label("Afspraak").fill(title)
        page.get_by_label("Uitwerking").fill("Zo werken wij samen.")
        with page.expect_navigation():
            page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#afspraken")).to_contain_text("Leerwerkloket")
    expect(page.locator("#open-themes")).not_to_contain_text("4a ·")
    page.get_by_role("link", name="Maatregel toevoegen").click()
    page.get_by_label("Maatregel", exact=True).fill("Werkplaats voor nieuwkomers")
    page.get_by_label("Omschrijving").fill("Taal en werk in één traject.")
    for field in page.locator("textarea[id^=id_condition_]").all():
        field.fill("Onderbouwd in de regionale analyse.")
    page.get_by_label("Definitief: elke voorwaarde is onderbouwd").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#maatregelen")).to_contain_text("alle vijf onderbouwd")
    page.get_by_role("link", name="Jongerenparticipatie vastleggen").click()
    page.get_by_label("Datum").fill(datetime.date.today().isoformat())
    page.get_by_label("Vorm").select_option("session")
    page.get_by_label("Welke jongeren").fill("Nieuwkomers van de ISK")
    page.get_by_label("Inbreng van de jongeren").fill("Taalles op de werkplek.")
    page.locator("#id_effect").fill("De werkplaats geeft taalles op de werkvloer.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".utrecht-form-field-error-message")).to_contain_text("onderdeel")
    page.locator("#id_step").select_option("agreements")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#jongeren")).to_contain_text("Taalles op de werkplek.")
    expect(page.locator("#tabel-bereik")).to_contain_text("Jongerenloket Amstelland")
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
    # The effectrapportage 2026, on the signed version 1.
    page.get_by_role("link", name="Effectrapportage 2026").click()
    reach = page.locator("section", has=page.locator("#part-4"))
    expect(reach).to_contain_text("Jongerenloket Amstelland")
    expect(page.locator("section", has=page.locator("#part-5"))).to_contain_text("6")
    page.locator("#id_realised_neet-2026").fill("8700")
    page.locator("#id_explanation_neet-2026").fill("Behaald: de sluitende aanpak werkt.")
    page.get_by_label("Voortgang maatregel: Jongerenloket Amstelland").fill(
        "Open op drie locaties.")
    page.get_by_label("Toelichting van de partners").fill("Samen opgesteld in de kerngroep.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("section", has=page.locator("#part-2"))).to_contain_text("8700")
    expect(reach).to_contain_text("Open op drie locaties.")
    assert_accessible(page, "de effectrapportage")
    if target := os.environ.get("ROUTE27_SCREENSHOT_DIR"):  # docs/screens/, for the README
        page.screenshot(path=str(Path(target) / "effectrapportage.png"), full_page=True)
    for name, magic in (("PDF", b"%PDF"), ("Excel (indeling van het DUO-formulier)", b"PK")):
        with page.expect_download() as download:
            page.get_by_role("link", name=name, exact=True).click()
        with open(download.value.path(), "rb") as handle:
            assert handle.read(4).startswith(magic)
    page.get_by_role("link", name="Terug naar het programma").click()
    with page.expect_download() as download:  # the signed version 1, in the format's order
        page.get_by_role("link", name="PDF", exact=True).click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    page.get_by_role("link", name="Subsidieaanvraag, voorstellen en termijnen").click()
    expect(page.locator("#subsidy-status")).to_contain_text("Ingediend bij DUO")
    assert_accessible(page, "subsidieaanvraag en termijnen")
    page.get_by_role("link", name="Voorstel toevoegen").click()
    page.get_by_label("Ronde").fill("Voorjaar 2027")
    page.get_by_label("Voorstel", exact=True).fill("Zomerschool")
    page.get_by_label("Indiener").fill("Mbo-college Amstelland")
    page.get_by_label("Bedrag (euro)").fill("25.000")
    page.get_by_label("Besluit", exact=True).select_option("granted")
    page.locator("#id_reason").fill("Past in de analyse.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".utrecht-form-field-error-message")).to_contain_text("elke voorwaarde")
    assert_accessible(page, "een voorstel dat niet aan elke voorwaarde voldoet")
    for box in page.locator("input[id^=id_criterion_]").all():
        box.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#voorstellen")).to_contain_text("Zomerschool")
    page.goto(f"{base}/programma/MC21/wie-bel-ik/")
    expect(page.locator("body")).to_contain_text("Werkcentrum Groot Amsterdam (demo)")
    assert_accessible(page, "de routekaart")
    assert not page.problems.csp and not page.problems.errors
    # The contactgemeente's policy adviser keeps the programme (procesregie).
    page.context.clear_cookies()
    login(page, base, "beleid.amstelveen")
    page.goto(f"{base}/programma/")
    expect(page.locator("#streefcijfers")).to_contain_text("8800")
    assert page.get_by_role("link", name="Streefcijfer toevoegen of wijzigen").count() == 1
    # The centrumgemeente: its home shows the programme and the comparison.
    page.context.clear_cookies()
    login(page, base, "beleid.amsterdam")
    expect(page.locator("#home-programmes")).to_contain_text("Agglomeratie Amsterdam")
    expect(page.locator("#home-comparisons")).to_contain_text("wijk")
    page.locator("#home-comparisons a").first.click()
    expect(page.locator("mark").first).to_be_visible()
    expect(page.locator("#verordeningen")).to_contain_text("Aalsmeer")
    page.get_by_label("Aan gemeente").select_option(label="Aalsmeer")
    page.get_by_label("Advies over de verordening").fill("Stem de intaketermijn af: 4 weken.")
    with page.expect_navigation():
        page.get_by_role("button", name="Advies vastleggen").click()
    expect(page.locator("#advies")).to_contain_text("Stem de intaketermijn af")
    assert_accessible(page, "het overzicht van de centrumgemeente")
    if target := os.environ.get("ROUTE27_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(target) / "arbeidsmarktregio.png"), full_page=True)
    assert not page.problems.csp and not page.problems.errors
