"""Issue 9 §9: a contact assignment of a youth whose trajectories are all closed ended with the
last one. Before this release closing did not end it, so former coaches kept the contact-person
reason to the file. End those assignments at the closing date (or now, when the assignment
started on that day) and write the fact in the ledger; assignments started after the closure
(a new contact without a trajectory) stay."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import migrations
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone


def forward(apps, schema_editor):
    ContactAssignment = apps.get_model("youth", "ContactAssignment")
    Trajectory = apps.get_model("trajectories", "Trajectory")
    Event = apps.get_model("casefile", "Event")
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    now = timezone.now()
    open_trajectory = Trajectory.objects.filter(youth_id=OuterRef("youth_id"),
                                                closed_on__isnull=True)
    stale = (ContactAssignment.objects.filter(ended_at__isnull=True)
             .filter(~Exists(open_trajectory))
             .annotate(last_closed=Max("youth__trajectories__closed_on"))
             .filter(last_closed__isnull=False))
    for assignment in stale.iterator(chunk_size=2000):
        closed = datetime.datetime.combine(assignment.last_closed, datetime.time.max, tzinfo=tz)
        if assignment.started_at > closed:
            continue  # a contact person given after the closure: not caused by the trajectory
        ended_at = max(assignment.started_at,
                       datetime.datetime.combine(assignment.last_closed, datetime.time.min,
                                                 tzinfo=tz))
        ContactAssignment.objects.filter(pk=assignment.pk).update(ended_at=ended_at)
        trajectory = (Trajectory.objects.filter(youth_id=assignment.youth_id)
                      .order_by("-closed_on", "-id").first())
        Event.objects.create(
            youth_id=assignment.youth_id, trajectory=trajectory, kind="contact_person_ended",
            occurred_at=ended_at, date_only=True, recorded_at=now, actor=None,
            from_state=assignment.role, reason="Traject afgesloten",
            data={"contact_assignment": str(assignment.pk), "backfilled": True})


class Migration(migrations.Migration):
    dependencies = [
        ("trajectories", "0008_delete_trajectoryevent"),
        ("youth", "0001_initial"),
        ("casefile", "0002_events_from_trajectories"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
