"""Worklists (issue 4 §10): the coach's own youth, the team intake queue, the team caseload.

Reads go through trajectories.selectors (scoped by the user); every youth shown is audited with
youth_log_shown; the one write (taking on a signal) goes through contact_person_assign.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from route27 import law
from route27.casefile.services import record_denied
from route27.casefile.vocabularies import AlertCode
from route27.core.access import access_policy
from route27.core.errors import ValidationFailed
from route27.organisations.models import config_for
from route27.trajectories import selectors
from route27.trajectories.alerts import alerts_for
from route27.trajectories.events import TrajectoryObject
from route27.trajectories.models import Activity, Intensity
from route27.trajectories.queue import one_row_per_person
from route27.trajectories.workflow import ORDER
from route27.youth.selectors import youth_log_shown
from route27.youth.services import contact_person_assign

PAGE_SIZE = 25

class WorklistFilterForm(forms.Form):
    stap = forms.ChoiceField(
        label=gettext_lazy("Stap"), required=False,
        choices=[("", gettext_lazy("Alle stappen")), *((s.value, s.label) for s in ORDER)])
    intensiteit = forms.ChoiceField(
        label=gettext_lazy("Intensiteit"), required=False,
        choices=[("", gettext_lazy("Alle")), *Intensity.choices,
                 (selectors.UNKNOWN_INTENSITY, gettext_lazy("Nog niet bepaald"))])
    route = forms.ChoiceField(
        label=gettext_lazy("Route"), required=False,
        choices=[("", gettext_lazy("Alle routes")), *law.ROUTE_LABELS.items()])
    signaal = forms.ChoiceField(
        label=gettext_lazy("Signaal"), required=False,
        choices=[("", gettext_lazy("Alle jongeren")), *AlertCode.choices])


SORT_COLUMNS = [("naam", gettext_lazy("Naam")), ("stap", gettext_lazy("Stap")),
                ("start", gettext_lazy("Gestart")), ("contact", gettext_lazy("Laatste contact"))]


@dataclass
class SortHeader:
    key: str
    label: str
    href: str
    aria_sort: str  # "" when the list is not sorted on this column


def _sort_headers(params: dict[str, str], sort: str) -> list[SortHeader]:
    headers = []
    for key, label in SORT_COLUMNS:
        if sort.lstrip("-") == key:
            descending = sort.startswith("-")
            aria, target = ("descending", key) if descending else ("ascending", f"-{key}")
        else:
            aria, target = "", key
        query = urlencode({**params, "sorteer": target})
        headers.append(SortHeader(key, str(label), f"?{query}", aria))
    return headers


@access_policy("trajectories.view_worklist")
def worklist(request):
    form = WorklistFilterForm(request.GET)
    form.is_valid()  # an unknown value is ignored (and shown as an error on its field)
    chosen = {k: v for k, v in form.cleaned_data.items() if v}
    sort = request.GET.get("sorteer", "naam")
    if sort.lstrip("-") not in selectors.SORTS:
        sort = "naam"
    today = timezone.localdate()
    trajectories = selectors.worklist(
        user=request.user, step=chosen.get("stap", ""), intensity=chosen.get("intensiteit", ""),
        route=chosen.get("route", ""), alert=chosen.get("signaal", ""), sort=sort, today=today)
    paginator = Paginator(trajectories, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    rows = []
    for trajectory in page.object_list:
        youth = trajectory.youth
        weeks = config_for(youth.municipality).no_contact_weeks  # select_related: no query
        rows.append({
            "trajectory": trajectory,
            "youth": youth,
            "age": law.age_on(youth.birth_date, today),
            "route": law.route_label(trajectory.route) or "–",
            "alerts": alerts_for(youth=youth, trajectory=trajectory, today=today,
                                 contact_role=trajectory.contact_role or "",
                                 overdue_follow_up=trajectory.overdue_follow_up,
                                 no_contact_weeks=weeks),
        })
    youth_log_shown(user=request.user, youth=[r["youth"] for r in rows])
    return render(request, "trajectories/worklists/worklist.html", {
        "form": form, "rows": rows, "page": page, "total": paginator.count,
        "headers": _sort_headers(dict(chosen), sort), "filtered": bool(chosen), "sort": sort,
        # Translated once per page, not once per row (issue 12: the rows' lazy labels were
        # hundreds of gettext calls a page).
        "contact_kinds": Activity.quick_contact_kinds(),
    })


@access_policy("trajectories.view_intake_queue")
def intake_queue(request):
    today = timezone.localdate()
    paginator = Paginator(selectors.intake_queue(user=request.user, today=today), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    roles = selectors.contact_roles_by_team(request.user)
    rows = [{
        "trajectory": t, "youth": t.youth, "days_waiting": (today - t.started_on).days,
        "entrance": t.entrance_label,
        "can_take_on": t.team_id in roles, "duplicates": [],
    } for t in page.object_list]
    youth_log_shown(user=request.user, youth=[r["youth"] for r in rows])
    return render(request, "trajectories/worklists/intake_queue.html", {
        "rows": _one_row_per_person(rows), "page": page, "total": paginator.count,
        "can_take_on": bool(roles),
    })


def _one_row_per_person(rows: list[dict]) -> list[dict]:
    """One row per person, its possible duplicates beneath it (trajectories.queue)."""
    shown = []
    for row, duplicates in one_row_per_person(rows, youth_of=lambda r: r["youth"]):
        row["duplicates"] = duplicates
        shown.append(row)
    return shown


@require_POST
@access_policy("trajectories.assign_contact_person")
def intake_take_on(request, public_id):
    """'Ik pak dit op': the user becomes the contact person of an unassigned signal."""
    trajectory = selectors.intake_queue(user=request.user).filter(public_id=public_id).first()
    if trajectory is None:
        if not selectors.trajectories_visible_to(request.user).filter(
                public_id=public_id).exists():
            record_denied(user=request.user, object_type=TrajectoryObject.TRAJECTORY,
                          object_id=public_id)
            raise Http404(_("Dit traject is niet gevonden of u heeft geen toegang."))
        messages.error(request, _("Deze jongere staat niet meer in de intakewachtrij: "
                                  "iemand anders heeft het signaal al opgepakt."))
        return redirect("worklists:intake")
    role = selectors.contact_roles_by_team(request.user).get(trajectory.team_id)
    if role is None:
        messages.error(request, _(
            "U kunt dit signaal niet oppakken: alleen een doorstroomcoach, jongerencoach werk, "
            "leerplichtambtenaar of consulent Werk en Inkomen van dit team kan vaste "
            "contactpersoon worden."))
        return redirect("worklists:intake")
    try:
        contact_person_assign(actor=request.user, youth=trajectory.youth, user=request.user,
                              role=role, only_if_unassigned=True)
    except ValidationFailed as exc:
        messages.error(request, exc.message)
        return redirect("worklists:intake")
    messages.success(request, _("U bent nu de vaste contactpersoon van %(name)s.")
                     % {"name": trajectory.youth.full_name})
    # The law assigns the contact person after the intake fixed the route (Uitgangspuntennotitie
    # §4): taking on is not blocked, but the coach is told what is still open (issue 10).
    fit = selectors.contact_fit_for(trajectory, trajectory.youth, current_role=role,
                                    today=timezone.localdate())
    if fit.is_open or fit.value == law.CONTACT_DOES_NOT_FIT:
        messages.warning(request, f"{fit.question or fit.reason} ({fit.citations})")
    return redirect("worklists:intake")


@access_policy("trajectories.view_caseload")
def caseload(request):
    return render(request, "trajectories/worklists/caseload.html", {
        "teams": selectors.team_caseload(user=request.user),
    })
