"""Involvement, regie and casusoverleg use cases: events, audit, notices, the law's ground."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from route27 import law
from route27.audit.models import AuditEntry
from route27.casefile.models import Event
from route27.casework import services
from route27.casework.models import (
    CaseMeeting,
    CaseworkNotice,
    Involvement,
    MeetingAction,
    Regie,
    RegieStatus,
)
from route27.casework.tests.factories import chain, meeting, on_agenda
from route27.core.errors import Refused, TransitionRefused, ValidationFailed
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import OrganisationFactory, TeamFactory, member
from route27.trajectories import services as trajectory_services
from route27.trajectories.tests.factories import walk
from route27.trajectories.workflow import Step
from route27.youth.models import PossibleDuplicate, Youth
from route27.youth.rules import read_only_reason
from route27.youth.selectors import youth_visible_to

pytestmark = pytest.mark.django_db


def _held(m) -> None:
    """The meeting took place an hour ago."""
    CaseMeeting.objects.filter(pk=m.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1))
    m.refresh_from_db()


def _youth_worker():
    return member(Role.SOCIAAL_TEAM, team=TeamFactory(organisation=OrganisationFactory(
        type=OrganisationType.JONGERENWERK)), first_name="Jay", email="jay@example.org")


# --- Involvement --------------------------------------------------------------------------------
def test_a_second_organisation_registering_gives_both_a_match_notice():
    c = chain()
    first = services.involvement_register(actor=c.school_contact, youth=c.youth, role="Mentor",
                                          reach="020-1111111")
    worker = _youth_worker()
    second = services.involvement_register(actor=worker, youth=c.youth, role="Jongerenwerker",
                                           reach="06-12345678")
    to_worker = CaseworkNotice.objects.get(recipient=worker)
    to_school = CaseworkNotice.objects.get(recipient=c.school_contact,
                                           kind=CaseworkNotice.Kind.INVOLVEMENT_MATCH)
    assert to_worker.involvement == first and first.organisation.name in to_worker.text
    assert to_school.involvement == second and second.organisation.name in to_school.text
    # The contact person (the holding organisation) hears of both.
    assert CaseworkNotice.objects.filter(recipient=c.coach).count() == 2
    assert Event.objects.filter(youth=c.youth, kind="involvement_registered").count() == 2
    assert AuditEntry.objects.filter(object_type="involvement", subject_id=c.youth.pk,
                                     purpose="collaboration").count() == 2


def test_involvement_opens_the_card_not_the_file():
    c = chain()
    worker = _youth_worker()
    services.involvement_register(actor=worker, youth=c.youth, role="Jongerenwerker",
                                  reach="06-12345678")
    assert not youth_visible_to(worker).filter(pk=c.youth.pk).exists()
    from route27.casework.selectors import involvement_card

    card = involvement_card(user=worker, public_id=c.youth.public_id)
    assert [i.role for i in card.involvements] == ["Jongerenwerker"]


def test_registering_by_bsn_links_only_when_name_and_birth_date_agree():
    c = chain()
    worker = _youth_worker()
    data = {"bsn": c.youth.bsn, "given_names": "Noor", "family_name": "Zeldzaamnaam",
            "birth_date": c.youth.birth_date.isoformat() if hasattr(
                c.youth.birth_date, "isoformat") else str(c.youth.birth_date),
            "municipality": c.municipality, "role": "Jongerenwerker", "reach": "06-1"}
    data["birth_date"] = f"{c.youth.birth_day:02d}-{c.youth.birth_month:02d}-{c.youth.birth_year}"
    linked = services.involvement_register_by_bsn(actor=worker, **data)
    assert linked.youth == c.youth
    other = services.involvement_register_by_bsn(actor=_youth_worker(), **{
        **data, "family_name": "Anders"})
    assert other.youth != c.youth and other.youth.team is None and other.youth.bsn_under_review
    assert PossibleDuplicate.objects.filter(youth=other.youth, other=c.youth).exists()


def test_registering_by_bsn_refuses_a_bad_bsn_with_a_dutch_message():
    c = chain()
    with pytest.raises(ValidationFailed) as caught:
        services.involvement_register_by_bsn(
            actor=_youth_worker(), bsn="123456780", given_names="A", family_name="B",
            birth_date="01-01-2005", municipality=c.municipality, role="x", reach="y")
    assert "bsn" in caught.value.field_errors
    assert not Involvement.objects.exists() and Youth.objects.count() == 1


def test_only_the_own_organisation_ends_a_manual_involvement():
    c = chain()
    involvement = services.involvement_register(actor=c.school_contact, youth=c.youth,
                                                role="Mentor", reach="020")
    with pytest.raises(Refused):
        services.involvement_end(actor=c.coach, involvement=involvement)
    services.involvement_end(actor=c.school_contact, involvement=involvement, reason="Klaar")
    involvement.refresh_from_db()
    assert involvement.ended_at is not None
    assert Event.objects.filter(kind="involvement_ended", youth=c.youth).exists()


# --- Regie --------------------------------------------------------------------------------------
def test_multi_problem_intake_asks_the_social_team_and_regie_opens_the_file():
    c = chain()
    trajectory_services.intake_record(actor=c.coach, trajectory=c.trajectory,
                                      intensity="intensief", answers={}, multi_problem=True)
    regie = Regie.objects.get(youth=c.youth)
    assert regie.status == RegieStatus.REQUESTED and regie.team == c.social_team
    assert CaseworkNotice.objects.filter(recipient=c.social,
                                         kind=CaseworkNotice.Kind.REGIE_REQUESTED).exists()
    assert not youth_visible_to(c.social).filter(pk=c.youth.pk).exists()

    services.regie_take(actor=c.social, regie=regie)
    assert youth_visible_to(c.social).filter(pk=c.youth.pk).exists()
    assert read_only_reason(c.social, c.youth) == ""  # works on the shared plan
    trajectory_services.goal_add(actor=c.social, trajectory=c.trajectory,
                                 description="Schulden op orde")
    assert Involvement.objects.filter(youth=c.youth, source="regie",
                                      ended_at__isnull=True).exists()
    assert CaseworkNotice.objects.filter(recipient=c.coach,
                                         kind=CaseworkNotice.Kind.REGIE_TAKEN).exists()

    services.regie_hand_back(actor=c.social, regie=regie, reason="Stabiel")
    assert not youth_visible_to(c.social).filter(pk=c.youth.pk).exists()
    assert not Involvement.objects.filter(youth=c.youth, source="regie",
                                          ended_at__isnull=True).exists()
    kinds = list(Event.objects.filter(youth=c.youth, kind__startswith="regie_")
                 .order_by("id").values_list("kind", "to_state"))
    assert kinds == [("regie_requested", "requested"), ("regie_taken", "taken"),
                     ("regie_handed_back", "handed_back")]


def test_regie_is_taken_only_by_the_asked_team_and_only_once():
    c = chain()
    regie = services.regie_request(actor=c.coach, trajectory=c.trajectory)
    with pytest.raises(TransitionRefused):
        services.regie_request(actor=c.coach, trajectory=c.trajectory)
    with pytest.raises(Refused):
        services.regie_take(actor=c.coach, regie=regie)
    services.regie_take(actor=c.social, regie=regie)
    with pytest.raises(TransitionRefused):
        services.regie_take(actor=c.social, regie=regie)


def test_declining_needs_a_reason():
    c = chain()
    regie = services.regie_request(actor=c.coach, trajectory=c.trajectory)
    with pytest.raises(ValidationFailed):
        services.regie_decline(actor=c.social, regie=regie, reason=" ")
    services.regie_decline(actor=c.social, regie=regie, reason="Geen multiproblematiek")
    assert Regie.objects.get(pk=regie.pk).status == RegieStatus.DECLINED


def test_without_a_social_team_the_request_says_so():
    c = chain(with_social_team=False)
    with pytest.raises(TransitionRefused) as caught:
        services.regie_request(actor=c.coach, trajectory=c.trajectory)
    assert "sociaal team" in str(caught.value.message)
    # The intake still records: multi-problem without a sociaal team is not an error.
    trajectory_services.intake_record(actor=c.coach, trajectory=c.trajectory,
                                      intensity="licht", answers={}, multi_problem=True)
    assert not Regie.objects.exists()


def test_closing_the_trajectory_ends_the_regie():
    c = chain()
    regie = services.regie_request(actor=c.coach, trajectory=c.trajectory)
    services.regie_take(actor=c.social, regie=regie)
    trajectory_services.trajectory_hand_back(actor=c.coach, trajectory=c.trajectory,
                                             reason="Verhuisd")
    assert Regie.objects.get(pk=regie.pk).status == RegieStatus.CANCELLED


# --- Casusoverleg -------------------------------------------------------------------------------
def test_agenda_on_mirror_provisions_only_with_partners_who_have_a_task():
    c = chain()
    m = meeting(c, participants=[c.school_contact, c.social])
    item = on_agenda(c, m)
    assert item.ground == "mirror_provisions"
    event = Event.objects.get(kind="agenda_item_added", youth=c.youth)
    assert event.data["rule"] == law.R_CASE_MEETING.id
    # Each other organisation is involved until the meeting's term ends.
    derived = Involvement.objects.filter(youth=c.youth, source="case_meeting")
    assert {i.organisation for i in derived} == {c.school, c.social_team.organisation}
    assert {i.ends_on for i in derived} == {services.meeting_open_until(m)}

    with_outsider = meeting(c, participants=[_youth_worker()], hours=3)
    with pytest.raises(ValidationFailed) as caught:
        on_agenda(c, with_outsider)
    assert "toestemming" in caught.value.field_errors["ground"][0]


def test_agenda_on_consent_asks_who_gave_it_and_how():
    c = chain()  # the youth is of age: the youth consents, not a parent
    m = meeting(c, participants=[_youth_worker()])
    with pytest.raises(ValidationFailed) as caught:
        on_agenda(c, m, ground=law.MeetingGround.CONSENT, consent_given_by="parent")
    assert set(caught.value.field_errors) == {"ground", "consent_evidence"}
    item = on_agenda(c, m, ground=law.MeetingGround.CONSENT, consent_given_by="youth",
                     consent_evidence="Mondeling, gesprek 1 december")
    assert item.consent_given_by == "youth"


def test_minutes_after_the_meeting_put_actions_on_the_owners_list():
    c = chain()
    m = meeting(c, participants=[c.social])
    item = on_agenda(c, m)
    with pytest.raises(TransitionRefused):
        services.agenda_item_minutes(actor=c.coach, item=item, minutes="x")
    _held(m)
    due = timezone.localdate() + datetime.timedelta(days=7)
    services.agenda_item_minutes(
        actor=c.coach, item=item, minutes="Besproken: schulden en school.",
        decisions="Sociaal team neemt de regie.",
        actions=[{"description": "Regie nemen", "owner": c.social, "due_on": due},
                 {"description": "", "owner": None, "due_on": None}])
    action = MeetingAction.objects.get()
    assert action.owner == c.social and action.due_on == due
    assert CaseworkNotice.objects.filter(recipient=c.social,
                                         kind=CaseworkNotice.Kind.ACTION_ASSIGNED).exists()
    assert Event.objects.filter(kind="case_meeting_minutes", youth=c.youth).exists()
    with pytest.raises(Refused):
        services.meeting_action_done(actor=c.coach, action=action)
    services.meeting_action_done(actor=c.social, action=action)


def test_an_action_owner_must_take_part():
    c = chain()
    m = meeting(c, participants=[c.social])
    item = on_agenda(c, m)
    _held(m)
    with pytest.raises(ValidationFailed) as caught:
        services.agenda_item_minutes(actor=c.coach, item=item, minutes="x", actions=[
            {"description": "Bellen", "owner": c.school_contact,
             "due_on": timezone.localdate()}])
    assert "actions.0.owner" in caught.value.field_errors
    assert not MeetingAction.objects.exists()


def test_a_recurring_meeting_is_a_series():
    c = chain()
    meetings = services.case_meeting_plan(
        actor=c.coach, team=c.team, title="Wekelijks", recurrence="fortnightly", occurrences=4,
        starts_at=timezone.now() + datetime.timedelta(days=1))
    assert len(meetings) == 4 and len({m.series for m in meetings}) == 1
    assert (meetings[1].starts_at - meetings[0].starts_at).days == 14


def test_handover_accepted_involves_the_school_until_the_trajectory_ends():
    from route27.handover.services import handover_accept
    from route27.handover.tests.factories import HandoverFactory

    c = chain()
    handover = HandoverFactory(sent=True, sender=c.school, receiver=c.team.organisation,
                               youth=c.youth, created_by=c.school_contact)
    handover_accept(actor=c.coach, handover=handover, team=c.team)
    involvement = Involvement.objects.get(youth=c.youth, source="handover")
    assert involvement.organisation == c.school and involvement.professional == c.school_contact
    walk(c.trajectory, actor=c.coach, to=Step.CLOSED)
    involvement.refresh_from_db()
    assert involvement.ended_at is not None
