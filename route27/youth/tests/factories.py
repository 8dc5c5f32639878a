import datetime

import factory
from django.utils import timezone

from route27.organisations.tests.factories import TeamFactory, real_municipality
from route27.youth.models import ContactAssignment, PossibleDuplicate, Youth, YouthMerge


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


class PossibleDuplicateFactory(factory.django.DjangoModelFactory):
    """An open review item, as ``possible_duplicate_raise`` leaves it (without its events).

    Default: two files of one team with the same family name and birth date, ``other`` the
    existing one. Traits: ``same_bsn`` (``youth`` holds ``other``'s BSN under review),
    ``bsn_other_person`` (the same, with another family name), ``other_team`` (the existing file
    belongs to another team than the new one)."""

    class Meta:
        model = PossibleDuplicate

    other = factory.SubFactory(YouthFactory)
    youth = factory.SubFactory(YouthFactory, team=factory.SelfAttribute("..other.team"),
                               family_name=factory.SelfAttribute("..other.family_name"))
    reason = PossibleDuplicate.Reason.SAME_NAME_BIRTH_DATE
    source = "test"

    class Params:
        same_bsn = factory.Trait(
            reason=PossibleDuplicate.Reason.SAME_BSN,
            other=factory.SubFactory(YouthFactory, with_bsn=True),
            youth=factory.SubFactory(
                YouthFactory, team=factory.SelfAttribute("..other.team"),
                family_name=factory.SelfAttribute("..other.family_name"),
                bsn=factory.SelfAttribute("..other.bsn"), bsn_under_review=True))
        bsn_other_person = factory.Trait(
            reason=PossibleDuplicate.Reason.BSN_OTHER_PERSON,
            other=factory.SubFactory(YouthFactory, with_bsn=True),
            youth=factory.SubFactory(
                YouthFactory, team=factory.SelfAttribute("..other.team"), family_name="Anders",
                bsn=factory.SelfAttribute("..other.bsn"), bsn_under_review=True))
        other_team = factory.Trait(youth=factory.SubFactory(
            YouthFactory, family_name=factory.SelfAttribute("..other.family_name")))


class YouthMergeFactory(factory.django.DjangoModelFactory):
    """A merge made by ``youth_merge`` (rows moved, events on both files). ``actor`` merges
    (default: a doorstroomcoach of the kept file's team, who may see both files when they share
    the team); ``kept`` and ``merged`` default to two files of one team."""

    class Meta:
        model = YouthMerge

    kept = factory.SubFactory(YouthFactory)
    merged = factory.SubFactory(YouthFactory, team=factory.SelfAttribute("..kept.team"),
                                family_name=factory.SelfAttribute("..kept.family_name"))
    reason = "Zelfde persoon: adres en telefoonnummer komen overeen (test)"
    actor = None

    @classmethod
    def _create(cls, model_class, *args, kept, merged, reason, actor=None, **kwargs):
        from route27.organisations.roles import Role
        from route27.organisations.tests.factories import member
        from route27.youth.services import youth_merge

        actor = actor or member(Role.DOORSTROOMCOACH, team=kept.team)
        return youth_merge(actor=actor, kept=kept, merged=merged, reason=reason)
