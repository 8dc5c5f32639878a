"""Reasons a user may see a youth's file. Each reason gives the ids of the youth it opens.

Apps add reasons with :func:`register` (involvement, regie, ...). ``visible_q`` combines them as
``pk IN (ids of reason 1 UNION ids of reason 2 ...)``: each part is driven by its own index, where
an OR of EXISTS sub-queries made PostgreSQL scan every youth (issue 9, 12). A user with no reason
sees nothing. A reason here opens the whole *file*; narrower scopes (the consented blocks of a
handover before acceptance, an involvement card) are read through their own app's selectors and
are not registered here (``ACCESS.md``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _


class AccessReason(TextChoices):
    CONTACT_PERSON = "contact_person", _("Vaste contactpersoon")
    TEAM = "team", _("Zelfde team")


ReasonIds = Callable[[object], QuerySet | None]  # a query of youth ids, or None: no grant
_REASONS: dict[str, ReasonIds] = {}


def register(reason: str) -> Callable[[ReasonIds], ReasonIds]:
    def decorate(build: ReasonIds) -> ReasonIds:
        _REASONS[reason] = build
        return build

    return decorate


# A reason of a higher app that also lets its holder write the file (regie: "both work on the
# shared plan"), as ``(user, youth) -> bool``; asked only when contact person and team do not.
_WRITERS: list[Callable[[object, object], bool]] = []


def register_writer(writes: Callable[[object, object], bool]) -> Callable[[object, object], bool]:
    _WRITERS.append(writes)
    return writes


def writes_by_other_reason(user, youth) -> bool:
    return any(writes(user, youth) for writes in _WRITERS)


def _ids(user) -> list[QuerySet]:
    if user is None or not user.is_authenticated:
        return []
    return [ids.order_by() for build in _REASONS.values() if (ids := build(user)) is not None]


def visible_q(user) -> Q:
    parts = _ids(user)
    if not parts:
        return Q(pk__in=[])
    first, *rest = parts
    return Q(pk__in=first.union(*rest) if rest else first)


def reasons_for(user, youth) -> list[str]:
    from route27.youth.models import Youth

    return [reason for reason, build in _REASONS.items()
            if (ids := build(user)) is not None
            and Youth.objects.filter(pk__in=ids.order_by(), pk=youth.pk).exists()]


@register(AccessReason.CONTACT_PERSON)
def _contact_person(user) -> QuerySet:
    from route27.youth.models import ContactAssignment

    return ContactAssignment.objects.filter(user=user, ended_at__isnull=True).values("youth_id")


@register(AccessReason.TEAM)
def _same_team(user) -> QuerySet | None:
    from route27.youth.models import Youth

    team_ids = user.casework_team_ids
    return Youth.objects.filter(team_id__in=team_ids).values("pk") if team_ids else None
