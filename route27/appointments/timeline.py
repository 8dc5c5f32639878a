"""The one-line summaries of the appointment events on the file's timeline
(``casefile.timeline``): when, how, and what happened (a no-show reads as one)."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from route27.appointments.events import AppointmentEventKind as Kind
from route27.appointments.models import Mode, Status
from route27.casefile.models import Event
from route27.casefile.timeline import register_summary


def _when(data: dict) -> str:
    moment = parse_datetime(data.get("starts_at") or "")
    if not isinstance(moment, datetime.datetime):
        return ""
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def summarise(event: Event, prepared=None) -> str:
    data = event.data or {}
    parts = [_when(data), dict(Mode.choices).get(data.get("mode"), "")]
    if event.kind in (Kind.APPOINTMENT_ATTENDANCE, Kind.APPOINTMENT_CANCELLED):
        parts.append(dict(Status.choices).get(event.to_state, ""))
    return " · ".join(str(part) for part in parts if part)


register_summary(Kind, summarise)
