"""The leavers import as background jobs (core.jobs): check the file, then make the drafts.

1. Upload: the view reads the file (a structural problem is answered at once) and
   :func:`leavers_check_start` stores the raw rows in a ``leavers_check`` job and enqueues
   :data:`leavers_check_task`. The worker checks every row, with progress; the job's result is
   every rejected row by number and reason (the rows are then emptied), or "ready" with the
   preview (only what the school typed: row, name, municipality).
2. Confirm: :func:`leavers_confirm` moves the checked rows into a new ``leavers_import`` job
   (the check job keeps no rows) and enqueues :data:`leavers_import_task`, which makes one
   draft handover per row, all or nothing, with progress. Its result is the public ids of the
   drafts, or every rejected row when the database changed since the check. Cancel or a new
   upload empties the rows of a waiting check.

The rows (with BSNs) live only in the job row in the database, visible to its owner only, never
in the session, a URL, a hidden field or a cookie; they are emptied when the job no longer
needs them, and at the latest after ``core.jobs.services.PAYLOAD_KEPT``.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from route27.core.errors import TransitionRefused, ValidationFailed
from route27.core.jobs.models import BackgroundJob, JobStatus
from route27.core.jobs.services import (
    Outcome,
    Progress,
    job_clear_payload,
    job_create,
    job_run,
)
from route27.handover.leavers import parsing
from route27.handover.leavers.selectors import CHECK_JOB, IMPORT_JOB
from route27.handover.leavers.services import leavers_import
from route27.organisations.models import Organisation

READY, REJECTED, CREATED, REFUSED = "ready", "rejected", "created", "refused"


def _rejected(problems: list[parsing.RowProblem], *, rows: int) -> dict:
    return {"outcome": REJECTED, "rows": rows, "bad_rows": len({p.row for p in problems}),
            "problems": [p.as_dict() for p in problems]}


def _waiting_checks(actor):
    return BackgroundJob.objects.select_for_update().filter(
        owner=actor, kind=CHECK_JOB, payload_cleared_at__isnull=True).exclude(
        status=JobStatus.RUNNING)


@transaction.atomic
def leavers_check_start(*, actor, school: Organisation, rows: list[dict]) -> BackgroundJob:
    """Store the raw rows in a new check job and enqueue the check. A new upload replaces a
    check that still waits (its rows are emptied)."""
    for waiting in _waiting_checks(actor):
        job_clear_payload(waiting, status=JobStatus.CANCELLED,
                          result={**waiting.result, "replaced": True})
    job = job_create(kind=CHECK_JOB, owner=actor, organisation=school, total=len(rows),
                     payload={"rows": rows})
    leavers_check_task.enqueue(str(job.public_id))
    return job


def leavers_check_run(job: BackgroundJob, progress: Progress) -> Outcome:
    rows = job.payload["rows"]
    leavers, problems = parsing.validate_rows(school=job.organisation, rows=rows,
                                              progress=progress)
    if problems:
        return Outcome(result=_rejected(problems, rows=len(rows)))
    return Outcome(result={"outcome": READY, "rows": len(rows)},
                   payload={"rows": rows, "preview": [leaver.preview() for leaver in leavers]})


def is_waiting_for_confirmation(job: BackgroundJob) -> bool:
    return job.kind == CHECK_JOB and job.status == JobStatus.DONE and job.has_payload \
        and job.result.get("outcome") == READY


@transaction.atomic
def leavers_confirm(*, actor, job: BackgroundJob) -> BackgroundJob:
    """Move the checked rows into an import job and enqueue it; the check keeps no rows."""
    job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
    if job.owner_id != actor.pk or not is_waiting_for_confirmation(job):
        raise TransitionRefused(_("Deze import is verlopen of al uitgevoerd. Upload het "
                                  "bestand opnieuw."))
    rows = job.payload["rows"]
    importer = job_create(kind=IMPORT_JOB, owner=actor, organisation=job.organisation,
                          total=len(rows), payload={"rows": rows})
    job_clear_payload(job, result={**job.result, "import_job": str(importer.public_id)})
    leavers_import_task.enqueue(str(importer.public_id))
    return importer


@transaction.atomic
def leavers_cancel(*, actor, job: BackgroundJob) -> BackgroundJob:
    """Forget a check that waits (queued, or checked and waiting for the confirmation)."""
    job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
    waiting = job.status == JobStatus.QUEUED or is_waiting_for_confirmation(job)
    if job.owner_id != actor.pk or job.kind != CHECK_JOB or not waiting:
        raise TransitionRefused(_("Deze import kan niet meer worden geannuleerd."))
    return job_clear_payload(job, status=JobStatus.CANCELLED)


def leavers_import_run(job: BackgroundJob, progress: Progress) -> Outcome:
    rows = job.payload["rows"]
    try:
        handovers = leavers_import(actor=job.owner, school=job.organisation, rows=rows,
                                   progress=progress)
    except parsing.RowsRejected as exc:
        return Outcome(result=_rejected(exc.problems, rows=len(rows)))
    except (ValidationFailed, TransitionRefused) as exc:
        return Outcome(result={"outcome": REFUSED, "message": str(exc.message)})
    return Outcome(result={"outcome": CREATED, "rows": len(rows),
                           "handovers": [str(h.public_id) for h in handovers]})


@task()
def leavers_check_task(job_id: str) -> str:
    return job_run(job_id, leavers_check_run)


@task()
def leavers_import_task(job_id: str) -> str:
    return job_run(job_id, leavers_import_run)
