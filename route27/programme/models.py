"""The regional programme 2026–2029 of a Doorstroompuntregio (issue 15; seed 000 §4.4–§4.6,
§6.2): its parties, governance, sections with their status, and streefcijfers. No personal
data: a programme speaks of groups, never of a youth."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from route27 import law


class Programme(models.Model):
    """One version of a region's programme. Signed, a version is frozen; an amendment during
    the term is a new version (``version`` + 1)."""

    AUDIT_TYPE = "programme"

    class Status(models.TextChoices):
        DRAFT = "draft", _("In voorbereiding")
        SIGNED = "signed", _("Ondertekend")
        SUPERSEDED = "superseded", _("Vervangen door een nieuwe versie")

    region = models.ForeignKey("organisations.DoorstroompuntRegion", on_delete=models.PROTECT,
                               related_name="programmes", verbose_name=_("regio"))
    first_year = models.PositiveSmallIntegerField(_("van"), default=law.PROGRAMME_YEARS[0])
    last_year = models.PositiveSmallIntegerField(_("tot en met"), default=law.PROGRAMME_YEARS[-1])
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    contact_municipality = models.ForeignKey(
        "organisations.Municipality", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("contactgemeente"))
    contact_school = models.CharField(_("contactschool"), max_length=200, blank=True)
    core_group = models.TextField(_("kerngroep"), blank=True)
    board_participants = models.TextField(_("deelnemers regionaal bestuurlijk overleg"),
                                          blank=True)
    board_frequency = models.CharField(_("frequentie van het overleg"), max_length=200,
                                       blank=True)
    board_decisions = models.TextField(_("besluitvorming"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "version"],
                                               name="one_programme_version")]
        ordering = ["region", "-version"]
        verbose_name = _("regionaal programma")
        verbose_name_plural = _("regionale programma's")

    def __str__(self) -> str:
        return f"{self.region} {self.first_year}–{self.last_year} v{self.version}"

    @property
    def frozen(self) -> bool:
        return self.status != self.Status.DRAFT


class Step(models.TextChoices):
    """The steps of the basic process (seed 000 §6.2), as the programme's sections."""

    GOVERNANCE = "governance", _("1. Kerngroep en regionaal bestuurlijk overleg")
    ANALYSIS = "analysis", _("2. Regionale analyse en streefcijfers")
    AGREEMENTS = "agreements", _("3. Samenwerkingsafspraken en maatregelen")
    YOUTH = "youth", _("4. Jongeren betrekken")
    BUDGET = "budget", _("5. Begroting")
    EXECUTION = "execution", _("6. Uitvoering, monitoring en evaluatie")


class Section(models.Model):
    AUDIT_TYPE = "programme_section"

    class Status(models.TextChoices):
        OPEN = "open", _("Nog niet begonnen")
        WORKING = "working", _("In bewerking")
        READY = "ready", _("Gereed voor ondertekening")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sections")
    step = models.CharField(_("stap"), max_length=12, choices=Step.choices)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.OPEN)
    text = models.TextField(_("tekst"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "step"],
                                               name="one_section_per_step")]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")

    def __str__(self) -> str:
        return f"{self.programme_id} {self.step}"


class ProgrammeTarget(models.Model):
    """A streefcijfer (seed 000 §6.2 stap 2): the maximum of new voortijdig schoolverlaters in
    a school year, or of youth 16–27 without work or education (NEET) in a year, with its
    justification and, for VSV, the OCW reference value."""

    AUDIT_TYPE = "programme_target"

    class Kind(models.TextChoices):
        NEW_VSV = "new_vsv", _("Nieuwe voortijdig schoolverlaters (per schooljaar)")
        NEET = "neet", _("Jongeren 16–27 zonder werk of opleiding (per jaar)")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("streefcijfer"), max_length=8, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2026), MaxValueValidator(2030)],
        help_text=_("Bij een schooljaar het eerste kalenderjaar: 2026 is 2026/2027."))
    maximum = models.PositiveIntegerField(_("maximum"))
    reference_value = models.PositiveIntegerField(_("referentiewaarde OCW"), null=True,
                                                  blank=True)
    justification = models.TextField(_("onderbouwing"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "kind", "year"],
                                               name="one_programme_target_per_year")]
        ordering = ["kind", "year"]
        verbose_name = _("streefcijfer")
        verbose_name_plural = _("streefcijfers")

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.maximum}"

    @property
    def period_label(self) -> str:
        return (f"{self.year}/{self.year + 1}" if self.kind == self.Kind.NEW_VSV
                else str(self.year))


class Theme(models.Model):
    """A theme the national format asks agreements on (seed 000 §4.4 j; issue 15). Data, kept
    by functional administration when the format changes; ``section`` is the format's part
    (4a, 4b, …) that orders an export."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("onderwerp"), max_length=200)
    section = models.CharField(_("onderdeel van het format"), max_length=10, blank=True)
    mandatory = models.BooleanField(_("verplicht"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("onderwerp van samenwerkingsafspraken")
        verbose_name_plural = _("onderwerpen van samenwerkingsafspraken")

    def __str__(self) -> str:
        return f"{self.section} {self.label}".strip()


class Agreement(models.Model):
    """A samenwerkingsafspraak on a theme (seed 000 §6.2 stap 3)."""

    AUDIT_TYPE = "programme_agreement"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="agreements")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("onderwerp"))
    title = models.CharField(_("afspraak"), max_length=200)
    text = models.TextField(_("uitwerking"))
    parties = models.CharField(_("wie"), max_length=300, blank=True)

    class Meta:
        ordering = ["theme__order", "id"]
        verbose_name = _("samenwerkingsafspraak")
        verbose_name_plural = _("samenwerkingsafspraken")

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    """An aanvullende maatregel of the regional budget (seed 000 §4.4 k): final only when each
    of the five conditions (``law.MEASURE_CONDITIONS``) has its justification."""

    AUDIT_TYPE = "programme_measure"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("maatregel"), max_length=200)
    description = models.TextField(_("omschrijving"))
    section = models.CharField(_("onderdeel van het format"), max_length=10, blank=True)
    conditions = models.JSONField(_("onderbouwing per voorwaarde"), default=dict, blank=True)
    final = models.BooleanField(_("definitief"), default=False)
    labour_market_region = models.ForeignKey(
        "organisations.LabourMarketRegion", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("met de arbeidsmarktregio"))
    agenda_reference = models.CharField(_("plaats in de meerjarenagenda"), max_length=300,
                                        blank=True)
    financial_agreement = models.TextField(
        _("financiële afspraak contactgemeente en centrumgemeente"), blank=True)
    # Final, the maatregel is an offer of the region's catalogue: a coach tags a trajectory
    # with it by using that provision, which counts the maatregel's reach (issue 15 §4). New
    # versions keep the provision, so the reach runs on through the term.
    provision = models.ForeignKey("trajectories.Instrument", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="measures",
                                  verbose_name=_("voorziening in de catalogus"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("aanvullende maatregel")
        verbose_name_plural = _("aanvullende maatregelen")

    def __str__(self) -> str:
        return self.title

    @property
    def open_conditions(self) -> list[str]:
        return law.measure_problem(self.conditions)


class Funding(models.TextChoices):
    """Where a budget line's money comes from (seed 000 §6.2 stap 6, issue 15)."""

    SCHOOL_SUBSIDY = "school_subsidy", _("Subsidie voor scholen (DUO)")
    SPECIFIC_GRANT = "specific_grant", _("Specifieke uitkering, gemeentelijk deel")
    DECENTRALISATION = "decentralisation", _("Decentralisatie-uitkering art. 7a (gebundeld)")
    IMPULSE = "impulse", _("Impulsbudget centrumgemeente")
    OTHER = "other", _("Overig (EU, provincie, anders)")


class Overhead(models.TextChoices):
    COORDINATION = "coordination", _("Coördinatie")
    ADMINISTRATION = "administration", _("Administratie")
    FINANCE = "finance", _("Financieel beheer")
    AUDIT = "audit", _("Accountantscontrole")


class BudgetLine(models.Model):
    """A cost in the programme's budget: for a maatregel, or overhead, in one year from one
    source (several lines make a mix), with the party that owns it."""

    AUDIT_TYPE = "programme_budget"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="budget_lines")
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="budget_lines", verbose_name=_("maatregel"))
    overhead = models.CharField(_("overhead"), max_length=14, choices=Overhead.choices,
                                blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"))
    source = models.CharField(_("bron"), max_length=16, choices=Funding.choices)
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=12, decimal_places=2)
    owner = models.CharField(_("eigenaar"), max_length=200)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=(models.Q(measure__isnull=False, overhead="")
                       | models.Q(measure__isnull=True) & ~models.Q(overhead="")),
            name="budget_line_is_measure_or_overhead")]
        ordering = ["year", "measure_id", "overhead", "id"]
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")

    def __str__(self) -> str:
        return f"{self.year} {self.source}: {self.amount}"


class Signature(models.Model):
    """A party's signature under a version (seed 000 §4.4: "Ondertekening gebeurt door een
    bevoegd persoon van de contactgemeente, de contactschool en de centrumgemeente(n)"),
    recorded by the coordinator with the date it was signed."""

    AUDIT_TYPE = "programme"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="signatures")
    party = models.CharField(_("partij"), max_length=40)  # contact_municipality, …, centre:GM…
    signer_name = models.CharField(_("naam van de ondertekenaar"), max_length=200)
    signer_function = models.CharField(_("functie"), max_length=200)
    signed_on = models.DateField(_("ondertekend op"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "party"],
                                               name="one_signature_per_party")]
        ordering = ["signed_on", "id"]
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")

    def __str__(self) -> str:
        return f"{self.party}: {self.signer_name}"


class Deadline(models.Model):
    """A date of the programme's calendar (seed 000 §4.4 "termijnen"): data, not code, so a
    new year or a changed Regeling is a change in the admin."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("omschrijving"), max_length=300)
    starts_on = models.DateField(_("van"), null=True, blank=True)
    ends_on = models.DateField(_("uiterlijk"))

    class Meta:
        ordering = ["ends_on", "code"]
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")

    def __str__(self) -> str:
        return f"{self.ends_on}: {self.label}"


class Responsibility(models.Model):
    """Who carries out, monitors or evaluates which part of the programme (seed 000 §6.2 stap
    7: "maken afspraken over wie verantwoordelijk is voor de uitvoering en monitoring van de
    verschillende onderdelen")."""

    AUDIT_TYPE = "programme_section"

    class Task(models.TextChoices):
        EXECUTION = "execution", _("Uitvoering")
        MONITORING = "monitoring", _("Monitoring")
        EVALUATION = "evaluation", _("Evaluatie")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="responsibilities")
    part = models.CharField(_("onderdeel"), max_length=200)
    task = models.CharField(_("taak"), max_length=10, choices=Task.choices)
    party = models.CharField(_("verantwoordelijke partij"), max_length=200)

    class Meta:
        ordering = ["part", "task", "id"]
        verbose_name = _("verantwoordelijkheid")
        verbose_name_plural = _("verantwoordelijkheden")

    def __str__(self) -> str:
        return f"{self.part}: {self.task} {self.party}"


class ParticipationSession(models.Model):
    """Youth involved in the programme (seed 000 §6.2 stap 4, "Jongeren betrekken"): a session
    or panel, who took part, the compensation, what they said and how it changed the
    programme; the seed asks regions to show the latter."""

    AUDIT_TYPE = "programme_participation"

    class Form(models.TextChoices):
        SESSION = "session", _("Bijeenkomst")
        PANEL = "panel", _("Jongerenpanel")
        INTERVIEWS = "interviews", _("Interviews of gesprekken")
        SURVEY = "survey", _("Vragenlijst")
        OTHER = "other", _("Anders")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="participation")
    held_on = models.DateField(_("datum"))
    form = models.CharField(_("vorm"), max_length=10, choices=Form.choices)
    groups = models.CharField(_("welke jongeren"), max_length=300)
    participants = models.PositiveSmallIntegerField(_("aantal deelnemers"), null=True,
                                                    blank=True)
    compensation = models.CharField(_("vergoeding"), max_length=200, blank=True)
    input = models.TextField(_("inbreng van de jongeren"))
    effect = models.TextField(_("wat het programma ermee deed"), blank=True)
    step = models.CharField(_("onderdeel dat veranderde"), max_length=12, choices=Step.choices,
                            blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("jongerenparticipatie")
        verbose_name_plural = _("jongerenparticipatie")

    def __str__(self) -> str:
        return f"{self.held_on} {self.groups}"


class Contribution(models.Model):
    """What a party adds without keeping the programme (issue 15, "who may do what"): a
    gemeente of the region contributes a remark to a step; a centrumgemeente advises a
    gemeente on its local verordening."""

    AUDIT_TYPE = "programme_contribution"

    class Kind(models.TextChoices):
        REMARK = "remark", _("Bijdrage")
        ADVICE = "advice", _("Advies over de verordening")

    region = models.ForeignKey("organisations.DoorstroompuntRegion", on_delete=models.PROTECT,
                               related_name="+")
    kind = models.CharField(_("soort"), max_length=8, choices=Kind.choices)
    step = models.CharField(_("onderdeel"), max_length=12, choices=Step.choices, blank=True)
    about = models.ForeignKey("organisations.Municipality", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("aan gemeente"))
    text = models.TextField(_("tekst"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    author_name = models.CharField(max_length=200)
    on_behalf_of = models.CharField(_("namens"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")

    def __str__(self) -> str:
        return f"{self.on_behalf_of}: {self.text[:40]}"


class SubsidyApplication(models.Model):
    """The contactschool's application for the regional subsidy (Regeling; seed 000 §4.4
    termijnen), through its statuses: ``law.SUBSIDY_TRANSITIONS``."""

    AUDIT_TYPE = "programme_subsidy"

    region = models.ForeignKey("organisations.DoorstroompuntRegion", on_delete=models.PROTECT,
                               related_name="+")
    status = models.CharField(_("status"), max_length=12, default="draft")
    amount_requested = models.DecimalField(_("aangevraagd bedrag (euro)"), max_digits=12,
                                           decimal_places=2, null=True, blank=True)
    amount_granted = models.DecimalField(_("toegekend bedrag (euro)"), max_digits=12,
                                         decimal_places=2, null=True, blank=True)
    history = models.JSONField(default=list)  # [{status, on, note}], newest last
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region"], name="one_application")]
        verbose_name = _("subsidieaanvraag")
        verbose_name_plural = _("subsidieaanvragen")

    def __str__(self) -> str:
        return f"{self.region} {self.status}"


class Proposal(models.Model):
    """A proposal in a round for the regional budget, for regions that work that way: judged
    on the five conditions of a maatregel, with decision and reason."""

    AUDIT_TYPE = "programme_proposal"

    class Decision(models.TextChoices):
        PENDING = "pending", _("In beoordeling")
        GRANTED = "granted", _("Toegekend")
        REJECTED = "rejected", _("Afgewezen")

    region = models.ForeignKey("organisations.DoorstroompuntRegion", on_delete=models.PROTECT,
                               related_name="+")
    round = models.CharField(_("ronde"), max_length=60)
    title = models.CharField(_("voorstel"), max_length=200)
    applicant = models.CharField(_("indiener"), max_length=200)
    amount = models.DecimalField(_("bedrag (euro)"), max_digits=12, decimal_places=2)
    criteria = models.JSONField(_("beoordeling per criterium"), default=dict, blank=True)
    decision = models.CharField(_("besluit"), max_length=8, choices=Decision.choices,
                                default=Decision.PENDING)
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        ordering = ["round", "id"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")

    def __str__(self) -> str:
        return self.title


class EffectReport(models.Model):
    """The yearly effectrapportage (seed 000 §4.6) of a region: what the partners enter
    (realised figures from DUO/CBS, explanations, progress per afspraak and maatregel, their
    text) on the programme version in force; the rest is generated (``effect_report``)."""

    AUDIT_TYPE = "programme_effect_report"

    region = models.ForeignKey("organisations.DoorstroompuntRegion", on_delete=models.PROTECT,
                               related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    realised = models.JSONField(default=dict, blank=True)  # {"new_vsv-2026": 410, …}
    explanations = models.JSONField(default=dict, blank=True)  # same keys
    progress = models.JSONField(default=dict, blank=True)  # {"agreement-<id>": text, "measure-…"}
    partner_text = models.TextField(_("toelichting van de partners"), blank=True)
    submitted_on = models.DateField(_("ingediend bij DUO op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "year"],
                                               name="one_effect_report_per_year")]
        verbose_name = _("effectrapportage")
        verbose_name_plural = _("effectrapportages")

    def __str__(self) -> str:
        return f"{self.region} {self.year}"
