from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from route27.organisations.roles import CASEWORK_ROLES, OrganisationType, Role


class LabourMarketRegion(models.Model):
    """Arbeidsmarktregio (Wet SUWI): 35 regions in 2025, CBS codes AM01–AM38."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    population_2024 = models.PositiveIntegerField(_("inwoners 2024"), default=0)

    class Meta:
        ordering = ["code"]
        verbose_name = _("arbeidsmarktregio")
        verbose_name_plural = _("arbeidsmarktregio's")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class DoorstroompuntRegion(models.Model):
    """Doorstroompuntregio (RMC-regio): 40 regions in 2025, CBS codes MC01–MC41."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    name_duo = models.CharField(_("naam (DUO)"), max_length=100)
    population_2024 = models.PositiveIntegerField(_("inwoners 2024"), default=0)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Doorstroompuntregio")
        verbose_name_plural = _("Doorstroompuntregio's")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Municipality(models.Model):
    """Gemeente, with its regions and 2024 population (CBS, DUO; see the Bronnen page)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)  # GM0362
    number = models.CharField(_("gemeentenummer"), max_length=4, unique=True)  # 0362
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=50)
    labour_market_region = models.ForeignKey(
        LabourMarketRegion, on_delete=models.PROTECT, related_name="municipalities",
        verbose_name=_("arbeidsmarktregio"),
    )
    doorstroompunt_region = models.ForeignKey(
        DoorstroompuntRegion, on_delete=models.PROTECT, related_name="municipalities",
        verbose_name=_("Doorstroompuntregio"),
    )
    population_2024 = models.PositiveIntegerField(_("inwoners 1-1-2024"), default=0)
    estimate_15_to_25_2024 = models.PositiveIntegerField(
        _("schatting 15 tot 25 jaar (2024)"), default=0
    )
    # Designations set by a functional administrator: no public machine-readable list exists.
    is_centre_municipality = models.BooleanField(_("centrumgemeente"), default=False)
    is_contact_municipality = models.BooleanField(_("contactgemeente"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name


class RegionOverlap(models.Model):
    """Pair of arbeidsmarktregio and Doorstroompuntregio that share municipalities."""

    labour_market_region = models.ForeignKey(LabourMarketRegion, on_delete=models.CASCADE)
    doorstroompunt_region = models.ForeignKey(DoorstroompuntRegion, on_delete=models.CASCADE)
    municipality_count = models.PositiveSmallIntegerField(_("aantal gemeenten"))
    population_2024 = models.PositiveIntegerField(_("inwoners 2024"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["labour_market_region", "doorstroompunt_region"], name="unique_overlap"
            )
        ]
        verbose_name = _("overlap arbeidsmarktregio en Doorstroompuntregio")
        verbose_name_plural = _("overlappen arbeidsmarktregio en Doorstroompuntregio")

    def __str__(self) -> str:
        return f"{self.labour_market_region_id} × {self.doorstroompunt_region_id}"


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    type = models.CharField(_("soort"), max_length=20, choices=OrganisationType.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organisations",
        verbose_name=_("gemeente (vestiging)"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisatie")
    )
    name = models.CharField(_("naam"), max_length=200)
    serves = models.ManyToManyField(
        Municipality, blank=True, related_name="serving_teams",
        verbose_name=_("werkgebied (gemeenten)"),
        help_text=_("Inwoners van deze gemeenten komen in de werkvoorraad van dit team."),
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class User(AbstractUser):
    """A staff member, school contact or youth. What they may see follows from memberships."""

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @cached_property
    def active_memberships(self) -> list["Membership"]:
        """The user's active memberships with team and organisation, read once per request
        (request.user is a new object each request): the role checks of the rules, the
        primary membership and the casework teams all use this one query (issue 12)."""
        return list(
            self.memberships.filter(is_active=True)
            .select_related("team__organisation")
            .order_by("id")
        )

    @property
    def primary_membership(self) -> "Membership | None":
        return self.active_memberships[0] if self.active_memberships else None

    @property
    def casework_team_ids(self) -> frozenset[int]:
        return frozenset(m.team_id for m in self.active_memberships if m.role in CASEWORK_ROLES)

    def holds_role(self, roles, *, organisation_types=None) -> bool:
        """An active membership in one of ``roles`` (in an organisation of these types)."""
        return any(m.role in roles and (organisation_types is None
                                        or m.team.organisation.type in organisation_types)
                   for m in self.active_memberships)


class Membership(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("gebruiker")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("team")
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "team", "role"], name="unique_membership")
        ]
        indexes = [models.Index(fields=["user", "is_active"])]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.team}"


def default_aftercare_months() -> list[int]:
    return [1, 3, 6, 12]


class MunicipalConfig(models.Model):
    """Choices a municipality makes in its execution of art. 7a (set by a functional admin)."""

    municipality = models.OneToOneField(Municipality, on_delete=models.CASCADE,
                                        related_name="config", verbose_name=_("gemeente"))
    aftercare_months = models.JSONField(
        _("nazorgmomenten (maanden na uitstroom)"), default=default_aftercare_months,
        help_text=_("Bijvoorbeeld [1, 3, 6, 12]. S3 §2 laat de frequentie open; Nijmegen volgt "
                    "een jaar na uitstroom (S0 §9)."))
    no_contact_weeks = models.PositiveSmallIntegerField(
        _("signaal na weken zonder contact"), default=6)
    # The verordening's and practice's main choices, side by side in the centrumgemeente's
    # overview (issue 15 §6). Empty: not recorded yet.
    intake_weeks = models.PositiveSmallIntegerField(
        _("intake binnen (weken na het signaal)"), null=True, blank=True)
    aftercare_term_months = models.PositiveSmallIntegerField(
        _("nazorg tot (maanden na uitstroom)"), null=True, blank=True)
    hardship_policy = models.CharField(
        _("gebruik van de hardheidsclausule"), max_length=12, blank=True, choices=[
            ("none", _("Niet")), ("individual", _("Per geval")),
            ("policy", _("Met beleidsregel"))])
    intensive_contacts_per_month = models.PositiveSmallIntegerField(
        _("contacten per maand bij intensieve begeleiding"), null=True, blank=True)
    executor = models.CharField(
        _("wie voert uit"), max_length=14, blank=True, choices=[
            ("own_team", _("Eigen team van de gemeente")),
            ("doorstroompunt", _("Doorstroompunt")), ("werkcentrum", _("Werkcentrum")),
            ("mixed", _("Gemengd"))])

    class Meta:
        verbose_name = _("gemeentelijke instelling")
        verbose_name_plural = _("gemeentelijke instellingen")

    def __str__(self) -> str:
        return str(self.municipality)

    def clean(self):
        from django.core.exceptions import ValidationError

        months = self.aftercare_months
        if (not isinstance(months, list) or not months
                or not all(isinstance(m, int) and 1 <= m <= 36 for m in months)):
            raise ValidationError({"aftercare_months": _(
                "Geef een lijst van hele maanden tussen 1 en 36, bijvoorbeeld [1, 3, 6, 12].")})
        if not 1 <= self.no_contact_weeks <= 52:
            raise ValidationError({"no_contact_weeks": _("Kies 1 tot en met 52 weken.")})
        if self.intake_weeks is not None and not 1 <= self.intake_weeks <= 26:
            raise ValidationError({"intake_weeks": _("Kies 1 tot en met 26 weken.")})
        if self.aftercare_term_months is not None and not 1 <= self.aftercare_term_months <= 36:
            raise ValidationError({"aftercare_term_months": _("Kies 1 tot en met 36 maanden.")})
        if (self.intensive_contacts_per_month is not None
                and not 1 <= self.intensive_contacts_per_month <= 31):
            raise ValidationError({"intensive_contacts_per_month": _(
                "Kies 1 tot en met 31 contacten per maand.")})


def config_for(municipality: Municipality) -> MunicipalConfig:
    """The municipality's configuration, or the defaults (unsaved) when none is set."""
    try:
        return municipality.config
    except MunicipalConfig.DoesNotExist:
        return MunicipalConfig(municipality=municipality)
