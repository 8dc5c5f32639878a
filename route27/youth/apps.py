from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthConfig(AppConfig):
    name = "route27.youth"
    label = "youth"
    verbose_name = _("Jongeren")

    def ready(self):
        from route27.youth import (  # noqa: F401
            events,  # registers event kinds and audit types
            merge,  # moves its own rows when two files of one person are merged
            sections,  # registers the personal details and guardians on the file page
            timeline,  # registers the summaries of its events on the timeline
        )
