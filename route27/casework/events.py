"""What the collaboration app writes in the file and the audit log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS


@EVENT_KINDS.register
class CaseworkEventKind(models.TextChoices):
    INVOLVEMENT_REGISTERED = "involvement_registered", _("Betrokkenheid gemeld")
    INVOLVEMENT_ENDED = "involvement_ended", _("Betrokkenheid beëindigd")
    REGIE_REQUESTED = "regie_requested", _("Regie gevraagd aan het sociaal team")
    REGIE_TAKEN = "regie_taken", _("Sociaal team neemt de regie")
    REGIE_DECLINED = "regie_declined", _("Sociaal team neemt de regie niet")
    REGIE_HANDED_BACK = "regie_handed_back", _("Regie teruggegeven")
    REGIE_CANCELLED = "regie_cancelled", _("Regieverzoek vervallen")
    AGENDA_ITEM_ADDED = "agenda_item_added", _("Besproken in casusoverleg: geagendeerd")
    MINUTES_RECORDED = "case_meeting_minutes", _("Verslag casusoverleg")
    MEETING_ACTION_DONE = "meeting_action_done", _("Actie uit casusoverleg afgerond")


@AUDIT_OBJECTS.register
class CaseworkObject(models.TextChoices):
    INVOLVEMENT = "involvement", _("Betrokkenheid")
    REGIE = "regie", _("Regie")
    CASE_MEETING = "case_meeting", _("Casusoverleg")
    AGENDA_ITEM = "agenda_item", _("Agendapunt casusoverleg")
    MEETING_ACTION = "meeting_action", _("Actie uit casusoverleg")
    CASEWORK_NOTICE = "casework_notice", _("Bericht samenwerking")
