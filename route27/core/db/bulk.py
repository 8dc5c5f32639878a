"""Bulk writing: COPY on PostgreSQL, executemany on SQLite, for the scale generator and for
imports of a hundred thousand rows, where Django's ``bulk_create`` spends its time compiling SQL
value by value (issue 13: three quarters of an import's time).

Rows are tuples of Python values in the order of ``columns``. psycopg's COPY adapts uuid,
date, datetime, bool and None itself (in its C code); on SQLite each value goes through the
model field's own ``get_db_prep_save``, so a UUID is stored as Django stores it there.
:func:`insert_values` writes rows given as dicts: it reserves their ids from the table's
sequence (on SQLite, past the highest id, under the transaction's write lock) and fills
``auto_now`` fields and defaults as ``save()`` would.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable, Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone


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
                converters = [_converter(model._meta.get_field(_attname(model, c)))
                              for c in columns]
                prepared = [tuple(None if v is None else convert(v)
                                  for convert, v in zip(converters, row, strict=True))
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


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` new ids for ``model``, safe beside concurrent writers on PostgreSQL (the
    sequence); on SQLite the caller's transaction holds the one write lock."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                           "FROM generate_series(1, %s)", [table, count])
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT MAX("id") FROM "{table}"')  # noqa: S608 (a model's table)
        last = cursor.fetchone()[0] or 0
        return list(range(last + 1, last + 1 + count))


def insert_values(model: type[models.Model], rows: list[dict],
                  writer: BulkWriter | None = None) -> list[int]:
    """Write rows given as ``{attname: value}`` dicts, without making model instances (a third
    of an import's time went into ``Model.__init__``). A missing value gets
    the field's default. Returns the new ids, in order."""
    if not rows:
        return []
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    ids = reserve_ids(model, len(rows))
    defaults = []
    for field in fields:
        if field.has_default() and callable(field.default):
            defaults.append(field.default)
        else:
            constant = field.get_default()  # "" for a text field without one, as save() does
            defaults.append(lambda constant=constant: constant)
    now = None
    for i, field in enumerate(fields):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            now = now or timezone.now()
            defaults[i] = lambda now=now: now
    json_fields = {i for i, f in enumerate(fields) if isinstance(f, models.JSONField)}

    def value(i, field, row):
        raw = row[field.attname] if field.attname in row else defaults[i]()
        return json.dumps(raw) if i in json_fields and raw is not None else raw

    pk = model._meta.pk.column
    (writer or BulkWriter()).write(model, [pk, *(f.column for f in fields)], (
        (ident, *(value(i, f, row) for i, f in enumerate(fields)))
        for ident, row in zip(ids, rows, strict=True)))
    return ids


def _utc_text(value: datetime.datetime) -> str:
    """As Django's SQLite backend stores an aware datetime: naive UTC text."""
    if value.tzinfo is not None:
        value = value.astimezone(datetime.UTC).replace(tzinfo=None)
    return str(value)


def _converter(field) -> Callable:
    """How one column's Python value is written to SQLite, as Django would store it; the common
    types directly (a per-value ``get_db_prep_save`` was most of an import's time)."""
    if isinstance(field, models.UUIDField):
        return lambda v: v.hex if isinstance(v, uuid.UUID) else uuid.UUID(str(v)).hex
    if isinstance(field, models.DateTimeField):
        return _utc_text
    if isinstance(field, models.DateField):
        return lambda v: v.isoformat()
    if isinstance(field, models.JSONField):
        return lambda v: v if isinstance(v, str) else json.dumps(v)
    if isinstance(field, (models.CharField, models.IntegerField, models.BooleanField,
                          models.ForeignKey, models.TextField, models.AutoField)):
        return lambda v: v
    return lambda v: field.get_db_prep_save(v, connection)


def _attname(model, column: str) -> str:
    for field in model._meta.concrete_fields:
        if field.column == column:
            return field.name
    raise LookupError(f"{model._meta.db_table}.{column}")


def next_id(model: type[models.Model]) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1
