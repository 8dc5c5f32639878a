"""The home page per role (issue 11 §1) and the team lead's assign and cover pages.

``:dashboard`` renders :func:`dashboard`: one page with a section for each role the user holds
(a coach who is also team lead sees both). Every section is read by ``route27.home.selectors``
in a fixed number of queries; every youth shown is logged as read (one query).
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_reads
from route27.core.access import AUTHENTICATED, access_policy
from route27.core.errors import ValidationFailed
from route27.core.forms import apply_service_errors
from route27.home import selectors
from route27.home.forms import AssignForm, CoverEndForm
from route27.organisations.models import User
from route27.organisations.roles import CASEWORK_ROLES, Role
from route27.trajectories.models import Trajectory
from route27.trajectories.selectors import lead_team_ids, team_caseload
from route27.youth.events import YouthObject
from route27.youth.models import Youth
from route27.youth.services import (
    contact_cover_end,
    contact_notices_mark_read,
    contact_person_assign_bulk,
)

LEAD = "trajectories.view_caseload"  # a team lead (rules: is_team_lead)
COACH_ROLES = CASEWORK_ROLES - {Role.TEAMLEIDER}


def _roles(user) -> set[str]:
    return {m.role for m in user.active_memberships}


def _coach_context(user, today) -> dict:
    return {
        "appointments": selectors.appointments(user=user, today=today),
        "actions": selectors.plan_actions_due(user=user, today=today),
        "follow_ups": selectors.follow_ups_due(user=user, today=today),
        "handovers": selectors.handovers_waiting_on(user=user),
        "support_requests": selectors.support_requests_waiting_on(user=user),
        "age_alerts": selectors.age_alerts(user=user, today=today),
        "age_alert_days": selectors.age_alert_days(),
        "no_contact": selectors.no_contact(user=user, today=today),
        "covers": selectors.covers(user=user),
        "week_end": selectors.week_end(today),
    }


def _coach_youth(coach: dict) -> list[Youth]:
    youth = [a.goal.trajectory.youth for a in coach["actions"]]
    youth += [f.trajectory.youth for f in coach["follow_ups"]]
    youth += [a.trajectory.youth for a in coach["age_alerts"]]
    youth += [t.youth for t in coach["no_contact"]]
    youth += [a.youth for group in coach["covers"].values() for a in group if a.youth_visible]
    youth += [h.youth for h in coach["handovers"]]
    youth += [r.youth for r in coach["support_requests"]]
    return youth


@access_policy(AUTHENTICATED)
def dashboard(request):
    """What do I do now? One section per role the user holds."""
    user = request.user
    if not user.primary_membership and user.has_perm("portal.use_portal"):
        return redirect("portal:home")  # youth and parents have their own start page
    today = timezone.localdate()
    roles = _roles(user)
    context: dict = {"today": today, "roles": roles}
    shown: list[Youth] = []
    if roles & COACH_ROLES:
        context["coach"] = _coach_context(user, today)
        shown += _coach_youth(context["coach"])
    if Role.TEAMLEIDER in roles:
        rows, total, overdue = selectors.lead_intake_queue(user=user, today=today)
        context["lead"] = {"queue": rows, "queue_total": total, "queue_overdue": overdue,
                           "norm": selectors.escalation_norm(),
                           "teams": team_caseload(user=user)}
        shown += [r.trajectory.youth for r in rows]
        shown += [d.row.trajectory.youth for r in rows for d in r.duplicates]
    notices = selectors.notices(user=user, today=today)
    context["notices"] = notices
    shown += [n.youth for n in notices if n.youth_visible]
    if Role.SCHOOL_CONTACT in roles:
        items = selectors.school_items(user=user)
        context["school"] = {"by_status": items,
                             "waits_on": selectors.WAITS_ON_LABELS}
        flat = [i for group in items.values() for i in group]
        record_reads(user=user, shown=[i.obj for i in flat if i.kind == "handover"],
                     purpose=Purpose.CASELOAD)
        record_reads(user=user, shown=[i.obj for i in flat if i.kind == "support_request"],
                     purpose=Purpose.CASELOAD)
    context["policy"] = bool(roles & {Role.BELEIDSADVISEUR, Role.REGIONAL_COORDINATOR})
    if context["policy"]:
        from route27.programme import overview as programme_overview
        from route27.programme import selectors as programme_selectors

        context["programmes"] = programme_selectors.summaries(user)
        context["deadline"] = programme_selectors.next_deadline()
        context["comparisons"] = programme_overview.comparison_summaries(user)
    context["admin"] = Role.FUNCTIONEEL_BEHEERDER in roles
    unique = list({y.pk: y for y in shown}.values())
    record_reads(user=user, shown=unique, purpose=Purpose.CASELOAD)
    return render(request, "home/dashboard.html", context)


# --- Assign and reassign (team lead) ------------------------------------------------------------
def _lead_youth(user, public_ids: list[str]) -> list[Youth]:
    """The youth named in the form, each of a team the user leads and with an open trajectory;
    404 (and one denied row) when any is not."""
    try:
        wanted = {uuid.UUID(i) for i in public_ids}
    except ValueError:
        raise Http404(_("Deze jongere is niet gevonden of u heeft geen toegang.")) from None
    team_ids = lead_team_ids(user)
    found = list(Youth.objects.filter(
        Exists(Trajectory.objects.filter(youth=OuterRef("pk"), closed_on__isnull=True)),
        public_id__in=wanted, team_id__in=team_ids).order_by("family_name", "id"))
    missing = wanted - {y.public_id for y in found}
    if missing:
        record_denied(user=user, object_type=YouthObject.YOUTH,
                      object_id=",".join(sorted(map(str, missing))))
        raise Http404(_("Deze jongere is niet gevonden of u heeft geen toegang."))
    return found


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@access_policy(LEAD)
def assign(request):
    """The youth of the lead's teams with their contact person: select rows, pick a colleague,
    optionally a cover end date; filter by contact person or to the unassigned."""
    contact_id = _int(request.GET.get("contactpersoon"))
    unassigned = request.GET.get("zonder") == "1"
    page = _int(request.GET.get("pagina")) or 1
    listing = selectors.assign_list(user=request.user, contact_id=contact_id,
                                    unassigned=unassigned, page=page)
    form = AssignForm(colleagues=listing.colleagues,
                      youth_ids=[r.trajectory.youth.public_id for r in listing.rows])
    if request.method == "POST":
        chosen = _lead_youth(request.user, request.POST.getlist("jongeren"))
        form = AssignForm(request.POST, colleagues=listing.colleagues,
                          youth_ids=[y.public_id for y in chosen])
        if form.is_valid():
            target = User.objects.get(pk=form.cleaned_data["collega"])
            until = form.cleaned_data["tot_en_met"]
            try:
                contact_person_assign_bulk(actor=request.user, youth=chosen, user=target,
                                           reason=form.cleaned_data["reden"],
                                           cover_until=until)
            except ValidationFailed as exc:
                apply_service_errors(exc, form)
            else:
                name = target.get_full_name() or target.get_username()
                count = len(chosen)
                if until:
                    messages.success(request, ngettext(
                        "%(name)s neemt %(count)s jongere waar tot en met %(date)s.",
                        "%(name)s neemt %(count)s jongeren waar tot en met %(date)s.", count) % {
                        "name": name, "count": count, "date": until.strftime("%d-%m-%Y")})
                else:
                    messages.success(request, ngettext(
                        "%(name)s is nu vaste contactpersoon van %(count)s jongere.",
                        "%(name)s is nu vaste contactpersoon van %(count)s jongeren.", count) % {
                        "name": name, "count": count})
                return redirect(request.get_full_path())
    record_reads(user=request.user, shown=[r.trajectory.youth for r in listing.rows],
                 purpose=Purpose.CASELOAD)
    pages = max(1, -(-listing.total // selectors.ASSIGN_PAGE_SIZE))
    return render(request, "home/assign.html", {
        "listing": listing, "form": form, "contact_id": contact_id, "unassigned": unassigned,
        "page": page, "pages": pages, "cover_end_form": CoverEndForm(),
    })


@require_POST
@access_policy(LEAD)
def cover_end(request, public_id):
    """End a youth's running cover now: the original contact returns."""
    youth = Youth.objects.filter(public_id=public_id,
                                 team_id__in=lead_team_ids(request.user)).first()
    if youth is None:
        record_denied(user=request.user, object_type=YouthObject.YOUTH, object_id=public_id)
        raise Http404(_("Deze jongere is niet gevonden of u heeft geen toegang."))
    form = CoverEndForm(request.POST)
    reason = form.cleaned_data["reden"] if form.is_valid() else ""
    try:
        contact_cover_end(actor=request.user, youth=youth,
                          reason=reason or _("Waarneming beëindigd door de teamleider."))
    except ValidationFailed as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De waarneming voor %(name)s is beëindigd.")
                         % {"name": youth.full_name})
    return redirect(reverse("home:assign") + "?" + request.GET.urlencode()
                    if request.GET else reverse("home:assign"))


@require_POST
@access_policy(AUTHENTICATED)
def notices_read(request):
    """"Gelezen": the user's own notices (the ones ticked, or all) leave the home page. Only
    the recipient's notices change, so another user's number changes nothing."""
    ids = [int(value) for value in request.POST.getlist("melding") if value.isdigit()]
    count = contact_notices_mark_read(actor=request.user, notice_ids=ids or None)
    if count:
        messages.success(request, ngettext("%(count)d melding gelezen.",
                                           "%(count)d meldingen gelezen.", count)
                         % {"count": count})
    return redirect("dashboard")


# --- The task list (issue 13 §4) ----------------------------------------------------------------
@access_policy(AUTHENTICATED)
def tasks(request):
    """Everything that asks the user to act, overdue first; each youth shown by first name."""
    from route27.casework.selectors import notices_for
    from route27.home.tasks import tasks_for

    today = timezone.localdate()
    rows = tasks_for(user=request.user, today=today)
    shown = list({t.youth.pk: t.youth for t in rows if t.youth is not None}.values())
    record_reads(user=request.user, shown=shown, purpose=Purpose.CASELOAD)
    return render(request, "home/tasks.html", {
        "tasks": rows, "overdue": sum(t.overdue for t in rows), "today": today,
        "notices": notices_for(user=request.user), "notices_next": "tasks"})
