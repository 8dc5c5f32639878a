"""What the dashboard keeps besides the ledger: targets (streefcijfers) and the capacity norms
of a team. Neither holds anything about a youth."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.monitoring.indicators import INDICATORS

INDICATOR_CHOICES = [(code, i.label) for code, i in INDICATORS.items()]


class Target(models.Model):
    """A streefcijfer for one indicator, year and municipality (NOTITIE §7: "bepalen wij
    gezamenlijk onze streefcijfers"), set by a beleidsadviseur. A stock indicator's target is
    the level at the end of the year, a flow's the total over the year."""

    AUDIT_TYPE = "target"

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE,
                                     related_name="+", verbose_name=_("gemeente"))
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2026), MaxValueValidator(2035)])
    indicator = models.CharField(_("indicator"), max_length=40, choices=INDICATOR_CHOICES)
    value = models.PositiveIntegerField(_("streefcijfer"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("vastgesteld door"))
    set_at = models.DateTimeField(_("vastgesteld op"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "year", "indicator"],
                                               name="one_target_per_indicator_year")]
        ordering = ["municipality", "year", "indicator"]
        verbose_name = _("streefcijfer")
        verbose_name_plural = _("streefcijfers")

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"


def _weight(default: str, label):
    return models.DecimalField(label, max_digits=4, decimal_places=2, default=Decimal(default),
                               validators=[MinValueValidator(Decimal("0.1")),
                                           MaxValueValidator(Decimal("10"))])


class CapacityNorm(models.Model):
    """How a team weighs its caseload (law.R_CAPACITY, law.R_EXTRA_EFFORT): points per
    youth by intensity, factors for youth over 23 and youth without a benefit, and the norm
    in points for one full-time coach. The numbers are the team's judgement ("open")."""

    AUDIT_TYPE = "capacity_norm"

    team = models.OneToOneField("organisations.Team", on_delete=models.CASCADE,
                                related_name="capacity_norm", verbose_name=_("team"))
    norm_points = models.PositiveSmallIntegerField(
        _("normcaseload (punten per fte)"), default=40,
        validators=[MinValueValidator(1), MaxValueValidator(500)])
    weight_light = _weight("1.00", _("gewicht licht"))
    weight_medium = _weight("1.50", _("gewicht middelzwaar"))
    weight_intensive = _weight("2.50", _("gewicht intensief"))
    factor_over_23 = _weight("1.20", _("factor ouder dan 23"))
    factor_no_benefit = _weight("1.20", _("factor zonder uitkering"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("capaciteitsnorm")
        verbose_name_plural = _("capaciteitsnormen")

    def __str__(self) -> str:
        return f"{self.team}: {self.norm_points}"


class StaffHours(models.Model):
    """The part of a full-time week a coach works for the team (fte), for its capacity."""

    AUDIT_TYPE = "capacity_norm"

    membership = models.OneToOneField("organisations.Membership", on_delete=models.CASCADE,
                                      related_name="hours", verbose_name=_("lidmaatschap"))
    fte = models.DecimalField(_("fte"), max_digits=3, decimal_places=2, default=Decimal("1.00"),
                              validators=[MinValueValidator(Decimal("0")),
                                          MaxValueValidator(Decimal("1.2"))])

    class Meta:
        verbose_name = _("inzet")
        verbose_name_plural = _("inzet")

    def __str__(self) -> str:
        return f"{self.membership_id}: {self.fte}"


class FigureVersion(models.Model):
    """How often the figures of a municipality's past have been invalidated: a late event, a
    move or a merge raises it (``monitoring.cache``). A cached figure counts only with the
    version it was computed under, read before the computing began."""

    municipality = models.OneToOneField("organisations.Municipality", primary_key=True,
                                        on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.version}"


class FigureCache(models.Model):
    """The figures of one municipality for a past reference date or period (ADR 0019): the
    ledger's answer, kept until the municipality's version moves on. Counts only."""

    class Kind(models.TextChoices):
        STOCK = "stock", "stock"
        FLOWS = "flows", "flows"
        MONTHS = "months", "months"

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE,
                                     related_name="+")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    start = models.DateField()
    end = models.DateField()  # the reference date of a stock (start = end)
    age_band = models.CharField(max_length=10, blank=True)
    version = models.PositiveBigIntegerField()
    figures = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["municipality", "kind", "start", "end", "age_band"],
            name="one_cached_figure")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.kind} {self.start}–{self.end}"
