"""A worker killed (SIGKILL) in the middle of an import leaves nothing of the file behind, and
the lost job is marked failed ("onderbroken") so its owner starts again (issue 13 §5).

This runs real processes on a SQLite file of its own: the setup, a worker that is killed while
its transaction has written the new files, and a check. The database rolls back what was never
committed; no Python ``finally`` runs in a killed process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SETUP = """
from route27.core import tabular
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (AALSMEER, OrganisationFactory, TeamFactory,
    member, real_municipality)
from route27.outreach import jobs, parsing
from route27.outreach.tests.factories import HEADER, row
m = real_municipality(AALSMEER)
team = TeamFactory(organisation=OrganisationFactory(municipality=m), serves=[m])
user = member(Role.BELEIDSADVISEUR, team=team)
table = tabular.Table([h.lower() for h in HEADER], [(n + 1, row(n)) for n in range(1, 2001)])
job = jobs.delivery_upload(actor=user, team=team, kind="jib", filename="x.csv", table=table)
jobs.delivery_start(actor=user, job=job, mapping=parsing.propose_mapping(table.header))
"""
WORKER = """
import sys, time
from route27.outreach import services
real = services.record_many
def slow(**kwargs):
    real(**kwargs)
    print("IN_TRANSACTION", flush=True)
    time.sleep(120)
services.record_many = slow
from route27.core.jobs.testing import run_enqueued_tasks
run_enqueued_tasks()
"""
CHECK = """
import datetime
from django.utils import timezone
from route27.core.jobs.models import BackgroundJob
from route27.core.jobs.services import jobs_fail_interrupted
from route27.casefile.models import Event
from route27.outreach.models import Delivery, OutreachCase
from route27.youth.models import Youth
job = BackgroundJob.objects.get()
print("before", job.status, Youth.objects.count(), OutreachCase.objects.count(),
      Delivery.objects.count(), Event.objects.filter(kind="youth_registered").count())
jobs_fail_interrupted(timezone.now() + datetime.timedelta(minutes=11))
job.refresh_from_db()
print("after", job.status, job.result.get("error"), bool(job.payload))
"""


def _manage(env, *args):
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_a_killed_worker_leaves_nothing_half_written(tmp_path: Path):
    env = {**os.environ, "SQLITE_PATH": str(tmp_path / "killed.sqlite3"), "POSTGRES_DB": "",
           "DJANGO_SETTINGS_MODULE": "route27.conf.settings"}
    _manage(env, "migrate", "-v", "0")
    _manage(env, "shell", "-v", "0", "-c", SETUP)
    worker = subprocess.Popen([sys.executable, "manage.py", "shell", "-v", "0", "-c", WORKER],
                              cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        lines = []
        for line in worker.stdout:  # the worker prints this line only, then sleeps
            lines.append(line.strip())
            if line.strip() == "IN_TRANSACTION":
                break
        assert lines[-1:] == ["IN_TRANSACTION"], lines
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    out = _manage(env, "shell", "-v", "0", "-c", CHECK).stdout.splitlines()
    assert out[0] == "before running 0 0 0 0", out
    assert out[1] == "after failed interrupted False", out
