from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "route27.core"
    label = "core"
    verbose_name = "Route27"
