"""Real-browser tests: Playwright driving Debian's Chromium, with axe for accessibility.

Playwright cannot download a browser here, so the tests always launch /usr/bin/chromium (or
$ROUTE27_CHROMIUM). Without a working browser the tests skip locally and FAIL in CI (CI=true):
a browser test that silently skips in CI protects nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("ROUTE27_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "route27-demo"  # route27.demo.DEMO_PASSWORD
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe files these page-structure rules under "best-practice", so the WCAG tags above skip them.
STRUCTURE_RULES = [
    "landmark-one-main",
    "landmark-unique",
    "region",
    "heading-order",
    "page-has-heading-one",
    "skip-link",
    "empty-heading",
]
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Every test in this package is a `browser` test (select or skip with -m)."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browsertests kunnen niet draaien in CI: {reason}", pytrace=False)
    pytest.skip(f"Browsertests overgeslagen: {reason}")


@pytest.fixture(scope="session")
def browser():
    # From start() to stop(), sync Playwright keeps an asyncio loop running in this thread, so
    # Django's ORM would raise SynchronousOnlyOperation in every later test of the session
    # (browser or not). Only the test process gets this, never the app.
    set_here = "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(
            f"{CHROMIUM} ontbreekt (installeer Debian's 'chromium', zie scripts/ensure-system.sh)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - dev dependency missing
        _unavailable(f"Playwright is niet geïnstalleerd ({exc})")
    manager = sync_playwright().start()
    try:
        instance = manager.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as exc:  # launch errors come in many types; all mean "no browser"
        manager.stop()
        _unavailable(f"Chromium start niet: {exc}")
    yield instance
    instance.close()
    manager.stop()
    if set_here:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


class PageProblems:
    """Console messages about the Content Security Policy, and uncaught page errors."""

    def __init__(self, page):
        self.csp: list[str] = []
        self.errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _on_console(self, message):
        if "Content Security Policy" in message.text:
            self.csp.append(f"{message.type}: {message.text}")


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = PageProblems(page)
    yield page
    context.close()


@pytest.fixture
def demo_data(transactional_db):
    """Reference data plus the demo organisations, accounts and youth (~3 s)."""
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)


def login(page, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the real login form, as a person would."""
    page.goto(f"{base_url}/inloggen/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form.utrecht-form button[type=submit]")
    assert "/inloggen/" not in page.url, f"inloggen als {username} mislukt"


def run_axe(page, run_only: dict) -> list[dict]:
    """Run axe-core (bundled with axe-playwright-python) via page.evaluate, which the CSP allows."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}")
        for node in v["nodes"][:10]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {node['html'][:200]}")
            lines.append(f"      {summary[:400]}")
    return "\n".join(lines)


def assert_accessible(page, label: str) -> None:
    """0 axe violations for WCAG 2.1 A/AA, plus the landmark and heading rules."""
    violations = run_axe(page, {"type": "tag", "values": WCAG_21_AA})
    violations += run_axe(page, {"type": "rule", "values": STRUCTURE_RULES})
    assert not violations, (
        f"axe vond {len(violations)} schending(en) op {label} ({page.url}):\n"
        + format_violations(violations)
    )


def open_folds(page) -> None:
    """Open every folded block of the youth file (``<details class="r27-fold">``, issue 11), as a
    coach clicking through it would, so a scenario reads every block where it stands. A block
    read when opened (issue 12) is waited for until it stands in place of its placeholder."""
    page.evaluate("() => document.querySelectorAll('details.r27-fold')"
                  ".forEach(d => { d.open = true; })")
    page.wait_for_function(
        "() => !document.querySelector('details[data-block] > .r27-fold__body')")
