"""Move every trajectory event into the file's event ledger, without loss.

``occurred_at``: the old ``effective_date`` (when it happened); when that is the day the row was
written, the exact old timestamp, otherwise midnight of that day (``date_only``). ``recorded_at``:
the old timestamp. Kinds stay, except support-request rows that were logged as
"handover_changed"; the entrance in a start or signal event moves to ``data.entrance`` with the
codes of the entrance vocabulary.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations

# Codes the first demo loader and handover wrote before the entrance became a vocabulary.
OLD_ENTRANCES = {"jongerenwerk": "youth_work", "sociaal_team": "social_team",
                 "leerplicht": "compulsory_education"}


def entrance_code(old: str) -> str:
    if old.startswith("handover:"):
        return "handover_" + old.split(":", 1)[1]
    return OLD_ENTRANCES.get(old, old)


def occurred(effective_date, written_at, tz):
    if written_at.astimezone(tz).date() == effective_date:
        return written_at, False
    return datetime.datetime.combine(effective_date, datetime.time.min, tzinfo=tz), True


def converted(old, tz) -> dict:
    data = dict(old.data or {})
    kind = old.event_type
    if kind == "handover_changed" and "support_request" in data and "handover" not in data:
        kind = "support_request_changed"
    if "source" in data:
        data["entrance"] = entrance_code(data.pop("source") or "")
    occurred_at, date_only = occurred(old.effective_date, old.occurred_at, tz)
    return dict(youth_id=old.youth_id, trajectory_id=old.trajectory_id, kind=kind,
                occurred_at=occurred_at, date_only=date_only, recorded_at=old.occurred_at,
                actor_id=old.actor_id, from_state=old.from_state, to_state=old.to_state,
                reason=old.reason, data=data)


def forward(apps, schema_editor):
    OldEvent = apps.get_model("trajectories", "TrajectoryEvent")
    Event = apps.get_model("casefile", "Event")
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    batch = []
    for old in OldEvent.objects.order_by("id").iterator(chunk_size=2000):
        batch.append(Event(id=old.id, **converted(old, tz)))
        if len(batch) >= 2000:
            Event.objects.bulk_create(batch)
            batch = []
    Event.objects.bulk_create(batch)
    _reset_sequence(schema_editor, Event)


def backward(apps, schema_editor):
    Event = apps.get_model("casefile", "Event")
    OldEvent = apps.get_model("trajectories", "TrajectoryEvent")
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    OldEvent.objects.bulk_create(
        OldEvent(id=e.id, youth_id=e.youth_id, trajectory_id=e.trajectory_id,
                 event_type="handover_changed" if e.kind == "support_request_changed" else e.kind,
                 occurred_at=e.recorded_at, effective_date=e.occurred_at.astimezone(tz).date(),
                 actor_id=e.actor_id, from_state=e.from_state, to_state=e.to_state,
                 reason=e.reason, data=e.data)
        for e in Event.objects.order_by("id").iterator(chunk_size=2000))
    _reset_sequence(schema_editor, OldEvent)


def _reset_sequence(schema_editor, model):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return  # SQLite continues after the highest id by itself
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("casefile", "0001_initial"),
        ("trajectories", "0006_trajectory_entrance"),
    ]
    operations = [migrations.RunPython(forward, backward)]
