from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoverConfig(AppConfig):
    name = "route27.handover"
    label = "handover"
    verbose_name = _("Overdracht")

    def ready(self):
        from route27.handover import (
            events,  # noqa: F401  registers event kinds and audit types
            merge,  # noqa: F401  moves its rows when files are merged
            sections,  # noqa: F401  the handover block of the youth file
            timeline,  # noqa: F401  its events in the youth's timeline
        )
