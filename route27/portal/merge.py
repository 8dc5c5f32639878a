"""A merge of two files of one person moves the Mijn Route27 accounts of the merged file to the
kept file (``youth.merge``, ADR 0011). A person has one own account: when both files have one,
the merge waits until the functional administrator has closed one."""

from django.utils.translation import gettext as _

from route27.portal.models import PortalAccount, PortalRelation
from route27.youth.merge import MERGE_MOVERS, FieldMover


def _two_own_accounts(*, kept, merged) -> str | None:
    own = PortalAccount.objects.filter(relation=PortalRelation.SELF)
    if own.filter(youth=kept).exists() and own.filter(youth=merged).exists():
        return _("Beide dossiers hebben een eigen account in Mijn Route27. Laat de functioneel "
                 "beheerder er één opheffen voordat u samenvoegt.")
    return None


MERGE_MOVERS.register(FieldMover("portal.account", "portal.PortalAccount",
                                 refusal=_two_own_accounts))
