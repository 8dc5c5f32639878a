import datetime

import pytest
from django.utils import timezone

from route27.handover import services as handover_services
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    member,
    real_municipality,
)
from route27.portal.models import PortalRelation
from route27.portal.services import portal_account_create
from route27.youth.tests.factories import YouthFactory

TODAY = timezone.localdate()


def born(years: int) -> dict:
    date = TODAY.replace(year=TODAY.year - years, day=min(TODAY.day, 28)) \
        - datetime.timedelta(days=30)
    return {"birth_year": date.year, "birth_month": date.month, "birth_day": date.day}


@pytest.fixture
def aalsmeer(db):
    return real_municipality(AALSMEER)


@pytest.fixture
def gemeente(aalsmeer):
    org = OrganisationFactory(name="Gemeente Aalsmeer (test)", municipality=aalsmeer)
    return TeamFactory(organisation=org, serves=[aalsmeer])


@pytest.fixture
def aalsmeer_coach(gemeente):
    return member(Role.DOORSTROOMCOACH, team=gemeente, first_name="Anouk",
                  last_name="Aalsmeerder", email="anouk@example.org")


@pytest.fixture
def school(aalsmeer):
    org = OrganisationFactory(name="Mbo-college (test)", type=OrganisationType.SCHOOL_MBO,
                              municipality=aalsmeer)
    return member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=org))


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


def portal_user(youth, relation=PortalRelation.SELF, **kwargs):
    user = UserFactory(**kwargs)
    portal_account_create(actor=None, user=user, youth=youth, relation=relation)
    return user


@pytest.fixture
def youth_client(client, adult):
    client.force_login(portal_user(adult, first_name="Sam", last_name="Jansen"))
    return client


@pytest.fixture
def parent_client(client, minor):
    client.force_login(portal_user(minor, PortalRelation.PARENT, first_name="Petra",
                                   last_name="Bakker"))
    return client
