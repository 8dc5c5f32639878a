from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "route27.portal"
    label = "portal"
    verbose_name = _("Mijn Route27 (jongeren en ouders)")

    def ready(self):
        from route27.portal import (
            events,  # noqa: F401  registers audit types
            merge,  # noqa: F401  moves its accounts when files are merged
        )
