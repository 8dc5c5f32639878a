"""What the monitoring app writes in the audit log (reads of aggregates, no youth)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS


@AUDIT_OBJECTS.register
class MonitoringObject(models.TextChoices):
    DASHBOARD = "dashboard", _("Resultatendashboard")
    TARGET = "target", _("Streefcijfer")
    CAPACITY_NORM = "capacity_norm", _("Capaciteitsnorm")
