"""``AppointmentFactory`` plans through ``appointment_plan`` (event, audit, tasks enqueued),
by the youth's contact person (a doorstroomcoach of the team, made when not given).

Traits: ``tomorrow`` (tomorrow 10:00), ``past`` (an hour ago, still planned: due for
attendance), ``no_show`` / ``attended`` (an hour ago, recorded through
``appointment_attendance_record``). A ``starts_at`` in the past is written onto the row after
planning (the service refuses to plan in the past), as raw column state."""

import datetime

import factory
from django.utils import timezone

from route27.appointments import services
from route27.appointments.models import Appointment, Mode, Status
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import ContactAssignmentFactory


def _in(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


def tomorrow_at(hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    trajectory = factory.SubFactory(TrajectoryFactory)
    coach = None
    starts_at = factory.LazyFunction(lambda: _in(2))
    duration = datetime.timedelta(minutes=45)
    mode = Mode.ON_SITE
    place = "Stadhuis, kamer 3"
    with_whom = ""
    record_status = ""

    class Params:
        tomorrow = factory.Trait(starts_at=factory.LazyFunction(tomorrow_at))
        past = factory.Trait(starts_at=factory.LazyFunction(lambda: _in(-1)))
        no_show = factory.Trait(starts_at=factory.LazyFunction(lambda: _in(-1)),
                                record_status=Status.NO_SHOW)
        attended = factory.Trait(starts_at=factory.LazyFunction(lambda: _in(-1)),
                                 record_status=Status.ATTENDED)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        trajectory, coach = kwargs.pop("trajectory"), kwargs.pop("coach")
        status, starts_at = kwargs.pop("record_status"), kwargs.pop("starts_at")
        if coach is None:
            coach = member(Role.DOORSTROOMCOACH, team=trajectory.team, first_name="Sanne")
            ContactAssignmentFactory(youth=trajectory.youth, user=coach,
                                     role=Role.DOORSTROOMCOACH)
        in_past = starts_at < timezone.now()
        appointment = services.appointment_plan(
            actor=coach, trajectory=trajectory, starts_at=_in(1) if in_past else starts_at,
            duration=kwargs.pop("duration"), mode=kwargs.pop("mode"),
            place=kwargs.pop("place"), with_whom=kwargs.pop("with_whom"))
        if in_past:
            Appointment.objects.filter(pk=appointment.pk).update(starts_at=starts_at)
            appointment.refresh_from_db()
        if status:
            appointment = services.appointment_attendance_record(
                actor=coach, appointment=appointment, status=status)
        return appointment
