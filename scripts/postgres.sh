#!/usr/bin/env bash
# Install (apt) and start a local PostgreSQL 15 for the test run; `stop` stops it again.
# Creates role and database "route27" (password "route27"); the role may create the test db.
set -euo pipefail
action="${1:-start}"
if [ "$action" = "stop" ]; then
  pg_ctlcluster 15 main stop 2>/dev/null || true
  exit 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib
fi
pg_lsclusters -h | grep -q '^15 *main' || pg_createcluster 15 main
pg_lsclusters -h | grep -q '^15 *main.*online' || pg_ctlcluster 15 main start
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 0.5
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
SELECT 'CREATE ROLE route27 LOGIN CREATEDB PASSWORD ''route27''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname='route27')\gexec
SELECT 'CREATE DATABASE route27 OWNER route27' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname='route27')\gexec
SQL
echo "PostgreSQL draait: database route27 op 127.0.0.1:5432"
