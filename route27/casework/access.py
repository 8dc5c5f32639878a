"""The regie reason (ACCESS.md: "the sociaal-team member who took regie | the whole file |
regie handed back"), and its right to write: "both work on the shared plan" (seed 003 §1).

Involvement and the casusoverleg are narrower scopes (the card; the agenda item) and are read
through ``casework.selectors``; they open no file.
"""

from __future__ import annotations

from django.db.models import QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _

from route27.casework.models import Regie, RegieStatus
from route27.organisations.roles import Role
from route27.youth import access


class CaseworkReason(TextChoices):
    REGIE = "regie", _("Regie (sociaal team)")


def _holds_regie_role(user) -> bool:
    return user.holds_role({Role.SOCIAAL_TEAM})


@access.register(CaseworkReason.REGIE)
def _regie(user) -> QuerySet | None:
    if not _holds_regie_role(user):
        return None
    return Regie.objects.filter(holder=user, status=RegieStatus.TAKEN).values("youth_id")


@access.register_writer
def _regie_writes(user, youth) -> bool:
    return _holds_regie_role(user) and Regie.objects.filter(
        holder=user, status=RegieStatus.TAKEN, youth=youth).exists()
