"""`flush` that lifts the append-only guard for the duration of the flush.

Django's TransactionTestCase empties the database with `flush` after every test; the guard
would refuse that. Outside a test database this command refuses to touch the guarded tables.
"""

from django.core.management.base import CommandError
from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from route27.core.db import append_only


def _is_test_database(connection) -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    test_name = str((connection.settings_dict.get("TEST") or {}).get("NAME") or "")
    return (name.startswith("test_") or "memory" in name or "mode=memory" in name
            or (test_name and name == test_name))


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        if not _is_test_database(connection):
            raise CommandError(
                "flush is alleen toegestaan op een testdatabase: het auditlog is append-only."
            )
        existing = set(connection.introspection.table_names())
        guarded = [t for t in append_only.APPEND_ONLY_TABLES if t in existing]
        for table in guarded:
            append_only.remove(connection, table)
        try:
            return super().handle(**options)
        finally:
            for table in guarded:
                append_only.install(connection, table)
