"""Home pages per role, end to end (issue 11, "Done when").

As a team lead: reassign three youth in bulk to a colleague for two weeks (a temporary cover)
and see it in both worklists — the colleague's worklist has them, the absent coach's home page
says who covers until when. As a school contact: see what is waiting on whom. axe checks every
page visited.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from route27.tests_browser.conftest import login
from route27.tests_browser.test_handover_e2e import _assert_clean, _click, _message, _visit

LEAD = "teamleider.amstelveen"
ABSENT, ABSENT_NAME = "doorstroomcoach.amstelveen", "Dirk Doorstroom"
COLLEAGUE, COLLEAGUE_NAME = "jongerencoach.amstelveen", "Jamila Werkman"
SCHOOL, SCHOOL_ORG = "school.mbo", "Mbo-college Amstelland (demo)"


def _three_youth_of(username: str) -> list:
    from route27.youth.models import ContactAssignment

    return [a.youth for a in ContactAssignment.objects.filter(
        user__username=username, ended_at__isnull=True,
        youth__trajectories__closed_on__isnull=True).select_related("youth")
        .order_by("youth__family_name", "youth__given_names", "id").distinct()[:3]]


@pytest.mark.django_db(transaction=True)
def test_team_lead_covers_three_youth_for_two_weeks(browser, page, live_server, demo_data):
    from route27.organisations.models import User

    base = live_server.url
    youth = _three_youth_of(ABSENT)
    assert len(youth) == 3, "de demo heeft drie jongeren van de doorstroomcoach nodig"
    absent = User.objects.get(username=ABSENT)
    until = timezone.localdate() + datetime.timedelta(days=14)

    login(page, base, LEAD)
    _visit(page, "de startpagina van de teamleider", "Overzicht")
    expect(page.get_by_role("heading", name="Intakewachtrij")).to_be_visible()
    _click(page, page.get_by_role("link", name="Jongeren toewijzen of herverdelen"))
    _visit(page, "toewijzen", "Jongeren toewijzen")
    _click(page, page.locator("#main nav").get_by_role("link", name=ABSENT_NAME))
    assert f"contactpersoon={absent.pk}" in page.url
    for person in youth:
        page.get_by_label(f"Kies {person.full_name}").check()
    page.get_by_label("Nieuwe contactpersoon").select_option(label=next(
        o for o in page.locator("#id_collega option").all_inner_texts()
        if o.startswith(COLLEAGUE_NAME)))
    page.get_by_label("Waarneming tot en met").fill(until.isoformat())
    page.get_by_label("Reden").fill("Twee weken verlof")
    _click(page, page.locator("#main").get_by_role("button", name="Toewijzen", exact=True))
    _message(page, f"{COLLEAGUE_NAME} neemt 3 jongeren waar tot en met "
                   f"{until:%d-%m-%Y}.")
    _visit(page, "toewijzen na de waarneming", "Jongeren toewijzen")
    _assert_clean(page)

    page.context.clear_cookies()
    login(page, base, COLLEAGUE)
    page.goto(f"{base}/werkvoorraad/")
    _visit(page, "de werkvoorraad van de collega", "Mijn werkvoorraad")
    for person in youth:
        expect(page.get_by_role("link", name=person.full_name)).to_be_visible()
    page.goto(f"{base}/")
    _visit(page, "de startpagina van de collega", "Overzicht")
    expect(page.get_by_test_id("covers")).to_contain_text(
        f"u neemt waar voor {ABSENT_NAME} tot en met {until:%d-%m-%Y}")

    page.context.clear_cookies()
    login(page, base, ABSENT)
    _visit(page, "de startpagina van de afwezige coach", "Overzicht")
    covers = page.get_by_test_id("covers")
    for person in youth:
        expect(covers).to_contain_text(person.full_name)
    expect(covers).to_contain_text(f"{COLLEAGUE_NAME} neemt voor u waar tot en met "
                                   f"{until:%d-%m-%Y}")
    page.goto(f"{base}/werkvoorraad/")
    _visit(page, "de werkvoorraad van de afwezige coach", "Mijn werkvoorraad")
    for person in youth:
        expect(page.get_by_role("link", name=person.full_name)).to_have_count(0)
    _assert_clean(page)


@pytest.mark.django_db(transaction=True)
def test_school_contact_sees_what_waits_on_whom(browser, page, live_server, demo_data):
    from route27.handover.tests.factories import HandoverFactory
    from route27.organisations.models import Organisation, User
    from route27.youth.tests.factories import YouthFactory

    school = Organisation.objects.get(name=SCHOOL_ORG)
    contact = User.objects.get(username=SCHOOL)
    waiting_consent = YouthFactory(team=None, minor=True, given_names="Noor",
                                   family_name="Verzonnen-Wachtop")
    sent = YouthFactory(team=None, minor=True, given_names="Sem",
                        family_name="Verzonnen-Verstuurd")
    HandoverFactory(sender=school, actor=contact, filled=True, youth=waiting_consent)
    HandoverFactory(sender=school, actor=contact, sent=True, youth=sent)

    login(page, live_server.url, SCHOOL)
    _visit(page, "de startpagina van de school", "Overzicht")
    consent_row = page.get_by_role("row").filter(has=page.get_by_role(
        "link", name=waiting_consent.full_name))
    expect(consent_row).to_contain_text("Wacht op toestemming van de jongere of ouder")
    sent_row = page.get_by_role("row").filter(has=page.get_by_role("link", name=sent.full_name))
    expect(sent_row).to_contain_text("Wacht op de ontvanger")
    _click(page, sent_row.get_by_role("link", name=sent.full_name))
    expect(page.locator("h1")).to_contain_text(sent.family_name)
    _assert_clean(page)
