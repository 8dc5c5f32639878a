#!/usr/bin/env bash
# make bench-dashboard (issue 14): the results dashboard of a municipality, the largest
# municipality and a Doorstroompunt region at a reference date, each beside the bare SQL of the
# same figures, on the bench database of scripts/bench-db.sh (generated once per size).
# Usage: scripts/bench-dashboard.sh [--youth N] [arguments of manage.py bench_dashboard]
# (default BENCH_YOUTH or 100 000 youth; --peildatum, --van, --tot, --rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
youth="${BENCH_YOUTH:-100000}"
if [ "${1:-}" = "--youth" ]; then
  youth="$2"
  shift 2
fi
UV="$(./scripts/ensure-uv.sh)"
env $(BENCH_YOUTH="$youth" ./scripts/bench-db.sh) \
  "$UV" run --locked python manage.py bench_dashboard "$@"
