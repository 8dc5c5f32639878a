from django.db import migrations

from route27.core.db.append_only import migration_operations


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]
    operations = [migration_operations("audit_auditentry")]
