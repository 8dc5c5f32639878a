"""/api/v1/trajecten and the writes on a trajectory: the same services, scoped lookups (404 and a
denied audit entry otherwise), Dutch problem+json in the API's own field names, 409 for a
refused step, and nothing half-written on bad input."""

import datetime
import json

import pytest
from django.utils import timezone

from route27 import law
from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.api.problems import api_field_name
from route27.core.partial_date import PartialDate
from route27.core.testing import assert_num_queries, count_queries
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories import services
from route27.trajectories.api import (
    ContactPersonSerializer,
    IntakeSerializer,
    OutflowSerializer,
    PlacementSerializer,
)
from route27.trajectories.events import TrajectoryEventKind
from route27.trajectories.models import (
    FollowUp,
    Goal,
    Intake,
    Placement,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.tests.factories import TrajectoryFactory, walk
from route27.trajectories.workflow import Step
from route27.youth.models import ContactAssignment
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
TODAY = timezone.localdate()
TOMORROW = (TODAY + datetime.timedelta(days=1)).isoformat()


# --- helpers ------------------------------------------------------------------------------------
@pytest.fixture
def api(coach_client):
    return coach_client


@pytest.fixture
def own(team):
    return TrajectoryFactory(youth__team=team)


@pytest.fixture
def other(other_team):
    return TrajectoryFactory(youth__team=other_team)


def post(client, url, data=None):
    return client.post(f"{API}{url}", data or {}, content_type="application/json")


def put(client, url, data=None):
    return client.put(f"{API}{url}", data or {}, content_type="application/json")


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = json.loads(response.content)
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == status
    return body


def reasons(body):
    return {p["name"]: p["reason"] for p in body.get("invalidParams", [])}


def writes():
    """Everything a write leaves behind (reads and denials excluded)."""
    return (Event.objects.count(),
            AuditEntry.objects.exclude(action__in=[AuditAction.READ, AuditAction.DENIED]).count())


def assert_denied(user, object_type, object_id):
    entry = AuditEntry.objects.filter(action=AuditAction.DENIED, object_type=object_type,
                                      object_id=str(object_id)).get()
    assert entry.actor == user and entry.purpose == "api"


def assert_not_found_and_denied(response, user, object_type, object_id, before):
    problem(response, 404)
    assert_denied(user, object_type, object_id)
    assert writes() == before


def closed(trajectory, actor):
    """Closed at once by an outflow without a place (from any step, S3 §2)."""
    services.trajectory_outflow(actor=actor, trajectory=trajectory, reason="verhuisd", on=TODAY)
    trajectory.refresh_from_db()
    return trajectory


# --- list and retrieve -------------------------------------------------------------------------
def test_list_shows_only_visible_trajectories_and_logs_each_youth(api, coach, own, other):
    response = api.get(f"{API}/trajecten")
    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["results"]] == [str(own.public_id)]
    assert body["results"][0]["jongereId"] == str(own.youth.public_id)
    assert body["results"][0]["stap"] == "signal"
    assert body["results"][0]["route"] is None
    assert str(other.public_id) not in response.content.decode()
    read = AuditEntry.objects.get(action=AuditAction.READ, object_type="youth")
    assert (read.object_id, read.purpose, read.actor) == (str(own.youth.public_id), "api", coach)


def test_list_query_count_does_not_grow_with_the_page(api, team):
    TrajectoryFactory.create_batch(2, youth__team=team)
    with count_queries() as small:
        assert api.get(f"{API}/trajecten").status_code == 200
    TrajectoryFactory.create_batch(15, youth__team=team)
    with assert_num_queries(small):
        assert api.get(f"{API}/trajecten").status_code == 200


def test_user_without_a_casework_role_in_a_team_is_refused(client, own):
    client.force_login(member(Role.BELEIDSADVISEUR, team=own.team))
    problem(client.get(f"{API}/trajecten"), 403)
    problem(client.get(f"{API}/trajecten/{own.public_id}"), 403)


def test_retrieve_own_trajectory_is_logged_as_a_read(api, coach, own):
    response = api.get(f"{API}/trajecten/{own.public_id}")
    assert response.status_code == 200
    assert response.json()["teamNaam"] == own.team.name
    assert AuditEntry.objects.filter(action=AuditAction.READ, actor=coach, subject=own.youth,
                                     object_type="trajectory",
                                     object_id=str(own.public_id)).exists()


def test_retrieve_other_teams_trajectory_is_404_and_denied(api, coach, other):
    before = writes()
    response = api.get(f"{API}/trajecten/{other.public_id}")
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)
    assert other.youth.given_names not in response.content.decode()


# --- start --------------------------------------------------------------------------------------
def test_start_opens_a_trajectory_through_the_service(api, coach, team):
    youth = YouthFactory(team=team)
    response = post(api, "/trajecten", {"jongereId": str(youth.public_id),
                                        "aangevraagdDoor": "Mbo-school"})
    assert response.status_code == 201, response.content
    trajectory = Trajectory.objects.get(public_id=response.json()["id"])
    assert (trajectory.youth, trajectory.step, trajectory.requested_by) == (
        youth, Step.SIGNAL, "Mbo-school")
    event = Event.objects.get(trajectory=trajectory)
    assert (event.kind, event.actor) == (TrajectoryEventKind.TRAJECTORY_STARTED, coach)
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="trajectory",
                                     actor=coach).count() == 1


def test_start_twice_is_400_in_dutch_and_writes_nothing(api, own):
    before = writes()
    body = problem(post(api, "/trajecten", {"jongereId": str(own.youth.public_id)}), 400)
    assert reasons(body) == {"nonFieldErrors": "Voor deze jongere loopt al een traject."}
    assert writes() == before
    assert Trajectory.objects.count() == 1


def test_start_for_another_teams_youth_is_refused_and_denied(api, coach, other_team):
    youth = YouthFactory(team=other_team)
    before = writes()
    body = problem(post(api, "/trajecten", {"jongereId": str(youth.public_id)}), 400)
    assert reasons(body)["jongereId"].startswith("Deze jongere is niet gevonden")
    assert_denied(coach, "youth", youth.public_id)
    assert writes() == before
    assert not Trajectory.objects.exists()


@pytest.mark.parametrize("payload, field", [
    ({}, "jongereId"),
    ({"jongereId": "geen-uuid"}, "jongereId"),
    ({"jongereId": "0123456789abcdef0123456789abcdef"}, "jongereId"),
    ({"jongereId": "00000000-0000-0000-0000-000000000000", "aangevraagdDoor": 5},
     "aangevraagdDoor"),
])
def test_start_rejects_what_the_schema_forbids(api, payload, field):
    body = problem(post(api, "/trajecten", payload), 400)
    assert field in reasons(body)


# --- step changes -------------------------------------------------------------------------------
def test_move_with_reason_skips_steps(api, coach, own):
    response = post(api, f"/trajecten/{own.public_id}/stapwijzigingen",
                    {"naarStap": "route", "reden": "Intake al gedaan door school"})
    assert response.status_code == 200, response.content
    assert response.json()["stap"] == "route"
    event = Event.objects.get(trajectory=own, kind=TrajectoryEventKind.STEP_CHANGED)
    assert (event.data["rule"], event.actor) == ("skip_steps", coach)


def test_move_without_reason_is_409_naming_the_rule_and_writes_nothing(api, own):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/stapwijzigingen",
                        {"naarStap": "match"}), 409)
    assert body["detail"] == ("Geef een reden: S3 §6: stappen kunnen worden overgeslagen of "
                              "gecombineerd.")
    own.refresh_from_db()
    assert own.step == Step.SIGNAL
    assert writes() == before


def test_move_on_a_closed_trajectory_is_refused(api, coach, own):
    """Team casework is read-only after closure (ACCESS.md): 403 with the reason, audited as
    denied; a new trajectory is how the team starts again."""
    closed(own, coach)
    body = problem(post(api, f"/trajecten/{own.public_id}/stapwijzigingen",
                        {"naarStap": "intake"}), 403)
    assert body["detail"] == "Dit traject is afgesloten; het dossier is alleen nog in te zien."
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor=coach).count() == 1


@pytest.mark.parametrize("payload, field", [
    ({"naarStap": "closed"}, "naarStap"),
    ({"naarStap": "aftercare"}, "naarStap"),
    ({"naarStap": 3}, "naarStap"),
    ({"naarStap": "intake", "reden": "a\u0000b"}, "reden"),
])
def test_move_rejects_invalid_input(api, own, payload, field):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/stapwijzigingen", payload), 400)
    assert field in reasons(body)
    assert writes() == before


def test_move_of_another_teams_trajectory_is_404_and_denied(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/stapwijzigingen", {"naarStap": "intake"})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)
    other.refresh_from_db()
    assert other.step == Step.SIGNAL


# --- hand back ----------------------------------------------------------------------------------
def test_hand_back_closes_the_trajectory(api, own):
    response = post(api, f"/trajecten/{own.public_id}/terugverwijzingen",
                    {"reden": "Kan terug naar het mbo"})
    assert response.status_code == 200, response.content
    assert response.json()["stap"] == "handed_back"
    assert response.json()["einddatum"] == TODAY.isoformat()


def test_hand_back_without_reason_is_400(api, own):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/terugverwijzingen",
                        {"reden": "  \n "}), 400)
    assert reasons(body) == {"reden": "Geef een reden."}
    assert writes() == before


def test_hand_back_after_activation_is_409_naming_the_table(api, coach, own):
    walk(own, actor=coach, to=Step.ACTIVATION)
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/terugverwijzingen",
                        {"reden": "School blijkt mogelijk"}), 409)
    assert "niet toegestaan volgens de stappentabel" in body["detail"]
    assert writes() == before


def test_hand_back_of_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/terugverwijzingen", {"reden": "x"})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


# --- intake -------------------------------------------------------------------------------------
INTAKE = {"intensiteit": "middelzwaar", "wensen": "Een baan in de zorg",
          "multiproblematiek": False,
          "antwoorden": [{"leefgebied": "werk", "situatie": "Werkloos",
                          "ondersteuningsbehoefte": "Sollicitatiehulp"},
                         {"leefgebied": "gezondheid", "belemmeringen": "Rugklachten"}]}


def test_intake_adds_versions_and_lists_them(api, coach, own):
    first = post(api, f"/trajecten/{own.public_id}/intakes", INTAKE)
    assert first.status_code == 201, first.content
    assert first.json()["versie"] == 1
    answers = {a["leefgebied"]: a for a in first.json()["antwoorden"]}
    assert answers["gezondheid"]["bijzonderGevoelig"] is True
    assert answers["werk"]["situatie"] == "Werkloos"
    second = post(api, f"/trajecten/{own.public_id}/intakes",
                  {"intensiteit": "intensief", "multiproblematiek": True})
    assert second.status_code == 201
    own.refresh_from_db()
    assert (own.step, own.intensity, own.multi_problem) == (Step.INTAKE, "intensief", True)

    listed = api.get(f"{API}/trajecten/{own.public_id}/intakes?paginaGrootte=1")
    assert listed.status_code == 200
    assert listed.json()["count"] == 2
    assert [i["versie"] for i in listed.json()["results"]] == [2]
    assert AuditEntry.objects.filter(action=AuditAction.READ, actor=coach,
                                     detail__view="api:intakes").exists()


@pytest.mark.parametrize("payload, field, reason", [
    ({**INTAKE, "antwoorden": [{"leefgebied": "werk"}, {"leefgebied": "astrologie"}]},
     "antwoorden.1.leefgebied", "Onbekend leefgebied."),
    ({**INTAKE, "antwoorden": [{"leefgebied": "werk"}, {"leefgebied": "werk"}]},
     "antwoorden.1.leefgebied", "Dit leefgebied staat er al in."),
    ({**INTAKE, "intensiteit": "zwaar"}, "intensiteit", None),
    ({**INTAKE, "multiproblematiek": "ja"}, "multiproblematiek", "Geef true of false op."),
    ({"wensen": "x"}, "intensiteit", "Dit veld is vereist."),
])
def test_intake_rejects_invalid_input_and_writes_nothing(api, own, payload, field, reason):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/intakes", payload), 400)
    assert field in reasons(body)
    if reason:
        assert reasons(body)[field] == reason
    assert not Intake.objects.exists()
    assert writes() == before


def test_intake_on_a_closed_trajectory_is_refused(api, coach, own):
    closed(own, coach)
    body = problem(post(api, f"/trajecten/{own.public_id}/intakes", INTAKE), 403)
    assert body["detail"] == "Dit traject is afgesloten; het dossier is alleen nog in te zien."
    assert not Intake.objects.exists()


def test_intakes_of_another_teams_trajectory_are_404(api, coach, other):
    before = writes()
    assert_not_found_and_denied(api.get(f"{API}/trajecten/{other.public_id}/intakes"), coach,
                                "trajectory", other.public_id, before)
    problem(post(api, f"/trajecten/{other.public_id}/intakes", INTAKE), 404)
    assert not Intake.objects.exists()


# --- route proposal and decision ---------------------------------------------------------------
FACTS = {"binnenkomst": "self", "hoogsteDiploma": "vmbo", "schoolMogelijk": "no"}


def _youth_of_twenty(team):
    born = TODAY.replace(year=TODAY.year - 20) - datetime.timedelta(days=40)
    return YouthFactory(team=team, birth_year=born.year, birth_month=born.month,
                        birth_day=born.day)


@pytest.fixture
def adult(team):
    return TrajectoryFactory(youth=_youth_of_twenty(team))


def test_route_proposal_explains_each_rule_with_its_source(api, coach, adult):
    response = post(api, f"/trajecten/{adult.public_id}/routevoorstellen", FACTS)
    assert response.status_code == 201, response.content
    body = response.json()
    expected = law.decide(law.Facts(
        reference_date=TODAY, birth=adult.youth.birth_date, arrival=law.Arrival.SELF,
        highest_diploma=law.Diploma.VMBO, school_possible=law.Judgement.NO))
    assert body["voorgesteldeRoute"] == expected.route
    assert body["route"] is None and body["vastgesteldOp"] is None
    assert [s["regel"] for s in body["toelichting"]] == [s.rule for s in expected.explanation]
    assert all(s["bron"] for s in body["toelichting"])
    assert "Participatiewet art. 7a lid 1" in " ".join(s["bron"] for s in body["toelichting"])
    # issue 10: every output, open ones as questions; the instruments; the facts used
    outputs = {a["uitkomst"]: a for a in body["uitkomsten"]}
    assert set(outputs) == {str(o) for o in law.Output}
    assert body["routeOpen"] is True  # is a leerwerktraject possible? the coach's judgement
    assert outputs["learn_work_possible"]["open"] == "judgement"
    assert outputs["learn_work_possible"]["vraag"]
    assert outputs["leerplicht"]["open"] == "law_silent"
    assert {v["uitkomst"]: v["waarde"] for v in body["voorzieningen"]}["participatieplaats"] == "no"
    assert {"arrival", "highest_diploma"} <= {f["feit"] for f in body["gebruikteFeiten"]}
    assert Event.objects.filter(trajectory=adult,
                                          kind=TrajectoryEventKind.ROUTE_PROPOSED).count() == 1
    assert api.get(f"{API}/routevoorstellen/{body['id']}").json() == body


@pytest.mark.parametrize("payload, field", [
    ({**FACTS, "diplomaDatum": TOMORROW}, "diplomaDatum"),
    ({**FACTS, "opSchool": True}, "soortSchool"),
    ({**FACTS, "binnenkomst": "raam"}, "binnenkomst"),
    ({**FACTS, "schoolVerlatenDatum": "01-02-2020"}, "schoolVerlatenDatum"),
])
def test_route_proposal_rejects_invalid_facts(api, adult, payload, field):
    before = writes()
    body = problem(post(api, f"/trajecten/{adult.public_id}/routevoorstellen", payload), 400)
    assert field in reasons(body)
    assert not RouteDecision.objects.exists()
    assert writes() == before


def test_route_proposal_for_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/routevoorstellen", FACTS)
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


def _proposal(coach, trajectory):
    return services.route_propose(actor=coach, trajectory=trajectory, facts=law.Facts(
        reference_date=TODAY, birth=trajectory.youth.birth_date, arrival=law.Arrival.SELF,
        highest_diploma=law.Diploma.VMBO, school_possible=law.Judgement.NO))


def test_route_decision_confirms_the_proposal(api, coach, adult):
    decision = _proposal(coach, adult)
    response = post(api, f"/routevoorstellen/{decision.pk}/besluit", {})
    assert response.status_code == 200, response.content
    assert response.json()["route"] == decision.proposed_route
    assert response.json()["afwijking"] is False
    adult.refresh_from_db()
    assert adult.route == decision.proposed_route


def test_route_override_without_reason_is_400_and_writes_nothing(api, coach, adult):
    decision = _proposal(coach, adult)
    other_route = next(r for r in law.Route if r != decision.proposed_route)
    before = writes()
    body = problem(post(api, f"/routevoorstellen/{decision.pk}/besluit",
                        {"route": other_route.value}), 400)
    assert reasons(body) == {"reden": "Geef een reden voor de afwijking."}
    decision.refresh_from_db()
    assert decision.decided_at is None
    assert writes() == before


def test_route_decided_twice_is_409(api, coach, adult):
    decision = _proposal(coach, adult)
    services.route_confirm(actor=coach, decision=decision)
    body = problem(post(api, f"/routevoorstellen/{decision.pk}/besluit", {}), 409)
    assert body["detail"] == "Over dit voorstel is al besloten."


def test_route_proposal_of_another_team_is_404_and_denied(api, coach, other, other_coach):
    decision = _proposal(other_coach, other)
    before = writes()
    response = post(api, f"/routevoorstellen/{decision.pk}/besluit", {})
    assert_not_found_and_denied(response, coach, "route_decision", decision.pk, before)
    problem(api.get(f"{API}/routevoorstellen/{decision.pk}"), 404)


# --- plan: goals, actions, status ---------------------------------------------------------------
def test_goal_and_action_and_status(api, coach, own):
    goal = post(api, f"/trajecten/{own.public_id}/doelen",
                {"beschrijving": "Een baan vinden", "leefgebied": "werk"})
    assert goal.status_code == 201, goal.content
    assert goal.json()["leefgebied"] == "werk"
    goal_id = goal.json()["id"]
    action = post(api, f"/doelen/{goal_id}/acties",
                  {"beschrijving": "Cv maken", "eigenaar": "youth",
                   "uiterlijkeDatum": TOMORROW})
    assert action.status_code == 201, action.content
    assert (action.json()["doelId"], action.json()["status"]) == (goal_id, "planned")
    status = put(api, f"/acties/{action.json()['id']}/status", {"status": "done"})
    assert status.status_code == 200, status.content
    assert status.json()["status"] == "done"
    assert PlanAction.objects.get().status == "done"
    changes = Event.objects.filter(trajectory=own, kind=TrajectoryEventKind.PLAN_CHANGED)
    assert [e.data["change"] for e in changes] == ["goal_added", "action_added", "action_status"]


@pytest.mark.parametrize("payload, field, reason", [
    ({"beschrijving": " "}, "beschrijving", "Beschrijf het doel."),
    ({"beschrijving": "Werk", "leefgebied": "astrologie"}, "leefgebied", "Onbekend leefgebied."),
])
def test_goal_rejects_invalid_input(api, own, payload, field, reason):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/doelen", payload), 400)
    assert reasons(body) == {field: reason}
    assert not Goal.objects.exists()
    assert writes() == before


def test_goal_on_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/doelen", {"beschrijving": "x"})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


def test_action_rejects_invalid_owner(api, coach, own):
    goal = services.goal_add(actor=coach, trajectory=own, description="Werk")
    before = writes()
    body = problem(post(api, f"/doelen/{goal.pk}/acties",
                        {"beschrijving": "Cv", "eigenaar": "buurman"}), 400)
    assert "eigenaar" in reasons(body)
    assert writes() == before


def test_action_on_another_teams_goal_is_404_and_denied(api, coach, other, other_coach):
    goal = services.goal_add(actor=other_coach, trajectory=other, description="Werk")
    before = writes()
    response = post(api, f"/doelen/{goal.pk}/acties", {"beschrijving": "Cv"})
    assert_not_found_and_denied(response, coach, "goal", goal.pk, before)
    assert not PlanAction.objects.exists()


def _action(actor, trajectory):
    goal = services.goal_add(actor=actor, trajectory=trajectory, description="Werk")
    return services.action_add(actor=actor, goal=goal, description="Cv")


def test_action_status_rejects_invalid_status(api, coach, own):
    plan_action = _action(coach, own)
    before = writes()
    body = problem(put(api, f"/acties/{plan_action.pk}/status", {"status": "half"}), 400)
    assert "status" in reasons(body)
    assert writes() == before


def test_action_status_on_a_closed_trajectory_is_refused(api, coach, own):
    plan_action = _action(coach, own)
    closed(own, coach)
    problem(put(api, f"/acties/{plan_action.pk}/status", {"status": "done"}), 403)
    plan_action.refresh_from_db()
    assert plan_action.status == "planned"


def test_action_status_of_another_team_is_404_and_denied(api, coach, other, other_coach):
    plan_action = _action(other_coach, other)
    before = writes()
    response = put(api, f"/acties/{plan_action.pk}/status", {"status": "done"})
    assert_not_found_and_denied(response, coach, "plan_action", plan_action.pk, before)


def test_action_status_is_put_only(api, coach, own):
    plan_action = _action(coach, own)
    problem(post(api, f"/acties/{plan_action.pk}/status", {"status": "done"}), 405)


# --- activities and instruments ----------------------------------------------------------------
def test_activity_is_recorded_and_counts_as_contact(api, own):
    response = post(api, f"/trajecten/{own.public_id}/activiteiten",
                    {"soort": "coaching", "datum": TODAY.isoformat(), "omschrijving": "Gesprek"})
    assert response.status_code == 201, response.content
    own.refresh_from_db()
    assert own.last_contact_on == TODAY


@pytest.mark.parametrize("payload, field, reason", [
    ({"soort": "coaching", "datum": TOMORROW}, "datum", "De datum ligt in de toekomst."),
    ({"soort": "coaching", "datum": "2026-02-30"}, "datum",
     "Geef een geldige datum op als jjjj-mm-dd."),
    ({"soort": "feest", "datum": "2026-01-05"}, "soort", None),
])
def test_activity_rejects_invalid_input(api, own, payload, field, reason):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/activiteiten", payload), 400)
    assert field in reasons(body)
    if reason:
        assert reasons(body)[field] == reason
    assert writes() == before


def test_activity_on_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/activiteiten",
                    {"soort": "coaching", "datum": TODAY.isoformat()})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


def test_instrument_is_started(api, own):
    response = post(api, f"/trajecten/{own.public_id}/voorzieningen",
                    {"voorzieningCode": "jobcoach", "startdatum": TODAY.isoformat()})
    assert response.status_code == 201, response.content
    assert response.json()["voorzieningNaam"] == "Jobcoach"
    assert own.instruments.get().instrument.code == "jobcoach"


def test_instrument_unknown_code_is_400(api, own):
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/voorzieningen",
                        {"voorzieningCode": "toverstaf", "startdatum": TODAY.isoformat()}), 400)
    assert reasons(body) == {"voorzieningCode": "Kies een voorziening uit de lijst."}
    assert writes() == before


def test_instrument_on_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/voorzieningen",
                    {"voorzieningCode": "jobcoach", "startdatum": TODAY.isoformat()})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


# --- match --------------------------------------------------------------------------------------
def test_match_as_opstapbaan_moves_to_step_6(api, coach, own):
    walk(own, actor=coach, to=Step.SUPPORT)
    response = post(api, f"/trajecten/{own.public_id}/matches",
                    {"soort": "work", "trede": "opstapbaan", "werkgeverOfInstelling": "Bakkerij",
                     "startdatum": TODAY.isoformat(), "urenPerWeek": 32.5})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["trede"], body["urenPerWeek"], body["leerweg"]) == ("opstapbaan", 32.5, None)
    own.refresh_from_db()
    assert own.step == Step.MATCH


@pytest.mark.parametrize("payload, field, reason", [
    ({"soort": "education", "trede": "opstapbaan"}, "trede",
     "Een trede (opstap-, streef-, wensbaan) hoort alleen bij werk."),
    ({"soort": "work", "urenPerWeek": "32"}, "urenPerWeek",
     "Vul een aantal uren in, bijvoorbeeld 32."),
    ({"soort": "work", "urenPerWeek": 80}, "urenPerWeek", None),
    ({"soort": "work", "werkgeverOfInstelling": "  "}, "werkgeverOfInstelling",
     "Vul de werkgever of instelling in."),
])
def test_match_rejects_invalid_input_and_writes_nothing(api, own, payload, field, reason):
    payload = {"werkgeverOfInstelling": "Bakkerij", "startdatum": TODAY.isoformat(), **payload}
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/matches", payload), 400)
    assert field in reasons(body)
    if reason:
        assert reasons(body)[field] == reason
    assert not Placement.objects.exists()
    assert writes() == before


def test_match_on_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/matches",
                    {"soort": "work", "werkgeverOfInstelling": "X",
                     "startdatum": TODAY.isoformat()})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


# --- outflow and aftercare ----------------------------------------------------------------------
def test_outflow_to_work_schedules_aftercare(api, coach, own):
    walk(own, actor=coach, to=Step.MATCH)
    response = post(api, f"/trajecten/{own.public_id}/uitstroom",
                    {"uitstroomreden": "duurzaam_werk", "uitstroomdatum": TODAY.isoformat()})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["stap"], body["uitstroomreden"]) == ("aftercare", "duurzaam_werk")
    assert [f["maandenNaUitstroom"] for f in body["nazorgcontacten"]] == [1, 3, 6, 12]


@pytest.mark.parametrize("payload, field, reason", [
    ({"uitstroomreden": "anders"}, "toelichting", "Licht de reden toe."),
    ({"uitstroomreden": "duurzaam_werk", "uitstroomdatum": TOMORROW}, "uitstroomdatum",
     "De datum ligt in de toekomst."),
    ({"uitstroomreden": "loterij"}, "uitstroomreden", None),
])
def test_outflow_rejects_invalid_input_and_writes_nothing(api, own, payload, field, reason):
    payload = {"uitstroomdatum": TODAY.isoformat(), **payload}
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/uitstroom", payload), 400)
    assert field in reasons(body)
    if reason:
        assert reasons(body)[field] == reason
    own.refresh_from_db()
    assert own.outflow_reason == "" and own.is_open
    assert writes() == before


def test_outflow_of_a_closed_trajectory_is_refused(api, coach, own):
    closed(own, coach)
    before = writes()
    body = problem(post(api, f"/trajecten/{own.public_id}/uitstroom",
                        {"uitstroomreden": "verhuisd", "uitstroomdatum": TODAY.isoformat()}), 403)
    assert "afgesloten" in body["detail"]
    assert writes() == before


def test_outflow_of_another_teams_trajectory_is_404(api, coach, other):
    before = writes()
    response = post(api, f"/trajecten/{other.public_id}/uitstroom",
                    {"uitstroomreden": "verhuisd", "uitstroomdatum": TODAY.isoformat()})
    assert_not_found_and_denied(response, coach, "trajectory", other.public_id, before)


def _in_aftercare(actor, trajectory):
    walk(trajectory, actor=actor, to=Step.AFTERCARE)
    return trajectory.follow_ups.order_by("due_on").first()


def test_follow_up_outcome_is_recorded(api, coach, own):
    follow_up = _in_aftercare(coach, own)
    response = post(api, f"/nazorgcontacten/{follow_up.pk}/uitkomst",
                    {"uitkomst": "on_track", "datum": TODAY.isoformat()})
    assert response.status_code == 200, response.content
    assert (response.json()["uitkomst"], response.json()["contactdatum"]) == (
        "on_track", TODAY.isoformat())


def test_follow_up_twice_is_409(api, coach, own):
    follow_up = _in_aftercare(coach, own)
    services.follow_up_record(actor=coach, follow_up=follow_up, outcome="on_track", on=TODAY)
    body = problem(post(api, f"/nazorgcontacten/{follow_up.pk}/uitkomst",
                        {"uitkomst": "on_track", "datum": TODAY.isoformat()}), 409)
    assert body["detail"] == "Dit nazorgcontact is al vastgelegd."


def test_follow_up_rejects_invalid_outcome(api, coach, own):
    follow_up = _in_aftercare(coach, own)
    before = writes()
    body = problem(post(api, f"/nazorgcontacten/{follow_up.pk}/uitkomst",
                        {"uitkomst": "prima", "datum": TODAY.isoformat()}), 400)
    assert "uitkomst" in reasons(body)
    assert writes() == before
    assert FollowUp.objects.filter(done_on__isnull=False).count() == 0


def test_follow_up_of_another_team_is_404_and_denied(api, coach, other, other_coach):
    follow_up = _in_aftercare(other_coach, other)
    before = writes()
    response = post(api, f"/nazorgcontacten/{follow_up.pk}/uitkomst",
                    {"uitkomst": "on_track", "datum": TODAY.isoformat()})
    assert_not_found_and_denied(response, coach, "follow_up", follow_up.pk, before)


# --- contact person -----------------------------------------------------------------------------
def test_contact_person_is_assigned_and_changed_with_a_reason(api, coach, team, own):
    url = f"/jongeren/{own.youth.public_id}/contactpersoon"
    response = put(api, url, {"medewerkerId": coach.username, "rol": "doorstroomcoach",
                              "overdrachtsnotitie": "Wil graag in de zorg werken"})
    assert response.status_code == 200, response.content
    assert response.json()["medewerkerId"] == coach.username
    assert "overdrachtsnotitie" not in response.json()
    colleague = member(Role.JONGERENCOACH_WERK, team=team)
    before = writes()
    body = problem(put(api, url, {"medewerkerId": colleague.username,
                                  "rol": "jongerencoach_werk"}), 400)
    assert reasons(body) == {"reden": "Geef een reden voor de wissel van contactpersoon."}
    assert writes() == before
    response = put(api, url, {"medewerkerId": colleague.username, "rol": "jongerencoach_werk",
                              "reden": "Werkroute"})
    assert response.status_code == 200
    assert ContactAssignment.objects.get(youth=own.youth, ended_at__isnull=True).user == colleague


@pytest.mark.parametrize("who, role, field", [
    ("outsider", "doorstroomcoach", "medewerkerId"),
    ("nobody", "doorstroomcoach", "medewerkerId"),
    ("coach", "leerplichtambtenaar", "rol"),
    ("coach", "teamleider", "rol"),
])
def test_contact_person_refuses_who_is_not_in_the_team(api, coach, other_coach, own, who, role,
                                                       field):
    username = {"coach": coach.username, "outsider": other_coach.username,
                "nobody": "bestaat.niet"}[who]
    before = writes()
    body = problem(put(api, f"/jongeren/{own.youth.public_id}/contactpersoon",
                       {"medewerkerId": username, "rol": role}), 400)
    assert field in reasons(body)
    assert not ContactAssignment.objects.exists()
    assert writes() == before


def test_contact_person_of_another_teams_youth_is_404_and_denied(api, coach, other):
    before = writes()
    response = put(api, f"/jongeren/{other.youth.public_id}/contactpersoon",
                   {"medewerkerId": coach.username, "rol": "doorstroomcoach"})
    problem(response, 404)
    entry = AuditEntry.objects.get(action=AuditAction.DENIED, object_type="youth")
    assert (entry.object_id, entry.actor) == (str(other.youth.public_id), coach)
    assert writes() == before


# --- permissions and names ----------------------------------------------------------------------
def test_writes_need_a_casework_role(client, own):
    client.force_login(member(Role.BELEIDSADVISEUR, team=own.team))
    problem(post(client, f"/trajecten/{own.public_id}/stapwijzigingen",
                 {"naarStap": "intake"}), 403)
    own.refresh_from_db()
    assert own.step == Step.SIGNAL


def test_unauthenticated_writes_are_refused(client, own):
    response = post(client, f"/trajecten/{own.public_id}/stapwijzigingen", {"naarStap": "intake"})
    assert response.status_code in (401, 403)


@pytest.mark.parametrize("serializer, service_name, api_name", [
    (OutflowSerializer(), "outflow_reason", "uitstroomreden"),
    (OutflowSerializer(), "on", "uitstroomdatum"),
    (OutflowSerializer(), "note", "toelichting"),
    (PlacementSerializer(), "organisation_name", "werkgeverOfInstelling"),
    (PlacementSerializer(), "hours_per_week", "urenPerWeek"),
    (PlacementSerializer(), "ladder", "trede"),
    (IntakeSerializer(), "intensity", "intensiteit"),
    (IntakeSerializer(), "answers.0.domain", "antwoorden.0.leefgebied"),
    (ContactPersonSerializer(), "user", "medewerkerId"),
    (ContactPersonSerializer(), "reason", "reden"),
])
def test_service_field_names_map_to_api_names(serializer, service_name, api_name):
    assert api_field_name(serializer, service_name) == api_name


def test_every_new_write_documents_400_404_and_problem_json(client):
    oas = json.loads(client.get(f"{API}/openapi.json").content)
    writes_ = [(path, method, op) for path, item in oas["paths"].items()
               for method, op in item.items() if method in ("post", "put")
               and path.startswith(("/trajecten/", "/routevoorstellen", "/doelen", "/acties",
                                    "/nazorgcontacten", "/jongeren/{id}/contactpersoon"))]
    assert len(writes_) == 14
    for path, method, op in writes_:
        assert {"400", "404"} <= set(op["responses"]), (method, path)
        for code, response in op["responses"].items():
            if code.startswith("4"):
                assert list(response["content"]) == ["application/problem+json"]
    assert "409" in oas["paths"]["/trajecten/{id}/stapwijzigingen"]["post"]["responses"]


def test_date_fields_are_dates_and_timestamps_end_in_op(client):
    oas = json.loads(client.get(f"{API}/openapi.json").content)
    for name in ("Trajectory", "RouteProposal", "PlanAction", "Placement", "FollowUp"):
        for prop, schema in oas["components"]["schemas"][name]["properties"].items():
            if "datum" in prop.lower():
                assert schema.get("format") == "date", (name, prop)
            if schema.get("format") == "date-time":
                assert prop.endswith("Op"), (name, prop)


def test_birth_date_of_youth_is_used_for_the_engine(api, team):
    youth = YouthFactory(team=team, birth_year=1990, birth_month=1, birth_day=1)
    trajectory = TrajectoryFactory(youth=youth)
    response = post(api, f"/trajecten/{trajectory.public_id}/routevoorstellen", FACTS)
    assert response.status_code == 201
    assert response.json()["voorgesteldeRoute"] == "not_in_scope"
    assert youth.birth_date == PartialDate(1990, 1, 1)
