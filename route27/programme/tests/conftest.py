import pytest


@pytest.fixture(autouse=True)
def programme_lists(db):
    """The themes and the calendar, as `load_reference_data` brings them back after a flush."""
    from route27.programme.reference_lists import load_deadlines, load_themes

    load_themes()
    load_deadlines()
