"""A merge of two files of one person moves the merged file's outreach rows to the kept file
(``youth.merge``, ADR 0011). Two open outreach cases are not joined: close one first."""

from django.utils.translation import gettext_lazy as _

from route27.youth.merge import MERGE_MOVERS, FieldMover


def _two_open_cases(*, kept, merged) -> str | None:
    from route27.outreach.models import CaseStatus, OutreachCase

    open_cases = OutreachCase.objects.filter(status=CaseStatus.OPEN)
    if open_cases.filter(youth=kept).exists() and open_cases.filter(youth=merged).exists():
        return str(_("Beide dossiers hebben een open outreachzaak. Sluit er eerst één."))
    return None


MERGE_MOVERS.register(FieldMover("outreach.case", "outreach.OutreachCase",
                                 refusal=_two_open_cases))
MERGE_MOVERS.register(FieldMover("outreach.naming", "outreach.Naming"))
MERGE_MOVERS.register(FieldMover("outreach.status", "outreach.StatusConfirmation"))
