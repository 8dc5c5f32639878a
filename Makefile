# Route27 — two commands: `make run` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
UV := $(shell ./scripts/ensure-uv.sh)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install data lint assets api-check ci clean bench bench-import bench-dashboard load

install:
	$(UV) sync --locked

data: install
	$(UV) run --locked python manage.py migrate --noinput
	$(UV) run --locked python manage.py load_reference_data
	$(UV) run --locked python manage.py load_demo_data

# The development server and, beside it, the worker for background tasks (imports); both stop
# together on Ctrl-C.
run: data
	./scripts/ensure-system.sh pdf
	@echo "Route27 draait op http://$(HOST):$(PORT)/ (demo-accounts staan op de inlogpagina)"
	UV="$(UV)" ./scripts/run-with-worker.sh $(HOST):$(PORT)

test: install
	./scripts/ensure-system.sh pdf browser
	$(UV) run --locked ruff check .
	$(UV) run --locked python manage.py makemigrations --check --dry-run
	$(UV) run --locked pytest $(PYTEST_ARGS)

# The read paths against bare SQL on a generated population in PostgreSQL (issue 12,
# docs/performance.md): BENCH_YOUTH=1000000 make bench for the national one (about 15 min to
# generate, once per size).
BENCH_YOUTH ?= 100000
bench: install
	env $$(BENCH_YOUTH=$(BENCH_YOUTH) ./scripts/bench-db.sh) $(UV) run --locked python manage.py bench

# A generated 100 000-row delivery through the whole import (read, check every row, write) on
# SQLite and on PostgreSQL; rows per second beside the bare-SQL limit (issue 13,
# docs/performance.md). IMPORT_ROWS for another size.
bench-import: install
	BENCH_YOUTH=$(BENCH_YOUTH) ./scripts/bench-import.sh

# The results dashboard (nine indicators) of a municipality, the largest municipality and a
# Doorstroompunt region at a reference date a year back, beside the bare SQL of the same figures
# (issue 14, docs/performance.md); BENCH_YOUTH=1000000 for the national population.
bench-dashboard: install
	BENCH_YOUTH=$(BENCH_YOUTH) ./scripts/bench-dashboard.sh

# 50 people (coaches, team leads, schools) against gunicorn on loopback for two minutes, on the
# 100 000-youth population; errors and p95 per page (issue 12). LOAD_SECONDS, LOAD_USERS.
load:
	BENCH_YOUTH=$(BENCH_YOUTH) ./scripts/load.sh

lint: install
	$(UV) run --locked ruff check .

# Refresh the vendored NL Design System CSS, fonts, htmx and Chart.js from npm.
assets:
	./scripts/vendor-assets.sh

api-check: install
	./scripts/api-check.sh

ci:
	./.ci/run

clean:
	rm -rf .venv staticfiles db.sqlite3 .uv-bootstrap

messages:  ## re-extract and compile the translations
	$(UV) run --locked python manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=frontend --ignore=tools --ignore=staticfiles --ignore=docs
	$(UV) run --locked python manage.py compilemessages -l en --ignore=.venv
.PHONY: messages
