from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """National-scale synthetic data and the read-path benchmark (issue 12, docs/performance.md).
    Top level, like demo: it writes every app's tables; no domain app imports it."""

    name = "route27.scale"
    label = "scale"
    verbose_name = "Schaaldata en benchmark"
