"""The youth list costs the same number of queries for 10 or 200 youth (no N+1)."""

import pytest

from route27.core.testing import assert_max_queries, assert_num_queries, count_queries
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/jongeren/", "/jongeren/?q=Voorbeeld", "/jongeren/?pagina=2"])
def test_youth_list_query_count_is_constant(coach_client, coach, team, path):
    YouthFactory.create_batch(10, team=team)
    with assert_max_queries(12) as small:
        assert coach_client.get(path).status_code == 200
    youth = YouthFactory.create_batch(190, team=team)
    for y in youth[:50]:
        ContactAssignmentFactory(youth=y, user=coach)
    with assert_num_queries(small):
        assert coach_client.get(path).status_code == 200


def test_api_list_query_count_is_constant(coach_client, team):
    YouthFactory.create_batch(10, team=team)
    with count_queries() as small:
        assert coach_client.get("/api/v1/jongeren").status_code == 200
    YouthFactory.create_batch(190, team=team)
    with assert_num_queries(small):
        assert coach_client.get("/api/v1/jongeren").status_code == 200
