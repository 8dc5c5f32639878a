"""Review items for files that may be one person (issue 9 §3–4)."""

import pytest

from route27.audit.models import AuditEntry
from route27.casefile.models import Event
from route27.core.errors import ValidationFailed
from route27.organisations.tests.factories import TeamFactory
from route27.youth.events import YouthEventKind
from route27.youth.models import PossibleDuplicate
from route27.youth.selectors import possible_duplicates_for
from route27.youth.services import possible_duplicate_raise
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
REASON = PossibleDuplicate.Reason.BSN_OTHER_PERSON


def test_raise_records_an_event_on_both_files_and_is_idempotent(coach, team):
    new, existing = YouthFactory(team=team), YouthFactory(team=TeamFactory())
    review = possible_duplicate_raise(actor=coach, youth=new, other=existing, reason=REASON,
                                      source="handover")
    again = possible_duplicate_raise(actor=coach, youth=existing, other=new, reason=REASON,
                                     source="handover")
    assert again == review
    kinds = Event.objects.filter(kind=YouthEventKind.POSSIBLE_DUPLICATE_RAISED)
    assert sorted(kinds.values_list("youth_id", flat=True)) == sorted([new.pk, existing.pk])
    assert AuditEntry.objects.filter(object_type="possible_duplicate").count() == 2


def test_a_file_is_no_duplicate_of_itself(coach, team):
    youth = YouthFactory(team=team)
    with pytest.raises(ValidationFailed):
        possible_duplicate_raise(actor=coach, youth=youth, other=youth, reason=REASON,
                                 source="handover")
    assert not PossibleDuplicate.objects.exists()


def test_the_review_shows_to_who_may_see_one_of_the_files(coach, team):
    mine, theirs = YouthFactory(team=team), YouthFactory(team=TeamFactory())
    possible_duplicate_raise(actor=None, youth=mine, other=theirs, reason=REASON,
                             source="leavers_import")
    unrelated = possible_duplicate_raise(
        actor=None, youth=YouthFactory(team=TeamFactory()), other=YouthFactory(),
        reason=REASON, source="leavers_import")
    shown = list(possible_duplicates_for(coach))
    assert len(shown) == 1 and unrelated not in shown
