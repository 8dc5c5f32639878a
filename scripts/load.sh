#!/usr/bin/env bash
# `make load` (issue 12): a locust scenario of 50 people against gunicorn on loopback, on the
# generated population (BENCH_YOUTH, default 100 000), for LOAD_SECONDS (default 120). Prints
# errors and p95 per page and writes bench/results/load-<youth>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
youth="${BENCH_YOUTH:-100000}"
seconds="${LOAD_SECONDS:-120}"
users="${LOAD_USERS:-50}"
port="${LOAD_PORT:-8027}"
UV="$(./scripts/ensure-uv.sh)"
"$UV" sync --locked --group load >&2
env_line="$(BENCH_YOUTH="$youth" ./scripts/bench-db.sh)"
export $env_line
export DJANGO_ALLOWED_HOSTS=127.0.0.1 ROUTE27_LOAD_USERS="$(mktemp)" DJANGO_DEBUG=False
"$UV" run --locked python manage.py collectstatic --noinput -v0
"$UV" run --locked python manage.py scale_users > "$ROUTE27_LOAD_USERS"
workdir="$(mktemp -d)"
"$UV" run --locked gunicorn route27.conf.wsgi --bind "127.0.0.1:$port" --workers 3 \
  --access-logfile /dev/null --error-logfile "$workdir/gunicorn.log" --daemon \
  --pid "$workdir/gunicorn.pid"
trap 'kill "$(cat "$workdir/gunicorn.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 40); do curl -sf -o /dev/null "http://127.0.0.1:$port/gezondheid/" && break; sleep 0.5; done
export ROUTE27_LOAD_PAGES="$workdir/pages.json"
# Two people a second start their day: logging in (PBKDF2, slow by design) does not queue.
"$UV" run --locked --group load locust -f bench/locustfile.py --headless --users "$users" \
  --spawn-rate 2 --run-time "${seconds}s" --host "http://127.0.0.1:$port" \
  --csv "$workdir/load" --only-summary --loglevel WARNING >&2 || true
"$UV" run --locked python - "$workdir/load_stats.csv" "$youth" "$users" "$seconds" "$workdir/pages.json" <<'PY'
import csv, json, sys, datetime, pathlib
stats, youth, users, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
pages = json.load(open(sys.argv[5], encoding="utf-8"))
rows = list(csv.DictReader(open(stats, encoding="utf-8")))
out = []
for r in rows:
    out.append({"path": r["Name"], "requests": int(r["Request Count"]),
                "errors": int(r["Failure Count"]), "median_ms": float(r["Median Response Time"]),
                "p95_ms": float(r["95%"]), "rps": round(float(r["Requests/s"]), 1)})
print(f"{'pagina':<28} {'verzoeken':>9} {'fouten':>6} {'mediaan':>8} {'p95':>6}")
for r in out:
    print(f"{r['path']:<28} {r['requests']:>9} {r['errors']:>6} {r['median_ms']:>8.0f} {r['p95_ms']:>6.0f}")
target = pathlib.Path("bench/results") / f"load-{youth}.json"
target.parent.mkdir(parents=True, exist_ok=True)
target.write_text(json.dumps({"date": datetime.date.today().isoformat(), "youth": youth,
                              "users": users, "seconds": seconds, "pages": pages,
                              "errors": sum(r["errors"] for r in out if r["path"] != "Aggregated"),
                              "results": out},
                             indent=2, ensure_ascii=False) + "\n")
errors = sum(r["errors"] for r in out if r["path"] != "Aggregated")
print(f"Alle pagina's (zonder inloggen): {pages['requests']} verzoeken, {errors} fouten, "
      f"mediaan {pages['median_ms']:.0f} ms, p95 {pages['p95_ms']:.0f} ms")
print(f"Geschreven: {target}")
PY
