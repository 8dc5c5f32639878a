"""The collaboration block of the youth file ("Samenwerking"): who has regie and who is the
contact for school or work, who else is involved, and the casusoverleg items. Read when opened
(ADR 0016)."""

from django.utils.translation import gettext_lazy as _

from route27.casefile.sections import FileSection, register
from route27.casework import selectors
from route27.casework.services import social_team_for
from route27.trajectories.selectors import open_trajectory_of
from route27.youth.rules import read_only_reason
from route27.youth.selectors import youth_current_contact

VIEW = "casework.view_involvement"


def collaboration_context(request, youth) -> dict:
    trajectory = open_trajectory_of(youth)
    regie = selectors.regie_of(youth)
    writes = not read_only_reason(request.user, youth)
    return {
        "collab_trajectory": trajectory,
        "collab_regie": regie,
        "collab_contact": youth_current_contact(youth),
        "collab_involvements": selectors.involvements_of(youth),
        "collab_items": selectors.agenda_items_of(youth),
        "collab_can_request_regie": (
            trajectory is not None and regie is None and writes
            and request.user.has_perm("casework.request_regie")),
        "collab_social_team": social_team_for(youth) if regie is None else regie.team,
        "collab_can_agenda": request.user.has_perm("casework.view_case_meeting"),
    }


register(FileSection(key="collaboration", order=105, template="casework/file/section.html",
                     context=collaboration_context, lazy=True, nav_label=_("Samenwerking"),
                     anchor="samenwerking", permission=VIEW))
