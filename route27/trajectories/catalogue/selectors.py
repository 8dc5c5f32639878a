"""Reading the catalogue of provisions ("Wie kan ik bellen?", issue 13 §8) and what fits a
youth, and why. The catalogue holds no personal data: every professional may read it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from route27 import law
from route27.organisations.models import Membership, Municipality
from route27.trajectories.models import Instrument


def offered_in(municipality: Municipality) -> QuerySet[Instrument]:
    """Active provisions offered to a youth of this municipality: national, of its region, or
    of the municipality itself."""
    return Instrument.objects.filter(active=True).filter(
        Q(scope=Instrument.Scope.NATIONAL)
        | Q(scope=Instrument.Scope.REGION, region_id=municipality.doorstroompunt_region_id)
        | Q(scope=Instrument.Scope.MUNICIPALITY, municipality=municipality)).order_by("name")


def user_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities the user's teams serve, and their organisation's own."""
    teams = Membership.objects.filter(user=user, is_active=True).values("team_id")
    organisations = Membership.objects.filter(user=user, is_active=True).values(
        "team__organisation__municipality_id")
    return Municipality.objects.filter(Q(serving_teams__in=teams) | Q(pk__in=organisations)
                                       ).distinct()


def catalogue(*, user, search: str = "", municipality: Municipality | None = None,
              age: int | None = None, qualification: str = "", route: str = "",
              intensity: str = "") -> QuerySet[Instrument]:
    """The catalogue for the user's municipalities (or one of them), searchable and filtered by
    the conditions a youth brings."""
    municipalities = [municipality] if municipality else list(user_municipalities(user))
    qs = Instrument.objects.filter(active=True)
    where = Q(scope=Instrument.Scope.NATIONAL)
    for m in municipalities:
        where |= Q(scope=Instrument.Scope.REGION, region_id=m.doorstroompunt_region_id)
        where |= Q(scope=Instrument.Scope.MUNICIPALITY, municipality=m)
    qs = qs.filter(where)
    for term in search.split()[:5]:
        qs = qs.filter(Q(name__icontains=term) | Q(description__icontains=term)
                       | Q(provider__icontains=term) | Q(contact_name__icontains=term))
    if age is not None:
        qs = qs.filter(Q(min_age__isnull=True) | Q(min_age__lte=age)).filter(
            Q(max_age__isnull=True) | Q(max_age__gt=age))
    if qualification:
        qs = qs.filter(qualification__in=["", qualification])
    rows = list(qs.select_related("region", "municipality").order_by("scope", "name"))
    if route:
        rows = [p for p in rows if not p.routes or route in p.routes]
    if intensity:
        rows = [p for p in rows if not p.intensities or intensity in p.intensities]
    return rows


@dataclass
class Fit:
    provision: Instrument
    fits: bool | None  # None: open (the law leaves it to the coach, or a fact is missing)
    reasons: list[str]


def fit(provision: Instrument, *, age: int | None, has_sk: bool | None, route: str | None,
        intensity: str, decision: law.Decision | None) -> Fit:
    """Whether a provision fits a youth, with every reason, the law's answer first."""
    reasons: list[str] = []
    verdicts: list[bool | None] = []
    if provision.law_code:
        answer = law.instrument_answer(decision, provision.law_code)
        verdicts.append(None if answer.is_open else answer.value == "yes")
        reasons.append(f"{answer.question or answer.reason} ({answer.citations})")
    if provision.min_age is not None or provision.max_age is not None:
        if age is None:
            verdicts.append(None)
            reasons.append("Leeftijd onbekend.")
        else:
            ok = (provision.min_age is None or age >= provision.min_age) and (
                provision.max_age is None or age < provision.max_age)
            verdicts.append(ok)
            reasons.append(f"Leeftijd {age}: {'past' if ok else 'past niet'} "
                           f"({provision.min_age or 0}–{provision.max_age or law.AGE_LIMIT}).")
    if provision.qualification:
        wanted = provision.qualification == Instrument.Qualification.WITH
        if has_sk is None:
            verdicts.append(None)
            reasons.append("Startkwalificatie onbekend.")
        else:
            verdicts.append(has_sk == wanted)
            reasons.append(str(provision.get_qualification_display()) + (
                ": klopt." if has_sk == wanted else ": klopt niet."))
    if provision.routes:
        ok = route in provision.routes if route else None
        verdicts.append(ok)
        reasons.append("Route " + (law.route_label(route) if route else "nog niet bepaald")
                       + (": past." if ok else "."))
    if provision.intensities:
        ok = intensity in provision.intensities if intensity else None
        verdicts.append(ok)
        reasons.append(f"Intensiteit {intensity or 'nog niet bepaald'}"
                       + (": past." if ok else "."))
    if False in verdicts:
        return Fit(provision, False, reasons)
    return Fit(provision, None if None in verdicts else True, reasons)


def fitting(*, municipality: Municipality, age: int | None, has_sk: bool | None,
            route: str | None, intensity: str, decision) -> list[Fit]:
    fits = [fit(p, age=age, has_sk=has_sk, route=route, intensity=intensity, decision=decision)
            for p in offered_in(municipality).select_related("region", "municipality")]
    order = {True: 0, None: 1, False: 2}
    return sorted(fits, key=lambda f: (order[f.fits], f.provision.name))


def age_on(youth, today: datetime.date) -> int | None:
    """The youth's age, or None when an incomplete birth date leaves it open."""
    age = law.age_on(youth.birth_date, today)
    return age.minimum if age.is_certain else None
