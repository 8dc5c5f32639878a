from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "route27.signals"
    label = "signals"
    verbose_name = _("Signalen")

    def ready(self):
        from route27.signals import (
            events,  # noqa: F401  registers event kinds and audit types
            merge,  # noqa: F401  moves its rows when files are merged
        )
