import datetime

import pytest
from django.core import mail
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover import services
from route27.handover.models import Handover, Notification
from route27.handover.selectors import handovers_visible_to, visible_blocks, withdrawn_blocks
from route27.handover.tests.factories import HandoverFactory
from route27.handover.workflow import HandoverStatus
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    OrganisationFactory,
    member,
)
from route27.trajectories.models import Trajectory
from route27.youth.selectors import youth_visible_to
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _youth(aalsmeer, years=17):
    born = TODAY.replace(year=TODAY.year - years) - datetime.timedelta(days=30)
    return YouthFactory(team=None, municipality=aalsmeer, birth_year=born.year,
                        birth_month=born.month, birth_day=born.day)


def _paper(**kwargs):
    """Paper consent recorded by the school, with its date and proof."""
    kwargs.setdefault("method", "paper")
    kwargs.setdefault("given_on", TODAY)
    kwargs.setdefault("proof_reference", "Formulier in leerlingdossier (test)")
    return services.consent_record(**kwargs)


@pytest.fixture
def draft(school, gemeente, aalsmeer):
    """A draft with both parts filled (the school's with a health block), no consent yet."""
    return HandoverFactory(filled=True, actor=school, youth=_youth(aalsmeer),
                           sender=school.primary_membership.team.organisation,
                           receiver=gemeente.organisation)


def test_sending_without_consent_is_refused_in_dutch(draft, school):
    with pytest.raises(ValidationFailed) as caught:
        services.handover_send(actor=school, handover=draft)
    assert "Zonder toestemming van de ouder of voogd" in caught.value.message
    draft.refresh_from_db()
    assert draft.status == HandoverStatus.CONCEPT


def test_minor_needs_a_parent(draft, school):
    with pytest.raises(ValidationFailed, match="minderjarig"):
        _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
               given_by="youth", given_by_name="Sam")
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik", "opleiding"],
           given_by="parent", given_by_name="Ouder Voorbeeld")


def test_adult_consents_himself(school, gemeente, aalsmeer):
    handover = services.handover_create(
        actor=school, kind="mbo_gemeente", youth=_youth(aalsmeer, years=19),
        sender=school.primary_membership.team.organisation, receiver=gemeente.organisation)
    with pytest.raises(ValidationFailed, match="meerderjarig"):
        _paper(actor=school, handover=handover, block_keys=["wie_ben_ik"],
               given_by="parent", given_by_name="Ouder")


def test_consented_blocks_only_and_withdrawal_hides_at_once(draft, school, coach, gemeente):
    _paper(actor=school, handover=draft,
           block_keys=["wie_ben_ik", "opleiding"], given_by="parent",
           given_by_name="Ouder Voorbeeld")
    services.handover_send(actor=school, handover=draft)
    document = draft.document
    receiver = gemeente.organisation.pk
    assert visible_blocks(document=document, receiver_id=receiver) == ["wie_ben_ik",
                                                                       "opleiding"]
    assert "gezondheid" not in visible_blocks(document=document, receiver_id=receiver)
    services.consent_withdraw(actor=school, handover=draft, block_keys=["opleiding"])
    assert visible_blocks(document=document, receiver_id=receiver) == ["wie_ben_ik"]
    assert withdrawn_blocks(document=document, receiver_id=receiver) == ["opleiding"]
    assert Notification.objects.filter(organisation=gemeente.organisation).count() == 2


def test_a_sent_handover_shows_the_receiver_the_handover_never_the_file(draft, school, coach):
    """Issue 9: before acceptance the receiver's scope is the consented blocks (ACCESS.md)."""
    assert not handovers_visible_to(coach).exists()  # a concept is not visible to the receiver
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
           given_by="parent", given_by_name="Ouder")
    services.handover_send(actor=school, handover=draft)
    assert list(handovers_visible_to(coach)) == [draft]
    assert not youth_visible_to(coach).exists()
    assert not youth_visible_to(school).exists()


def test_lifecycle_accept_creates_trajectory_with_presumption(draft, school, coach):
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
           given_by="parent", given_by_name="Ouder")
    services.handover_send(actor=school, handover=draft)
    assert mail.outbox == [] or "Sam" not in mail.outbox[0].body
    with pytest.raises(TransitionRefused, match="ontvangende organisatie"):
        services.handover_receive(actor=school, handover=draft)
    services.handover_receive(actor=coach, handover=draft)
    services.handover_accept(actor=coach, handover=draft)
    draft.refresh_from_db()
    assert draft.status == HandoverStatus.ACCEPTED
    trajectory = Trajectory.objects.get(youth=draft.youth)
    proposal = trajectory.route_decisions.get()
    assert "transfer_presumption" in [s["rule"] for s in proposal.proposal["explanation"]]
    assert proposal.proposed_route == "learn_work"
    assert list(youth_visible_to(coach)) == [draft.youth]  # now through the team
    assert not youth_visible_to(school).exists()


def test_accepting_a_sent_handover_is_one_action_that_records_both_steps(draft, school, coach):
    """Issue 11 §5: the receiver accepts straight from 'verstuurd'; the history still shows the
    receive and the accept (two edges of the table), and the sender is told once."""
    from route27.casefile.models import Event
    from route27.handover.models import Notification
    from route27.handover.workflow import TRANSITIONS, VIA

    assert (HandoverStatus.SENT, HandoverStatus.ACCEPTED) not in TRANSITIONS
    via = VIA[(HandoverStatus.SENT, HandoverStatus.ACCEPTED)]
    assert (HandoverStatus.SENT, via) in TRANSITIONS
    assert (via, HandoverStatus.ACCEPTED) in TRANSITIONS
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
           given_by="parent", given_by_name="Ouder")
    services.handover_send(actor=school, handover=draft)
    with pytest.raises(TransitionRefused, match="ontvangende organisatie"):
        services.handover_accept(actor=school, handover=draft)

    services.handover_accept(actor=coach, handover=draft)

    draft.refresh_from_db()
    assert draft.status == HandoverStatus.ACCEPTED
    assert draft.received_at is not None and draft.decided_at is not None
    steps = list(Event.objects.filter(youth=draft.youth, kind="handover_changed", to_state__in=[
        HandoverStatus.RECEIVED, HandoverStatus.ACCEPTED]).order_by("pk").values_list(
        "from_state", "to_state"))
    assert steps == [(HandoverStatus.SENT, HandoverStatus.RECEIVED),
                     (HandoverStatus.RECEIVED, HandoverStatus.ACCEPTED)]
    told = list(Notification.objects.filter(organisation=draft.sender).values_list(
        "text", flat=True))
    assert told == ["Uw overdracht is geaccepteerd."]


def test_return_needs_reason_and_withdraw_by_sender_only(draft, school, coach):
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
           given_by="parent", given_by_name="Ouder")
    services.handover_send(actor=school, handover=draft)
    with pytest.raises(ValidationFailed):
        services.handover_return(actor=coach, handover=draft, reason=" ")
    with pytest.raises(TransitionRefused):
        services.handover_withdraw(actor=coach, handover=draft)
    services.handover_withdraw(actor=school, handover=draft)
    draft.refresh_from_db()
    assert draft.status == HandoverStatus.WITHDRAWN


def test_no_legal_basis_for_a_school_to_gemeente_handover(draft, school):
    """S0 §4.3: the school's document goes only "mits de jongere daarmee instemt"."""
    with pytest.raises(TransitionRefused, match="geen wettelijke grondslag"):
        services.legal_basis_record(actor=school, handover=draft, basis="dsp_transfer")
    assert not draft.overrides.exists()


def test_school_cannot_send_on_behalf_of_another_organisation(school, gemeente, aalsmeer):
    other_school = OrganisationFactory(type=OrganisationType.SCHOOL_MBO)
    with pytest.raises(ValidationFailed) as caught:
        services.handover_create(actor=school, kind="mbo_gemeente", youth=_youth(aalsmeer),
                                 sender=other_school, receiver=gemeente.organisation)
    assert "sender" in caught.value.field_errors
    assert not Handover.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.CREATE).exists()


def test_the_file_summary_links_the_handover_and_its_consent(client, draft, school, coach):
    """Issue 11 §4: the receiving coach's file names the handover that brought the youth, links
    its overgangsdocument and says the consent state."""
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
           given_by="parent", given_by_name="Ouder")
    services.handover_send(actor=school, handover=draft)
    services.handover_accept(actor=coach, handover=draft)
    client.force_login(coach)

    page = client.get(f"/jongeren/{draft.youth.public_id}/").content.decode()

    glance = page[page.index("In één oogopslag"):page.index('class="r27-fold"')]
    assert f'href="/overdracht/{draft.public_id}/">Overgangsdocument</a>' in glance
    assert "Toestemming voor 1 onderdeel" in glance
    assert f"Van {draft.sender.name}" in glance


def test_the_mail_goes_to_those_who_act_on_handovers(draft, school, coach, gemeente,
                                                     django_capture_on_commit_callbacks):
    """A sent handover is mailed to the receiving organisation's caseworkers, not to its policy
    adviser or functional administrator (issue 11, noticed in the demo)."""
    adviser = member(Role.BELEIDSADVISEUR, team=gemeente)
    admin = member(Role.FUNCTIONEEL_BEHEERDER, team=gemeente)
    _paper(actor=school, handover=draft, block_keys=["wie_ben_ik"],
           given_by="parent", given_by_name="Ouder")
    with django_capture_on_commit_callbacks(execute=True):
        services.handover_send(actor=school, handover=draft)
    told = {address for message in mail.outbox for address in message.to}
    assert coach.email in told
    assert adviser.email not in told and admin.email not in told
