"""Collaboration pages: involvement, regie and casusoverleg. Thin: find the object in the user's
scope (404 and ``denied`` outside it), call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from route27.casework import selectors, services
from route27.casework.forms import (
    ActionFormSet,
    AgendaForm,
    InvolvementByBsnForm,
    InvolvementForm,
    MeetingForm,
    MinutesForm,
    ReasonForm,
)
from route27.casework.models import RegieStatus
from route27.core.access import access_policy, note_refused
from route27.core.errors import Route27Error
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import found_or_404, show_refusal
from route27.trajectories.selectors import trajectory_get
from route27.youth.rules import read_only_reason
from route27.youth.selectors import youth_get

REGISTER = "casework.register_involvement"
VIEW_INVOLVEMENT = "casework.view_involvement"
VIEW_REGIE = "casework.view_regie"
TAKE_REGIE = "casework.take_regie"
REQUEST_REGIE = "casework.request_regie"
VIEW_MEETING = "casework.view_case_meeting"
PLAN_MEETING = "casework.plan_case_meeting"



def _file_url(youth) -> str:
    return reverse("youth:detail", args=[youth.public_id]) + "#samenwerking"


def _form_page(request, form, *, title: str, submit: str, cancel_url: str, intro: str = "",
               youth=None, formset=None, template: str = "casework/form.html"):
    return render(request, template, {"form": form, "formset": formset, "title": title,
                                      "submit": submit, "cancel_url": cancel_url,
                                      "intro": intro, "youth": youth})


# --- Involvement --------------------------------------------------------------------------------
@require_http_methods(["GET"])
@access_policy(VIEW_INVOLVEMENT)
def my_involvement(request):
    return render(request, "casework/involvement_list.html", {
        "involvements": selectors.my_involvements(user=request.user),
        "notices": selectors.notices_for(user=request.user)})


@require_http_methods(["GET", "POST"])
@access_policy(REGISTER)
def involvement_register(request):
    """Register involvement with a person by BSN. The answer is the same whether the person
    was known or not, and whatever the file holds (no oracle)."""
    form = InvolvementByBsnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "municipality": form.cleaned_data["municipality"]}
        try:
            services.involvement_register_by_bsn(actor=request.user, **data)
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("Uw betrokkenheid is gemeld. Is een andere organisatie "
                                        "ook betrokken, dan krijgen u en zij daarvan bericht."))
            return redirect("casework:mine")
    return _form_page(request, form, title=_("Betrokkenheid melden"), submit=_("Melden"),
                      cancel_url=reverse("casework:mine"), intro=_(
                          "Meld dat u betrokken bent bij een jongere, zoals in de Verwijsindex: "
                          "alleen wie, sinds wanneer en hoe u bereikbaar bent. BSN, naam en "
                          "geboortedatum moeten samen kloppen."))


@require_http_methods(["GET", "POST"])
@access_policy(REGISTER)
def involvement_add(request, public_id):
    """Register one's own involvement from a file or card the user may read."""
    card = found_or_404(selectors.involvement_card, user=request.user, public_id=public_id)
    form = InvolvementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.involvement_register(actor=request.user, youth=card.youth,
                                          **form.cleaned_data)
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("Uw betrokkenheid is vastgelegd."))
            return redirect("casework:card", card.youth.public_id)
    return _form_page(request, form, title=_("Ik ben ook betrokken"), submit=_("Vastleggen"),
                      cancel_url=reverse("casework:card", args=[card.youth.public_id]),
                      youth=card.youth)


@require_http_methods(["POST"])
@access_policy(REGISTER)
def involvement_end(request, public_id):
    involvement = found_or_404(selectors.involvement_get, user=request.user, public_id=public_id)
    try:
        services.involvement_end(actor=request.user, involvement=involvement,
                                 reason=request.POST.get("reason", ""))
    except Route27Error as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("De betrokkenheid is beëindigd."))
    return redirect("casework:mine")


@require_http_methods(["GET"])
@access_policy(VIEW_INVOLVEMENT)
def card(request, public_id):
    """The involvement card: who is involved and how to reach them, not the file."""
    card = found_or_404(selectors.involvement_card, user=request.user, public_id=public_id)
    mine = [i for i in card.involvements if i.professional_id == request.user.pk]
    return render(request, "casework/card.html", {"card": card, "mine": mine})


@require_http_methods(["POST"])
@access_policy(VIEW_INVOLVEMENT)
def notices_read(request):
    services.casework_notices_mark_read(actor=request.user)
    return redirect("home:tasks" if request.POST.get("next") == "tasks" else "casework:mine")


# --- Regie --------------------------------------------------------------------------------------
@require_http_methods(["GET"])
@access_policy(VIEW_REGIE)
def regie_list(request):
    return render(request, "casework/regie_list.html", {
        "requests": selectors.regie_requests_for(user=request.user),
        "held": selectors.regies_held_by(user=request.user)})


@require_http_methods(["POST"])
@access_policy(REQUEST_REGIE)
def regie_request(request, public_id):
    trajectory = found_or_404(trajectory_get, user=request.user, public_id=public_id)
    reason = read_only_reason(request.user, trajectory.youth)
    if reason:
        note_refused(reason)
        messages.error(request, reason)
        return redirect(_file_url(trajectory.youth))
    try:
        services.regie_request(actor=request.user, trajectory=trajectory,
                               reason=request.POST.get("reason", ""))
    except Route27Error as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("Het sociaal team is gevraagd de regie te nemen."))
    return redirect(_file_url(trajectory.youth))


@require_http_methods(["GET", "POST"])
@access_policy(TAKE_REGIE)
def regie_detail(request, public_id):
    """A request: take it, or say why not; a regie held: hand it back."""
    regie = found_or_404(selectors.regie_get, user=request.user, public_id=public_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "take":
                services.regie_take(actor=request.user, regie=regie)
                messages.success(request, _("U heeft de regie. Het dossier staat voor u open."))
                return redirect("youth:detail", regie.youth.public_id)
            if form.is_valid():
                if action == "decline":
                    services.regie_decline(actor=request.user, regie=regie,
                                           reason=form.cleaned_data["reason"])
                    messages.success(request, _("De coach hoort dat het sociaal team de regie "
                                                "niet neemt."))
                elif action == "hand_back":
                    services.regie_hand_back(actor=request.user, regie=regie,
                                             reason=form.cleaned_data["reason"])
                    messages.success(request, _("De regie is teruggegeven aan de coach."))
                else:
                    raise Http404
                return redirect("casework:regie")
        except Route27Error as exc:
            apply_service_errors(exc, form)
    return render(request, "casework/regie_detail.html", {
        "regie": regie, "form": form, "requested": regie.status == RegieStatus.REQUESTED})


# --- Casusoverleg -------------------------------------------------------------------------------
@require_http_methods(["GET"])
@access_policy(VIEW_MEETING)
def meeting_list(request):
    return render(request, "casework/meeting_list.html", {
        "meetings": selectors.meetings_for(user=request.user)[:100],
        "can_plan": request.user.has_perm(PLAN_MEETING)})


@require_http_methods(["GET", "POST"])
@access_policy(PLAN_MEETING)
def meeting_plan(request):
    membership = request.user.primary_membership
    if membership is None:
        raise Http404
    form = MeetingForm(request.POST or None, participants=selectors.meeting_participant_choices(
        user=request.user, team=membership.team))
    if request.method == "POST" and form.is_valid():
        try:
            meetings = services.case_meeting_plan(actor=request.user, team=membership.team,
                                                  **form.service_data())
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("Het casusoverleg is gepland (%(n)s keer).") % {
                "n": len(meetings)})
            return redirect("casework:meeting", meetings[0].public_id)
    return _form_page(request, form, title=_("Casusoverleg plannen"), submit=_("Plannen"),
                      cancel_url=reverse("casework:meetings"))


@require_http_methods(["GET"])
@access_policy(VIEW_MEETING)
def meeting_detail(request, public_id):
    meeting = found_or_404(selectors.meeting_get, user=request.user, public_id=public_id)
    participants = list(meeting.participants.order_by("last_name", "first_name"))
    return render(request, "casework/meeting_detail.html", {
        "meeting": meeting, "participants": participants,
        "is_participant": request.user in participants,
        "items": selectors.meeting_items(user=request.user, meeting=meeting),
        "open_until": services.meeting_open_until(meeting)})


@require_http_methods(["GET", "POST"])
@access_policy(VIEW_MEETING)
def agenda_add(request, public_id):
    """Put a youth whose file the user may see on the agenda of a coming meeting."""
    youth = found_or_404(youth_get, user=request.user, public_id=public_id)
    meetings = selectors.upcoming_meetings_of(user=request.user)
    form = AgendaForm(request.POST or None, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        meeting = next(m for m in meetings if str(m.public_id) == form.cleaned_data["meeting"])
        data = {k: form.cleaned_data[k] for k in ("ground", "question", "consent_given_by",
                                                   "consent_evidence")}
        try:
            services.agenda_item_add(actor=request.user, meeting=meeting, youth=youth, **data)
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De jongere staat op de agenda."))
            return redirect("casework:meeting", meeting.public_id)
    intro = _("Alleen met toestemming of een wettelijke grondslag; de deelnemers zien dit "
              "agendapunt tot %(days)s dagen na het overleg.") % {
        "days": services.meeting_access_days()}
    if not meetings:
        intro = _("U neemt niet deel aan een komend casusoverleg. Plan er een, of vraag de "
                  "organisator u uit te nodigen.")
    return _form_page(request, form, title=_("Op de agenda van het casusoverleg"),
                      submit=_("Agenderen"), cancel_url=_file_url(youth), youth=youth,
                      intro=intro)


@require_http_methods(["GET", "POST"])
@access_policy(VIEW_MEETING)
def minutes(request, public_id):
    item = found_or_404(selectors.agenda_item_get, user=request.user, public_id=public_id)
    participants = item.meeting.participants.order_by("last_name", "first_name")
    form = MinutesForm(request.POST or None, initial={"minutes": item.minutes,
                                                     "decisions": item.decisions})
    formset = ActionFormSet(request.POST or None, prefix="actions",
                            form_kwargs={"participants": participants})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        actions = [f.cleaned_data for f in formset.forms if f.cleaned_data]
        try:
            services.agenda_item_minutes(actor=request.user, item=item, actions=actions,
                                         **form.cleaned_data)
        except Route27Error as exc:
            apply_service_errors(exc, form, formset)
        else:
            messages.success(request, _("Het verslag is vastgelegd."))
            return redirect("casework:meeting", item.meeting.public_id)
    return render(request, "casework/minutes.html", {
        "item": item, "form": form, "formset": formset,
        "cancel_url": reverse("casework:meeting", args=[item.meeting.public_id])})


@require_http_methods(["POST"])
@access_policy(VIEW_MEETING)
def action_done(request, public_id):
    action = found_or_404(selectors.meeting_action_get, user=request.user, public_id=public_id)
    try:
        services.meeting_action_done(actor=request.user, action=action)
    except Route27Error as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("De actie is afgerond."))
    return redirect("home:tasks")
