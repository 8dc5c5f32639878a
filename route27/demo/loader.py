"""Demo organisations, users for every role and ~200 synthetic youth (idempotent).

Municipalities and regions are real (reference data); organisations are named "(demo)"; youth
have clearly fictional names and BSNs from the RvIG GBA-V test set (fictitious persons).
"""

from __future__ import annotations

import csv
import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from route27.organisations.models import Membership, Municipality, Organisation, Team, User
from route27.organisations.reference_data import DATA_DIR
from route27.organisations.roles import OrganisationType, Role

DEMO_PASSWORD = "route27-demo"
YOUTH_PER_MUNICIPALITY = {"GM0362": 80, "GM0358": 60, "GM0344": 60}

GIVEN_NAMES = ["Sem", "Noah", "Liam", "Daan", "Milan", "Lucas", "Finn", "Levi", "Mees", "Luuk",
               "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva",
               "Amir", "Mohammed", "Yusuf", "Ayoub", "Fatima", "Aya", "Ilias", "Selin", "Riya",
               "Kofi"]
# Visibly made-up family names, so nobody mistakes demo data for real people.
FAMILY_NAMES = ["Voorbeeld", "Proefmans", "Testerink", "Demoreus", "Fictiema", "Oefenaar",
                "Nepstra", "Schijnbeek", "Verzinga", "Bedachtjes", "Fantasiër", "Droomhout",
                "Verzonnen", "Oefenberg", "Probeersma"]
PREFIXES = ["", "", "", "van", "de", "van der", "van den"]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    organisation: str
    team: str


ORGANISATIONS = [
    # name, type, municipality code, teams: (team name, served municipality codes)
    ("Gemeente Amstelveen (demo)", OrganisationType.GEMEENTE, "GM0362",
     [("Jongerenteam Amstelveen", ["GM0362"]), ("Beleid Werk en Inkomen", []),
      ("Regiocoördinatie Groot Amsterdam", []), ("Functioneel beheer", [])]),
    ("Gemeente Aalsmeer (demo)", OrganisationType.GEMEENTE, "GM0358",
     [("Jongerenteam Aalsmeer", ["GM0358"])]),
    ("Sociaal team Amstelland (demo)", OrganisationType.SOCIAAL_TEAM, "GM0362",
     [("Sociaal team Amstelveen-Aalsmeer", ["GM0362", "GM0358"])]),
    ("Doorstroompunt Agglomeratie Amsterdam (demo)", OrganisationType.DOORSTROOMPUNT, "GM0362",
     [("Doorstroompunt Amstelland", [])]),
    ("Mbo-college Amstelland (demo)", OrganisationType.SCHOOL_MBO, "GM0362",
     [("Loopbaanbegeleiding", [])]),
    ("Gemeente Utrecht (demo)", OrganisationType.GEMEENTE, "GM0344",
     [("Jongerenteam Utrecht", ["GM0344"])]),
]

USERS = [
    DemoUser("doorstroomcoach.amstelveen", "Dirk", "Doorstroom", Role.DOORSTROOMCOACH,
             "Gemeente Amstelveen (demo)", "Jongerenteam Amstelveen"),
    DemoUser("jongerencoach.amstelveen", "Jamila", "Werkman", Role.JONGERENCOACH_WERK,
             "Gemeente Amstelveen (demo)", "Jongerenteam Amstelveen"),
    DemoUser("leerplicht.amstelveen", "Lars", "Leerplicht", Role.LEERPLICHTAMBTENAAR,
             "Gemeente Amstelveen (demo)", "Jongerenteam Amstelveen"),
    DemoUser("consulent.amstelveen", "Corrie", "Consulent", Role.CONSULENT_WI,
             "Gemeente Amstelveen (demo)", "Jongerenteam Amstelveen"),
    DemoUser("teamleider.amstelveen", "Tamara", "Leiding", Role.TEAMLEIDER,
             "Gemeente Amstelveen (demo)", "Jongerenteam Amstelveen"),
    DemoUser("doorstroomcoach.aalsmeer", "Anouk", "Aalsmeerder", Role.DOORSTROOMCOACH,
             "Gemeente Aalsmeer (demo)", "Jongerenteam Aalsmeer"),
    DemoUser("jongerencoach.aalsmeer", "Bram", "Bloemkweker", Role.JONGERENCOACH_WERK,
             "Gemeente Aalsmeer (demo)", "Jongerenteam Aalsmeer"),
    DemoUser("leerplicht.aalsmeer", "Lotte", "Schoolplein", Role.LEERPLICHTAMBTENAAR,
             "Gemeente Aalsmeer (demo)", "Jongerenteam Aalsmeer"),
    DemoUser("teamleider.aalsmeer", "Ties", "Teamsma", Role.TEAMLEIDER,
             "Gemeente Aalsmeer (demo)", "Jongerenteam Aalsmeer"),
    DemoUser("sociaalteam.amstelland", "Sanne", "Samenwerk", Role.SOCIAAL_TEAM,
             "Sociaal team Amstelland (demo)", "Sociaal team Amstelveen-Aalsmeer"),
    DemoUser("school.mbo", "Sjoerd", "Schoolmans", Role.SCHOOL_CONTACT,
             "Mbo-college Amstelland (demo)", "Loopbaanbegeleiding"),
    DemoUser("doorstroompunt.amstelland", "Dewi", "Doorstroompunt", Role.DOORSTROOMCOACH,
             "Doorstroompunt Agglomeratie Amsterdam (demo)", "Doorstroompunt Amstelland"),
    DemoUser("beleid.amstelveen", "Bas", "Beleidsma", Role.BELEIDSADVISEUR,
             "Gemeente Amstelveen (demo)", "Beleid Werk en Inkomen"),
    DemoUser("regio.grootamsterdam", "Rana", "Regiomans", Role.REGIONAL_COORDINATOR,
             "Gemeente Amstelveen (demo)", "Regiocoördinatie Groot Amsterdam"),
    DemoUser("beheer", "Femke", "Beheerder", Role.FUNCTIONEEL_BEHEERDER,
             "Gemeente Amstelveen (demo)", "Functioneel beheer"),
    DemoUser("doorstroomcoach.utrecht", "Ugo", "Domstad", Role.DOORSTROOMCOACH,
             "Gemeente Utrecht (demo)", "Jongerenteam Utrecht"),
    DemoUser("jongerencoach.utrecht", "Ilse", "Utrechter", Role.JONGERENCOACH_WERK,
             "Gemeente Utrecht (demo)", "Jongerenteam Utrecht"),
]

USER_WITHOUT_TEAM = "zonderteam"


def demo_accounts() -> dict:
    rows = (Membership.objects.filter(user__username__in=[u.username for u in USERS])
            .select_related("user", "team").order_by("team__name", "user__username"))
    accounts = [{"username": m.user.username, "role": m.get_role_display(), "team": m.team.name}
                for m in rows]
    from route27.demo.portal_accounts import PARENT_USERNAME, YOUTH_USERNAME

    portal = [(YOUTH_USERNAME, "Jongere (Mijn Route27)"),
              (PARENT_USERNAME, "Ouder van een minderjarige (Mijn Route27)")]
    accounts += [{"username": name, "role": role, "team": "–"} for name, role in portal
                 if User.objects.filter(username=name).exists()]
    if User.objects.filter(username=USER_WITHOUT_TEAM).exists():
        accounts.append({"username": USER_WITHOUT_TEAM, "role": "–", "team": "–"})
    return {"password": DEMO_PASSWORD, "accounts": accounts}


def _test_bsns() -> list[str]:
    with open(DATA_DIR / "test_bsn_rvig_gbav_20220502.csv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["bsn_komt_vaker_voor"] == "nee"]
    return sorted({r["bsn"] for r in rows})


def _birth_date(rng: random.Random, today: datetime.date) -> str:
    age_days = rng.randint(15 * 365 + 30, 26 * 365 + 300)
    born = today - datetime.timedelta(days=age_days)
    roll = rng.random()
    if roll < 0.03:
        return f"00-00-{born.year}"
    if roll < 0.06:
        return f"00-{born.month:02d}-{born.year}"
    return born.strftime("%d-%m-%Y")


@transaction.atomic
def load_demo_data() -> dict[str, int]:
    from route27.youth.models import Youth
    from route27.youth.services import youth_create

    municipalities = {m.code: m for m in Municipality.objects.filter(
        code__in=[o[2] for o in ORGANISATIONS])}
    if len(municipalities) < 3:
        raise RuntimeError("Laad eerst de referentiedata: manage.py load_reference_data")
    teams: dict[str, Team] = {}
    for name, org_type, code, team_specs in ORGANISATIONS:
        org, _ = Organisation.objects.get_or_create(
            name=name, defaults={"type": org_type, "municipality": municipalities[code]})
        for team_name, served in team_specs:
            team, _ = Team.objects.get_or_create(organisation=org, name=team_name)
            team.serves.set([municipalities[c] for c in served])
            teams[team_name] = team
    users: dict[str, User] = {}
    hashed = make_password(DEMO_PASSWORD)  # hash once: PBKDF2 per user would cost seconds
    for spec in USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={"first_name": spec.first_name, "last_name": spec.last_name,
                      "email": f"{spec.username}@example.org"})
        if created:
            user.password = hashed
            if spec.role == Role.FUNCTIONEEL_BEHEERDER:
                user.is_staff = True
            user.save()
        Membership.objects.get_or_create(user=user, team=teams[spec.team], role=spec.role)
        users[spec.username] = user
    lonely, created = User.objects.get_or_create(
        username=USER_WITHOUT_TEAM, defaults={"first_name": "Zonder", "last_name": "Team"})
    if created:
        lonely.password = hashed
        lonely.save()

    rng = random.Random(27)  # deterministic: the same demo youth on every machine
    bsns = iter(_test_bsns())
    today = timezone.localdate()
    coaches_by_team = {
        "Jongerenteam Amstelveen": [users["doorstroomcoach.amstelveen"],
                                    users["jongerencoach.amstelveen"],
                                    users["leerplicht.amstelveen"]],
        "Jongerenteam Aalsmeer": [users["doorstroomcoach.aalsmeer"],
                                  users["jongerencoach.aalsmeer"], users["leerplicht.aalsmeer"]],
        "Jongerenteam Utrecht": [users["doorstroomcoach.utrecht"],
                                 users["jongerencoach.utrecht"]],
    }
    team_for_code = {"GM0362": "Jongerenteam Amstelveen", "GM0358": "Jongerenteam Aalsmeer",
                     "GM0344": "Jongerenteam Utrecht"}
    created_youth = 0
    for code, count in YOUTH_PER_MUNICIPALITY.items():
        team = teams[team_for_code[code]]
        for index in range(count):
            bsn = next(bsns)
            given = rng.choice(GIVEN_NAMES)
            prefix, family = rng.choice(PREFIXES), rng.choice(FAMILY_NAMES)
            birth = _birth_date(rng, today)
            coach = coaches_by_team[team.name][index % len(coaches_by_team[team.name])]
            assign = index % 4 != 3  # every fourth youth waits for a contact person
            if Youth.objects.filter(bsn=bsn).exists():
                continue
            youth = youth_create(
                actor=None, team=team, given_names=given, surname_prefix=prefix,
                family_name=family, birth_date=birth, bsn=bsn, municipality=municipalities[code],
                place=municipalities[code].name,
                email=f"{given.lower()}.{family.lower()}{index}@example.org".replace("ë", "e"),
            )
            _demo_trajectory(rng, today, youth, team, coach if assign else None)
            created_youth += 1
    _demo_duplicate(teams["Jongerenteam Aalsmeer"], today)
    _demo_joint_assessment(teams["Jongerenteam Aalsmeer"], today)
    from route27.demo.portal_accounts import load_portal_demo

    load_portal_demo()
    return {"youth_created": created_youth, "youth_total": Youth.objects.count(),
            "users": User.objects.count()}


DEMO_SOURCES = ["school", "doorstroompunt", "self", "uwv", "youth_work", "social_team",
                "compulsory_education", "bijstand", "staff"]
DEMO_SITUATIONS = {
    "onderwijs": "Gestopt met de opleiding; wil later misschien terug naar school.",
    "werk": "Geen werk; heeft ervaring met vakantiewerk in de kassen.",
    "inkomen": "Geen inkomen; woont bij ouders.",
}


def _demo_trajectory(rng: random.Random, today, youth, team, coach) -> None:
    """A trajectory in a plausible step, through the same services a coach uses."""
    from route27.trajectories.services import (
        activity_record,
        intake_record,
        trajectory_move,
        trajectory_start,
    )
    from route27.trajectories.workflow import Step
    from route27.youth.services import contact_person_assign

    age_days = rng.randint(3, 240)
    trajectory = trajectory_start(actor=None, youth=youth, team=team,
                                  entrance=rng.choice(DEMO_SOURCES),
                                  started_on=today - datetime.timedelta(days=age_days))
    if coach is None:
        return
    contact_person_assign(actor=None, youth=youth, user=coach,
                          role=coach.memberships.first().role, reason="Demo-toewijzing")
    intake_record(actor=coach, trajectory=trajectory,
                  intensity=rng.choice(["licht", "licht", "middelzwaar", "intensief"]),
                  answers={code: {"situation": text} for code, text in DEMO_SITUATIONS.items()},
                  wishes="Een vaste baan of een opleiding met werk.",
                  multi_problem=rng.random() < 0.15)
    target = rng.choice([Step.INTAKE, Step.ROUTE, Step.ACTIVATION, Step.SUPPORT])
    if target != Step.INTAKE:
        trajectory_move(actor=coach, trajectory=trajectory, to=target, reason="Demo-opbouw")
    activity_record(actor=coach, trajectory=trajectory, kind="coaching",
                    on=today - datetime.timedelta(days=rng.randint(0, min(70, age_days))))


def _demo_duplicate(team, today) -> None:
    """One open possible duplicate (issue 9 §4), so "Mogelijk dubbele dossiers" and the intake
    queue's mark have something to show: the youth signed up themself without a BSN while
    their file already waited in the Aalsmeer intake queue, and got a second file."""
    from route27.trajectories.services import trajectory_start
    from route27.youth.models import PossibleDuplicate, Youth
    from route27.youth.services import possible_duplicate_raise, youth_create

    if PossibleDuplicate.objects.filter(source="demo").exists():
        return
    waiting = (Youth.objects.filter(team=team, bsn__isnull=False, contact_assignments__isnull=True)
               .order_by("pk").first())
    if waiting is None:
        return
    second = youth_create(
        actor=None, team=team, given_names=waiting.given_names,
        surname_prefix=waiting.surname_prefix, family_name=waiting.family_name,
        birth_date=str(waiting.birth_date), municipality=waiting.municipality,
        place=waiting.place, phone="06 12345678")
    trajectory_start(actor=None, youth=second, team=team, entrance="self",
                     started_on=today - datetime.timedelta(days=1))
    possible_duplicate_raise(actor=None, youth=second, other=waiting,
                             reason=PossibleDuplicate.Reason.SAME_NAME_BIRTH_DATE, source="demo")


def _demo_joint_assessment(team, today) -> None:
    """One youth of Aalsmeer whose route asks for the joint assessment with the Doorstroompunt
    (Pw art. 7a lid 2), so doorstroompunt.amstelland has a youth on "Gezamenlijke beoordeling":
    came in by themself, vmbo, whether school is possible still open."""
    from route27 import law
    from route27.trajectories.models import RouteDecision, Trajectory
    from route27.trajectories.services import route_propose

    if RouteDecision.objects.filter(trajectory__team=team,
                                    proposed_route=law.Route.JOINT_ASSESSMENT).exists():
        return
    trajectory = (Trajectory.objects.filter(team=team, closed_on__isnull=True,
                                            youth__contact_assignments__ended_at__isnull=True,
                                            route_decisions__isnull=True, intakes__isnull=False)
                  .select_related("youth").order_by("pk").first())
    if trajectory is None:
        return
    coach = trajectory.youth.contact_assignments.get(ended_at__isnull=True).user
    route_propose(actor=coach, trajectory=trajectory, facts=law.Facts(
        reference_date=today, birth=trajectory.youth.birth_date, arrival=law.Arrival.SELF,
        highest_diploma=law.Diploma.VMBO))


def demo_enabled() -> bool:
    return bool(settings.DEMO_MODE)
