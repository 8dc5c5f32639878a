"""Keeping every youth in view (seed 003 §2): data deliveries, the outreach cases they open,
the attempts to reach a youth, and the status of every school leaver with when it was last
confirmed ("sluitende aanpak")."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DeliveryKind(models.TextChoices):
    JONGEREN_IN_BEELD = "jib", _("Jongeren in Beeld (Inlichtingenbureau)")
    DUO_RMC = "duo_rmc", _("DUO/RMC-levering (voortijdig schoolverlaters)")
    VERZUIM_18 = "verzuim18", _("Verzuimmelding 18+")
    SCHOOL_LIST = "school", _("Lijst van een school")
    OTHER = "other", _("Andere levering")


class LeaverStatus(models.TextChoices):
    """The status of a youth of the target group (issue 13 §6; NCCIS "not known")."""

    IN_TRAJECTORY = "in_trajectory", _("In traject")
    AT_SCHOOL = "at_school", _("Op school")
    WORKING = "working", _("Aan het werk")
    AFTERCARE = "aftercare", _("In nazorg")
    DECLINED = "declined", _("Wil geen hulp")
    UNKNOWN = "unknown", _("Niet bekend")



class Delivery(models.Model):
    """One imported file: who imported it, for which team, and what came of its rows. The rows
    themselves are in the import job while it runs and are emptied after."""

    AUDIT_TYPE = "delivery"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort levering"), max_length=12, choices=DeliveryKind.choices)
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("team"))
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("geïmporteerd door"))
    filename = models.CharField(_("bestand"), max_length=200, blank=True)
    rows = models.PositiveIntegerField(_("rijen"), default=0)
    rejected = models.PositiveIntegerField(_("afgekeurd"), default=0)
    new_cases = models.PositiveIntegerField(_("nieuwe outreachzaken"), default=0)
    in_view = models.PositiveIntegerField(_("al in beeld bij het eigen team"), default=0)
    told = models.PositiveIntegerField(_("bekend bij een ander team (geïnformeerd)"), default=0)
    created_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("levering")
        verbose_name_plural = _("leveringen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%d-%m-%Y}"


class Naming(models.Model):
    """A youth named by a delivery, with the status it reported: who belongs on the status
    list of the municipality."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="namings")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="namings")
    row = models.PositiveIntegerField(_("rij"))

    class Meta:
        indexes = [models.Index(fields=["youth"], name="outreach_naming_youth")]

    def __str__(self) -> str:
        return f"{self.delivery} · {_('rij')} {self.row}"


class StatusConfirmation(models.Model):
    """A status of a youth confirmed on a day, by a delivery, an attempt or a coach."""

    AUDIT_TYPE = "status_confirmation"  # route27.audit.objects

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE,
                              related_name="status_confirmations")
    status = models.CharField(_("status"), max_length=14, choices=LeaverStatus.choices)
    confirmed_on = models.DateField(_("bevestigd op"))
    source = models.CharField(_("bron"), max_length=100)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-confirmed_on", "-id"]
        indexes = [models.Index(fields=["youth", "-confirmed_on", "-id"],
                                name="outreach_status_latest")]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.confirmed_on:%d-%m-%Y})"


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    TRAJECTORY = "trajectory", _("Traject gestart")
    CLOSED = "closed", _("Gesloten")


class OutreachCase(models.Model):
    """A youth not in view that a team tries to reach, until it is closed or becomes a
    trajectory. Opened by a delivery, or by the re-approach of a trajectory that stopped early."""

    AUDIT_TYPE = "outreach_case"  # route27.audit.objects

    class Source(models.TextChoices):
        DELIVERY = "delivery", _("Levering")
        REAPPROACH = "reapproach", _("Opnieuw benaderen")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT,
                              related_name="outreach_cases", verbose_name=_("jongere"))
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("team"))
    source = models.CharField(_("bron"), max_length=12, choices=Source.choices)
    delivery = models.ForeignKey(Delivery, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="cases", verbose_name=_("levering"))
    earlier_trajectory = models.ForeignKey("trajectories.Trajectory", null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="+",
                                           verbose_name=_("eerder traject"))
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices,
                              default=CaseStatus.OPEN)
    opened_at = models.DateTimeField(_("geopend op"), auto_now_add=True)
    next_attempt_on = models.DateField(_("volgende poging op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, blank=True)
    trajectory = models.ForeignKey("trajectories.Trajectory", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("traject"))

    class Meta:
        ordering = ["next_attempt_on", "opened_at", "id"]
        constraints = [models.UniqueConstraint(
            fields=["youth"], condition=Q(status="open"), name="outreach_one_open_case")]
        indexes = [models.Index(fields=["team", "status", "next_attempt_on"],
                                name="outreach_case_worklist")]
        verbose_name = _("outreachzaak")
        verbose_name_plural = _("outreachzaken")

    def __str__(self) -> str:
        return f"{self.get_source_display()} · {self.get_status_display()}"

    @property
    def outcome_label(self) -> str:
        return str(dict(AttemptOutcome.choices).get(self.outcome, ""))


class Channel(models.TextChoices):
    HOME_VISIT = "home_visit", _("Huisbezoek")
    PHONE = "phone", _("Telefoon")
    WHATSAPP = "whatsapp", _("WhatsApp")
    LETTER = "letter", _("Brief")
    YOUTH_WORK = "youth_work", _("Via jongerenwerk")
    SCHOOL = "school", _("Via school")
    SPORTS_CLUB = "sports_club", _("Via sportvereniging")


class AttemptOutcome(models.TextChoices):
    REACHED = "reached", _("Bereikt")
    NOT_REACHABLE = "not_reachable", _("Niet bereikbaar")
    ALREADY_IN_VIEW = "already_in_view", _("Al in beeld")
    DECLINED = "declined", _("Wil geen hulp")
    REFERRED = "referred", _("Doorverwezen")


class Attempt(models.Model):
    """One attempt to reach the youth of an outreach case."""

    AUDIT_TYPE = "outreach_attempt"  # route27.audit.objects

    case = models.ForeignKey(OutreachCase, on_delete=models.CASCADE, related_name="attempts")
    channel = models.CharField(_("kanaal"), max_length=12, choices=Channel.choices)
    on = models.DateField(_("datum"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=AttemptOutcome.choices)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+", verbose_name=_("door"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.get_outcome_display()}"
