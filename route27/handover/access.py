"""Access reasons of the handover: the receiving organisation of a live handover may see the
youth (to judge and accept it); schools see their own handovers' status only, never the file."""

from django.db.models import Exists, OuterRef, Q

from route27.handover.workflow import HandoverStatus
from route27.youth.access import AccessReason, register

LIVE = (HandoverStatus.SENT, HandoverStatus.RECEIVED)


def casework_organisation_ids(user) -> set[int]:
    from route27.organisations.models import Team

    return set(Team.objects.filter(pk__in=user.casework_team_ids)
               .values_list("organisation_id", flat=True))


@register(AccessReason.HANDOVER)
def _receiving_organisation(user) -> Q | None:
    from route27.handover.kinds import SCHOOL_TO_SCHOOL
    from route27.handover.models import Handover

    if not user.casework_team_ids:
        return None
    return Q(Exists(Handover.objects.filter(
        youth=OuterRef("pk"), status__in=LIVE,
        receiver__teams__in=user.casework_team_ids,
    ).exclude(kind__in=SCHOOL_TO_SCHOOL)))
