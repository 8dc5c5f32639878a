"""Fixtures shared by the handover tests (``aalsmeer``, ``gemeente`` and ``school`` come from
route27/conftest.py): a coach of the gemeente, and the school contact logged in."""

import pytest

from route27.organisations.roles import Role
from route27.organisations.tests.factories import member


@pytest.fixture
def coach(gemeente):
    return member(Role.DOORSTROOMCOACH, team=gemeente, email="coach@example.org")


@pytest.fixture
def school_client(client, school):
    client.force_login(school)
    return client
