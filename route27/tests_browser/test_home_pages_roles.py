"""Every role's home page in a real browser at 1280 px: the page a user lands on answers "what
do I do now?" in Dutch, with 0 axe violations. With ROUTE27_SCREENSHOT_DIR set it also writes
the README's screenshots (docs/screens/start-<role>.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login

# (demo account, file name, the heading of the role's own section)
ROLES = [
    ("doorstroomcoach.aalsmeer", "coach", "Vandaag en deze week"),
    ("teamleider.aalsmeer", "teamleider", "Team"),
    ("school.mbo", "school", "Overdrachten en ondersteuningsvragen"),
    ("beleid.amstelveen", "beleidsadviseur", "Dashboard en regionaal programma"),
    ("regio.grootamsterdam", "regiocoordinator", "Dashboard en regionaal programma"),
    ("beheer", "functioneel-beheerder", "Beheer"),
]


@pytest.mark.django_db(transaction=True)
def test_every_role_lands_on_its_own_home_page(page, live_server, demo_data):
    target = os.environ.get("ROUTE27_SCREENSHOT_DIR")
    for username, name, shows in ROLES:
        page.context.clear_cookies()
        login(page, live_server.url, username)
        page.goto(f"{live_server.url}/")
        expect(page.locator("#main h2").filter(has_text=shows).first).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        assert_accessible(page, f"de startpagina van {name}")
        if target:
            page.screenshot(path=str(Path(target) / f"start-{name}.png"), full_page=True)
