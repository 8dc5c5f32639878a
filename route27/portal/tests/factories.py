"""A Mijn Route27 account made with ``portal_account_create`` (its audit row included).

``PortalAccountFactory()`` is a youth of 19 with their own account. Trait ``parent``: the account
of a parent or guardian of a youth of 17 (it ends when the child turns 18). ``actor`` is who
creates it (default none: the self-service sign-up).
"""

import factory

from route27.organisations.tests.factories import UserFactory
from route27.portal.models import PortalAccount, PortalRelation
from route27.portal.services import portal_account_create
from route27.youth.tests.factories import YouthFactory


class PortalAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalAccount

    user = factory.SubFactory(UserFactory)
    youth = factory.SubFactory(YouthFactory, adult=True)
    relation = PortalRelation.SELF
    actor = None

    class Params:
        parent = factory.Trait(relation=PortalRelation.PARENT,
                               youth=factory.SubFactory(YouthFactory, minor=True))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return portal_account_create(**kwargs)
