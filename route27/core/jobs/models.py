"""The job row: who started what, how far it is, and what came out."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Bezig")
    DONE = "done", _("Klaar")
    FAILED = "failed", _("Mislukt")
    CANCELLED = "cancelled", _("Geannuleerd")


FINISHED = (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)


class BackgroundJob(models.Model):
    """A unit of work that runs in the task worker, owned by the user who started it.

    ``payload`` holds the input (it may hold personal data, such as the rows of an uploaded
    file): it is emptied as soon as it is no longer needed, and at the latest after
    ``services.PAYLOAD_KEPT``. ``result`` holds the outcome the owner is shown (counts, rejected
    rows by number and reason, public ids of what was made) and no personal data. Only the
    owner sees a job (``selectors.job_of``).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=50)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="background_jobs", verbose_name=_("eigenaar"))
    organisation = models.ForeignKey("organisations.Organisation", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("organisatie"))
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices,
                              default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(_("totaal"), default=0)
    done = models.PositiveIntegerField(_("verwerkt"), default=0)
    payload = models.JSONField(_("invoer"), default=dict, blank=True)
    result = models.JSONField(_("uitkomst"), default=dict, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    # Written with every progress step: a running job without a recent one lost its worker.
    heartbeat_at = models.DateTimeField(_("laatste teken van leven"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    payload_cleared_at = models.DateTimeField(_("invoer gewist op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "kind", "status"], name="core_job_owner_kind"),
                   models.Index(fields=["created_at"], name="core_job_created")]
        verbose_name = _("achtergrondtaak")
        verbose_name_plural = _("achtergrondtaken")

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def has_payload(self) -> bool:
        return self.payload_cleared_at is None and bool(self.payload)

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
