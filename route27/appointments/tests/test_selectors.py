"""The selectors the home page calls: own appointments in a window, and those due attendance."""

import datetime

import pytest
from django.utils import timezone

from route27.appointments import selectors
from route27.appointments.models import Status
from route27.appointments.tests.factories import AppointmentFactory
from route27.audit.models import AuditAction, AuditEntry
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db


def _own(coach, team, **kwargs):
    youth = YouthFactory(team=team)
    ContactAssignmentFactory(youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
    return AppointmentFactory(trajectory=TrajectoryFactory(youth=youth, team=team), coach=coach,
                              **kwargs)


def test_appointments_for_is_own_ordered_and_logged(coach, team):
    later = _own(coach, team, tomorrow=True)
    sooner = _own(coach, team)
    AppointmentFactory()  # someone else's
    now = timezone.now()
    shown = selectors.appointments_for(coach, start=now, end=now + datetime.timedelta(days=7))
    assert shown == [sooner, later]
    assert shown[0].youth.given_names  # loaded with the appointment
    reads = AuditEntry.objects.filter(actor=coach, action=AuditAction.READ,
                                      object_type="appointment")
    assert {r.object_id for r in reads} == {str(sooner.public_id), str(later.public_id)}


def test_a_coach_without_a_reason_sees_nothing(coach, team, other_coach):
    appointment = _own(coach, team)
    now = timezone.now()
    # The coach's reason ends: the appointment goes from their list.
    appointment.youth.contact_assignments.update(ended_at=now)
    appointment.youth.team = None
    appointment.youth.save(update_fields=["team"])
    assert selectors.appointments_for(coach, start=now,
                                      end=now + datetime.timedelta(days=1)) == []


def test_due_attendance_is_past_and_still_planned(coach, team):
    due = _own(coach, team, past=True)
    _own(coach, team, no_show=True)
    _own(coach, team)
    assert selectors.appointments_due_attendance(coach) == [due]
    assert due.status == Status.PLANNED


def test_appointment_get_outside_scope_is_denied(coach, other_coach):
    from route27.core.errors import NotFound

    appointment = AppointmentFactory()
    with pytest.raises(NotFound):
        selectors.appointment_get(user=other_coach, public_id=appointment.public_id)
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor=other_coach,
                                     object_type="appointment").exists()


def test_other_member_of_team_sees_in_scope(team):
    colleague = member(Role.DOORSTROOMCOACH, team=team)
    appointment = AppointmentFactory(trajectory=TrajectoryFactory(youth=YouthFactory(team=team),
                                                                  team=team))
    assert selectors.appointment_get(user=colleague, public_id=appointment.public_id) == appointment
