import pytest
from django.db import DatabaseError, connection, transaction

from route27.audit.models import AuditAction, AuditEntry
from route27.audit.services import audit_record
from route27.casefile.models import Event
from route27.core.db.models import AppendOnlyError
from route27.youth.events import YouthEventKind
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(coach):
    return audit_record(user=coach, action=AuditAction.READ, object_type="youth",
                        object_id="x", purpose="casework")


def test_entry_records_who_role_organisation_and_request(entry, coach):
    membership = coach.primary_membership
    assert entry.actor == coach
    assert entry.role == membership.role
    assert entry.organisation == membership.team.organisation.name
    assert entry.occurred_at is not None


@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditentry SET purpose = 'tampered'",
    "DELETE FROM audit_auditentry",
])
def test_database_refuses_update_and_delete(entry, sql):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).purpose == "casework"


def test_database_refuses_queryset_update_and_delete(entry):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(purpose="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk, purpose="casework").exists()


def test_model_refuses_save_and_delete(entry):
    entry.purpose = "tampered"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_bulk_emptying_is_refused(entry):
    # PostgreSQL: TRUNCATE; SQLite has no TRUNCATE, its "truncate optimisation" is an unfiltered
    # DELETE, which triggers disable. Both must leave the log intact.
    sql = ("TRUNCATE audit_auditentry" if connection.vendor == "postgresql"
           else "DELETE FROM audit_auditentry WHERE 1")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_file_events_are_append_only(coach):
    from route27.casefile.services import append

    event = append(youth=YouthFactory(), kind=YouthEventKind.YOUTH_REGISTERED, actor=coach)
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(reason="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(pk=event.pk).delete()
