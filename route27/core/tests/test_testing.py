"""The shared query-count helpers of route27.core.testing."""

import pytest
from django.db import connection

from route27.core.testing import (
    assert_max_queries,
    assert_num_queries,
    count_queries,
    numbered_queries,
)

pytestmark = pytest.mark.django_db


def run(*statements):
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def test_count_queries_captures_without_asserting():
    with count_queries() as captured:
        run("SELECT 1", "SELECT 2")
    assert len(captured) == 2
    assert [q["sql"] for q in captured] == ["SELECT 1", "SELECT 2"]


def test_exact_count_passes_and_yields_the_capture():
    with assert_num_queries(2) as captured:
        run("SELECT 1", "SELECT 2")
    assert len(captured) == 2


def test_exact_count_fails_listing_every_statement_numbered():
    with pytest.raises(AssertionError) as caught, assert_num_queries(1):
        run("SELECT 1", "SELECT 2")
    assert str(caught.value) == ("2 queries were run, expected 1:\n"
                                 "  1. SELECT 1\n"
                                 "  2. SELECT 2")


def test_fewer_queries_than_expected_fail_too():
    with pytest.raises(AssertionError, match="0 queries were run, expected 1:\n   \\(none\\)"), \
            assert_num_queries(1):
        pass


def test_max_passes_at_and_below_the_limit():
    with assert_max_queries(2):
        run("SELECT 1", "SELECT 2")
    with assert_max_queries(2) as captured:
        run("SELECT 1")
    assert len(captured) == 1


def test_max_fails_above_the_limit():
    with pytest.raises(AssertionError) as caught, assert_max_queries(1):
        run("SELECT 1", "SELECT 2")
    assert str(caught.value).startswith("2 queries were run, at most 1 allowed:\n  1. SELECT 1")


def test_an_earlier_capture_is_the_expected_count_and_shown_on_failure():
    with count_queries() as small:
        run("SELECT 1")
    with assert_num_queries(small):
        run("SELECT 3")
    with pytest.raises(AssertionError) as caught, assert_num_queries(small):
        run("SELECT 1", "SELECT 2")
    assert str(caught.value) == ("2 queries were run, expected 1:\n"
                                 "  1. SELECT 1\n"
                                 "  2. SELECT 2\n"
                                 "The 1 queries of the run compared with:\n"
                                 "  1. SELECT 1")
    with assert_max_queries(small):
        run("SELECT 4")


def test_an_error_in_the_block_is_reported_not_the_count():
    with pytest.raises(ZeroDivisionError), assert_num_queries(5):
        run("SELECT 1")
        1 / 0  # noqa: B018


def test_numbering_is_aligned_and_multiline_statements_stay_indented():
    text = numbered_queries([{"sql": f"SELECT {n}"} for n in range(1, 10)]
                            + [{"sql": "SELECT a\nFROM b"}])
    lines = text.splitlines()
    assert lines[0] == "   1. SELECT 1"
    assert lines[9] == "  10. SELECT a"
    assert lines[10] == "      FROM b"
