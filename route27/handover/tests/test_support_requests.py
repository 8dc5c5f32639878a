"""Support during school on request of a pro, vso or mbo school (Pw art. 7a lid 1 sub b)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover.models import SupportRequest
from route27.handover.support import services
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    AMSTELVEEN,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories.models import Trajectory
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
BORN = TODAY.replace(year=TODAY.year - 17) - datetime.timedelta(days=30)
REASON = "Dreigt uit te vallen door veel verzuim; heeft hulp nodig bij stage en thuis."
REFUSAL = "Alleen een school voor praktijkonderwijs, voortgezet speciaal onderwijs of mbo"


def _school(aalsmeer, org_type, name):
    org = OrganisationFactory(name=name, type=org_type, municipality=aalsmeer)
    return member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=org),
                  email="school@example.org")


@pytest.fixture
def vo_school(aalsmeer):
    return _school(aalsmeer, OrganisationType.SCHOOL_VO, "Havo-vwo-school (test)")


@pytest.fixture
def other_gemeente_coach():
    amstelveen = real_municipality(AMSTELVEEN)
    org = OrganisationFactory(name="Gemeente Amstelveen (test)", municipality=amstelveen)
    return member(Role.DOORSTROOMCOACH, team=TeamFactory(organisation=org, serves=[amstelveen]))


def _org(user):
    return user.primary_membership.team.organisation


def _youth(aalsmeer):
    return YouthFactory(team=None, municipality=aalsmeer, birth_year=BORN.year,
                        birth_month=BORN.month, birth_day=BORN.day)


@pytest.fixture
def sent(school, gemeente, aalsmeer):
    return services.support_request_create(actor=school, school=_org(school),
                                           receiver=gemeente.organisation,
                                           youth=_youth(aalsmeer), reason=REASON)


def _form(gemeente, **overrides):
    data = {"receiver": gemeente.organisation.pk, "reason": REASON, "bsn": valid_bsn(11),
            "given_names": "Noor", "family_name": "Leerling",
            "birth_date": BORN.strftime("%d-%m-%Y"), "municipality": AALSMEER}
    return {**data, **overrides}


def _counts():
    return (SupportRequest.objects.count(), Youth.objects.count(),
            Event.objects.count())


# --- Who may ask ------------------------------------------------------------------------------
def test_a_vo_school_cannot_ask(vo_school, gemeente, aalsmeer):
    youth = _youth(aalsmeer)
    before = _counts()
    with pytest.raises(ValidationFailed) as caught:
        services.support_request_create(actor=vo_school, school=_org(vo_school),
                                        receiver=gemeente.organisation, youth=youth,
                                        reason=REASON)
    assert REFUSAL in caught.value.message
    assert "Pw art. 7a lid 1 sub b" in caught.value.message
    assert _counts() == before


def test_a_gemeente_cannot_ask(coach, gemeente, aalsmeer):
    youth = _youth(aalsmeer)
    before = _counts()
    with pytest.raises(ValidationFailed) as caught:
        services.support_request_create(actor=coach, school=gemeente.organisation,
                                        receiver=gemeente.organisation, youth=youth,
                                        reason=REASON)
    assert REFUSAL in caught.value.message
    assert _counts() == before


def test_a_vo_school_gets_the_rule_on_the_page_and_nothing_is_written(client, vo_school,
                                                                      gemeente):
    client.force_login(vo_school)
    before = _counts()
    response = client.post("/overdracht/ondersteuning/nieuw/", _form(gemeente))
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert _counts() == before


def test_only_a_member_of_the_school_can_ask_for_it(other_gemeente_coach, school, gemeente,
                                                    aalsmeer):
    with pytest.raises(ValidationFailed) as caught:
        services.support_request_create(actor=other_gemeente_coach, school=_org(school),
                                        receiver=gemeente.organisation, youth=_youth(aalsmeer),
                                        reason=REASON)
    assert "eigen school" in caught.value.field_errors["school"][0]


def test_the_request_records_why(school, gemeente, aalsmeer):
    with pytest.raises(ValidationFailed) as caught:
        services.support_request_create(actor=school, school=_org(school),
                                        receiver=gemeente.organisation, youth=_youth(aalsmeer),
                                        reason="  ")
    assert caught.value.field_errors["reason"] == [
        "Beschrijf waarom de school ondersteuning aanvraagt."]
    assert not SupportRequest.objects.exists()


def test_an_mbo_school_asks_and_the_gemeente_is_told_without_personal_data(
        school, gemeente, coach, aalsmeer, django_capture_on_commit_callbacks):
    youth = _youth(aalsmeer)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.support_request_create(actor=school, school=_org(school),
                                                  receiver=gemeente.organisation, youth=youth,
                                                  reason=REASON)
    assert request.status == SupportRequest.Status.SENT
    assert request.reason == REASON
    event = Event.objects.get(youth=youth, kind="support_request_changed")
    assert event.data == {"support_request": str(request.public_id)}
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="support_request",
                                     object_id=str(request.public_id), subject=youth).exists()
    told = [m for m in mail.outbox if "coach@example.org" in m.to]
    assert told and youth.family_name not in told[0].body + told[0].subject


def test_the_school_form_registers_the_pupil_and_sends(client, school, gemeente):
    client.force_login(school)
    page = client.get("/overdracht/ondersteuning/nieuw/")
    assert page.status_code == 200
    assert "school" not in page.context["form"].fields  # one school: no choice
    response = client.post("/overdracht/ondersteuning/nieuw/", _form(gemeente))
    request = SupportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/overdracht/ondersteuning/{request.public_id}/"
    assert request.youth.family_name == "Leerling"
    assert request.school == _org(school)


def test_the_school_form_needs_a_reason_and_writes_nothing_without(client, school, gemeente):
    client.force_login(school)
    response = client.post("/overdracht/ondersteuning/nieuw/", _form(gemeente, reason=""))
    assert response.status_code == 200
    assert "Beschrijf waarom de school ondersteuning aanvraagt." in response.content.decode()
    assert not SupportRequest.objects.exists()
    assert not Youth.objects.exists()


def test_the_list_links_schools_to_the_request_page(client, school, coach):
    client.force_login(school)
    assert "Ondersteuning tijdens school aanvragen" in client.get("/overdracht/").content.decode()
    client.force_login(coach)
    assert "Ondersteuning tijdens school aanvragen" not in \
        client.get("/overdracht/").content.decode()


def test_the_receivers_overdrachten_list_shows_the_request_and_the_school_its_status(
        client, sent, coach, school, other_gemeente_coach):
    """Issue 11 §5: a support request is on the receiver's Overdrachten list, linked to the page
    where it is decided; the school sees it with its status; others do not see it."""
    from route27.core.testing import assert_num_queries, count_queries

    link = f'href="/overdracht/ondersteuning/{sent.public_id}/">{sent.youth.full_name}</a>'
    client.force_login(coach)
    page = client.get("/overdracht/").content.decode()
    assert "Aanvragen ondersteuning tijdens school" in page
    assert link in page and "Verstuurd" in page
    assert AuditEntry.objects.filter(actor=coach, action=AuditAction.READ,
                                     object_type="support_request").exists()
    assert link not in client.get("/overdracht/?status=accepted").content.decode()
    client.force_login(school)
    assert link in client.get("/overdracht/").content.decode()
    client.force_login(other_gemeente_coach)
    assert link not in client.get("/overdracht/").content.decode()

    client.force_login(coach)
    with count_queries() as small:
        client.get("/overdracht/")
    for _i in range(3):
        services.support_request_create(actor=school, school=_org(school), receiver=sent.receiver,
                                        youth=YouthFactory(municipality=sent.youth.municipality),
                                        reason=REASON)
    with assert_num_queries(small):
        client.get("/overdracht/")


# --- Deciding ---------------------------------------------------------------------------------
def test_accepting_starts_a_trajectory_with_support_during_school(sent, coach, school):
    services.support_request_accept(actor=coach, request=sent)
    sent.refresh_from_db()
    assert sent.status == SupportRequest.Status.ACCEPTED and sent.decided_at
    trajectory = Trajectory.objects.get(youth=sent.youth)
    assert sent.trajectory == trajectory
    assert trajectory.requested_by == _org(school).name
    proposal = trajectory.route_decisions.get().proposal
    assert proposal["route"] == "support_during_school"
    assert proposal["legal_basis"] == "7a-1b"
    assert proposal["requested_by"] == _org(school).name
    assert Event.objects.filter(trajectory=trajectory, kind="support_request_changed",
                                          to_state=SupportRequest.Status.ACCEPTED).exists()


def test_accepting_links_a_running_trajectory(sent, coach, gemeente):
    running = TrajectoryFactory(youth=sent.youth, team=gemeente)
    services.support_request_accept(actor=coach, request=sent)
    sent.refresh_from_db()
    assert sent.trajectory == running
    assert Trajectory.objects.filter(youth=sent.youth).count() == 1


def test_the_school_cannot_decide(sent, school):
    with pytest.raises(TransitionRefused):
        services.support_request_accept(actor=school, request=sent)
    sent.refresh_from_db()
    assert sent.status == SupportRequest.Status.SENT
    assert not Trajectory.objects.exists()


def test_declining_needs_a_reason(sent, coach):
    with pytest.raises(ValidationFailed) as caught:
        services.support_request_decline(actor=coach, request=sent, reason=" ")
    assert caught.value.field_errors["reason"] == ["Geef aan waarom u de aanvraag afwijst."]
    sent.refresh_from_db()
    assert sent.status == SupportRequest.Status.SENT
    services.support_request_decline(actor=coach, request=sent, reason="Geen inwoner.")
    sent.refresh_from_db()
    assert sent.status == SupportRequest.Status.DECLINED
    assert sent.decline_reason == "Geen inwoner."
    with pytest.raises(TransitionRefused):
        services.support_request_accept(actor=coach, request=sent)


# --- Pages and access -------------------------------------------------------------------------
def _url(request, action=""):
    return f"/overdracht/ondersteuning/{request.public_id}/{action}"


def test_the_receiver_reads_what_the_school_submitted_and_accepts(client, sent, coach):
    client.force_login(coach)
    page = client.get(_url(sent))
    content = page.content.decode()
    assert page.status_code == 200
    assert sent.youth.full_name in content and REASON in content
    assert AuditEntry.objects.filter(actor=coach, action=AuditAction.READ,
                                     object_type="support_request",
                                     object_id=str(sent.public_id), subject=sent.youth).exists()
    response = client.post(_url(sent, "accepteren/"))
    assert response.status_code == 302
    content = client.get(_url(sent)).content.decode()
    assert f"/jongeren/{sent.youth.public_id}/" in content


def test_the_receiver_page_refuses_a_decline_without_reason(client, sent, coach):
    client.force_login(coach)
    response = client.post(_url(sent, "afwijzen/"), {"afwijzen-reason": ""})
    assert response.status_code == 200
    assert "Geef aan waarom u de aanvraag afwijst." in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == SupportRequest.Status.SENT


def test_another_gemeente_gets_404_and_a_denied_entry(client, sent, other_gemeente_coach):
    client.force_login(other_gemeente_coach)
    assert client.get(_url(sent)).status_code == 404
    assert client.post(_url(sent, "accepteren/")).status_code == 404
    assert AuditEntry.objects.filter(actor=other_gemeente_coach, action=AuditAction.DENIED,
                                     object_type="support_request",
                                     object_id=str(sent.public_id)).count() == 2
    sent.refresh_from_db()
    assert sent.status == SupportRequest.Status.SENT


def test_the_school_sees_the_status_only_and_never_the_file(client, sent, coach, school):
    services.support_request_accept(actor=coach, request=sent)
    client.force_login(school)
    page = client.get(_url(sent)).content.decode()
    assert "Geaccepteerd" in page
    assert sent.youth.family_name not in page and REASON not in page
    assert f"/jongeren/{sent.youth.public_id}/" not in page
    assert client.get(f"/jongeren/{sent.youth.public_id}/").status_code == 404
    assert AuditEntry.objects.filter(actor=school, action=AuditAction.DENIED,
                                     object_id=str(sent.youth.public_id)).exists()


def test_receiver_gets_an_in_app_notification_without_personal_data(sent):
    from route27.handover.models import Notification

    notice = Notification.objects.get(support_request=sent)
    assert notice.organisation == sent.receiver
    assert sent.youth.family_name not in notice.text
