"""Reasons a user may see a youth's file. Each reason is one indexed filter (a ``Q``).

Apps add reasons with :func:`register` (involvement, handover, ...). ``visible_q`` ORs them, so
the scope is one query with EXISTS sub-queries, whatever the number of grants.
A user with no reason sees nothing: an empty OR matches no rows.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q, TextChoices
from django.utils.translation import gettext_lazy as _


class AccessReason(TextChoices):
    CONTACT_PERSON = "contact_person", _("Vaste contactpersoon")
    TEAM = "team", _("Zelfde team")
    INVOLVEMENT = "involvement", _("Vastgelegde betrokkenheid")
    HANDOVER = "handover", _("Eigen overdracht")


ReasonFilter = Callable[[object], Q | None]
_REASONS: dict[AccessReason, ReasonFilter] = {}


def register(reason: AccessReason) -> Callable[[ReasonFilter], ReasonFilter]:
    def decorate(build: ReasonFilter) -> ReasonFilter:
        _REASONS[reason] = build
        return build

    return decorate


def visible_q(user) -> Q:
    nothing = Q(pk__in=[])
    if user is None or not user.is_authenticated:
        return nothing
    combined = nothing
    for build in _REASONS.values():
        q = build(user)
        if q is not None:
            combined |= q
    return combined


def reasons_for(user, youth) -> list[AccessReason]:
    from route27.youth.models import Youth

    return [
        reason
        for reason, build in _REASONS.items()
        if (q := build(user)) is not None and Youth.objects.filter(q, pk=youth.pk).exists()
    ]


@register(AccessReason.CONTACT_PERSON)
def _contact_person(user) -> Q:
    from route27.youth.models import ContactAssignment

    return Q(
        Exists(
            ContactAssignment.objects.filter(
                youth=OuterRef("pk"), user=user, ended_at__isnull=True
            )
        )
    )


@register(AccessReason.TEAM)
def _same_team(user) -> Q | None:
    team_ids = user.casework_team_ids
    return Q(team_id__in=team_ids) if team_ids else None
