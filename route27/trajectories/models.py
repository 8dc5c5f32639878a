import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from route27.casefile.vocabularies import ENTRANCES
from route27.trajectories.workflow import Step


class Intensity(models.TextChoices):
    """Support intensity set at intake (S3 §4)."""

    LIGHT = "licht", _("Licht")
    MEDIUM = "middelzwaar", _("Middelzwaar")
    INTENSIVE = "intensief", _("Intensief")


INTENSITY_WEIGHT = {Intensity.LIGHT: 1, Intensity.MEDIUM: 2, Intensity.INTENSIVE: 3}


class OutflowReason(models.TextChoices):
    DURABLE_WORK = "duurzaam_werk", _("Duurzaam werk")
    EDUCATION = "onderwijs", _("Onderwijs")
    LEARN_WORK = "leerwerktraject", _("Leerwerktraject")
    CARE = "zorg_dagbesteding", _("Zorg of dagbesteding")
    MOVED = "verhuisd", _("Verhuisd")
    AGE_27 = "27_zonder_hardheidsclausule", _("27 jaar zonder hardheidsclausule")
    UNREACHABLE = "niet_bereikbaar", _("Niet bereikbaar")
    NO_SUPPORT_WANTED = "geen_ondersteuning_gewenst", _("Geen ondersteuning gewenst")
    DECEASED = "overleden", _("Overleden")
    OTHER = "anders", _("Anders")


# Outflow to a place: aftercare follows (S3 §2 situatie 3). Other reasons close at once.
AFTERCARE_REASONS = frozenset({OutflowReason.DURABLE_WORK, OutflowReason.EDUCATION,
                               OutflowReason.LEARN_WORK, OutflowReason.CARE})


class Trajectory(models.Model):
    """One period of support for a youth. A youth can have a new one after an earlier one ended."""

    AUDIT_TYPE = "trajectory"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT,
                              related_name="trajectories", verbose_name=_("jongere"))
    team = models.ForeignKey("organisations.Team", on_delete=models.PROTECT,
                             related_name="trajectories", verbose_name=_("team"))
    step = models.CharField(_("stap"), max_length=20, choices=Step.choices, default=Step.SIGNAL)
    started_on = models.DateField(_("gestart op"))
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    legal_basis = models.CharField(_("grondslag"), max_length=10, blank=True)
    requested_by = models.CharField(_("aangevraagd door"), max_length=100, blank=True)
    # How the youth came in (No Wrong Door): a code of route27.casefile.vocabularies.ENTRANCES.
    entrance = models.CharField(_("binnengekomen via"), max_length=40, blank=True)
    route = models.CharField(_("route"), max_length=30, blank=True)
    hardship_justification = models.TextField(_("rechtvaardiging hardheidsclausule"), blank=True)
    intensity = models.CharField(_("intensiteit"), max_length=15, choices=Intensity.choices,
                                 blank=True)
    multi_problem = models.BooleanField(_("multiproblematiek"), default=False)
    outflow_reason = models.CharField(_("uitstroomreden"), max_length=40,
                                      choices=OutflowReason.choices, blank=True)
    outflow_on = models.DateField(_("uitstroomdatum"), null=True, blank=True)
    last_contact_on = models.DateField(_("laatste contact"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["youth"], condition=Q(closed_on__isnull=True),
                                    name="one_open_trajectory_per_youth"),
        ]
        indexes = [
            models.Index(fields=["team", "step"]), models.Index(fields=["step"]),
            # The intake queue: a team's open trajectories, oldest first (issue 12).
            models.Index(fields=["team", "started_on", "id"], condition=Q(closed_on__isnull=True),
                         name="trajectory_team_open_idx"),
        ]
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")

    def __str__(self) -> str:
        return f"{self.youth} – {self.get_step_display()}"

    @property
    def entrance_label(self) -> str:
        return ENTRANCES.label(self.entrance) if self.entrance else ""

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class LifeDomain(models.Model):
    """Life domain of the broad intake (S3 §4), configurable per municipality (NULL = default)."""

    municipality = models.ForeignKey("organisations.Municipality", null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="life_domains")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=100)
    special_category = models.BooleanField(
        _("bijzonder gevoelig"), default=False,
        help_text=_("Gezondheid, schulden, justitie: later alleen zichtbaar met een aparte reden."))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"],
                                               name="unique_life_domain")]
        verbose_name = _("leefgebied")
        verbose_name_plural = _("leefgebieden")

    def __str__(self) -> str:
        return self.name


class Intake(models.Model):
    """One version of the broad intake. Versions are added, never overwritten (S3 §4)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="intakes")
    version = models.PositiveSmallIntegerField(_("versie"))
    wishes = models.TextField(_("wensen van de jongere"), blank=True)
    intensity = models.CharField(_("intensiteit"), max_length=15, choices=Intensity.choices)
    multi_problem = models.BooleanField(_("multiproblematiek"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "version"],
                                               name="unique_intake_version")]
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")

    def __str__(self) -> str:
        return f"Intake v{self.version}"


class IntakeAnswer(models.Model):
    """Situation, possibilities, barriers and support need in one life domain."""

    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="answers")
    domain = models.ForeignKey(LifeDomain, on_delete=models.PROTECT, related_name="+")
    special_category = models.BooleanField(default=False)  # copied: stays true if config changes
    situation = models.TextField(_("situatie"), blank=True)
    possibilities = models.TextField(_("mogelijkheden"), blank=True)
    barriers = models.TextField(_("belemmeringen"), blank=True)
    support_need = models.TextField(_("ondersteuningsbehoefte"), blank=True)

    class Meta:
        ordering = ["domain__position"]
        constraints = [models.UniqueConstraint(fields=["intake", "domain"],
                                               name="unique_intake_domain")]

    def __str__(self) -> str:
        return str(self.domain)


class RouteDecision(models.Model):
    """A proposal of the art. 7a engine and the coach's confirmation or override."""

    AUDIT_TYPE = "route_decision"  # route27.audit.objects

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT,
                                   related_name="route_decisions")
    facts = models.JSONField(_("feiten"))
    proposal = models.JSONField(_("voorstel"))  # law.Decision.as_dict()
    proposed_route = models.CharField(_("voorgestelde route"), max_length=30)
    route = models.CharField(_("vastgestelde route"), max_length=30, blank=True)
    override_reason = models.TextField(_("reden afwijking"), blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("routebesluit")
        verbose_name_plural = _("routebesluiten")

    def __str__(self) -> str:
        return self.route or self.proposed_route

    @property
    def is_override(self) -> bool:
        return bool(self.route) and self.route != self.proposed_route


class JointAssessment(models.Model):
    """The joint assessment the route engine asked for (Pw art. 7a lid 2; ``law.R_JOINT``): the
    gemeente and the Doorstroompunt serving the youth's region weigh whether a return to initial
    full-time education is possible and fitting. Recorded once for the route proposal that asked
    for it, by a doorstroomcoach of that Doorstroompunt; recording it ends the Doorstroompunt's
    narrow scope on the file (ACCESS.md, "joint assessment")."""

    AUDIT_TYPE = "joint_assessment"  # route27.audit.objects

    class Outcome(models.TextChoices):
        SCHOOL_POSSIBLE = "yes", _("Terugkeer naar school is mogelijk en passend")
        SCHOOL_NOT_POSSIBLE = "no", _("Terugkeer naar school is nu niet mogelijk of passend")

    decision = models.OneToOneField(RouteDecision, on_delete=models.PROTECT,
                                    related_name="joint_assessment")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT,
                                   related_name="joint_assessments")
    doorstroompunt = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("Doorstroompunt"))
    school_possible = models.CharField(_("uitkomst"), max_length=3, choices=Outcome.choices)
    explanation = models.TextField(_("toelichting"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("gezamenlijke beoordeling")
        verbose_name_plural = _("gezamenlijke beoordelingen")

    def __str__(self) -> str:
        return self.get_school_possible_display()

    @property
    def youth(self):
        return self.trajectory.youth


class Goal(models.Model):
    AUDIT_TYPE = "goal"  # route27.audit.objects
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="goals")
    domain = models.ForeignKey(LifeDomain, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("leefgebied"))
    description = models.TextField(_("doel"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.description[:50]


class PlanAction(models.Model):
    AUDIT_TYPE = "plan_action"  # route27.audit.objects
    class Status(models.TextChoices):
        PLANNED = "planned", _("Gepland")
        IN_PROGRESS = "in_progress", _("Bezig")
        DONE = "done", _("Klaar")
        STOPPED = "stopped", _("Gestopt")

    class Owner(models.TextChoices):
        COACH = "coach", _("Coach")
        YOUTH = "youth", _("Jongere")
        PARTNER = "partner", _("Partner")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("actie"))
    status = models.CharField(_("status"), max_length=15, choices=Status.choices,
                              default=Status.PLANNED)
    owner = models.CharField(_("eigenaar"), max_length=10, choices=Owner.choices,
                             default=Owner.COACH)
    owner_name = models.CharField(_("naam eigenaar"), max_length=200, blank=True)
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    provision = models.ForeignKey("Instrument", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="plan_actions",
                                  verbose_name=_("voorziening uit de catalogus"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.description[:50]


class Activity(models.Model):
    class Kind(models.TextChoices):
        # Contacts a coach records (issue 11 §3): the kinds used every day come first.
        PHONE = "telefoon", _("Telefoon")
        WHATSAPP = "whatsapp", _("WhatsApp (alleen dat er contact was)")
        HOME_VISIT = "huisbezoek", _("Huisbezoek")
        ON_SITE = "gesprek_op_locatie", _("Gesprek op locatie")
        VIDEO = "video", _("Videogesprek")
        EMAIL = "email", _("E-mail")
        NO_SHOW = "no_show", _("Niet gekomen (no-show)")
        COACHING = "coaching", _("Coachingsgesprek")
        TRAINING = "training", _("Training")
        WORKSHOP = "workshop", _("Workshop")
        E_COACHING = "e_coaching", _("E-coaching")
        GROUP_MODULE = "group_module", _("Groepsmodule")

    # A no-show is a contact attempt: in the file, but the youth was not reached, so it does
    # not move the trajectory's last contact.
    ATTEMPTS = frozenset({Kind.NO_SHOW})
    # Recorded with one click from the worklist or the file header (today, no description).
    QUICK_CONTACTS = (Kind.PHONE, Kind.WHATSAPP, Kind.HOME_VISIT, Kind.ON_SITE, Kind.VIDEO,
                      Kind.EMAIL, Kind.NO_SHOW)
    QUICK_CONTACT_CHOICES = [(kind.value, kind.label) for kind in QUICK_CONTACTS]

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE,
                                   related_name="activities")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    on = models.DateField(_("datum"))
    description = models.TextField(
        _("omschrijving"), blank=True,
        help_text=_("Kort en zakelijk. Bij WhatsApp leg je alleen vast dat er contact was: "
                    "de inhoud van berichten wordt niet opgeslagen."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on}"

    @classmethod
    def quick_contact_kinds(cls) -> list[tuple[str, str]]:
        """The one-click contact kinds, translated once for a page (not once per row)."""
        return [(value, str(label)) for value, label in cls.QUICK_CONTACT_CHOICES]


class Instrument(models.Model):
    """A provision or instrument of the catalogue ("Wie kan ik bellen?", issue 13 §8): the
    instruments of seed 000 (national), and the offers a region or a municipality adds, with
    their provider, conditions, cost source and whom to call. ``law_code`` names the law
    module's instrument whose eligibility applies (``law.instrument_answer``)."""

    AUDIT_TYPE = "provision"  # route27.audit.objects

    class Scope(models.TextChoices):
        NATIONAL = "national", _("Landelijk")
        REGION = "region", _("Regio (Doorstroompuntregio)")
        MUNICIPALITY = "municipality", _("Gemeente")

    class Qualification(models.TextChoices):
        ANY = "", _("Met en zonder startkwalificatie")
        WITHOUT = "without", _("Alleen zonder startkwalificatie")
        WITH = "with", _("Alleen met startkwalificatie")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=150)
    description = models.TextField(_("omschrijving"), blank=True)
    source = models.CharField(_("bron"), max_length=200, blank=True)
    active = models.BooleanField(_("actief"), default=True)
    scope = models.CharField(_("bereik"), max_length=12, choices=Scope.choices,
                             default=Scope.NATIONAL)
    region = models.ForeignKey("organisations.DoorstroompuntRegion", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("regio"))
    municipality = models.ForeignKey("organisations.Municipality", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("gemeente"))
    law_code = models.CharField(_("soort voorziening (wet)"), max_length=40, blank=True)
    provider = models.CharField(_("aanbieder"), max_length=200, blank=True)
    min_age = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("tot leeftijd"), null=True, blank=True)
    qualification = models.CharField(_("startkwalificatie"), max_length=8, blank=True,
                                     choices=Qualification.choices)
    routes = models.JSONField(_("routes"), default=list, blank=True)
    intensities = models.JSONField(_("intensiteit"), default=list, blank=True)
    cost_source = models.CharField(_("bekostiging"), max_length=200, blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_reach = models.CharField(_("bereikbaar via"), max_length=200, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True, null=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")

    def __str__(self) -> str:
        return self.name


class InstrumentUse(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE,
                                   related_name="instruments")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="uses")
    started_on = models.DateField(_("vanaf"))
    ended_on = models.DateField(_("tot"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["-started_on"]

    def __str__(self) -> str:
        return str(self.instrument)


class Placement(models.Model):
    """The match (step 6): work, education, learn-work route, sheltered work or care."""

    class Kind(models.TextChoices):
        WORK = "work", _("Werk")
        EDUCATION = "education", _("Onderwijs")
        LEARN_WORK = "learn_work", _("Leerwerktraject")
        SHELTERED_WORK = "sheltered_work", _("Beschut werk")
        CARE = "care", _("Zorg of dagbesteding")

    class Ladder(models.TextChoices):
        """The Werkcentrum ladder (S3 §5)."""

        OPSTAPBAAN = "opstapbaan", _("Opstapbaan")
        STREEFBAAN = "streefbaan", _("Streefbaan")
        WENSBAAN = "wensbaan", _("Wensbaan")

    class LearningPath(models.TextChoices):
        BBL = "bbl", _("bbl (beroepsbegeleidend)")
        BOL = "bol", _("bol (beroepsopleidend)")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE,
                                   related_name="placements")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    ladder = models.CharField(_("trede"), max_length=15, choices=Ladder.choices, blank=True)
    organisation_name = models.CharField(_("werkgever of instelling"), max_length=200)
    started_on = models.DateField(_("startdatum"))
    education_level = models.CharField(_("niveau"), max_length=50, blank=True)
    learning_path = models.CharField(_("leerweg"), max_length=5, choices=LearningPath.choices,
                                     blank=True)
    contract_type = models.CharField(_("soort contract"), max_length=100, blank=True)
    hours_per_week = models.DecimalField(_("uren per week"), max_digits=4, decimal_places=1,
                                         null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.organisation_name}"


class FollowUp(models.Model):
    """Aftercare follow-up, scheduled from the outflow date (S3 §2 situatie 3)."""

    AUDIT_TYPE = "follow_up"  # route27.audit.objects

    class Outcome(models.TextChoices):
        ON_TRACK = "on_track", _("Gaat goed, blijft op plek")
        NEEDS_HELP = "needs_help", _("Heeft lichte hulp nodig")
        DROPPED_OUT = "dropped_out", _("Uitgevallen")
        UNREACHABLE = "unreachable", _("Niet bereikt")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE,
                                   related_name="follow_ups")
    due_on = models.DateField(_("gepland op"))
    months_after_outflow = models.PositiveSmallIntegerField(_("maanden na uitstroom"))
    done_on = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=15, choices=Outcome.choices,
                               blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    cancelled = models.BooleanField(_("vervallen"), default=False)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("nazorgcontact")
        verbose_name_plural = _("nazorgcontacten")

    def __str__(self) -> str:
        return f"{self.months_after_outflow} mnd – {self.due_on}"
