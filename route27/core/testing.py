"""Support for the tests of every app (imported by tests only, never by the application).

Query counts. A page or endpoint that lists rows costs a fixed number of queries, whatever the
number of rows (no N+1). Count a first run, then hold a run with more rows to that count, and cap
it; on failure the message lists every SQL statement the block ran, numbered, next to the
statements of the earlier run, so the extra query can be read off::

    with assert_max_queries(14) as small:
        assert client.get(url).status_code == 200
    add_more_rows()
    with assert_num_queries(small):
        assert client.get(url).status_code == 200

``expected`` and ``limit`` are a number or an earlier capture (its count, and its statements in
the failure message). :func:`count_queries` captures without asserting (a first run to compare
with). When the block itself raises, that error is what the test reports; the count is not
checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sized
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext

__all__ = ["CapturedQueries", "assert_max_queries", "assert_num_queries", "count_queries",
           "numbered_queries"]


class CapturedQueries(CaptureQueriesContext):
    """The statements one block ran on one database: ``len()`` is their number."""

    def numbered(self) -> str:
        return numbered_queries(self.captured_queries)


def numbered_queries(queries) -> str:
    """Every statement on its own numbered line(s), as the failure messages show them."""
    if not queries:
        return "   (none)"
    width = len(str(len(queries)))
    lines = []
    for n, query in enumerate(queries, start=1):
        sql = query["sql"] if isinstance(query, dict) else str(query)
        prefix = f"  {n:>{width}}. "
        lines.append(prefix + sql.replace("\n", "\n" + " " * len(prefix)))
    return "\n".join(lines)


@contextmanager
def count_queries(*, using: str = DEFAULT_DB_ALIAS) -> Iterator[CapturedQueries]:
    """Capture the statements of the block without asserting anything."""
    with CapturedQueries(connections[using]) as captured:
        yield captured


def _count(expected: int | Sized) -> int:
    return expected if isinstance(expected, int) else len(expected)


def _failure(captured: CapturedQueries, expected: int | Sized, wanted: str) -> str:
    message = [f"{len(captured)} queries were run, {wanted}:", captured.numbered()]
    if isinstance(expected, CapturedQueries):
        message += [f"The {len(expected)} queries of the run compared with:", expected.numbered()]
    return "\n".join(message)


@contextmanager
def assert_num_queries(expected: int | Sized, *,
                       using: str = DEFAULT_DB_ALIAS) -> Iterator[CapturedQueries]:
    """The block runs exactly ``expected`` queries (a number or an earlier capture)."""
    with count_queries(using=using) as captured:
        yield captured
    if len(captured) != _count(expected):
        raise AssertionError(_failure(captured, expected, f"expected {_count(expected)}"))


@contextmanager
def assert_max_queries(limit: int | Sized, *,
                       using: str = DEFAULT_DB_ALIAS) -> Iterator[CapturedQueries]:
    """The block runs at most ``limit`` queries (a number or an earlier capture)."""
    with count_queries(using=using) as captured:
        yield captured
    if len(captured) > _count(limit):
        raise AssertionError(_failure(captured, limit, f"at most {_count(limit)} allowed"))
