"""The processing log at national scale (issue 12, ADR 0015): partitioned by month on
PostgreSQL, append-only in every partition, old months dropped only by the retention term.
On SQLite the table stays one plain table and the maintenance command says so."""

import datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from route27.audit import partitions
from route27.audit.models import AuditAction, AuditEntry
from route27.audit.services import audit_record

pytestmark = pytest.mark.django_db
POSTGRES = connection.vendor == "postgresql"


def test_months_are_counted_correctly():
    assert partitions.add_months(datetime.date(2026, 12, 1), 1) == datetime.date(2027, 1, 1)
    assert partitions.add_months(datetime.date(2026, 1, 1), -1) == datetime.date(2025, 12, 1)
    assert partitions.partition_name(datetime.date(2027, 3, 1)) == "audit_auditentry_y2027m03"


def test_the_log_is_partitioned_by_month_on_postgresql_only(capsys):
    assert partitions.is_partitioned(connection) is POSTGRES
    call_command("audit_partitions", ahead=2)
    out = capsys.readouterr().out
    if not POSTGRES:
        assert "niet gepartitioneerd" in out
        return
    this_month = datetime.date.today().replace(day=1)
    assert {this_month, partitions.add_months(this_month, 2)} <= set(partitions.months(connection))
    entry = audit_record(user=None, action=AuditAction.READ, object_type="youth", object_id="x",
                         purpose="test")
    with connection.cursor() as cursor:
        cursor.execute("SELECT tableoid::regclass::text FROM audit_auditentry WHERE id = %s",
                       [entry.pk])
        assert cursor.fetchone()[0] == partitions.partition_name(this_month)


def test_every_partition_refuses_change_and_truncate():
    entry = audit_record(user=None, action=AuditAction.READ, object_type="youth", object_id="x",
                         purpose="test")
    if not POSTGRES:  # one plain table, guarded as before (test_append_only)
        assert AuditEntry.objects.filter(pk=entry.pk).exists()
        return
    month = partitions.partition_name(entry.occurred_at.date().replace(day=1))
    for sql in (f"UPDATE {month} SET purpose = 'x'", f"DELETE FROM {month}",
                f"TRUNCATE {month}", f"TRUNCATE {partitions.DEFAULT}"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_only_whole_months_past_the_retention_term_are_dropped():
    today = datetime.date(2026, 12, 6)
    created = partitions.ensure_months(connection, first=datetime.date(2020, 11, 1),
                                       last=datetime.date(2021, 1, 1))
    dropped = partitions.drop_expired(connection, today=today, retention_months=72)
    if not POSTGRES:  # nothing to create or drop in one plain table
        assert created == dropped == []
        return
    assert dropped == ["audit_auditentry_y2020m11"]  # December 2020 ends within 72 months
    assert datetime.date(2020, 12, 1) in partitions.months(connection)
