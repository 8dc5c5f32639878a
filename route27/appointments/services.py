"""Appointment use cases (issue 11 §2). Each is atomic, validated, and writes its file event
and audit row in one transaction (``casefile.services.record``). A no-show is an event in the
file and counts as a contact attempt (``last_contact_on`` is not moved: the youth was not
reached, but the attempt shows in the timeline). Invitations and reminders go out through
background tasks (``notifications``), enqueued in the same transaction."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27.appointments.events import AppointmentEventKind as Kind
from route27.appointments.models import ATTENDANCE, Appointment, Mode, Status
from route27.appointments.rules import appointment_read_only_reason
from route27.audit.models import AuditAction
from route27.casefile.services import record
from route27.core.errors import Refused, TransitionRefused, ValidationFailed

MAX_DURATION = datetime.timedelta(hours=8)
MOVE_NOTE_MAX = 500


def _refuse_unless_writes(actor, obj) -> None:
    reason = appointment_read_only_reason(actor, obj)
    if reason:
        raise Refused(reason)


def _locked(appointment: Appointment) -> Appointment:
    return (Appointment.objects.select_for_update()
            .select_related("youth", "trajectory", "coach").get(pk=appointment.pk))


def _facts(appointment: Appointment) -> dict:
    return {"starts_at": appointment.starts_at.isoformat(), "mode": appointment.mode}


@transaction.atomic
def appointment_plan(*, actor, trajectory, starts_at: datetime.datetime,
                     duration: datetime.timedelta = datetime.timedelta(minutes=45),
                     mode: str = Mode.ON_SITE, place: str = "", with_whom: str = "",
                     coach=None) -> Appointment:
    """Plan an appointment on the youth's open trajectory; the invitation (and the reminder the
    day before) are enqueued when the transaction commits."""
    _refuse_unless_writes(actor, trajectory)
    errors: dict[str, list[str]] = {}
    if mode not in Mode.values:
        errors["mode"] = [_("Kies hoe de afspraak plaatsvindt.")]
    if starts_at is None:
        errors["starts_at"] = [_("Vul datum en tijd in.")]
    elif starts_at < timezone.now() - datetime.timedelta(hours=12):
        errors["starts_at"] = [_("De afspraak ligt in het verleden.")]
    if not (datetime.timedelta(minutes=5) <= duration <= MAX_DURATION):
        errors["duration"] = [_("Kies een duur tussen 5 minuten en 8 uur.")]
    if mode == Mode.ON_SITE and not place.strip():
        errors["place"] = [_("Vul de plaats in voor een afspraak op locatie.")]
    if errors:
        raise ValidationFailed(_("Controleer de afspraak."), field_errors=errors)
    appointment = Appointment.objects.create(
        youth=trajectory.youth, trajectory=trajectory, coach=coach or actor,
        starts_at=starts_at, duration=duration, mode=mode,
        place=place.strip() if mode == Mode.ON_SITE else "", with_whom=with_whom.strip())
    record(actor=actor, kind=Kind.APPOINTMENT_PLANNED, about=appointment,
           action=AuditAction.CREATE, data=_facts(appointment))
    from route27.appointments import notifications

    notifications.schedule(appointment)
    return appointment


@transaction.atomic
def appointment_cancel(*, actor, appointment: Appointment, by_youth: bool = False,
                       reason: str = "") -> Appointment:
    """Cancel a planned appointment (by the coach, or on the youth's word)."""
    appointment = _locked(appointment)
    _refuse_unless_writes(actor, appointment)
    if not appointment.is_planned:
        raise TransitionRefused(_("Deze afspraak is niet meer gepland."))
    to = Status.CANCELLED_BY_YOUTH if by_youth else Status.CANCELLED_BY_COACH
    appointment.status = to
    appointment.save(update_fields=["status"])
    record(actor=actor, kind=Kind.APPOINTMENT_CANCELLED, about=appointment,
           from_state=Status.PLANNED, to_state=to, reason=reason.strip(),
           data=_facts(appointment))
    return appointment


@transaction.atomic
def appointment_attendance_record(*, actor, appointment: Appointment,
                                  status: str) -> Appointment:
    """Record what happened (one click): attended, no-show, or cancelled by youth or coach.
    Attended moves the trajectory's last contact; a no-show is a contact attempt in the file."""
    appointment = _locked(appointment)
    _refuse_unless_writes(actor, appointment)
    if status not in ATTENDANCE:
        raise ValidationFailed(_("Kies wat er met de afspraak is gebeurd."),
                               field_errors={"status": [_("Kies een geldige status.")]})
    if not appointment.is_planned:
        raise TransitionRefused(_("Voor deze afspraak is al vastgelegd wat er gebeurde."))
    if status in (Status.ATTENDED, Status.NO_SHOW) and appointment.starts_at > timezone.now():
        raise TransitionRefused(_("Deze afspraak is nog niet begonnen."))
    previous, appointment.status = appointment.status, status
    appointment.save(update_fields=["status"])
    day = timezone.localdate(appointment.starts_at)
    trajectory = appointment.trajectory
    if status == Status.ATTENDED and (trajectory.last_contact_on is None
                                      or day > trajectory.last_contact_on):
        trajectory.last_contact_on = day
        trajectory.save(update_fields=["last_contact_on"])
    record(actor=actor, kind=Kind.APPOINTMENT_ATTENDANCE, about=appointment,
           occurred_on=day, from_state=previous, to_state=status,
           data={**_facts(appointment), "contact_attempt": True})
    return appointment


@transaction.atomic
def appointment_confirm_by_youth(*, appointment: Appointment) -> Appointment:
    """The youth says "Ik kom" through the link. Idempotent: a second click changes nothing."""
    appointment = _locked(appointment)
    if not appointment.is_planned:
        raise TransitionRefused(_("Deze afspraak gaat niet meer door."))
    if appointment.confirmed_at is not None:
        return appointment
    appointment.confirmed_at = timezone.now()
    appointment.move_requested_at = None
    appointment.save(update_fields=["confirmed_at", "move_requested_at"])
    record(actor=None, kind=Kind.APPOINTMENT_CONFIRMED, about=appointment,
           data=_facts(appointment), detail={"by": "youth_link"})
    return appointment


@transaction.atomic
def appointment_move_request(*, appointment: Appointment, note: str = "") -> Appointment:
    """The youth asks for another time through the link, with an optional note for the coach."""
    appointment = _locked(appointment)
    if not appointment.is_planned:
        raise TransitionRefused(_("Deze afspraak gaat niet meer door."))
    note = note.strip()
    if len(note) > MOVE_NOTE_MAX:
        raise ValidationFailed(_("De toelichting is te lang."),
                               field_errors={"note": [_("Maximaal 500 tekens.")]})
    appointment.move_requested_at = timezone.now()
    appointment.move_note = note
    appointment.confirmed_at = None
    appointment.save(update_fields=["move_requested_at", "move_note", "confirmed_at"])
    record(actor=None, kind=Kind.APPOINTMENT_MOVE_REQUESTED, about=appointment,
           data=_facts(appointment), detail={"by": "youth_link"})
    return appointment
