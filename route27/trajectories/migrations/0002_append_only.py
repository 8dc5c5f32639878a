from django.db import migrations

from route27.core.db.append_only import migration_operations


class Migration(migrations.Migration):
    dependencies = [("trajectories", "0001_initial")]
    operations = [migration_operations("trajectories_trajectoryevent")]
