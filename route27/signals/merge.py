"""A merge of two files of one person moves the signals of the merged file to the kept file,
and makes the kept file the candidate where the merged file was one (``youth.merge``,
ADR 0011)."""

from route27.signals.models import Signal
from route27.youth.merge import MERGE_MOVERS, FieldMover


def _candidacies(*, kept, merged):
    """A signal that has both files as candidates keeps the kept one only (the merged file's
    row stays behind and shows nowhere: a merged file is in no list)."""
    through = Signal.candidates.through
    return through.objects.filter(youth=merged).exclude(
        signal__in=through.objects.filter(youth=kept).values("signal"))


MERGE_MOVERS.register(FieldMover("signals.signal", "signals.Signal"))
MERGE_MOVERS.register(FieldMover("signals.candidate", Signal.candidates.through._meta.label,
                                 rows=_candidacies))
