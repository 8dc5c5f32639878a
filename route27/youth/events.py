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
    CONTACT_COVER_STARTED = "contact_cover_started", _("Waarneming contactpersoon gestart")
    CONTACT_COVER_ENDED = "contact_cover_ended", _("Waarneming contactpersoon beëindigd")
    POSSIBLE_DUPLICATE_RAISED = "possible_duplicate_raised", _("Mogelijk dubbel dossier gemeld")
    POSSIBLE_DUPLICATE_DISMISSED = "possible_duplicate_dismissed", _(
        "Beoordeeld: verschillende personen")
    BSN_TO_CHECK = "bsn_to_check", _("BSN verwijderd: controleer het BSN met de jongere")
    YOUTH_MERGED = "youth_merged", _("Dossiers samengevoegd")
    YOUTH_MERGE_UNDONE = "youth_merge_undone", _("Samenvoegen ongedaan gemaakt")


@AUDIT_OBJECTS.register
class YouthObject(models.TextChoices):
    YOUTH = "youth", _("Jongere")
    CONTACT_ASSIGNMENT = "contact_assignment", _("Vaste contactpersoon")
    POSSIBLE_DUPLICATE = "possible_duplicate", _("Mogelijk dubbel dossier")
    YOUTH_MERGE = "youth_merge", _("Samenvoeging van dossiers")
    CONTACT_NOTICE = "contact_notice", _("Melding over een jongere")
