"""A merge of two files of one person moves the merged file's involvement, regie, agenda items
and notices to the kept file (``youth.merge``, ADR 0011). Two open regies cannot be joined: the
sociaal team hands one back first."""

from django.utils.translation import gettext_lazy as _

from route27.youth.merge import MERGE_MOVERS, FieldMover


def _two_open_regies(*, kept, merged) -> str | None:
    from route27.casework.models import OPEN_REGIE, Regie

    if Regie.objects.filter(youth=kept, status__in=OPEN_REGIE).exists() and \
            Regie.objects.filter(youth=merged, status__in=OPEN_REGIE).exists():
        return str(_("Beide dossiers hebben een open regie van het sociaal team. Laat er eerst "
                     "één teruggeven."))
    return None


def _items_not_on_same_meeting(*, kept, merged):
    from route27.casework.models import AgendaItem

    return AgendaItem.objects.filter(youth=merged).exclude(
        meeting__in=AgendaItem.objects.filter(youth=kept).values("meeting"))


MERGE_MOVERS.register(FieldMover("casework.involvement", "casework.Involvement"))
MERGE_MOVERS.register(FieldMover("casework.regie", "casework.Regie", refusal=_two_open_regies))
MERGE_MOVERS.register(FieldMover("casework.agenda_item", "casework.AgendaItem",
                                 rows=_items_not_on_same_meeting))
MERGE_MOVERS.register(FieldMover("casework.notice", "casework.CaseworkNotice"))
