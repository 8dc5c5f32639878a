import pytest
from django.core.management import call_command

from route27.conftest import DEMO_YOUTH_PER_MUNICIPALITY_IN_TESTS as PER_MUNICIPALITY
from route27.demo.collaboration import OUTREACH_PEOPLE
from route27.demo.loader import DEMO_MUNICIPALITIES, USERS, _test_bsns
from route27.organisations.models import Membership, User
from route27.organisations.roles import Role
from route27.trajectories.selectors import joint_assessments_for
from route27.youth.models import PossibleDuplicate, Youth
from route27.youth.selectors import youth_visible_to

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_scoped():
    call_command("load_reference_data")
    call_command("load_demo_data")
    call_command("load_demo_data")
    total = PER_MUNICIPALITY * len(DEMO_MUNICIPALITIES)
    # and one possible duplicate without a BSN, and the demo delivery's outreach cases
    assert Youth.objects.count() == total + 1 + OUTREACH_PEOPLE
    assert Youth.objects.exclude(bsn=None).values("bsn").distinct().count() == \
        total + OUTREACH_PEOPLE
    assert PossibleDuplicate.objects.get().status == PossibleDuplicate.Status.OPEN
    assert {m.role for m in Membership.objects.all()} == set(Role)
    assert len(USERS) == User.objects.filter(memberships__isnull=False).distinct().count()
    coach = User.objects.get(username="doorstroomcoach.aalsmeer")
    visible = youth_visible_to(coach)
    assert visible.count() == PER_MUNICIPALITY + 1
    assert set(visible.values_list("municipality__name", flat=True)) == {"Aalsmeer"}
    assert not youth_visible_to(User.objects.get(username="zonderteam")).exists()


def test_login_page_lists_demo_accounts(client, settings):
    call_command("load_reference_data")
    call_command("load_demo_data")
    settings.DEMO_MODE = True
    content = client.get("/inloggen/").content.decode()
    assert "doorstroomcoach.aalsmeer" in content
    assert "route27-demo" in content
    settings.DEMO_MODE = False
    assert "doorstroomcoach.aalsmeer" not in client.get("/inloggen/").content.decode()


def test_the_doorstroompunt_has_a_youth_to_assess_jointly():
    """The demo's Doorstroompunt coach finds one youth of its region on "Gezamenlijke
    beoordeling" (art. 7a lid 2), and no file."""
    call_command("load_reference_data")
    call_command("load_demo_data")
    call_command("load_demo_data")
    dsp = User.objects.get(username="doorstroompunt.amstelland")
    rows = joint_assessments_for(dsp)
    assert rows.count() == 1
    assert rows.get().youth.municipality.name == "Aalsmeer"
    assert not youth_visible_to(dsp).exists()


def test_the_demo_tells_a_history_over_the_year():
    """Issue 11 §7: histories spread over the year, routes decided by the engine, contact roles
    that fit age and route, every step and every outflow reason, appointments this week."""
    from django.utils import timezone

    from route27 import law
    from route27.appointments.models import Appointment, Status
    from route27.casefile.models import Event
    from route27.trajectories.models import OutflowReason, Trajectory
    from route27.trajectories.selectors import contact_fit_for
    from route27.trajectories.workflow import Step
    from route27.youth.models import ContactAssignment

    call_command("load_reference_data")
    call_command("load_demo_data")
    today = timezone.localdate()
    months = {e.occurred_at.date().replace(day=1) for e in Event.objects.all()}
    assert len(months) >= 6  # not all at the moment of loading
    trajectories = Trajectory.objects.select_related("youth")
    assert set(Step) - {Step.HANDED_BACK} <= set(trajectories.values_list("step", flat=True))
    assert set(trajectories.exclude(outflow_reason="").values_list(
        "outflow_reason", flat=True)) == set(OutflowReason.values)
    past_intake = trajectories.exclude(step__in=[Step.SIGNAL, Step.INTAKE])
    assert past_intake.exists() and not past_intake.filter(route="").exists()
    assert {law.Route.WORK, law.Route.BACK_TO_SCHOOL} <= set(
        past_intake.values_list("route", flat=True))
    for assignment in ContactAssignment.objects.filter(ended_at__isnull=True).select_related(
            "youth"):
        trajectory = trajectories.filter(youth=assignment.youth, closed_on__isnull=True).first()
        fit = contact_fit_for(trajectory, assignment.youth, current_role=assignment.role,
                              today=today)
        assert fit.value != law.CONTACT_DOES_NOT_FIT, (assignment.youth, assignment.role)
    coach = User.objects.get(username="doorstroomcoach.aalsmeer")
    mine = Appointment.objects.filter(coach=coach)
    assert mine.filter(starts_at__date=today).count() == 2
    assert mine.filter(starts_at__date__lt=today, status=Status.PLANNED).exists()
    from route27.handover.models import Handover

    assert set(Handover.objects.filter(sender__name="Mbo-college Amstelland (demo)")
               .values_list("status", flat=True)) == {"concept", "sent", "accepted", "returned"}


def test_the_full_demo_has_a_test_bsn_for_every_youth(settings):
    """`make run` loads ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY (200) youth in each municipality,
    each with its own BSN from the RvIG test set."""
    assert settings.ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY == PER_MUNICIPALITY  # the tests' size
    # + the leavers' import and the demo delivery of issue 13
    assert len(_test_bsns()) >= len(DEMO_MUNICIPALITIES) * 200 + 10 + 12


def test_every_team_has_a_contact_for_minors():
    """Minors have the leerplichtambtenaar as contact (law.contact_fit), so every demo youth
    team has one — else its minors would only wait in the queue."""
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    from route27.youth.models import ContactAssignment

    for code in DEMO_MUNICIPALITIES:
        assert ContactAssignment.objects.filter(
            ended_at=None, role=Role.LEERPLICHTAMBTENAAR, youth__municipality__code=code,
        ).exists(), code


def test_the_demo_shows_collaboration_and_outreach():
    """Issue 13: the sociaal-team demo user has regie over two youth and sees their files; a
    casusoverleg series with last week's minutes put an action on Sanne's task list; a Jongeren
    in Beeld delivery opened outreach cases; the catalogue has Groot Amsterdam's offer."""
    from route27.casework.models import CaseMeeting, MeetingAction
    from route27.outreach.models import OutreachCase
    from route27.trajectories.models import Instrument

    call_command("load_reference_data")
    call_command("load_demo_data")
    social = User.objects.get(username="sociaalteam.amstelland")
    assert youth_visible_to(social).count() == 2
    assert CaseMeeting.objects.filter(series__isnull=False).count() == 6
    assert MeetingAction.objects.filter(owner=social, done_at__isnull=True).exists()
    assert OutreachCase.objects.count() == OUTREACH_PEOPLE
    # Three regional offers of the catalogue and the programme's final maatregel (issue 15).
    assert Instrument.objects.filter(scope="region").count() == 4
    assert Instrument.objects.get(name="Jongerenloket Amstelland").uses.count() == 6
