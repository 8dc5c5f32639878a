"""One file per person (issue 9 §4, ADR 0011): merging two files, reading the kept one, and the
functional administrator's undo."""

import datetime

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.utils import timezone

from route27.audit.models import AuditEntry
from route27.casefile.models import Event
from route27.casefile.selectors import timeline_of
from route27.core.errors import Refused, ValidationFailed
from route27.handover.models import Handover, SupportRequest
from route27.handover.tests.factories import HandoverFactory, SupportRequestFactory
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    TeamFactory,
    member,
    real_municipality,
)
from route27.portal.models import PortalAccount
from route27.portal.selectors import access_log
from route27.portal.tests.factories import PortalAccountFactory
from route27.signals.models import Signal
from route27.trajectories.models import Trajectory
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.workflow import Step
from route27.youth.events import YouthEventKind
from route27.youth.merge import APPEND_ONLY_RELATIONS, MERGE_MOVERS
from route27.youth.models import (
    ContactAssignment,
    Guardian,
    PossibleDuplicate,
    Youth,
    YouthMerge,
)
from route27.youth.selectors import possible_duplicates_for, youth_list
from route27.youth.services import (
    possible_duplicate_dismiss,
    youth_merge,
    youth_merge_undo,
)
from route27.youth.tests.factories import (
    ContactAssignmentFactory,
    PossibleDuplicateFactory,
    YouthFactory,
    YouthMergeFactory,
    valid_bsn,
)

pytestmark = pytest.mark.django_db
REASON = "Zelfde persoon: zelfde adres en telefoonnummer (test)"


@pytest.fixture
def admin(team):
    """The functional administrator of the organisation whose team serves the youth's
    municipality (Aalsmeer, the factories' default)."""
    TeamFactory(organisation=team.organisation, serves=[real_municipality()])
    return member(Role.FUNCTIONEEL_BEHEERDER, team=team)


def _pair(team, **merged):
    kept = YouthFactory(team=team, with_bsn=True, family_name="Dubbel")
    return kept, YouthFactory(team=team, family_name="Dubbel", **merged)


def _file_of_someone(coach, team):
    """A merged file with one of everything: a trajectory waiting in the intake queue, an old
    closed one, a handover with consent, a support request, a signal, a portal account of a
    parent, guardians, an ended contact assignment, a review item with a third file."""
    kept, merged = _pair(team, minor=True)
    TrajectoryFactory(youth=kept, team=team, intake=True, actor=coach)
    closed = TrajectoryFactory(youth=merged, team=team, closed_on=timezone.localdate())
    queued = TrajectoryFactory(youth=merged, team=team)
    handover = HandoverFactory(youth=merged, sent=True)
    support = SupportRequestFactory(youth=merged)
    signal = Signal.objects.create(source="school", given_names="X", family_name="Dubbel",
                                   birth_year=2007, municipality=merged.municipality,
                                   youth=merged, trajectory=queued, status="linked")
    parent = PortalAccountFactory(youth=merged, parent=True)
    Guardian.objects.create(youth=merged, name="Ouder van Dubbel")
    assignment = ContactAssignmentFactory(youth=merged, user=coach, ended_at=timezone.now())
    third = PossibleDuplicateFactory(other=merged, youth=YouthFactory(team=team))
    review = PossibleDuplicateFactory(other=kept, youth=merged)
    return kept, merged, {"closed": closed, "queued": queued, "handover": handover,
                          "support": support, "signal": signal, "parent": parent,
                          "assignment": assignment, "third": third, "review": review}


def test_merge_moves_every_row_and_the_kept_file_reads_the_merged_files_ledger(coach, team):
    kept, merged, rows = _file_of_someone(coach, team)
    merged_events = set(Event.objects.filter(youth=merged).values_list("pk", flat=True))
    reader = member(Role.DOORSTROOMCOACH, team=team)
    AuditEntry.objects.create(actor=reader, action="read", subject=merged, object_type="youth",
                              object_id=str(merged.public_id), purpose="casework")
    merge = youth_merge(actor=coach, kept=kept, merged=merged, reason=REASON,
                        review=rows["review"])
    merged.refresh_from_db()
    assert merged.merged_into == kept and merged.bsn is None
    for model, obj in [(Trajectory, rows["closed"]), (Trajectory, rows["queued"]),
                       (Handover, rows["handover"]), (SupportRequest, rows["support"]),
                       (Signal, rows["signal"]), (PortalAccount, rows["parent"]),
                       (ContactAssignment, rows["assignment"])]:
        assert model.objects.get(pk=obj.pk).youth_id == kept.pk, model
    assert kept.guardians.count() == 1
    rows["third"].refresh_from_db()
    assert rows["third"].other == kept
    rows["queued"].refresh_from_db()
    assert rows["queued"].step == Step.CLOSED and not rows["queued"].outflow_reason
    assert kept.trajectories.filter(closed_on__isnull=True).get().step == Step.INTAKE
    rows["review"].refresh_from_db()
    assert rows["review"].status == PossibleDuplicate.Status.MERGED
    assert merge.review == rows["review"]
    # The ledger and the log are not rewritten; the kept file reads the merged file's rows.
    assert merged_events <= set(timeline_of(kept).values_list("pk", flat=True))
    assert Event.objects.filter(pk__in=merged_events, youth=merged).count() == len(merged_events)
    assert set(Event.objects.filter(kind=YouthEventKind.YOUTH_MERGED)
               .values_list("youth_id", flat=True)) == {kept.pk, merged.pk}
    log = access_log(youth=kept, viewer=rows["parent"].user, relations={})
    assert log.filter(subject=merged, actor=reader).exists()


def test_both_ids_reach_the_kept_file_and_no_one_else_learns_of_it(coach, coach_client, team,
                                                                   other_coach):
    kept, merged = _pair(team)
    youth_merge(actor=coach, kept=kept, merged=merged, reason=REASON)
    response = coach_client.get(f"/jongeren/{merged.public_id}/")
    assert response.status_code == 302 and response["Location"] == f"/jongeren/{kept.public_id}/"
    assert coach_client.get(f"/jongeren/{merged.public_id}/wijzigen/")["Location"] == \
        f"/jongeren/{kept.public_id}/wijzigen/"
    assert coach_client.get(response["Location"]).status_code == 200
    api = coach_client.get(f"/api/v1/jongeren/{merged.public_id}")
    assert api.status_code == 307 and api["Location"] == f"/api/v1/jongeren/{kept.public_id}"
    outsider = Client()
    outsider.force_login(other_coach)
    unknown = outsider.get("/jongeren/00000000-0000-4000-8000-000000000000/")
    assert outsider.get(f"/jongeren/{merged.public_id}/").status_code == unknown.status_code == 404
    assert outsider.get(f"/api/v1/jongeren/{merged.public_id}").status_code == 404


def test_a_merged_file_is_in_no_list(coach, coach_client, team):
    kept, merged = _pair(team)
    youth_merge(actor=coach, kept=kept, merged=merged, reason=REASON)
    assert list(youth_list(user=coach)) == [kept]
    body = coach_client.get("/api/v1/jongeren").content.decode()
    assert str(kept.public_id) in body and str(merged.public_id) not in body


def test_the_bsn_goes_to_the_kept_file_when_only_the_merged_one_had_it(coach, team):
    kept = YouthFactory(team=team)
    merged = YouthFactory(team=team, with_bsn=True)
    bsn = merged.bsn
    merge = youth_merge(actor=coach, kept=kept, merged=merged, reason=REASON)
    kept.refresh_from_db()
    merged.refresh_from_db()
    assert (kept.bsn, merged.bsn) == (bsn, None)
    assert merge.moved["bsn"]["merged"] == [bsn, False]


@pytest.mark.parametrize("case", ["self", "already_merged", "no_reason", "other_team",
                                  "two_bsns", "open_elsewhere", "both_under_way",
                                  "two_own_accounts"])
def test_the_merge_is_refused(case, coach, team, other_team):
    kept, merged = _pair(team)
    reason = REASON
    if case == "self":
        merged = kept
    elif case == "already_merged":
        YouthMergeFactory(kept=YouthFactory(team=team), merged=merged)
        merged.refresh_from_db()
    elif case == "no_reason":
        reason = "  "
    elif case == "other_team":
        merged = YouthFactory(team=other_team)
    elif case == "two_bsns":
        Youth.objects.filter(pk=merged.pk).update(bsn=valid_bsn(5))
        merged.refresh_from_db()
    elif case == "open_elsewhere":
        TrajectoryFactory(youth=kept, team=team)
        TrajectoryFactory(youth=merged, team=other_team)
    elif case == "both_under_way":
        TrajectoryFactory(youth=kept, team=team, intake=True, actor=coach)
        TrajectoryFactory(youth=merged, team=team, intake=True, actor=coach)
    elif case == "two_own_accounts":
        PortalAccountFactory(youth=kept)
        PortalAccountFactory(youth=merged)
    # A merged file is seen by no one: merging it again is refused like any file out of reach.
    error = Refused if case in ("other_team", "already_merged") else ValidationFailed
    with pytest.raises(error):
        youth_merge(actor=coach, kept=kept, merged=merged, reason=reason)
    assert not YouthMerge.objects.filter(kept=kept).exists()


def test_the_undo_restores_exactly_what_moved(coach, team, admin):
    kept, merged, rows = _file_of_someone(coach, team)
    bsn = kept.bsn
    merge = youth_merge(actor=coach, kept=kept, merged=merged, reason=REASON,
                        review=rows["review"])
    since = HandoverFactory(youth=kept)  # written on the kept file after the merge: stays
    youth_merge_undo(actor=admin, merge=merge, reason="Toch twee personen (test)")
    merged.refresh_from_db()
    kept.refresh_from_db()
    assert merged.merged_into is None and kept.bsn == bsn
    for model, obj in [(Trajectory, rows["closed"]), (Trajectory, rows["queued"]),
                       (Handover, rows["handover"]), (SupportRequest, rows["support"]),
                       (Signal, rows["signal"]), (PortalAccount, rows["parent"]),
                       (ContactAssignment, rows["assignment"])]:
        assert model.objects.get(pk=obj.pk).youth_id == merged.pk, model
    assert Handover.objects.get(pk=since.pk).youth == kept
    assert merged.guardians.count() == 1 and not kept.guardians.exists()
    rows["queued"].refresh_from_db()
    assert rows["queued"].step == Step.SIGNAL and rows["queued"].closed_on is None
    rows["review"].refresh_from_db()
    rows["third"].refresh_from_db()
    assert rows["review"].status == PossibleDuplicate.Status.OPEN
    assert rows["third"].other == merged
    merge.refresh_from_db()
    assert merge.undone_by == admin and merge.is_undone
    assert set(Event.objects.filter(kind=YouthEventKind.YOUTH_MERGE_UNDONE)
               .values_list("youth_id", flat=True)) == {kept.pk, merged.pk}
    assert not timeline_of(kept).filter(youth=merged).exists()


def test_the_undo_is_for_a_functional_administrator_within_the_term(coach, team, admin,
                                                                    settings):
    merge = YouthMergeFactory(kept=YouthFactory(team=team), actor=coach)
    with pytest.raises(Refused):
        youth_merge_undo(actor=coach, merge=merge, reason="test")
    with pytest.raises(Refused):  # the administrator of an organisation elsewhere
        youth_merge_undo(actor=member(Role.FUNCTIONEEL_BEHEERDER), merge=merge, reason="test")
    settings.ROUTE27_MERGE_UNDO_DAYS = 30
    YouthMerge.objects.filter(pk=merge.pk).update(
        merged_at=timezone.now() - datetime.timedelta(days=31))
    with pytest.raises(ValidationFailed):
        youth_merge_undo(actor=admin, merge=merge, reason="test")
    assert not YouthMerge.objects.get(pk=merge.pk).is_undone


def test_a_merged_file_merged_again_leads_to_the_last_kept_file(coach, coach_client, team, admin):
    first = YouthMergeFactory(kept=YouthFactory(team=team), actor=coach)
    final = YouthFactory(team=team)
    youth_merge(actor=coach, kept=final, merged=first.kept, reason=REASON)
    assert Youth.objects.get(pk=first.merged_id).merged_into == final
    response = coach_client.get(f"/jongeren/{first.merged.public_id}/")
    assert response["Location"] == f"/jongeren/{final.public_id}/"
    assert set(timeline_of(final).values_list("youth_id", flat=True)) >= {
        first.merged_id, first.kept_id}
    with pytest.raises(ValidationFailed):  # undo the later merge first
        youth_merge_undo(actor=admin, merge=first, reason="test")


@pytest.mark.parametrize("trait", ["same_bsn", "bsn_other_person"])
def test_different_people_clears_the_bsn_under_review(coach, team, trait):
    review = PossibleDuplicateFactory(other__team=team, **{trait: True})
    bsn = review.other.bsn
    possible_duplicate_dismiss(actor=coach, review=review, note="Andere ouders (test)")
    review.refresh_from_db()
    review.youth.refresh_from_db()
    review.other.refresh_from_db()
    assert review.status == PossibleDuplicate.Status.DISTINCT
    assert review.youth.bsn is None and not review.youth.bsn_under_review
    assert review.other.bsn == bsn
    assert Event.objects.filter(youth=review.youth, kind=YouthEventKind.BSN_TO_CHECK).exists()


def test_different_people_on_name_and_birth_date_keeps_both_files_as_they_are(coach, team):
    review = PossibleDuplicateFactory(other__team=team, youth__bsn=valid_bsn(9))
    possible_duplicate_dismiss(actor=coach, review=review, note="Tweeling (test)")
    review.youth.refresh_from_db()
    assert review.youth.bsn == valid_bsn(9)
    with pytest.raises(ValidationFailed):  # decided once
        possible_duplicate_dismiss(actor=coach, review=review, note="nog eens")
    with pytest.raises(ValidationFailed):
        possible_duplicate_dismiss(actor=coach, review=PossibleDuplicateFactory(
            other__team=team), note=" ")


def test_deciding_needs_both_files_or_the_administrator_of_their_municipality(coach, team,
                                                                             admin):
    review = PossibleDuplicateFactory(other__team=team, other_team=True)
    assert review in possible_duplicates_for(coach)  # the existing file is the coach's
    with pytest.raises(Refused):
        possible_duplicate_dismiss(actor=coach, review=review, note="test")
    assert review in possible_duplicates_for(admin)
    possible_duplicate_dismiss(actor=admin, review=review, note="Andere persoon (test)")


def test_every_relation_to_a_youth_has_a_mover():
    """A new model that points at a youth must say what a merge does with its rows."""
    relations = set()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields(include_hidden=True):
            if isinstance(field, (models.ForeignKey, models.OneToOneField)) and \
                    field.related_model is Youth and not field.auto_created:
                relations.add((model._meta.label, field.name))
    missing = relations - MERGE_MOVERS.relations() - APPEND_ONLY_RELATIONS \
        - {("youth.YouthMerge", "kept"), ("youth.YouthMerge", "merged")}
    assert not missing, f"relations to youth.Youth without a merge mover: {sorted(missing)}"
