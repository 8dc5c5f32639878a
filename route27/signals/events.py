"""What the signals app writes in the file and the audit log, and the entrances it opens."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS
from route27.casefile.vocabularies import ENTRANCES
from route27.signals.models import Source


@EVENT_KINDS.register
class SignalEventKind(models.TextChoices):
    SIGNAL_RECEIVED = "signal_received", _("Signaal ontvangen")


@AUDIT_OBJECTS.register
class SignalObject(models.TextChoices):
    SIGNAL = "signal", _("Signaal")

# Every signal entrance is an entrance of the file.
ENTRANCES.register(Source)
