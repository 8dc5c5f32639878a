"""Importing a delivery as a background job (``core.jobs``, ADR 0012), with progress.

1. Upload: the view reads the table (a structural problem is answered at once) and
   :func:`delivery_upload` keeps header and rows in a ``delivery_import`` job that waits for
   the column mapping (not yet enqueued).
2. Mapping: the user confirms which column holds which field; :func:`delivery_start` stores
   the mapping and enqueues :data:`delivery_import_task`.
3. The worker checks every row (the first half of the progress bar) and imports the good ones in
   one transaction (second half). The result is the counts and every rejected row by number and
   reason; the rows are emptied. An exception, or a worker killed mid-way, writes nothing
   (``core.jobs.services.jobs_fail_interrupted`` marks the lost job failed).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from route27.core.errors import TransitionRefused
from route27.core.jobs.models import BackgroundJob, JobStatus
from route27.core.jobs.services import Outcome, Progress, job_clear_payload, job_create, job_run
from route27.organisations.models import Team
from route27.outreach import parsing
from route27.outreach.services import delivery_import

IMPORT_JOB = "delivery_import"
MAPPING, IMPORTED, REJECTED = "mapping", "imported", "rejected"


def team_municipalities(team: Team) -> list:
    return list(team.serves.order_by("name"))


@transaction.atomic
def delivery_upload(*, actor, team: Team, kind: str, filename: str,
                    table) -> BackgroundJob:
    """Keep the rows in a job that waits for the mapping; a new upload replaces a waiting one."""
    for waiting in BackgroundJob.objects.select_for_update().filter(
            owner=actor, kind=IMPORT_JOB, status=JobStatus.QUEUED,
            payload_cleared_at__isnull=True, result__stage=MAPPING):
        job_clear_payload(waiting, status=JobStatus.CANCELLED,
                          result={**waiting.result, "replaced": True})
    return job_create(kind=IMPORT_JOB, owner=actor, organisation=team.organisation,
                      total=len(table.rows), payload={
                          "team": team.pk, "kind": kind, "filename": filename[:200],
                          "header": table.header, "rows": table.rows})


def waits_for_mapping(job: BackgroundJob) -> bool:
    return job.status == JobStatus.QUEUED and job.has_payload and "mapping" not in job.payload


@transaction.atomic
def delivery_start(*, actor, job: BackgroundJob, mapping: dict[str, str]) -> BackgroundJob:
    """Store the confirmed mapping and enqueue the import."""
    job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
    if job.owner_id != actor.pk or not waits_for_mapping(job):
        raise TransitionRefused(_("Deze levering is verlopen of al gestart. Upload het bestand "
                                  "opnieuw."))
    team = Team.objects.get(pk=job.payload["team"])
    parsing.check_mapping(mapping, job.payload["header"],
                          municipality_needed=len(team_municipalities(team)) > 1)
    job.payload = {**job.payload, "mapping": mapping}
    job.save(update_fields=["payload"])
    delivery_import_task.enqueue(str(job.public_id))
    return job


@transaction.atomic
def delivery_cancel(*, actor, job: BackgroundJob) -> BackgroundJob:
    job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
    if job.owner_id != actor.pk or not waits_for_mapping(job):
        raise TransitionRefused(_("Deze levering kan niet meer worden geannuleerd."))
    return job_clear_payload(job, status=JobStatus.CANCELLED)


def delivery_run(job: BackgroundJob, progress: Progress) -> Outcome:
    payload = job.payload
    team = Team.objects.get(pk=payload["team"])
    rows = payload["rows"]
    half = len(rows) // 2  # checking is the first half of the bar, writing the second
    people, problems = parsing.check_rows(
        rows, payload["header"], payload["mapping"], municipalities=team_municipalities(team),
        progress=lambda n: progress(n // 2))
    progress(half)
    result = {"rows": len(rows), "rejected": len({p.row for p in problems}),
              "problems": [p.as_dict() for p in problems]}
    if not people:
        return Outcome(result={**result, "outcome": REJECTED})
    delivery = delivery_import(actor=job.owner, team=team, kind=payload["kind"], people=people,
                               filename=payload["filename"], rejected=result["rejected"],
                               progress=lambda n: progress(half + n // 2))
    return Outcome(result={**result, "outcome": IMPORTED, "delivery": str(delivery.public_id),
                           "new_cases": delivery.new_cases, "in_view": delivery.in_view,
                           "told": delivery.told})


@task()
def delivery_import_task(job_id: str) -> str:
    return job_run(job_id, delivery_run)
