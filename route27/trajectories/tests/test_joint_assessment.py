"""The joint-assessment reason (ACCESS.md; Pw art. 7a lid 2, ``law.R_JOINT``).

When the route engine asks for a joint assessment with the Doorstroompunt, the doorstroomcoach
of the Doorstroompunt serving the youth's region sees the identity (name, birth date,
municipality; no BSN), the education and work domains of the intake, the route facts and the
proposal, and records the assessment. No special categories, never the file; a Doorstroompunt of
another region gets the 404 of an unknown id; the reason ends when the assessment is recorded.
"""

import datetime

import pytest
from django.utils import timezone

from route27 import law
from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.errors import Refused, TransitionRefused
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    AMSTELVEEN,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories import selectors, services
from route27.trajectories.events import TrajectoryEventKind
from route27.trajectories.models import JointAssessment
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db
EDUCATION = "Gestopt met de entreeopleiding (test-onderwijs)."
WORK = "Vakantiewerk in de kassen (test-werk)."
HEALTH = "Slaapproblemen en angst (test-gezondheid)."
DEBTS = "Schuld bij de zorgverzekeraar (test-schulden)."
WISHES = "Wil graag dieren verzorgen (test-wensen)."


@pytest.fixture
def aalsmeer_team(db):
    aalsmeer = real_municipality(AALSMEER)
    gemeente = OrganisationFactory(name="Gemeente Aalsmeer (test)", municipality=aalsmeer)
    return TeamFactory(organisation=gemeente, serves=[aalsmeer])


@pytest.fixture
def gemeente_coach(aalsmeer_team):
    return member(Role.DOORSTROOMCOACH, team=aalsmeer_team)


def _doorstroompunt_coach(code: str, name: str):
    org = OrganisationFactory(name=name, type=OrganisationType.DOORSTROOMPUNT,
                              municipality=real_municipality(code))
    return member(Role.DOORSTROOMCOACH, team=TeamFactory(organisation=org))


@pytest.fixture
def dsp_coach(db):
    """Doorstroompunt Agglomeratie Amsterdam sits in Amstelveen: the region of Aalsmeer."""
    return _doorstroompunt_coach(AMSTELVEEN, "Doorstroompunt Agglomeratie Amsterdam (test)")


@pytest.fixture
def other_dsp_coach(db):
    return _doorstroompunt_coach(UTRECHT, "Doorstroompunt Utrecht (test)")


def _asking(trajectory, actor):
    """A route proposal that asks for the joint assessment: came in by themself, vmbo, whether
    school is possible still open; multi-problem (a notice the Doorstroompunt must not see)."""
    facts = law.Facts(reference_date=timezone.localdate(), birth=trajectory.youth.birth_date,
                      arrival=law.Arrival.SELF, highest_diploma=law.Diploma.VMBO,
                      multi_problem=True, school_left_on=datetime.date(2024, 6, 30))
    decision = services.route_propose(actor=actor, trajectory=trajectory, facts=facts)
    assert decision.proposed_route == law.Route.JOINT_ASSESSMENT
    return decision


@pytest.fixture
def trajectory(aalsmeer_team, gemeente_coach):
    youth = YouthFactory(team=aalsmeer_team, municipality=aalsmeer_team.serves.get(),
                         bsn=valid_bsn(850), family_name="Zqwachtend", adult=True)
    trajectory = TrajectoryFactory(youth=youth, team=aalsmeer_team, actor=gemeente_coach)
    services.intake_record(actor=gemeente_coach, trajectory=trajectory, intensity="licht",
                           wishes=WISHES, answers={
                               "onderwijs": {"situation": EDUCATION},
                               "werk": {"situation": WORK},
                               "gezondheid": {"situation": HEALTH},
                               "schulden": {"situation": DEBTS}})
    _asking(trajectory, gemeente_coach)
    return trajectory


def _url(trajectory) -> str:
    return f"/trajecten/{trajectory.public_id}/gezamenlijke-beoordeling/"


def test_the_doorstroompunt_of_the_region_sees_only_the_scope(client, trajectory, dsp_coach):
    client.force_login(dsp_coach)
    assert 'href="/trajecten/gezamenlijke-beoordeling/"' in client.get("/").content.decode()
    listing = client.get("/trajecten/gezamenlijke-beoordeling/")
    assert listing.status_code == 200
    assert "Zqwachtend" in listing.content.decode()

    response = client.get(_url(trajectory))
    assert response.status_code == 200
    page = response.content.decode()
    youth = trajectory.youth
    for shown in (youth.family_name, youth.municipality.name, str(youth.birth_date), EDUCATION,
                  WORK, law.route_label(law.Route.JOINT_ASSESSMENT), "Hoogste diploma",
                  "30-06-2024"):
        assert shown in page, shown
    for hidden in (youth.bsn, HEALTH, DEBTS, WISHES, "multiproblematiek", "Multiproblematiek",
                   "Gezondheid", "Schulden"):
        assert hidden not in page, hidden
    assert AuditEntry.objects.filter(actor=dsp_coach, action=AuditAction.READ,
                                     subject=youth).count() == 2  # the list row and the page


def test_the_reason_is_not_the_file(client, trajectory, dsp_coach):
    client.force_login(dsp_coach)
    assert client.get(f"/jongeren/{trajectory.youth.public_id}/").status_code == 404
    assert client.get(f"/api/v1/trajecten/{trajectory.public_id}").status_code == 404
    assert client.get(f"/trajecten/{trajectory.public_id}/intake/").status_code == 404
    assert not selectors.trajectories_visible_to(dsp_coach).exists()


def test_a_doorstroompunt_of_another_region_gets_not_found(client, trajectory, other_dsp_coach):
    client.force_login(other_dsp_coach)
    listing = client.get("/trajecten/gezamenlijke-beoordeling/")
    assert "Zqwachtend" not in listing.content.decode()
    outside = client.get(_url(trajectory))
    unknown = client.get("/trajecten/00000000-0000-4000-8000-000000000000/"
                         "gezamenlijke-beoordeling/")
    assert outside.status_code == unknown.status_code == 404
    denied = AuditEntry.objects.filter(actor=other_dsp_coach, action=AuditAction.DENIED)
    assert denied.count() == 2
    assert denied.filter(object_type="joint_assessment",
                         object_id=str(trajectory.public_id)).exists()
    with pytest.raises(Refused):
        services.joint_assessment_record(actor=other_dsp_coach, trajectory=trajectory,
                                         school_possible="no", explanation="Niet van ons.")


def test_a_gemeente_coach_has_no_joint_assessment_pages(client, trajectory, gemeente_coach):
    client.force_login(gemeente_coach)
    assert client.get("/trajecten/gezamenlijke-beoordeling/").status_code == 403
    assert client.get(_url(trajectory)).status_code == 403
    assert AuditEntry.objects.filter(actor=gemeente_coach, action=AuditAction.DENIED).count() == 2


def test_recording_the_assessment_ends_the_reason(client, trajectory, dsp_coach, gemeente_coach):
    client.force_login(dsp_coach)
    response = client.post(_url(trajectory), {
        "school_possible": "no", "explanation": "Samen besproken: eerst werken en leren."})
    assert response.status_code == 302
    assessment = JointAssessment.objects.get(trajectory=trajectory)
    assert assessment.school_possible == "no"
    assert assessment.doorstroompunt.type == OrganisationType.DOORSTROOMPUNT
    event = Event.objects.get(kind=TrajectoryEventKind.JOINT_ASSESSMENT_RECORDED)
    assert event.actor == dsp_coach and event.youth == trajectory.youth
    assert AuditEntry.objects.filter(actor=dsp_coach, action=AuditAction.CREATE,
                                     object_type="joint_assessment").count() == 1

    # The reason has ended: no row, and the page is the 404 of an unknown id.
    assert not selectors.joint_assessments_for(dsp_coach).exists()
    assert client.get(_url(trajectory)).status_code == 404
    with pytest.raises(TransitionRefused):
        services.joint_assessment_record(actor=dsp_coach, trajectory=trajectory,
                                         school_possible="yes", explanation="Nog een keer.")

    # The gemeente sees the outcome on the file, and the route form starts from it.
    client.force_login(gemeente_coach)
    page = client.get(f"/jongeren/{trajectory.youth.public_id}/").content.decode()
    assert "Gezamenlijke beoordeling met" in page
    form = client.get(f"/trajecten/{trajectory.public_id}/route/").context["form"]
    assert form.initial["school_possible"] == "no"


def test_the_form_asks_for_an_outcome_and_an_explanation(client, trajectory, dsp_coach):
    client.force_login(dsp_coach)
    response = client.post(_url(trajectory), {"school_possible": "", "explanation": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"school_possible", "explanation"}
    assert not JointAssessment.objects.exists()


def test_the_reason_lasts_while_the_route_asks_for_it(trajectory, dsp_coach, gemeente_coach):
    assert selectors.joint_assessments_for(dsp_coach).get() == trajectory
    # Another proposal that no longer asks (school is not possible): the reason ends.
    facts = law.Facts(reference_date=timezone.localdate(), birth=trajectory.youth.birth_date,
                      arrival=law.Arrival.SELF, highest_diploma=law.Diploma.VMBO,
                      school_possible=law.Judgement.NO)
    services.route_propose(actor=gemeente_coach, trajectory=trajectory, facts=facts)
    assert not selectors.joint_assessments_for(dsp_coach).exists()
    # Asked again by a new proposal: the reason opens again for that proposal.
    _asking(trajectory, gemeente_coach)
    assert selectors.joint_assessments_for(dsp_coach).get() == trajectory
    # Closing the trajectory ends it too.
    services.trajectory_outflow(actor=gemeente_coach, trajectory=trajectory, reason="verhuisd",
                                on=timezone.localdate())
    assert not selectors.joint_assessments_for(dsp_coach).exists()


def test_a_doorstroompunt_that_serves_the_region_through_a_team(trajectory):
    """``serves_region_of``: sitting in another region, a team serving a municipality of the
    youth's region is enough."""
    org = OrganisationFactory(name="Doorstroompunt elders (test)",
                              type=OrganisationType.DOORSTROOMPUNT,
                              municipality=real_municipality(UTRECHT))
    coach = member(Role.DOORSTROOMCOACH, team=TeamFactory(
        organisation=org, serves=[real_municipality(AMSTELVEEN)]))
    assert selectors.joint_assessments_for(coach).get() == trajectory
    assert selectors.doorstroompunt_serving(coach, trajectory.youth.municipality) == org
