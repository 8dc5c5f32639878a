"""The youth file at a glance in a real browser (issue 11 §4): on a 1280-wide laptop the file of
a demo youth with a full history opens under 1 500 px, every block is one click away (a folded
<details>), and the page stays accessible (axe) and CSP-clean."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from django.db.models import Count
from django.utils import timezone
from playwright.sync_api import expect

from route27.organisations.models import User
from route27.tests_browser.conftest import assert_accessible, login
from route27.trajectories import services
from route27.trajectories.models import Activity, Trajectory

COACH = "doorstroomcoach.aalsmeer"
MAX_HEIGHT = 1500


def _full_history(coach) -> Trajectory:
    """The coach's open trajectory with the most events, given a plan, activities and more."""
    trajectory = (Trajectory.objects.filter(closed_on__isnull=True,
                                            youth__contact_assignments__user=coach,
                                            youth__contact_assignments__ended_at__isnull=True)
                  .annotate(n=Count("youth__events")).order_by("-n", "pk").first())
    assert trajectory is not None, "de demo heeft geen jongere bij deze coach"
    today = timezone.localdate()
    for i in range(4):
        goal = services.goal_add(actor=coach, trajectory=trajectory, description=f"Doel {i + 1}")
        for j in range(3):
            services.action_add(actor=coach, goal=goal, description=f"Actie {i + 1}.{j + 1}",
                                due_on=today + datetime.timedelta(days=7 * j))
    for i in range(12):
        services.activity_record(actor=coach, trajectory=trajectory,
                                 kind=Activity.Kind.COACHING,
                                 on=today - datetime.timedelta(days=3 * i),
                                 description=f"Gesprek {i + 1}")
    return trajectory


def test_the_file_opens_at_a_glance_under_1500_px(page, live_server, demo_data):
    coach = User.objects.get(username=COACH)
    trajectory = _full_history(coach)
    base = live_server.url

    login(page, base, COACH)
    page.goto(f"{base}/jongeren/{trajectory.youth.public_id}/")

    summary = page.get_by_role("region", name="In één oogopslag")
    assert summary.is_visible()
    assert "Open acties" in summary.inner_text()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HEIGHT, f"het dossier is {height} px hoog (max {MAX_HEIGHT})"
    if target := os.environ.get("ROUTE27_SCREENSHOT_DIR"):  # docs/screens/, for the README
        page.screenshot(path=str(Path(target) / "dossier-in-een-oogopslag.png"), full_page=True)

    # Any block is one click away: its fold opens on its summary, and the plan is read then
    # (issue 12: blocks with rows of their own are read when opened).
    plan = page.locator("details#blok-plan")
    assert plan.get_attribute("open") is None
    page.locator("details#blok-plan > summary").click()
    assert plan.get_attribute("open") is not None
    expect(plan.locator("h2").first).to_be_visible()
    # A link to a block's anchor opens its fold and reads it, as the summary's links do.
    page.goto(page.url.split("#")[0] + "#activiteiten")
    page.reload()
    expect(page.locator("details#blok-activiteiten")).to_have_attribute("open", "")
    expect(page.locator("details#blok-activiteiten h2").first).to_be_visible()
    assert_accessible(page, "het dossier in één oogopslag")
    assert not page.problems.csp, page.problems.csp
    assert not page.problems.errors, page.problems.errors
