"""The youth file at a glance (issue 11 §4): a summary on top, the blocks folded, a "next step"
prompt read from the step table, and only the buttons whose action applies."""

import re

import pytest

from route27.handover.events import entrance_for
from route27.handover.kinds import HandoverKind
from route27.trajectories import services
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.views import FROM_DOORSTROOMPUNT
from route27.trajectories.workflow import Step

pytestmark = pytest.mark.django_db


def file_url(trajectory):
    return f"/jongeren/{trajectory.youth.public_id}/"


def test_the_summary_says_step_next_step_and_open_actions(coach_client, coach, team):
    trajectory = TrajectoryFactory(youth__team=team, team=team, step=Step.SIGNAL)
    goal = services.goal_add(actor=coach, trajectory=trajectory, description="Een baan")
    services.action_add(actor=coach, goal=goal, description="Cv maken")

    page = coach_client.get(file_url(trajectory)).content.decode()

    assert "In één oogopslag" in page
    assert "Volgende stap: 2 Intake en behoefteverkenning." in page
    assert "Neem de intake af." in page
    assert re.search(r'href="#plan">1 actie</a>', page)
    # Every block is folded, one click away; the summary is not.
    assert '<details class="r27-fold" id="blok-plan" data-block=' in page  # read when opened
    assert '<summary class="r27-fold__summary">Plan</summary>' in page
    assert 'id="blok-essentials"' not in page


def test_the_prompt_follows_the_table_to_outflow_and_the_end(coach_client, team):
    match = TrajectoryFactory(youth__team=team, team=team, step=Step.MATCH)
    page = coach_client.get(file_url(match)).content.decode()
    assert "Volgende stap: uitstroom en nazorg." in page


def test_hand_back_only_on_a_file_the_doorstroompunt_handed_over(coach_client, team):
    assert FROM_DOORSTROOMPUNT == entrance_for(HandoverKind.DSP_MUNICIPALITY)
    own = TrajectoryFactory(youth__team=team, team=team, step=Step.INTAKE, entrance="staff")
    handed = TrajectoryFactory(youth__team=team, team=team, step=Step.INTAKE,
                               entrance=FROM_DOORSTROOMPUNT)

    assert "Terug naar Doorstroompunt" not in coach_client.get(file_url(own)).content.decode()
    assert "Terug naar Doorstroompunt" in coach_client.get(file_url(handed)).content.decode()
