"""Each trajectory's entrance, from the start event that used to be its only record."""

from django.db import migrations


def forward(apps, schema_editor):
    Trajectory = apps.get_model("trajectories", "Trajectory")
    Event = apps.get_model("casefile", "Event")
    started = (Event.objects.filter(kind="trajectory_started", trajectory__isnull=False)
               .order_by("trajectory_id", "id").values_list("trajectory_id", "data"))
    entrances: dict[int, str] = {}
    for trajectory_id, data in started.iterator(chunk_size=2000):
        entrances.setdefault(trajectory_id, (data or {}).get("entrance") or "")
    by_entrance: dict[str, list[int]] = {}
    for trajectory_id, entrance in entrances.items():
        if entrance:
            by_entrance.setdefault(entrance, []).append(trajectory_id)
    for entrance, ids in by_entrance.items():
        for start in range(0, len(ids), 900):
            Trajectory.objects.filter(pk__in=ids[start:start + 900]).update(entrance=entrance)


class Migration(migrations.Migration):
    dependencies = [
        ("trajectories", "0006_trajectory_entrance"),
        ("casefile", "0002_events_from_trajectories"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
