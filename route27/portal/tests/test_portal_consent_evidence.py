"""Digital consent comes only from the portal account itself (issue 9 §2, "Consent is evidence"):
the youth when of age, a parent of a minor through a recorded representation (PortalAccount)."""

import pytest

from route27.casefile.models import Event
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover import services as handover_services
from route27.handover.models import Consent, ConsentGiver, ConsentMethod
from route27.handover.tests.factories import HandoverFactory
from route27.portal.models import PortalAccount, PortalRelation
from route27.portal.services import portal_consent_set
from route27.portal.tests.conftest import TODAY, handover_for, portal_user

pytestmark = pytest.mark.django_db


def consent_url(handover):
    return f"/mijn/overgangsdocument/{handover.public_id}/toestemming/"


def test_the_parents_digital_consent_is_evidence_of_who_when_and_how(parent_client, minor,
                                                                      school, gemeente):
    handover = handover_for(school, gemeente, minor)
    assert parent_client.post(consent_url(handover),
                              {"block_keys": ["opleiding"]}).status_code == 302
    consent = Consent.objects.get(document=handover.document)
    assert (consent.given_by, consent.given_by_name, consent.method, consent.given_on,
            consent.proof_reference) == (ConsentGiver.PARENT, "Petra Bakker",
                                         ConsentMethod.DIGITAL, TODAY, "")
    assert consent.recorded_by.portal_account.relation == PortalRelation.PARENT
    assert Event.objects.get(kind="consent_given").data["method"] == "digital"


def test_the_youths_digital_consent_still_works_and_withdraws(youth_client, adult, school,
                                                               gemeente):
    handover = handover_for(school, gemeente, adult)
    youth_client.post(consent_url(handover), {"block_keys": ["wie_ben_ik", "opleiding"]})
    assert set(Consent.objects.values_list("given_by", "method")) == {
        (ConsentGiver.YOUTH, ConsentMethod.DIGITAL)}
    youth_client.post(consent_url(handover), {"block_keys": ["wie_ben_ik"]})
    assert list(Consent.objects.filter(withdrawn_at__isnull=True)
                .values_list("block_key", flat=True)) == ["wie_ben_ik"]


def test_an_account_gives_consent_only_for_its_own_youth(adult, minor, school, gemeente):
    user = portal_user(adult)
    account = PortalAccount.objects.get(user=user)
    other = handover_for(school, gemeente, minor)
    with pytest.raises(TransitionRefused, match="eigen account"):
        handover_services.consent_give_digital(actor=user, account=account, handover=other,
                                               block_keys=["wie_ben_ik"])
    someone = portal_user(minor, PortalRelation.PARENT)
    with pytest.raises(TransitionRefused, match="eigen account"):  # not the actor's account
        handover_services.consent_give_digital(actor=someone, account=account,
                                               handover=handover_for(school, gemeente, adult),
                                               block_keys=["wie_ben_ik"])
    assert not Consent.objects.exists()


def test_the_law_still_decides_who_consents_digitally(minor, school, gemeente):
    """A minor's own account is refused in the portal, and by the handover service as well."""
    user = portal_user(minor)
    account = PortalAccount.objects.get(user=user)
    handover = handover_for(school, gemeente, minor)
    with pytest.raises(ValidationFailed, match="geen 18"):
        portal_consent_set(actor=user, account=account, handover=handover,
                           block_keys=["wie_ben_ik"])
    with pytest.raises(ValidationFailed, match="minderjarig"):
        handover_services.consent_give_digital(actor=user, account=account, handover=handover,
                                               block_keys=["wie_ben_ik"])
    assert not Consent.objects.exists()


def test_the_portal_names_a_legal_basis_and_the_blocks_it_opens(client, minor):
    handover = HandoverFactory(on_legal_basis=True, youth=minor)
    client.force_login(portal_user(minor, PortalRelation.PARENT))
    page = client.get("/mijn/overgangsdocument/").content.decode()
    assert f"{handover.receiver.name} mag ook zonder toestemming lezen: Opleiding, " \
           "Loopbaanbegeleiding tot nu toe, Ondersteuningsbehoefte, Contactpersonen school." \
           in page
    assert "WEB art. 9.2.5 lid 2" in page
