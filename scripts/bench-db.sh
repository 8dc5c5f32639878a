#!/usr/bin/env bash
# The benchmark database (issue 12): PostgreSQL 15 tuned as in PERF-LIMIT.md, a database
# "route27_bench" migrated with the reference data and BENCH_YOUTH generated youth (once per
# size: a database per size, route27_bench_<N>). Prints the environment for manage.py.
set -euo pipefail
cd "$(dirname "$0")/.."
youth="${BENCH_YOUTH:-100000}"
db="route27_bench_${youth}"
./scripts/postgres.sh start >&2
tuned=$(su postgres -c "psql -tAc \"SELECT setting FROM pg_settings WHERE name='shared_buffers'\"")
if [ "$tuned" != "524288" ]; then  # 4 GB in 8 kB pages
  su postgres -c "psql -q" <<'SQL' >&2
ALTER SYSTEM SET shared_buffers = '4GB';
ALTER SYSTEM SET effective_cache_size = '16GB';
ALTER SYSTEM SET work_mem = '32MB';
ALTER SYSTEM SET maintenance_work_mem = '1GB';
ALTER SYSTEM SET random_page_cost = 1.1;
ALTER SYSTEM SET jit = off;
ALTER SYSTEM SET max_wal_size = '8GB';
SQL
  pg_ctlcluster 15 main restart >&2
  for _ in $(seq 1 30); do su postgres -c "pg_isready -q -h 127.0.0.1" && break; sleep 0.5; done
fi
su postgres -c "psql -q -v ON_ERROR_STOP=1" >&2 <<SQL
SELECT 'CREATE DATABASE ${db} OWNER route27' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname='${db}')\gexec
SQL
export POSTGRES_DB="$db" POSTGRES_USER=route27 POSTGRES_PASSWORD=route27 POSTGRES_HOST=127.0.0.1
UV="$(./scripts/ensure-uv.sh)"
"$UV" run --locked python manage.py migrate -v0 >&2
generated=$("$UV" run --locked python manage.py shell -v0 -c "from route27.youth.models import Youth; print(Youth.objects.count())" 2>/dev/null | tail -1)
if [ "$generated" = "0" ]; then
  "$UV" run --locked python manage.py load_reference_data -v0 >&2
  "$UV" run --locked python manage.py generate_scale_data --youth "$youth" >&2
  su postgres -c "psql -q -d ${db} -c 'VACUUM (ANALYZE)'" >&2
fi
echo "POSTGRES_DB=$db POSTGRES_USER=route27 POSTGRES_PASSWORD=route27 POSTGRES_HOST=127.0.0.1"
