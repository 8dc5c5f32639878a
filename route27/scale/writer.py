"""Bulk writing for the scale generator: COPY on PostgreSQL, executemany on SQLite.

Rows are tuples of Python values in the order of ``columns``. psycopg's COPY adapts uuid,
date, datetime, bool and None itself (in its C code); on SQLite each value goes through the
model field's own ``get_db_prep_save``, so a UUID is stored as Django stores it there. SQLite
is for the tests' small populations; a national one needs PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection, models


class BulkWriter:
    def __init__(self) -> None:
        self.rows_written: dict[str, int] = {}

    def write(self, model: type[models.Model], columns: Sequence[str],
              rows: Iterable[tuple]) -> None:
        table = model._meta.db_table
        rows = list(rows) if connection.vendor != "postgresql" else rows
        count = 0
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                names = ", ".join(f'"{c}"' for c in columns)
                with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
                        count += 1
            else:
                fields = [model._meta.get_field(_attname(model, c)) for c in columns]
                prepared = [tuple(_prepare(f, v) for f, v in zip(fields, row, strict=True))
                            for row in rows]
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                # Table and column names come from the models, never from input.
                sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
                cursor.executemany(sql, prepared)
                count = len(prepared)
        self.rows_written[table] = self.rows_written.get(table, 0) + count

    @staticmethod
    def reset_sequences(model_list: Sequence[type[models.Model]]) -> None:
        """Ids were given explicitly: move each table's id sequence past them (PostgreSQL)."""
        statements = connection.ops.sequence_reset_sql(no_style(), model_list)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _prepare(field, value):
    if value is None:
        return None
    if isinstance(field, models.JSONField) and isinstance(value, str):
        value = json.loads(value)  # given as JSON text, which COPY takes as it is
    return field.get_db_prep_save(value, connection)


def _attname(model, column: str) -> str:
    for field in model._meta.concrete_fields:
        if field.column == column:
            return field.name
    raise LookupError(f"{model._meta.db_table}.{column}")


def next_id(model: type[models.Model]) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1
