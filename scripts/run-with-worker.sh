#!/usr/bin/env bash
# `make run`: the background-task worker (manage.py db_worker) beside the development server.
# The worker runs the leavers import and other background jobs (core.jobs); both stop together
# (Ctrl-C, or either one exiting). Usage: scripts/run-with-worker.sh HOST:PORT
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
UV="${UV:-$(./scripts/ensure-uv.sh)}"
ADDRESS="${1:-127.0.0.1:8000}"

"$UV" run --locked python manage.py db_worker --interval 1 &
worker=$!
stop_worker() {
  if kill -0 "$worker" 2>/dev/null; then
    kill -TERM "$worker" 2>/dev/null || true
    wait "$worker" 2>/dev/null || true
  fi
}
trap stop_worker EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "Achtergrondtaken: worker gestart (manage.py db_worker, pid $worker)"
"$UV" run --locked python manage.py runserver "$ADDRESS"
