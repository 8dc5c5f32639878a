"""An appointment of a coach with a youth (issue 11 §2). The youth confirms or asks to move it
through a link with a random ``token`` (never the id); the coach records attendance in one click.
"""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Mode(models.TextChoices):
    ON_SITE = "op_locatie", _("Op locatie")
    PHONE = "telefoon", _("Telefoon")
    VIDEO = "video", _("Video")
    HOME_VISIT = "huisbezoek", _("Huisbezoek")


class Status(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    ATTENDED = "attended", _("Gekomen")
    NO_SHOW = "no_show", _("Niet gekomen")
    CANCELLED_BY_YOUTH = "cancelled_by_youth", _("Afgezegd door jongere")
    CANCELLED_BY_COACH = "cancelled_by_coach", _("Afgezegd door coach")


# What the coach records after the appointment (one click each).
ATTENDANCE = (Status.ATTENDED, Status.NO_SHOW, Status.CANCELLED_BY_YOUTH,
              Status.CANCELLED_BY_COACH)


class Appointment(models.Model):
    AUDIT_TYPE = "appointment"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE,
                              related_name="appointments", verbose_name=_("jongere"))
    trajectory = models.ForeignKey("trajectories.Trajectory", on_delete=models.CASCADE,
                                   related_name="appointments", verbose_name=_("traject"))
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="appointments", verbose_name=_("coach"))
    starts_at = models.DateTimeField(_("begint om"))
    duration = models.DurationField(_("duur"), default=datetime.timedelta(minutes=45))
    mode = models.CharField(_("vorm"), max_length=20, choices=Mode.choices,
                            default=Mode.ON_SITE)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    with_whom = models.CharField(_("met wie"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PLANNED)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    move_requested_at = models.DateTimeField(_("verzet gevraagd op"), null=True, blank=True)
    move_note = models.TextField(_("toelichting van de jongere"), blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["coach", "starts_at"]),
                   models.Index(fields=["youth", "starts_at"])]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + self.duration

    @property
    def is_planned(self) -> bool:
        return self.status == Status.PLANNED

    @property
    def move_requested(self) -> bool:
        return self.move_requested_at is not None
