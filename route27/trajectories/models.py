from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.models import AppendOnlyError


class EventType(models.TextChoices):
    YOUTH_REGISTERED = "youth_registered", _("Jongere geregistreerd")
    YOUTH_UPDATED = "youth_updated", _("Gegevens jongere gewijzigd")
    CONTACT_PERSON_CHANGED = "contact_person_changed", _("Vaste contactpersoon gewijzigd")


class TrajectoryEvent(models.Model):
    """Append-only fact about a youth's path. Indicators are computed from these rows.

    ``from_state``/``to_state`` hold step or status changes; ``data`` holds the few extra facts an
    indicator needs (never free-text personal data). See docs/adr/0003-append-only-events.md.
    """

    youth = models.ForeignKey(
        "youth.Youth", on_delete=models.PROTECT, related_name="events", verbose_name=_("jongere")
    )
    event_type = models.CharField(_("soort"), max_length=40, choices=EventType.choices)
    occurred_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    effective_date = models.DateField(_("ingangsdatum"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("door"),
    )
    from_state = models.CharField(_("van"), max_length=40, blank=True)
    to_state = models.CharField(_("naar"), max_length=40, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [
            models.Index(fields=["youth", "occurred_at"]),
            models.Index(fields=["event_type", "effective_date"]),
        ]
        verbose_name = _("trajectgebeurtenis")
        verbose_name_plural = _("trajectgebeurtenissen")

    def __str__(self) -> str:
        return f"{self.effective_date} {self.event_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Een trajectgebeurtenis kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een trajectgebeurtenis kan niet worden verwijderd.")
