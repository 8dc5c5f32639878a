"""What Mijn Route27 writes in the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS


@AUDIT_OBJECTS.register
class PortalObject(models.TextChoices):
    PORTAL_ACCOUNT = "portal_account", _("Account Mijn Route27")
