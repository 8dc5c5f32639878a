"""How the handover's events read in the youth's timeline (``casefile.timeline``): a status
change names the new status, and the changes of one handover in a row fold into one line
("Overdracht: 5 wijzigingen", issue 11)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from route27.casefile.timeline import register_summary
from route27.handover.events import HandoverEventKind as Kind
from route27.handover.workflow import HandoverStatus


def _status(event) -> str:
    if event.to_state in HandoverStatus.values:
        return str(HandoverStatus(event.to_state).label)
    return ""


def summarise(event, prepared) -> str:
    if event.kind == Kind.HANDOVER_CHANGED:
        return _status(event)
    return ""


def group(event):
    """The handover (its public id) a change is about; consent changes fold per handover too."""
    return event.data.get("handover") if isinstance(event.data, dict) else None


def fold(events) -> str:
    newest = events[0]
    count = len(events)
    label = {Kind.HANDOVER_CHANGED: _("Overdracht"), Kind.CONSENT_GIVEN: _("Toestemming"),
             Kind.CONSENT_WITHDRAWN: _("Toestemming ingetrokken")}.get(newest.kind, "")
    text = ngettext("%(what)s: %(n)s wijziging", "%(what)s: %(n)s wijzigingen", count) % {
        "what": label or newest.kind_label, "n": count}
    status = _status(newest) if newest.kind == Kind.HANDOVER_CHANGED else ""
    if status:
        text += " " + _("(nu: %(status)s)") % {"status": status}
    return text


register_summary([Kind.HANDOVER_CHANGED, Kind.CONSENT_GIVEN, Kind.CONSENT_WITHDRAWN], summarise,
                 group=group, fold=fold)
