from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YouthConfig(AppConfig):
    name = "route27.youth"
    label = "youth"
    verbose_name = _("Jongeren")

    def ready(self):
        from route27.youth import events  # noqa: F401  registers event kinds and audit types
