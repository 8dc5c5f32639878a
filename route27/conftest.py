"""Fixtures shared by the tests of every app: a team with a coach (and another team with its
coach), and the Aalsmeer case: the real municipality, the gemeente's youth team that serves it
and an mbo school contact there. An app's conftest.py or a module may override one."""

import pytest
from django.conf import settings

from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)

# A smaller demo than `make run` loads (200 per municipality, 13 s): the browser tests reload it
# for every test. The story is the same, with fewer youth in each step.
DEMO_YOUTH_PER_MUNICIPALITY_IN_TESTS = 40


def pytest_configure(config):
    settings.ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY = DEMO_YOUTH_PER_MUNICIPALITY_IN_TESTS


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


@pytest.fixture
def aalsmeer(db):
    return real_municipality(AALSMEER)


@pytest.fixture
def gemeente(aalsmeer):
    """The youth team of the gemeente Aalsmeer, serving Aalsmeer."""
    org = OrganisationFactory(name="Gemeente Aalsmeer (test)", municipality=aalsmeer)
    return TeamFactory(organisation=org, serves=[aalsmeer])


@pytest.fixture
def school(aalsmeer):
    """The school contact of an mbo school in Aalsmeer."""
    org = OrganisationFactory(name="Mbo-college (test)", type=OrganisationType.SCHOOL_MBO,
                              municipality=aalsmeer)
    return member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=org),
                  email="school@example.org")
