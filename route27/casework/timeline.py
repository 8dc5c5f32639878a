"""One-line summaries of the collaboration events on the file's timeline."""

from route27.casefile.models import Event
from route27.casefile.timeline import register_summary
from route27.casework.events import CaseworkEventKind as Kind
from route27.casework.models import Involvement


def summarise(event: Event, prepared=None) -> str:
    data = event.data or {}
    if event.kind in (Kind.INVOLVEMENT_REGISTERED, Kind.INVOLVEMENT_ENDED):
        source = dict(Involvement.Source.choices).get(data.get("source"), "")
        parts = [data.get("organisation", ""), data.get("role", ""), str(source)]
    elif event.kind == Kind.MINUTES_RECORDED:
        parts = [data.get("title", "")]
    elif event.kind == Kind.MEETING_ACTION_DONE:
        parts = [data.get("description", "")]
    else:
        parts = [data.get("team", "")]
    if event.reason:
        parts.append(event.reason)
    return " · ".join(str(part) for part in parts if part)


register_summary(Kind, summarise)
