"""Issue 9 §4 and §7: No Wrong Door never makes a second file, and an anonymous visitor never
attaches a signal with their own contact details to someone's file by a BSN."""

import pytest

from route27.signals.models import SignalStatus, Source
from route27.signals.services import signal_register
from route27.signals.tests.conftest import person
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db


def _sanne(team, **fields):
    return YouthFactory(given_names="Sanne", surname_prefix="de", family_name="Vries",
                        birth_year=2007, birth_month=5, birth_day=17, team=team, **fields)


def test_a_signal_without_bsn_for_someone_with_a_bsn_asks_the_coach(aalsmeer_team,
                                                                  aalsmeer_coach):
    known = _sanne(aalsmeer_team, bsn=valid_bsn(21))
    before = Youth.objects.count()
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    assert Youth.objects.count() == before  # no second file
    assert signal.status == SignalStatus.NEEDS_CONFIRMATION
    assert list(signal.candidates.all()) == [known]


def test_an_anonymous_signal_with_a_bsn_is_never_linked_by_itself(client, aalsmeer_team):
    known = _sanne(aalsmeer_team, bsn=valid_bsn(22), phone="0201234567")
    events_before = known.events.count()
    signal = signal_register(actor=None, source=Source.SELF,
                             **person(bsn=known.bsn, phone="0699999999"))
    assert signal.youth is None and signal.status == SignalStatus.NEEDS_CONFIRMATION
    assert list(signal.candidates.all()) == [known]
    known.refresh_from_db()
    assert known.phone == "0201234567" and known.events.count() == events_before


def test_an_anonymous_bsn_with_other_name_and_birth_date_reaches_no_file(aalsmeer_team):
    known = YouthFactory(bsn=valid_bsn(23), family_name="Anders", team=aalsmeer_team)
    signal = signal_register(actor=None, source=Source.SELF, **person(bsn=known.bsn))
    assert signal.youth is None and not signal.candidates.exists()
    assert signal.bsn is None  # a BSN that does not fit the person is not kept
    assert signal.status == SignalStatus.NEEDS_CONFIRMATION
