import datetime

import pytest

from route27.core.partial_date import InvalidPartialDate, PartialDate


@pytest.mark.parametrize("text, expected", [
    ("17-05-2008", PartialDate(2008, 5, 17)),
    ("2008-05-17", PartialDate(2008, 5, 17)),
    ("20080517", PartialDate(2008, 5, 17)),
    ("00-05-2008", PartialDate(2008, 5, None)),
    ("00-00-2008", PartialDate(2008, None, None)),
    ("20080000", PartialDate(2008, None, None)),
])
def test_parse(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", ["31-02-2008", "17-13-2008", "05-00-2008", "1-1-08", "",
                                  "17-05-1850"])
def test_refuses(text):
    with pytest.raises(InvalidPartialDate):
        PartialDate.parse(text)


def test_range_of_an_incomplete_date():
    assert PartialDate(2008).earliest() == datetime.date(2008, 1, 1)
    assert PartialDate(2008).latest() == datetime.date(2008, 12, 31)
    assert PartialDate(2008, 2).latest() == datetime.date(2008, 2, 29)
