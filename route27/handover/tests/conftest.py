"""Fixtures shared by the handover tests: a real municipality, an mbo school contact and the
Aalsmeer municipal youth team with a coach. A module may override one with its own variant."""

import pytest

from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)


@pytest.fixture
def aalsmeer():
    return real_municipality(AALSMEER)


@pytest.fixture
def school(aalsmeer):
    org = OrganisationFactory(name="Mbo-college (test)", type=OrganisationType.SCHOOL_MBO,
                              municipality=aalsmeer)
    return member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=org))


@pytest.fixture
def gemeente(aalsmeer):
    org = OrganisationFactory(name="Gemeente Aalsmeer (test)", municipality=aalsmeer)
    return TeamFactory(organisation=org, serves=[aalsmeer])


@pytest.fixture
def coach(gemeente):
    return member(Role.DOORSTROOMCOACH, team=gemeente)
