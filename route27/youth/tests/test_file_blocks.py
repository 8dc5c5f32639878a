"""Blocks of the file read when opened (issue 12, casefile.sections ``lazy``): the file page
shows their folded labels with a link; opening one fetches it (htmx) or, without JavaScript,
shows it on a page of its own. Each opening is a read of the file, logged as such."""

import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.core.testing import assert_max_queries
from route27.trajectories import services
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import ContactAssignmentFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def trajectory(team, coach):
    trajectory = TrajectoryFactory(youth__team=team, team=team, activated=True, actor=coach)
    ContactAssignmentFactory(youth=trajectory.youth, user=coach)
    goal = services.goal_add(actor=coach, trajectory=trajectory, description="Een vaste baan")
    services.action_add(actor=coach, goal=goal, description="Cv sturen naar drie bedrijven")
    return trajectory


def _block(trajectory, key):
    return f"/jongeren/{trajectory.youth.public_id}/blok/{key}/"


def test_the_file_page_folds_the_plan_and_links_it(coach_client, trajectory):
    page = coach_client.get(f"/jongeren/{trajectory.youth.public_id}/").content.decode()
    assert "Cv sturen naar drie bedrijven" not in page  # read when opened
    assert f'data-block="{_block(trajectory, "plan")}"' in page
    assert f'href="{_block(trajectory, "plan")}">Plan openen</a>' in page


def test_opening_a_block_reads_it_and_logs_the_read(coach_client, coach, trajectory):
    reads = AuditEntry.objects.filter(actor=coach, action=AuditAction.READ,
                                      subject=trajectory.youth)
    before = reads.count()
    fragment = coach_client.get(_block(trajectory, "plan"), **HTMX).content.decode()
    assert "Cv sturen naar drie bedrijven" in fragment and "<html" not in fragment
    assert reads.count() == before + 1
    page = coach_client.get(_block(trajectory, "plan")).content.decode()
    assert "<html" in page and "Terug naar het dossier" in page
    assert "Cv sturen naar drie bedrijven" in page


def test_a_block_costs_a_bounded_number_of_queries(coach_client, trajectory):
    coach_client.get(_block(trajectory, "plan"), **HTMX)
    with assert_max_queries(20):
        assert coach_client.get(_block(trajectory, "intake"), **HTMX).status_code == 200


def test_an_unknown_block_or_a_file_without_a_reason_is_not_found(coach_client, other_team,
                                                                   trajectory):
    assert coach_client.get(_block(trajectory, "bestaat-niet")).status_code == 404
    elsewhere = TrajectoryFactory(youth__team=other_team, team=other_team)
    assert coach_client.get(_block(elsewhere, "plan")).status_code == 404


def test_a_block_offers_its_actions_as_on_the_page(coach_client, trajectory):
    fragment = coach_client.get(_block(trajectory, "match"), **HTMX).content.decode()
    assert "Match vastleggen" in fragment
    fragment = coach_client.get(_block(trajectory, "activities"), **HTMX).content.decode()
    assert "Activiteit vastleggen" in fragment
