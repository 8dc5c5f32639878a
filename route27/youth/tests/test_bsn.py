import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from route27.core.errors import ValidationFailed
from route27.youth.bsn import mask_bsn, normalise_bsn
from route27.youth.tests.factories import valid_bsn


def elfproef(number: str) -> bool:
    digits = [int(d) for d in number]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and number != "000000000"


@given(st.from_regex(r"\A[0-9]{9}\Z"))
def test_stdnum_agrees_with_the_elfproef(number):
    try:
        normalise_bsn(number)
        accepted = True
    except ValidationFailed:
        accepted = False
    assert accepted == elfproef(number)


def test_empty_is_none():
    assert normalise_bsn("") is None
    assert normalise_bsn(None) is None


def test_rvig_test_bsns_are_valid():
    import csv

    from route27.organisations.reference_data import DATA_DIR

    with open(DATA_DIR / "test_bsn_rvig_gbav_20220502.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert normalise_bsn(row["bsn"]) == row["bsn"]


def test_mask():
    assert mask_bsn(valid_bsn(1)).startswith("******")


def test_no_url_pattern_takes_a_bsn():
    from django.urls import get_resolver

    def routes(patterns, prefix=""):
        for p in patterns:
            if hasattr(p, "url_patterns"):
                yield from routes(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern)

    assert not [r for r in routes(get_resolver().url_patterns) if re.search("bsn", r, re.I)
                and "<" in r]


@pytest.mark.django_db
def test_bsn_search_is_post_only_and_never_echoed(coach_client, team):
    from route27.youth.tests.factories import YouthFactory

    youth = YouthFactory(team=team, bsn=valid_bsn(5))
    assert coach_client.get("/jongeren/zoeken-op-bsn/").status_code == 405
    found = coach_client.post("/jongeren/zoeken-op-bsn/", {"bsn": valid_bsn(5)})
    assert found.status_code == 302
    assert found["Location"] == f"/jongeren/{youth.public_id}/"
    wrong = coach_client.post("/jongeren/zoeken-op-bsn/", {"bsn": "123456789"}, follow=True)
    assert "elfproef" in wrong.content.decode()
    assert b"123456789" not in wrong.content
    assert "123456789" not in wrong.redirect_chain[-1][0]


def test_log_filter_scrubs_nine_digit_numbers():
    import logging

    from route27.core.logging import ScrubPersonalDataFilter

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "zoek %s", (valid_bsn(1),), None)
    ScrubPersonalDataFilter().filter(record)
    assert valid_bsn(1) not in record.getMessage()
    assert "[bsn]" in record.getMessage()
