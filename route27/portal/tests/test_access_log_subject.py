"""'Wie heeft mijn gegevens bekeken' is one filter on the audit row's subject youth, so it sees
every object of the youth's data, not a hand-kept list of object types (ADR 0009)."""

import pytest
from django.test import Client
from django.urls import reverse

from route27.audit.models import AuditAction, AuditEntry
from route27.handover.tests.factories import SupportRequestFactory
from route27.organisations.roles import Role
from route27.portal.tests.conftest import portal_user
from route27.youth.services import contact_person_assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(adult, gemeente, school):
    return SupportRequestFactory(youth=adult, receiver=gemeente.organisation,
                                 school=school.primary_membership.team.organisation)


def test_a_support_request_read_and_a_contact_person_change_are_on_the_youths_page(
        adult, asked, aalsmeer_coach):
    coach = Client()
    coach.force_login(aalsmeer_coach)
    assert coach.get(reverse("handover:support_detail", args=[asked.public_id])).status_code == 200
    contact_person_assign(actor=aalsmeer_coach, youth=adult, user=aalsmeer_coach,
                          role=Role.DOORSTROOMCOACH)

    rows = AuditEntry.objects.filter(subject=adult, actor=aalsmeer_coach)
    assert rows.filter(action=AuditAction.READ, object_type="support_request",
                       object_id=str(asked.public_id)).exists()
    assert rows.filter(action=AuditAction.UPDATE, object_type="contact_assignment").exists()

    own = Client()
    own.force_login(portal_user(adult, first_name="Sam", last_name="Jansen"))
    page = own.get("/mijn/inzage/").content.decode()
    assert "Anouk Aalsmeerder" in page
    assert "Je aanvraag voor ondersteuning tijdens school bekeken" in page
    assert "Je vaste contactpersoon gewijzigd" in page
