"""The processing log at national scale: on PostgreSQL ``audit_auditentry`` is partitioned by
month of ``occurred_at`` (native range partitioning, ADR 0015).

- A month is one partition, ``audit_auditentry_y2026m12``; a DEFAULT partition catches a row
  outside every month (a clock far off), so writing never fails.
- ``ensure_months`` creates the months ahead (the daily ``audit_partitions`` command, and the
  migration); ``drop_expired`` drops whole months older than the retention term
  (``ROUTE27_AUDIT_RETENTION_MONTHS``): the only way rows ever leave the log.
- The append-only guard holds for every partition: the row trigger on the parent is cloned to
  each partition by PostgreSQL; the TRUNCATE trigger is not, so each month gets its own.

SQLite (the zero-set-up default) keeps one plain table; these functions do nothing there.
"""

from __future__ import annotations

import datetime

from route27.core.db import append_only

TABLE = "audit_auditentry"
DEFAULT = f"{TABLE}_default"
# The indexes, by the names Django gave them (so later migrations still find them).
INDEXES = {
    "audit_audit_object__534d65_idx": "(object_type, object_id, occurred_at)",
    "audit_audit_subject_424dee_idx": "(subject_id, occurred_at)",
    "audit_auditentry_actor_id_8ab278be": "(actor_id)",
}


RESTART_IDS = ("SELECT setval(pg_get_serial_sequence('audit_auditentry', 'id'), "
               "coalesce((SELECT max(id) FROM audit_auditentry), 0) + 1, false)")


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def partition_name(month: datetime.date) -> str:
    return f"{TABLE}_y{month:%Y}m{month:%m}"


def is_partitioned(connection) -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE relname = %s", [TABLE])
        row = cursor.fetchone()
    return bool(row) and row[0] == "p"


def months(connection) -> list[datetime.date]:
    """The months that have a partition, oldest first."""
    with connection.cursor() as cursor:
        cursor.execute("""SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                          WHERE i.inhparent = %s::regclass""", [TABLE])
        names = [r[0] for r in cursor.fetchall()]
    found = []
    for name in names:
        if name.startswith(f"{TABLE}_y"):
            year, month = name.removeprefix(f"{TABLE}_y").split("m")
            found.append(datetime.date(int(year), int(month), 1))
    return sorted(found)


def ensure_months(connection, *, first: datetime.date, last: datetime.date) -> list[str]:
    """A partition for every month from ``first`` to ``last`` (inclusive) that has none."""
    if not is_partitioned(connection):
        return []
    existing = set(months(connection))
    created = []
    month = first_of_month(first)
    with connection.cursor() as cursor:
        while month <= last:
            if month not in existing:
                name = partition_name(month)
                cursor.execute(
                    f"CREATE TABLE {name} PARTITION OF {TABLE} "
                    f"FOR VALUES FROM ('{month.isoformat()}') "
                    f"TO ('{add_months(month, 1).isoformat()}')")
                append_only.guard_truncate(cursor, name)
                created.append(name)
            month = add_months(month, 1)
    return created


def drop_expired(connection, *, today: datetime.date, retention_months: int) -> list[str]:
    """Drop the months that ended more than ``retention_months`` ago (whole months only)."""
    if not is_partitioned(connection):
        return []
    keep_from = add_months(first_of_month(today), -retention_months)
    dropped = []
    with connection.cursor() as cursor:
        for month in months(connection):
            if add_months(month, 1) <= keep_from:
                cursor.execute(f"DROP TABLE {partition_name(month)}")
                dropped.append(partition_name(month))
    return dropped


def partition_table(connection, *, months_ahead: int = 12) -> None:
    """Turn the plain table into the partitioned one, rows and all (the migration)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(occurred_at), max(occurred_at) FROM audit_auditentry")
        oldest, newest = cursor.fetchone()
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {TABLE}_plain")
        cursor.execute(f"""CREATE TABLE {TABLE} (LIKE {TABLE}_plain INCLUDING DEFAULTS
                           INCLUDING IDENTITY INCLUDING CONSTRAINTS)
                           PARTITION BY RANGE (occurred_at)""")
        cursor.execute(f"ALTER TABLE {TABLE} ADD PRIMARY KEY (id, occurred_at)")
        cursor.execute(f"CREATE TABLE {DEFAULT} PARTITION OF {TABLE} DEFAULT")
        append_only.guard_truncate(cursor, DEFAULT)
    today = datetime.date.today()
    ensure_months(connection, first=(oldest.date() if oldest else today),
                  last=add_months(first_of_month(max(today, newest.date() if newest else today)),
                                  months_ahead))
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO audit_auditentry OVERRIDING SYSTEM VALUE "
                       "SELECT * FROM audit_auditentry_plain")
        cursor.execute(f"DROP TABLE {TABLE}_plain")  # its triggers and indexes go with it
        for name, columns in INDEXES.items():
            cursor.execute(f"CREATE INDEX {name} ON {TABLE} {columns}")
        cursor.execute(f"CREATE INDEX {TABLE}_occurred_brin ON {TABLE} USING brin (occurred_at)")
        cursor.execute(RESTART_IDS)
    append_only.install(connection, TABLE)


def unpartition_table(connection) -> None:
    """The way back (reverse migration): one plain table with the same rows."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {TABLE}_parted")
        cursor.execute(f"""CREATE TABLE {TABLE} (LIKE {TABLE}_parted INCLUDING DEFAULTS
                           INCLUDING IDENTITY INCLUDING CONSTRAINTS)""")
        cursor.execute(f"ALTER TABLE {TABLE} ADD PRIMARY KEY (id)")
        cursor.execute("INSERT INTO audit_auditentry OVERRIDING SYSTEM VALUE "
                       "SELECT * FROM audit_auditentry_parted")
        cursor.execute(f"DROP TABLE {TABLE}_parted CASCADE")
        for name, columns in INDEXES.items():
            cursor.execute(f"CREATE INDEX {name} ON {TABLE} {columns}")
        cursor.execute(RESTART_IDS)
    append_only.install(connection, TABLE)
