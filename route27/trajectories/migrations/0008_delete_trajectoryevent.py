"""The trajectory events live in the file's ledger now (casefile.Event, ADR 0009)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("trajectories", "0007_entrance_from_events")]
    operations = [migrations.DeleteModel(name="TrajectoryEvent")]
