from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "route27.audit"
    label = "audit"
    verbose_name = _("Verwerkingslog")

    def ready(self):
        from django.contrib.auth import signals as auth

        from route27.audit import services
        from route27.core.access import view_refused

        view_refused.connect(services.log_refused_view, dispatch_uid="audit.log_refused_view")
        auth.user_logged_in.connect(services.log_login, dispatch_uid="audit.log_login")
        auth.user_logged_out.connect(services.log_logout, dispatch_uid="audit.log_logout")
        auth.user_login_failed.connect(services.log_login_failed,
                                       dispatch_uid="audit.log_login_failed")
