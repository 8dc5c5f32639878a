from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "route27.core"
    label = "core"
    verbose_name = "Route27"

    def ready(self):
        from route27.core import checks  # noqa: F401 - registers the deploy checks
