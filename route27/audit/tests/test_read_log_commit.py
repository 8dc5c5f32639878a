"""A page's read entries commit without waiting for the disk on PostgreSQL, for that one
transaction only; inside a change they commit with it (issue 12, ADR 0015)."""

import pytest
from django.db import connection, transaction

from route27.audit.models import AuditEntry
from route27.audit.services import audit_reads, read_log_transaction


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_read_entries_commit_on_their_own_and_leave_the_setting_as_it_was():
    audit_reads(user=None, object_type="youth", objects=[("a", None), ("b", None)],
                purpose="test")
    assert AuditEntry.objects.filter(object_id__in=["a", "b"]).count() == 2
    if connection.vendor == "postgresql":
        assert _synchronous_commit() == "on"  # SET LOCAL ended with the transaction
        with read_log_transaction():
            assert _synchronous_commit() == "off"
        assert _synchronous_commit() == "on"


@pytest.mark.django_db(transaction=True)
def test_inside_a_change_nothing_is_relaxed():
    with transaction.atomic():
        with read_log_transaction():
            if connection.vendor == "postgresql":
                assert _synchronous_commit() == "on"
            audit_reads(user=None, object_type="youth", objects=[("c", None)], purpose="test")
    assert AuditEntry.objects.filter(object_id="c").exists()
