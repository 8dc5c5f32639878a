import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.core.partial_date import PartialDate
from route27.organisations.models import Municipality, Team
from route27.organisations.roles import Role


class Youth(models.Model):
    """A young person (jongere). One row per person: the BSN is unique when present.

    URLs use ``public_id``; the BSN is only ever sent in a POST body.
    """

    AUDIT_TYPE = "youth"  # route27.audit.objects

    public_id = models.UUIDField(_("id"), default=uuid.uuid4, unique=True, editable=False)
    bsn = models.CharField(_("BSN"), max_length=9, null=True, blank=True)
    # The BSN was typed for a new file while another file holds it: both stay until a coach
    # merges them or corrects the BSN (a review item; no oracle for whoever typed it).
    bsn_under_review = models.BooleanField(_("BSN in controle"), default=False)
    # Joined into another file of the same person (issue 9 §4, ADR 0011): its id leads there,
    # it shows in no list, and its append-only rows (events, audit) are read with the kept file.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_files",
        verbose_name=_("samengevoegd met"),
    )
    given_names = models.CharField(_("voornamen"), max_length=200)
    surname_prefix = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    family_name = models.CharField(_("achternaam"), max_length=200)
    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"))
    birth_month = models.PositiveSmallIntegerField(_("geboortemaand"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("geboortedag"), null=True, blank=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="youth",
        verbose_name=_("woongemeente"),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    street_address = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=7, blank=True)
    place = models.CharField(_("woonplaats"), max_length=100, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="youth",
        verbose_name=_("verantwoordelijk team"),
    )
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        ordering = ["family_name", "given_names", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"], condition=Q(bsn__isnull=False, bsn_under_review=False),
                name="unique_youth_bsn"
            ),
            models.CheckConstraint(
                condition=Q(birth_month__isnull=False) | Q(birth_day__isnull=True),
                name="youth_birth_day_needs_month",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "family_name"]),
            models.Index(fields=["family_name", "birth_year"]),
        ]
        verbose_name = _("jongere")
        verbose_name_plural = _("jongeren")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.family_name) if p)

    @property
    def birth_date(self) -> PartialDate:
        return PartialDate(self.birth_year, self.birth_month, self.birth_day)


class Guardian(models.Model):
    """Parent or guardian (wettelijk vertegenwoordiger) of a minor youth."""

    class Relationship(models.TextChoices):
        PARENT = "parent", _("Ouder")
        GUARDIAN = "guardian", _("Voogd")
        OTHER = "other", _("Anders")

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="guardians")
    name = models.CharField(_("naam"), max_length=200)
    relationship = models.CharField(
        _("relatie"), max_length=20, choices=Relationship.choices, default=Relationship.PARENT
    )
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ouder of voogd")
        verbose_name_plural = _("ouders of voogden")

    def __str__(self) -> str:
        return self.name


class ContactAssignment(models.Model):
    """Who is the youth's fixed contact person (vaste contactpersoon, seed 003 §1), over time.

    Exactly one active assignment per youth at a time (database constraint).
    """

    AUDIT_TYPE = "contact_assignment"  # route27.audit.objects

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="contact_assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contact_assignments",
        verbose_name=_("contactpersoon"),
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    started_at = models.DateTimeField(_("vanaf"), auto_now_add=True)
    ended_at = models.DateTimeField(_("tot"), null=True, blank=True)
    handover_note = models.TextField(_("overdrachtsnotitie"), blank=True)
    # Temporary cover during absence (ADR 0014): this assignment stands in for ``cover_for``
    # until ``cover_until`` (inclusive); when the cover ends, the original contact returns.
    cover_for = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="covers",
        verbose_name=_("waarneming voor"),
    )
    cover_until = models.DateField(_("waarneming tot en met"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["youth"], condition=Q(ended_at__isnull=True),
                name="one_active_contact_person",
            )
        ]
        indexes = [models.Index(fields=["user", "ended_at"])]
        verbose_name = _("vaste contactpersoon")
        verbose_name_plural = _("vaste contactpersonen")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class ContactNotice(models.Model):
    """An in-app notice to a colleague about a youth they were contact person of (ADR 0014):
    another took over, a cover started or ended. Shown on the recipient's home page; the youth's
    name is read there through the recipient's own access (no name is stored in the text)."""

    class Kind(models.TextChoices):
        REASSIGNED = "reassigned", _("Vaste contactpersoon overgedragen")
        COVER_STARTED = "cover_started", _("Waarneming gestart")
        COVER_ENDED = "cover_ended", _("Waarneming beëindigd")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="contact_notices")
    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    colleague = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("collega"))
    cover_until = models.DateField(_("tot en met"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    AUDIT_TYPE = "contact_notice"  # route27.audit.objects

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "created_at"])]
        verbose_name = _("melding contactpersoon")
        verbose_name_plural = _("meldingen contactpersoon")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class PossibleDuplicate(models.Model):
    """A review item: two files that may belong to one person (issue 9 §3–4, No Wrong Door).

    Raised where Route27 may not link by itself: a BSN typed by a school or another team that
    belongs to a file with another name or birth date, or a new file with the same family name
    and birth date as an existing one. The sender is never told (no oracle); a coach or
    functional administrator who may see both files decides: merge, or two different people.
    """

    AUDIT_TYPE = "possible_duplicate"  # route27.audit.objects

    class Reason(models.TextChoices):
        SAME_BSN = "same_bsn", _("Zelfde BSN, naam en geboortedatum als een bestaand dossier")
        BSN_OTHER_PERSON = "bsn_other_person", _(
            "Het opgegeven BSN hoort bij een dossier met een andere naam of geboortedatum")
        SAME_NAME_BIRTH_DATE = "same_name_birth_date", _("Zelfde achternaam en geboortedatum")

    class Status(models.TextChoices):
        OPEN = "open", _("Te beoordelen")
        MERGED = "merged", _("Samengevoegd")
        DISTINCT = "distinct", _("Verschillende personen")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="duplicate_reviews",
                              verbose_name=_("nieuw dossier"))
    other = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("bestaand dossier"))
    reason = models.CharField(_("reden"), max_length=30, choices=Reason.choices)
    source = models.CharField(_("ontstaan bij"), max_length=40)  # an entrance or a use case
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decision_note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["raised_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["youth", "other"], condition=Q(status="open"),
                                    name="one_open_review_per_pair"),
            models.CheckConstraint(condition=~Q(youth=models.F("other")),
                                   name="review_of_two_files"),
        ]
        indexes = [models.Index(fields=["status", "other"])]
        verbose_name = _("mogelijk dubbel dossier")
        verbose_name_plural = _("mogelijk dubbele dossiers")

    def __str__(self) -> str:
        return f"{self.youth_id} ~ {self.other_id} ({self.get_status_display()})"


class YouthMerge(models.Model):
    """Two files of one person joined into one (issue 9 §4, ADR 0011), and its undo.

    ``moved`` records, per mover (``youth.merge.MERGE_MOVERS``), exactly which rows the merge
    changed, so the undo restores those and nothing else. Append-only rows (events, audit) are
    never rewritten: the kept file's reads include the merged file's rows.
    """

    AUDIT_TYPE = "youth_merge"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kept = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="merges_kept",
                             verbose_name=_("bewaard dossier"))
    merged = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="merges_merged",
                               verbose_name=_("samengevoegd dossier"))
    reason = models.TextField(_("reden"))
    review = models.ForeignKey(PossibleDuplicate, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="merges",
                               verbose_name=_("beoordeling"))
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("samengevoegd door"))
    merged_at = models.DateTimeField(_("samengevoegd op"), default=timezone.now)
    moved = models.JSONField(_("verplaatste gegevens"), default=dict)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("ongedaan gemaakt door"))
    undone_at = models.DateTimeField(_("ongedaan gemaakt op"), null=True, blank=True)
    undo_reason = models.TextField(_("reden ongedaan maken"), blank=True)

    class Meta:
        ordering = ["-merged_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(kept=models.F("merged")),
                                   name="merge_of_two_files"),
            models.UniqueConstraint(fields=["merged"], condition=Q(undone_at__isnull=True),
                                    name="one_standing_merge_per_file"),
        ]
        verbose_name = _("samenvoeging")
        verbose_name_plural = _("samenvoegingen")

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.kept_id}"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None
