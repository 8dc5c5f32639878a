"""Invitations and reminders to the youth (issue 11 §2), sent by background tasks (ADR 0012,
ADR 0013). A task gets the appointment's public id only, never data. The message holds no
personal data beyond the youth's first name: date, time, mode, place, the coach's first name and
the link to confirm or move (``/afspraak/<token>/``).

- E-mail when the youth has an address.
- SMS only when ``ROUTE27_SMS_SENDER`` names a callable ``send(phone: str, text: str)``; the
  default (``""``) sends none. No provider is built in.
- The reminder is a task enqueued with ``run_after`` = the day before at
  ``REMINDER_HOUR`` (django-tasks-db supports deferred tasks); when it runs it checks that the
  appointment is still planned at that time and that no reminder went out yet.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from route27.appointments.models import Appointment, Status

logger = logging.getLogger(__name__)

REMINDER_HOUR = 10  # local time, the day before


def first_name(youth) -> str:
    return (youth.given_names or "").split()[0] if youth.given_names else ""


def link(appointment: Appointment) -> str:
    base = getattr(settings, "ROUTE27_PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")
    return base + reverse("appointment_link:show", args=[appointment.token])


def message(appointment: Appointment, *, reminder: bool) -> tuple[str, str]:
    """(subject, body) in Dutch: the youth's language in this municipality."""
    context = {"first_name": first_name(appointment.youth),
               "coach_first_name": appointment.coach.first_name,
               "starts_at": timezone.localtime(appointment.starts_at),
               "mode": appointment.get_mode_display(), "place": appointment.place,
               "link": link(appointment), "reminder": reminder}
    with translation.override("nl"):
        subject = render_to_string("appointments/mail/subject.txt", context).strip()
        body = render_to_string("appointments/mail/invitation.txt", context)
    return subject, body


def reminder_at(appointment: Appointment) -> datetime.datetime:
    day_before = timezone.localtime(appointment.starts_at).date() - datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_before,
                                                         datetime.time(REMINDER_HOUR)))


def schedule(appointment: Appointment) -> None:
    """Enqueue the invitation now and the reminder for the day before (in the caller's
    transaction: the database backend writes the task rows in it)."""
    appointment_invitation_task.enqueue(str(appointment.public_id))
    when = reminder_at(appointment)
    if when > timezone.now():
        appointment_reminder_task.using(run_after=when).enqueue(str(appointment.public_id))


def _sms_sender():
    path = getattr(settings, "ROUTE27_SMS_SENDER", "")
    return import_string(path) if path else None


def _send(appointment: Appointment, *, reminder: bool) -> int:
    """Send by every configured channel; how many messages went out."""
    subject, body = message(appointment, reminder=reminder)
    sent = 0
    if appointment.youth.email:
        sent += send_mail(subject, body, None, [appointment.youth.email])
    sender = _sms_sender()
    if sender is not None and appointment.youth.phone:
        sender(appointment.youth.phone, body)
        sent += 1
    return sent


@task()
def appointment_invitation_task(appointment_id: str) -> int:
    appointment = (Appointment.objects.select_related("youth", "coach")
                   .filter(public_id=appointment_id, status=Status.PLANNED).first())
    if appointment is None:
        return 0
    return _send(appointment, reminder=False)


@task()
def appointment_reminder_task(appointment_id: str) -> int:
    with transaction.atomic():
        appointment = (Appointment.objects.select_for_update()
                       .filter(public_id=appointment_id, status=Status.PLANNED,
                               reminder_sent_at__isnull=True,
                               starts_at__gt=timezone.now()).first())
        if appointment is None:
            return 0
        appointment.reminder_sent_at = timezone.now()
        appointment.save(update_fields=["reminder_sent_at"])
    appointment = Appointment.objects.select_related("youth", "coach").get(pk=appointment.pk)
    return _send(appointment, reminder=True)
