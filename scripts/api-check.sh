#!/usr/bin/env bash
# API conformance of /api/v1 against the Logius API Design Rules 2.2.0, on a throw-away server:
#   1. Spectral with the official ADR ruleset          (fails on any error; warnings are reported)
#   2. the ADR runtime probes (+ one authenticated 400 probe)        (fails on any FAIL)
#   3. schemathesis --checks all, logged in as a demo coach            (fails on any failure)
# The server runs on a free port against a temporary SQLite database with reference and demo data;
# nothing touches db.sqlite3. Exit code 0 only when all three pass.
#
# Environment: ROUTE27_STANDARDS (default tools/standards: ruleset and probe script),
# API_CHECK_MAX_EXAMPLES (50), API_CHECK_SEED (1), API_CHECK_REPORTS (directory for JUnit reports),
# API_CHECK_KEEP=1 (keep the temporary directory with the database and the logs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
EXT="${ROUTE27_STANDARDS:-$ROOT/tools/standards}"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
SCHEMATHESIS="$(dirname "$PY")/schemathesis"
MAX_EXAMPLES="${API_CHECK_MAX_EXAMPLES:-50}"
SEED="${API_CHECK_SEED:-1}"
REPORTS="${API_CHECK_REPORTS:-}"
DEMO_USER="doorstroomcoach.aalsmeer"
started=$SECONDS

"$ROOT/scripts/ensure-system.sh" node
for need in "$EXT/adr-ruleset/adr-2.2.0.linter.yaml" "$EXT/adr-runtime-probes.sh" "$PY" \
            "$SCHEMATHESIS"; do
  [ -e "$need" ] || { echo "api-check: ontbreekt: $need" >&2; exit 2; }
done

# --- Spectral (tools/ is its own npm package, so the front-end assets stay lean) ---------------
SPECTRAL="$ROOT/tools/node_modules/.bin/spectral"
if [ ! -x "$SPECTRAL" ] || [ "$ROOT/tools/package-lock.json" -nt "$ROOT/tools/node_modules/.package-lock.json" ]; then
  echo "== npm ci (tools/)"
  (cd "$ROOT/tools" && SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# --- Throw-away server -------------------------------------------------------------------------
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "${API_CHECK_KEEP:-}" ]; then echo "api-check: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

export POSTGRES_DB="" SQLITE_PATH="$work/db.sqlite3" DJANGO_DEBUG=false ROUTE27_SECURE_COOKIES=false
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT/api/v1"

echo "== database ($SQLITE_PATH)"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_reference_data >/dev/null
"$PY" manage.py load_demo_data >/dev/null
SESSION="$("$PY" manage.py shell --no-imports -c "
from django.test import Client
client = Client()
assert client.login(username='$DEMO_USER', password='route27-demo'), 'demo login failed'
print(client.cookies['sessionid'].value)")"
CSRF="$("$PY" -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters) for _ in range(32)))')"

echo "== server $BASE"
"$PY" manage.py runserver "127.0.0.1:$PORT" --noreload >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
  curl -sf -o /dev/null "$BASE/openapi.json" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
  sleep 0.5
done
curl -sf -o /dev/null "$BASE/openapi.json" || { echo "server did not start" >&2; cat "$work/server.log" >&2; exit 2; }

failed=()

# --- 1. Spectral + ADR 2.2.0 ruleset -----------------------------------------------------------
echo "== 1. Spectral (ADR 2.2.0)"
spectral_rc=0
"$SPECTRAL" lint -r "$EXT/adr-ruleset/adr-2.2.0.linter.yaml" -f text "$BASE/openapi.json" \
  >"$work/spectral.txt" 2>&1 || spectral_rc=$?
grep -v 'Unknown user config' "$work/spectral.txt" || true
spectral_errors=$(grep -cE '^\S+:[0-9]+:[0-9]+ error ' "$work/spectral.txt" || true)
spectral_warnings=$(grep -cE '^\S+:[0-9]+:[0-9]+ warning ' "$work/spectral.txt" || true)
if [ -n "$REPORTS" ]; then
  mkdir -p "$REPORTS"
  "$SPECTRAL" lint -r "$EXT/adr-ruleset/adr-2.2.0.linter.yaml" -f junit -o "$REPORTS/adr-lint.xml" \
    "$BASE/openapi.json" >/dev/null 2>&1 || true
fi
[ "$spectral_rc" -eq 0 ] || failed+=("spectral")

# --- 2. Runtime probes -------------------------------------------------------------------------
echo "== 2. ADR runtime probes"
probes_rc=0
bash "$EXT/adr-runtime-probes.sh" "$BASE" /jongeren | tee "$work/probes.txt" || probes_rc=$?
# The upstream invalid-input probe runs without login (and so sees 401); repeat it logged in.
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sessionid=$SESSION" \
  "$BASE/jongeren?pagina=geen-getal")
if [ "$code" = 400 ]; then
  echo "PASS  /core/error-handling/invalid-input (logged in): ?pagina=geen-getal -> 400" | tee -a "$work/probes.txt"
else
  echo "FAIL  /core/error-handling/invalid-input (logged in): ?pagina=geen-getal -> $code" | tee -a "$work/probes.txt"
  probes_rc=$((probes_rc + 1))
fi
probes_pass=$(grep -c '^PASS' "$work/probes.txt" || true)
probes_fail=$(grep -c '^FAIL' "$work/probes.txt" || true)
[ "$probes_rc" -eq 0 ] || failed+=("probes")

# --- 3. Schemathesis ---------------------------------------------------------------------------
echo "== 3. schemathesis --checks all"
# Log in the way the API expects: the session cookie via the OpenAPI security scheme (so
# schemathesis knows what "without authentication" means), the CSRF pair through a hook.
cat >"$work/schemathesis.toml" <<EOF
[auth.openapi.cookieAuth]
api_key = "\${ROUTE27_SESSION}"

# Registering or changing a youth, and a BSN search, apply rules JSON Schema cannot express: the
# elfproef of a BSN, a gemeentecode that exists, a real and not future birth date, a BSN that is
# not registered yet. Schema-valid input may therefore get 400; everything else is checked as is.
[[operations]]
include-method = ["POST", "PUT"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409"]
EOF
cat >"$work/route27_schemathesis_hooks.py" <<'EOF'
import os

import schemathesis

CSRF = os.environ["ROUTE27_CSRF"]


@schemathesis.hook
def before_call(ctx, case, kwargs):
    # Django's CSRF check for session-authenticated unsafe requests: cookie and header must match.
    case.cookies = {**(case.cookies or {}), "csrftoken": CSRF}
    case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF}
EOF
report_args=()
[ -n "$REPORTS" ] && report_args=(--report junit --report-dir "$REPORTS/schemathesis")
schemathesis_rc=0
(cd "$work" && ROUTE27_SESSION="$SESSION" ROUTE27_CSRF="$CSRF" PYTHONPATH="$work" \
  SCHEMATHESIS_HOOKS=route27_schemathesis_hooks \
  "$SCHEMATHESIS" --config-file "$work/schemathesis.toml" run "$BASE/openapi.json" \
    --url "$BASE" --checks all --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
    --generation-database none --no-color "${report_args[@]}") \
  >"$work/schemathesis.txt" 2>&1 || schemathesis_rc=$?
if [ "$schemathesis_rc" -ne 0 ]; then
  cat "$work/schemathesis.txt"
  failed+=("schemathesis")
else
  sed -n '/SUMMARY/,$p' "$work/schemathesis.txt"
fi
schemathesis_cases=$(grep -E '^\s+[0-9]+ generated' "$work/schemathesis.txt" | tail -1 | sed 's/^ *//')

if [ "${#failed[@]}" -gt 0 ]; then
  echo "== server log (tail)"; tail -n 40 "$work/server.log"
fi

# --- Summary -----------------------------------------------------------------------------------
echo
echo "== api-check summary ($((SECONDS - started)) s)"
echo "Spectral ADR 2.2.0 : ${spectral_errors} error(s), ${spectral_warnings} warning(s)"
echo "Runtime probes     : ${probes_pass} PASS, ${probes_fail} FAIL"
echo "Schemathesis       : ${schemathesis_cases:-no result} (exit $schemathesis_rc)"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "OK"
