from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "route27.outreach"
    label = "outreach"
    verbose_name = _("Outreach en jongeren in beeld")

    def ready(self):
        from route27.outreach import (
            events,  # noqa: F401  registers event kinds, audit types and the entrance
            merge,  # noqa: F401  moves its rows when files are merged
            rules,  # noqa: F401  registers permissions
            timeline,  # noqa: F401  its events' lines on the timeline
        )
