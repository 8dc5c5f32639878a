"""Working together around a youth (seed 003 §1): who is involved, who has regie for a
multi-problem youth, and the casusoverleg with its agenda, decisions and actions."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def active_involvement_q(today: datetime.date, prefix: str = "") -> Q:
    """Not ended by hand, and not past the day its work ends (derived involvement ends by
    itself: a casusoverleg's term, say)."""
    return Q(**{f"{prefix}ended_at__isnull": True}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": today}))


class Involvement(models.Model):
    """A professional of an organisation is involved with a youth: the minimal data of a
    Verwijsindex registration (who, which organisation, role, since, how to reach them), never
    the content of their work. Registered by hand, or derived from real work (``source``) and
    then ended when that work ends."""

    AUDIT_TYPE = "involvement"  # route27.audit.objects

    class Source(models.TextChoices):
        MANUAL = "manual", _("Zelf gemeld")
        CASE_MEETING = "case_meeting", _("Casusoverleg")
        HANDOVER = "handover", _("Overdracht")
        REGIE = "regie", _("Regie sociaal team")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT,
                              related_name="involvements", verbose_name=_("jongere"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("organisatie"))
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="involvements",
                                     verbose_name=_("professional"))
    role = models.CharField(_("rol"), max_length=100)
    reach = models.CharField(_("bereikbaar via"), max_length=200, blank=True)
    since = models.DateField(_("betrokken sinds"))
    ends_on = models.DateField(_("eindigt op"), null=True, blank=True)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    end_reason = models.CharField(_("reden einde"), max_length=300, blank=True)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices,
                              default=Source.MANUAL)
    source_ref = models.CharField(_("verwijzing"), max_length=64, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+",
                                      verbose_name=_("gemeld door"))
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        ordering = ["since", "id"]
        indexes = [
            models.Index(fields=["professional"], name="casework_inv_professional",
                         condition=Q(ended_at__isnull=True)),
            models.Index(fields=["youth"], name="casework_inv_youth",
                         condition=Q(ended_at__isnull=True)),
            models.Index(fields=["source", "source_ref"], name="casework_inv_source"),
        ]
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.role}"

    def is_active(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.ended_at is None and (self.ends_on is None or self.ends_on >= today)


class RegieStatus(models.TextChoices):
    REQUESTED = "requested", _("Gevraagd")
    TAKEN = "taken", _("Genomen")
    DECLINED = "declined", _("Niet nodig volgens sociaal team")
    HANDED_BACK = "handed_back", _("Teruggegeven")
    CANCELLED = "cancelled", _("Vervallen")


OPEN_REGIE = (RegieStatus.REQUESTED, RegieStatus.TAKEN)


class Regie(models.Model):
    """The sociaal team's regie over a multi-problem youth (seed 003 §1: "Bij
    multiproblematiek neemt het Sociaal team de regie"): asked of the team serving the youth's
    municipality, taken by one of its members, handed back. The coach stays the contact for
    school or work."""

    AUDIT_TYPE = "regie"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT, related_name="regies",
                              verbose_name=_("jongere"))
    trajectory = models.ForeignKey("trajectories.Trajectory", on_delete=models.PROTECT,
                                   related_name="regies", verbose_name=_("traject"))
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("sociaal team"))
    status = models.CharField(_("status"), max_length=12, choices=RegieStatus.choices,
                              default=RegieStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("gevraagd door"))
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="regies",
                               verbose_name=_("regiehouder"))
    taken_at = models.DateTimeField(_("genomen op"), null=True, blank=True)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    end_reason = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [models.UniqueConstraint(
            fields=["youth"], condition=Q(status__in=OPEN_REGIE), name="casework_one_open_regie")]
        indexes = [models.Index(fields=["holder"], name="casework_regie_holder",
                                condition=Q(status=RegieStatus.TAKEN)),
                   models.Index(fields=["team"], name="casework_regie_requested",
                                condition=Q(status=RegieStatus.REQUESTED))]
        verbose_name = _("regie")
        verbose_name_plural = _("regie")

    def __str__(self) -> str:
        return f"{self.get_status_display()} · {self.team}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REGIE


class Recurrence(models.TextChoices):
    NONE = "", _("Eenmalig")
    WEEKLY = "weekly", _("Elke week")
    FORTNIGHTLY = "fortnightly", _("Elke twee weken")
    MONTHLY = "monthly", _("Elke vier weken")


RECURRENCE_DAYS = {Recurrence.WEEKLY: 7, Recurrence.FORTNIGHTLY: 14, Recurrence.MONTHLY: 28}


class CaseMeeting(models.Model):
    """A casusoverleg of a team with participants from several organisations. A recurring
    meeting is a series of meetings with the same ``series`` id, made when it is planned."""

    AUDIT_TYPE = "case_meeting"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT,
                             related_name="case_meetings", verbose_name=_("team"))
    title = models.CharField(_("naam"), max_length=200)
    starts_at = models.DateTimeField(_("begint om"))
    place = models.CharField(_("plaats of link"), max_length=200, blank=True)
    series = models.UUIDField(_("reeks"), null=True, blank=True)
    recurrence = models.CharField(_("herhaling"), max_length=12, choices=Recurrence.choices,
                                  blank=True)
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="case_meetings",
                                          verbose_name=_("deelnemers"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("gepland door"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["team", "starts_at"], name="casework_meeting_team")]
        verbose_name = _("casusoverleg")
        verbose_name_plural = _("casusoverleggen")

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d-%m-%Y %H:%M})"


class AgendaItem(models.Model):
    """A youth on a casusoverleg's agenda, with the ground that allows it (consent or a legal
    basis, ``law.meeting_ground_problem``), the question, and after the meeting the minutes and
    decisions. Participants see this item only (ACCESS.md), for a term after the meeting."""

    AUDIT_TYPE = "agenda_item"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(CaseMeeting, on_delete=models.CASCADE, related_name="items",
                                verbose_name=_("casusoverleg"))
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT,
                              related_name="agenda_items", verbose_name=_("jongere"))
    ground = models.CharField(_("grondslag"), max_length=20)
    consent_given_by = models.CharField(_("toestemming gegeven door"), max_length=10,
                                        blank=True)
    consent_evidence = models.CharField(_("bewijs van toestemming"), max_length=300, blank=True)
    question = models.TextField(_("vraag aan het overleg"))
    minutes = models.TextField(_("verslag"), blank=True)
    decisions = models.TextField(_("besluiten"), blank=True)
    minutes_recorded_at = models.DateTimeField(_("verslag vastgelegd op"), null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("geagendeerd door"))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "youth"],
                                               name="casework_item_once")]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return f"{self.meeting} · {self.youth_id}"


class MeetingAction(models.Model):
    """An action agreed in a casusoverleg: an owner and a due date; it is on the owner's task
    list until done."""

    AUDIT_TYPE = "meeting_action"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions",
                             verbose_name=_("agendapunt"))
    description = models.CharField(_("actie"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="meeting_actions", verbose_name=_("eigenaar"))
    due_on = models.DateField(_("uiterlijk op"))
    done_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "due_on"], name="casework_action_owner",
                                condition=Q(done_at__isnull=True))]
        verbose_name = _("actie uit casusoverleg")
        verbose_name_plural = _("acties uit casusoverleg")

    def __str__(self) -> str:
        return self.description

    @property
    def youth(self):
        return self.item.youth


class CaseworkNotice(models.Model):
    """A message to one professional: a match (another organisation is involved too), a regie
    request or change. It names the youth's first name only; the card or file is a link."""

    AUDIT_TYPE = "casework_notice"  # route27.audit.objects

    class Kind(models.TextChoices):
        INVOLVEMENT_MATCH = "involvement_match", _("Ook betrokken")
        REGIE_REQUESTED = "regie_requested", _("Regie gevraagd")
        REGIE_TAKEN = "regie_taken", _("Regie genomen")
        REGIE_ENDED = "regie_ended", _("Regie beëindigd")
        ACTION_ASSIGNED = "action_assigned", _("Actie uit casusoverleg")
        NAMED_ELSEWHERE = "named_elsewhere", _("Genoemd in een levering van een ander team")
        REACHED_ELSEWHERE = "reached_elsewhere", _("Outreach van een ander team")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="casework_notices", verbose_name=_("ontvanger"))
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("jongere"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    involvement = models.ForeignKey(Involvement, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="+", verbose_name=_("betrokkenheid"))
    text = models.CharField(_("bericht"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "created_at"], name="casework_notice_to",
                                condition=Q(read_at__isnull=True))]
        verbose_name = _("bericht samenwerking")
        verbose_name_plural = _("berichten samenwerking")

    def __str__(self) -> str:
        return self.get_kind_display()
