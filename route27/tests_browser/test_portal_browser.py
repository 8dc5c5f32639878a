"""Mijn Route27 on a phone (390x844): no sideways scrolling, axe WCAG 2.1 AA, CSP-clean, and the
parent of a minor writes the youth's part and consents to every block but health."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from route27.tests_browser.conftest import PageProblems, assert_accessible, login

PHONE = {"width": 390, "height": 844}


def _no_sideways_scroll(page, label: str) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1] + 1, f"horizontaal scrollen op {label}: {widths}"


def _school_handover(youth):
    from route27.handover import services
    from route27.organisations.models import Membership, Organisation, Team, User
    from route27.organisations.roles import OrganisationType, Role

    gemeente = Organisation.objects.get(name="Gemeente Aalsmeer (demo)")
    school = Organisation.objects.create(name="Mbo-college (browsertest)",
                                         type=OrganisationType.SCHOOL_MBO,
                                         municipality=gemeente.municipality)
    contact = User.objects.create(username="school.browsertest")
    Membership.objects.create(user=contact, team=Team.objects.create(organisation=school,
                                                                     name="Loopbaan"),
                              role=Role.SCHOOL_CONTACT)
    handover = services.handover_create(
        actor=contact, kind="mbo_gemeente", youth=youth, sender=school, receiver=gemeente,
        school_left_on=timezone.localdate() - datetime.timedelta(days=10))
    services.document_update(actor=contact, handover=handover, part="school", content={
        "opleiding": {"opleiding": "Entree", "niveau": "1"},
        "gezondheid": {"tekst": "Heeft rust nodig."}})
    return handover


@pytest.mark.django_db(transaction=True)
def test_portal_on_a_phone(browser, live_server, demo_data):  # noqa: F811
    from route27.demo.portal_accounts import PARENT_USERNAME, load_portal_demo
    from route27.handover.models import Consent
    from route27.portal.models import PortalAccount

    load_portal_demo()
    handover = _school_handover(PortalAccount.objects.get(user__username=PARENT_USERNAME).youth)
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    context.set_default_timeout(10_000)
    phone = context.new_page()
    problems = PageProblems(phone)
    base = live_server.url
    login(phone, base, PARENT_USERNAME)
    for path, label in (("/mijn/", "de startpagina"),
                        ("/mijn/overgangsdocument/", "het overgangsdocument"),
                        ("/mijn/inzage/", "wie heeft mijn gegevens bekeken"),
                        ("/mijn/hulp/", "ik wil hulp")):
        phone.goto(base + path)
        _no_sideways_scroll(phone, label)
        assert_accessible(phone, f"{label} op een telefoon")

    phone.goto(base + "/mijn/overgangsdocument/")
    phone.get_by_label("Vertel iets over jezelf").fill("Ik help graag in de dierenwinkel.")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Mijn deel opslaan").click()
    for box in phone.locator("input[name=block_keys]").all():
        if box.get_attribute("value") != "gezondheid":
            box.check()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Toestemming opslaan").click()
    assert phone.get_by_text("Je toestemming is opgeslagen.").is_visible()
    _no_sideways_scroll(phone, "het overgangsdocument na toestemming")
    assert_accessible(phone, "het overgangsdocument na toestemming")
    keys = set(Consent.objects.filter(document=handover.document).values_list("block_key",
                                                                               flat=True))
    assert "gezondheid" not in keys and {"wie_ben_ik", "opleiding"} <= keys
    handover.document.refresh_from_db()
    assert handover.document.content["wie_ben_ik"]["tekst"] == "Ik help graag in de dierenwinkel."
    assert not problems.csp, "CSP-fouten in de console:\n" + "\n".join(problems.csp)
    assert not problems.errors, "JavaScript-fouten:\n" + "\n".join(problems.errors)
    context.close()
