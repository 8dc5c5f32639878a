"""Each reason opens only its scope, end to end (issue 9, "Done when").

A school drafts a handover to a Doorstroompunt for a pupil of 16. The Doorstroompunt of another
region cannot be chosen. The school fills three blocks; the parent consents to two of them in
Mijn Route27. Before accepting, the receiving Doorstroompunt coach reads exactly those two
blocks and the youth file answers 404; after accepting, the file opens. The pupil's "Wie heeft
mijn gegevens bekeken" shows the coach's reads. axe checks every page visited.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from route27.tests_browser.conftest import login
from route27.tests_browser.test_handover_e2e import (
    DESKTOP,
    PHONE,
    _assert_clean,
    _click,
    _message,
    _new_page,
    _portal_user,
    _press,
    _unused_bsn,
    _visit,
    draft_handover,
)

SCHOOL = "school.mbo"
DSP_COACH, DSP_COACH_NAME = "doorstroompunt.amstelland", "Dewi Doorstroompunt"
DSP = "Doorstroompunt Agglomeratie Amsterdam (demo)"
OTHER_DSP = "Doorstroompunt Utrecht (browsertest)"
GIVEN, FAMILY = "Milan", "Verzonnen-Scopeveld"  # fictional
FULL_NAME = f"{GIVEN} {FAMILY}"
YOUTH_USER, PARENT_USER = "milan.portaal", "ouder.milan"

PROGRAMME = "Entree, medewerker groen"
POSSIBILITIES = "Zorgvuldig en leergierig; werkt graag buiten."
SUPPORT = "Heeft hulp nodig bij plannen en een vaste begeleider."  # not consented


def _other_region_doorstroompunt():
    from route27.organisations.models import Municipality, Organisation
    from route27.organisations.roles import OrganisationType

    utrecht = Municipality.objects.get(code="GM0344")
    return Organisation.objects.create(name=OTHER_DSP, type=OrganisationType.DOORSTROOMPUNT,
                                       municipality=utrecht)


@pytest.mark.django_db(transaction=True)
def test_receiver_reads_only_the_consented_blocks_before_acceptance(browser, page, live_server,
                                                                   demo_data):
    from route27.handover.models import Consent, Handover
    from route27.portal.models import PortalRelation
    from route27.portal.services import portal_account_create
    from route27.youth.models import Youth

    base = live_server.url
    today = timezone.localdate()
    birth = today - datetime.timedelta(days=365 * 16 + 200)
    bsn = _unused_bsn()
    _other_region_doorstroompunt()
    pages = []

    def new_page(viewport):
        pages.append(_new_page(browser, viewport))
        return pages[-1]

    try:
        # 1. The school drafts a handover; the Doorstroompunt of another region is refused.
        school = new_page(DESKTOP)
        login(school, base, SCHOOL)
        school.goto(f"{base}/overdracht/nieuw/")
        _visit(school, "het formulier nieuwe overdracht", "Nieuwe overdracht")

        def fill_form(receiver: str) -> None:
            draft_handover(school, kind="Mbo → Doorstroompunt",
                           receiver=f"{receiver} (Doorstroompunt)", bsn=bsn, given=GIVEN,
                           family=FAMILY, birth=birth,
                           left_on=today - datetime.timedelta(days=7))

        fill_form(OTHER_DSP)
        expect(school.locator("#main")).to_contain_text(
            "Dit Doorstroompunt werkt niet voor de regio van de woongemeente van de jongere")
        _visit(school, "het formulier met een Doorstroompunt van een andere regio",
               "Nieuwe overdracht")
        assert not Handover.objects.filter(youth__bsn=bsn).exists() \
            and not Youth.objects.filter(bsn=bsn).exists()

        fill_form(DSP)
        expect(school).to_have_url(re.compile(r"/overdracht/[0-9a-f-]{36}/$"))
        _message(school, "De overdracht is als concept opgeslagen.")
        sender_url = school.url
        school.get_by_label("Opleiding of programma").fill(PROGRAMME)
        school.get_by_label("Wat kan deze jongere en wat werkte goed?").fill(POSSIBILITIES)
        school.get_by_label("Welke ondersteuning is nodig bij werk of leren?").fill(SUPPORT)
        _press(school, "Deel van de school opslaan")
        _message(school, "Het overgangsdocument is opgeslagen.")
        _visit(school, "de conceptoverdracht aan het Doorstroompunt", f"Overdracht van {FULL_NAME}")

        youth = Youth.objects.get(bsn=bsn)
        handover = Handover.objects.get(youth=youth)
        portal_account_create(actor=None, user=_portal_user(YOUTH_USER, GIVEN, FAMILY),
                              youth=youth, relation=PortalRelation.SELF)
        portal_account_create(actor=None, user=_portal_user(PARENT_USER, "Noor", FAMILY),
                              youth=youth, relation=PortalRelation.PARENT)

        # 2. The parent consents to two of the three blocks the school filled.
        parent = new_page(PHONE)
        login(parent, base, PARENT_USER)
        parent.goto(f"{base}/mijn/overgangsdocument/")
        _visit(parent, "het overgangsdocument van de ouder", "Mijn overgangsdocument")
        choices = parent.get_by_role("group", name=f"Wat mag {DSP} lezen?")
        choices.get_by_role("checkbox", name=re.compile("^Opleiding")).check()
        choices.get_by_role("checkbox", name=re.compile("^Ontwikkelmogelijkheden")).check()
        _press(parent, "Toestemming opslaan")
        _message(parent, "Je toestemming is opgeslagen.")
        _visit(parent, "het overgangsdocument na de toestemming", "Mijn overgangsdocument")
        active = set(Consent.objects.filter(document=handover.document, withdrawn_at=None)
                     .values_list("block_key", flat=True))
        assert active == {"opleiding", "mogelijkheden"}

        school.goto(sender_url)
        _press(school, "Versturen")
        _message(school, "De overdracht is verstuurd.")
        _visit(school, "de verstuurde overdracht", f"Overdracht van {FULL_NAME}")

        # 3. Before acceptance: exactly the two consented blocks, and no file.
        login(page, base, DSP_COACH)
        page.goto(f"{base}/overdracht/")
        _visit(page, "de overdrachtenlijst van het Doorstroompunt", "Overdrachten")
        received = page.get_by_role("region", name="Ontvangen")
        _click(page, received.get_by_role("link", name=FULL_NAME))
        _visit(page, "de ontvangen overdracht", f"Overdracht van {FULL_NAME}")
        receiver_url = page.url
        document = page.get_by_role("region", name="Overgangsdocument")
        expect(document).to_contain_text(PROGRAMME)
        expect(document).to_contain_text(POSSIBILITIES)
        expect(page.locator("body")).not_to_contain_text(SUPPORT)
        expect(page.locator("body")).not_to_contain_text(bsn)
        file_url = f"{base}/jongeren/{youth.public_id}/"
        response = page.goto(file_url)
        assert response.status == 404, f"dossier vóór acceptatie: {response.status}"

        # 4. After acceptance the receiving team holds the trajectory: the file opens.
        page.goto(receiver_url)
        expect(page.locator("#main").get_by_role("button", name="Ontvangen", exact=True)) \
            .to_have_count(0)  # issue 11: accepting is one action
        _press(page, "Accepteren")
        _message(page, "De overdracht is geaccepteerd.")
        _visit(page, "de geaccepteerde overdracht", f"Overdracht van {FULL_NAME}")
        response = page.goto(file_url)
        assert response.status == 200
        _visit(page, "het dossier na acceptatie", FULL_NAME)

        # 5. The pupil sees each read by the Doorstroompunt coach.
        pupil = new_page(PHONE)
        login(pupil, base, YOUTH_USER)
        pupil.goto(f"{base}/mijn/")
        _click(pupil, pupil.get_by_role("navigation", name="Mijn Route27").get_by_role(
            "link", name="Wie heeft mijn gegevens bekeken"))
        _visit(pupil, "wie heeft mijn gegevens bekeken", "Wie heeft mijn gegevens bekeken")
        log = pupil.get_by_role("table", name="Wie heeft je gegevens bekeken of veranderd")
        reads = log.get_by_role("row").filter(has_text=DSP_COACH_NAME).filter(has_text="bekeken")
        expect(reads.first).to_be_visible()
        assert reads.count() >= 2  # the handover before acceptance and the file after

        for p in pages + [page]:
            _assert_clean(p)
    finally:
        for p in pages:
            p.context.close()
