"""The appointment use cases: validated, scoped, each with its event and audit row."""

import datetime

import pytest
from django.utils import timezone

from route27.appointments import services
from route27.appointments.models import Mode, Status
from route27.appointments.tests.factories import AppointmentFactory, tomorrow_at
from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.errors import Refused, TransitionRefused, ValidationFailed
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories.tests.factories import TrajectoryFactory

pytestmark = pytest.mark.django_db


def test_plan_writes_event_and_audit():
    appointment = AppointmentFactory(tomorrow=True, mode=Mode.PHONE, place="ignored")
    assert appointment.place == ""  # a place only for an appointment op locatie
    event = Event.objects.get(kind="appointment_planned", youth=appointment.youth)
    assert event.trajectory == appointment.trajectory
    assert event.data["appointment"] == str(appointment.public_id)
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="appointment",
                                     object_id=str(appointment.public_id),
                                     subject=appointment.youth).exists()
    assert len(appointment.token) >= 30 and appointment.token != str(appointment.pk)


def test_plan_on_site_needs_a_place_and_a_future_time(team):
    trajectory = TrajectoryFactory(youth__team=team, team=team)
    coach = member(Role.DOORSTROOMCOACH, team=team)
    with pytest.raises(ValidationFailed) as exc:
        services.appointment_plan(actor=coach, trajectory=trajectory,
                                  starts_at=timezone.now() - datetime.timedelta(days=2),
                                  mode=Mode.ON_SITE, place=" ")
    assert set(exc.value.field_errors) == {"starts_at", "place"}


def test_plan_refused_after_closure_and_without_reason(team, other_coach):
    trajectory = TrajectoryFactory(youth__team=team, team=team, closed=True)
    coach = member(Role.DOORSTROOMCOACH, team=team)
    with pytest.raises(TransitionRefused):
        services.appointment_plan(actor=coach, trajectory=trajectory, starts_at=tomorrow_at(),
                                  mode=Mode.PHONE)
    open_one = TrajectoryFactory(youth__team=team, team=team)
    with pytest.raises(Refused):
        services.appointment_plan(actor=other_coach, trajectory=open_one,
                                  starts_at=tomorrow_at(), mode=Mode.PHONE)


def test_no_show_is_an_event_in_the_file_and_a_contact_attempt():
    appointment = AppointmentFactory(no_show=True)
    assert appointment.status == Status.NO_SHOW
    event = Event.objects.get(kind="appointment_attendance", youth=appointment.youth)
    assert (event.from_state, event.to_state) == (Status.PLANNED, Status.NO_SHOW)
    assert event.data["contact_attempt"] is True
    appointment.trajectory.refresh_from_db()
    assert appointment.trajectory.last_contact_on is None  # not reached


def test_attended_moves_last_contact():
    appointment = AppointmentFactory(attended=True)
    appointment.trajectory.refresh_from_db()
    assert appointment.trajectory.last_contact_on == timezone.localdate(appointment.starts_at)


def test_attendance_once_and_not_before_it_started():
    appointment = AppointmentFactory(tomorrow=True)
    with pytest.raises(TransitionRefused):
        services.appointment_attendance_record(actor=appointment.coach,
                                               appointment=appointment, status=Status.NO_SHOW)
    # cancelling ahead is fine, once
    services.appointment_attendance_record(actor=appointment.coach, appointment=appointment,
                                           status=Status.CANCELLED_BY_YOUTH)
    with pytest.raises(TransitionRefused):
        services.appointment_attendance_record(actor=appointment.coach,
                                               appointment=appointment, status=Status.ATTENDED)
    past = AppointmentFactory(past=True)
    with pytest.raises(ValidationFailed):
        services.appointment_attendance_record(actor=past.coach, appointment=past,
                                               status="planned")


def test_cancel_by_coach():
    appointment = AppointmentFactory(tomorrow=True)
    services.appointment_cancel(actor=appointment.coach, appointment=appointment,
                                reason="Ziek")
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED_BY_COACH
    assert Event.objects.filter(kind="appointment_cancelled", reason="Ziek").exists()


def test_confirm_and_move_by_youth_are_audited_without_actor():
    appointment = AppointmentFactory(tomorrow=True)
    services.appointment_confirm_by_youth(appointment=appointment)
    services.appointment_confirm_by_youth(appointment=appointment)  # idempotent
    assert Event.objects.filter(kind="appointment_confirmed").count() == 1
    services.appointment_move_request(appointment=appointment, note="Liever woensdag")
    appointment.refresh_from_db()
    assert appointment.move_requested and appointment.confirmed_at is None
    assert appointment.move_note == "Liever woensdag"
    entry = AuditEntry.objects.filter(object_type="appointment").latest("id")
    assert entry.actor is None and entry.subject == appointment.youth
