"""Factories for organisations. Municipalities and regions always come from the real data."""

import csv
from functools import cache

import factory
from django.contrib.auth.hashers import make_password

from route27.organisations.models import (
    DoorstroompuntRegion,
    LabourMarketRegion,
    Membership,
    Municipality,
    Organisation,
    Team,
    User,
)
from route27.organisations.reference_data import DATA_DIR
from route27.organisations.roles import OrganisationType, Role

AMSTELVEEN, AALSMEER, UTRECHT = "GM0362", "GM0358", "GM0344"


@cache
def _reference_rows() -> dict[str, dict[str, str]]:
    with open(DATA_DIR / "gemeenten_regio_2025.csv", encoding="utf-8") as handle:
        return {row["gemeentecode"]: row for row in csv.DictReader(handle)}


def real_municipality(code: str = AALSMEER) -> Municipality:
    """Create (or get) one real municipality with its real regions, without loading all 342."""
    row = _reference_rows()[code]
    am, _ = LabourMarketRegion.objects.get_or_create(
        code=row["arbeidsmarktregio_code"], defaults={"name": row["arbeidsmarktregio_naam"]})
    mc, _ = DoorstroompuntRegion.objects.get_or_create(
        code=row["rmc_regio_code"],
        defaults={"name": row["rmc_regio_naam"], "name_duo": row["rmc_regio_naam_duo"]})
    municipality, _ = Municipality.objects.get_or_create(
        code=code, defaults={"number": row["gemeentenummer"], "name": row["gemeentenaam"],
                             "province": row["provincie"], "labour_market_region": am,
                             "doorstroompunt_region": mc})
    return municipality


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente {n} (test)")
    type = OrganisationType.GEMEENTE
    municipality = factory.LazyFunction(real_municipality)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")

    @factory.post_generation
    def serves(self, create, extracted, **kwargs):
        if create and extracted:
            self.serves.set(extracted)


@cache
def _hashed_password() -> str:
    """One PBKDF2 hash for every test user: hashing per user cost 0.3–0.7 s each."""
    return make_password("geheim-wachtwoord-123")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.LazyFunction(_hashed_password)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.DOORSTROOMCOACH


def member(role: Role = Role.DOORSTROOMCOACH, team: Team | None = None, **user_kwargs) -> User:
    """A user with one active membership."""
    user = UserFactory(**user_kwargs)
    MembershipFactory(user=user, team=team or TeamFactory(), role=role)
    return user
