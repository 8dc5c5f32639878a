"""One-line summaries of the outreach events on the file's timeline."""

from route27.casefile.models import Event
from route27.casefile.timeline import register_summary
from route27.outreach.events import OutreachEventKind as Kind
from route27.outreach.models import AttemptOutcome, Channel, DeliveryKind, LeaverStatus


def summarise(event: Event, prepared=None) -> str:
    data = event.data or {}
    parts = [dict(DeliveryKind.choices).get(data.get("delivery_kind"), ""),
             dict(Channel.choices).get(data.get("channel"), ""),
             dict(AttemptOutcome.choices).get(data.get("outcome"), ""),
             dict(LeaverStatus.choices).get(data.get("status"), "")]
    return " · ".join(str(part) for part in parts if part)


register_summary(Kind, summarise)
