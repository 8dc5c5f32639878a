from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data (``manage.py load_demo_data``) and the demo accounts on the login page.

    A top-level app: it uses the services of every domain app and no domain app imports it.
    """

    name = "route27.demo"
    label = "demo"
    verbose_name = _("Demodata")
