"""The bench's read paths (issue 12) in pinned query counts and query shapes, on a small
generated population: what `make bench` times at a million youth, counted here.

Counts are those of a request inside the test's transaction; on PostgreSQL in production a page
that writes only read entries adds BEGIN, SET LOCAL and COMMIT (ADR 0015)."""

import re

import pytest
from django.core.management import call_command
from django.test import Client

from route27.core.testing import count_queries
from route27.scale.bench import build_paths
from route27.scale.generator import generate

pytestmark = pytest.mark.django_db

# Path (as named in bench.build_paths, without its figures) -> queries.
PINNED = {
    "werkvoorraad": 6,
    "intakewachtrij": 7,
    "dossier": 11,  # blocks with rows of their own are read when opened (issue 12)
    "jongerenlijst": 6,
    "API jongeren": 7,
    "toegangscontrole (geweigerd)": 7,
    "startpagina coach": (15, 16),  # 16 with appointments: read entries of their own type
    "startpagina teamleider": 13,
}
ACCESS_EXISTS = re.compile(r'EXISTS\s*\(\s*SELECT 1 AS "a" FROM "youth_youth"')


@pytest.fixture
def paths(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("load_reference_data", verbosity=0)
    generate(youth=500, seed=4)  # a typical coach whose home page lists youth (read entries)
    return build_paths()


def _key(name: str) -> str:
    return next(key for key in sorted(PINNED, key=len, reverse=True) if name.startswith(key))


def _get(path):
    client = Client()
    client.force_login(path.user)
    client.get(path.url)  # warm: the session's first use
    with count_queries() as queries:
        response = client.get(path.url)
    assert response.status_code == path.status, path.name
    return queries


def test_every_path_costs_its_pinned_number_of_queries(paths):
    seen = {}
    for path in paths:
        queries = _get(path)
        pinned = PINNED[_key(path.name)]
        assert len(queries) in (pinned if isinstance(pinned, tuple) else (pinned,)), (
            path.name, len(queries), "\n".join(q["sql"][:120] for q in queries))
        seen.setdefault(_key(path.name), set()).add(len(queries))
    # Constant in list length: light and heavy worklists, the first and the last list page.
    assert all(len(counts) == 1 for key, counts in seen.items()
               if not isinstance(PINNED[key], tuple)), seen


def test_lists_read_through_the_access_union_not_an_or_of_exists(paths):
    """The youth list and the API list scope by one UNION of per-reason id sub-queries; the
    worklist by the contact-person reason as a join; none ORs EXISTS sub-queries per reason."""
    for path in paths:
        if not path.name.startswith(("jongerenlijst", "API jongeren", "werkvoorraad")):
            continue
        rows_query = max((q["sql"] for q in _get(path) if q["sql"].startswith("SELECT")),
                         key=len)
        assert " OR " not in rows_query, path.name
        if path.name.startswith("werkvoorraad"):
            assert not ACCESS_EXISTS.search(rows_query), path.name
        else:
            assert "UNION" in rows_query, path.name
