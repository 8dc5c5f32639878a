from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    name = "route27.trajectories"
    label = "trajectories"
    verbose_name = _("Trajecten")

    def ready(self):
        from route27.organisations.reference_data import register_reference_list
        from route27.trajectories import (  # noqa: F401
            events,  # registers event kinds and audit types
            merge,  # moves its trajectories when two files of one person are merged
            sections,  # registers its sections of the file page
            timeline,  # registers the summaries of its events on the timeline
        )
        from route27.trajectories.reference_lists import load_reference_lists_in_words

        register_reference_list(load_reference_lists_in_words)
