"""Every read of signals: scoped to the user's casework teams, and logged."""

from __future__ import annotations

import uuid

from django.db.models import Count, QuerySet

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read, record_reads
from route27.core.errors import NotFound
from route27.signals.events import SignalObject
from route27.signals.models import Signal, SignalStatus
from route27.youth.models import Youth

OBJECT_TYPE = SignalObject.SIGNAL


def signals_visible_to(user) -> QuerySet[Signal]:
    """Signals routed to one of the user's casework teams. A user with no team sees nothing."""
    if user is None or not user.is_authenticated or not user.casework_team_ids:
        return Signal.objects.none()
    return Signal.objects.filter(team_id__in=user.casework_team_ids)


def signal_list(*, user, status: str = "") -> QuerySet[Signal]:
    """Newest first; not yet logged (see signal_log_shown)."""
    qs = signals_visible_to(user).select_related("municipality", "team", "youth")
    if status in SignalStatus.values:
        qs = qs.filter(status=status)
    return qs.annotate(candidate_count=Count("candidates")).order_by("-created_at", "-id")


def signal_log_shown(*, user, signals: list[Signal], purpose: Purpose = Purpose.CASELOAD) -> None:
    record_reads(user=user, shown=signals, purpose=purpose)


def signal_get(*, user, public_id: uuid.UUID | str,
               purpose: Purpose = Purpose.CASEWORK) -> Signal:
    """One signal, logged as read; NotFound (and a denied entry) outside the user's teams."""
    signal = (signals_visible_to(user)
              .select_related("municipality", "team__organisation", "youth", "trajectory",
                              "created_by", "linked_by")
              .filter(public_id=public_id).first())
    if signal is None:
        record_denied(user=user, object_type=OBJECT_TYPE, object_id=public_id, purpose=purpose)
        raise NotFound("Dit signaal is niet gevonden of u heeft geen toegang.")
    record_read(user=user, youth=signal.youth, about=signal, purpose=purpose)
    return signal


def signal_candidates(*, user, signal: Signal) -> list[Youth]:
    """The possible matches of a signal, shown to decide on the person; each one logged.

    The candidates may belong to another team (the youth moved): the coach sees only what is
    needed to decide (name, birth date, municipality, team), and each is logged as a search.
    """
    if signal.status != SignalStatus.NEEDS_CONFIRMATION:
        return []
    candidates = list(signal.candidates.filter(merged_into__isnull=True)  # ADR 0011
                      .select_related("municipality", "team")
                      .order_by("family_name", "given_names", "pk"))
    record_reads(user=user, shown=candidates, purpose=Purpose.SEARCH)
    return candidates


def files_visible(*, user, signals) -> set[int]:
    """Of the youth these signals are linked to, the ids whose file the user may open. A signal
    about someone else's youth shows no file and no step (issue 9: no oracles)."""
    from route27.youth.selectors import youth_visible_to

    linked = {s.youth_id for s in signals if s.youth_id}
    if not linked:
        return set()
    return set(youth_visible_to(user).filter(pk__in=linked).values_list("pk", flat=True))
