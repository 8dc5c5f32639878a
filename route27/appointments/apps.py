from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "route27.appointments"
    label = "appointments"
    verbose_name = _("Afspraken")

    def ready(self):
        from route27.appointments import (
            events,  # noqa: F401  registers event kinds and audit types
            merge,  # noqa: F401  moves its rows when files are merged
            rules,  # noqa: F401  registers permissions
            sections,  # noqa: F401  the appointments section of the file
            timeline,  # noqa: F401  its events' lines on the timeline
        )
