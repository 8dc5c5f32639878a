from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "route27.home"
    label = "home"
    verbose_name = _("Startpagina per rol")

    def ready(self):
        from route27.home import rules  # noqa: F401  the functional administrator's admin rights
