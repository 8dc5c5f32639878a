from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "route27.programme"
    label = "programme"
    verbose_name = _("Regionaal programma")

    def ready(self):
        from route27.organisations.reference_data import register_reference_list
        from route27.programme import (
            events,  # noqa: F401  registers its audit types
            rules,  # noqa: F401  registers permissions
        )
        from route27.programme.reference_lists import load_in_words

        register_reference_list(load_in_words)
