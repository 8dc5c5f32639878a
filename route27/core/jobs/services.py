"""Writes on background jobs: create, run (in the worker, with progress), clear, cancel, expire.

The worker runs an app's task; the task calls :func:`job_run` with the work, a function
``work(job, progress) -> Outcome``. ``progress(n)`` records how many of ``job.total`` items are
done, at most every ``PROGRESS_INTERVAL`` seconds. Work that runs inside one transaction (an
all-or-nothing import) writes its progress over a second database connection, so the progress
page sees it before the commit; SQLite has one writer at a time, so there the count is
written inside the transaction and shows at the commit.

Personal data in ``payload`` is kept only while needed: the work's outcome says whether the
payload stays (a checked file waiting for its confirmation); it is emptied at the latest after
``PAYLOAD_KEPT``, and a job row is removed after ``JOB_KEPT`` (:func:`jobs_expire`, run on every
new job and by ``manage.py prune_background_jobs``).
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from route27.core.jobs.models import BackgroundJob, JobStatus

logger = logging.getLogger(__name__)

PAYLOAD_KEPT = datetime.timedelta(days=1)
JOB_KEPT = datetime.timedelta(days=30)
PROGRESS_INTERVAL = 0.5  # seconds between two progress writes
# A running job whose worker gave no sign of life for this long was killed (or its machine
# stopped): its transaction was rolled back by the database, so nothing of it was written.
HEARTBEAT_LOST = datetime.timedelta(minutes=10)


class JobFailed(Exception):
    """The work raised: the job is marked failed. The message names the job only; the original
    error (which may quote data) is logged by its class name and not chained."""


@dataclass(frozen=True)
class Outcome:
    """What the work returns: the result the owner sees, and the payload to keep (``None``:
    empty it)."""

    result: dict
    payload: dict | None = None
    status: str = JobStatus.DONE


def jobs_fail_interrupted(now: datetime.datetime | None = None) -> int:
    """Mark running jobs without a heartbeat for ``HEARTBEAT_LOST`` as failed ("onderbroken"):
    their worker was killed. Work runs in one transaction, so nothing of it was written; the
    owner starts it again. Returns how many."""
    now = now or timezone.now()
    return BackgroundJob.objects.filter(
        status=JobStatus.RUNNING, heartbeat_at__lt=now - HEARTBEAT_LOST).update(
        status=JobStatus.FAILED, finished_at=now, result={"error": "interrupted"}, payload={},
        payload_cleared_at=now)


def jobs_expire(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Empty the payloads older than PAYLOAD_KEPT and remove jobs older than JOB_KEPT (and
    fail the jobs whose worker was lost); returns (payloads emptied, jobs removed)."""
    now = now or timezone.now()
    jobs_fail_interrupted(now)
    removed, _ = BackgroundJob.objects.filter(created_at__lt=now - JOB_KEPT).delete()
    emptied = BackgroundJob.objects.filter(
        created_at__lt=now - PAYLOAD_KEPT, payload_cleared_at__isnull=True).update(
        payload={}, payload_cleared_at=now)
    return emptied, removed


@transaction.atomic
def job_create(*, kind: str, owner, organisation=None, total: int = 0,
               payload: dict | None = None) -> BackgroundJob:
    """A queued job. The caller enqueues its task in the same transaction."""
    jobs_expire()
    return BackgroundJob.objects.create(kind=kind, owner=owner, organisation=organisation,
                                        total=total, payload=payload or {})


def job_clear_payload(job: BackgroundJob, *, status: str | None = None,
                      result: dict | None = None) -> BackgroundJob:
    """Empty the payload (and set a status or result at the same time)."""
    job.payload, job.payload_cleared_at = {}, timezone.now()
    fields = ["payload", "payload_cleared_at"]
    if status is not None:
        job.status = status
        fields.append("status")
        if job.finished_at is None:
            job.finished_at = job.payload_cleared_at
            fields.append("finished_at")
    if result is not None:
        job.result = result
        fields.append("result")
    job.save(update_fields=fields)
    return job


class Progress:
    """``progress(n)``: n of the job's items are done. Writes at most every ``interval``
    seconds (and always the last item)."""

    def __init__(self, job: BackgroundJob, interval: float | None = None):
        self.job_id, self.total = job.pk, job.total
        self.interval = PROGRESS_INTERVAL if interval is None else interval
        self._last = 0.0
        self._side = None
        self.written: list[int] = []

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self._last < self.interval:
            return
        self._last = now
        self._write(min(done, self.total) if self.total else done)

    def _connection(self):
        if not connection.in_atomic_block or connection.vendor == "sqlite":
            return connection
        if self._side is None:  # outside the work's transaction, so the page sees it now
            self._side = connections.create_connection(DEFAULT_DB_ALIAS)
        return self._side

    def _write(self, done: int) -> None:
        target = self._connection()
        table = target.ops.quote_name(BackgroundJob._meta.db_table)
        with target.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET done = %s, heartbeat_at = %s WHERE id = %s",  # noqa: S608
                [done, target.ops.adapt_datetimefield_value(timezone.now()), self.job_id])
        self.written.append(done)

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None


def _finish(job: BackgroundJob, outcome: Outcome, done: int) -> None:
    now = timezone.now()
    kept = outcome.payload is not None
    BackgroundJob.objects.filter(pk=job.pk).update(
        status=outcome.status, result=outcome.result, done=done, finished_at=now,
        payload=outcome.payload if kept else {}, payload_cleared_at=None if kept else now)


def job_run(public_id: str, work: Callable[[BackgroundJob, Progress], Outcome]) -> str:
    """Run a queued job (called by the app's task in the worker); returns its final status.

    A job that is no longer queued (cancelled, or already run) is left alone. When the work
    raises, the job is marked failed, its payload emptied, and :class:`JobFailed` is raised so
    the task result shows the failure too.
    """
    claimed = BackgroundJob.objects.filter(public_id=public_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), heartbeat_at=timezone.now(), done=0)
    if not claimed:
        return "skipped"
    job = BackgroundJob.objects.select_related("owner", "organisation").get(public_id=public_id)
    progress = Progress(job)
    try:
        outcome = work(job, progress)
    except Exception as exc:
        logger.error("Background job %s (%s) failed: %s", job.public_id, job.kind,
                     type(exc).__name__)
        _finish(job, Outcome(result={"error": type(exc).__name__}, status=JobStatus.FAILED),
                done=job.done)
        raise JobFailed(f"{job.kind} {job.public_id}") from None
    finally:
        progress.close()
    done = job.total if outcome.status == JobStatus.DONE else \
        BackgroundJob.objects.values_list("done", flat=True).get(pk=job.pk)
    _finish(job, outcome, done=done)
    return outcome.status
