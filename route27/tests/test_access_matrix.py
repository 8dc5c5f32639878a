"""The role × URL × object matrix (ACCESS.md, issue 9 §6): the proof that no reason opens more
than its scope.

Every principal (every role, the youth and a parent in the portal, a superuser, an anonymous
visitor) requests every URL pattern and API operation, for an object of each kind inside and one
outside their scope. "In scope" is computed here **from the tables** (memberships, contact
assignments, handovers, portal accounts), never by calling the access code under test. Out of
scope, a GET and a POST must be refused (login redirect, 403, 404 or 405) and never show the
object's youth; inside, nothing may fail with a 500. On pages without an object (lists, home
pages), no youth the principal has no reason for may appear.

A URL pattern without a row in ``ROWS`` fails the test: every new page or API operation gets
its row here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from route27 import law
from route27.appointments.models import Appointment
from route27.appointments.tests.factories import AppointmentFactory
from route27.casework import services as casework_services
from route27.casework.models import (
    AgendaItem,
    Involvement,
    MeetingAction,
    Regie,
    RegieStatus,
    active_involvement_q,
)
from route27.core.jobs.models import BackgroundJob, JobStatus
from route27.core.partial_date import PartialDate
from route27.handover.models import Handover, SupportRequest
from route27.handover.tests.factories import HandoverFactory, SupportRequestFactory
from route27.organisations.models import Membership, Team
from route27.organisations.roles import CASEWORK_ROLES, OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    AMSTELVEEN,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    member,
    real_municipality,
)
from route27.outreach import jobs as outreach_jobs
from route27.outreach import services as outreach_services
from route27.outreach.models import OutreachCase
from route27.outreach.parsing import Person
from route27.portal.models import PortalAccount
from route27.portal.tests.factories import PortalAccountFactory
from route27.programme import services as programme_services
from route27.signals.models import Signal
from route27.signals.tests.factories import SignalFactory
from route27.trajectories import services as trajectory_services
from route27.trajectories.models import (
    FollowUp,
    Goal,
    InstrumentUse,
    JointAssessment,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.models import ContactAssignment, PossibleDuplicate, Youth, YouthMerge
from route27.youth.tests.factories import (
    PossibleDuplicateFactory,
    YouthFactory,
    YouthMergeFactory,
    valid_bsn,
)

pytestmark = pytest.mark.django_db
REFUSED = {302, 401, 403, 404, 405}

# Which object fills a URL's arguments. ``None``: the URL names no object (lists, forms, home).
# Kinds: youth, trajectory, route_decision, plan_action, follow_up, goal, signal, handover,
# support_request, own_handover (Mijn Route27: a handover of the principal's own youth),
# import_job (a leavers import's background job, with a youth's name in its rows).
# possible_duplicate (a review item of two files) and youth_merge (a merge, for its undo): ADR 0011.
# joint_assessment: a trajectory whose route asks for the joint assessment (art. 7a lid 2).
# appointment: a coach's appointment with a youth (in scope: a reason for the youth's file).
ROWS: dict[str, str | None] = {
    ":dashboard": None, ":login": None, ":logout": None, ":set_language": None,
    ":sources": None, ":health": None,
    "youth:list": None, "youth:create": None, "youth:search_bsn": None,
    "youth:detail": "youth", "youth:edit": "youth", "youth:file_block": "youth",
    "youth:duplicates": None, "youth:duplicate_check": None,
    "youth:duplicate": "possible_duplicate", "youth:merges": None,
    "youth:merge_undo": "youth_merge",
    "trajectories:start": "youth", "trajectories:detail": "trajectory",
    "trajectories:move": "trajectory", "trajectories:hand_back": "trajectory",
    "trajectories:intake": "trajectory", "trajectories:route_facts": "trajectory",
    "trajectories:route_decide": "route_decision",
    "trajectories:contact_person": "trajectory", "trajectories:goal_add": "trajectory",
    "trajectories:action_add": "trajectory", "trajectories:action_status": "plan_action",
    "trajectories:activity_add": "trajectory", "trajectories:instrument_add": "trajectory",
    "trajectories:placement_add": "trajectory", "trajectories:outflow": "trajectory",
    "trajectories:follow_up": "follow_up",
    "trajectories:joint_assessments": None, "trajectories:joint_assessment": "joint_assessment",
    "worklists:mine": None, "worklists:intake": None, "worklists:take_on": "trajectory",
    "worklists:caseload": None,
    "home:assign": None, "home:cover_end": "youth", "home:notices_read": None,
    "signals:list": None, "signals:create": None, "signals:detail": "signal",
    "signals:confirm": "signal", "signals:new_youth": "signal",
    "public_signals:form": None, "public_signals:thanks": None, "public_signals:qr": None,
    "public_signals:poster": None,
    "school_imports:upload": None, "school_imports:job": "import_job",
    "school_imports:confirm": "import_job", "school_imports:cancel": "import_job",
    "school_imports:example": None,
    "handover:list": None, "handover:create": None, "handover:support_create": None,
    "handover:support_detail": "support_request", "handover:support_accept": "support_request",
    "handover:support_decline": "support_request",
    "handover:detail": "handover", "handover:document_school": "handover",
    "handover:document_youth": "handover", "handover:consent": "handover",
    "handover:consent_withdraw": "handover", "handover:legal_basis": "handover",
    "handover:send": "handover", "handover:withdraw": "handover", "handover:receive": "handover",
    "handover:accept": "handover", "handover:return": "handover", "handover:meeting": "handover",
    "handover:pdf": "handover",
    "portal:home": None, "portal:document": None, "portal:document_part": "own_handover",
    "portal:consent": "own_handover", "portal:consent_withdraw": "own_handover",
    "portal:access": None, "portal:help": None,
    ":openapi-json": None, ":openapi-yaml": None, ":schema": None,
    ":jongeren-list": None, ":jongeren-search": None, ":jongeren-detail": "youth",
    ":jongeren-contactpersoon-assign": "youth",
    ":trajecten-list": None, ":trajecten-detail": "trajectory",
    ":trajecten-activity-add": "trajectory", ":trajecten-goal-add": "trajectory",
    ":trajecten-hand-back": "trajectory", ":trajecten-instrument-add": "trajectory",
    ":trajecten-intakes": "trajectory", ":trajecten-move": "trajectory",
    ":trajecten-outflow": "trajectory", ":trajecten-placement-add": "trajectory",
    ":trajecten-route-propose": "trajectory",
    ":routevoorstellen-detail": "route_decision", ":routevoorstellen-decide": "route_decision",
    ":doelen-action-add": "goal", ":acties-set-status": "plan_action",
    ":nazorgcontacten-record-outcome": "follow_up",
    ":signalen-list": None, ":signalen-detail": "signal", ":signalen-confirm": "signal",
    "trajectories:contact_record": "trajectory",
    "appointments:list": None, "appointments:plan": "trajectory",
    "appointments:attendance": "appointment",
    # The youth's link: public; an unknown token (the pattern itself) is a neutral 404.
    "appointment_link:show": None,
    # Issue 13: collaboration. involvement_card: a youth whose card (not file) the principal may
    # read; regie: a request to a sociaal team, or a regie held; case_meeting, agenda_item,
    # meeting_action: a casusoverleg, a youth on its agenda, an action agreed there;
    # involvement: a registration the principal's organisation made.
    "home:tasks": None,
    "casework:mine": None, "casework:involvement_register": None,
    "casework:notices_read": None, "casework:involvement_end": "involvement",
    "casework:card": "involvement_card", "casework:involvement_add": "involvement_card",
    "casework:agenda_add": "youth",
    "casework:regie": None, "casework:regie_request": "trajectory",
    "casework:regie_detail": "regie",
    "casework:meetings": None, "casework:meeting_plan": None,
    "casework:meeting": "case_meeting", "casework:minutes": "agenda_item",
    "casework:action_done": "meeting_action",
    # Outreach: outreach_case (a team's case), delivery_job (an import waiting for its column
    # mapping, with a youth's name in its rows), stopped_trajectory (on the re-approach list).
    "outreach:cases": None, "outreach:case": "outreach_case",
    "outreach:case_trajectory": "outreach_case", "outreach:upload": None,
    "outreach:job": "delivery_job", "outreach:mapping": "delivery_job",
    "outreach:cancel": "delivery_job", "outreach:status_list": None,
    "outreach:reapproach": None, "outreach:reapproach_open": "stopped_trajectory",
    # The catalogue holds no personal data; what fits a youth is read through the trajectory.
    "catalogue:list": None, "catalogue:create": None, "catalogue:detail": None,
    "catalogue:edit": None, "catalogue:fitting": "trajectory",
    # Issue 14: the results dashboard shows counts only (exports as XLSX in this test).
    "monitoring:dashboard": None, "monitoring:dashboard_export": None,
    "monitoring:region": None, "monitoring:region_export": None,
    "monitoring:capacity": None, "monitoring:capacity_export": None,
    "monitoring:targets": None, "monitoring:youth_list": None,
    # Issue 15: the regional programme holds no personal data (the region's, by its code).
    "programme:workspace": None, "programme:start": None, "programme:parties": None,
    "programme:section": None, "programme:target_add": None, "programme:target_delete": None,
    "programme:agreement_add": None, "programme:measure_add": None,
    "programme:measure_edit": None, "programme:budget": None, "programme:budget_delete": None,
    "programme:sign": None, "programme:amend": None,
    "programme:participation_add": None, "programme:participation_delete": None,
    "programme:contribution_add": None, "programme:subsidy": None,
    "programme:proposal_add": None, "programme:proposal_edit": None,
    "programme:effect_report": None, "programme:effect_report_export": None,
    "programme:route_map": None, "programme:overview_index": None, "programme:overview": None,
    "programme:programme_export": None, "programme:responsibility_add": None,
    "programme:responsibility_delete": None,
}


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str


def _walk(patterns, prefix="", namespaces=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and "admin" not in namespaces:
            yield Route(":".join(namespaces) + ":" + str(entry.name), prefix + str(entry.pattern))


def routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


def _url(route: Route, obj) -> str:
    """The path of ``route`` for ``obj`` (its public id, or the int id of a child)."""
    pattern = route.pattern.replace("^", "").replace("$", "")
    pattern = re.sub(r"\(\?P<fmt>[^)]*\)", "xlsx", pattern)  # an export's format
    # A regional programme's pages: Aalsmeer's region, a step, an unknown streefcijfer.
    # The centrumgemeente's overview: Aalsmeer's arbeidsmarktregio; a report year, as JSON.
    aalsmeer = real_municipality(AALSMEER)
    pattern = pattern.replace("arbeidsmarktregio/<str:code>",
                              f"arbeidsmarktregio/{aalsmeer.labour_market_region.code}")
    pattern = pattern.replace("<str:code>", aalsmeer.doorstroompunt_region.code).replace(
        "<slug:step>", "analysis").replace("<int:year>", "2026").replace("<str:fmt>", "json")
    pattern = pattern.replace("<int:version>", "1")
    for child in ("target_id", "measure_id", "line_id", "session_id", "proposal_id",
                  "responsibility_id"):
        pattern = pattern.replace(f"<int:{child}>", "999999")
    if obj is None:
        return "/" + pattern
    public_id = str(getattr(obj, "public_id", "") or "")
    trajectory = getattr(obj, "trajectory", None) or getattr(getattr(obj, "goal", None),
                                                             "trajectory", None)
    replacements = {
        "<uuid:public_id>": str(trajectory.public_id) if trajectory is not None
        and not isinstance(obj, (Handover, SupportRequest, Signal, Appointment, Regie,
                                 OutreachCase))
        else public_id,
        "<uuid:youth_id>": public_id, "<int:decision_id>": str(obj.pk),
        "<int:action_id>": str(obj.pk), "<int:follow_up_id>": str(obj.pk),
        "<slug:block>": "plan",  # a block of the file read when opened (casefile.sections)
    }
    for key, value in replacements.items():
        pattern = pattern.replace(key, value)
    pattern = re.sub(r"\(\?P<id>[^)]*\)", public_id or str(obj.pk), pattern)
    return "/" + pattern


# --- The world ---------------------------------------------------------------------------------
@dataclass
class World:
    principals: dict[str, object]
    objects: dict[str, list]  # kind -> objects, one per youth
    youth: list[Youth]


def _with_children(trajectory: Trajectory, actor) -> None:
    goal = trajectory_services.goal_add(actor=actor, trajectory=trajectory,
                                        description="Werk vinden (test)")
    trajectory_services.action_add(actor=actor, goal=goal, description="Cv maken (test)")


def _world() -> World:
    aalsmeer, utrecht = real_municipality(AALSMEER), real_municipality(UTRECHT)
    gemeente_a = OrganisationFactory(name="Gemeente A (matrix)", municipality=aalsmeer)
    gemeente_b = OrganisationFactory(name="Gemeente B (matrix)", municipality=utrecht)
    team_a = TeamFactory(organisation=gemeente_a, serves=[aalsmeer])
    team_b = TeamFactory(organisation=gemeente_b, serves=[utrecht])
    school = OrganisationFactory(name="Mbo (matrix)", type=OrganisationType.SCHOOL_MBO,
                                 municipality=aalsmeer)
    principals = {
        "coach_a": member(Role.DOORSTROOMCOACH, team=team_a),
        "coach_b": member(Role.DOORSTROOMCOACH, team=team_b),
        "teamlead_a": member(Role.TEAMLEIDER, team=team_a),
        "social_a": member(Role.SOCIAAL_TEAM, team=team_a),
        "adviser_a": member(Role.BELEIDSADVISEUR, team=team_a),
        "coordinator": member(Role.REGIONAL_COORDINATOR, team=TeamFactory()),
        "admin_a": member(Role.FUNCTIONEEL_BEHEERDER, team=team_a),
        "school": member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=school)),
        # The Doorstroompunt of Aalsmeer's region (it sits in Amstelveen), not of Utrecht's.
        "dsp": member(Role.DOORSTROOMCOACH, team=TeamFactory(organisation=OrganisationFactory(
            name="Doorstroompunt (matrix)", type=OrganisationType.DOORSTROOMPUNT,
            municipality=real_municipality(AMSTELVEEN)))),
        # A sociaal team of another organisation serving Aalsmeer: regie opens files to it.
        "social_team": member(Role.SOCIAAL_TEAM, team=TeamFactory(
            organisation=OrganisationFactory(name="Sociaal team (matrix)",
                                             type=OrganisationType.SOCIAAL_TEAM,
                                             municipality=aalsmeer), serves=[aalsmeer])),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        "anonymous": None,
    }
    youth, objects = [], {kind: [] for kind in set(ROWS.values()) - {None}}
    for n, (team, coach, municipality) in enumerate(
            [(team_a, principals["coach_a"], aalsmeer), (team_b, principals["coach_b"], utrecht)]):
        person = YouthFactory(team=team, municipality=municipality, bsn=valid_bsn(900 + n),
                              given_names=f"Zqvoornaam{n}", family_name=f"Zqgeheim{n}",
                              minor=True)
        trajectory = TrajectoryFactory(youth=person, team=team, in_aftercare=True, actor=coach)
        _with_children(trajectory, coach)
        youth.append(person)
        objects["youth"].append(person)
        objects["trajectory"].append(trajectory)
        objects["route_decision"].append(RouteDecision.objects.filter(
            trajectory=trajectory).first())
        objects["goal"].append(Goal.objects.filter(trajectory=trajectory).first())
        objects["plan_action"].append(PlanAction.objects.filter(
            goal__trajectory=trajectory).first())
        objects["follow_up"].append(FollowUp.objects.filter(trajectory=trajectory).first())
        objects["appointment"].append(AppointmentFactory(trajectory=trajectory, coach=coach))
        objects["signal"].append(SignalFactory(municipality=municipality,
                                               family_name=f"Zqsignaal{n}"))
        receiver = team.organisation
        objects["handover"].append(HandoverFactory(
            sent=True, sender=school, receiver=receiver, youth=YouthFactory(
                team=None, municipality=municipality, minor=True,
                family_name=f"Zqoverdracht{n}")))
        objects["support_request"].append(SupportRequestFactory(
            school=school, receiver=receiver, youth=YouthFactory(
                team=None, municipality=municipality, minor=True,
                family_name=f"Zqverzoek{n}")))
        objects["own_handover"].append(objects["handover"][-1])
        review = PossibleDuplicateFactory(
            other=YouthFactory(team=team, municipality=municipality, family_name=f"Zqdubbel{n}"),
            youth=YouthFactory(team=team, municipality=municipality, family_name=f"Zqdubbel{n}"))
        merge = YouthMergeFactory(actor=coach, kept=YouthFactory(
            team=team, municipality=municipality, family_name=f"Zqsamen{n}"))
        objects["possible_duplicate"].append(review)
        objects["youth_merge"].append(merge)
        objects["youth"].append(merge.merged)  # its id leads to the kept file
        objects["joint_assessment"].append(_asking_joint_assessment(TrajectoryFactory(
            youth=YouthFactory(team=team, municipality=municipality, bsn=valid_bsn(910 + n),
                               family_name=f"Zqsamenbeoordeling{n}"), team=team,
            intake=True, actor=coach), coach))
        youth.append(objects["joint_assessment"][-1].youth)
        youth += [review.other, review.youth, merge.kept]
        objects["import_job"].append(_import_job(
            owner=principals["school"] if n == 0 else member(
                Role.SCHOOL_CONTACT, team=TeamFactory(organisation=school)),
            school=school, person=objects["handover"][-1].youth))
        _collaboration(objects, n=n, team=team, coach=coach, municipality=municipality,
                       person=person, principals=principals, school=school)
    youth += [h.youth for h in objects["handover"]] + [s.youth for s in objects["support_request"]]
    youth += [s.youth for s in objects["signal"] if s.youth is not None]
    youth += [c.youth for c in objects["outreach_case"]]
    youth += [t.youth for t in objects["stopped_trajectory"]]
    principals["portal_youth"] = PortalAccountFactory(youth=objects["handover"][0].youth).user
    principals["portal_parent"] = PortalAccountFactory(
        youth=objects["handover"][0].youth, parent=True).user
    # Issue 15: the programme of Aalsmeer's region, kept by the coordinator (counts only).
    programme = programme_services.programme_start(
        actor=principals["coordinator"], region=real_municipality(AALSMEER).doorstroompunt_region)
    measure = programme_services.measure_save(
        actor=principals["coordinator"], programme=programme,
        values={"title": "Jongerenloket", "description": "Op het mbo."}, final=True,
        conditions={c.code: "Onderbouwd." for c in law.MEASURE_CONDITIONS})
    for trajectory in objects["trajectory"][:2]:  # reach: counts, never a name
        InstrumentUse.objects.create(trajectory=trajectory, instrument=measure.provision,
                                     started_on=timezone.localdate())
    return World(principals, objects, youth)


def _collaboration(objects, *, n, team, coach, municipality, person, principals, school):
    """Issue 13: a regie taken on ``person`` and one asked on the joint-assessment youth, a
    casusoverleg discussing ``person`` with an action, and the school's involvement."""
    if n == 0:
        social = principals["social_team"]
    else:
        social = member(Role.SOCIAAL_TEAM, team=TeamFactory(
            organisation=OrganisationFactory(name="Sociaal team B (matrix)",
                                             type=OrganisationType.SOCIAAL_TEAM,
                                             municipality=municipality), serves=[municipality]))
    trajectory = Trajectory.objects.get(youth=person)
    regie = casework_services.regie_request(actor=coach, trajectory=trajectory)
    casework_services.regie_take(actor=social, regie=regie)
    asked = casework_services.regie_request(actor=coach,
                                            trajectory=objects["joint_assessment"][-1])
    objects["regie"] += [regie, asked]
    school_contact = principals["school"] if n == 0 else member(
        Role.SCHOOL_CONTACT, team=TeamFactory(organisation=school))
    meeting = casework_services.case_meeting_plan(
        actor=coach, team=team, title=f"Casusoverleg {n} (matrix)",
        starts_at=timezone.now() + timezone.timedelta(hours=2), participants=[school_contact])[0]
    item = casework_services.agenda_item_add(
        actor=coach, meeting=meeting, youth=person, ground=law.MeetingGround.MIRROR,
        question="Hoe verder met school? (matrix)")
    objects["case_meeting"].append(meeting)
    objects["agenda_item"].append(item)
    objects["meeting_action"].append(MeetingAction.objects.create(
        item=item, description="Bel de school (matrix)", owner=coach,
        due_on=timezone.localdate()))
    objects["involvement"].append(casework_services.involvement_register(
        actor=school_contact, youth=person, role="Mentor (matrix)", reach="020-1234567"))
    objects["involvement_card"].append(person)
    _outreach(objects, n=n, team=team, coach=coach, municipality=municipality,
              principals=principals)


def _outreach(objects, *, n, team, coach, municipality, principals):
    """A delivery that opened an outreach case for ``team``, a delivery job waiting for its
    mapping, and a trajectory that stopped early long enough ago for re-approach."""
    outreach_services.delivery_import(actor=coach, team=team, kind="jib", people=[Person(
        2, valid_bsn(950 + n), "Zqvoor", "", f"Zqoutreach{n}", PartialDate(2006, 5, 1),
        municipality.pk, "", "", "")])
    case = OutreachCase.objects.get(youth__family_name=f"Zqoutreach{n}")
    objects["outreach_case"].append(case)
    owner = principals["adviser_a"] if n == 0 else member(Role.BELEIDSADVISEUR, team=team)
    from route27.core.tabular import Table

    objects["delivery_job"].append(outreach_jobs.delivery_upload(
        actor=owner, team=team, kind="jib", filename="levering.csv", table=Table(
            ["bsn", "achternaam"], [(2, [case.youth.bsn, case.youth.family_name])])))
    stopped = TrajectoryFactory(youth=YouthFactory(team=team, municipality=municipality,
                                                   family_name=f"Zqgestopt{n}"),
                                team=team, actor=coach)
    trajectory_services.trajectory_outflow(actor=coach, trajectory=stopped,
                                           reason="niet_bereikbaar", on=timezone.localdate())
    Trajectory.objects.filter(pk=stopped.pk).update(
        closed_on=timezone.localdate() - timezone.timedelta(days=365))
    stopped.refresh_from_db()
    objects["stopped_trajectory"].append(stopped)


def _asking_joint_assessment(trajectory: Trajectory, coach) -> Trajectory:
    """A route proposal that asks for the joint assessment with the Doorstroompunt."""
    trajectory_services.route_propose(actor=coach, trajectory=trajectory, facts=law.Facts(
        reference_date=timezone.localdate(), birth=trajectory.youth.birth_date,
        arrival=law.Arrival.SELF, highest_diploma=law.Diploma.VMBO))
    return trajectory


def _import_job(*, owner, school, person: Youth) -> BackgroundJob:
    """A checked leavers file waiting for its owner's confirmation, naming ``person``."""
    return BackgroundJob.objects.create(
        kind="leavers_check", owner=owner, organisation=school, status=JobStatus.DONE,
        total=1, done=1, result={"outcome": "ready", "rows": 1},
        payload={"rows": [{"row": 2, "bsn": person.bsn or "", "achternaam": person.family_name}],
                 "preview": [{"row": 2, "name": person.full_name,
                              "municipality": person.municipality.name}]})


# --- In scope, from the tables -----------------------------------------------------------------
def _casework_team_ids(user) -> set[int]:
    return set(Membership.objects.filter(user=user, is_active=True, role__in=CASEWORK_ROLES)
               .values_list("team_id", flat=True))


def _organisation_ids(user) -> set[int]:
    return set(Membership.objects.filter(user=user, is_active=True)
               .values_list("team__organisation_id", flat=True))


def _casework_organisation_ids(user) -> set[int]:
    return set(Membership.objects.filter(user=user, is_active=True, role__in=CASEWORK_ROLES)
               .values_list("team__organisation_id", flat=True))


def youth_in_scope(user, person: Youth) -> bool:
    if user is None:
        return False
    contact = ContactAssignment.objects.filter(youth=person, user=user,
                                               ended_at__isnull=True).exists()
    regie = Membership.objects.filter(user=user, is_active=True,
                                      role=Role.SOCIAAL_TEAM).exists() and Regie.objects.filter(
        youth=person, holder=user, status=RegieStatus.TAKEN).exists()
    return contact or regie or person.team_id in _casework_team_ids(user)


def _meeting_term_start():
    return timezone.localdate() - timezone.timedelta(
        days=casework_services.meeting_access_days())


def card_in_scope(user, person: Youth) -> bool:
    """ACCESS.md: the involvement card to the file's readers, the involved professional, and
    the participants of a casusoverleg discussing the youth within its term."""
    return youth_in_scope(user, person) or Involvement.objects.filter(
        active_involvement_q(timezone.localdate()), youth=person, professional=user).exists() \
        or AgendaItem.objects.filter(youth=person, meeting__participants=user,
                                     meeting__starts_at__date__gte=_meeting_term_start()).exists()


def _social_team_ids(user) -> set[int]:
    return set(Membership.objects.filter(user=user, is_active=True, role=Role.SOCIAAL_TEAM)
               .values_list("team_id", flat=True))


def in_scope(user, kind: str, obj) -> bool:
    if user is None:
        return False
    if kind == "youth":
        return youth_in_scope(user, obj)
    if kind == "trajectory":
        return youth_in_scope(user, obj.youth)
    if kind in {"route_decision", "follow_up", "goal"}:
        return youth_in_scope(user, obj.trajectory.youth)
    if kind == "plan_action":
        return youth_in_scope(user, obj.goal.trajectory.youth)
    if kind == "appointment":
        return youth_in_scope(user, obj.youth)
    if kind == "signal":
        return obj.team_id in _casework_team_ids(user)
    if kind in {"handover", "support_request"}:
        sender = obj.sender_id if kind == "handover" else obj.school_id
        return sender in _organisation_ids(user) or (
            obj.receiver_id in _casework_organisation_ids(user))
    if kind == "own_handover":
        return PortalAccount.objects.filter(user=user, youth=obj.youth).exists()
    if kind == "possible_duplicate":  # who sees the existing file, or administers both
        return youth_in_scope(user, obj.other) or (
            administers(user, obj.other) and administers(user, obj.youth))
    if kind == "youth_merge":
        return administers(user, obj.kept)
    if kind == "import_job":
        return obj.owner_id == user.pk
    if kind == "joint_assessment":
        return joint_assessment_in_scope(user, obj)
    if kind == "involvement_card":
        return card_in_scope(user, obj)
    if kind == "regie":
        return obj.team_id in _social_team_ids(user) or (
            obj.holder_id == user.pk and obj.status == RegieStatus.TAKEN)
    if kind == "case_meeting":
        return obj.participants.filter(pk=user.pk).exists() or Membership.objects.filter(
            user=user, is_active=True, team=obj.team).exists()
    if kind == "agenda_item":
        return obj.meeting.participants.filter(pk=user.pk).exists() and \
            obj.meeting.starts_at.date() >= _meeting_term_start()
    if kind == "meeting_action":
        return obj.owner_id == user.pk
    if kind == "involvement":
        return obj.professional_id == user.pk or obj.organisation_id in _organisation_ids(user)
    if kind in {"outreach_case", "stopped_trajectory"}:
        return obj.team_id in _casework_team_ids(user)
    if kind == "delivery_job":
        return obj.owner_id == user.pk
    raise AssertionError(kind)


def joint_assessment_in_scope(user, trajectory: Trajectory) -> bool:
    """ACCESS.md: a doorstroomcoach of a Doorstroompunt serving the youth's region (it sits in
    the region, or a team of it serves a municipality there), while the trajectory is open, its
    latest proposal's route is the joint assessment and none was recorded for that proposal."""
    latest = RouteDecision.objects.filter(trajectory=trajectory).order_by(
        "-proposed_at", "-id").first()
    if trajectory.closed_on is not None or latest is None or (
            latest.route or latest.proposed_route) != "joint_assessment" or \
            JointAssessment.objects.filter(decision=latest).exists():
        return False
    doorstroompunten = Membership.objects.filter(
        user=user, is_active=True, role=Role.DOORSTROOMCOACH,
        team__organisation__type=OrganisationType.DOORSTROOMPUNT).values("team__organisation")
    region = trajectory.youth.municipality.doorstroompunt_region_id
    return Team.objects.filter(organisation__in=doorstroompunten).filter(
        Q(organisation__municipality__doorstroompunt_region_id=region)
        | Q(serves__doorstroompunt_region_id=region)).exists()


def administers(user, person: Youth) -> bool:
    """A functional administrator of an organisation with a team serving the youth's
    municipality (ADR 0011: possible duplicates and merges)."""
    organisations = Membership.objects.filter(
        user=user, is_active=True, role=Role.FUNCTIONEEL_BEHEERDER).values("team__organisation")
    return Team.objects.filter(organisation__in=organisations,
                               serves=person.municipality_id).exists()


def _names(person: Youth) -> list[str]:
    return [person.family_name, person.given_names, person.bsn or "-no-bsn-"]


def _youth_of(kind: str, obj) -> Youth:
    if kind == "youth":
        return obj
    if kind == "plan_action":
        return obj.goal.trajectory.youth
    if kind in {"trajectory", "signal", "handover", "support_request", "own_handover",
                "joint_assessment"}:
        return obj.youth
    if kind in {"possible_duplicate", "youth_merge"}:
        return obj.other if kind == "possible_duplicate" else obj.kept
    if kind == "involvement_card":
        return obj
    if kind in {"regie", "agenda_item", "involvement", "meeting_action"}:
        return obj.youth
    if kind == "case_meeting":
        return obj.items.first().youth
    if kind in {"outreach_case", "stopped_trajectory"}:
        return obj.youth
    if kind == "delivery_job":
        return Youth.objects.get(family_name=obj.payload["rows"][0][1][1])
    if kind == "import_job":
        return Youth.objects.get(family_name=obj.payload["rows"][0]["achternaam"])
    return obj.trajectory.youth


# --- The test ----------------------------------------------------------------------------------
def test_every_url_has_a_row():
    names = {route.name for route in routes()}
    missing = sorted(names - ROWS.keys())
    assert not missing, f"URL patterns without a row in the access matrix: {missing}"
    assert not sorted(ROWS.keys() - names), "rows for URL patterns that no longer exist"


def run_matrix(world: World, selected: list[Route]) -> tuple[list, list, int]:
    """Every principal × route × object; returns (leaks, errors, number of requests)."""
    leaks, errors, requests = [], [], 0
    clients = {}
    for label, user in world.principals.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        clients[label] = client
    today = timezone.localdate()
    for route in selected:
        kind = ROWS[route.name]
        for label, user in world.principals.items():
            client = clients[label]
            if kind is None:
                response = client.get(_url(route, None))
                requests += 1
                if response.status_code >= 500:
                    errors.append((label, route.name, "GET", response.status_code))
                    continue
                body = response.content.decode(errors="replace")
                for person in world.youth:
                    if person.family_name in body and not _may_see_in_lists(user, person):
                        leaks.append((label, route.name, "GET", person.family_name))
                continue
            for obj in world.objects[kind]:
                url, scoped = _url(route, obj), in_scope(user, kind, obj)
                person = _youth_of(kind, obj)
                for method in ("GET",) if scoped else _writes(route):
                    response = _request(client, method, url, today)
                    requests += 1
                    if response.status_code >= 500:
                        errors.append((label, route.name, method, response.status_code))
                    elif not scoped:
                        body = response.content.decode(errors="replace")
                        if response.status_code not in REFUSED or any(
                                name in body for name in _names(person)):
                            leaks.append((label, route.name, method, response.status_code))
    return leaks, errors, requests


def _writes(route: Route) -> tuple[str, ...]:
    """Out of scope every verb is tried: pages read and post, API operations also put."""
    return ("GET", "POST", "PUT") if route.pattern.startswith("api/") else ("GET", "POST")


def _request(client: Client, method: str, url: str, today):
    if method == "GET":
        return client.get(url)
    if url.startswith("/api/"):
        return getattr(client, method.lower())(url, {"datum": today.isoformat()},
                                               content_type="application/json")
    return client.post(url, {"datum": today.isoformat()})


def test_no_principal_sees_what_it_has_no_reason_for(capsys):
    world = _world()
    everything = routes()
    leaks, errors, requests = run_matrix(world, everything)
    objects = sum(len(v) for v in world.objects.values())
    with capsys.disabled():
        print(f"\naccess matrix: {len(world.principals)} principals × {len(everything)} URL "
              f"patterns × {objects} objects, {requests} requests, leaks = {len(leaks)}, "
              f"errors = {len(errors)}")
    assert not errors, errors
    assert not leaks, leaks


def _may_see_in_lists(user, person: Youth) -> bool:
    """On a page without an object a youth may appear for a reason to their file, a handover
    or support request the principal sends or receives (name on the handover list), a signal
    of the principal's team, or the principal's own portal account."""
    if user is None:
        return False
    if card_in_scope(user, person):
        return True  # the involvement card, own involvement, a casusoverleg item in its term
    if Regie.objects.filter(youth=person, status=RegieStatus.REQUESTED,
                            team_id__in=_social_team_ids(user)).exists():
        return True  # a regie request to the principal's sociaal team
    orgs, casework_orgs = _organisation_ids(user), _casework_organisation_ids(user)
    if Handover.objects.filter(youth=person).filter(
            sender_id__in=orgs).exists() or Handover.objects.filter(
            youth=person, receiver_id__in=casework_orgs).exclude(status="concept").exists():
        return True
    if SupportRequest.objects.filter(youth=person).filter(
            school_id__in=orgs).exists() or SupportRequest.objects.filter(
            youth=person, receiver_id__in=casework_orgs).exists():
        return True
    if Signal.objects.filter(youth=person, team_id__in=_casework_team_ids(user)).exists():
        return True
    if administers(user, person) and (
            PossibleDuplicate.objects.filter(status="open").filter(
                Q(youth=person) | Q(other=person)).exists()
            or YouthMerge.objects.filter(Q(kept=person) | Q(merged=person)).exists()):
        return True  # identifying details to decide on a duplicate or undo a merge
    if any(joint_assessment_in_scope(user, t) for t in person.trajectories.all()):
        return True  # the Doorstroompunt's list of youth awaiting a joint assessment
    return PortalAccount.objects.filter(user=user, youth=person).exists()


def test_the_matrix_notices_a_leak(monkeypatch):
    """The matrix itself is tested: when every user may see every youth, it reports leaks."""
    world = _world()
    monkeypatch.setattr("route27.youth.selectors.visible_q", lambda user: ~_nothing())
    detail = [route for route in routes() if route.name in {"youth:detail", "youth:list"}]
    leaks, errors, _ = run_matrix(world, detail)
    assert not errors
    assert ("coach_b", "youth:detail", "GET", 200) in leaks
    assert any(leak[:2] == ("coach_b", "youth:list") for leak in leaks)


def _nothing():
    from django.db.models import Q

    return Q(pk__in=[])

