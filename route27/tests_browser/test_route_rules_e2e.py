"""The law answers step by step, with its sources on screen (issue 10, "Done when").

A youth of 21 without a startkwalificatie comes in by herself. The coach asks the art. 7a rules:
first the joint assessment with the Doorstroompunt is open; with school ruled out, the
leerwerktraject comes first and is still the coach's judgement (an open question); with the
leerwerktraject not possible, the route is support to work. Every proposal shows the facts it
used, the rules applied with their citations in words a coach reads, and the open questions.
The instrument form leaves out what the law rules out. axe checks every page visited.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login, open_folds

COACH = "doorstroomcoach.aalsmeer"  # route27.demo.loader
TEAM = "Jongerenteam Aalsmeer"
GIVEN, FAMILY = "Noor", "Verzonnen-Leerwerkstra"  # fictional
FULL_NAME = f"{GIVEN} {FAMILY}"
INTERNAL_CODES = re.compile(r"\bS[03] §")


def _visit(page, label: str, heading: str) -> None:
    expect(page.locator("h1")).to_have_text(heading)
    open_folds(page)  # the file's blocks are folded (issue 11); the scenario reads them all
    assert_accessible(page, label)
    assert not INTERNAL_CODES.search(page.locator("#main").inner_text()), \
        f"interne bronverwijzing op {label}"


def _click(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def _youth_without_startkwalificatie(today: datetime.date):
    from route27.organisations.models import Team
    from route27.trajectories.services import trajectory_start
    from route27.youth.services import youth_create

    team = Team.objects.get(name=TEAM)
    born = today.replace(year=today.year - 21, day=min(today.day, 28)) - datetime.timedelta(
        days=40)
    youth = youth_create(actor=None, team=team, given_names=GIVEN, family_name=FAMILY,
                         birth_date=born.strftime("%d-%m-%Y"),
                         municipality=team.organisation.municipality, place="Aalsmeer")
    trajectory_start(actor=None, youth=youth, team=team, entrance="self")
    return youth


def _propose(page, school: str, learn_work: str | None = None) -> None:
    """Fill the route facts of a self-reporter with a vmbo diploma and ask for a proposal."""
    _visit(page, "het formulier routebepaling", "Route bepalen (art. 7a)")
    page.get_by_label("Hoe kwam de jongere binnen?").select_option(
        label="De jongere meldde zich zelf")
    page.get_by_label("Hoogste diploma").select_option(label="vmbo")
    page.get_by_label("Uitkering van UWV").select_option(label="Geen uitkering van UWV")
    page.get_by_role("group", name="Is terugkeer naar school mogelijk en passend?").get_by_role(
        "radio", name=school).check()
    if learn_work:
        page.get_by_role("group", name="Is een leerwerktraject mogelijk en passend?").get_by_role(
            "radio", name=learn_work).check()
    page.get_by_role("group", name="Kan de jongere het wettelijk minimumloon verdienen?") \
        .get_by_role("radio", name="Nee").check()
    _click(page, page.get_by_role("button", name="Voorstel maken", exact=True))
    expect(page).to_have_url(re.compile(r"/trajecten/[0-9a-f-]{36}/route/\d+/$"))
    _visit(page, "het routevoorstel", "Routevoorstel")


def _again(page) -> None:
    """Back to the file, and ask the rules again with what changed."""
    _click(page, page.get_by_role("link", name="Annuleren"))
    _click(page, page.locator("#route").get_by_role("link", name="Route opnieuw bepalen"))


@pytest.mark.django_db(transaction=True)
def test_school_ruled_out_then_no_leerwerktraject_then_work(page, live_server, demo_data):
    base = live_server.url
    youth = _youth_without_startkwalificatie(timezone.localdate())
    login(page, base, COACH)
    page.goto(f"{base}/jongeren/{youth.public_id}/")
    _visit(page, "het dossier", FULL_NAME)
    _click(page, page.locator("#route").get_by_role("link", name="Route bepalen"))

    # 1. School not yet judged: a joint assessment with the Doorstroompunt (lid 2), open.
    _propose(page, school="Nog open: afweging van de professional")
    main = page.locator("#main")
    expect(main).to_contain_text("Samen met het Doorstroompunt beoordelen")
    expect(main).to_contain_text("open: zie de open vragen")
    expect(main.locator("cite").filter(has_text="Participatiewet art. 7a lid 2")) \
        .not_to_have_count(0)
    questions = page.get_by_role("heading", name="Open vragen voor de coach")
    expect(questions).to_be_visible()
    expect(main).to_contain_text("Beoordeel dit samen met het Doorstroompunt.")
    facts = main.locator(".r27-facts-used")
    expect(facts).to_contain_text("Hoogste diploma")
    expect(facts).to_contain_text("vmbo")
    # no contact person before the intake has fixed the route
    expect(main).to_contain_text("die wordt toegewezen zodra de intake de route heeft bepaald")

    # 2. School ruled out: the leerwerktraject comes first (lid 3), still the coach's judgement.
    _again(page)
    _propose(page, school="Nee")
    expect(main).to_contain_text("Leerwerktraject")
    expect(main.locator("cite").filter(has_text="Participatiewet art. 7a lid 3")) \
        .not_to_have_count(0)
    expect(main).to_contain_text("Is een leerwerktraject (werken met leren) mogelijk en passend?")
    expect(main).to_contain_text("dat is geen startkwalificatie")  # the reason behind it

    # 3. Leerwerktraject not possible: support to work, definite, with the citations.
    _again(page)
    _propose(page, school="Nee", learn_work="Nee")
    expect(main.locator("dl").first).to_contain_text("Toeleiding naar werk")
    expect(main).not_to_contain_text("open: zie de open vragen")
    rules = main.locator("ol.r27-explanation")
    expect(rules).to_contain_text("Een leerwerktraject is niet mogelijk of passend")
    for citation in ("Participatiewet art. 7a lid 1 sub a", "Participatiewet art. 7a lid 3",
                     "Participatiewet art. 7a lid 1 en art. 10a", "Handreiking SZW §5.2 stap 3a",
                     "Uitgangspuntennotitie Amstelveen/Aalsmeer §1"):
        expect(rules.locator("cite").filter(has_text=citation)).not_to_have_count(0)
    expect(main).to_contain_text("Werkgerichte route: de jongerencoach werk.")
    _click(page, page.get_by_role("button", name="Route vaststellen", exact=True))
    expect(page.get_by_text("De route is vastgesteld als Toeleiding naar werk.")).to_be_visible()
    _visit(page, "het dossier na het routebesluit", FULL_NAME)

    # 4. The instruments the coach can add follow the law's answers.
    _click(page, page.get_by_role("link", name="Voorziening inzetten"))
    _visit(page, "het formulier voorziening", "Voorziening inzetten")
    expect(main).to_contain_text("Kan niet voor deze jongere")
    expect(main).to_contain_text("Alleen met een indicatie beschut werk van UWV")
    options = page.get_by_label("Voorziening").locator("option")
    expect(options.filter(has_text="Beschut werk")).to_have_count(0)
    expect(options.filter(has_text=re.compile(r"^Loonkostensubsidie"))).to_have_count(1)
    expect(options.filter(has_text=re.compile(r"^IPS.*open:"))).to_have_count(1)
