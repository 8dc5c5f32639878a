"""Appointments and contacts, end to end (issue 11 §2, §3), as a coach of the demo.

Plan an appointment today from the youth file, confirm it on the youth's link, record the
no-show in one click from "Mijn afspraken", and record a phone contact in two clicks from the
worklist (open the row's contact menu, choose "Telefoon"). axe checks every page visited; no CSP
or JavaScript errors.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from route27.tests_browser.conftest import login
from route27.tests_browser.test_handover_e2e import _assert_clean, _click, _message, _visit

COACH = "doorstroomcoach.amstelveen"


def _own_open_youth():
    from route27.youth.models import ContactAssignment

    return (ContactAssignment.objects.filter(
        user__username=COACH, ended_at__isnull=True,
        youth__trajectories__closed_on__isnull=True, youth__appointments__isnull=True)
        .select_related("youth")
        .order_by("youth__family_name", "youth__given_names", "id").first().youth)


@pytest.mark.django_db(transaction=True)
def test_coach_plans_records_no_show_and_phone_contact(browser, page, live_server, demo_data):
    from route27.appointments.models import Appointment
    from route27.trajectories.models import Activity

    base = live_server.url
    youth = _own_open_youth()
    started = timezone.localtime() - datetime.timedelta(minutes=5)
    if started.date() != timezone.localdate():  # just after midnight
        started = timezone.localtime().replace(hour=0, minute=0)

    login(page, base, COACH)
    page.goto(f"{base}/jongeren/{youth.public_id}/")
    page.locator("#blok-afspraken > summary").click()  # the block is folded
    _click(page, page.get_by_role("link", name="Afspraak plannen"))
    _visit(page, "afspraak plannen", "Afspraak plannen")
    page.get_by_label("Datum").fill(started.date().isoformat())
    page.get_by_label("Tijd").fill(started.strftime("%H:%M"))
    page.get_by_label("Vorm").select_option(label="Telefoon")
    _click(page, page.locator("#main").get_by_role("button", name="Afspraak plannen"))
    _message(page, "De afspraak is gepland.")
    appointment = Appointment.objects.get(youth=youth)

    # The youth's link (public): only first names, "Ik kom" in one click.
    page.goto(f"{base}/afspraak/{appointment.token}/")
    _visit(page, "de afspraakpagina van de jongere", re.compile(r"^Hoi .+, je afspraak$"))
    assert youth.family_name not in page.content()
    _click(page, page.get_by_role("button", name="Ik kom"))
    expect(page.get_by_text("Dank je! We zien je dan.")).to_be_visible()
    appointment.refresh_from_db()
    assert appointment.confirmed_at is not None

    # One click: the no-show, from "Mijn afspraken".
    page.goto(f"{base}/afspraken/")
    _visit(page, "mijn afspraken", "Mijn afspraken")
    row = page.locator("tr").filter(has_text=youth.full_name)
    _click(page, row.get_by_role("button", name="Niet gekomen"))
    _message(page, "Vastgelegd: niet gekomen.")
    appointment.refresh_from_db()
    assert appointment.status == "no_show"

    # Two clicks: a phone contact, from the worklist.
    page.goto(f"{base}/werkvoorraad/")
    row = page.locator("tr").filter(has_text=youth.full_name)
    row.locator("summary").click()  # 1
    _click(page, row.get_by_role("button", name="Telefoon"))  # 2
    _message(page, "Vastgelegd: Telefoon")
    assert page.url.endswith("/werkvoorraad/")
    assert_activity = Activity.objects.filter(trajectory__youth=youth, kind="telefoon",
                                              on=timezone.localdate())
    assert assert_activity.exists()
    _visit(page, "de werkvoorraad", "Mijn werkvoorraad")

    # The file shows the no-show among the past appointments.
    page.goto(f"{base}/jongeren/{youth.public_id}/#afspraken")
    expect(page.locator("#afspraken")).to_contain_text("Niet gekomen")
    _assert_clean(page)


@pytest.mark.django_db(transaction=True)
def test_coach_day_from_home_no_show_phone_contact_and_the_alert_clears(browser, page,
                                                                         live_server, demo_data):
    """Issue 11, "Done when", as a coach: from home, see today's appointment, record a no-show
    in one click, record a phone contact in two, and see the "te lang geen contact" alert clear
    (a no-show is no contact: ADR 0013)."""
    from route27.appointments.models import Appointment

    base = live_server.url
    today = timezone.localdate()
    todays = Appointment.objects.filter(coach__username=COACH, starts_at__date=today)
    assert todays.exists(), "de demo plant afspraken van vandaag"
    login(page, base, COACH)
    _visit(page, "de startpagina van de coach", "Overzicht")
    for appointment in todays:
        expect(page.locator("#main").get_by_role("link", name=appointment.youth.full_name)
               .first).to_be_visible()

    # One click: yesterday's appointment did not happen.
    waiting = Appointment.objects.filter(coach__username=COACH, starts_at__date__lt=today,
                                         status="planned").get()
    row = page.locator("tr").filter(has_text=waiting.youth.full_name).filter(
        has=page.get_by_role("button", name="Niet gekomen"))
    _click(page, row.get_by_role("button", name="Niet gekomen"))
    _message(page, "Vastgelegd: niet gekomen.")
    waiting.refresh_from_db()
    assert waiting.status == "no_show"

    alert = page.get_by_test_id("no-contact")
    name = alert.get_by_role("link").first.inner_text()
    _click(page, page.get_by_role("link", name="Contact vastleggen vanuit de werkvoorraad"))
    _visit(page, "de werkvoorraad, te lang geen contact", "Mijn werkvoorraad")
    row = page.locator("tr").filter(has=page.get_by_role("link", name=name, exact=True))
    row.locator("summary").click()  # 1
    _click(page, row.get_by_role("button", name="Telefoon"))  # 2
    _message(page, "Vastgelegd: Telefoon")

    page.goto(f"{base}/")
    _visit(page, "de startpagina na het contact", "Overzicht")
    if page.get_by_test_id("no-contact").count():
        expect(page.get_by_test_id("no-contact").get_by_role(
            "link", name=name, exact=True)).to_have_count(0)
    _assert_clean(page)
