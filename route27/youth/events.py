"""What the youth app writes in the file and the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS


@EVENT_KINDS.register
class YouthEventKind(models.TextChoices):
    YOUTH_REGISTERED = "youth_registered", _("Jongere geregistreerd")
    YOUTH_UPDATED = "youth_updated", _("Gegevens jongere gewijzigd")
    CONTACT_PERSON_CHANGED = "contact_person_changed", _("Vaste contactpersoon gewijzigd")
    CONTACT_PERSON_ENDED = "contact_person_ended", _("Vaste contactpersoon beëindigd")
    POSSIBLE_DUPLICATE_RAISED = "possible_duplicate_raised", _("Mogelijk dubbel dossier gemeld")


@AUDIT_OBJECTS.register
class YouthObject(models.TextChoices):
    YOUTH = "youth", _("Jongere")
    CONTACT_ASSIGNMENT = "contact_assignment", _("Vaste contactpersoon")
    POSSIBLE_DUPLICATE = "possible_duplicate", _("Mogelijk dubbel dossier")
