"""Invitation and reminder: background tasks, deferred reminder, no personal data beyond the
first name."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from route27.appointments import notifications
from route27.appointments.models import Appointment, Mode
from route27.appointments.tests.factories import AppointmentFactory, tomorrow_at
from route27.core.jobs.testing import run_enqueued_tasks
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db

SENT = []


def fake_sms(phone, text):
    SENT.append((phone, text))


def _youth():
    return YouthFactory(given_names="Noor Fatima", family_name="Zqachternaam",
                        bsn="123456782", email="noor@example.org", phone="0612345678",
                        birth_year=2006, birth_month=3, birth_day=14)


def _plan(**kwargs):
    youth = _youth()
    return AppointmentFactory(trajectory=TrajectoryFactory(youth=youth, team=youth.team),
                              **kwargs)


def test_invitation_mail_has_first_name_only():
    appointment = _plan(starts_at=timezone.now() + datetime.timedelta(days=3))
    assert run_enqueued_tasks() == 1  # the invitation; the reminder waits
    [message] = mail.outbox
    body = message.subject + message.body
    assert "Noor" in body and "Fatima" not in body
    for personal in ("Zqachternaam", "123456782", "2006", "14-03", "14 maart", "0612345678"):
        assert personal not in body
    assert f"/afspraak/{appointment.token}/" in body
    assert str(appointment.public_id) not in body
    assert "Sanne" in body  # the coach's first name
    assert appointment.coach.last_name not in body or not appointment.coach.last_name


def test_reminder_is_deferred_to_the_day_before():
    appointment = _plan(starts_at=timezone.now() + datetime.timedelta(days=3))
    reminder = DBTaskResult.objects.get(task_path__endswith="appointment_reminder_task")
    assert reminder.run_after == notifications.reminder_at(appointment)
    assert timezone.localtime(reminder.run_after).date() == (
        timezone.localtime(appointment.starts_at).date() - datetime.timedelta(days=1))


def test_reminder_sends_once_and_not_for_a_cancelled_one():
    appointment = _plan(starts_at=timezone.now() + datetime.timedelta(days=3))
    assert notifications.appointment_reminder_task.call(str(appointment.public_id)) == 1
    assert notifications.appointment_reminder_task.call(str(appointment.public_id)) == 0
    assert "herinnering" in mail.outbox[-1].body.lower()
    Appointment.objects.filter(pk=appointment.pk).update(status="cancelled_by_coach")
    assert notifications.appointment_invitation_task.call(str(appointment.public_id)) == 0


def test_no_email_no_mail_and_sms_off_by_default():
    youth = YouthFactory(email="", phone="0612345678")
    AppointmentFactory(trajectory=TrajectoryFactory(youth=youth, team=youth.team),
                       starts_at=tomorrow_at(), mode=Mode.PHONE)
    run_enqueued_tasks()
    assert mail.outbox == []


def test_sms_through_the_configured_sender(settings):
    settings.ROUTE27_SMS_SENDER = "route27.appointments.tests.test_notifications.fake_sms"
    SENT.clear()
    _plan(starts_at=timezone.now() + datetime.timedelta(days=3))
    run_enqueued_tasks()
    [(phone, text)] = SENT
    assert phone == "0612345678" and "Zqachternaam" not in text and "Noor" in text
