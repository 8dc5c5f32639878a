import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.handover.kinds import HandoverKind
from route27.handover.templates_default import DEFAULT_BLOCKS
from route27.handover.workflow import HandoverStatus


def default_blocks() -> list[dict]:
    return [dict(block) for block in DEFAULT_BLOCKS]


class DocumentTemplate(models.Model):
    """The overgangsdocument format of a Doorstroompuntregio (NULL = the national default)."""

    doorstroompunt_region = models.OneToOneField(
        "organisations.DoorstroompuntRegion", null=True, blank=True, on_delete=models.CASCADE,
        related_name="document_template", verbose_name=_("Doorstroompuntregio"))
    name = models.CharField(_("naam"), max_length=200)
    blocks = models.JSONField(_("blokken"), default=default_blocks)

    class Meta:
        verbose_name = _("format overgangsdocument")
        verbose_name_plural = _("formats overgangsdocument")

    def __str__(self) -> str:
        return self.name


class Handover(models.Model):
    """A transfer of a youth between school, Doorstroompunt and municipality."""

    AUDIT_TYPE = "handover"  # route27.audit.objects

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=20, choices=HandoverKind.choices)
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT, related_name="handovers")
    sender = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                               related_name="handovers_sent", verbose_name=_("van"))
    receiver = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                 related_name="handovers_received", verbose_name=_("naar"))
    status = models.CharField(_("status"), max_length=12, choices=HandoverStatus.choices,
                              default=HandoverStatus.CONCEPT)
    school_left_on = models.DateField(_("school verlaten op"), null=True, blank=True)
    diploma_on = models.DateField(_("diploma behaald op"), null=True, blank=True)
    highest_diploma = models.CharField(_("hoogste diploma"), max_length=10, blank=True)
    return_reason = models.TextField(_("reden terugsturen"), blank=True)
    trajectory = models.ForeignKey("trajectories.Trajectory", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="handovers")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["sender", "status"]),
                   models.Index(fields=["receiver", "status"])]
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"


class TransitionDocument(models.Model):
    """The overgangsdocument as structured data: content per block of the regional format."""

    handover = models.OneToOneField(Handover, on_delete=models.CASCADE, related_name="document")
    blocks = models.JSONField(_("format"))  # copied from the template when the draft starts
    content = models.JSONField(_("inhoud"), default=dict)  # {block_key: {field_key: text}}
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("overgangsdocument")
        verbose_name_plural = _("overgangsdocumenten")

    def __str__(self) -> str:
        return f"Overgangsdocument {self.handover_id}"

    def block(self, key: str) -> dict | None:
        return next((b for b in self.blocks if b["key"] == key), None)

    def filled_block_keys(self) -> list[str]:
        return [b["key"] for b in self.blocks
                if any(str(v).strip() for v in (self.content.get(b["key"]) or {}).values())]


class ConsentGiver(models.TextChoices):
    YOUTH = "youth", _("Jongere")
    PARENT = "parent", _("Ouder of voogd")


class ConsentMethod(models.TextChoices):
    DIGITAL = "digital", _("Digitaal in Mijn Route27")
    PAPER = "paper", _("Op papier, ondertekend")
    VERBAL = "verbal", _("Mondeling")


# What a staff member may record on behalf of the youth or parent; digital consent comes only from
# the portal account itself (services.consent_give_digital).
STAFF_CONSENT_METHODS = (ConsentMethod.PAPER, ConsentMethod.VERBAL)
# The proof of consents recorded before issue 9 §2 (data migration 0004): kept, but marked.
LEGACY_PROOF = "niet vastgelegd (bestaand)"


class Consent(models.Model):
    """Consent per document, per block and per receiving organisation (the consent ledger).

    Consent is evidence: it names who gave it (the youth, or a parent of a minor), on which date
    and how, and a paper or oral consent recorded by staff carries a proof reference (where the
    signed form or the call note is). Withdrawal sets ``withdrawn_at``; from that moment the
    receiver no longer sees the block. The history is also in the audit log and the events.
    """

    document = models.ForeignKey(TransitionDocument, on_delete=models.CASCADE,
                                 related_name="consents")
    block_key = models.CharField(_("blok"), max_length=50)
    receiver = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("ontvanger"))
    given_by = models.CharField(_("gegeven door"), max_length=10, choices=ConsentGiver.choices)
    given_by_name = models.CharField(_("naam"), max_length=200)
    method = models.CharField(_("manier"), max_length=10, choices=ConsentMethod.choices)
    given_on = models.DateField(_("toestemming gegeven op"))
    proof_reference = models.CharField(_("bewijs"), max_length=200, blank=True)
    given_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["block_key", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "block_key", "receiver"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_block_receiver"),
            models.CheckConstraint(
                condition=Q(method=ConsentMethod.DIGITAL) | ~Q(proof_reference=""),
                name="consent_on_paper_or_oral_has_proof"),
        ]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"{self.block_key} → {self.receiver_id}"


class LegalBasisOverride(models.Model):
    """Sharing without consent on a legal basis: a code of ``law.LEGAL_BASES`` (a named
    permission with its article) that opens only the blocks it covers for this kind of handover.
    ``law.LEGACY_BASIS`` marks a free-text basis from before issue 9 §2: it opens nothing."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="overrides")
    basis = models.CharField(_("grondslag"), max_length=30)
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [models.UniqueConstraint(
            fields=["handover", "basis"], condition=~Q(basis=law.LEGACY_BASIS),
            name="one_legal_basis_per_handover")]
        verbose_name = _("wettelijke grondslag zonder toestemming")
        verbose_name_plural = _("wettelijke grondslagen zonder toestemming")

    def __str__(self) -> str:
        return self.basis

    @property
    def legal_basis(self) -> law.SharingBasis | None:
        """The named permission, or None for a legacy free text."""
        return law.LEGAL_BASES.get(self.basis)


class HandoverMeeting(models.Model):
    """A warm handover meeting (warme overdracht, S0 §9)."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("datum"))
    participants = models.TextField(_("deelnemers"))
    youth_present = models.BooleanField(_("jongere aanwezig"), default=False)
    agreements = models.TextField(_("afspraken"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("warme overdracht")
        verbose_name_plural = _("warme overdrachten")

    def __str__(self) -> str:
        return f"{self.held_on}"


class Notification(models.Model):
    """In-app notice to the members of an organisation (mail goes out on commit)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="notifications")
    handover = models.ForeignKey(Handover, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="notifications")
    support_request = models.ForeignKey("handover.SupportRequest", null=True, blank=True,
                                        on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("bericht"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self) -> str:
        return self.text


class SupportRequest(models.Model):
    """A pro, vso or mbo school asks the municipality for support during school.

    Pw art. 7a lid 1 sub b: only such a school may ask, and the request records why. The
    receiving gemeente sees what the school submitted; the school sees the status only.
    """

    AUDIT_TYPE = "support_request"  # route27.audit.objects

    class Status(models.TextChoices):
        SENT = "sent", _("Verstuurd")
        ACCEPTED = "accepted", _("Geaccepteerd")
        DECLINED = "declined", _("Afgewezen")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT,
                              related_name="support_requests")
    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                               related_name="support_requests_sent", verbose_name=_("school"))
    receiver = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                 related_name="support_requests_received",
                                 verbose_name=_("gemeente"))
    reason = models.TextField(_("waarom de school ondersteuning vraagt"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.SENT)
    decline_reason = models.TextField(_("reden afwijzing"), blank=True)
    trajectory = models.ForeignKey("trajectories.Trajectory", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="support_requests")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["school", "status"]),
                   models.Index(fields=["receiver", "status"])]
        verbose_name = _("aanvraag ondersteuning tijdens school")
        verbose_name_plural = _("aanvragen ondersteuning tijdens school")

    def __str__(self) -> str:
        return f"{self.school_id} → {self.receiver_id} ({self.get_status_display()})"
