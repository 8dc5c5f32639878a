import pytest

from route27.organisations.roles import Role
from route27.organisations.tests.factories import TeamFactory, member


@pytest.fixture
def team(db):
    return TeamFactory()


@pytest.fixture
def other_team(db):
    return TeamFactory()


@pytest.fixture
def coach(team):
    return member(Role.DOORSTROOMCOACH, team=team)


@pytest.fixture
def other_coach(other_team):
    return member(Role.DOORSTROOMCOACH, team=other_team)


@pytest.fixture
def coach_client(client, coach):
    client.force_login(coach)
    return client
