"""Outreach pages: the team's cases and their attempts, importing a delivery (upload → column
mapping → progress → report), the status list of school leavers, and re-approach. Thin: the
scope is the selectors', the rules the services'."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_reads
from route27.core.access import access_policy
from route27.core.errors import Route27Error
from route27.core.forms import apply_service_errors
from route27.core.jobs.models import JobStatus
from route27.core.jobs.selectors import job_of
from route27.core.jobs.services import jobs_fail_interrupted
from route27.core.shortcuts import found_or_404, progress_poll, show_refusal
from route27.core.tabular import FileRejected
from route27.outreach import jobs, parsing, selectors, services
from route27.outreach.forms import AttemptForm, DeliveryForm, MappingForm, StatusFilterForm
from route27.outreach.models import LeaverStatus

WORK = "outreach.work_case"
IMPORT = "outreach.import_delivery"
STATUS = "outreach.view_status_list"
PAGE_SIZE = 50
POLL_SECONDS = 2



def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))


# --- Cases --------------------------------------------------------------------------------------
@require_GET
@access_policy(WORK)
def case_list(request):
    due_only = request.GET.get("alle") != "1"
    page = _page(request, selectors.cases_for(user=request.user, due_only=due_only))
    selectors.log_shown(user=request.user, cases=list(page))
    return render(request, "outreach/case_list.html", {
        "page": page, "due_only": due_only, "today": timezone.localdate()})


@require_http_methods(["GET", "POST"])
@access_policy(WORK)
def case_detail(request, public_id):
    case = found_or_404(selectors.case_get, user=request.user, public_id=public_id)
    form = AttemptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attempt_record(actor=request.user, case=case, **form.cleaned_data)
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De poging is vastgelegd."))
            return redirect("outreach:case", case.public_id)
    return render(request, "outreach/case.html", {
        "case": case, "form": form, "attempts": list(case.attempts.select_related("by")),
        "can_start": case.status == "open" and case.attempts.filter(outcome="reached").exists()})


@require_POST
@access_policy(WORK)
def case_trajectory(request, public_id):
    case = found_or_404(selectors.case_get, user=request.user, public_id=public_id)
    try:
        trajectory = services.case_start_trajectory(actor=request.user, case=case)
    except Route27Error as exc:
        show_refusal(request, exc)
        return redirect("outreach:case", case.public_id)
    messages.success(request, _("Het traject is gestart; de jongere staat in de intakewachtrij "
                                "van het team."))
    return redirect("youth:detail", trajectory.youth.public_id)


# --- Importing a delivery -----------------------------------------------------------------------
def _teams(request):
    """The teams a delivery may be imported for: those of the user's organisations that serve
    a municipality (a policy adviser imports for the outreach team of their municipality)."""
    teams = selectors.importing_teams(request.user)
    if not teams.exists():
        raise Http404
    return teams


def _job(request, public_id):
    jobs_fail_interrupted()
    job = job_of(request.user, public_id, [jobs.IMPORT_JOB])
    if job is None:
        record_denied(user=request.user, object_type="delivery", object_id=public_id)
        raise Http404(_("Deze levering is niet gevonden of u heeft geen toegang."))
    return job


@require_http_methods(["GET", "POST"])
@access_policy(IMPORT)
def upload(request):
    teams = _teams(request)
    form = DeliveryForm(request.POST or None, request.FILES or None, teams=teams,
                        initial={"team": teams.first()})
    if request.method == "POST" and form.is_valid():
        team = form.cleaned_data["team"]
        upload = form.cleaned_data["file"]
        try:
            table = parsing.read_delivery(upload)
        except FileRejected as exc:
            for problem in exc.problems:
                form.add_error("file", problem)
        else:
            job = jobs.delivery_upload(actor=request.user, team=team,
                                       kind=form.cleaned_data["kind"], filename=upload.name,
                                       table=table)
            return redirect("outreach:mapping", job.public_id)
    return render(request, "outreach/upload.html", {"form": form},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@access_policy(IMPORT)
def mapping(request, public_id):
    job = _job(request, public_id)
    if not jobs.waits_for_mapping(job):
        return redirect("outreach:job", job.public_id)
    header = job.payload["header"]
    form = MappingForm(request.POST or None, header=header,
                       proposal=parsing.propose_mapping(header))
    if request.method == "POST" and form.is_valid():
        try:
            jobs.delivery_start(actor=request.user, job=job, mapping=form.mapping())
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            return redirect("outreach:job", job.public_id)
    sample = job.payload["rows"][:3]
    return render(request, "outreach/mapping.html", {
        "form": form, "job": job, "header": header, "sample": sample,
        "rows": len(job.payload["rows"])})


@require_GET
@access_policy(IMPORT)
def job(request, public_id):
    """Progress (polled every 2 s with htmx), then the report: counts and every rejected row."""
    job = _job(request, public_id)
    running = job.status in (JobStatus.QUEUED, JobStatus.RUNNING)
    if running and jobs.waits_for_mapping(job):
        return redirect("outreach:mapping", job.public_id)
    poll = progress_poll(request, job, running=running)
    if poll is not None:
        return poll
    context = {"job": job, "running": running, "poll_seconds": POLL_SECONDS}
    if not running and job.result.get("problems") is not None:
        context["page"] = _page(request, job.result["problems"])
    return render(request, "outreach/job.html", context)


@require_POST
@access_policy(IMPORT)
def cancel(request, public_id):
    job = _job(request, public_id)
    try:
        jobs.delivery_cancel(actor=request.user, job=job)
    except Route27Error as exc:
        messages.error(request, exc.message)
    else:
        messages.info(request, _("De levering is geannuleerd. Er is niets opgeslagen."))
    return redirect("outreach:upload")


# --- Status list and re-approach ----------------------------------------------------------------
@require_GET
@access_policy(STATUS)
def status_list(request):
    municipality_ids = list(selectors.municipalities_of(request.user).values_list("pk",
                                                                                  flat=True))
    form = StatusFilterForm(request.GET or None)
    status, stale = "", False
    if form.is_valid():
        status, stale = form.cleaned_data["status"], form.cleaned_data["niet_bevestigd"]
    page = _page(request, selectors.status_list(user=request.user,
                                                municipality_ids=municipality_ids,
                                                status=status, stale_only=stale))
    record_reads(user=request.user, shown=list(page), purpose=Purpose.CASELOAD)
    return render(request, "outreach/status_list.html", {
        "form": form, "page": page, "labels": dict(LeaverStatus.choices),
        "counts": selectors.status_counts(municipality_ids=municipality_ids),
        "months": selectors.confirm_months()})


@require_GET
@access_policy(WORK)
def reapproach_list(request):
    page = _page(request, selectors.reapproach_list(user=request.user))
    record_reads(user=request.user, shown=list(page), purpose=Purpose.CASELOAD)
    return render(request, "outreach/reapproach.html", {
        "page": page, "days": services.reapproach_days()})


@require_POST
@access_policy(WORK)
def reapproach_open(request, public_id):
    trajectory = found_or_404(selectors.reapproach_get, user=request.user, public_id=public_id)
    try:
        case = services.reapproach_open(actor=request.user, trajectory=trajectory)
    except Route27Error as exc:
        show_refusal(request, exc)
        return redirect("outreach:reapproach")
    messages.success(request, _("De jongere staat op de outreachlijst."))
    return redirect("outreach:case", case.public_id)
