#!/usr/bin/env bash
# make bench-import (issue 13): a generated delivery of IMPORT_ROWS rows (default 100 000)
# through the whole import, on SQLite (a database of its own, bench/import.sqlite3) and on
# PostgreSQL (the bench database of scripts/bench-db.sh, with BENCH_YOUTH youth to match
# against). Each run is rolled back; rows per second beside the bare-SQL limit.
set -euo pipefail
cd "$(dirname "$0")/.."
UV="$(./scripts/ensure-uv.sh)"
rows="${IMPORT_ROWS:-100000}"
sqlite="bench/import.sqlite3"
mkdir -p bench
if [ ! -f "$sqlite" ]; then
  SQLITE_PATH="$sqlite" POSTGRES_DB= "$UV" run --locked python manage.py migrate -v0
  SQLITE_PATH="$sqlite" POSTGRES_DB= "$UV" run --locked python manage.py load_reference_data -v0
fi
SQLITE_PATH="$sqlite" POSTGRES_DB= "$UV" run --locked python manage.py migrate -v0
SQLITE_PATH="$sqlite" POSTGRES_DB= "$UV" run --locked python manage.py bench_import --rows "$rows"
env $(BENCH_YOUTH="${BENCH_YOUTH:-100000}" ./scripts/bench-db.sh) \
  "$UV" run --locked python manage.py bench_import --rows "$rows"
