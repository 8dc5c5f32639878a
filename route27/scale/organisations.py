"""The chain at national scale: per real municipality a gemeente with youth teams sized to its
youth, staff of every role, and per Doorstroompunt region a Doorstroompunt, an mbo school and a
sociaal team. Names end in " (schaal)" so nobody mistakes them for real organisations.

Small (thousands of rows): written with ``bulk_create``. Returns what the youth generator needs:
each municipality's youth teams with the user holding each contact role there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from route27.organisations.models import Membership, Municipality, Organisation, Team, User
from route27.organisations.roles import OrganisationType, Role

SUFFIX = " (schaal)"
SCALE_PASSWORD = "route27-schaal"  # every generated account; the load test logs in with it
YOUTH_PER_TEAM = 700  # a youth team of 4–5 serves about this many youth (open and closed)
TEAM_ROLES = (Role.TEAMLEIDER, Role.LEERPLICHTAMBTENAAR, Role.DOORSTROOMCOACH,
              Role.JONGERENCOACH_WERK)


@dataclass
class YouthTeam:
    id: int
    organisation_id: int
    contacts: dict[str, int] = field(default_factory=dict)  # role -> user id
    lead_id: int = 0


@dataclass
class Chain:
    teams_of: dict[int, list[YouthTeam]]  # municipality id -> its youth teams
    gemeente_of: dict[int, int]  # municipality id -> gemeente organisation id
    school_of_region: dict[int, tuple[int, int]]  # Doorstroompunt region -> (school org, user)
    users: int


def build_chain(*, youth_per_municipality: dict[int, int]) -> Chain:
    municipalities = list(Municipality.objects.order_by("code"))
    password = make_password(SCALE_PASSWORD)  # one hash: PBKDF2 per account would take minutes
    orgs: list[Organisation] = []
    for m in municipalities:
        orgs.append(Organisation(name=f"Gemeente {m.name}{SUFFIX}",
                                 type=OrganisationType.GEMEENTE, municipality=m))
    regions: dict[int, list[Municipality]] = {}
    for m in municipalities:
        if m.doorstroompunt_region_id:
            regions.setdefault(m.doorstroompunt_region_id, []).append(m)
    for _region, members in sorted(regions.items()):
        home = max(members, key=lambda m: m.population_2024 or 0)
        for kind, label in ((OrganisationType.DOORSTROOMPUNT, "Doorstroompunt"),
                            (OrganisationType.SCHOOL_MBO, "Mbo-college"),
                            (OrganisationType.SOCIAAL_TEAM, "Sociaal team")):
            orgs.append(Organisation(name=f"{label} {home.name} e.o.{SUFFIX}", type=kind,
                                     municipality=home))
    Organisation.objects.bulk_create(orgs)
    gemeente_of = {o.municipality_id: o.pk for o in orgs if o.type == OrganisationType.GEMEENTE}

    teams: list[Team] = []
    team_plan: list[tuple[Team, tuple[str, ...], Municipality | None]] = []
    for m in municipalities:
        count = max(1, round(youth_per_municipality.get(m.pk, 0) / YOUTH_PER_TEAM))
        for n in range(count):
            team = Team(organisation_id=gemeente_of[m.pk], name=f"Jongerenteam {n + 1}")
            roles = TEAM_ROLES + ((Role.CONSULENT_WI,) if n % 2 == 0 else ())
            team_plan.append((team, roles, m))
        staff = Team(organisation_id=gemeente_of[m.pk], name="Beleid en beheer")
        team_plan.append((staff, (Role.BELEIDSADVISEUR, Role.FUNCTIONEEL_BEHEERDER), None))
    region_orgs = [o for o in orgs if o.type != OrganisationType.GEMEENTE]
    role_of_type = {OrganisationType.DOORSTROOMPUNT: (Role.DOORSTROOMCOACH, Role.DOORSTROOMCOACH),
                    OrganisationType.SCHOOL_MBO: (Role.SCHOOL_CONTACT,),
                    OrganisationType.SOCIAAL_TEAM: (Role.SOCIAAL_TEAM, Role.SOCIAAL_TEAM)}
    for org in region_orgs:
        team_plan.append((Team(organisation_id=org.pk, name="Team"), role_of_type[org.type], None))
    for _region, members in sorted(regions.items()):
        home = max(members, key=lambda m: m.population_2024 or 0)
        team_plan.append((Team(organisation_id=gemeente_of[home.pk], name="Regiocoördinatie"),
                          (Role.REGIONAL_COORDINATOR,), None))
    teams = [t for t, _, _ in team_plan]
    Team.objects.bulk_create(teams)
    Team.serves.through.objects.bulk_create(
        [Team.serves.through(team_id=t.pk, municipality_id=m.pk) for t, _, m in team_plan if m])

    users: list[User] = []
    memberships: list[tuple[int, int, str]] = []  # (user index, team id, role)
    for team, roles, _ in team_plan:
        for role in roles:
            n = len(users) + 1
            users.append(User(username=f"schaal-{n:05d}", first_name=_first_name(n),
                              last_name=f"Medewerker {n}", email=f"schaal-{n:05d}@example.org",
                              password=password, is_staff=role == Role.FUNCTIONEEL_BEHEERDER))
            memberships.append((len(users) - 1, team.pk, role))
    User.objects.bulk_create(users, batch_size=2000)
    Membership.objects.bulk_create(
        [Membership(user_id=users[i].pk, team_id=t, role=r) for i, t, r in memberships],
        batch_size=2000)

    by_team: dict[int, dict[str, int]] = {}
    for i, t, r in memberships:
        by_team.setdefault(t, {})[r] = users[i].pk
    teams_of: dict[int, list[YouthTeam]] = {}
    for team, roles, m in team_plan:
        if m is None:
            continue
        contacts = by_team[team.pk]
        teams_of.setdefault(m.pk, []).append(YouthTeam(
            id=team.pk, organisation_id=team.organisation_id,
            contacts={r: contacts[r] for r in roles if r != Role.TEAMLEIDER},
            lead_id=contacts[Role.TEAMLEIDER]))
    school_of_region: dict[int, tuple[int, int]] = {}
    school_team = {t.organisation_id: t.pk for t, roles, _ in team_plan
                   if roles == (Role.SCHOOL_CONTACT,)}
    for org in region_orgs:
        if org.type == OrganisationType.SCHOOL_MBO:
            region = org.municipality.doorstroompunt_region_id
            school_of_region[region] = (org.pk, by_team[school_team[org.pk]][Role.SCHOOL_CONTACT])
    return Chain(teams_of=teams_of, gemeente_of=gemeente_of, school_of_region=school_of_region,
                 users=len(users))


FIRST_NAMES = ["Anna", "Bas", "Carla", "Dennis", "Esra", "Fleur", "Gijs", "Hanna", "Ivo", "Jasmijn",
               "Karim", "Lotte", "Mehmet", "Nina", "Oscar", "Petra", "Quinten", "Rachida"]


def _first_name(n: int) -> str:
    return FIRST_NAMES[n % len(FIRST_NAMES)]
