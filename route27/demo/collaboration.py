"""Demo data of issue 13, through the services: the catalogue of Groot Amsterdam, regie of the
sociaal team over three multi-problem youth of Amstelveen, a fortnightly casusoverleg with last
week's minutes and an action, and a Jongeren in Beeld delivery with outreach cases. Loaded once
(the loader is run by every `make run`)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from route27 import law
from route27.casework import services as casework
from route27.casework.models import CaseMeeting, Regie
from route27.core.partial_date import PartialDate
from route27.outreach import services as outreach
from route27.outreach.models import CaseStatus, Delivery, LeaverStatus, OutreachCase
from route27.outreach.parsing import Person
from route27.trajectories.catalogue import services as catalogue
from route27.trajectories.models import Instrument, Trajectory
from route27.trajectories.workflow import Step
from route27.youth.models import Youth

REGIONAL = [
    dict(name="Leerwerkloket Groot Amsterdam", provider="Leerwerkloket (UWV, gemeenten, mbo)",
         description="Gratis advies over leren en werken: welke opleiding of leerbaan past, en "
                     "hoe je die betaalt.", cost_source="Regionaal programma (OCW/SZW)",
         contact_name="Loket Amstelland", contact_reach="leerwerkloket@example.org",
         min_age=16),
    dict(name="Leerbaan bbl met loonkostensubsidie", provider="Werkgeversservicepunt Groot "
         "Amsterdam", description="Een leerbaan (bbl) bij een werkgever in de regio, met "
                                  "loonkostensubsidie als de jongere het minimumloon nog niet "
                                  "verdient.", law_code="loonkostensubsidie",
         qualification="without", routes=[str(law.Route.LEARN_WORK)],
         cost_source="Participatiewet (gemeente)", contact_name="Accountmanager jongeren",
         contact_reach="020-555 0101"),
    dict(name="Praktijkverklaring in de derde leerweg", provider="Mbo-college Amstelland",
         description="Een deel van een mbo-opleiding in de praktijk, afgesloten met een "
                     "praktijkverklaring of mbo-certificaat.",
         law_code="praktijkleren-derde-leerweg", cost_source="Subsidie praktijkleren",
         contact_name="Praktijkbureau", contact_reach="praktijkleren@example.org"),
]
LOCAL = [
    dict(name="Jobcoach Amstelveen", provider="Werkplein Amstelveen",
         description="Een vaste jobcoach die meegaat naar de werkgever en het eerste halfjaar "
                     "langskomt.", law_code="jobcoach", min_age=16, max_age=27,
         intensities=["middelzwaar", "intensief"], cost_source="Participatiewet (gemeente)",
         contact_name="Team jobcoaching", contact_reach="0800-555 0202"),
    dict(name="Jongerenwerk Amstelveen: inloop en maatje", provider="Jongerenwerk Amstelveen",
         description="Laagdrempelige inloop; een maatje helpt bij de eerste stap naar school of "
                     "werk.", min_age=12, max_age=24, cost_source="Wmo (gemeente)",
         contact_name="Inloop Stadshart", contact_reach="jongerenwerk@example.org"),
]
OUTREACH_PEOPLE = 12


def load_collaboration_demo(*, users, teams, bsns: list[str]) -> None:
    today = timezone.localdate()
    _catalogue(users)
    _regie(users, teams["Jongerenteam Amstelveen"])
    _meetings(users, teams["Jongerenteam Amstelveen"], today)
    _delivery(users, teams["Jongerenteam Amstelveen"], bsns, today)


def _catalogue(users) -> None:
    if Instrument.objects.filter(name=REGIONAL[0]["name"]).exists():
        return
    coordinator, admin = users["regio.grootamsterdam"], users["beheer"]
    region = catalogue.editable_scopes(coordinator)["region"]
    home = catalogue.editable_scopes(admin)["municipality"]
    for entry in REGIONAL:
        catalogue.provision_save(actor=coordinator, scope="region", area_id=min(region), **entry)
    for entry in LOCAL:
        catalogue.provision_save(actor=admin, scope="municipality", area_id=min(home), **entry)


def _open_with_contact(team, count: int):
    return list(Trajectory.objects.filter(
        team=team, closed_on__isnull=True, step__in=[Step.ACTIVATION, Step.SUPPORT],
        youth__contact_assignments__ended_at__isnull=True).order_by("pk")[:count])


def _regie(users, team) -> None:
    """The intakes that marked multi-problem asked the sociaal team already (casework
    followers); the sociaal team takes two of them, and one more is asked by hand."""
    social = users["sociaalteam.amstelland"]
    if Regie.objects.filter(holder=social).exists():
        return
    asked = list(Regie.objects.filter(trajectory__team=team, status="requested").order_by("pk"))
    if len(asked) < 3:
        for trajectory in _open_with_contact(team, 10):
            if not Regie.objects.filter(youth=trajectory.youth, status__in=[
                    "requested", "taken"]).exists():
                coach = trajectory.youth.contact_assignments.filter(
                    ended_at__isnull=True).first().user
                asked.append(casework.regie_request(
                    actor=coach, trajectory=trajectory,
                    reason="Schulden, wonen en school tegelijk"))
            if len(asked) >= 3:
                break
    for regie in asked[:2]:
        casework.regie_take(actor=social, regie=regie)


def _meetings(users, team, today) -> None:
    if CaseMeeting.objects.filter(team=team).exists():
        return
    coach = users["doorstroomcoach.amstelveen"]
    people = [users[u] for u in ("jongerencoach.amstelveen", "sociaalteam.amstelland",
                                 "school.mbo", "doorstroompunt.amstelland")]
    days_to_tuesday = (1 - today.weekday()) % 7 or 7
    first = timezone.make_aware(datetime.datetime.combine(
        today + datetime.timedelta(days=days_to_tuesday), datetime.time(10, 0)))
    meetings = casework.case_meeting_plan(actor=coach, team=team, title="Casusoverleg jongeren "
                                          "Amstelveen", starts_at=first, place="Stadhuis, "
                                          "zaal 3", participants=people,
                                          recurrence="fortnightly", occurrences=6)
    held = casework.case_meeting_plan(actor=coach, team=team, title="Casusoverleg jongeren "
                                      "Amstelveen", starts_at=first, place="Stadhuis, zaal 3",
                                      participants=people)[0]
    taken = Regie.objects.filter(trajectory__team=team, status="taken").order_by("pk")
    youth = [r.youth for r in taken[:2]]
    if youth:
        casework.agenda_item_add(actor=coach, meeting=meetings[0], youth=youth[0],
                                 ground=law.MeetingGround.MIRROR,
                                 question="Wie pakt de schulden op, zodat de jongere de "
                                          "leerbaan kan houden?")
    if len(youth) > 1:
        item = casework.agenda_item_add(actor=coach, meeting=held, youth=youth[1],
                                        ground=law.MeetingGround.MIRROR,
                                        question="Terug naar school of eerst werk?")
        # Last week's meeting (demo only: a meeting is planned ahead, so its date is moved).
        CaseMeeting.objects.filter(pk=held.pk).update(
            starts_at=first - datetime.timedelta(days=days_to_tuesday + 7))
        casework.agenda_item_minutes(
            actor=coach, item=item, minutes="Besproken met school en sociaal team.",
            decisions="Eerst werk met een jobcoach; school bekijken na de zomer.",
            actions=[{"description": "Intake jobcoach plannen",
                      "owner": users["sociaalteam.amstelland"],
                      "due_on": today + datetime.timedelta(days=5)},
                     {"description": "Mentor informeren over het besluit",
                      "owner": users["school.mbo"],
                      "due_on": today + datetime.timedelta(days=3)}])


def _delivery(users, team, bsns: list[str], today) -> None:
    if Delivery.objects.filter(team=team).exists():
        return
    free = [b for b in bsns if not Youth.objects.filter(bsn=b).exists()][:OUTREACH_PEOPLE]
    municipality = team.serves.first()
    names = [("Sem", "Visser"), ("Yara", "El Idrissi"), ("Daan", "Kramer"), ("Noa", "Bakker"),
             ("Milan", "de Wit"), ("Lina", "Öztürk"), ("Finn", "Smit"), ("Sara", "Mulder"),
             ("Luca", "Bos"), ("Ayla", "Yilmaz"), ("Jesse", "Vos"), ("Iris", "Dekker")]
    people = []
    for n, bsn in enumerate(free):
        given, family = names[n % len(names)]
        prefix, _, family = family.rpartition(" ") if family.startswith("de ") else ("", "",
                                                                                      family)
        status = LeaverStatus.AT_SCHOOL if n % 5 == 4 else ""
        people.append(Person(n + 2, bsn, given, prefix, family,
                             PartialDate(today.year - 18 - n % 6, 1 + n % 12, 1 + n % 27),
                             municipality.pk, status, "", ""))
    outreach.delivery_import(actor=users["beleid.amstelveen"], team=team, kind="jib",
                             people=people, filename="jongeren-in-beeld-amstelveen.csv")
    coach = users["jongerencoach.amstelveen"]
    cases = list(OutreachCase.objects.filter(team=team, status=CaseStatus.OPEN).order_by("pk")[:3])
    outcomes = ["not_reachable", "reached", "not_reachable"]
    for case, outcome in zip(cases, outcomes, strict=False):
        outreach.attempt_record(actor=coach, case=case, channel="phone",
                                on=today, outcome=outcome)

