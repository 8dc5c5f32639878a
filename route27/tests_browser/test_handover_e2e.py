"""A school handover end to end, as the users would do it (issue 5, Done when).

The mbo school contact drafts a handover to Gemeente Aalsmeer for a pupil of 17 and fills the
school part, health included. On a phone the pupil writes their own part; being a minor, the
pupil cannot consent, so the parent consents to every block but health. The school sends; the
Aalsmeer coach receives the handover, sees no health block, and accepts: a trajectory with the
art. 7a transfer presumption in its route explanation. The parent withdraws one block and the
coach loses it at once. The school sees only statuses throughout (the youth file answers 404),
and the pupil sees the coach's reads in "Wie heeft mijn gegevens bekeken". axe checks WCAG 2.1
AA on every page visited.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from route27.tests_browser.conftest import (
    DEMO_PASSWORD,
    PageProblems,
    assert_accessible,
    login,
    open_folds,
)

SCHOOL = "school.mbo"
SCHOOL_NAME = "Mbo-college Amstelland (demo)"
COACH = "doorstroomcoach.aalsmeer"
COACH_NAME = "Anouk Aalsmeerder"  # route27.organisations.demo
GEMEENTE = "Gemeente Aalsmeer (demo)"
GIVEN, FAMILY = "Lieke", "Verzonnen-Tulpveld"  # fictional
FULL_NAME = f"{GIVEN} {FAMILY}"
YOUTH_USER, PARENT_USER = "lieke.portaal", "ouder.lieke"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The button reads "Intrekken" plus a visually hidden ": <block>" (Chromium adds a space).
WITHDRAW_WANT = re.compile(r"^Intrekken\s*: Wat wil ik$")

WHO = "Ik ben Lieke en ik werk graag met mijn handen."
CAN = "Planten verzorgen en bestellingen inpakken."
WANT = "Een leerwerkplek in de sierteelt, liefst in Aalsmeer."
NEED = "Iemand die met mij meegaat naar het eerste gesprek."
PROGRAMME = "Entree, medewerker logistiek"
POSSIBILITIES = "Betrouwbaar en nauwkeurig; werkt goed met een vaste planning."
HEALTH = "Heeft migraine en soms een rustige plek nodig."


def _visit(page, label: str, heading: str | re.Pattern) -> None:
    """Every page the scenario lands on: the expected h1, and 0 axe violations."""
    expect(page.locator("h1")).to_have_text(heading)
    open_folds(page)  # the file's blocks are folded (issue 11); the scenario reads them all
    if page.viewport_size["width"] < 500:  # a phone: no sideways scrolling
        widths = page.evaluate("() => [document.documentElement.scrollWidth,"
                               " document.documentElement.clientWidth]")
        assert widths[0] <= widths[1] + 1, f"horizontaal scrollen op {label}: {widths}"
    assert_accessible(page, label)


def _click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def _press(page, name: str) -> None:
    _click(page, page.locator("#main").get_by_role("button", name=name, exact=True))


def _message(page, text: str | re.Pattern) -> None:
    """The message the page shows after a form was sent (success as status, error as alert)."""
    expect(page.locator(".r27-messages .utrecht-alert").filter(has_text=text)).to_be_visible()


def _assert_clean(page) -> None:
    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
    assert not page.problems.errors, "JavaScript-fouten:\n" + "\n".join(page.problems.errors)


def _new_page(browser, viewport: dict):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = PageProblems(page)
    return page


def _unused_bsn() -> str:
    from route27.youth.models import Youth
    from route27.youth.tests.factories import valid_bsn

    n = 4242
    while Youth.objects.filter(bsn=valid_bsn(n)).exists():
        n += 1
    return valid_bsn(n)


def _portal_user(username: str, first: str, last: str):
    from route27.organisations.models import User

    user = User.objects.create(username=username, first_name=first, last_name=last,
                               email=f"{username}@example.org")
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def draft_handover(school, *, kind: str, receiver: str, bsn: str, given: str, family: str,
                   birth: datetime.date, left_on: datetime.date, diploma: str = "") -> None:
    """Fill the new-handover form for a pupil living in Aalsmeer and save the draft."""
    school.get_by_label("Soort overdracht").select_option(label=kind)
    school.get_by_label("Naar organisatie").select_option(label=receiver)
    school.get_by_label("BSN").fill(bsn)
    school.get_by_label("Voornamen").fill(given)
    school.get_by_label("Achternaam").fill(family)
    school.get_by_label("Geboortedatum").fill(birth.strftime("%d-%m-%Y"))
    school.get_by_label("Woongemeente").select_option(label="Aalsmeer")
    school.get_by_label("School verlaten op").fill(left_on.isoformat())
    if diploma:
        school.get_by_label("Hoogste diploma").select_option(label=diploma)
    _press(school, "Concept opslaan")


def _school_sees_status(school, base: str, status: str) -> None:
    """The school's list and sender page show the status, and nothing of the municipal file."""
    school.goto(f"{base}/overdracht/")
    _visit(school, f"de overdrachtenlijst van de school ({status})", "Overdrachten")
    sent = school.get_by_role("region", name="Verstuurd door mijn organisatie")
    row = sent.get_by_role("row").filter(has=school.get_by_role("link", name=FULL_NAME))
    expect(row).to_contain_text(status)
    expect(row).to_contain_text(GEMEENTE)
    _click(school, row.get_by_role("link", name=FULL_NAME))
    _visit(school, f"de overdracht bij de school ({status})", f"Overdracht van {FULL_NAME}")
    status_region = school.get_by_role("region", name="Stand van zaken")
    expect(status_region).to_contain_text(status)
    expect(school.get_by_role("link", name="Naar het dossier van de jongere")).to_have_count(0)


@pytest.mark.django_db(transaction=True)
def test_school_handover_with_consent_to_trajectory(browser, page, live_server, demo_data):
    from route27 import law
    from route27.audit.models import AuditAction, AuditEntry
    from route27.handover.models import Consent, Handover
    from route27.handover.workflow import HandoverStatus
    from route27.portal.models import PortalRelation
    from route27.portal.services import portal_account_create
    from route27.trajectories.models import Trajectory
    from route27.youth.models import Youth

    base = live_server.url
    today = timezone.localdate()
    birth = today - datetime.timedelta(days=365 * 17 + 120)  # 17 years and about 4 months
    bsn = _unused_bsn()
    pages = []

    def new_page(viewport):
        pages.append(_new_page(browser, viewport))
        return pages[-1]

    try:
        # 1. The mbo school contact drafts a handover to Gemeente Aalsmeer.
        school = new_page(DESKTOP)
        login(school, base, SCHOOL)
        school.goto(f"{base}/overdracht/")
        _visit(school, "de overdrachtenlijst van de school", "Overdrachten")
        _click(school, school.locator("#main").get_by_role("link", name="Nieuwe overdracht"))
        _visit(school, "het formulier nieuwe overdracht", "Nieuwe overdracht")
        draft_handover(school, kind="Mbo → gemeente", receiver=f"{GEMEENTE} (Gemeente)",
                       bsn=bsn, given=GIVEN, family=FAMILY, birth=birth,
                       left_on=today - datetime.timedelta(days=14), diploma="vmbo")
        expect(school).to_have_url(re.compile(r"/overdracht/[0-9a-f-]{36}/$"))
        _message(school, "De overdracht is als concept opgeslagen.")
        _visit(school, "de conceptoverdracht", f"Overdracht van {FULL_NAME}")
        sender_url = school.url

        school.get_by_label("Opleiding of programma").fill(PROGRAMME)
        school.get_by_label(re.compile(r"^Niveau")).fill("1")
        school.get_by_label("Diploma en startkwalificatie").fill(
            "Geen diploma, geen startkwalificatie")
        school.get_by_label("Wat kan deze jongere en wat werkte goed?").fill(POSSIBILITIES)
        school.get_by_label("Welke begeleiding was er en wat werkte?").fill(
            "Loopbaangesprekken met de mentor; stage bij een kwekerij.")
        school.get_by_label("Welke ondersteuning is nodig bij werk of leren?").fill(
            "Duidelijke afspraken en een vaste begeleider.")
        school.get_by_label("Gezondheidsgerelateerde ondersteuningsbehoeften").fill(HEALTH)
        school.get_by_label("Wie is bereikbaar en hoe?").fill(
            "Sjoerd Schoolmans, loopbaanbegeleider, via de school.")
        _press(school, "Deel van de school opslaan")
        _message(school, "Het overgangsdocument is opgeslagen.")
        _visit(school, "de overdracht na het deel van de school", f"Overdracht van {FULL_NAME}")

        # Without consent the school cannot send.
        _press(school, "Versturen")
        _message(school, re.compile(
            r"Zonder toestemming van de ouder of voogd .* kan het overgangsdocument niet "
            r"worden verstuurd"))
        _visit(school, "de overdracht na versturen zonder toestemming",
               f"Overdracht van {FULL_NAME}")
        _school_sees_status(school, base, "Concept")

        youth = Youth.objects.get(bsn=bsn)
        handover = Handover.objects.get(youth=youth)
        assert (youth.given_names, youth.family_name) == (GIVEN, FAMILY)
        assert law.is_minor(youth.birth_date, today) is True
        assert handover.status == HandoverStatus.CONCEPT

        # 2. Portal accounts (no staff page for it yet): the pupil and a parent.
        portal_account_create(actor=None, user=_portal_user(YOUTH_USER, GIVEN, FAMILY),
                              youth=youth, relation=PortalRelation.SELF)
        portal_account_create(actor=None, user=_portal_user(PARENT_USER, "Marloes", FAMILY),
                              youth=youth, relation=PortalRelation.PARENT)

        # The pupil writes their own part on a phone; at 17 they cannot consent themselves.
        pupil = new_page(PHONE)
        login(pupil, base, YOUTH_USER)
        expect(pupil).to_have_url(f"{base}/mijn/")
        _visit(pupil, "Mijn Route27 van de jongere op een telefoon", f"Hoi {GIVEN}")
        _click(pupil, pupil.get_by_role("navigation", name="Mijn Route27").get_by_role(
            "link", name="Mijn overgangsdocument"))
        _visit(pupil, "het overgangsdocument van de jongere op een telefoon",
               "Mijn overgangsdocument")
        card = pupil.get_by_role("region", name=f"Van {SCHOOL_NAME} naar {GEMEENTE}")
        expect(card).to_contain_text(PROGRAMME)  # the pupil reads what the school wrote
        pupil.get_by_label("Vertel iets over jezelf").fill(WHO)
        pupil.get_by_label("Waar ben je goed in?").fill(CAN)
        pupil.get_by_label("Wat wil je bereiken in werk of school?").fill(WANT)
        pupil.get_by_label("Wat helpt jou daarbij?").fill(NEED)
        _press(pupil, "Mijn deel opslaan")
        _message(pupil, "Je deel van het overgangsdocument is opgeslagen.")
        _visit(pupil, "het overgangsdocument na het eigen deel", "Mijn overgangsdocument")
        expect(pupil.get_by_text(re.compile("^Je bent nog geen 18."))).to_be_visible()
        expect(pupil.get_by_role("button", name="Toestemming opslaan")).to_have_count(0)

        # The parent consents on a phone to every block but health.
        parent = new_page(PHONE)
        login(parent, base, PARENT_USER)
        expect(parent).to_have_url(f"{base}/mijn/")
        _visit(parent, "Mijn Route27 van de ouder op een telefoon", f"Mijn Route27 van {GIVEN}")
        _click(parent, parent.get_by_role("navigation", name="Mijn Route27").get_by_role(
            "link", name="Mijn overgangsdocument"))
        _visit(parent, "het overgangsdocument van de ouder op een telefoon",
               "Mijn overgangsdocument")
        expect(parent.get_by_label("Vertel iets over jezelf")).to_have_value(WHO)
        choices = parent.get_by_role("group", name=f"Wat mag {GEMEENTE} lezen?")
        boxes = choices.get_by_role("checkbox")
        expect(boxes).to_have_count(10)
        for box in boxes.all():
            expect(box).not_to_be_checked()
        health_box = choices.get_by_role("checkbox", name=re.compile("^Gezondheid en zorg"))
        expect(health_box).to_have_count(1)
        for box in boxes.all():
            if not box.get_attribute("value") == "gezondheid":
                box.check()
        expect(health_box).not_to_be_checked()
        _press(parent, "Toestemming opslaan")
        _message(parent, "Je toestemming is opgeslagen.")
        _visit(parent, "het overgangsdocument na de toestemming", "Mijn overgangsdocument")
        expect(parent.get_by_role("button", name=WITHDRAW_WANT)).to_be_visible()
        expect(parent.get_by_role("button", name=re.compile(r"^Intrekken\s*: Gezondheid"))
               ).to_have_count(0)
        active = set(Consent.objects.filter(document=handover.document, withdrawn_at=None)
                     .values_list("block_key", flat=True))
        assert "gezondheid" not in active and len(active) == 9

        # 3. The school sends: status Verstuurd.
        school.goto(sender_url)
        _visit(school, "de overdracht met toestemming", f"Overdracht van {FULL_NAME}")
        ledger = school.get_by_role("table", name="Toestemming per onderdeel")
        expect(ledger.get_by_role("row").filter(has_text="Actief")).to_have_count(9)
        expect(ledger).not_to_contain_text("Gezondheid en zorg")
        _press(school, "Versturen")
        _message(school, "De overdracht is verstuurd.")
        _visit(school, "de verstuurde overdracht", f"Overdracht van {FULL_NAME}")
        expect(school.locator(".r27-lead .r27-status")).to_have_text("Verstuurd")
        _school_sees_status(school, base, "Verstuurd")

        # 4. The Aalsmeer coach receives it, sees no health block, and accepts.
        login(page, base, COACH)
        page.goto(f"{base}/overdracht/")
        _visit(page, "de overdrachtenlijst van de coach", "Overdrachten")
        received = page.get_by_role("region", name="Ontvangen")
        row = received.get_by_role("row").filter(has=page.get_by_role("link", name=FULL_NAME))
        expect(row).to_contain_text("Verstuurd")
        expect(row).to_contain_text(SCHOOL_NAME)
        _click(page, row.get_by_role("link", name=FULL_NAME))
        _visit(page, "de ontvangen overdracht", f"Overdracht van {FULL_NAME}")
        receiver_url = page.url
        # Issue 11: one action — no separate "Ontvangen" step before accepting.
        expect(page.locator("#main").get_by_role("button", name="Ontvangen", exact=True)) \
            .to_have_count(0)
        document = page.get_by_role("region", name="Overgangsdocument")
        for text in (WHO, CAN, WANT, NEED, PROGRAMME, POSSIBILITIES):
            expect(document).to_contain_text(text)
        expect(document.get_by_role("article", name="Wat wil ik")).to_contain_text(WANT)
        expect(document.get_by_role("article", name=re.compile("^Gezondheid"))).to_have_count(0)
        expect(document).not_to_contain_text("Gezondheid")
        expect(page.locator("body")).not_to_contain_text(HEALTH)
        _press(page, "Accepteren")
        _message(page, "De overdracht is geaccepteerd.")
        _visit(page, "de geaccepteerde overdracht", f"Overdracht van {FULL_NAME}")
        expect(page.locator(".r27-lead .r27-status")).to_have_text("Geaccepteerd")

        trajectory = Trajectory.objects.get(youth=youth)
        handover.refresh_from_db()
        assert handover.status == HandoverStatus.ACCEPTED
        assert handover.trajectory_id == trajectory.pk
        file_url = f"{base}/jongeren/{youth.public_id}/"
        _click(page, page.get_by_role("link", name="Naar het dossier van de jongere"))
        expect(page).to_have_url(file_url)
        _visit(page, "het dossier na de overdracht", FULL_NAME)
        route = page.get_by_role("region", name="Routebepaling (art. 7a)")
        expect(route.locator("ol.r27-explanation")).to_contain_text(str(law.R_PRESUMPTION.text))
        expect(route).to_contain_text("mag de gemeente ervan uitgaan")
        expect(route).to_contain_text(SCHOOL_NAME)  # requested by

        # 5. The parent withdraws "Wat wil ik"; the coach loses it at once.
        parent.goto(f"{base}/mijn/overgangsdocument/")
        _visit(parent, "het overgangsdocument na de acceptatie", "Mijn overgangsdocument")
        expect(parent.get_by_text(f"{GEMEENTE} heeft de overdracht aangenomen",
                                  exact=False)).to_be_visible()
        _click(parent, parent.get_by_role("button", name=WITHDRAW_WANT))
        _message(parent, f"Je toestemming is ingetrokken. {GEMEENTE} kan dat deel nu niet "
                 "meer lezen.")
        _visit(parent, "het overgangsdocument na het intrekken", "Mijn overgangsdocument")
        expect(parent.get_by_role("button", name=WITHDRAW_WANT)).to_have_count(0)
        expect(parent.get_by_text(re.compile(r"^Ingetrokken op .*Wat wil ik niet meer lezen\.")
                                  )).to_be_visible()

        page.goto(receiver_url)
        _visit(page, "de overdracht na het intrekken", f"Overdracht van {FULL_NAME}")
        document = page.get_by_role("region", name="Overgangsdocument")
        withdrawn = document.get_by_role("article", name="Wat wil ik")
        expect(withdrawn).to_contain_text("Ingetrokken")
        expect(page.locator("body")).not_to_contain_text(WANT)
        expect(document.get_by_role("article", name="Wie ben ik")).to_contain_text(WHO)
        expect(document).to_contain_text(PROGRAMME)
        expect(page.locator("body")).not_to_contain_text(HEALTH)

        # 6. The school sees only the status (and the consent ledger), never the youth file.
        _school_sees_status(school, base, "Geaccepteerd")
        ledger = school.get_by_role("table", name="Toestemming per onderdeel")
        expect(ledger.get_by_role("row").filter(has_text="Wat wil ik")).to_contain_text(
            "Ingetrokken")

        response = school.goto(file_url)
        assert response.status == 404, f"school kreeg {response.status} op het dossier"
        assert_accessible(school, "de 404-pagina voor de school")
        expect(school.locator("body")).not_to_contain_text(WANT)
        assert AuditEntry.objects.filter(actor_username=SCHOOL, action=AuditAction.DENIED,
                                         object_id=str(youth.public_id)).exists()

        # 7. The pupil sees the coach's reads.
        pupil.goto(f"{base}/mijn/")
        _click(pupil, pupil.get_by_role("navigation", name="Mijn Route27").get_by_role(
            "link", name="Wie heeft mijn gegevens bekeken"))
        _visit(pupil, "wie heeft mijn gegevens bekeken op een telefoon",
               "Wie heeft mijn gegevens bekeken")
        log = pupil.get_by_role("table", name="Wie heeft je gegevens bekeken of veranderd")
        coach_rows = log.get_by_role("row").filter(has_text=COACH_NAME)
        expect(coach_rows.first).to_contain_text(GEMEENTE)
        expect(coach_rows.filter(has_text="bekeken").first).to_be_visible()

        for p in pages + [page]:
            _assert_clean(p)
    finally:
        for p in pages:
            p.context.close()
