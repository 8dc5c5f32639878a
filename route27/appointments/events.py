"""What the appointments app writes in the file and the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS


@EVENT_KINDS.register
class AppointmentEventKind(models.TextChoices):
    APPOINTMENT_PLANNED = "appointment_planned", _("Afspraak gepland")
    APPOINTMENT_CANCELLED = "appointment_cancelled", _("Afspraak afgezegd")
    APPOINTMENT_ATTENDANCE = "appointment_attendance", _("Aanwezigheid vastgelegd")
    APPOINTMENT_CONFIRMED = "appointment_confirmed", _("Afspraak bevestigd door jongere")
    APPOINTMENT_MOVE_REQUESTED = "appointment_move_requested", _(
        "Jongere vraagt een andere tijd")


@AUDIT_OBJECTS.register
class AppointmentObject(models.TextChoices):
    APPOINTMENT = "appointment", _("Afspraak")
