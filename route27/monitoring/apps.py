from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "route27.monitoring"
    label = "monitoring"
    verbose_name = _("Resultaten en capaciteit")

    def ready(self):
        from route27.monitoring import (
            cache,  # noqa: F401  watches the ledger for changes to past figures
            events,  # noqa: F401  registers its audit type
            rules,  # noqa: F401  registers permissions
        )
