from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.core.db.models import AppendOnlyModel


class AuditAction(models.TextChoices):
    READ = "read", _("Ingezien")
    CREATE = "create", _("Aangemaakt")
    UPDATE = "update", _("Gewijzigd")
    DELETE = "delete", _("Verwijderd")
    EXPORT = "export", _("Geëxporteerd")
    DENIED = "denied", _("Geweigerd")
    LOGIN = "login", _("Ingelogd")
    LOGOUT = "logout", _("Uitgelogd")
    LOGIN_FAILED = "login_fail", _("Inloggen mislukt")


class AuditEntry(AppendOnlyModel):
    """One processing of personal data (AVG art. 30, BIO logging). Append-only.

    The database refuses UPDATE and DELETE on this table (trigger, see core.db.append_only).
    Role and organisation are copied at the moment of processing, so they stay true later.
    """

    refused_change = "Het verwerkingslog kan niet worden gewijzigd."
    refused_delete = "Het verwerkingslog kan niet worden verwijderd."

    # Indexes (issue 12, ADR 0015): the two lookups below lead on subject and on the typed
    # reference; on PostgreSQL the table is partitioned by month of occurred_at (with a BRIN
    # index on it), so neither the moment nor the bare object id needs a b-tree of its own.
    occurred_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+", verbose_name=_("wie"),
    )
    actor_username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=30, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    action = models.CharField(_("actie"), max_length=10, choices=AuditAction.choices)
    # The youth whose data this is, whatever the object: "who read my file" is one filter on it.
    subject = models.ForeignKey(
        "youth.Youth", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False,
        db_index=False, related_name="+", verbose_name=_("betrokkene"),
    )
    # Typed reference: a type registered in ``route27.audit.objects.AUDIT_OBJECTS`` and its id.
    object_type = models.CharField(_("soort object"), max_length=50)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    purpose = models.CharField(_("doel"), max_length=200)
    request_id = models.CharField(_("request-id"), max_length=64, blank=True)
    detail = models.JSONField(_("toelichting"), default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "occurred_at"]),
                   models.Index(fields=["subject", "occurred_at"])]
        verbose_name = _("logregel")
        verbose_name_plural = _("verwerkingslog")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    @property
    def object_type_label(self) -> str:
        return AUDIT_OBJECTS.label(self.object_type)
