"""The trajectory's sections of the youth file page (``casefile.sections``): the essentials and
alerts, the timeline (the kernel's) and one block per part of the trajectory. The blocks share
one context (``views.file_context``), so the page reads the trajectory once."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.casefile.sections import FileSection, register, register_prefetch
from route27.casefile.timeline import timeline_context
from route27.trajectories.models import Trajectory
from route27.trajectories.selectors import with_file_facts
from route27.trajectories.views import block_context, file_context

VIEW = "trajectories.view_trajectory"


class FileTrajectories(Prefetch):
    """The youth's trajectories for the file page, read once with what the header needs of
    their plan and aftercare (open actions, an overdue follow-up) as columns: the blocks with
    those rows are read when opened (issue 12). ``today`` is taken per request."""

    def __init__(self):
        super().__init__("trajectories", queryset=Trajectory.objects.none())

    def get_current_querysets(self, level):
        return [with_file_facts(Trajectory.objects.select_related("team"),
                                timezone.localdate())]


register_prefetch("trajectories", FileTrajectories())


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
    # key, anchor, nav label, read when opened (issue 12: the page reads only what it shows)
    ("intake", "intake", _("Intake"), True),
    ("route", "route", _("Route"), True),
    ("contact", "contact", _("Contactpersoon"), False),
    ("plan", "plan", _("Plan"), True),
    ("activities", "activiteiten", _("Activiteiten"), True),
    ("instruments", "voorzieningen", _("Voorzieningen"), True),
    ("match", "match", _("Match"), True),
    ("aftercare", "nazorg", _("Nazorg"), True),
]
for n, (key, anchor, label, lazy) in enumerate(BLOCKS):
    register(FileSection(key=key, order=30 + 10 * n,
                         template=f"trajectories/file/sections/{key}.html",
                         context=block_context if lazy else file_context, lazy=lazy,
                         nav_label=label, anchor=anchor, permission=VIEW, shown=has_trajectory))
register(FileSection(key="earlier_trajectories", order=30 + 10 * len(BLOCKS),
                     template="trajectories/file/sections/earlier_trajectories.html",
                     context=file_context, permission=VIEW, shown=has_earlier_trajectories))
