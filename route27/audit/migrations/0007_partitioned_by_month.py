"""The processing log at national scale (issue 12, ADR 0015): no redundant indexes, and on
PostgreSQL the table partitioned by month (``audit.partitions``). SQLite rebuilds the table to
drop the indexes, which drops its triggers: the append-only guard is put back."""

import django.db.models.deletion
from django.db import migrations, models

from route27.audit import partitions
from route27.core.db import append_only


def _guard_again(connection) -> None:
    append_only.remove(connection, partitions.TABLE)
    append_only.install(connection, partitions.TABLE)


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        partitions.partition_table(connection)
    else:
        _guard_again(connection)


def backward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        partitions.unpartition_table(connection)
    else:
        _guard_again(connection)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0006_session_actions'),
        ('youth', '0006_contact_notice_read'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='object_id',
            field=models.CharField(blank=True, max_length=64, verbose_name='object-id'),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='occurred_at',
            field=models.DateTimeField(auto_now_add=True, verbose_name='tijdstip'),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='subject',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='youth.youth', verbose_name='betrokkene'),
        ),
        migrations.RunPython(forward, backward),
    ]
