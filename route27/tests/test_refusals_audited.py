"""Every refusal is audited (ACCESS.md; issue 9 §5): one ``denied`` row, nothing else.

A privacy officer found refusals that left no trace. Each kind of refusal is one case below:
a page or API operation refused for a missing permission, an object outside the principal's
scope (404, the same answer as an unknown id), a nested object reached through a trajectory the
principal may see, a handover or support-request action by the wrong party, the leavers import
by a non-school, Mijn Route27 asked for another youth's document, a write on a file that is
read-only after closure. Each must write **exactly one** ``denied`` row with the principal as
actor, no file event and no other change, and no BSN in the row. The rows are written in one
place: ``core.middleware.AccessPolicyMiddleware`` (ADR 0009's ``view_refused`` signal) unless a
selector already wrote its own, richer row for the object.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from route27 import law
from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.handover.tests.factories import HandoverFactory, SupportRequestFactory
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.portal.tests.factories import PortalAccountFactory
from route27.signals.tests.factories import SignalFactory
from route27.trajectories import services
from route27.trajectories.models import FollowUp, Goal, PlanAction, RouteDecision
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db
REFUSED = {302, 403, 404}


class World:
    """The principals, and the objects a case names, each made on first use (a case needs two
    or three of them; making all of them for each case would take minutes)."""

    def __init__(self):
        self.aalsmeer, self.utrecht = real_municipality(AALSMEER), real_municipality(UTRECHT)
        self.gemeente_a = OrganisationFactory(name="Gemeente A (weigeringen)",
                                              municipality=self.aalsmeer)
        gemeente_b = OrganisationFactory(name="Gemeente B (weigeringen)",
                                         municipality=self.utrecht)
        self.team_a = TeamFactory(organisation=self.gemeente_a, serves=[self.aalsmeer])
        self.team_b = TeamFactory(organisation=gemeente_b, serves=[self.utrecht])
        self.school_org = OrganisationFactory(name="Mbo (weigeringen)",
                                              type=OrganisationType.SCHOOL_MBO,
                                              municipality=self.aalsmeer)
        self.users = {
            "coach_a": member(Role.DOORSTROOMCOACH, team=self.team_a),
            "coach_b": member(Role.DOORSTROOMCOACH, team=self.team_b),
            "adviser_a": member(Role.BELEIDSADVISEUR, team=self.team_a),
            "school": member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=self.school_org)),
            # Mijn Route27: a youth with their own account, asking for another youth's document.
            "portal_youth": PortalAccountFactory().user,
            # A Doorstroompunt of Utrecht's region: not the one of Aalsmeer's youth.
            "dsp_utrecht": member(Role.DOORSTROOMCOACH, team=TeamFactory(
                organisation=OrganisationFactory(name="Doorstroompunt Utrecht (weigeringen)",
                                                 type=OrganisationType.DOORSTROOMPUNT,
                                                 municipality=self.utrecht))),
        }
        self.made: dict[str, object] = {}

    def __getattr__(self, name):
        if name.startswith("_") or name not in BUILDERS:
            raise AttributeError(name)
        if name not in self.made:
            self.made[name] = BUILDERS[name](self)
        return self.made[name]

    def bsns(self) -> list[str]:
        people = [getattr(obj, "youth", obj) for obj in self.made.values()]
        return [p.bsn for p in people if getattr(p, "bsn", "")]


def _trajectory(youth: str, team: str, coach: str, **trait):
    def build(world: World):
        return TrajectoryFactory(youth=getattr(world, youth), team=getattr(world, team),
                                 actor=world.users[coach], **trait)
    return build


BUILDERS: dict[str, Callable[[World], object]] = {
    "youth_a": lambda w: YouthFactory(team=w.team_a, municipality=w.aalsmeer,
                                      bsn=valid_bsn(700)),
    "youth_b": lambda w: YouthFactory(team=w.team_b, municipality=w.utrecht, bsn=valid_bsn(701)),
    # A youth of team A whose trajectory is closed: the file is read-only for the team.
    "youth_c": lambda w: w.trajectory_c.youth,
    "trajectory_a": _trajectory("youth_a", "team_a", "coach_a", in_support=True),
    "trajectory_b": _trajectory("youth_b", "team_b", "coach_b", in_aftercare=True),
    "trajectory_c": lambda w: TrajectoryFactory(
        youth=YouthFactory(team=w.team_a, municipality=w.aalsmeer, bsn=valid_bsn(702)),
        team=w.team_a, actor=w.users["coach_a"], closed=True),
    "decision_b": lambda w: RouteDecision.objects.filter(trajectory=w.trajectory_b).first(),
    "goal_b": lambda w: Goal.objects.filter(trajectory=w.trajectory_b).first(),
    "action_b": lambda w: PlanAction.objects.filter(goal__trajectory=w.trajectory_b).first(),
    "follow_up_b": lambda w: FollowUp.objects.filter(trajectory=w.trajectory_b).first(),
    "goal_c": lambda w: Goal.objects.filter(trajectory=w.trajectory_c).first(),
    "signal_b": lambda w: SignalFactory(municipality=w.utrecht),
    "joint_a": lambda w: _asking_joint_assessment(w),
    "handover": lambda w: HandoverFactory(
        sent=True, sender=w.school_org, receiver=w.gemeente_a, actor=w.users["school"],
        youth=YouthFactory(team=None, municipality=w.aalsmeer, minor=True, bsn=valid_bsn(703))),
    "support": lambda w: SupportRequestFactory(
        school=w.school_org, receiver=w.gemeente_a, actor=w.users["school"],
        youth=YouthFactory(team=None, municipality=w.aalsmeer, minor=True, bsn=valid_bsn(704))),
}


def _asking_joint_assessment(world: World):
    """A trajectory of Aalsmeer whose route asks for the joint assessment (art. 7a lid 2)."""
    trajectory = TrajectoryFactory(youth=YouthFactory(team=world.team_a, bsn=valid_bsn(705),
                                                      municipality=world.aalsmeer),
                                   team=world.team_a, actor=world.users["coach_a"])
    services.route_propose(actor=world.users["coach_a"], trajectory=trajectory, facts=law.Facts(
        reference_date=timezone.localdate(), birth=trajectory.youth.birth_date,
        arrival=law.Arrival.SELF, highest_diploma=law.Diploma.VMBO))
    return trajectory


@pytest.fixture
def world() -> World:
    return World()


@dataclass(frozen=True)
class Case:
    kind: str
    who: str
    method: str
    url: Callable[[World], str]
    data: dict | Callable[[World], dict] | None = None
    # The lookup of an object the principal may read (their own support request, their own
    # portal youth, a file that is read-only for them) is logged as that read; nothing else.
    reads: bool = False


def _today() -> str:
    return timezone.localdate().isoformat()


def _page(name: str, *objects: str, **kwargs) -> Callable[[World], str]:
    """``reverse(name)`` with the public ids (or pks) of the named world objects as arguments."""
    def build(world: World) -> str:
        args = []
        for key in objects:
            obj = getattr(world, key)
            args.append(getattr(obj, "public_id", None) or obj.pk)
        return reverse(name, args=args, kwargs=kwargs or None)
    return build


def _api(template: str, *objects: str) -> Callable[[World], str]:
    def build(world: World) -> str:
        values = []
        for key in objects:
            obj = getattr(world, key)
            values.append(getattr(obj, "public_id", None) or obj.pk)
        return "/api/v1/" + template.format(*values)
    return build


UNKNOWN = uuid.UUID("00000000-0000-4000-8000-000000000000")


def _unknown(template: str) -> Callable[[World], str]:
    return lambda world: template.format(UNKNOWN)


CASES = [
    # --- A page refused for a missing permission (AccessPolicyMiddleware) -------------------
    Case("page without the permission (youth list, policy adviser)", "adviser_a", "GET",
         _page("youth:list")),
    Case("page without the permission (intake form, school)", "school", "GET",
         _page("trajectories:intake", "trajectory_a")),
    Case("page without the permission (team caseload, coach)", "coach_a", "GET",
         _page("worklists:caseload")),
    Case("Mijn Route27 by a member of staff", "coach_a", "GET", _page("portal:home")),
    Case("legal basis without the named permission", "coach_a", "POST",
         _page("handover:legal_basis", "handover"), {"basis": "Pw art. 7a lid 2 (test)"}),
    # --- An object outside the scope: 404, the same as an unknown id -------------------------
    Case("file of another team's youth", "coach_a", "GET", _page("youth:detail", "youth_b")),
    Case("file with an unknown id", "coach_a", "GET", _unknown("/jongeren/{}/")),
    Case("edit another team's youth", "coach_a", "POST", _page("youth:edit", "youth_b"), {}),
    Case("start a trajectory for another team's youth", "coach_a", "POST",
         _page("trajectories:start", "youth_b"), {}),
    Case("another team's trajectory", "coach_a", "GET",
         _page("trajectories:detail", "trajectory_b")),
    Case("goal on another team's trajectory", "coach_a", "POST",
         _page("trajectories:goal_add", "trajectory_b"), {"description": "Doel (test)"}),
    Case("take on another team's trajectory", "coach_a", "POST",
         _page("worklists:take_on", "trajectory_b"), {}),
    Case("another team's signal", "coach_a", "GET", _page("signals:detail", "signal_b")),
    Case("confirm another team's signal", "coach_a", "POST",
         _page("signals:new_youth", "signal_b"), {}),
    Case("handover of other parties", "coach_b", "GET", _page("handover:detail", "handover")),
    Case("PDF of a handover of other parties", "coach_b", "GET",
         _page("handover:pdf", "handover")),
    Case("support request of other parties", "coach_b", "GET",
         _page("handover:support_detail", "support")),
    # --- A nested object through a trajectory the principal may see --------------------------
    Case("route proposal of another youth under one's own trajectory", "coach_a", "POST",
         _page("trajectories:route_decide", "trajectory_a", "decision_b"), {}),
    Case("action of another youth under one's own trajectory", "coach_a", "POST",
         _page("trajectories:action_status", "trajectory_a", "action_b"), {"status": "done"}),
    Case("follow-up of another youth under one's own trajectory", "coach_a", "POST",
         _page("trajectories:follow_up", "trajectory_a", "follow_up_b"), {}),
    # --- Handover and support-request actions by the wrong party ------------------------------
    Case("send a handover as its receiver", "coach_a", "POST",
         _page("handover:send", "handover"), {}),
    Case("withdraw a handover as its receiver", "coach_a", "POST",
         _page("handover:withdraw", "handover"), {}),
    Case("receive a handover as its sender", "school", "POST",
         _page("handover:receive", "handover"), {}),
    Case("accept a handover as its sender", "school", "POST",
         _page("handover:accept", "handover"), {}),
    Case("return a handover as its sender", "school", "POST",
         _page("handover:return", "handover"), {"terugsturen-reason": "Niet voor ons (test)."}),
    Case("return a handover as its sender, without a reason", "school", "POST",
         _page("handover:return", "handover"), {}),
    Case("edit the school's part as the receiver", "coach_a", "POST",
         _page("handover:document_school", "handover"), {}),
    Case("record consent as the receiver", "coach_a", "POST",
         _page("handover:consent", "handover"), {}),
    Case("withdraw consent as the receiver", "coach_a", "POST",
         _page("handover:consent_withdraw", "handover"), {}),
    Case("accept a support request as the school", "school", "POST",
         _page("handover:support_accept", "support"), {}, reads=True),
    Case("decline a support request as the school", "school", "POST",
         _page("handover:support_decline", "support"), {"afwijzen-reason": "Toch niet (test)."},
         reads=True),
    Case("decline a support request as the school, without a reason", "school", "POST",
         _page("handover:support_decline", "support"), {}, reads=True),
    # --- The leavers import by a non-school ---------------------------------------------------
    Case("leavers import by a gemeente coach", "coach_a", "GET",
         _page("school_imports:upload")),
    Case("confirm a leavers import by a gemeente coach", "coach_a", "POST",
         _unknown("/overdracht/import/{}/bevestigen/"), {}),
    Case("another user's leavers import job", "school", "GET",
         _unknown("/overdracht/import/{}/")),
    # --- Mijn Route27: another youth's document -----------------------------------------------
    Case("portal: another youth's part of a document", "portal_youth", "POST",
         _page("portal:document_part", "handover"), {}, reads=True),
    Case("portal: consent on another youth's document", "portal_youth", "POST",
         _page("portal:consent", "handover"), {}, reads=True),
    # --- API ----------------------------------------------------------------------------------
    Case("API: list without the permission (school)", "school", "GET", _api("jongeren")),
    Case("API: BSN search without the permission (school)", "school", "POST",
         _api("jongeren/zoeken"), {"burgerservicenummer": valid_bsn(700)}),
    Case("API: update a youth without the permission (school)", "school", "PUT",
         _api("jongeren/{}", "youth_a"), {}),
    Case("API: trajectories without the permission (policy adviser)", "adviser_a", "GET",
         _api("trajecten")),
    Case("API: another team's youth", "coach_a", "GET", _api("jongeren/{}", "youth_b")),
    Case("API: unknown youth", "coach_a", "GET", _unknown("/api/v1/jongeren/{}")),
    Case("API: another team's trajectory", "coach_a", "GET",
         _api("trajecten/{}", "trajectory_b")),
    Case("API: intakes of another team's trajectory", "coach_a", "GET",
         _api("trajecten/{}/intakes", "trajectory_b")),
    Case("API: another youth's route proposal", "coach_a", "GET",
         _api("routevoorstellen/{}", "decision_b")),
    Case("API: action on another youth's goal", "coach_a", "POST",
         _api("doelen/{}/acties", "goal_b"), {"omschrijving": "Actie (test)"}),
    Case("API: status of another youth's action", "coach_a", "PUT",
         _api("acties/{}/status", "action_b"), {"status": "done"}),
    Case("API: another youth's follow-up", "coach_a", "POST",
         _api("nazorgcontacten/{}/uitkomst", "follow_up_b"), {}),
    Case("API: contact person of another team's youth", "coach_a", "PUT",
         _api("jongeren/{}/contactpersoon", "youth_b"), {}),
    Case("API: another team's signal", "coach_a", "GET", _api("signalen/{}", "signal_b")),
    # --- The joint assessment (art. 7a lid 2) --------------------------------------------------
    Case("joint assessment by a Doorstroompunt of another region", "dsp_utrecht", "GET",
         _page("trajectories:joint_assessment", "joint_a")),
    Case("record a joint assessment as a Doorstroompunt of another region", "dsp_utrecht",
         "POST", _page("trajectories:joint_assessment", "joint_a"),
         {"school_possible": "no", "explanation": "Niet van ons (test)."}),
    Case("joint assessment by a gemeente coach", "coach_a", "GET",
         _page("trajectories:joint_assessment", "joint_a")),
    # --- Team casework is read-only after closure ---------------------------------------------
    Case("edit a youth whose trajectory is closed", "coach_a", "POST",
         _page("youth:edit", "youth_c"), {}, reads=True),
    Case("API: update a youth whose trajectory is closed", "coach_a", "PUT",
         _api("jongeren/{}", "youth_c"), {}, reads=True),
    Case("API: contact person of a youth whose trajectory is closed", "coach_a", "PUT",
         _api("jongeren/{}/contactpersoon", "youth_c"), {}, reads=True),
    Case("goal on a closed trajectory", "coach_a", "POST",
         _page("trajectories:goal_add", "trajectory_c"), {"description": "Doel (test)"}),
    Case("activity on a closed trajectory", "coach_a", "GET",
         _page("trajectories:activity_add", "trajectory_c")),
    Case("API: goal on a closed trajectory", "coach_a", "POST",
         _api("trajecten/{}/doelen", "trajectory_c"), {"omschrijving": "Doel (test)"}),
    Case("API: action on a goal of a closed trajectory", "coach_a", "POST",
         _api("doelen/{}/acties", "goal_c"), {"omschrijving": "Actie (test)"}),
]


def _send(client: Client, method: str, url: str, data: dict | None):
    if method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        return getattr(client, method.lower())(url, data or {}, content_type="application/json")
    return client.post(url, data or {})


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_every_refusal_writes_one_denied_row(world, case):
    principal = world.users[case.who]
    client = Client()
    client.force_login(principal)
    url = case.url(world)  # makes the objects the case names
    data = case.data(world) if callable(case.data) else case.data
    last_audit = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    events = Event.objects.count()

    response = _send(client, case.method, url, data)

    assert response.status_code in REFUSED, response.status_code
    written = AuditEntry.objects.filter(pk__gt=last_audit)
    denied = [e for e in written if e.action == AuditAction.DENIED]
    assert len(denied) == 1, [(e.action, e.object_type, e.object_id) for e in written]
    row = denied[0]
    assert row.actor_id == principal.pk and row.actor_username == principal.username
    others = [e for e in written if e.action != AuditAction.DENIED
              and not (case.reads and e.action == AuditAction.READ and e.actor_id == principal.pk)]
    assert not others, [(e.action, e.object_type) for e in others]
    assert Event.objects.count() == events, "a refusal wrote a file event"
    text = f"{row.object_id} {row.purpose} {row.detail}"
    assert not any(bsn in text for bsn in world.bsns()), text


def test_the_cases_cover_the_refusal_kinds():
    """Every group of refusals the privacy officer named has cases (issue 9 §5)."""
    assert len(CASES) >= 38
    assert len({c.kind for c in CASES}) == len(CASES)


# --- No oracle: unknown and out-of-scope look the same -----------------------------------------
@pytest.mark.parametrize(("outside", "unknown"), [
    (_page("youth:detail", "youth_b"), _unknown("/jongeren/{}/")),
    (_page("trajectories:goal_add", "trajectory_b"), _unknown("/trajecten/{}/doelen/nieuw/")),
    (_page("handover:detail", "handover"), _unknown("/overdracht/{}/")),
    (_page("signals:detail", "signal_b"), _unknown("/signalen/{}/")),
    (_api("jongeren/{}", "youth_b"), _unknown("/api/v1/jongeren/{}")),
    (_api("trajecten/{}", "trajectory_b"), _unknown("/api/v1/trajecten/{}")),
    (_api("routevoorstellen/{}", "decision_b"), lambda world: "/api/v1/routevoorstellen/999999"),
], ids=["file", "trajectory form", "handover", "signal", "API youth", "API trajectory",
        "API nested"])
def test_unknown_and_not_yours_answer_the_same(world, outside, unknown):
    outside_url, unknown_url = outside(world), unknown(world)
    principal = world.users["coach_b" if "overdracht" in outside_url else "coach_a"]
    client = Client()
    client.force_login(principal)
    before = AuditEntry.objects.filter(action=AuditAction.DENIED, actor=principal).count()
    first, second = client.get(outside_url), client.get(unknown_url)
    assert first.status_code == second.status_code == 404
    assert _comparable(first, outside_url) == _comparable(second, unknown_url)
    assert first.headers.get("Content-Type") == second.headers.get("Content-Type")
    after = AuditEntry.objects.filter(action=AuditAction.DENIED, actor=principal).count()
    assert after == before + 2


def _comparable(response, path: str) -> str:
    """The answer without what differs per request (the CSRF token, the path asked for)."""
    body = response.content.decode().replace(path, "<path>")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def test_a_page_past_the_last_is_not_a_refusal(world):
    """A 404 that says nothing about anyone (a list page past the last) is not logged."""
    client = Client()
    client.force_login(world.users["coach_a"])
    response = client.get("/api/v1/jongeren?pagina=999")
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.DENIED).exists()


def test_an_anonymous_request_is_sent_to_the_login(world, client):
    """No principal, nothing refused about a youth: the login answers, no denied row."""
    assert client.get(_page("youth:detail", "youth_a")(world)).status_code == 302
    assert client.get(_api("jongeren/{}", "youth_a")(world)).status_code == 401
    assert not AuditEntry.objects.filter(action=AuditAction.DENIED).exists()
