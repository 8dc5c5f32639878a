"""The main pages in a real browser: Dutch, keyboard-usable, WCAG 2.1 AA (axe), CSP-clean."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from route27.tests_browser.conftest import assert_accessible, login

AALSMEER_COACH = "doorstroomcoach.aalsmeer"
UTRECHT_COACH = "doorstroomcoach.utrecht"
PHONE = {"width": 390, "height": 844}


def _screenshot(page, name: str) -> None:
    """Screenshots for a human look, only when ROUTE27_SCREENSHOT_DIR is set."""
    target = os.environ.get("ROUTE27_SCREENSHOT_DIR")
    if target:
        page.screenshot(path=str(Path(target) / f"route27-{name}.png"), full_page=True)


FIRST_TABBABLE_JS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]';
  const el = [...document.querySelectorAll(sel)].find(e => e.tabIndex >= 0 && !e.disabled);
  return {cls: el.className, href: el.getAttribute('href')};
}"""


def _focused(page) -> dict:
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),"
        " visible: el.getBoundingClientRect().height > 1}; }"
    )


def _assert_skip_link_first(page, url: str) -> None:
    """On a fresh page load the first Tab lands on the visible skip link to #main."""
    page.goto(url)
    assert "utrecht-skip-link" not in _focused(page)["cls"]
    page.keyboard.press("Tab")
    focused = _focused(page)
    assert "utrecht-skip-link" in focused["cls"], f"eerste Tab gaat naar {focused}"
    assert focused["href"] == "#main"
    assert focused["text"] == "Direct naar de inhoud"
    assert focused["visible"], "de skiplink is niet zichtbaar als hij focus heeft"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def _assert_no_horizontal_scroll(page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] + 1, f"horizontaal scrollen: scrollWidth/clientWidth {widths}"


@pytest.mark.django_db(transaction=True)
def test_main_pages_are_accessible(page, live_server, demo_data):
    base = live_server.url

    # Login page: Dutch, with the demo accounts.
    response = page.goto(f"{base}/inloggen/")
    assert response.status == 200
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator("h1").inner_text() == "Inloggen bij Route27"
    demo_table = page.get_by_role("table", name="Demo-accounts per rol")
    assert demo_table.is_visible()
    assert demo_table.get_by_text(AALSMEER_COACH, exact=True).is_visible()
    first = page.evaluate(FIRST_TABBABLE_JS)
    assert "utrecht-skip-link" in first["cls"] and first["href"] == "#main", first
    _assert_skip_link_first(page, f"{base}/inloggen/")
    assert_accessible(page, "de inlogpagina")
    _screenshot(page, "login")

    login(page, base, AALSMEER_COACH)

    # Youth list.
    _assert_skip_link_first(page, f"{base}/jongeren/")
    assert page.locator("h1").inner_text() == "Jongeren"
    assert page.get_by_text(re.compile(r"\d+ jongeren gevonden")).is_visible()
    assert_accessible(page, "de lijst met jongeren")
    _screenshot(page, "list")

    # Live search (htmx) posts what is typed and swaps in the results without a page load; the
    # name (never a number) is pushed to the address bar as a link.
    status = page.locator("#youth-results [role=status]")
    count_before = status.inner_text()
    with page.expect_response(
        lambda r: r.url.endswith("/jongeren/") and r.request.method == "POST"
        and r.request.headers.get("hx-request") == "true"
    ):
        page.fill("#q", "Kofi")
    expect(status).not_to_have_text(count_before)
    expect(page).to_have_url(re.compile(r"/jongeren/\?q=Kofi$"))
    for link in page.locator("#youth-results table a.utrecht-link").all_inner_texts():
        assert "kofi" in link.lower()

    # Youth detail: the first youth in the list.
    first = page.locator("#youth-results table a.utrecht-link").first
    name = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert page.locator("h1").inner_text() == name
    assert_accessible(page, "de detailpagina van een jongere")
    _screenshot(page, "detail")

    # Create form, empty and after submitting it empty.
    page.goto(f"{base}/jongeren/nieuw/")
    assert page.locator("h1").inner_text() == "Jongere registreren"
    assert_accessible(page, "het registratieformulier")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert page.locator("#form-errors").is_visible()
    assert page.locator("[aria-invalid=true]").count() > 0
    assert_accessible(page, "het registratieformulier met fouten")
    _screenshot(page, "form-errors")

    # Sources.
    page.goto(f"{base}/bronnen/")
    assert page.locator("h1").inner_text() == "Bronnen"
    assert_accessible(page, "de bronnenpagina")

    # The list on a phone: still accessible and no sideways scrolling.
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/jongeren/")
    _assert_no_horizontal_scroll(page)
    assert_accessible(page, "de lijst met jongeren op een telefoon")
    _screenshot(page, "list-phone")

    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
    assert not page.problems.errors, "JavaScript-fouten:\n" + "\n".join(page.problems.errors)


@pytest.mark.django_db(transaction=True)
def test_coach_of_other_municipality_gets_404(page, live_server, demo_data):
    from route27.youth.models import Youth

    aalsmeer_youth = Youth.objects.filter(municipality__code="GM0358").first()
    assert aalsmeer_youth is not None

    login(page, live_server.url, UTRECHT_COACH)
    response = page.goto(f"{live_server.url}/jongeren/{aalsmeer_youth.public_id}/")

    assert response.status == 404
    assert page.locator("h1").inner_text() == "Niet gevonden"
    assert aalsmeer_youth.family_name not in page.content()
    assert_accessible(page, "de 404-pagina")
    assert not page.problems.csp, "CSP-fouten in de console:\n" + "\n".join(page.problems.csp)
