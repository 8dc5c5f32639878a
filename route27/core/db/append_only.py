"""Database-level guard that makes a table append-only (UPDATE, DELETE and TRUNCATE refused).

Installed by migrations on PostgreSQL and SQLite. The application role cannot edit the audit
log or the file events; only a schema owner who removes the guard can.
"""

APPEND_ONLY_TABLES = ("audit_auditentry", "casefile_event")


def install(connection, table: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """
                CREATE OR REPLACE FUNCTION route27_refuse_change() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION 'Tabel % is append-only: % geweigerd', TG_TABLE_NAME, TG_OP;
                END;
                $$ LANGUAGE plpgsql;
                """
            )
            cursor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION route27_refuse_change();"
            )
            for name in (table, *_partitions(cursor, table)):
                guard_truncate(cursor, name)
        elif connection.vendor == "sqlite":
            for op in ("UPDATE", "DELETE"):
                cursor.execute(
                    f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'Tabel {table} is append-only: {op} geweigerd');"
                    " END;"
                )
        else:  # pragma: no cover - only the two supported databases
            raise NotImplementedError(connection.vendor)


def guard_truncate(cursor, table: str) -> None:
    """TRUNCATE refused (PostgreSQL). A partition needs its own: PostgreSQL clones a parent's
    row triggers to its partitions, not its TRUNCATE trigger (audit.partitions)."""
    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};")
    cursor.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION route27_refuse_change();")


def _partitions(cursor, table: str) -> list[str]:
    cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                   "WHERE i.inhparent = to_regclass(%s)", [table])
    return [row[0] for row in cursor.fetchall()]


def remove(connection, table: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
            for name in (table, *_partitions(cursor, table)):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}_no_truncate ON {name};")
        else:
            for op in ("update", "delete"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op};")


def migration_operations(table: str):
    """RunPython operation that installs the guard (and removes it on reverse)."""
    from django.db import migrations

    def forward(apps, schema_editor):
        install(schema_editor.connection, table)

    def backward(apps, schema_editor):
        remove(schema_editor.connection, table)

    return migrations.RunPython(forward, backward)
