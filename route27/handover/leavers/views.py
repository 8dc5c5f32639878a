"""Leavers import screens: upload → progress page of the check → (report of every problem |
preview and confirmation) → progress page of the import → the drafts made.

The work runs in the task worker (:mod:`route27.handover.leavers.jobs`); the pages only read
the job. The rows of the file live in the job row in the database, never in the session, a URL,
a hidden field or a cookie. A job is its owner's: for anyone else it does not exist (404, and a
``denied`` row in the audit log).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from route27.casefile.services import record_denied
from route27.core.access import access_policy
from route27.core.errors import TransitionRefused
from route27.core.jobs.models import JobStatus
from route27.core.jobs.selectors import job_of, jobs_of
from route27.core.shortcuts import progress_poll
from route27.handover.events import HandoverObject
from route27.handover.leavers import jobs, parsing
from route27.handover.leavers.forms import LeaversFileForm
from route27.handover.leavers.selectors import CHECK_JOB, JOB_KINDS, importing_school
from route27.handover.models import Handover

PAGE_SIZE = 50
POLICY = "handover.add_handover"
POLL_SECONDS = 2


def _not_a_school(request):
    return render(request, "handover/imports/not_a_school.html", status=403)


def _job(request, public_id):
    """The user's own import job; 404 and a denied entry for an unknown or another's job."""
    job = job_of(request.user, public_id, JOB_KINDS)
    if job is None:
        record_denied(user=request.user, object_type=HandoverObject.LEAVERS_IMPORT,
                      object_id=public_id)
        raise Http404(_("Deze import is niet gevonden of u heeft geen toegang."))
    return job


def _pending(user):
    """The user's latest check that runs or waits for confirmation, if any."""
    latest = jobs_of(user, [CHECK_JOB]).filter(payload_cleared_at__isnull=True).exclude(
        status__in=[JobStatus.FAILED, JobStatus.CANCELLED]).first()
    if latest is None or (latest.status == JobStatus.DONE
                          and not jobs.is_waiting_for_confirmation(latest)):
        return None
    return latest


@require_http_methods(["GET", "POST"])
@access_policy(POLICY)
def leavers_upload(request):
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    form = LeaversFileForm(request.POST, request.FILES) if request.method == "POST" \
        else LeaversFileForm()
    if form.is_bound and form.is_valid():
        try:
            rows = parsing.read_leavers_file(form.cleaned_data["file"])
        except parsing.FileRejected as exc:
            for problem in exc.problems:
                form.add_error("file", problem)
        else:
            job = jobs.leavers_check_start(actor=request.user, school=school, rows=rows)
            return redirect("school_imports:job", public_id=job.public_id)
    return render(request, "handover/imports/upload.html", {
        "form": form, "school": school, "columns": _columns(),
        "pending": _pending(request.user),
    }, status=400 if form.errors else 200)


def _columns() -> list[dict]:
    descriptions = {
        "bsn": _("9 cijfers (elfproef)"),
        "voornamen": _("zoals in de BRP"),
        "voorvoegsel": _("bijvoorbeeld van der"),
        "achternaam": _("zoals in de BRP"),
        "geboortedatum": _("dd-mm-jjjj; 00 voor een onbekende dag of maand"),
        "woongemeente": _("gemeentecode (0358) of CBS-code (GM0358)"),
        "opleiding": _("naam van de opleiding"),
        "niveau": _("bij mbo 1 tot en met 4"),
        "datum_uitschrijving": _("dd-mm-jjjj"),
        "diploma": _("ja, nee of het niveau (bijvoorbeeld mbo2)"),
    }
    return [{"name": c, "required": c in parsing.REQUIRED_COLUMNS, "description": descriptions[c]}
            for c in parsing.COLUMNS]


def _state(job) -> str:
    """What the page shows: the progress while the job waits or runs, else its outcome."""
    if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
        return "progress"
    if job.status in (JobStatus.FAILED, JobStatus.CANCELLED):
        return str(job.status)
    outcome = job.result.get("outcome")
    if outcome == jobs.READY and not job.has_payload:
        return "expired"
    return outcome or "failed"


@require_GET
@access_policy(POLICY)
def leavers_job(request, public_id):
    """The progress of a check or import job (polled every 2 s while it runs), then its result:
    every rejected row by number and reason, the preview to confirm, or the drafts made."""
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    job = _job(request, public_id)
    if job.kind == CHECK_JOB and job.result.get("import_job"):
        return redirect("school_imports:job", public_id=job.result["import_job"])
    state = _state(job)
    poll = progress_poll(request, job, running=state == "progress")
    if poll is not None:
        return poll
    context = {"job": job, "state": state, "school": school, "poll_seconds": POLL_SECONDS,
               "is_check": job.kind == CHECK_JOB}
    if state == jobs.REJECTED:
        context.update(page=Paginator(job.result["problems"], PAGE_SIZE).get_page(
            request.GET.get("pagina")), form=LeaversFileForm())
    elif state == jobs.READY:
        context["page"] = Paginator(job.payload["preview"], PAGE_SIZE).get_page(
            request.GET.get("pagina"))
    elif state == jobs.CREATED:
        context["page"] = Paginator(
            Handover.objects.filter(public_id__in=job.result["handovers"], sender=school)
            .select_related("youth", "receiver").order_by("pk"), PAGE_SIZE).get_page(
            request.GET.get("pagina"))
    return render(request, "handover/imports/job.html", context)


@require_POST
@access_policy(POLICY)
def leavers_confirm(request, public_id):
    """Make the drafts of a checked file: a new import job, in the worker."""
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    job = _job(request, public_id)
    try:
        importer = jobs.leavers_confirm(actor=request.user, job=job)
    except TransitionRefused as exc:
        messages.error(request, exc.message)
        return redirect("school_imports:upload")
    return redirect("school_imports:job", public_id=importer.public_id)


@require_POST
@access_policy(POLICY)
def leavers_cancel(request, public_id):
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    job = _job(request, public_id)
    try:
        jobs.leavers_cancel(actor=request.user, job=job)
    except TransitionRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.info(request, _("De import is geannuleerd. Er is niets opgeslagen."))
    return redirect("school_imports:upload")


@require_GET
@access_policy(POLICY)
def leavers_example(request):
    """An empty CSV with the column header, to fill in."""
    response = HttpResponse(";".join(parsing.COLUMNS) + "\r\n",
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="schoolverlaters.csv"'
    return response

