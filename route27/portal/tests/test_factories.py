"""PortalAccountFactory yields an account made by portal_account_create."""

import pytest
from django.utils import timezone

from route27 import law
from route27.audit.models import AuditEntry
from route27.portal.models import PortalRelation
from route27.portal.tests.factories import PortalAccountFactory

pytestmark = pytest.mark.django_db


def test_the_plain_factory_is_an_adult_with_their_own_account():
    account = PortalAccountFactory()
    assert account.relation == PortalRelation.SELF and account.is_active()
    assert law.is_minor(account.youth.birth_date, timezone.localdate()) is False
    assert not account.user.memberships.exists()
    assert AuditEntry.objects.filter(object_type="portal_account",
                                     subject=account.youth).count() == 1


def test_parent_is_the_account_of_a_parent_of_a_minor():
    account = PortalAccountFactory(parent=True, user__first_name="Petra")
    assert account.relation == PortalRelation.PARENT and account.is_parent
    assert law.is_minor(account.youth.birth_date, timezone.localdate()) is True
    assert account.is_active() and account.user.first_name == "Petra"
