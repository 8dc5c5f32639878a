"""Demo organisations, users for every role and ~200 synthetic youth per municipality
(``ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY``; idempotent).

Municipalities and regions are real (reference data); organisations are named "(demo)"; youth
have clearly fictional names and BSNs from the RvIG GBA-V test set (fictitious persons).

Each youth's history is written through the services (events and audit rows are real) with the
clock set to the day it happened (``_clock``), so the files tell a year: signals from January on,
intakes, routes the engine decided, contact persons whose role fits age and route, steps moved on
dates in between, outflow with every reason and aftercare; plus appointments this week for the
coaches and the mbo school's handovers in every status (issue 11 §7). Seeded: the same story on
every machine, relative to today.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import random
from dataclasses import dataclass
from unittest import mock

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from route27 import law
from route27.demo import DEMO_PASSWORD
from route27.organisations.models import Membership, Municipality, Organisation, Team, User
from route27.organisations.reference_data import DATA_DIR
from route27.organisations.roles import OrganisationType, Role
from route27.trajectories.models import AFTERCARE_REASONS
from route27.trajectories.workflow import ORDER, Step

DEMO_MUNICIPALITIES = ["GM0362", "GM0358", "GM0344"]  # Amstelveen, Aalsmeer, Utrecht

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
    # The centrumgemeente of the arbeidsmarktregio Groot Amsterdam: policy only (issue 15).
    ("Gemeente Amsterdam (demo)", OrganisationType.GEMEENTE, "GM0363",
     [("Arbeidsmarktregio Groot Amsterdam", ["GM0363"])]),
    ("Werkcentrum Groot Amsterdam (demo)", OrganisationType.WERKCENTRUM, "GM0363",
     [("Omscholingsadvies", [])]),
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
    DemoUser("beleid.amsterdam", "Cem", "Centrum", Role.BELEIDSADVISEUR,
             "Gemeente Amsterdam (demo)", "Arbeidsmarktregio Groot Amsterdam"),
    DemoUser("beheer", "Femke", "Beheerder", Role.FUNCTIONEEL_BEHEERDER,
             "Gemeente Amstelveen (demo)", "Functioneel beheer"),
    DemoUser("doorstroomcoach.utrecht", "Ugo", "Domstad", Role.DOORSTROOMCOACH,
             "Gemeente Utrecht (demo)", "Jongerenteam Utrecht"),
    DemoUser("jongerencoach.utrecht", "Ilse", "Utrechter", Role.JONGERENCOACH_WERK,
             "Gemeente Utrecht (demo)", "Jongerenteam Utrecht"),
    DemoUser("leerplicht.utrecht", "Lieke", "Leerplichtig", Role.LEERPLICHTAMBTENAAR,
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
def load_demo_data(youth_per_municipality: int | None = None) -> dict[str, int]:
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
                                 users["jongerencoach.utrecht"], users["leerplicht.utrecht"]],
    }
    team_for_code = {"GM0362": "Jongerenteam Amstelveen", "GM0358": "Jongerenteam Aalsmeer",
                     "GM0344": "Jongerenteam Utrecht"}
    from route27.trajectories.models import OutflowReason

    reasons = list(OutflowReason.values)
    created_youth = closed = 0
    count = youth_per_municipality or settings.ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY
    for code in DEMO_MUNICIPALITIES:
        team = teams[team_for_code[code]]
        for index in range(count):
            bsn = next(bsns)
            given = rng.choice(GIVEN_NAMES)
            prefix, family = rng.choice(PREFIXES), rng.choice(FAMILY_NAMES)
            birth = _birth_date(rng, today)
            assign = index % 4 != 3  # every fourth youth waits for a contact person
            closing = None
            if index % 8 == 5:  # every eighth closes, each outflow reason in turn
                closing, closed = reasons[closed % len(reasons)], closed + 1
            seed = rng.random()  # one draw per youth, so each history has its own stream
            if Youth.objects.filter(bsn=bsn).exists():
                continue
            story = random.Random(seed)
            year_start = max(datetime.date(today.year, 1, 2), today - datetime.timedelta(days=340))
            start = today - datetime.timedelta(
                days=story.randint(3, max((today - year_start).days, 4)))
            with _clock(start, story):
                youth = youth_create(
                    actor=None, team=team, given_names=given, surname_prefix=prefix,
                    family_name=family, birth_date=birth, bsn=bsn,
                    municipality=municipalities[code], place=municipalities[code].name,
                    email=f"{given.lower()}.{family.lower()}{index}@example.org".replace("ë", "e"),
                )
            _demo_trajectory(story, today, start, youth, team, coaches_by_team[team.name],
                             assign, closing)
            created_youth += 1
    coaching = ("doorstroomcoach", "jongerencoach", "leerplicht")
    _demo_appointments([u for name, u in users.items() if name.split(".")[0] in coaching],
                       today)
    _demo_handovers(users["school.mbo"], today)
    _demo_duplicate(teams["Jongerenteam Aalsmeer"], today)
    _demo_joint_assessment(teams["Jongerenteam Aalsmeer"], today)
    from route27.demo.collaboration import load_collaboration_demo
    from route27.demo.portal_accounts import load_portal_demo

    load_portal_demo()
    load_collaboration_demo(users=users, teams=teams, bsns=list(reversed(_test_bsns())))
    from route27.demo.results import load_results_demo

    load_results_demo(users=users, teams=teams)
    from route27.demo.programme import load_programme_demo

    load_programme_demo(users=users)
    return {"youth_created": created_youth, "youth_total": Youth.objects.count(),
            "users": User.objects.count()}


DEMO_SOURCES = ["school", "doorstroompunt", "self", "uwv", "youth_work", "social_team",
                "compulsory_education", "bijstand", "staff"]
DEMO_SITUATIONS = {
    "onderwijs": "Gestopt met de opleiding; wil later misschien terug naar school.",
    "werk": "Geen werk; heeft ervaring met vakantiewerk in de kassen.",
    "inkomen": "Geen inkomen; woont bij ouders.",
}


# Where the demo youth stand: every step, and closed with every outflow reason (issue 11 §7).
DEMO_TARGETS = ([Step.INTAKE] * 6 + [Step.ROUTE] * 5 + [Step.ACTIVATION] * 6 + [Step.SUPPORT] * 6
                + [Step.MATCH] * 3 + [Step.AFTERCARE] * 3)
DEMO_ARRIVALS = {"uwv": law.Arrival.UWV, "bijstand": law.Arrival.BIJSTAND}
ROUTE_ROLES = {law.Route.BACK_TO_SCHOOL: Role.DOORSTROOMCOACH, law.Route.WORK:
               Role.JONGERENCOACH_WERK, law.Route.LEARN_WORK: Role.JONGERENCOACH_WERK}


@contextlib.contextmanager
def _clock(on: datetime.date, rng: random.Random):
    """Run the services as if it were a working hour of ``on``, so every event, audit row and
    date check tells the youth's history in 2026 instead of the moment of loading. Today keeps
    the real time: nothing lies in the future."""
    now = timezone.now()
    if on >= timezone.localdate(now):
        yield
        return
    moment = timezone.make_aware(datetime.datetime.combine(
        on, datetime.time(rng.randint(8, 16), rng.choice([0, 15, 30, 45]))))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _days(rng: random.Random, start: datetime.date, today: datetime.date, count: int):
    """``count`` sorted dates after ``start``, up to today: distinct days where the span allows,
    so the times ``_clock`` draws within a day never put a later step before an earlier one."""
    span = max((today - start).days, 1)
    offsets = rng.sample(range(1, span + 1), min(count, span))
    offsets += [span] * (count - len(offsets))
    return [start + datetime.timedelta(days=d) for d in sorted(offsets)]


def _demo_trajectory(rng: random.Random, today, start, youth, team, coaches, assign: bool,
                     closing_reason: str | None) -> None:
    """A trajectory with a history spread over the year, through the services a coach uses: the
    signal, the intake, the route the engine decides, a contact person whose role fits age and
    route (law.contact_fit), steps moved on dates in between, outflow and aftercare."""
    from route27.trajectories.models import FollowUp, OutflowReason
    from route27.trajectories.services import (
        activity_record,
        follow_up_record,
        intake_record,
        route_confirm,
        route_propose,
        trajectory_move,
        trajectory_outflow,
        trajectory_start,
    )
    from route27.youth.services import contact_person_assign

    with _clock(start, rng):
        trajectory = trajectory_start(actor=None, youth=youth, team=team,
                                      entrance=rng.choice(DEMO_SOURCES), started_on=start)
    if not assign:
        return
    target = Step.CLOSED if closing_reason else rng.choice(DEMO_TARGETS)
    if closing_reason in AFTERCARE_REASONS:
        target = Step.AFTERCARE
    path = ORDER[1:ORDER.index(target) + 1] if target in ORDER else ORDER[1:5]
    days = iter(_days(rng, start, today, len(path) + 4))
    intake_on = next(days)
    # A minor today (15 to 18) has the leerplichtambtenaar; one who turned 18 meanwhile has
    # already been handed over to the role of the route (law.contact_fit).
    minor = law.age_on(youth.birth_date, today).maximum < 18
    leerplicht = [c for c in coaches if c.memberships.first().role == Role.LEERPLICHTAMBTENAAR]
    if minor and not leerplicht:
        return  # nobody in this team may be a minor's contact: the youth waits in the queue
    intaker = leerplicht[0] if minor else coaches[0]
    with _clock(intake_on, rng):
        if target == Step.INTAKE:  # route not yet decided: the intake coach holds the file
            contact_person_assign(actor=None, youth=youth, user=intaker,
                                  role=intaker.memberships.first().role, reason="Demo-toewijzing")
        intake_record(actor=intaker, trajectory=trajectory,
                      intensity=rng.choice(["licht", "licht", "middelzwaar", "intensief"]),
                      answers={code: {"situation": t} for code, t in DEMO_SITUATIONS.items()},
                      wishes="Een vaste baan of een opleiding met werk.",
                      multi_problem=rng.random() < 0.15)
    if target == Step.INTAKE:
        return
    route_on = next(days)
    school = rng.random() < 0.35
    facts = law.Facts(
        reference_date=route_on, birth=youth.birth_date,
        arrival=DEMO_ARRIVALS.get(trajectory.entrance, law.Arrival.SELF),
        highest_diploma=rng.choice([law.Diploma.NONE, law.Diploma.VMBO, law.Diploma.MBO1]),
        school_possible=law.Judgement.YES if school else law.Judgement.NO,
        learn_work_possible=rng.choice([law.Judgement.YES, law.Judgement.NO]))
    role = Role.LEERPLICHTAMBTENAAR if minor else None
    with _clock(route_on, rng):
        decision = route_propose(actor=intaker, trajectory=trajectory, facts=facts)
        decision = route_confirm(actor=intaker, decision=decision)
        role = role or ROUTE_ROLES.get(decision.route, Role.JONGERENCOACH_WERK)
        coach = next(c for c in (leerplicht if minor else coaches)
                     if c.memberships.first().role == role)
        contact_person_assign(actor=None, youth=youth, user=coach, role=role,
                              reason="Route bepaald")
    trajectory.refresh_from_db()
    for step in path[2:]:
        on = next(days)
        with _clock(on, rng):
            if step == Step.AFTERCARE:
                trajectory_outflow(actor=coach, trajectory=trajectory, on=on,
                                   reason=closing_reason or rng.choice(sorted(AFTERCARE_REASONS)))
            else:
                trajectory_move(actor=coach, trajectory=trajectory, to=step,
                                reason="Volgende stap in het plan")
                activity_record(actor=coach, trajectory=trajectory, kind="coaching", on=on)
        trajectory.refresh_from_db()
    if target == Step.CLOSED and closing_reason not in AFTERCARE_REASONS:
        on = next(days)
        with _clock(on, rng):
            trajectory_outflow(actor=coach, trajectory=trajectory, on=on, reason=closing_reason,
                               note="Verhuisd naar het buitenland"
                               if closing_reason == OutflowReason.OTHER else "")
    elif closing_reason:  # outflow to a place, and every follow-up done: closed after aftercare
        for follow_up in FollowUp.objects.filter(trajectory=trajectory).order_by("due_on"):
            on = next(days, today)
            with _clock(on, rng):
                follow_up_record(actor=coach, follow_up=follow_up, on=on,
                                 outcome=FollowUp.Outcome.ON_TRACK)


def _demo_appointments(coaches, today) -> None:
    """Appointments this week for each demo coach with youth: two today, a few later this week
    and two past ones, one still waiting for the attendance to be recorded."""
    from route27.appointments.models import Appointment, Mode, Status
    from route27.appointments.services import appointment_attendance_record, appointment_plan
    from route27.trajectories.models import Trajectory

    if Appointment.objects.filter(coach__in=coaches).exists():
        return
    plan = [(-3, 10, 0, Status.ATTENDED), (-1, 11, 30, None), (0, 10, 0, None),
            (0, 14, 30, None), (1, 9, 30, None), (2, 13, 0, None), (3, 15, 0, None)]
    modes = [Mode.ON_SITE, Mode.PHONE, Mode.ON_SITE, Mode.VIDEO, Mode.ON_SITE, Mode.HOME_VISIT,
             Mode.ON_SITE]
    for coach in coaches:
        trajectories = list(Trajectory.objects.filter(
            closed_on__isnull=True, youth__contact_assignments__user=coach,
            youth__contact_assignments__ended_at__isnull=True,
        ).exclude(step__in=[Step.SIGNAL, Step.AFTERCARE]).order_by("pk")[:len(plan)])
        for (offset, hour, minute, attendance), mode, trajectory in zip(
                plan, modes, trajectories, strict=False):
            day = today + datetime.timedelta(days=offset)
            starts_at = timezone.make_aware(datetime.datetime.combine(
                day, datetime.time(hour, minute)))
            planned_at = timezone.make_aware(datetime.datetime.combine(
                min(day, today) - datetime.timedelta(days=2), datetime.time(9, 0)))
            with mock.patch("django.utils.timezone.now", return_value=planned_at):
                appointment = appointment_plan(
                    actor=coach, trajectory=trajectory, starts_at=starts_at, mode=mode,
                    place="Jongerenloket, stadhuis" if mode == Mode.ON_SITE else "")
            if attendance:
                appointment_attendance_record(actor=coach, appointment=appointment,
                                              status=attendance)


DEMO_HANDOVER_STATUSES = ["concept", "sent", "accepted", "returned"]


def _demo_handovers(contact, today) -> None:
    """Handovers from the demo mbo school to Gemeente Amstelveen in every status (concept,
    verstuurd, geaccepteerd, teruggestuurd), so the school's home page has something to show:
    each about a youth waiting in the intake queue, filled in and (but the concept) sent with
    the consent the school recorded on paper."""
    from route27.handover import services
    from route27.handover.models import ConsentGiver, ConsentMethod, Handover
    from route27.youth.models import Youth

    school = Organisation.objects.get(name="Mbo-college Amstelland (demo)")
    if Handover.objects.filter(sender=school).exists():
        return
    gemeente = Organisation.objects.get(name="Gemeente Amstelveen (demo)")
    caseworker = User.objects.get(username="doorstroomcoach.amstelveen")
    waiting = (Youth.objects.filter(municipality=gemeente.municipality, bsn__isnull=False,
                                    contact_assignments__isnull=True,
                                    trajectories__step=Step.SIGNAL).order_by("pk"))
    rng = random.Random(11)
    for status, youth in zip(DEMO_HANDOVER_STATUSES, waiting, strict=False):
        day = today - datetime.timedelta(days=rng.randint(3, 20))
        with _clock(day, rng):
            handover = services.handover_create(
                actor=contact, kind="mbo_gemeente", youth=youth, sender=school,
                receiver=gemeente, school_left_on=day - datetime.timedelta(days=14),
                highest_diploma="mbo1")
            services.document_update(actor=contact, handover=handover, part="youth", content={
                "wie_ben_ik": {"tekst": "Ik werk graag met mijn handen en wil geld verdienen."}})
            services.document_update(actor=contact, handover=handover, part="school", content={
                "opleiding": {"opleiding": "Entree", "niveau": "1"}})
            if status == "concept":
                continue
            handover.document.refresh_from_db()
            minor = law.consent_required_from(youth.birth_date, today) == law.ConsentBy.PARENT
            services.consent_record(
                actor=contact, handover=handover,
                block_keys=handover.document.filled_block_keys(),
                given_by=ConsentGiver.PARENT if minor else ConsentGiver.YOUTH,
                given_by_name="Ouder van de jongere" if minor else youth.full_name,
                method=ConsentMethod.PAPER, given_on=day,
                proof_reference="Ondertekend toestemmingsformulier in het leerlingdossier")
            services.handover_send(actor=contact, handover=handover)
        if status == "sent":
            continue
        with _clock(day + datetime.timedelta(days=2), rng):
            if status == "accepted":
                services.handover_accept(actor=caseworker, handover=handover)
            else:
                services.handover_return(
                    actor=caseworker, handover=handover,
                    reason="Terugkeer naar school lijkt mogelijk: stuur de overdracht naar het "
                           "Doorstroompunt.")


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
