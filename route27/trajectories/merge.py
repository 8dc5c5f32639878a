"""What a merge of two files of one person does with their trajectories (``youth.merge``,
ADR 0011).

Every trajectory of the merged file moves to the kept file. A youth has at most one open
trajectory, so when both files have one:

- of different teams: refused; one team closes its trajectory or hands it over first;
- of the same team, and one of them still in step 1 (a signal waiting in the intake queue): that
  one is closed by the merge (no outflow reason: it is no outflow) and the other one goes on;
- of the same team, both past step 1: refused; the team closes the one that is not needed.

The undo moves the trajectories back and reopens one the merge closed.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from route27.trajectories.models import Trajectory
from route27.trajectories.workflow import Step
from route27.youth.merge import MERGE_MOVERS, Mover


def _open(youth) -> Trajectory | None:
    return Trajectory.objects.filter(youth=youth, closed_on__isnull=True).first()


def _to_close(kept, merged) -> Trajectory | None:
    """The open trajectory the merge closes, when both files have one of the same team."""
    mine, theirs = _open(kept), _open(merged)
    if mine is None or theirs is None or mine.team_id != theirs.team_id:
        return None
    if theirs.step == Step.SIGNAL:
        return theirs
    return mine if mine.step == Step.SIGNAL else None


class TrajectoryMover(Mover):
    key, model_label = "trajectories.trajectory", "trajectories.Trajectory"

    def refusal(self, *, kept, merged) -> str | None:
        mine, theirs = _open(kept), _open(merged)
        if mine is None or theirs is None:
            return None
        if mine.team_id != theirs.team_id:
            return _("Beide dossiers hebben een open traject, bij verschillende teams. Sluit een "
                     "van de twee trajecten af of draag het over voordat u samenvoegt.")
        if _to_close(kept, merged) is None:
            return _("Beide dossiers hebben een lopend traject. Sluit eerst het traject af dat "
                     "niet meer nodig is.")
        return None

    def move(self, *, kept, merged) -> dict:
        closed = _to_close(kept, merged)
        record = {}
        if closed is not None:
            record["closed"] = {"id": closed.pk, "step": closed.step}
            Trajectory.objects.filter(pk=closed.pk).update(
                step=Step.CLOSED, closed_on=timezone.localdate())
        ids = sorted(Trajectory.objects.filter(youth=merged).values_list("pk", flat=True))
        Trajectory.objects.filter(pk__in=ids).update(youth=kept)
        if ids:
            record["ids"] = ids
        return record

    def undo_refusal(self, *, kept, merged, record) -> str | None:
        """The trajectory the merge closed reopens only if its file has no other open one by
        then (after the undo the merged file has the moved trajectories, the kept file the
        rest)."""
        closed = record.get("closed")
        if closed is None:
            return None
        ids = record.get("ids", [])
        if closed["id"] in ids:
            after_undo = Trajectory.objects.filter(pk__in=ids)
        else:
            after_undo = Trajectory.objects.filter(youth=kept).exclude(pk__in=ids)
        if after_undo.filter(closed_on__isnull=True).exclude(pk=closed["id"]).exists():
            return _("Het traject dat bij het samenvoegen werd gesloten, kan niet worden "
                     "heropend: er loopt intussen een ander traject.")
        return None

    def undo(self, *, kept, merged, record) -> None:
        ids = record.get("ids", [])
        Trajectory.objects.filter(pk__in=ids, youth=kept).update(youth=merged)
        closed = record.get("closed")
        if closed is not None:
            Trajectory.objects.filter(pk=closed["id"], step=Step.CLOSED).update(
                step=closed["step"], closed_on=None)


MERGE_MOVERS.register(TrajectoryMover())
