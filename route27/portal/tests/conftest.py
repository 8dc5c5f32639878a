"""Fixtures shared by the portal tests (``aalsmeer``, ``gemeente`` and ``school`` come from
route27/conftest.py): a named coach of the gemeente, an adult and a minor youth, and each
logged in to Mijn Route27 (the youth themself, the minor's parent)."""

import datetime

import pytest
from django.utils import timezone

from route27.handover import services as handover_services
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.portal.models import PortalRelation
from route27.portal.tests.factories import PortalAccountFactory
from route27.youth.tests.factories import YouthFactory, born

__all__ = ["TODAY", "born", "handover_for", "portal_user"]
TODAY = timezone.localdate()


@pytest.fixture
def aalsmeer_coach(gemeente):
    return member(Role.DOORSTROOMCOACH, team=gemeente, first_name="Anouk",
                  last_name="Aalsmeerder", email="anouk@example.org")


@pytest.fixture
def adult(aalsmeer, gemeente):
    return YouthFactory(municipality=aalsmeer, team=gemeente, given_names="Sam",
                        family_name="Jansen", with_bsn=True, **born(19))


@pytest.fixture
def minor(aalsmeer, gemeente):
    return YouthFactory(municipality=aalsmeer, team=gemeente, given_names="Noor",
                        family_name="Bakker", with_bsn=True, **born(17))


def handover_for(school, gemeente, youth):
    """A draft mbo → gemeente handover with the school's part (and a health block) filled."""
    handover = handover_services.handover_create(
        actor=school, kind="mbo_gemeente", youth=youth,
        sender=school.primary_membership.team.organisation, receiver=gemeente.organisation,
        school_left_on=TODAY - datetime.timedelta(days=20), highest_diploma="mbo1")
    handover_services.document_update(actor=school, handover=handover, part="school", content={
        "opleiding": {"opleiding": "Entree", "niveau": "1"},
        "gezondheid": {"tekst": "Heeft rust nodig bij drukte."}})
    handover.document.refresh_from_db()
    return handover


def portal_user(youth, relation=PortalRelation.SELF, **user_fields):
    """The user of a new Mijn Route27 account for ``youth``."""
    account = PortalAccountFactory(youth=youth, relation=relation,
                                   **{f"user__{k}": v for k, v in user_fields.items()})
    return account.user


@pytest.fixture
def youth_client(client, adult):
    client.force_login(portal_user(adult, first_name="Sam", last_name="Jansen"))
    return client


@pytest.fixture
def parent_client(client, minor):
    client.force_login(portal_user(minor, PortalRelation.PARENT, first_name="Petra",
                                   last_name="Bakker"))
    return client
