"""A national population for ``make bench`` (issue 12): ``manage.py generate_scale_data``.

Youth over the 342 real municipalities in proportion to their 15–25 year-olds, aged 15 to 27,
each with a file from the last three years: trajectories in every step (one youth in five also
had an earlier, closed one), the intake, the contact person whose role fits age and route (one
active; ended at closure; three in ten had an earlier one), contacts, plan actions, aftercare
follow-ups, appointments around today, handovers from the region's mbo school with paper consent,
the file events (about 15 per youth) and the audit history of who read the file.

The file events are those the real services write (``trajectories.services``), so the results
dashboard (``monitoring.indicators``, issue 14) counts them as it counts real files: the start
in step 1 with its entrance, every step change (the outflow's move to aftercare or closure on
the outflow day included), the intake with its intensity, the route decided with its legal
basis, the contact person's role and its end at closure. Events are recorded when they happen,
except 1 in 100 recorded some days later (a late correction). ``VERSION`` names this shape:
``scripts/bench-db.sh`` regenerates a bench database written by an older generator.

Written in chunks of youth through COPY (``writer.BulkWriter``), every constraint and trigger in
place; within a chunk the events and audit rows go in in time order, so one youth's events lie
scattered over the table as in production. Deterministic for a seed and a reference date.
"""

from __future__ import annotations

import datetime
import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from stdnum.nl import bsn

from route27.appointments.models import Appointment
from route27.audit import partitions
from route27.audit.models import AuditEntry
from route27.casefile.models import Event
from route27.core.db.bulk import BulkWriter, next_id
from route27.handover.models import Consent, Handover, TransitionDocument
from route27.handover.templates_default import DEFAULT_BLOCKS
from route27.organisations.models import Municipality, Organisation
from route27.organisations.roles import Role
from route27.scale.organisations import SUFFIX, Chain, YouthTeam, build_chain
from route27.trajectories.models import (
    AFTERCARE_REASONS,
    Activity,
    FollowUp,
    Goal,
    Intake,
    PlanAction,
    Trajectory,
)
from route27.youth.models import ContactAssignment, Youth

VERSION = 2  # bump when the generated data changes shape (scripts/bench-db.sh regenerates)
YEARS = 3
LATE = 0.01  # share of events recorded some days after they happened (a late correction)
CHUNK = 25_000
HEAVY_FILE_EVENTS = 500  # one youth has a file this long (the bench's "500 events")
GIVEN = ["Sem", "Noah", "Liam", "Daan", "Milan", "Lucas", "Finn", "Levi", "Mees", "Luuk", "Emma",
         "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Amir",
         "Mohammed", "Yusuf", "Ayoub", "Fatima", "Aya", "Ilias", "Selin", "Riya", "Kofi", "Jayden",
         "Lina", "Bram", "Roos", "Thijs", "Noor", "Ryan", "Isa", "Hamza", "Anouk"]
FAMILY = ["Voorbeeld", "Proefmans", "Testerink", "Demoreus", "Fictiema", "Oefenaar", "Nepstra",
          "Schijnbeek", "Verzinga", "Bedachtjes", "Droomhout", "Verzonnen", "Oefenberg",
          "Probeersma", "Schaalstra", "Meetkamp", "Bankwerk", "Lastproef", "Rekenaar", "Telhuis"]
PREFIXES = ["", "", "", "", "van", "de", "van der", "van den", "el", "ter"]
ENTRANCES = ["school", "doorstroompunt", "self", "uwv", "youth_work", "social_team",
             "compulsory_education", "bijstand", "staff", "support_request", "outreach"]
SCHOOL_HANDOVER_ENTRANCE = "handover_mbo_gemeente"  # a trajectory opened by an accepted handover
LEGAL_BASES = [("7a-1a", 75), ("7a-1b", 15), ("7a-1c", 5), ("7a-7", 5)]  # law.LegalBasis
OUTFLOW = [("onderwijs", 30), ("duurzaam_werk", 20), ("leerwerktraject", 8),
           ("zorg_dagbesteding", 5), ("verhuisd", 7), ("niet_bereikbaar", 10),
           ("geen_ondersteuning_gewenst", 10), ("27_zonder_hardheidsclausule", 5), ("anders", 5)]
ROUTES = [("back_to_school", 35), ("work", 35), ("learn_work", 20), ("werkcentrum", 5),
          ("sheltered_work", 5)]
ROUTE_ROLE = {"back_to_school": Role.DOORSTROOMCOACH}
CONTACT_KINDS = ["telefoon", "telefoon", "whatsapp", "gesprek_op_locatie", "gesprek_op_locatie",
                 "coaching", "huisbezoek", "video", "email", "no_show"]
STEPS = ["intake", "route", "activation", "support", "match"]
AFTERCARE_MONTHS = (1, 3, 6, 12)

YOUTH_COLUMNS = ("id", "public_id", "bsn", "bsn_under_review", "given_names", "surname_prefix",
                 "family_name", "birth_year", "birth_month", "birth_day", "municipality_id",
                 "email", "phone", "street_address", "postal_code", "place", "team_id",
                 "created_at", "updated_at")
TRAJECTORY_COLUMNS = ("id", "public_id", "youth_id", "team_id", "step", "started_on",
                      "closed_on", "legal_basis", "requested_by", "entrance", "route",
                      "hardship_justification", "intensity", "multi_problem", "outflow_reason",
                      "outflow_on", "last_contact_on", "created_at")
CONTACT_COLUMNS = ("id", "youth_id", "user_id", "role", "started_at", "ended_at",
                   "handover_note", "cover_for_id", "cover_until")
EVENT_COLUMNS = ("id", "youth_id", "trajectory_id", "kind", "occurred_at", "date_only",
                 "recorded_at", "actor_id", "from_state", "to_state", "reason", "data")
AUDIT_COLUMNS = ("id", "occurred_at", "actor_id", "actor_username", "role", "organisation",
                 "action", "subject_id", "object_type", "object_id", "purpose", "request_id",
                 "detail")
ACTIVITY_COLUMNS = ("id", "trajectory_id", "kind", "on", "description", "recorded_by_id")
INTAKE_COLUMNS = ("id", "trajectory_id", "version", "wishes", "intensity", "multi_problem",
                  "created_by_id", "created_at")
GOAL_COLUMNS = ("id", "trajectory_id", "domain_id", "description", "created_at")
ACTION_COLUMNS = ("id", "goal_id", "description", "status", "owner", "owner_name", "due_on")
FOLLOW_UP_COLUMNS = ("id", "trajectory_id", "due_on", "months_after_outflow", "done_on",
                     "outcome", "note", "cancelled")
APPOINTMENT_COLUMNS = ("id", "public_id", "youth_id", "trajectory_id", "coach_id", "starts_at",
                       "duration", "mode", "place", "with_whom", "status", "token",
                       "confirmed_at", "move_requested_at", "move_note", "reminder_sent_at",
                       "created_at")
HANDOVER_COLUMNS = ("id", "public_id", "kind", "youth_id", "sender_id", "receiver_id", "status",
                    "school_left_on", "diploma_on", "highest_diploma", "return_reason",
                    "trajectory_id", "created_by_id", "created_at", "sent_at", "received_at",
                    "decided_at")
DOCUMENT_COLUMNS = ("id", "handover_id", "blocks", "content", "updated_at")
CONSENT_COLUMNS = ("id", "document_id", "block_key", "receiver_id", "given_by", "given_by_name",
                   "method", "given_on", "proof_reference", "given_at", "recorded_by_id",
                   "withdrawn_at", "withdrawn_by_id")

TABLES = [  # written in this order within a chunk (foreign keys point backwards)
    (Youth, YOUTH_COLUMNS), (Trajectory, TRAJECTORY_COLUMNS),
    (ContactAssignment, CONTACT_COLUMNS), (Intake, INTAKE_COLUMNS), (Goal, GOAL_COLUMNS),
    (PlanAction, ACTION_COLUMNS), (Activity, ACTIVITY_COLUMNS), (FollowUp, FOLLOW_UP_COLUMNS),
    (Appointment, APPOINTMENT_COLUMNS), (Handover, HANDOVER_COLUMNS),
    (TransitionDocument, DOCUMENT_COLUMNS), (Consent, CONSENT_COLUMNS), (Event, EVENT_COLUMNS),
    (AuditEntry, AUDIT_COLUMNS),
]
TIME_ORDERED = {Event: 4, AuditEntry: 1}  # column index of the moment


class AlreadyGenerated(Exception):
    pass


def bsn_numbers(start: int = 10_000_000):
    """Valid BSNs (the 11-proef, python-stdnum) in a fixed order: each 8-digit prefix with the
    check digit that makes it valid (none when that would be 10)."""
    prefix = start
    while True:
        digits = f"{prefix:08d}"
        check = bsn.checksum(digits + "0")  # the weighted sum of the prefix, mod 11
        if check < 10:
            yield digits + str(check)
        prefix += 1


def share(total: int, weights: dict[int, int]) -> dict[int, int]:
    """``total`` split over the keys in proportion to the weights (largest remainder)."""
    whole = sum(weights.values()) or 1
    exact = {k: total * w / whole for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    rest = total - sum(counts.values())
    for k in sorted(exact, key=lambda k: (counts[k] - exact[k], k))[:rest]:
        counts[k] += 1
    return counts


@dataclass
class Ids:
    """The next id per table: ids are given explicitly, so rows can point at each other."""

    next: dict[type, int] = field(default_factory=dict)

    def take(self, model) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value


@dataclass
class Chunk:
    rows: dict[type, list[tuple]] = field(default_factory=dict)

    def add(self, model, row: tuple) -> None:
        self.rows.setdefault(model, []).append(row)


def _weighted(rng: random.Random, options: list[tuple[str, int]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


class Population:
    """Writes the youth of one run; ``generate`` drives it chunk by chunk."""

    def __init__(self, *, chain: Chain, municipalities: list[Municipality],
                 today: datetime.date, seed: int) -> None:
        from route27.organisations.models import User

        self.chain, self.today, self.rng = chain, today, random.Random(seed)
        self.ids = Ids({model: next_id(model) for model, _ in TABLES})
        self.sorted_next = {model: self.ids.next[model] for model in TIME_ORDERED}
        self.bsns = bsn_numbers(10_000_000 + 7919 * seed % 50_000_000)
        self.tz = timezone.get_current_timezone()
        self.region_of_team = {t.id: m.doorstroompunt_region_id for m in municipalities
                               for t in chain.teams_of[m.pk]}
        self.usernames = dict(User.objects.filter(username__startswith="schaal-")
                              .values_list("pk", "username"))

    # --- helpers --------------------------------------------------------------------------------
    def moment(self, day: datetime.date) -> datetime.datetime:
        rng = self.rng
        return datetime.datetime(day.year, day.month, day.day, rng.randint(8, 17),
                                 rng.randrange(60), rng.randrange(60), tzinfo=self.tz)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def event(self, chunk, youth_id, trajectory_id, kind, day, actor=None, from_state="",
              to_state="", data="{}"):
        at = self.moment(day)
        recorded = at
        if self.rng.random() < LATE:  # recorded later: a late correction (never after today)
            later = at + datetime.timedelta(days=self.rng.randint(3, 60))
            if later.date() < self.today:
                recorded = later
        chunk.add(Event, (0, youth_id, trajectory_id, kind, at, False, recorded,
                          actor, from_state, to_state, "", data))

    def read(self, chunk, youth_id, public_id, day, actor, role, org):
        chunk.add(AuditEntry, (0, self.moment(day), actor,
                               self.usernames.get(actor, ""), role, org, "read", youth_id,
                               "youth", str(public_id), "casework", "", "{}"))

    # --- one youth ------------------------------------------------------------------------------
    def youth(self, chunk: Chunk, municipality: Municipality, team: YouthTeam,
              heavy: bool = False) -> None:
        rng, today = self.rng, self.today
        youth_id, public_id = self.ids.take(Youth), self.uuid()
        born = today - datetime.timedelta(days=rng.randint(15 * 365 + 4, 27 * 365 + 5))
        partial = rng.random()
        month = None if partial < 0.01 else born.month
        day = None if partial < 0.03 else born.day
        number = None if rng.random() < 0.01 else next(self.bsns)
        first_start = today - datetime.timedelta(days=rng.randint(1, YEARS * 365))
        created = self.moment(first_start)
        chunk.add(Youth, (youth_id, public_id, number, False, rng.choice(GIVEN),
                          rng.choice(PREFIXES), rng.choice(FAMILY), born.year, month, day,
                          municipality.pk, "", "", "", "", municipality.name, team.id, created,
                          created))
        self.event(chunk, youth_id, None, "youth_registered", first_start)
        spans = [(first_start, None)]
        if rng.random() < 0.2 and (today - first_start).days > 200:  # an earlier, closed one
            end = first_start + datetime.timedelta(days=rng.randint(60, 150))
            spans = [(first_start, end),
                     (end + datetime.timedelta(days=rng.randint(20, 60)), None)]
            if spans[1][0] >= today:
                spans = spans[:1]
        for n, (start, forced_end) in enumerate(spans):
            self.trajectory(chunk, youth_id, public_id, born, team, start, forced_end,
                            last=n == len(spans) - 1, returning=n > 0, heavy=heavy)

    def trajectory(self, chunk, youth_id, public_id, born, team, start, forced_end, *, last,
                   returning=False, heavy=False) -> None:
        rng, today = self.rng, self.today
        tid = self.ids.take(Trajectory)
        end = forced_end or start + datetime.timedelta(days=int(rng.expovariate(1 / 270)) + 20)
        reason = _weighted(rng, OUTFLOW) if end < today or forced_end else ""
        if not last and reason in AFTERCARE_REASONS:
            reason = "verhuisd"  # an earlier trajectory is closed, aftercare included
        waiting = (not reason and (today - start).days < 90 and rng.random() < 0.6)
        # The steps reached, each 30–120 days after the one before, until the end or today.
        reached, day = [("signal", start)], start + datetime.timedelta(days=rng.randint(2, 15))
        if not waiting:
            for step in STEPS:
                if day >= min(end, today):
                    break
                reached.append((step, day))
                day += datetime.timedelta(days=rng.randint(30, 120))
        outflow_on = end if reason else None
        aftercare = reason in AFTERCARE_REASONS
        closed_on = None
        if reason and (not aftercare or end + datetime.timedelta(days=366) < today):
            closed_on = end + datetime.timedelta(days=366) if aftercare else end
        step = "closed" if closed_on else ("aftercare" if aftercare else reached[-1][0])
        past_intake = len(reached) > 1
        past_route = len(reached) > 2
        route = _weighted(rng, ROUTES) if past_route else ""
        intensity = (rng.choices(["licht", "middelzwaar", "intensief"], [50, 35, 15])[0]
                     if past_intake else "")
        multi_problem = past_intake and rng.random() < 0.15
        legal_basis = _weighted(rng, LEGAL_BASES) if past_route else ""
        entrance = rng.choice(ENTRANCES)
        # The contact person: from the intake on, in the role that fits age and route.
        contact, contact_role = None, ""
        if past_intake:
            intake_on = reached[1][1]
            minor = _age(born, intake_on) < 18
            role = (Role.LEERPLICHTAMBTENAAR if minor else
                    ROUTE_ROLE.get(route, Role.JONGERENCOACH_WERK if past_route
                                   else Role.DOORSTROOMCOACH))
            contact = team.contacts.get(role) or team.contacts[Role.DOORSTROOMCOACH]
            contact_role = role
            stop = closed_on  # at closure (an outflow without aftercare closes the same day)
            started = intake_on
            if rng.random() < 0.3:  # an earlier contact person handed the youth over
                earlier = team.contacts[Role.DOORSTROOMCOACH]
                switch = intake_on + datetime.timedelta(days=rng.randint(10, 60))
                if switch < (stop or today) and earlier != contact:
                    chunk.add(ContactAssignment, (
                        self.ids.take(ContactAssignment), youth_id, earlier,
                        Role.DOORSTROOMCOACH, self.moment(intake_on), self.moment(switch), "",
                        None, None))
                    self.event(chunk, youth_id, tid, "contact_person_changed", intake_on,
                               to_state=Role.DOORSTROOMCOACH,
                               data=json.dumps({"handover_note": False, "contact": earlier}))
                    started = switch
            chunk.add(ContactAssignment, (
                self.ids.take(ContactAssignment), youth_id, contact, role,
                self.moment(started), self.moment(stop) if stop else None, "", None, None))
            self.event(chunk, youth_id, tid, "contact_person_changed", started, actor=team.lead_id,
                       from_state=Role.DOORSTROOMCOACH if started != intake_on else "",
                       to_state=role,
                       data=json.dumps({"handover_note": False, "contact": contact}))
        # Events of the steps, the intake and the route, as the services write them.
        for (before, _), (step_code, on) in zip(reached, reached[1:], strict=False):
            self.event(chunk, youth_id, tid, "step_changed", on, actor=contact,
                       from_state=before, to_state=step_code)
        if past_intake:
            intake_on = reached[1][1]
            chunk.add(Intake, (self.ids.take(Intake), tid, 1, "Werk of een opleiding.",
                               intensity, multi_problem, contact, self.moment(intake_on)))
            self.event(chunk, youth_id, tid, "intake_recorded", intake_on, actor=contact,
                       data=json.dumps({"version": 1, "intensity": intensity,
                                        "multi_problem": multi_problem}))
        if past_route:  # route_confirm: the proposal confirmed, with the facts behind it
            qualified = rng.choices(["yes", "no", "unknown"], [30, 60, 10])[0]
            self.event(chunk, youth_id, tid, "route_decided", reached[2][1], actor=contact,
                       from_state=route, to_state=route,
                       data=json.dumps({"override": False, "legal_basis": legal_basis,
                                        "startkwalificatie": qualified,
                                        "benefit": rng.random() < 0.4}))
        # Contacts: 0–9 between the intake and the end (a heavy file: hundreds).
        last_contact = None
        if past_intake:
            first, until = reached[1][1], min(outflow_on or today, today)
            count = HEAVY_FILE_EVENTS if heavy else rng.randint(0, 9)
            span = max((until - first).days, 1)
            for on in sorted(first + datetime.timedelta(days=rng.randrange(span))
                             for _ in range(count)):
                kind = rng.choice(CONTACT_KINDS)
                chunk.add(Activity, (self.ids.take(Activity), tid, kind, on, "", contact))
                self.event(chunk, youth_id, tid, "activity_recorded", on, actor=contact,
                           data=json.dumps({"kind": kind}))
                if kind != "no_show":
                    last_contact = on
            self.read(chunk, youth_id, public_id, first, contact, "doorstroomcoach",
                      "Gemeente")
            for _ in range(rng.randint(1, 3)):
                self.read(chunk, youth_id, public_id,
                          first + datetime.timedelta(days=rng.randrange(span)), contact,
                          "doorstroomcoach", "Gemeente")
        if reason:  # trajectory_outflow: the move to aftercare or closure, then the outflow
            self.event(chunk, youth_id, tid, "step_changed", outflow_on, actor=contact,
                       from_state=reached[-1][0], to_state="aftercare" if aftercare else "closed")
            self.event(chunk, youth_id, tid, "outflow", outflow_on, actor=contact,
                       to_state=reason)
        if aftercare:
            self.follow_ups(chunk, youth_id, tid, outflow_on, contact)
        if closed_on and aftercare:  # the last follow-up closes the file
            self.event(chunk, youth_id, tid, "step_changed", closed_on, actor=contact,
                       from_state="aftercare", to_state="closed")
        if closed_on and contact:  # closing ends the contact person's reason (_move)
            self.event(chunk, youth_id, tid, "contact_person_ended", closed_on,
                       actor=contact, from_state=contact_role)
        open_now = closed_on is None
        if open_now and step in ("activation", "support", "match"):
            self.plan(chunk, tid, reached[-1][1])
        if open_now and contact and step != "aftercare" and rng.random() < 0.25:
            self.appointment(chunk, youth_id, tid, contact)
        if last and rng.random() < 0.05:
            if self.handover(chunk, youth_id, tid, team, start) == "accepted":
                entrance = SCHOOL_HANDOVER_ENTRANCE
        self.event(chunk, youth_id, tid, "trajectory_started", start, to_state="signal",
                   data=json.dumps({"entrance": entrance, "team": team.id,
                                    "returning": returning}))
        chunk.add(Trajectory, (tid, self.uuid(), youth_id, team.id, step, start, closed_on,
                               legal_basis, "", entrance, route, "", intensity, multi_problem,
                               reason, outflow_on, last_contact, self.moment(start)))

    def follow_ups(self, chunk, youth_id, tid, outflow_on, contact) -> None:
        for months in AFTERCARE_MONTHS:
            due = outflow_on + datetime.timedelta(days=round(months * 30.4))
            done = due if due < self.today and self.rng.random() < 0.85 else None
            chunk.add(FollowUp, (self.ids.take(FollowUp), tid, due, months, done,
                                 "on_track" if done else "", "", False))
            if done:
                self.event(chunk, youth_id, tid, "follow_up_recorded", done, actor=contact)

    def plan(self, chunk, tid, since) -> None:
        goal = self.ids.take(Goal)
        chunk.add(Goal, (goal, tid, None, "Een baan of opleiding die past.", self.moment(since)))
        for n in range(self.rng.randint(1, 3)):
            due = self.today + datetime.timedelta(days=self.rng.randint(-14, 60))
            chunk.add(PlanAction, (self.ids.take(PlanAction), goal, f"Actie {n + 1} uit het plan",
                                   "planned", "coach", "", due))

    def appointment(self, chunk, youth_id, tid, coach) -> None:
        rng = self.rng
        day = self.today + datetime.timedelta(days=rng.randint(-7, 7))
        starts = datetime.datetime(day.year, day.month, day.day, rng.randint(9, 16),
                                   rng.choice([0, 15, 30, 45]), tzinfo=self.tz)
        status = ("planned" if day >= self.today else
                  rng.choices(["attended", "no_show", "planned"], [70, 20, 10])[0])
        token = f"{rng.getrandbits(192):048x}"
        created = self.moment(day - datetime.timedelta(days=7))
        chunk.add(Appointment, (self.ids.take(Appointment), self.uuid(), youth_id, tid, coach,
                                starts, datetime.timedelta(minutes=45),
                                rng.choice(["op_locatie", "telefoon", "video", "huisbezoek"]),
                                "", "", status, token, None, None, "", None, created))

    def handover(self, chunk, youth_id, tid, team, start) -> str | None:
        """A handover from the region's mbo school to the gemeente, with paper consent; its
        status (an accepted one opened the trajectory)."""
        municipality_region = self.region_of_team.get(team.id)
        school = self.chain.school_of_region.get(municipality_region)
        if school is None:
            return None
        rng = self.rng
        school_org, contact = school
        status = rng.choices(["accepted", "sent", "concept", "returned"], [70, 15, 10, 5])[0]
        sent = None if status == "concept" else self.moment(start)
        decided = self.moment(start + datetime.timedelta(days=5)) if status in (
            "accepted", "returned") else None
        hid = self.ids.take(Handover)
        chunk.add(Handover, (hid, self.uuid(), "mbo_gemeente", youth_id, school_org,
                             team.organisation_id, status, start, None, "vmbo",
                             "Geen plek in de regio." if status == "returned" else "",
                             tid if status == "accepted" else None, contact,
                             self.moment(start - datetime.timedelta(days=3)), sent, None,
                             decided))
        document = self.ids.take(TransitionDocument)
        chunk.add(TransitionDocument, (document, hid, json.dumps(DEFAULT_BLOCKS), "{}",
                                       self.moment(start)))
        if status != "concept":
            for block in DEFAULT_BLOCKS[:4]:
                chunk.add(Consent, (self.ids.take(Consent), document, block["key"],
                                    team.organisation_id, "youth", "", "paper",
                                    start - datetime.timedelta(days=4), f"scan-{hid}",
                                    self.moment(start - datetime.timedelta(days=4)), contact,
                                    None, None))
        return status

    # --- a chunk --------------------------------------------------------------------------------
    def write(self, chunk: Chunk, writer: BulkWriter) -> None:
        for model, columns in TABLES:
            rows = chunk.rows.get(model, [])
            if model in TIME_ORDERED:  # in time order, ids rising with time (id 0 until now)
                moment = TIME_ORDERED[model]
                rows.sort(key=lambda r: r[moment])
                first = self.sorted_next[model]
                self.sorted_next[model] = first + len(rows)
                rows = [(first + n, *row[1:]) for n, row in enumerate(rows)]
            if rows:
                writer.write(model, columns, rows)


def _age(born: datetime.date, on: datetime.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def generate(*, youth: int, seed: int = 27, today: datetime.date | None = None,
             chunk_size: int = CHUNK, progress: Callable[[str], None] | None = None) -> dict:
    """Generate ``youth`` youth (with the chain around them) in chunks; returns rows per table."""
    say = progress or (lambda message: None)
    today = today or timezone.localdate()
    if Organisation.objects.filter(name__endswith=SUFFIX).exists():
        raise AlreadyGenerated("Er staan al schaaldata in deze database.")
    municipalities = list(Municipality.objects.order_by("code"))
    if len(municipalities) < 300:
        raise LookupError("Laad eerst de referentiedata: manage.py load_reference_data")
    counts = share(youth, {m.pk: m.estimate_15_to_25_2024 or m.population_2024 or 1
                           for m in municipalities})
    # The audit history spans the years generated: a month partition for each (PostgreSQL).
    partitions.ensure_months(connection, first=today - datetime.timedelta(days=366 * YEARS + 31),
                             last=partitions.add_months(today.replace(day=1), 3))
    with transaction.atomic():
        chain = build_chain(youth_per_municipality=counts)
    say(f"Organisaties: {len(chain.gemeente_of)} gemeenten, {chain.users} medewerkers.")
    population = Population(chain=chain, municipalities=municipalities, today=today, seed=seed)
    writer = BulkWriter()
    plan = [(m, n) for m in municipalities for n in range(counts[m.pk])]
    heavy_at = len(plan) // 2
    done = 0
    for begin in range(0, len(plan), chunk_size):
        chunk = Chunk()
        for index, (m, n) in enumerate(plan[begin:begin + chunk_size], start=begin):
            teams = chain.teams_of[m.pk]
            population.youth(chunk, m, teams[n % len(teams)], heavy=index == heavy_at)
        with transaction.atomic():
            population.write(chunk, writer)
        done += min(chunk_size, len(plan) - begin)
        say(f"{done} van {len(plan)} jongeren geschreven.")
    BulkWriter.reset_sequences([model for model, _ in TABLES])
    return writer.rows_written
