"""Reads of appointments, always through the youth scope (``youth.access``): a user sees an
appointment only while they have a reason for the youth's file."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from route27.appointments.events import AppointmentObject
from route27.appointments.models import Appointment, Status
from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_reads
from route27.core.errors import NotFound
from route27.youth.access import visible_q
from route27.youth.models import Youth


def appointments_visible_to(user) -> QuerySet[Appointment]:
    return Appointment.objects.filter(
        youth__in=Youth.objects.filter(visible_q(user), merged_into__isnull=True))


def _listed(qs: QuerySet[Appointment]) -> QuerySet[Appointment]:
    return qs.select_related("youth", "trajectory").order_by("starts_at", "id")


def appointments_log_shown(*, user, appointments, purpose: str = Purpose.CASEWORK) -> None:
    """One read row per appointment shown (one insert)."""
    record_reads(user=user, shown=appointments, purpose=purpose)


def appointments_for(user, *, start: datetime.datetime, end: datetime.datetime,
                     log: bool = True) -> list[Appointment]:
    """The user's own appointments (as coach) from ``start`` up to ``end``, ordered, with the
    youth (for the name) loaded; logged as read when ``log`` (the caller shows them)."""
    shown = list(_listed(appointments_visible_to(user)
                         .filter(coach=user, starts_at__gte=start, starts_at__lt=end)))
    if log:
        appointments_log_shown(user=user, appointments=shown)
    return shown


def appointments_due_attendance(user, *, now: datetime.datetime | None = None,
                                log: bool = True) -> list[Appointment]:
    """The user's own past appointments whose attendance is not recorded yet."""
    now = now or timezone.now()
    shown = list(_listed(appointments_visible_to(user)
                         .filter(coach=user, starts_at__lt=now, status=Status.PLANNED)))
    if log:
        appointments_log_shown(user=user, appointments=shown)
    return shown


def appointments_of_youth(*, user, youth) -> list[Appointment]:
    """The appointments in this youth's file (the caller has found the youth; not logged again
    beyond the file's own read)."""
    return list(appointments_visible_to(user).filter(youth=youth)
                .select_related("coach").order_by("starts_at", "id"))


def appointment_get(*, user, public_id, purpose: str = Purpose.CASEWORK) -> Appointment:
    """One appointment the user may see; NotFound and a denied row otherwise."""
    appointment = (appointments_visible_to(user).select_related("youth", "trajectory", "coach")
                   .filter(public_id=public_id).first())
    if appointment is None:
        record_denied(user=user, object_type=AppointmentObject.APPOINTMENT, object_id=public_id,
                      purpose=purpose)
        raise NotFound(_("Deze afspraak is niet gevonden of u heeft geen toegang."))
    return appointment


def appointment_by_token(token: str) -> Appointment | None:
    """The appointment behind a youth's link, or None (the page answers a neutral 404)."""
    if not token or len(token) > 64:
        return None
    return (Appointment.objects.select_related("youth", "coach")
            .filter(token=token).first())
