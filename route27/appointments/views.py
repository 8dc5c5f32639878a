"""Appointment pages. A coach's pages find the appointment or trajectory in the user's scope
(404 and ``denied`` outside it); a write on a closed file is refused with the reason
(``note_refused``: the middleware audits it). The youth's link page is public and rate-limited;
an unknown token gets a neutral 404."""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from route27.appointments import selectors, services
from route27.appointments.forms import MoveRequestForm, PlanForm
from route27.appointments.notifications import first_name
from route27.appointments.rules import appointment_read_only_reason
from route27.core.access import PUBLIC, access_policy, note_refused
from route27.core.errors import Route27Error
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import found_or_404
from route27.trajectories.selectors import trajectory_get, trajectory_log_read

VIEW = "appointments.view_appointment"
CHANGE = "appointments.change_appointment"
LINK_RATE_WINDOW = 3600


def _file_url(youth) -> str:
    return reverse("youth:detail", args=[youth.public_id]) + "#afspraken"


def _back(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@require_http_methods(["GET"])
@access_policy(VIEW)
def appointment_list(request):
    """The coach's appointments: those waiting for attendance, then the coming two weeks."""
    now = timezone.now()
    due = selectors.appointments_due_attendance(request.user, now=now)
    coming = selectors.appointments_for(request.user, start=now,
                                        end=now + datetime.timedelta(days=14))
    return render(request, "appointments/list.html", {"due": due, "coming": coming})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def appointment_plan_page(request, public_id):
    trajectory = found_or_404(trajectory_get, user=request.user, public_id=public_id)
    reason = appointment_read_only_reason(request.user, trajectory)
    if reason:
        note_refused(reason)
        messages.error(request, reason)
        return redirect(_file_url(trajectory.youth))
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                services.appointment_plan(actor=request.user, trajectory=trajectory,
                                          **form.service_data())
            except Route27Error as exc:
                apply_service_errors(exc, form)
            else:
                messages.success(request, _("De afspraak is gepland."))
                return redirect(_file_url(trajectory.youth))
    else:
        form = PlanForm(initial={"day": timezone.localdate()})
    trajectory_log_read(user=request.user, trajectory=trajectory, view="appointment_plan")
    return render(request, "trajectories/file/form.html", {
        "form": form, "trajectory": trajectory, "youth": trajectory.youth,
        "title": _("Afspraak plannen"), "submit": _("Afspraak plannen"),
        "intro": _("De jongere krijgt een uitnodiging per e-mail als er een e-mailadres bekend "
                   "is, en een herinnering de dag ervoor."),
        "cancel_url": _file_url(trajectory.youth)})


@require_http_methods(["POST"])
@access_policy(CHANGE)
def attendance(request, public_id):
    """One click: attended, no-show, cancelled by youth or by coach."""
    appointment = found_or_404(selectors.appointment_get, user=request.user, public_id=public_id)
    back = _back(request, _file_url(appointment.youth))
    reason = appointment_read_only_reason(request.user, appointment)
    if reason:
        note_refused(reason)
        messages.error(request, reason)
        return redirect(back)
    try:
        appointment = services.appointment_attendance_record(
            actor=request.user, appointment=appointment, status=request.POST.get("status", ""))
    except Route27Error as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Vastgelegd: %(status)s.") % {
            "status": appointment.get_status_display().lower()})
    return redirect(back)


# --- The youth's link (public) ----------------------------------------------------------------
def _rate_key(request) -> str:
    ip = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{ip}".encode()).hexdigest()[:32]
    return f"route27:appointments:link:{digest}"


def _limit_reached(request) -> bool:
    """Tries per client IP per hour: guessing tokens is pointless, and this keeps it so."""
    limit = getattr(settings, "ROUTE27_APPOINTMENT_LINK_PER_HOUR", 60)
    key = _rate_key(request)
    if not cache.add(key, 1, timeout=LINK_RATE_WINDOW):
        try:
            return cache.incr(key) > limit
        except ValueError:
            cache.set(key, 1, timeout=LINK_RATE_WINDOW)
    return False


@require_http_methods(["GET", "POST"])
@access_policy(PUBLIC)
def youth_link(request, token):
    if _limit_reached(request):
        return render(request, "appointments/link_limited.html", status=429)
    appointment = selectors.appointment_by_token(token)
    if appointment is None:
        raise Http404(_("Deze pagina bestaat niet."))
    form = MoveRequestForm()
    done = ""
    if request.method == "POST" and appointment.is_planned:
        try:
            if request.POST.get("answer") == "confirm":
                services.appointment_confirm_by_youth(appointment=appointment)
                done = "confirmed"
            else:
                form = MoveRequestForm(request.POST)
                if form.is_valid():
                    services.appointment_move_request(appointment=appointment,
                                                      note=form.cleaned_data["note"])
                    done = "move"
        except Route27Error as exc:
            apply_service_errors(exc, form)
        appointment.refresh_from_db()
    return render(request, "appointments/link.html", {
        "appointment": appointment, "first_name": first_name(appointment.youth),
        "coach_first_name": appointment.coach.first_name,
        "starts_at": timezone.localtime(appointment.starts_at), "form": form, "done": done})
