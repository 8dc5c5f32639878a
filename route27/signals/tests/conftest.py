import pytest
from django.core.cache import cache

from route27.organisations.roles import Role
from route27.organisations.tests.factories import TeamFactory, member, real_municipality

AALSMEER, AMSTELVEEN, UTRECHT = "GM0358", "GM0362", "GM0344"


@pytest.fixture(autouse=True)
def _clear_cache():
    """The self-registration rate limit lives in the cache: start every test empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def aalsmeer_team(aalsmeer):
    return TeamFactory(name="Jongerenteam Aalsmeer", serves=[aalsmeer])


@pytest.fixture
def amstelveen_team(db):
    return TeamFactory(name="Jongerenteam Amstelveen", serves=[real_municipality(AMSTELVEEN)])


@pytest.fixture
def aalsmeer_coach(aalsmeer_team):
    return member(Role.DOORSTROOMCOACH, team=aalsmeer_team)


@pytest.fixture
def aalsmeer_client(client, aalsmeer_coach):
    client.force_login(aalsmeer_coach)
    return client


def person(**overrides) -> dict:
    data = {"given_names": "Sanne", "surname_prefix": "de", "family_name": "Vries",
            "birth_date": "17-05-2007", "municipality": AALSMEER, "phone": "06 12345678",
            "email": "", "bsn": "", "message": "Ik zoek een opleiding."}
    data.update(overrides)
    return data
