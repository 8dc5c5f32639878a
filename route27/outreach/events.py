"""What the outreach app writes in the file and the audit log, and its entrance."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS
from route27.casefile.vocabularies import ENTRANCES


@EVENT_KINDS.register
class OutreachEventKind(models.TextChoices):
    NAMED_IN_DELIVERY = "named_in_delivery", _("Genoemd in een levering")
    OUTREACH_OPENED = "outreach_opened", _("Outreachzaak geopend")
    OUTREACH_ATTEMPT = "outreach_attempt", _("Poging tot contact")
    OUTREACH_CLOSED = "outreach_closed", _("Outreachzaak gesloten")


@AUDIT_OBJECTS.register
class OutreachObject(models.TextChoices):
    DELIVERY = "delivery", _("Levering (import)")
    OUTREACH_CASE = "outreach_case", _("Outreachzaak")
    OUTREACH_ATTEMPT = "outreach_attempt", _("Poging tot contact")
    STATUS_CONFIRMATION = "status_confirmation", _("Statusbevestiging")


@ENTRANCES.register
class OutreachEntrance(models.TextChoices):
    OUTREACH = "outreach", _("Outreach (jongere niet in beeld)")
