from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasefileConfig(AppConfig):
    """The youth file's kernel: event ledger, recording call, shared vocabularies."""

    name = "route27.casefile"
    label = "casefile"
    verbose_name = _("Dossier (kern)")
