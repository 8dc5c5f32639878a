"""The youth list costs the same number of queries for 10 or 200 youth (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def _queries(client, url="/jongeren/"):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/jongeren/", "/jongeren/?q=Voorbeeld", "/jongeren/?pagina=2"])
def test_youth_list_query_count_is_constant(coach_client, coach, team, path):
    YouthFactory.create_batch(10, team=team)
    small = _queries(coach_client, path)
    youth = YouthFactory.create_batch(190, team=team)
    for y in youth[:50]:
        ContactAssignmentFactory(youth=y, user=coach)
    large = _queries(coach_client, path)
    assert small == large
    assert large <= 12, f"youth list uses {large} queries"


def test_api_list_query_count_is_constant(coach_client, team):
    YouthFactory.create_batch(10, team=team)
    small = _queries(coach_client, "/api/v1/jongeren")
    YouthFactory.create_batch(190, team=team)
    assert _queries(coach_client, "/api/v1/jongeren") == small
