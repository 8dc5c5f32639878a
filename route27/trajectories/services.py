from __future__ import annotations

import datetime

from django.utils import timezone

from route27.trajectories.models import EventType, TrajectoryEvent


def event_append(*, youth, event_type: EventType, actor,
                 effective_date: datetime.date | None = None, from_state: str = "",
                 to_state: str = "", reason: str = "",
                 data: dict | None = None) -> TrajectoryEvent:
    """Append an event. Called by other services inside their transaction."""
    return TrajectoryEvent.objects.create(
        youth=youth, event_type=event_type, actor=actor if actor and actor.pk else None,
        effective_date=effective_date or timezone.localdate(), from_state=from_state,
        to_state=to_state, reason=reason, data=data or {},
    )
