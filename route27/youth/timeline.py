"""The one-line summaries of the youth app's events on the file's timeline
(``casefile.timeline``)."""

from route27.casefile.models import Event
from route27.casefile.timeline import register_summary
from route27.organisations.roles import Role
from route27.youth.events import YouthEventKind as Kind


def summarise(event: Event, _prepared=None) -> str:
    if event.kind == Kind.CONTACT_PERSON_CHANGED:
        return Role(event.to_state).label if event.to_state in Role.values else ""
    return ""


register_summary(Kind, summarise)
