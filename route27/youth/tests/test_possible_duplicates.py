"""Review items for files that may be one person (issue 9 §3–4)."""

import pytest

from route27.audit.models import AuditEntry
from route27.casefile.models import Event
from route27.core.errors import ValidationFailed
from route27.organisations.tests.factories import TeamFactory
from route27.youth.events import YouthEventKind
from route27.youth.models import PossibleDuplicate
from route27.youth.selectors import possible_duplicates_for
from route27.youth.services import (
    possible_duplicate_raise,
    youth_create,
    youth_holding_bsn,
    youth_update,
)
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db
REASON = PossibleDuplicate.Reason.BSN_OTHER_PERSON


def test_raise_records_the_event_on_the_existing_file_only_and_is_idempotent(coach, team):
    """The existing file's team sees the review in its timeline; the new file gets the audit row
    only: its team often typed the BSN, and must not learn that it exists elsewhere."""
    new, existing = YouthFactory(team=team), YouthFactory(team=TeamFactory())
    review = possible_duplicate_raise(actor=coach, youth=new, other=existing, reason=REASON,
                                      source="handover")
    again = possible_duplicate_raise(actor=coach, youth=existing, other=new, reason=REASON,
                                     source="handover")
    assert again == review
    kinds = Event.objects.filter(kind=YouthEventKind.POSSIBLE_DUPLICATE_RAISED)
    assert list(kinds.values_list("youth_id", flat=True)) == [existing.pk]
    rows = AuditEntry.objects.filter(object_type="possible_duplicate")
    assert sorted(rows.values_list("subject_id", flat=True)) == sorted([new.pk, existing.pk])


def test_a_file_is_no_duplicate_of_itself(coach, team):
    youth = YouthFactory(team=team)
    with pytest.raises(ValidationFailed):
        possible_duplicate_raise(actor=coach, youth=youth, other=youth, reason=REASON,
                                 source="handover")
    assert not PossibleDuplicate.objects.exists()


def test_the_review_shows_to_who_may_see_the_existing_file_not_only_the_new_one(coach, team):
    """ADR 0011: who may see only the new file (the side that typed the BSN) is not told."""
    mine, theirs = YouthFactory(team=team), YouthFactory(team=TeamFactory())
    about_mine = possible_duplicate_raise(actor=None, youth=theirs, other=mine, reason=REASON,
                                          source="leavers_import")
    possible_duplicate_raise(actor=None, youth=mine, other=YouthFactory(team=TeamFactory()),
                             reason=REASON, source="leavers_import")
    unrelated = possible_duplicate_raise(
        actor=None, youth=YouthFactory(team=TeamFactory()), other=YouthFactory(),
        reason=REASON, source="leavers_import")
    shown = list(possible_duplicates_for(coach))
    assert shown == [about_mine] and unrelated not in shown


def _person(youth, **overrides):
    return {"given_names": "Iemand", "family_name": youth.family_name,
            "birth_date": str(youth.birth_date), "municipality": youth.municipality,
            **overrides}


@pytest.mark.parametrize("family_name, reason", [
    (None, PossibleDuplicate.Reason.SAME_BSN),
    ("Anders", PossibleDuplicate.Reason.BSN_OTHER_PERSON),
])
def test_a_bsn_another_file_holds_is_kept_under_review_not_refused(coach, team, family_name,
                                                                  reason):
    holder = YouthFactory(team=TeamFactory(), with_bsn=True)
    data = _person(holder, **({"family_name": family_name} if family_name else {}))
    new = youth_create(actor=coach, bsn=holder.bsn, bsn_clash="review", source="test", **data)
    assert new.bsn == holder.bsn and new.bsn_under_review
    review = PossibleDuplicate.objects.get()
    assert (review.youth, review.other, review.reason) == (new, holder, reason)
    assert youth_holding_bsn(holder.bsn) == holder


def test_refuse_stays_the_default_for_who_may_see_the_holder(coach, team):
    holder = YouthFactory(team=team, with_bsn=True)
    with pytest.raises(ValidationFailed):
        youth_create(actor=coach, bsn=holder.bsn, **_person(holder))
    assert not PossibleDuplicate.objects.exists()


def test_a_file_under_review_keeps_its_bsn_on_update_and_clears_the_mark_on_a_new_one(coach,
                                                                                      team):
    holder = YouthFactory(team=TeamFactory(), with_bsn=True)
    new = youth_create(actor=coach, bsn=holder.bsn, bsn_clash="review", **_person(holder))
    new = youth_update(actor=coach, youth=new, bsn=holder.bsn,
                       **_person(holder, given_names="Anna"))
    assert new.bsn_under_review and new.given_names == "Anna"
    new = youth_update(actor=coach, youth=new, bsn=valid_bsn(77), **_person(holder))
    assert not new.bsn_under_review
