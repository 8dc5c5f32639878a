"""Leavers import screens: upload → (report of every problem | confirmation) → drafts.

Between the preview and the confirmation the checked rows stay in the server-side session
(database sessions): never in a URL, a hidden field or a cookie, so the page does not carry the
BSNs back and forth. The entry is removed on confirm, on cancel and on a new upload, and expires
with the login. At confirmation the rows are validated again inside the import transaction.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from route27.core.access import access_policy
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover.leavers import parsing
from route27.handover.leavers.forms import LeaversFileForm
from route27.handover.leavers.selectors import importing_school
from route27.handover.leavers.services import leavers_import

SESSION_KEY = "school_imports.leavers"
PAGE_SIZE = 50
POLICY = "handover.add_handover"


def _not_a_school(request):
    return render(request, "handover/imports/not_a_school.html", status=403)


def _pending(request) -> dict | None:
    return request.session.get(SESSION_KEY)


def _store(request, value: dict | None) -> None:
    if value is None:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = value


def _rejected(problems: list[parsing.RowProblem], *, rows: int, school) -> dict:
    return {"state": "rejected", "school": school.pk, "rows": rows,
            "bad_rows": len({p.row for p in problems}),
            "problems": [p.as_dict() for p in problems]}


@require_http_methods(["GET", "POST"])
@access_policy(POLICY)
def leavers_upload(request):
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    form = LeaversFileForm(request.POST, request.FILES) if request.method == "POST" \
        else LeaversFileForm()
    if form.is_bound and form.is_valid():
        _store(request, None)  # a new upload replaces whatever was pending
        try:
            rows = parsing.read_leavers_file(form.cleaned_data["file"])
        except parsing.FileRejected as exc:
            for problem in exc.problems:
                form.add_error("file", problem)
        else:
            leavers, problems = parsing.validate_rows(school=school, rows=rows)
            if problems:
                _store(request, _rejected(problems, rows=len(rows), school=school))
                return redirect("school_imports:report")
            _store(request, {"state": "ready", "school": school.pk,
                             "token": secrets.token_urlsafe(16), "rows": rows,
                             "preview": [leaver.preview() for leaver in leavers]})
            return redirect("school_imports:confirm")
    pending = _pending(request)
    return render(request, "handover/imports/upload.html", {
        "form": form, "school": school, "columns": _columns(),
        "pending": pending and pending.get("state") == "ready",
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


@require_GET
@access_policy(POLICY)
def leavers_report(request):
    """Every problem of a rejected file, by row number; nothing was imported."""
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    pending = _pending(request)
    if not pending or pending.get("state") != "rejected" or pending.get("school") != school.pk:
        return redirect("school_imports:upload")
    page = Paginator(pending["problems"], PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "handover/imports/report.html", {
        "page": page, "rows": pending["rows"], "bad_rows": pending["bad_rows"],
        "total": len(pending["problems"]), "form": LeaversFileForm()})


@require_http_methods(["GET", "POST"])
@access_policy(POLICY)
def leavers_confirm(request):
    """Show the rows (name and municipality from the file) and create the drafts on confirm."""
    school = importing_school(request.user)
    if school is None:
        return _not_a_school(request)
    pending = _pending(request)
    if not pending or pending.get("state") != "ready" or pending.get("school") != school.pk:
        messages.info(request, _("Er staat geen import klaar. Upload het bestand opnieuw."))
        return redirect("school_imports:upload")
    if request.method == "POST":
        if not secrets.compare_digest(request.POST.get("token", ""), pending["token"]):
            messages.error(request, _("Deze import is verlopen of al uitgevoerd. Upload het "
                                      "bestand opnieuw."))
            return redirect("school_imports:upload")
        try:
            handovers = leavers_import(actor=request.user, school=school,
                                               rows=pending["rows"])
        except parsing.RowsRejected as exc:
            _store(request, _rejected(exc.problems, rows=len(pending["rows"]), school=school))
            return redirect("school_imports:report")
        except (ValidationFailed, TransitionRefused) as exc:
            _store(request, None)
            messages.error(request, exc.message)
            return redirect("school_imports:upload")
        _store(request, None)
        messages.success(request, ngettext(
            "Er is %(n)s concept-overdracht gemaakt. Vul per leerling het overgangsdocument "
            "aan en vraag toestemming voordat u verstuurt.",
            "Er zijn %(n)s concept-overdrachten gemaakt. Vul per leerling het "
            "overgangsdocument aan en vraag toestemming voordat u verstuurt.",
            len(handovers)) % {"n": len(handovers)})
        try:
            return redirect(reverse("handover:list"))
        except NoReverseMatch:
            return redirect("school_imports:upload")
    page = Paginator(pending["preview"], PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "handover/imports/confirm.html", {
        "page": page, "total": len(pending["preview"]), "token": pending["token"],
        "school": school})


@require_POST
@access_policy(POLICY)
def leavers_cancel(request):
    _store(request, None)
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
