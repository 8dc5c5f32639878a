import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from route27 import law
from route27.demo.portal_accounts import (
    FICTIONAL_MINOR,
    PARENT_USERNAME,
    YOUTH_USERNAME,
    load_portal_demo,
)
from route27.organisations.tests.factories import TeamFactory
from route27.portal.models import PortalAccount, PortalRelation
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, born

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _accounts():
    return {a.user.username: (a.youth, a.relation)
            for a in PortalAccount.objects.select_related("user", "youth")}


def test_picks_the_first_adult_and_minor_by_family_name_and_is_idempotent(aalsmeer, gemeente):
    YouthFactory(municipality=aalsmeer, team=gemeente, family_name="Zwart", **born(16))
    first_minor = YouthFactory(municipality=aalsmeer, team=gemeente, family_name="Mulder",
                               **born(17))
    first_adult = YouthFactory(municipality=aalsmeer, team=gemeente, family_name="Akkerman",
                               **born(20))
    YouthFactory(municipality=aalsmeer, team=gemeente, family_name="Bos", **born(21))
    load_portal_demo()
    load_portal_demo()
    accounts = _accounts()
    assert accounts == {YOUTH_USERNAME: (first_adult, PortalRelation.SELF),
                        PARENT_USERNAME: (first_minor, PortalRelation.PARENT)}
    assert Youth.objects.count() == 4
    for username in (YOUTH_USERNAME, PARENT_USERNAME):
        client = Client()
        assert client.login(username=username, password="route27-demo")
        assert client.get("/mijn/").status_code == 200


def test_creates_one_fictional_minor_when_there_is_none(aalsmeer):
    TeamFactory(serves=[aalsmeer])
    YouthFactory(municipality=aalsmeer, team=None, family_name="Akkerman", **born(20))
    load_portal_demo()
    load_portal_demo()
    fictional = Youth.objects.get(family_name=FICTIONAL_MINOR["family_name"])
    assert law.is_minor(fictional.birth_date, TODAY) is True
    assert _accounts()[PARENT_USERNAME] == (fictional, PortalRelation.PARENT)
    assert PortalAccount.objects.count() == 2


def test_with_the_real_demo_data():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    first = load_portal_demo()
    youth_count = Youth.objects.count()
    assert load_portal_demo() == first
    assert Youth.objects.count() == youth_count
    accounts = _accounts()
    assert {y.municipality.code for y, _ in accounts.values()} == {"GM0358"}
    assert law.is_minor(accounts[YOUTH_USERNAME][0].birth_date, TODAY) is False
    assert law.is_minor(accounts[PARENT_USERNAME][0].birth_date, TODAY) is True
