from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "route27.casework"
    label = "casework"
    verbose_name = _("Samenwerking")

    def ready(self):
        from route27.casework import (
            access,  # noqa: F401  the regie reason (file) and its write right
            events,  # noqa: F401  registers event kinds and audit types
            followers,  # noqa: F401  derives involvement and regie requests from the ledger
            merge,  # noqa: F401  moves its rows when files are merged
            rules,  # noqa: F401  registers permissions
            sections,  # noqa: F401  the collaboration section of the file
            timeline,  # noqa: F401  its events' lines on the timeline
        )
