from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "route27.audit"
    label = "audit"
    verbose_name = _("Verwerkingslog")

    def ready(self):
        from route27.audit.services import log_refused_view
        from route27.core.access import view_refused

        view_refused.connect(log_refused_view, dispatch_uid="audit.log_refused_view")
