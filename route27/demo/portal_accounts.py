"""Demo accounts for Mijn Route27 (``loader.load_demo_data`` calls ``load_portal_demo``).

``jongere.demo`` signs in as an adult Aalsmeer youth; ``ouder.demo`` as the parent of a minor
Aalsmeer youth. Both use the demo password. Idempotent: an existing account keeps its youth.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from route27 import law
from route27.demo import DEMO_PASSWORD
from route27.organisations.models import Municipality, User
from route27.organisations.selectors import team_serving
from route27.portal.models import PortalAccount, PortalRelation
from route27.portal.services import portal_account_create
from route27.youth.models import Youth

AALSMEER = "GM0358"
YOUTH_USERNAME = "jongere.demo"
PARENT_USERNAME = "ouder.demo"
# Used only when the demo has no minor in Aalsmeer: a clearly fictional person.
FICTIONAL_MINOR = {"given_names": "Fenna", "surname_prefix": "", "family_name": "Fictief (demo)"}


def _aalsmeer_youth(minor: bool, today: datetime.date) -> Youth | None:
    """The first Aalsmeer youth by family name who is certainly a minor (or certainly not)."""
    for youth in Youth.objects.filter(municipality__code=AALSMEER).order_by(
            "family_name", "given_names", "id"):
        if law.is_minor(youth.birth_date, today) is minor:
            return youth
    return None


def _fictional_minor(municipality: Municipality, today: datetime.date) -> Youth:
    from route27.youth.services import youth_create

    existing = Youth.objects.filter(municipality=municipality,
                                    family_name=FICTIONAL_MINOR["family_name"]).first()
    if existing is not None and law.is_minor(existing.birth_date, today):
        return existing
    born = today.replace(year=today.year - 16, day=min(today.day, 28))
    team = team_serving(municipality)
    return youth_create(actor=None, team=team, birth_date=born.strftime("%d-%m-%Y"),
                        municipality=municipality, place=municipality.name, **FICTIONAL_MINOR)


def _account(username: str, first_name: str, last_name: str, youth: Youth, relation: str,
             hashed: str) -> PortalAccount:
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name,
                                     "email": f"{username}@example.org", "password": hashed})
    existing = PortalAccount.objects.filter(user=user).first()
    if existing is not None:
        return existing
    return portal_account_create(actor=None, user=user, youth=youth, relation=relation)


@transaction.atomic
def load_portal_demo() -> dict[str, str]:
    municipality = Municipality.objects.filter(code=AALSMEER).first()
    if municipality is None:
        raise RuntimeError("Laad eerst de referentiedata: manage.py load_reference_data")
    today = timezone.localdate()
    hashed = make_password(DEMO_PASSWORD)
    accounts = {}

    own = PortalAccount.objects.filter(user__username=YOUTH_USERNAME).first()
    if own is None:
        adult = _aalsmeer_youth(False, today)
        if adult is not None:
            own = _account(YOUTH_USERNAME, adult.given_names,
                           " ".join(p for p in (adult.surname_prefix, adult.family_name) if p),
                           adult, PortalRelation.SELF, hashed)
    if own is not None:
        accounts[YOUTH_USERNAME] = own.youth.full_name

    parent = PortalAccount.objects.filter(user__username=PARENT_USERNAME).first()
    if parent is None:
        minor = _aalsmeer_youth(True, today) or _fictional_minor(municipality, today)
        parent = _account(PARENT_USERNAME, "Demo-ouder",
                          " ".join(p for p in (minor.surname_prefix, minor.family_name) if p),
                          minor, PortalRelation.PARENT, hashed)
    accounts[PARENT_USERNAME] = parent.youth.full_name
    return accounts
