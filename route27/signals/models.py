"""Signals (meldingen): the No Wrong Door entrance of Route27 (S3 §3).

A signal records who reported a young person, from which entrance, and what was reported. It is
matched to one person (never a duplicate) and routed to the team that serves the municipality of
residence. The BSN is only kept until the signal is linked to a youth; it never appears in
``__str__``, URLs or logs.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.core.partial_date import PartialDate
from route27.law import Arrival


class Source(models.TextChoices):
    """The entrances a signal can come through (No Wrong Door, S3 §3; issue 4 capability 1)."""

    SCHOOL = "school", _("School")
    DOORSTROOMPUNT = "doorstroompunt", _("Doorstroompunt")
    WERKCENTRUM = "werkcentrum", _("Regionaal Werkcentrum")
    WORK_TEAM = "work_team", _("Gemeentelijk team Werk en Inkomen")
    SOCIAL_TEAM = "social_team", _("Sociaal loket of sociaal team")
    YOUTH_WORK = "youth_work", _("Jongerenwerk")
    SPORTS_CLUB = "sports_club", _("Sportvereniging")
    UWV = "uwv", _("UWV (bijvoorbeeld einde WW-uitkering)")
    COMPULSORY_EDUCATION = "compulsory_education", _("Leerplicht")
    BIJSTAND = "bijstand", _("Aanvraag bijstand")
    PARENT = "parent", _("Ouder of verzorger")
    SELF = "self", _("De jongere zelf")
    OTHER = "other", _("Anders")


# How each entrance arrives in the art. 7a engine (route27.law.Arrival). A school or the
# Doorstroompunt transfer is refined at intake (school type), so a plain school signal is OTHER.
ARRIVAL_FOR_SOURCE: dict[str, Arrival] = {
    Source.DOORSTROOMPUNT: Arrival.TRANSFER_DOORSTROOMPUNT,
    Source.UWV: Arrival.UWV,
    Source.BIJSTAND: Arrival.BIJSTAND,
    Source.SELF: Arrival.SELF,
}


def arrival_for_source(source: str) -> Arrival:
    """How a youth who came in through this entrance arrived, in the route engine's terms."""
    return ARRIVAL_FOR_SOURCE.get(source, Arrival.OTHER)


class SignalStatus(models.TextChoices):
    NEW = "new", _("Nieuw, nog niet doorgezet")
    NEEDS_CONFIRMATION = "needs_confirmation", _("Controle nodig: mogelijk bekend")
    LINKED = "linked", _("Gekoppeld aan jongere")


class Signal(models.Model):
    AUDIT_TYPE = "signal"  # route27.audit.objects
    public_id = models.UUIDField(_("id"), default=uuid.uuid4, unique=True, editable=False)
    source = models.CharField(_("ingang"), max_length=30, choices=Source.choices)
    reporter = models.CharField(_("gemeld door"), max_length=200, blank=True,
                                help_text=_("Organisatie of persoon die het signaal doorgaf."))
    given_names = models.CharField(_("voornamen"), max_length=200)
    surname_prefix = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    family_name = models.CharField(_("achternaam"), max_length=200)
    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"))
    birth_month = models.PositiveSmallIntegerField(_("geboortemaand"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("geboortedag"), null=True, blank=True)
    # Kept only until the signal is linked; then the youth holds it.
    bsn = models.CharField(_("BSN"), max_length=9, null=True, blank=True)
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.PROTECT, related_name="signals",
        verbose_name=_("woongemeente"),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    message = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SignalStatus.choices,
                              default=SignalStatus.NEW)
    team = models.ForeignKey(
        "organisations.Team", null=True, blank=True, on_delete=models.PROTECT,
        related_name="signals", verbose_name=_("team"),
    )
    youth = models.ForeignKey(
        "youth.Youth", null=True, blank=True, on_delete=models.PROTECT, related_name="signals",
        verbose_name=_("jongere"),
    )
    trajectory = models.ForeignKey(
        "trajectories.Trajectory", null=True, blank=True, on_delete=models.PROTECT,
        related_name="signals", verbose_name=_("traject"),
    )
    candidates = models.ManyToManyField(
        "youth.Youth", blank=True, related_name="signal_candidacies",
        verbose_name=_("mogelijk dezelfde jongere"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("geregistreerd door"),
    )
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("gekoppeld door"),
    )
    linked_at = models.DateTimeField(_("gekoppeld op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["team", "status", "created_at"]),
            models.Index(fields=["family_name", "birth_year"]),
        ]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self) -> str:  # never the BSN
        return f"{self.get_source_display()} ({self.public_id})"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.family_name) if p)

    @property
    def birth_date(self) -> PartialDate:
        return PartialDate(self.birth_year, self.birth_month, self.birth_day)

    @property
    def is_self_registration(self) -> bool:
        return self.created_by_id is None
