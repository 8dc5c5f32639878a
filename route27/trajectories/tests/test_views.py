"""The youth file page and the forms that run a trajectory (issue 4 §2–§9, §11)."""

import datetime
import re

import pytest
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape

from route27 import law
from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.partial_date import PartialDate
from route27.core.testing import assert_max_queries, assert_num_queries
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories import services
from route27.trajectories.events import TrajectoryEventKind
from route27.trajectories.models import (
    Instrument,
    Intake,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.selectors import trajectory_for_file
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.workflow import Step
from route27.youth.models import ContactAssignment
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def file_url(trajectory):
    return f"/jongeren/{trajectory.youth.public_id}/"


BLOCK = re.compile(r'<div class="r27-fold__body" id="[^"]+"><p class="utrecht-paragraph">'
                   r'<a class="utrecht-link" href="(/jongeren/[0-9a-f-]+/blok/[a-z_-]+/)">'
                   r'[^<]*</a></p></div>')


def with_blocks(client, page: str) -> str:
    """The file page as a coach reads it with every fold opened: each block read when opened
    (issue 12) fetched as htmx does and put in place of its placeholder."""
    return BLOCK.sub(lambda m: client.get(m.group(1), HTTP_HX_REQUEST="true").content.decode(),
                     page)


def url(trajectory, rest=""):
    return f"/trajecten/{trajectory.public_id}/{rest}"


def written():
    """What a write would leave behind: events, audit changes, decisions, intakes."""
    return (Event.objects.count(),
            AuditEntry.objects.exclude(action__in=[AuditAction.READ, AuditAction.DENIED]).count(),
            RouteDecision.objects.count(), Intake.objects.count(), PlanAction.objects.count())


def propose(coach, trajectory, **facts):
    values = {"reference_date": TODAY, "birth": trajectory.youth.birth_date,
              "arrival": law.Arrival.SELF, "highest_diploma": law.Diploma.VMBO,
              "school_possible": law.Judgement.NO, **facts}
    return services.route_propose(actor=coach, trajectory=trajectory, facts=law.Facts(**values))


@pytest.fixture
def trajectory(team):
    return TrajectoryFactory(youth__team=team, team=team)


# --- Access -----------------------------------------------------------------------------------
def test_other_team_coach_gets_404_on_every_form_and_is_audited(client, coach, other_coach,
                                                                 team):
    trajectory = TrajectoryFactory(youth__team=team, team=team, in_aftercare=True, actor=coach)
    goal = services.goal_add(actor=coach, trajectory=trajectory, description="Werk vinden")
    action = services.action_add(actor=coach, goal=goal, description="Cv maken")
    decision = propose(coach, trajectory)
    follow_up = trajectory.follow_ups.first()
    paths = ["", "stap/", "terug-naar-doorstroompunt/", "intake/", "route/",
             f"route/{decision.pk}/", "contactpersoon/", "doelen/nieuw/", "acties/nieuw/",
             f"acties/{action.pk}/status/", "activiteiten/nieuw/", "voorzieningen/nieuw/",
             "match/", "uitstroom/", f"nazorg/{follow_up.pk}/"]
    client.force_login(other_coach)
    before = written()
    for path in paths:
        for method in ("get", "post"):
            seen = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
            response = getattr(client, method)(url(trajectory, path), {"reason": "x"})
            if method == "post" and path == "":
                assert response.status_code == 405  # the address only redirects (GET)
                continue
            assert response.status_code == 404, (method, path)
            assert trajectory.youth.given_names.encode() not in response.content
            denied = AuditEntry.objects.get(action=AuditAction.DENIED, pk__gt=seen)
            assert (denied.actor, denied.object_type, denied.object_id) == (
                other_coach, "trajectory", str(trajectory.public_id)), (method, path)
    assert written() == before

    youth = trajectory.youth
    response = client.post(f"/trajecten/starten/{youth.public_id}/")
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, object_type="youth",
                                     object_id=str(youth.public_id)).exists()


def test_children_of_another_trajectory_are_404(coach_client, coach, team):
    mine = TrajectoryFactory(youth__team=team, team=team)
    other = TrajectoryFactory(youth__team=team, team=team)
    goal = services.goal_add(actor=coach, trajectory=other, description="Doel")
    action = services.action_add(actor=coach, goal=goal, description="Actie")
    decision = propose(coach, other)
    assert coach_client.get(url(mine, f"acties/{action.pk}/status/")).status_code == 404
    assert coach_client.get(url(mine, f"route/{decision.pk}/")).status_code == 404


def test_form_page_read_is_audited(coach_client, coach, trajectory):
    assert coach_client.get(url(trajectory, "intake/")).status_code == 200
    entry = AuditEntry.objects.filter(action=AuditAction.READ, object_type="trajectory").last()
    assert (entry.object_id, entry.subject) == (str(trajectory.public_id), trajectory.youth)
    assert entry.detail["view"] == "intake"


# --- Start and steps --------------------------------------------------------------------------
def test_start_button_opens_a_trajectory(coach_client, team):
    youth = YouthFactory(team=team)
    page = coach_client.get(f"/jongeren/{youth.public_id}/").content.decode()
    assert f'action="/trajecten/starten/{youth.public_id}/"' in page
    response = coach_client.post(f"/trajecten/starten/{youth.public_id}/",
                                 {"requested_by": "Doorstroompunt"}, follow=True)
    trajectory = Trajectory.objects.get(youth=youth)
    assert (trajectory.step, trajectory.requested_by) == (Step.SIGNAL, "Doorstroompunt")
    assert "Het traject is gestart" in response.content.decode()
    again = coach_client.post(f"/trajecten/starten/{youth.public_id}/", follow=True)
    assert "Voor deze jongere loopt al een traject." in again.content.decode()
    assert Trajectory.objects.filter(youth=youth).count() == 1


def test_refused_step_change_names_the_rule_and_writes_nothing(coach_client, trajectory):
    before = written()
    response = coach_client.post(url(trajectory, "stap/"), {"to": Step.MATCH, "reason": ""})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Geef een reden: S3 §6: stappen kunnen worden overgeslagen of gecombineerd." in content
    assert "Geef een reden voor deze stap." in content
    assert written() == before
    trajectory.refresh_from_db()
    assert trajectory.step == Step.SIGNAL


def test_step_change_with_reason(coach_client, trajectory):
    response = coach_client.post(url(trajectory, "stap/"),
                                 {"to": Step.ROUTE, "reason": "Intake al gedaan door school"})
    assert response.status_code == 302
    assert response["Location"] == file_url(trajectory)
    trajectory.refresh_from_db()
    assert trajectory.step == Step.ROUTE
    page = coach_client.get(file_url(trajectory)).content.decode()
    assert "De stap is gewijzigd naar 3 Routebepaling." in page
    assert "Intake al gedaan door school" in page  # the reason is in the timeline


def test_hand_back_needs_a_reason_then_closes(coach_client, trajectory):
    response = coach_client.post(url(trajectory, "terug-naar-doorstroompunt/"), {"reason": ""})
    assert "Geef een reden." in response.content.decode()
    response = coach_client.post(url(trajectory, "terug-naar-doorstroompunt/"),
                                 {"reason": "Kan naar mbo 2 in september"})
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.step == Step.HANDED_BACK and trajectory.closed_on == TODAY
    page = coach_client.get(file_url(trajectory)).content.decode()
    assert "Nieuw traject starten" in page


# --- Intake -----------------------------------------------------------------------------------
def intake_post(**extra):
    return {"wishes": "Kok worden", "intensity": "middelzwaar",
            "werk__situation": "Geen werk", "werk__support_need": "Hulp bij solliciteren",
            **extra}


def test_intake_second_post_creates_version_2(coach_client, trajectory):
    assert coach_client.post(url(trajectory, "intake/"), intake_post()).status_code == 302
    form = coach_client.get(url(trajectory, "intake/")).content.decode()
    assert "U legt versie 2 vast." in form
    assert "Hulp bij solliciteren" in form  # starts from the latest version
    response = coach_client.post(url(trajectory, "intake/"),
                                 intake_post(intensity="intensief", multi_problem="on"),
                                 follow=True)
    assert "Intake versie 2 is vastgelegd." in response.content.decode()
    versions = list(Intake.objects.filter(trajectory=trajectory).values_list("version",
                                                                             "intensity"))
    assert versions == [(2, "intensief"), (1, "middelzwaar")]
    trajectory.refresh_from_db()
    assert (trajectory.step, trajectory.intensity, trajectory.multi_problem) == (
        Step.INTAKE, "intensief", True)
    page = with_blocks(coach_client, response.content.decode())
    assert "Versie 1 van" in page  # earlier versions listed


def test_intake_without_intensity_is_refused_in_dutch(coach_client, trajectory):
    before = written()
    response = coach_client.post(url(trajectory, "intake/"), intake_post(intensity=""))
    assert response.status_code == 200
    assert "Kies de intensiteit." in response.content.decode()
    assert written() == before


def test_intake_form_has_every_life_domain_and_marks_special_ones(coach_client, trajectory):
    content = coach_client.get(url(trajectory, "intake/")).content.decode()
    for domain in services.life_domains_for(trajectory.youth.municipality):
        for part in ("situation", "possibilities", "barriers", "support_need"):
            assert f'name="{domain.code}__{part}"' in content
    assert content.count("Bijzonder gevoelig") == 3  # gezondheid, schulden, justitie
    assert 'type="radio"' in content and 'value="licht"' in content


def test_special_category_answer_is_in_the_marked_block(coach_client, trajectory):
    coach_client.post(url(trajectory, "intake/"), intake_post(
        gezondheid__barriers="Rugklachten", werk__barriers="Geen rijbewijs"))
    page = with_blocks(coach_client, coach_client.get(file_url(trajectory)).content.decode())
    special = page[page.index('class="r27-special"'):page.index('id="route"')]
    before_special = page[page.index('id="intake"'):page.index('class="r27-special"')]
    assert "Bijzonder gevoelig" in special
    assert "Rugklachten" in special and "Gezondheid" in special
    assert "Geen rijbewijs" not in special
    assert "Rugklachten" not in before_special
    assert "Geen rijbewijs" in before_special


# --- Route decision ---------------------------------------------------------------------------
FACTS = {"arrival": "transfer_mbo", "highest_diploma": "mbo1", "school_type": "mbo",
         "school_possible": "open", "requested_by": "ROC Amstelland"}


def test_route_facts_propose_and_confirm_show_citations(coach_client, coach, trajectory):
    response = coach_client.post(url(trajectory, "route/"), FACTS)
    decision = RouteDecision.objects.get(trajectory=trajectory)
    assert response.status_code == 302
    assert response["Location"] == url(trajectory, f"route/{decision.pk}/")
    assert decision.proposed_route == law.Route.LEARN_WORK
    assert decision.facts["birth"] == str(trajectory.youth.birth_date)
    assert decision.facts["reference_date"] == TODAY.isoformat()
    proposal = coach_client.get(response["Location"]).content.decode()
    assert "Leerwerktraject" in proposal
    assert escape(law.R_LEARN_WORK.citation) in proposal
    # the presumption cites the transferring partner's own article
    assert escape("Wet educatie en beroepsonderwijs art. 9.2.13 lid 2") in proposal

    response = coach_client.post(response["Location"], {"route": "learn_work", "reason": ""})
    assert response.status_code == 302
    assert response["Location"] == file_url(trajectory) + "#route"
    page = with_blocks(coach_client, coach_client.get(file_url(trajectory)).content.decode())
    route_block = page[page.index('id="route"'):page.index('id="contact"')]
    assert "De route is vastgesteld als Leerwerktraject." in page
    for step in decision.proposal["explanation"]:
        assert escape(step["citation"]) in route_block
        assert escape(step["text"]) in route_block
    assert "Pw art. 7a lid 1 sub a: werkzoekende jongere" in page  # legal basis in the header
    trajectory.refresh_from_db()
    assert (trajectory.route, trajectory.legal_basis, trajectory.requested_by) == (
        "learn_work", "7a-1a", "ROC Amstelland")


def test_route_facts_form_errors_in_dutch(coach_client, trajectory):
    response = coach_client.post(url(trajectory, "route/"),
                                 {"arrival": "", "school_possible": "open", "in_school": "on",
                                  "school_left_on": "2999-01-01"})
    content = response.content.decode()
    assert "Kies hoe de jongere binnenkwam." in content
    assert "Kies de soort school als de jongere naar school gaat." in content
    assert "Deze datum ligt in de toekomst." in content
    assert not RouteDecision.objects.exists()


def test_override_without_reason_is_refused_and_writes_nothing(coach_client, coach, trajectory):
    decision = propose(coach, trajectory)
    before = written()
    response = coach_client.post(url(trajectory, f"route/{decision.pk}/"),
                                 {"route": "work", "reason": "  "})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Geef een reden voor de afwijking." in content
    assert "Een afwijking van het voorstel vraagt een reden." in content
    assert written() == before
    decision.refresh_from_db()
    trajectory.refresh_from_db()
    assert decision.decided_at is None and trajectory.route == ""

    response = coach_client.post(url(trajectory, f"route/{decision.pk}/"),
                                 {"route": "work", "reason": "Heeft een baan aangeboden gekregen"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.is_override
    event = Event.objects.get(trajectory=trajectory, kind=TrajectoryEventKind.ROUTE_DECIDED)
    assert event.data["override"] is True
    page = coach_client.get(file_url(trajectory)).content.decode()
    assert "Heeft een baan aangeboden gekregen" in page


# --- Contact person ---------------------------------------------------------------------------
def test_contact_person_assign_and_switch_needs_reason(coach_client, coach, team, trajectory):
    work_coach = member(Role.JONGERENCOACH_WERK, team=team)
    response = coach_client.post(url(trajectory, "contactpersoon/"),
                                 {"user": coach.pk, "role": "doorstroomcoach"})
    assert response.status_code == 302
    before = written()
    response = coach_client.post(url(trajectory, "contactpersoon/"),
                                 {"user": work_coach.pk, "role": "jongerencoach_werk"})
    assert "Geef een reden voor de wissel van contactpersoon." in response.content.decode()
    assert written() == before
    response = coach_client.post(url(trajectory, "contactpersoon/"), {
        "user": work_coach.pk, "role": "jongerencoach_werk", "reason": "Werkroute",
        "handover_note": "Wil graag in de horeca werken"}, follow=True)
    page = response.content.decode()
    assert "is nu de vaste contactpersoon" in page
    assert "Eerdere contactpersonen" in page and "Wil graag in de horeca werken" in page
    active = ContactAssignment.objects.get(youth=trajectory.youth, ended_at__isnull=True)
    assert (active.user, active.role) == (work_coach, "jongerencoach_werk")


def test_contact_person_must_have_the_role_in_the_team(coach_client, coach, other_coach,
                                                       trajectory):
    response = coach_client.post(url(trajectory, "contactpersoon/"),
                                 {"user": coach.pk, "role": "leerplichtambtenaar"})
    assert "Deze medewerker heeft niet de rol Leerplichtambtenaar in dit team." in (
        response.content.decode())
    response = coach_client.post(url(trajectory, "contactpersoon/"),
                                 {"user": other_coach.pk, "role": "doorstroomcoach"})
    assert "Kies een medewerker uit het team." in response.content.decode()
    assert not ContactAssignment.objects.exists()


def test_turning_18_prompts_the_switch_from_leerplicht(coach_client, team):
    # Turns 18 in ten days.
    born = TODAY.replace(year=TODAY.year - 18, day=min(TODAY.day, 28)) + datetime.timedelta(
        days=10)
    youth = YouthFactory(team=team, birth_year=born.year, birth_month=born.month,
                         birth_day=born.day)
    trajectory = TrajectoryFactory(youth=youth, team=team)
    ContactAssignmentFactory(youth=youth, user=member(Role.LEERPLICHTAMBTENAAR, team=team),
                             role="leerplichtambtenaar")
    page = coach_client.get(f"/jongeren/{youth.public_id}/").content.decode()
    assert "Wordt binnen 30 dagen 18: draag over van de leerplichtambtenaar" in page
    form = coach_client.get(url(trajectory, "contactpersoon/")).content.decode()
    assert "Draag over van de leerplichtambtenaar naar een doorstroomcoach" in form


# --- Plan, activities, instruments, placement -------------------------------------------------
def test_goal_action_and_status(coach_client, trajectory):
    response = coach_client.post(url(trajectory, "doelen/nieuw/"), {"description": ""})
    assert "Beschrijf het doel." in response.content.decode()
    coach_client.post(url(trajectory, "doelen/nieuw/"), {"description": "Startkwalificatie"})
    goal = trajectory.goals.get()
    response = coach_client.post(url(trajectory, "acties/nieuw/"), {
        "goal": goal.pk, "description": "Aanmelden bij ROC", "owner": "partner",
        "owner_name": "ROC Amstelland", "due_on": "2030-01-31"})
    assert response.status_code == 302
    action = PlanAction.objects.get()
    assert (action.owner, action.due_on) == ("partner", datetime.date(2030, 1, 31))
    response = coach_client.post(url(trajectory, f"acties/{action.pk}/status/"),
                                 {"status": "done"}, follow=True)
    assert "De status is gewijzigd naar Klaar." in response.content.decode()
    action.refresh_from_db()
    assert action.status == "done"
    page = with_blocks(coach_client, response.content.decode())
    assert "Startkwalificatie" in page and "ROC Amstelland" in page and "31-01-2030" in page


def test_activity_in_the_future_is_refused(coach_client, trajectory):
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = coach_client.post(url(trajectory, "activiteiten/nieuw/"),
                                 {"kind": "coaching", "on": tomorrow})
    assert "De datum ligt in de toekomst." in response.content.decode()
    assert not trajectory.activities.exists()
    content = coach_client.get(url(trajectory, "activiteiten/nieuw/")).content.decode()
    assert 'type="date"' in content


def test_instrument_and_placement(coach_client, trajectory):
    instrument = Instrument.objects.get(code="jobcoach")
    response = coach_client.post(url(trajectory, "voorzieningen/nieuw/"),
                                 {"instrument": instrument.pk, "started_on": TODAY.isoformat()})
    assert response.status_code == 302
    response = coach_client.post(url(trajectory, "match/"), {
        "kind": "education", "ladder": "opstapbaan", "organisation_name": "ROC",
        "started_on": TODAY.isoformat()})
    assert "Een trede (opstap-, streef-, wensbaan) hoort alleen bij werk." in (
        response.content.decode())
    assert not trajectory.placements.exists()
    response = coach_client.post(url(trajectory, "match/"), {
        "kind": "work", "ladder": "opstapbaan", "organisation_name": "Bakkerij De Korf",
        "started_on": TODAY.isoformat(), "contract_type": "tijdelijk", "hours_per_week": "24"},
        follow=True)
    page = with_blocks(coach_client, response.content.decode())
    assert "De match is vastgelegd." in page
    assert "Opstapbaan" in page and "Bakkerij De Korf" in page and "Jobcoach" in page
    trajectory.refresh_from_db()
    assert trajectory.step == Step.MATCH


# --- Outflow and aftercare --------------------------------------------------------------------
def test_outflow_to_aftercare_lists_follow_ups_and_records_outcomes(coach_client, coach,
                                                                    trajectory):
    services.trajectory_move(actor=coach, trajectory=trajectory, to=Step.SUPPORT,
                             reason="Demo")
    response = coach_client.post(url(trajectory, "uitstroom/"),
                                 {"outflow_reason": "", "on": TODAY.isoformat()})
    assert "Kies een uitstroomreden." in response.content.decode()
    response = coach_client.post(url(trajectory, "uitstroom/"), {
        "outflow_reason": "duurzaam_werk", "on": TODAY.isoformat()}, follow=True)
    page = with_blocks(coach_client, response.content.decode())
    assert "De nazorgcontacten zijn gepland." in page
    trajectory.refresh_from_db()
    assert trajectory.step == Step.AFTERCARE
    aftercare = page[page.index('id="nazorg"'):]
    for months in (1, 3, 6, 12):
        assert re.search(rf"{months} maand(en)? na uitstroom", aftercare)
    first, second = trajectory.follow_ups.order_by("due_on")[:2]
    for follow_up in (first, second):
        response = coach_client.post(url(trajectory, f"nazorg/{follow_up.pk}/"), {
            "outcome": "on_track", "on": TODAY.isoformat(), "note": "Werkt 32 uur"},
            follow=True)
        assert "Het nazorgcontact is vastgelegd." in response.content.decode()
    page = with_blocks(coach_client, coach_client.get(file_url(trajectory)).content.decode())
    aftercare = page[page.index('id="nazorg"'):]
    assert aftercare.count("Gaat goed, blijft op plek") == 2
    assert "Duurzaam werk" in aftercare


def test_overdue_follow_up_is_marked(coach_client, coach, trajectory):
    trajectory.started_on = TODAY - datetime.timedelta(days=100)
    trajectory.save(update_fields=["started_on"])
    services.trajectory_move(actor=coach, trajectory=trajectory, to=Step.SUPPORT, reason="x")
    services.trajectory_outflow(actor=coach, trajectory=trajectory, reason="onderwijs",
                                on=TODAY - datetime.timedelta(days=70))
    page = with_blocks(coach_client, coach_client.get(file_url(trajectory)).content.decode())
    assert "Nazorgcontact te laat" in page
    assert "Te laat" in page[page.index('id="nazorg"'):]


# --- The file page ----------------------------------------------------------------------------
def test_file_header_shows_the_essentials_and_an_age_range(coach_client, coach, team):
    youth = YouthFactory(team=team, birth_year=TODAY.year - 20, birth_month=None,
                         birth_day=None)
    trajectory = TrajectoryFactory(youth=youth, team=team, intensity="licht")
    ContactAssignmentFactory(youth=youth, user=coach, role="doorstroomcoach")
    page = coach_client.get(f"/jongeren/{youth.public_id}/").content.decode()
    age = law.age_on(PartialDate(TODAY.year - 20), TODAY)
    assert f"{age} jaar" in page and "geboortedatum onvolledig" in page
    assert "1 Signaal/melding" in page and "Licht" in page
    assert youth.municipality.name in page
    assert "(Doorstroomcoach)" in page
    assert "Tijdlijn" in page and trajectory.team.name in page


def build(coach, trajectory, n):
    services.intake_record(actor=coach, trajectory=trajectory, intensity="licht",
                           answers={"werk": {"situation": "x"}, "gezondheid": {"barriers": "y"}})
    propose(coach, trajectory)
    for i in range(n):
        goal = services.goal_add(actor=coach, trajectory=trajectory, description=f"Doel {i}")
        services.action_add(actor=coach, goal=goal, description=f"Actie {i}")
        services.activity_record(actor=coach, trajectory=trajectory, kind="coaching", on=TODAY)
        services.instrument_start(actor=coach, trajectory=trajectory,
                                  instrument=Instrument.objects.exclude(  # what the law allows
                                      code__in=["esb", "beschut-werk"]).order_by("pk")[i % 5],
                                  started_on=TODAY)
    services.placement_record(actor=coach, trajectory=trajectory, kind="work",
                              organisation_name="Werkgever", started_on=TODAY)


def test_file_page_query_count_is_constant(client, team):
    coach = member(Role.DOORSTROOMCOACH, team=team)
    client.force_login(coach)

    small = TrajectoryFactory(youth__team=team, team=team)
    ContactAssignmentFactory(youth=small.youth, user=coach)
    build(coach, small, 1)
    large = TrajectoryFactory(youth__team=team, team=team)
    ContactAssignmentFactory(youth=large.youth, user=coach)
    build(coach, large, 10)
    assert client.get(file_url(small)).status_code == 200  # warm caches (content types, ...)
    # 30 before issue 12: trajectories and contact persons read once, blocks when opened.
    with assert_max_queries(12) as counted:
        assert client.get(file_url(large)).status_code == 200
    with assert_num_queries(counted):
        assert client.get(file_url(small)).status_code == 200


def test_a_file_without_an_open_trajectory_shows_the_latest_one(coach_client, coach, team):
    """The file's trajectory is the open one, or else the one closed last (issue 12: the
    earliest closed one was shown)."""
    youth = YouthFactory(team=team)
    first = TrajectoryFactory(youth=youth, team=team, started_on=datetime.date(2026, 1, 5),
                              closed_on=datetime.date(2026, 3, 1), step=Step.CLOSED)
    latest = TrajectoryFactory(youth=youth, team=team, started_on=datetime.date(2026, 5, 1),
                               closed_on=datetime.date(2026, 9, 1), step=Step.CLOSED)
    assert trajectory_for_file(youth=youth) == latest
    youth.refresh_from_db()
    prefetch_related_objects([youth], "trajectories")
    assert trajectory_for_file(youth=youth) == latest  # the same from the prefetched rows
    assert first != latest


def test_timeline_is_paged(coach_client, coach, trajectory):
    for i in range(12):
        services.goal_add(actor=coach, trajectory=trajectory, description=f"Doel {i}")
    page = coach_client.get(file_url(trajectory)).content.decode()
    assert "Meer (oudere gebeurtenissen)" in page
    older = coach_client.get(file_url(trajectory) + "?pagina=2").content.decode()
    assert "Pagina 2" in older and "Meer (oudere gebeurtenissen)" not in older


def test_timeline_is_ordered_by_when_it_happened(coach_client, coach, team):
    """An activity recorded now for three days ago sorts below a goal added earlier today, and
    shows when it was recorded."""
    three_days_ago = TODAY - datetime.timedelta(days=3)
    trajectory = TrajectoryFactory(youth__team=team, team=team,
                                   started_on=TODAY - datetime.timedelta(days=30))
    services.goal_add(actor=coach, trajectory=trajectory, description="Werk vinden")
    services.activity_record(actor=coach, trajectory=trajectory, kind="coaching",
                             on=three_days_ago)
    goal = Event.objects.get(kind=TrajectoryEventKind.PLAN_CHANGED)
    activity = Event.objects.get(kind=TrajectoryEventKind.ACTIVITY_RECORDED)
    assert activity.date_only and activity.recorded_at > goal.recorded_at

    page = coach_client.get(file_url(trajectory)).content.decode()
    start = page.index('id="tijdlijn"')
    items = page[start:page.index("</section>", start)].split('<li class="r27-timeline__item">')
    kinds = [re.search(r"<strong>(.*?)</strong>", item).group(1) for item in items[1:]]
    assert kinds.index("Plan gewijzigd") < kinds.index("Activiteit vastgelegd")
    row = items[1 + kinds.index("Activiteit vastgelegd")]
    recorded = timezone.localtime(activity.recorded_at).strftime("%d-%m-%Y %H:%M")
    assert f">{three_days_ago:%d-%m-%Y}</time>" in row  # the date only, no time of day
    assert f'title="Vastgelegd op {recorded}"' in row
    assert f"vastgelegd op {recorded}" in row  # visible too, as the date alone hides it
    assert "Activiteit vastgelegd</strong>: Coachingsgesprek" in row
    goal_row = items[1 + kinds.index("Plan gewijzigd")]
    assert "Doel toegevoegd" in goal_row and "vastgelegd op" not in goal_row


# --- Issue 10: the law's answers on the route page, instruments, contact fit ------------------
def test_route_page_shows_proposal_facts_rules_and_open_questions(coach_client, coach,
                                                                  trajectory):
    decision = propose(coach, trajectory)  # school ruled out, leerwerktraject not judged
    page = coach_client.get(url(trajectory, f"route/{decision.pk}/")).content.decode()
    for heading in ("Gebruikte feiten", "Uitleg: toegepaste regels",
                    "Wat de wet zegt, per onderwerp", "Open vragen voor de coach"):
        assert heading in page
    assert "Is een leerwerktraject (werken met leren) mogelijk en passend?" in page
    assert "Participatiewet art. 7a lid 3" in page and "Handreiking SZW" in page
    assert "Open (Open: de bronnen beslissen dit niet)" in page  # leerplicht
    assert "S0 §" not in page and "S3 §" not in page
    file_page = with_blocks(coach_client,
                           coach_client.get(file_url(trajectory)).content.decode())
    assert "Gebruikte feiten" in file_page and "open: zie de open vragen" in file_page


def test_old_proposals_show_citations_in_words(coach_client, coach, trajectory):
    decision = propose(coach, trajectory)
    decision.proposal = {**decision.proposal, "explanation": [
        {"rule": "learn_work_first", "citation": "Pw art. 7a lid 3; S0 §4.3", "text": "Oud"}]}
    decision.proposal.pop("answers")
    decision.save()
    page = coach_client.get(url(trajectory, f"route/{decision.pk}/")).content.decode()
    assert "S0 §4.3" not in page and escape(law.R_LEARN_WORK.citation) in page


def test_instruments_the_law_rules_out_are_not_offered(coach_client, coach, trajectory):
    propose(coach, trajectory, learn_work_possible=law.Judgement.NO)
    form = coach_client.get(url(trajectory, "voorzieningen/nieuw/")).content.decode()
    assert "Kan niet voor deze jongere" in form
    assert "Alleen met een indicatie beschut werk van UWV" in form
    assert "Participatiewet art. 10a" in form  # no participatieplaatsen
    assert "Loonkostensubsidie — open: Kan de jongere het wettelijk minimumloon" in form
    beschut = Instrument.objects.get(code="beschut-werk")
    assert f'value="{beschut.pk}"' not in form
    before = trajectory.instruments.count()
    response = coach_client.post(url(trajectory, "voorzieningen/nieuw/"),
                                 {"instrument": beschut.pk, "started_on": TODAY.isoformat()})
    assert response.status_code == 200 and trajectory.instruments.count() == before
    with pytest.raises(Exception, match="kan niet voor deze jongere"):
        services.instrument_start(actor=coach, trajectory=trajectory, instrument=beschut,
                                  started_on=TODAY)


def test_a_contact_whose_role_does_not_fit_the_age_is_flagged(coach_client, team):
    youth = YouthFactory(team=team, birth_year=TODAY.year - 16, birth_month=1, birth_day=1)
    trajectory = TrajectoryFactory(youth=youth, team=team, route="work")
    ContactAssignmentFactory(youth=youth, user=member(Role.DOORSTROOMCOACH, team=team),
                             role="doorstroomcoach")
    page = coach_client.get(f"/jongeren/{youth.public_id}/").content.decode()
    assert "Past niet" in page
    assert "Voor jongeren van 15 tot 18 jaar is de leerplichtambtenaar het vaste aanspreekpunt" \
        in page
    form = coach_client.get(url(trajectory, "contactpersoon/")).content.decode()
    assert "Past niet" in form


def test_a_contact_before_the_intake_fixed_the_route_is_an_open_question(coach_client, team):
    adult = YouthFactory(team=team, birth_year=TODAY.year - 22, birth_month=1, birth_day=1)
    TrajectoryFactory(youth=adult, team=team)
    ContactAssignmentFactory(youth=adult, user=member(Role.LEERPLICHTAMBTENAAR, team=team),
                             role="leerplichtambtenaar")
    page = coach_client.get(f"/jongeren/{adult.public_id}/").content.decode()
    assert "De leerplichtambtenaar is het vaste aanspreekpunt van 15 tot 18 jaar" in page
    other = YouthFactory(team=team, birth_year=TODAY.year - 22, birth_month=1, birth_day=1)
    TrajectoryFactory(youth=other, team=team)
    ContactAssignmentFactory(youth=other, user=member(Role.JONGERENCOACH_WERK, team=team),
                             role="jongerencoach_werk")
    page = coach_client.get(f"/jongeren/{other.public_id}/").content.decode()
    assert "de intake heeft de route nog niet bepaald" in page
