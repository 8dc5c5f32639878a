"""The leavers import in a real browser: the school uploads a file, the progress page refreshes
itself (htmx polling) while the task worker checks the rows, the preview shows only what the
school typed, and after the confirmation the worker makes the drafts. axe checks every page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login
from route27.youth.tests.factories import valid_bsn

SCHOOL = "school.mbo"
HEADER = ("bsn;voornamen;voorvoegsel;achternaam;geboortedatum;woongemeente;opleiding;niveau;"
          "datum_uitschrijving;diploma")
FAMILY = "Verzonnen-Import"  # fictional
NAMES = [("Fenna", FAMILY), ("Joris", FAMILY), ("Sanne", FAMILY)]


def _worker() -> None:
    """The task worker as `make run` starts it, here until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_school_imports_leavers_with_progress(page, live_server, demo_data, tmp_path):
    base = live_server.url
    left = (timezone.localdate() - datetime.timedelta(days=14)).strftime("%d-%m-%Y")
    lines = [HEADER] + [
        f"{valid_bsn(4100 + n)};{given};;{family};03-04-2007;0358;Entree;1;{left};ja"
        for n, (given, family) in enumerate(NAMES)]
    upload = tmp_path / "schoolverlaters.csv"
    upload.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")

    login(page, base, SCHOOL)
    page.goto(f"{base}/overdracht/import/")
    expect(page.locator("h1")).to_have_text("Schoolverlaters importeren")
    page.set_input_files("input[type=file]", str(upload))
    with page.expect_navigation():
        page.get_by_role("button", name="Bestand controleren").click()

    # The check waits for the worker: the page says how far it is and polls every 2 s.
    expect(page).to_have_url(re.compile(r"/overdracht/import/[0-9a-f-]{36}/$"))
    expect(page.locator("h1")).to_have_text("Het bestand wordt gecontroleerd")
    expect(page.get_by_role("status")).to_contain_text("0 van 3 rijen verwerkt")
    assert_accessible(page, "de voortgang van de controle")
    _worker()
    expect(page.locator("h1")).to_have_text("Import bevestigen", timeout=15_000)
    preview = page.locator("table")
    for given, family in NAMES:
        expect(preview).to_contain_text(f"{given} {family}")
    assert valid_bsn(4100) not in page.content()
    assert_accessible(page, "de bevestiging van de import")

    with page.expect_navigation():
        page.get_by_role("button", name="3 concept-overdrachten maken").click()
    expect(page.locator("h1")).to_have_text("De concept-overdrachten worden gemaakt")
    _worker()
    expect(page.locator("h1")).to_have_text("Concept-overdrachten gemaakt", timeout=15_000)
    expect(page.get_by_text("Er zijn 3 concept-overdrachten gemaakt")).to_be_visible()
    assert_accessible(page, "de gemaakte concept-overdrachten")
    with page.expect_navigation():
        page.get_by_role("link", name=f"{NAMES[0][0]} {NAMES[0][1]}").click()
    expect(page.locator("h1")).to_contain_text(f"{NAMES[0][0]} {NAMES[0][1]}")

    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
    assert not page.problems.errors, "JavaScript-fouten:\n" + "\n".join(page.problems.errors)
