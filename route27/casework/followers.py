"""The collaboration app acts on other apps' events in the ledger (``casefile.kinds.follow``),
inside the transaction that records them, so nothing is derived from work that did not happen:

- an intake that marks multi-problem asks the sociaal team to take regie (seed 003 §1);
- an accepted handover makes the sending school involved while the trajectory runs;
- a closed trajectory ends its regie and the involvement derived from handovers.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from route27.casefile.kinds import follow
from route27.casework import services
from route27.casework.models import Involvement
from route27.core.errors import TransitionRefused
from route27.handover.models import Handover


@follow("intake_recorded")
def ask_regie_for_multi_problem(event) -> None:
    if not (event.data or {}).get("multi_problem") or event.trajectory is None:
        return
    try:
        services.regie_request(actor=event.actor, trajectory=event.trajectory,
                               reason=_("Intake: multiproblematiek"))
    except TransitionRefused:
        pass  # already asked or taken, or no sociaal team serves the municipality: the file says


@follow("handover_changed")
def involve_sending_school(event) -> None:
    if event.to_state != "accepted":
        return
    handover = Handover.objects.select_related("sender", "created_by").filter(
        public_id=(event.data or {}).get("handover")).first()
    if handover is None:
        return
    sender = handover.created_by
    services.involvement_add(
        actor=event.actor, youth=event.youth, organisation=handover.sender,
        professional=sender, role=_("School (overdracht)"),
        reach=sender.email if sender is not None else "", since=timezone.localdate(),
        source=Involvement.Source.HANDOVER, source_ref=str(handover.public_id))


@follow("step_changed")
def end_with_the_trajectory(event) -> None:
    if event.to_state not in ("closed", "handed_back") or event.trajectory is None:
        return
    services.regie_cancel_for_closed(actor=event.actor, trajectory=event.trajectory)
    services.involvements_end_derived(
        actor=event.actor, youth=event.youth, sources=(Involvement.Source.HANDOVER,),
        reason=_("Traject afgesloten"))
