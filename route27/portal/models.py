"""Mijn Route27: the youth's own view (issue 5, capability 6).

A youth signs in for themself; a parent or guardian of a minor signs in for the child. In the
demo this is a password login. In production the same views sit behind DigiD through OpenID
Connect (a later issue): the OIDC callback then finds the PortalAccount by the BSN from DigiD
instead of a password, and nothing in the portal views changes.

A portal user has no team membership, so every staff page refuses them (deny by default); the
portal views read only the account's own youth, never a youth named in the URL.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27 import law


class PortalRelation(models.TextChoices):
    SELF = "self", _("Jongere zelf")
    PARENT = "parent", _("Ouder of voogd")


class PortalAccount(models.Model):
    AUDIT_TYPE = "portal_account"  # route27.audit.objects

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="portal_account", verbose_name=_("gebruiker"))
    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT,
                              related_name="portal_accounts", verbose_name=_("jongere"))
    relation = models.CharField(_("relatie"), max_length=10, choices=PortalRelation.choices)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("aangemaakt door"))

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["youth"], condition=Q(relation="self"), name="one_own_portal_account")]
        verbose_name = _("account Mijn Route27")
        verbose_name_plural = _("accounts Mijn Route27")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_relation_display()})"

    @property
    def is_parent(self) -> bool:
        return self.relation == PortalRelation.PARENT

    def is_active(self, on=None) -> bool:
        """A parent's access ends when the child turns 18 (or when the BRP date leaves it open)."""
        if self.relation == PortalRelation.SELF:
            return True
        return law.is_minor(self.youth.birth_date, on or timezone.localdate()) is True
