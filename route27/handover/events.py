"""What the handover app writes in the file and the audit log, and the entrances it opens."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS
from route27.casefile.vocabularies import ENTRANCES
from route27.handover.kinds import HandoverKind


@EVENT_KINDS.register
class HandoverEventKind(models.TextChoices):
    HANDOVER_CHANGED = "handover_changed", _("Overdracht gewijzigd")
    CONSENT_GIVEN = "consent_given", _("Toestemming gegeven")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Toestemming ingetrokken")
    SUPPORT_REQUEST_CHANGED = "support_request_changed", _("Verzoek om ondersteuning gewijzigd")


@AUDIT_OBJECTS.register
class HandoverObject(models.TextChoices):
    HANDOVER = "handover", _("Overdracht")
    SUPPORT_REQUEST = "support_request", _("Verzoek om ondersteuning")
    LEAVERS_IMPORT = "leavers_import", _("Import schoolverlaters")


def entrance_for(kind: str) -> str:
    """The entrance a trajectory opened by an accepted handover of this kind gets."""
    return f"handover_{kind}"


HandoverEntrance = models.TextChoices(
    "HandoverEntrance",
    [(entrance_for(kind.value).upper(), (entrance_for(kind.value),
                                         format_lazy(_("Overdracht {kind}"), kind=kind.label)))
     for kind in HandoverKind],
    module=__name__,
)
ENTRANCES.register(HandoverEntrance)


@ENTRANCES.register
class SupportRequestEntrance(models.TextChoices):
    SUPPORT_REQUEST = "support_request", _("Verzoek om ondersteuning tijdens school")
