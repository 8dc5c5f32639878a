import datetime

import factory
from django.utils import timezone

from route27.organisations.tests.factories import TeamFactory, real_municipality
from route27.youth.models import ContactAssignment, Youth


def valid_bsn(n: int) -> str:
    """The n-th 9-digit number (from 100000000 up) that passes the 11-proef."""
    candidate, found = 100_000_000, -1
    while True:
        digits = [int(d) for d in f"{candidate:09d}"]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
        if total % 11 == 0:
            found += 1
            if found == n:
                return f"{candidate:09d}"
        candidate += 1


def born(years: int) -> dict:
    """Birth-date fields of someone who turned ``years`` about a month ago."""
    today = timezone.localdate()
    date = today.replace(year=today.year - years, day=min(today.day, 28)) \
        - datetime.timedelta(days=30)
    return {"birth_year": date.year, "birth_month": date.month, "birth_day": date.day}


class YouthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Youth

    given_names = factory.Sequence(lambda n: f"Testjongere{n}")
    family_name = "Voorbeeld"
    birth_year = 2007
    birth_month = 5
    birth_day = 17
    municipality = factory.LazyFunction(real_municipality)
    team = factory.SubFactory(TeamFactory)

    class Params:
        with_bsn = factory.Trait(bsn=factory.Sequence(lambda n: valid_bsn(n + 1000)))
        minor = factory.Trait(**born(17))  # a parent or guardian consents (law.R_CONSENT)
        adult = factory.Trait(**born(19))


class ContactAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactAssignment

    youth = factory.SubFactory(YouthFactory)
    role = "doorstroomcoach"
