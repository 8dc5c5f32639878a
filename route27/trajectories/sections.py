"""The trajectory's sections of the youth file page (``casefile.sections``): the essentials and
alerts, the timeline (the kernel's) and one block per part of the trajectory. The blocks share
one context (``views.file_context``), so the page reads the trajectory once."""

from django.utils.translation import gettext_lazy as _

from route27.casefile.sections import FileSection, register
from route27.casefile.timeline import timeline_context
from route27.trajectories.views import file_context

VIEW = "trajectories.view_trajectory"


def has_trajectory(context: dict) -> bool:
    return context["trajectory"] is not None


def has_earlier_trajectories(context: dict) -> bool:
    return bool(context.get("earlier_trajectories"))


register(FileSection(key="essentials", order=10, template="trajectories/file/_header.html",
                     context=file_context, summary=True))  # the file at a glance (issue 11)
register(FileSection(key="timeline", order=20, template="casefile/file/timeline.html",
                     context=timeline_context, nav_label=_("Tijdlijn"), anchor="tijdlijn",
                     permission=VIEW))

BLOCKS = [
    # key, anchor, nav label
    ("intake", "intake", _("Intake")),
    ("route", "route", _("Route")),
    ("contact", "contact", _("Contactpersoon")),
    ("plan", "plan", _("Plan")),
    ("activities", "activiteiten", _("Activiteiten")),
    ("instruments", "voorzieningen", _("Voorzieningen")),
    ("match", "match", _("Match")),
    ("aftercare", "nazorg", _("Nazorg")),
]
for n, (key, anchor, label) in enumerate(BLOCKS):
    register(FileSection(key=key, order=30 + 10 * n,
                         template=f"trajectories/file/sections/{key}.html", context=file_context,
                         nav_label=label, anchor=anchor, permission=VIEW, shown=has_trajectory))
register(FileSection(key="earlier_trajectories", order=30 + 10 * len(BLOCKS),
                     template="trajectories/file/sections/earlier_trajectories.html",
                     context=file_context, permission=VIEW, shown=has_earlier_trajectories))
