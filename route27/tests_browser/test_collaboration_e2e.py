"""Issue 13, Done when, in a real browser with axe on every page:

A beleidsadviseur imports a 1 000-row outreach CSV with 7 bad rows and watches the progress bar
finish; the report names the 7 rows. A coach works three cases: reached → trajectory; not
reachable; already known → the team holding the youth is told and the coach learns nothing
more. A casusoverleg with a sociaal-team member assigns an action that appears in their task
list; the sociaal-team member takes regie and then sees the file.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from route27.outreach.tests.factories import valid_bsn
from route27.tests_browser.conftest import assert_accessible, login, open_folds

ADVISER, COACH, LEAD_COACH = "beleid.amstelveen", "jongerencoach.amstelveen", \
    "doorstroomcoach.amstelveen"
SOCIAL, SOCIAL_NAME = "sociaalteam.amstelland", "Sanne Samenwerk"
ELSEWHERE = "doorstroomcoach.aalsmeer"
FAMILY = "Verzonnen"  # fictional: Verzonnen1 … Verzonnen1000
ACTION = "Gesprek met schuldhulp plannen"


def _csv(tmp_path) -> str:
    lines = ["BSN;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;Status"]
    for n in range(1, 994):
        born = datetime.date(2004, 1, 1) + datetime.timedelta(days=n % 1500)
        lines.append(f"{valid_bsn(20_000 + n)};Voornaam{n};;{FAMILY}{n};{born:%d-%m-%Y};")
    lines += ["123456789;Fout;;Elfproef;01-01-2005;", ";Geen;;Bsn;01-01-2005;",
              f"{valid_bsn(21_001)};Zonder;;;01-01-2005;",
              f"{valid_bsn(21_002)};Datum;;Fout;31-02-2005;",
              f"{valid_bsn(21_003)};Te;;Oud;01-01-1990;",
              f"{valid_bsn(21_004)};Status;;Onbekend;01-01-2005;met vakantie",
              f"{valid_bsn(20_001)};Dubbel;;Bsn;01-01-2005;"]
    path = tmp_path / "jongeren-in-beeld.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return str(path)


def _worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _visit(page, label: str, heading) -> None:
    expect(page.locator("h1")).to_have_text(heading)
    assert_accessible(page, label)


def _submit(page, name: str) -> None:
    with page.expect_navigation():
        page.locator("#main").get_by_role("button", name=name, exact=True).click()


def _link(page, name: str) -> None:
    with page.expect_navigation():
        page.locator("#main").get_by_role("link", name=name, exact=True).first.click()


def _clean(page) -> None:
    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
    assert not page.problems.errors, "JavaScript-fouten:\n" + "\n".join(page.problems.errors)


def _attempt(page, base: str, n: int, channel: str, outcome: str) -> None:
    page.goto(f"{base}/outreach/?alle=1")
    _visit(page, "de outreachzaken", "Outreachzaken")
    _link(page, f"Voornaam{n} {FAMILY}{n}")
    _visit(page, f"outreachzaak {n}", f"Outreach: Voornaam{n} {FAMILY}{n}")
    page.get_by_label(channel, exact=True).check()
    page.get_by_label(outcome, exact=True).check()
    _submit(page, "Poging vastleggen")
    expect(page.locator(".r27-messages")).to_contain_text("De poging is vastgelegd.")


def _log_out_and_in(page, base: str, username: str) -> None:
    page.context.clear_cookies()
    login(page, base, username)


@pytest.mark.django_db(transaction=True)
def test_outreach_import_cases_casusoverleg_task_and_regie(page, live_server, demo_data,
                                                            tmp_path):
    from route27.casework.models import CaseMeeting, CaseworkNotice
    from route27.organisations.models import Team, User
    from route27.organisations.roles import Role
    from route27.outreach.models import OutreachCase
    from route27.trajectories.services import trajectory_open_or_start
    from route27.youth.services import contact_person_assign

    base = live_server.url
    # 1. The policy adviser imports the delivery and watches the progress bar.
    login(page, base, ADVISER)
    page.goto(f"{base}/outreach/levering/")
    _visit(page, "het uploaden van een levering", "Levering importeren")
    page.get_by_label("Voor het team").select_option(label="Jongerenteam Amstelveen")
    page.get_by_label("Soort levering").select_option(
        label="Jongeren in Beeld (Inlichtingenbureau)")
    page.set_input_files("input[type=file]", _csv(tmp_path))
    _submit(page, "Uploaden")
    _visit(page, "het koppelen van de kolommen", "Kolommen koppelen")
    expect(page.get_by_label("BSN", exact=True)).to_have_value("bsn")
    _submit(page, "Importeren")
    expect(page).to_have_url(re.compile(r"/outreach/levering/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("status")).to_contain_text("0 van 1000 rijen verwerkt")
    _visit(page, "de voortgang van de import", "Levering importeren")
    _worker()
    result = page.locator("#import-result")
    expect(result).to_contain_text("993 nieuwe outreachzaken", timeout=20_000)
    expect(result).to_contain_text("7 rijen afgekeurd")
    rejected = page.locator("#rejected-rows tbody tr")
    expect(rejected).to_have_count(7)
    for number in range(995, 1002):
        expect(page.locator("#rejected-rows")).to_contain_text(str(number))
    expect(page.locator("#rejected-rows")).to_contain_text("elfproef")
    _visit(page, "het verslag van de import", "Levering importeren")
    _clean(page)

    # Meanwhile Verzonnen3 registered with the Aalsmeer team (No Wrong Door).
    third = OutreachCase.objects.get(youth__family_name=f"{FAMILY}3").youth
    elsewhere = User.objects.get(username=ELSEWHERE)
    trajectory_open_or_start(actor=elsewhere, youth=third, entrance="staff",
                             team=Team.objects.get(name="Jongerenteam Aalsmeer"))
    contact_person_assign(actor=elsewhere, youth=third, user=elsewhere,
                          role=Role.DOORSTROOMCOACH)

    # 2. A coach works three cases.
    _log_out_and_in(page, base, COACH)
    _attempt(page, base, 1, "WhatsApp", "Bereikt")
    _submit(page, "Traject starten")
    _visit(page, "het dossier na de outreach", f"Voornaam1 {FAMILY}1")
    _attempt(page, base, 2, "Huisbezoek", "Niet bereikbaar")
    expect(page.locator("dl")).to_contain_text("Niet bereikbaar")
    _attempt(page, base, 3, "Telefoon", "Al in beeld")
    expect(page.locator("dl")).to_contain_text("Gesloten")
    for secret in ("Aalsmeer", "Anouk"):
        assert secret not in page.locator("#main").inner_text()
    assert CaseworkNotice.objects.filter(recipient=elsewhere, youth=third,
                                         kind="reached_elsewhere").exists()
    _clean(page)

    # 3. A casusoverleg with the sociaal team; an action for Sanne.
    _log_out_and_in(page, base, LEAD_COACH)
    page.goto(f"{base}/samenwerking/overleg/nieuw/")
    _visit(page, "het plannen van een casusoverleg", "Casusoverleg plannen")
    page.get_by_label("Naam van het overleg").fill("Casusoverleg outreach")
    page.get_by_label("Datum").fill((timezone.localdate() + datetime.timedelta(days=1))
                                    .isoformat())
    page.get_by_label(re.compile(f"^{SOCIAL_NAME}")).check()
    _submit(page, "Plannen")
    _visit(page, "het casusoverleg", "Casusoverleg outreach")
    first = OutreachCase.objects.get(youth__family_name=f"{FAMILY}1").youth
    page.goto(f"{base}/samenwerking/jongere/{first.public_id}/agenderen/")
    _visit(page, "het agenderen", "Op de agenda van het casusoverleg")
    meeting = CaseMeeting.objects.get(title="Casusoverleg outreach")
    page.get_by_label("Casusoverleg", exact=True).select_option(value=str(meeting.public_id))
    page.get_by_label("Vraag aan het overleg").fill("Schulden en werk: wie doet wat?")
    page.get_by_label(re.compile("^Wettelijke taak")).check()
    _submit(page, "Agenderen")
    _visit(page, "het casusoverleg met agenda", "Casusoverleg outreach")
    expect(page.locator("#main")).to_contain_text(f"Voornaam1 {FAMILY}1")
    CaseMeeting.objects.filter(title="Casusoverleg outreach").update(
        starts_at=timezone.now() - datetime.timedelta(hours=1))  # the meeting took place
    page.reload()
    _link(page, "Verslag en acties vastleggen")
    _visit(page, "het verslag", f"Verslag: Voornaam1 {FAMILY}1")
    page.get_by_label("Wat is besproken").fill("Schulden staan werk in de weg.")
    page.get_by_label("Besluiten").fill("Sociaal team neemt de regie.")
    page.locator("[name=actions-0-description]").fill(ACTION)
    page.locator("[name=actions-0-owner]").select_option(label=SOCIAL_NAME)
    page.locator("[name=actions-0-due_on]").fill(
        (timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    _submit(page, "Verslag vastleggen")
    expect(page.locator(".r27-messages")).to_contain_text("Het verslag is vastgelegd.")
    # The coach asks the sociaal team to take regie, from the file's collaboration block.
    page.goto(f"{base}/jongeren/{first.public_id}/")
    open_folds(page)
    _submit(page, "Vraag Sociaal team Amstelveen-Aalsmeer de regie te nemen")
    expect(page.locator(".r27-messages")).to_contain_text("Het sociaal team is gevraagd")
    _clean(page)

    # 4. The sociaal-team member: the action on the task list, then regie and the file.
    _log_out_and_in(page, base, SOCIAL)
    page.goto(f"{base}/start/taken/")
    _visit(page, "de takenlijst van het sociaal team", "Mijn taken")
    expect(page.locator("#main table")).to_contain_text(ACTION)
    assert f"{FAMILY}1" not in page.locator("#main table").inner_text()  # first names only
    page.goto(f"{base}/samenwerking/regie/")
    _visit(page, "de regieverzoeken", "Regie sociaal team")
    _link(page, f"Voornaam1 {FAMILY}1")
    _visit(page, "het regieverzoek", f"Regie over Voornaam1 {FAMILY}1")
    _submit(page, "Regie nemen")
    expect(page.locator("h1")).to_have_text(f"Voornaam1 {FAMILY}1")
    open_folds(page)
    assert_accessible(page, "het dossier voor het sociaal team")
    expect(page.locator("#samenwerking")).to_contain_text(SOCIAL_NAME)
    _clean(page)
