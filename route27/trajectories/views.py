"""The trajectory's part of the youth file (dossier) and the small forms that run a trajectory.

The file page itself belongs to the youth app; this app registers its sections there
(``trajectories/sections.py``), with :func:`file_context` as their shared context.

Every view declares its policy; a trajectory is only found through ``trajectories_visible_to``
(404 and a ``denied`` audit entry otherwise). Writes go through the services, which validate,
append an event and audit. A form page shows youth data, so rendering one is logged as a read.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from route27 import law
from route27.audit.purposes import Purpose
from route27.casefile.services import record_reads
from route27.core.access import access_policy, note_refused
from route27.core.errors import NotFound, Route27Error
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import found_or_404
from route27.organisations.models import config_for
from route27.organisations.roles import Role
from route27.trajectories import forms as f
from route27.trajectories import selectors, services
from route27.trajectories.alerts import Alert, alerts_for
from route27.trajectories.events import StaffEntrance, TrajectoryObject
from route27.trajectories.models import (
    Activity,
    FollowUp,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.proposal_view import proposal_details
from route27.trajectories.rules import read_only_reason
from route27.trajectories.selectors import (
    contact_fit_for,
    law_decision_for,
    trajectory_child_get,
    trajectory_for_file,
    trajectory_get,
    trajectory_log_read,
)
from route27.trajectories.workflow import NEXT, OUTFLOW, Step, next_move
from route27.youth import selectors as youth_selectors
from route27.youth.services import contact_person_assign

CHANGE = "trajectories.change_trajectory"
FORM_TEMPLATE = "trajectories/file/form.html"
ACTIVITIES_SHOWN = 10
HAND_BACK_STEPS = (Step.SIGNAL, Step.INTAKE, Step.ROUTE)
# "Terug naar Doorstroompunt" is offered only on a file the Doorstroompunt handed over (its
# handover's entrance, ``handover.events.entrance_for("dsp_gemeente")``; pinned by a test).
FROM_DOORSTROOMPUNT = "handover_dsp_gemeente"
# What finishes a step, for the file's "next step" prompt (the target comes from the table), and
# the block where it is done.
STEP_WORK = {
    Step.SIGNAL: (gettext_lazy("Neem de intake af."), "intake"),
    Step.INTAKE: (gettext_lazy("Stel de route vast."), "route"),
    Step.ROUTE: (gettext_lazy("Maak het plan met doelen en acties."), "plan"),
    Step.ACTIVATION: (gettext_lazy("Zet voorzieningen of activiteiten in."), "voorzieningen"),
    Step.SUPPORT: (gettext_lazy("Zoek een match: school, werk of een leerwerkplek."), "match"),
    Step.MATCH: (gettext_lazy("Leg de uitstroom vast; daarna volgt de nazorg."), "match"),
    Step.AFTERCARE: (gettext_lazy(
        "Leg de nazorgcontacten vast; na het laatste sluit het traject."), "nazorg"),
}


# --- Lookups ----------------------------------------------------------------------------------
def _trajectory_or_404(request, public_id) -> Trajectory:
    try:
        return trajectory_get(user=request.user, public_id=public_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _child_or_404(request, queryset, pk, *, via: str, object_type: str):
    try:
        return trajectory_child_get(user=request.user, queryset=queryset, pk=pk, via=via,
                                    object_type=object_type)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _writes(view):
    """A page that writes a trajectory: looked up in the user's scope (404 and ``denied``
    outside it), then refused when the user may read it but not write it — team casework is
    read-only after closure (``rules.read_only_reason``). The refusal is said in Dutch on the
    file page and audited as ``denied`` (``note_refused``); nothing else is written or logged.
    The view gets the trajectory instead of its id."""
    @wraps(view)
    def wrapper(request, public_id, *args, **kwargs):
        trajectory = _trajectory_or_404(request, public_id)
        reason = read_only_reason(request.user, trajectory)
        if reason:
            note_refused(reason)
            messages.error(request, reason)
            return redirect(_file_url(trajectory.youth))
        return view(request, trajectory, *args, **kwargs)

    return wrapper


def _log_read(request, trajectory: Trajectory, view: str) -> None:
    trajectory_log_read(user=request.user, trajectory=trajectory, view=view)


def _file_url(youth, anchor: str = "") -> str:
    return reverse("youth:detail", args=[youth.public_id]) + (f"#{anchor}" if anchor else "")


# --- One helper for every small form page ------------------------------------------------------
def _form_page(request, trajectory: Trajectory, *, view: str, form_class, save: Callable,
               success: str | Callable, title: str, form_kwargs: dict | None = None,
               initial: dict | None = None, intro: str = "", anchor: str = "",
               template: str = FORM_TEMPLATE, submit: str = "", extra: dict | None = None):
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                result = save(form.cleaned_data)
            except Route27Error as exc:
                apply_service_errors(exc, form)
            else:
                messages.success(request, success(result) if callable(success) else success)
                return redirect(_file_url(trajectory.youth, anchor))
    else:
        form = form_class(initial=initial, **form_kwargs)
    _log_read(request, trajectory, view)
    return render(request, template, {
        "form": form, "trajectory": trajectory, "youth": trajectory.youth, "title": title,
        "intro": intro, "submit": submit or _("Opslaan"),
        "cancel_url": _file_url(trajectory.youth, anchor), **(extra or {}),
    })


# --- The file page's sections (registered in sections.py, assembled by youth.views) -----------
def proposal_context(decision: RouteDecision | None, *, details: bool = False) -> dict | None:
    """The engine's proposal, with Dutch labels, for the file and the decision page. With
    ``details`` (the coach's pages): the facts used and every answer of the law, open ones as
    questions (issue 10); a page for another organisation leaves them out."""
    if decision is None:
        return None
    proposal = decision.proposal or {}
    role = proposal.get("contact_role")
    until = proposal.get("former_school_guidance_until")
    return {
        "decision": decision,
        "route": law.route_label(decision.proposed_route),
        "decided_route": law.route_label(decision.route) if decision.route else "",
        "legal_basis": f.legal_basis_label(proposal.get("legal_basis")),
        "contact_role": Role(role).label if role in Role.values else "",
        "contact_role_code": role or "",
        "requested_by": f.requested_by_label(proposal.get("requested_by")),
        "explanation": proposal.get("explanation") or [],
        "open_questions": proposal.get("open_questions") or [],
        "notices": proposal.get("notices") or [],
        "school_guidance_until": datetime.date.fromisoformat(until) if until else None,
        **(_details(proposal) if details else {}),
    }


def _details(proposal: dict) -> dict:
    shown = proposal_details(proposal)
    contact = next((a for a in shown["answers"] if a["output"] == law.Output.CONTACT_PERSON),
                   None)
    return {**shown, "contact_answer": contact}


def file_context(request, youth) -> dict:
    """What the file page itself shows of the trajectory: the header with the file at a glance,
    the alerts, and the blocks read on the page (contact person, earlier trajectories), in a
    bounded number of queries (pinned in tests). The blocks with their own
    rows (intake, route, plan, activities, voorzieningen, match, aftercare) are read when a
    coach opens them: :func:`block_context` (issue 12: the file page in 12 queries)."""
    today = timezone.localdate()
    assignments = list(youth.contact_assignments.all())  # prefetched by the file page
    contact = next((a for a in assignments if a.ended_at is None), None)
    trajectory = trajectory_for_file(youth=youth)
    age = law.age_on(youth.birth_date, today)
    ctx = {
        "today": today, "age": age, "contact": contact, "contact_history": assignments,
        "trajectory": trajectory, "has_open_trajectory": bool(trajectory and trajectory.is_open),
    }
    overdue = False
    if trajectory is not None:
        trajectory.youth = youth  # already read (and audited) through youth_get
        overdue = trajectory.has_overdue_follow_up  # selectors.with_file_facts, either path
        ctx.update({
            "earlier_trajectories": [t for t in youth.trajectories.all() if t != trajectory],
            "route_label": law.route_label(trajectory.route) if trajectory.route else "",
            "legal_basis_label": f.legal_basis_label(trajectory.legal_basis),
            "requested_by_label": f.requested_by_label(trajectory.requested_by),
            "can_hand_back": (trajectory.is_open and trajectory.step in HAND_BACK_STEPS
                              and trajectory.entrance == FROM_DOORSTROOMPUNT),
            "open_actions": trajectory.open_actions_count,
            "next_step": _next_step(trajectory),
            "in_aftercare": trajectory.step == Step.AFTERCARE,
        })
    alerts = alerts_for(youth=youth, trajectory=trajectory, today=today,
                        contact_role=contact.role if contact else "", overdue_follow_up=overdue,
                        no_contact_weeks=config_for(youth.municipality).no_contact_weeks)
    ctx["handover_prompt"] = _handover_prompt(youth, contact, alerts, today)
    if ctx["handover_prompt"] and not any(a.code == "turns_18" for a in alerts):
        alerts.append(Alert("turns_18", _(
            "De jongere is 18: draag over van de leerplichtambtenaar naar een coach "
            "(Uitgangspuntennotitie Amstelveen/Aalsmeer §1)")))
    ctx["alerts"] = alerts
    # Whether the contact person fits the age and route (issue 10): shown, never blocking.
    ctx["contact_fit"] = (
        contact_fit_for(trajectory, youth, current_role=contact.role if contact else "",
                        today=today)
        if trajectory is not None and trajectory.is_open else None)
    ctx["can_change"] = ctx["has_open_trajectory"] and request.user.has_perm(CHANGE, trajectory)
    ctx["read_only"] = (read_only_reason(request.user, youth)
                        if request.user.has_perm(CHANGE) else "")
    ctx["contact_kinds"] = Activity.quick_contact_kinds()
    return ctx


def block_context(request, youth) -> dict:
    """A block opened on the file page (``youth:file_block``): the page's context and the
    block's own rows, read for that request only."""
    ctx = file_context(request, youth)
    trajectory = ctx["trajectory"]
    if trajectory is None:
        return ctx
    intakes = list(trajectory.intakes.select_related("created_by"))
    latest = intakes[0] if intakes else None
    answers = list(latest.answers.select_related("domain")) if latest else []
    decisions = list(trajectory.route_decisions.select_related("proposed_by", "decided_by"))
    goals = list(trajectory.goals.select_related("domain").prefetch_related(
        Prefetch("actions", queryset=PlanAction.objects.select_related("provision")
                 .order_by("id"))))
    activities = list(
        trajectory.activities.select_related("recorded_by")[:ACTIVITIES_SHOWN + 1])
    follow_ups = list(trajectory.follow_ups.all())
    for follow_up in follow_ups:
        follow_up.is_overdue = (follow_up.done_on is None and not follow_up.cancelled
                                and follow_up.due_on < ctx["today"])
    asks_joint = bool(decisions) and (decisions[0].route or decisions[0].proposed_route) \
        == law.Route.JOINT_ASSESSMENT
    ctx.update({
        "asks_joint_assessment": asks_joint,
        "joint_assessment": selectors.joint_assessment_of(trajectory) if asks_joint else None,
        "intake": latest, "earlier_intakes": intakes[1:],
        "answers": [a for a in answers if not a.special_category],
        "special_answers": [a for a in answers if a.special_category],
        "proposal": proposal_context(decisions[0] if decisions else None, details=True),
        "earlier_decisions": decisions[1:],
        "goals": goals,
        "activities": activities[:ACTIVITIES_SHOWN],
        "more_activities": len(activities) > ACTIVITIES_SHOWN,
        "instruments": list(trajectory.instruments.select_related("instrument")),
        "placements": list(trajectory.placements.all()),
        "follow_ups": follow_ups,
        "status_choices": PlanAction.Status.choices,
    })
    return ctx


def _next_step(trajectory: Trajectory) -> dict | None:
    """The file's "next step" prompt: where the table's way forward leads from this step
    (``workflow.next_move``) and what finishes the step now."""
    move = next_move(trajectory.step) if trajectory.is_open else None
    if move is None:
        return None
    target, edge = move
    work, anchor = STEP_WORK.get(trajectory.step, ("", ""))
    return {"target": target, "target_label": target.label, "work": work, "anchor": anchor,
            "is_next": edge is NEXT, "is_outflow": edge is OUTFLOW}


def _handover_prompt(youth, contact, alerts, today) -> bool:
    """S3 §1: at 18 the leerplichtambtenaar hands over to a coach; the file asks for it."""
    if contact is None or contact.role != Role.LEERPLICHTAMBTENAAR:
        return False
    return (any(a.code == "turns_18" for a in alerts)
            or law.is_minor(youth.birth_date, today) is False)


# --- Trajectory -------------------------------------------------------------------------------
@require_http_methods(["GET"])
@access_policy("trajectories.view_trajectory")
def trajectory_detail(request, public_id):
    """A trajectory's address leads to the youth's file."""
    trajectory = _trajectory_or_404(request, public_id)
    return redirect(_file_url(trajectory.youth))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def trajectory_start(request, youth_id):
    youth = found_or_404(youth_selectors.youth_get, user=request.user, public_id=youth_id)
    if request.method == "POST":
        form = f.StartForm(request.POST)
        if form.is_valid():
            try:
                services.trajectory_start(actor=request.user, youth=youth,
                                          entrance=StaffEntrance.STAFF,
                                          requested_by=form.cleaned_data["requested_by"].strip())
            except Route27Error as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("Het traject is gestart in stap 1 (signaal)."))
            return redirect(_file_url(youth))
    else:
        form = f.StartForm()
    return render(request, FORM_TEMPLATE, {
        "form": form, "youth": youth, "title": _("Traject starten"),
        "intro": _("Het traject begint in stap 1 (signaal/melding). Daarna volgt de intake."),
        "submit": _("Traject starten"), "cancel_url": _file_url(youth)})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def trajectory_move(request, trajectory):
    def save(data):
        moved = services.trajectory_move(actor=request.user, trajectory=trajectory,
                                         to=data["to"], reason=data["reason"])
        return moved.get_step_display()

    return _form_page(
        request, trajectory, view="move", form_class=f.MoveForm,
        form_kwargs={"current": trajectory.step}, save=save, title=_("Stap wijzigen"),
        intro=_("Huidige stap: %(step)s. Stappen mogen worden overgeslagen, gecombineerd of in "
                "een andere volgorde gezet, met een reden (S3 §6).")
        % {"step": trajectory.get_step_display()},
        success=lambda label: _("De stap is gewijzigd naar %(step)s.") % {"step": label})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def trajectory_hand_back(request, trajectory):
    return _form_page(
        request, trajectory, view="hand_back", form_class=f.HandBackForm,
        save=lambda d: services.trajectory_hand_back(actor=request.user, trajectory=trajectory,
                                                     reason=d["reason"]),
        title=_("Terug naar het Doorstroompunt"), submit=_("Teruggeven"),
        intro=_("Blijkt terugkeer naar school mogelijk, dan begeleidt het Doorstroompunt de "
                "jongere terug naar school. Het traject wordt dan afgesloten."),
        success=_("Het traject is teruggegeven aan het Doorstroompunt."))


# --- Intake -----------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def intake(request, trajectory):
    domains = services.life_domains_for(trajectory.youth.municipality)
    latest = (trajectory.intakes.prefetch_related("answers__domain").order_by("-version")
              .first())

    def save(data):
        answers = {d.code: {part: data[f"{d.code}__{part}"] for part, _l in f.INTAKE_PARTS}
                   for d in domains}
        return services.intake_record(
            actor=request.user, trajectory=trajectory, intensity=data["intensity"],
            answers=answers, wishes=data["wishes"], multi_problem=data["multi_problem"])

    return _form_page(
        request, trajectory, view="intake", form_class=f.IntakeForm,
        form_kwargs={"domains": domains}, initial=f.intake_initial(latest), save=save,
        template="trajectories/file/intake_form.html", anchor="intake",
        title=_("Brede intake"),
        intro=_("Eén vragenlijst voor beide coaches (S3 §4). Opslaan maakt een nieuwe versie; "
                "eerdere versies blijven bewaard."),
        extra={"version": (latest.version + 1) if latest else 1},
        success=lambda i: _("Intake versie %(v)s is vastgelegd.") % {"v": i.version})


# --- Route decision (art. 7a) -----------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def route_facts(request, trajectory):
    youth = trajectory.youth
    today = timezone.localdate()
    last = trajectory.route_decisions.order_by("-proposed_at", "-id").first()
    if request.method == "POST":
        form = f.RouteFactsForm(request.POST)
        if form.is_valid():
            try:
                decision = services.route_propose(
                    actor=request.user, trajectory=trajectory,
                    facts=form.facts(birth=youth.birth_date, today=today))
            except Route27Error as exc:
                apply_service_errors(exc, form)
            else:
                return redirect("trajectories:route_decide", public_id=trajectory.public_id,
                                decision_id=decision.pk)
    else:
        initial = f.facts_initial(last, trajectory)
        joint = selectors.joint_assessment_of(trajectory)
        if joint is not None:  # the joint assessment with the Doorstroompunt answered this
            initial["school_possible"] = joint.school_possible
        form = f.RouteFactsForm(initial=initial)
    _log_read(request, trajectory, "route_facts")
    return render(request, "trajectories/file/route_facts.html", {
        "form": form, "trajectory": trajectory, "youth": youth, "today": today,
        "age": law.age_on(youth.birth_date, today), "title": _("Route bepalen (art. 7a)"),
        "submit": _("Voorstel maken"), "cancel_url": _file_url(youth, "route")})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def route_decide(request, trajectory, decision_id):
    decision = _child_or_404(request, trajectory.route_decisions.select_related("decided_by"),
                             decision_id, via="trajectory",
                             object_type=TrajectoryObject.ROUTE_DECISION)

    def save(data):
        return services.route_confirm(actor=request.user, decision=decision, route=data["route"],
                                      reason=data["reason"])

    def success(result):
        if result.is_override:
            return _("De route is vastgesteld als %(route)s (afwijking van het voorstel).") % {
                "route": law.route_label(result.route)}
        return _("De route is vastgesteld als %(route)s.") % {
            "route": law.route_label(result.route)}

    return _form_page(
        request, trajectory, view="route_decide", form_class=f.RouteConfirmForm,
        initial={"route": decision.proposed_route}, save=save, success=success, anchor="route",
        template="trajectories/file/route_proposal.html", title=_("Routevoorstel"),
        submit=_("Route vaststellen"),
        extra={"proposal": proposal_context(decision, details=True)})


# --- Contact person ---------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def contact_person(request, trajectory):
    youth = trajectory.youth
    today = timezone.localdate()
    current = youth_selectors.youth_current_contact(youth)
    alerts = alerts_for(youth=youth, trajectory=trajectory, today=today,
                        contact_role=current.role if current else "")
    initial = {"role": request.GET.get("rol", "")} if request.GET.get("rol") in Role.values else {}

    def save(data):
        return contact_person_assign(
            actor=request.user, youth=youth, user=data["user"], role=data["role"],
            handover_note=data["handover_note"].strip(), reason=data["reason"].strip())

    return _form_page(
        request, trajectory, view="contact_person", form_class=f.ContactPersonForm,
        form_kwargs={"team": trajectory.team}, initial=initial, save=save, anchor="contact",
        template="trajectories/file/contact_form.html", title=_("Vaste contactpersoon"),
        intro=_("Eén vaste contactpersoon per jongere (Uitgangspuntennotitie Amstelveen/Aalsmeer "
                "§1 en §4): leerplichtambtenaar voor 15 tot 18 jaar, doorstroomcoach bij een "
                "schoolroute, jongerencoach werk bij een werkroute; toegewezen nadat de intake "
                "de route heeft bepaald."),
        extra={"current": current,
               "contact_fit": contact_fit_for(trajectory, youth,
                                              current_role=current.role if current else "",
                                              today=today),
               "handover_prompt": _handover_prompt(youth, current, alerts, today)},
        success=lambda a: _("%(name)s is nu de vaste contactpersoon.") % {
            "name": a.user.get_full_name() or a.user.get_username()})


# --- Plan -------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def goal_add(request, trajectory):
    domains = services.life_domains_for(trajectory.youth.municipality)
    return _form_page(
        request, trajectory, view="goal_add", form_class=f.GoalForm,
        form_kwargs={"domains": domains}, anchor="plan", title=_("Doel toevoegen"),
        save=lambda d: services.goal_add(actor=request.user, trajectory=trajectory,
                                         description=d["description"], domain=d["domain"]),
        success=_("Het doel is toegevoegd."))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def action_add(request, trajectory):
    goal_id = request.GET.get("doel", "")
    initial = {"goal": goal_id} if goal_id.isdigit() else {}
    return _form_page(
        request, trajectory, view="action_add", form_class=f.ActionForm,
        form_kwargs={"trajectory": trajectory}, initial=initial, anchor="plan",
        title=_("Actie toevoegen"),
        save=lambda d: services.action_add(
            actor=request.user, goal=d["goal"], description=d["description"], owner=d["owner"],
            owner_name=d["owner_name"], due_on=d["due_on"], provision=d["provision"]),
        success=_("De actie is toegevoegd."))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def action_status(request, trajectory, action_id):
    action = _child_or_404(request, PlanAction.objects.filter(goal__trajectory=trajectory)
                           .select_related("goal"), action_id, via="goal__trajectory",
                           object_type=TrajectoryObject.PLAN_ACTION)
    return _form_page(
        request, trajectory, view="action_status", form_class=f.ActionStatusForm,
        initial={"status": action.status}, anchor="plan", title=_("Status van een actie"),
        intro=action.description,
        save=lambda d: services.action_set_status(actor=request.user, action=action,
                                                  status=d["status"]),
        success=lambda a: _("De status is gewijzigd naar %(s)s.") % {
            "s": a.get_status_display()})


# --- Activities, instruments, match -----------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def activity_add(request, trajectory):
    return _form_page(
        request, trajectory, view="activity_add", form_class=f.ActivityForm,
        initial={"on": timezone.localdate()}, anchor="activiteiten",
        title=_("Activiteit vastleggen"),
        save=lambda d: services.activity_record(actor=request.user, trajectory=trajectory,
                                                kind=d["kind"], on=d["on"],
                                                description=d["description"]),
        success=_("De activiteit is vastgelegd."))


@require_http_methods(["POST"])
@access_policy(CHANGE)
@_writes
def contact_record(request, trajectory):
    """Record today's contact of one kind: the second click of the contact menu
    (``_contact_menu.html``, issue 11 §3) on the worklist or the file header; back to the page
    the menu was on."""
    kind = request.POST.get("kind", "")
    target = request.POST.get("next", "")
    if not (target and url_has_allowed_host_and_scheme(target, {request.get_host()})):
        target = _file_url(trajectory.youth, "activiteiten")
    if kind not in Activity.QUICK_CONTACTS:
        messages.error(request, _("Kies het soort contact."))
        return redirect(target)
    try:
        services.activity_record(actor=request.user, trajectory=trajectory, kind=kind,
                                 on=timezone.localdate())
    except Route27Error as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Vastgelegd: %(kind)s met %(name)s.") % {
            "kind": Activity.Kind(kind).label, "name": trajectory.youth.full_name})
    return redirect(target)


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def instrument_add(request, trajectory):
    decision = law_decision_for(trajectory)
    eligibility = {code: law.instrument_answer(decision, code) for code in
                   f.Instrument.objects.filter(active=True).values_list("code", flat=True)}
    if decision is not None:
        eligibility.update(decision.instruments)
    return _form_page(
        request, trajectory, view="instrument_add", form_class=f.InstrumentForm,
        form_kwargs={"eligibility": eligibility, "municipality": trajectory.youth.municipality},
        template="trajectories/file/instrument_form.html",
        intro=_("De wet bepaalt welke voorzieningen voor deze jongere kunnen (Handreiking SZW "
                "§4.3 'Voorzieningen'). Wat niet kan, staat niet in de lijst; bij een open vraag "
                "beslist u.") if decision is not None else
        _("De route is nog niet bepaald: controleer zelf of de voorziening past."),
        initial={"started_on": timezone.localdate()}, anchor="voorzieningen",
        title=_("Voorziening inzetten"),
        save=lambda d: services.instrument_start(actor=request.user, trajectory=trajectory,
                                                 instrument=d["instrument"],
                                                 started_on=d["started_on"], note=d["note"]),
        success=lambda use: _("%(name)s is ingezet.") % {"name": use.instrument.name})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def placement_add(request, trajectory):
    return _form_page(
        request, trajectory, view="placement_add", form_class=f.PlacementForm, anchor="match",
        title=_("Match vastleggen"),
        intro=_("Werk, onderwijs, leerwerktraject, beschut werk of zorg/dagbesteding. Het "
                "traject gaat naar stap 6 (match)."),
        save=lambda d: services.placement_record(
            actor=request.user, trajectory=trajectory, kind=d["kind"],
            organisation_name=d["organisation_name"], started_on=d["started_on"],
            ladder=d["ladder"], education_level=d["education_level"],
            learning_path=d["learning_path"], contract_type=d["contract_type"],
            hours_per_week=d["hours_per_week"]),
        success=_("De match is vastgelegd."))


# --- Outflow and aftercare --------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def outflow(request, trajectory):
    def success(result):
        if result.step == Step.AFTERCARE:
            return _("De uitstroom is vastgelegd. De nazorgcontacten zijn gepland.")
        return _("De uitstroom is vastgelegd en het traject is afgesloten.")

    return _form_page(
        request, trajectory, view="outflow", form_class=f.OutflowForm,
        initial={"on": timezone.localdate()}, anchor="nazorg", title=_("Uitstroom vastleggen"),
        intro=_("Bij uitstroom naar werk, onderwijs, een leerwerktraject of zorg/dagbesteding "
                "volgt nazorg; bij andere redenen wordt het traject afgesloten."),
        save=lambda d: services.trajectory_outflow(actor=request.user, trajectory=trajectory,
                                                   reason=d["outflow_reason"], on=d["on"],
                                                   note=d["note"]),
        success=success)


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
@_writes
def follow_up(request, trajectory, follow_up_id):
    item = _child_or_404(request, trajectory.follow_ups.all(), follow_up_id, via="trajectory",
                         object_type=TrajectoryObject.FOLLOW_UP)

    def success(result):
        if result.outcome == FollowUp.Outcome.DROPPED_OUT:
            return _("Het nazorgcontact is vastgelegd. De ondersteuning is heropend (intake).")
        return _("Het nazorgcontact is vastgelegd.")

    return _form_page(
        request, trajectory, view="follow_up", form_class=f.FollowUpForm,
        initial={"on": timezone.localdate()}, anchor="nazorg",
        title=_("Nazorgcontact vastleggen"),
        intro=ngettext("Nazorg %(m)s maand na uitstroom, gepland op %(d)s.",
                       "Nazorg %(m)s maanden na uitstroom, gepland op %(d)s.",
                       item.months_after_outflow) % {
            "m": item.months_after_outflow, "d": item.due_on.strftime("%d-%m-%Y")},
        save=lambda d: services.follow_up_record(actor=request.user, follow_up=item,
                                                 outcome=d["outcome"], on=d["on"],
                                                 note=d["note"]),
        success=success)



# --- Joint assessment with the Doorstroompunt (Pw art. 7a lid 2) -------------------------------
JOINT = "trajectories.joint_assessment"
# Steps of the proposal the Doorstroompunt does not see: they speak of health (beschut werk),
# multi-problem situations or a hardship justification in free text (no special categories).
JOINT_HIDDEN_RULES = frozenset(rule.id for rule in (
    law.R_SHELTERED, law.R_MULTI, law.R_HARDSHIP, law.R_BBL_HARDSHIP))


def _fact_rows(facts: dict) -> list[dict]:
    """The route facts in the scope, with the labels and values the route form uses."""
    fields = f.RouteFactsForm().fields
    rows = []
    for key, value in facts.items():
        field = fields.get(key)
        if field is None or value in (None, ""):
            continue
        if isinstance(value, bool):
            shown = _("ja") if value else _("nee")
        elif getattr(field, "choices", None):
            shown = dict((str(code), label) for code, label in field.choices).get(str(value),
                                                                                  value)
        elif key.endswith("_on"):
            shown = datetime.date.fromisoformat(value).strftime("%d-%m-%Y")
        else:
            shown = value
        rows.append({"label": field.label, "value": shown})
    return rows


def _joint_proposal(decision: RouteDecision) -> dict:
    proposal = {**proposal_context(decision), "decision": None}  # no override reason (free text)
    for key in ("explanation", "notices"):
        proposal[key] = [step for step in proposal[key]
                         if step.get("rule") not in JOINT_HIDDEN_RULES]
    return proposal


@require_http_methods(["GET"])
@access_policy(JOINT)
def joint_assessment_list(request):
    """The youth awaiting a joint assessment in the regions the coach's Doorstroompunt serves;
    each youth shown is logged as read."""
    rows = list(selectors.joint_assessments_for(request.user))
    record_reads(user=request.user, shown=rows, purpose=Purpose.CASEWORK)
    return render(request, "trajectories/joint_assessment/list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@access_policy(JOINT)
def joint_assessment(request, public_id):
    """Only what the joint assessment needs (ACCESS.md): identity (no BSN), the education and
    work domains of the intake, the route facts and the proposal; no special categories. 404
    and ``denied`` for a youth of another region or when the route no longer asks for it."""
    scope = found_or_404(selectors.joint_assessment_get, user=request.user, public_id=public_id)
    form = f.JointAssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.joint_assessment_record(
                actor=request.user, trajectory=scope.trajectory,
                school_possible=form.cleaned_data["school_possible"],
                explanation=form.cleaned_data["explanation"])
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De gezamenlijke beoordeling is vastgelegd. De gemeente "
                                        "bepaalt de route opnieuw."))
            return redirect("trajectories:joint_assessments")
    return render(request, "trajectories/joint_assessment/detail.html", {
        "scope": scope, "youth": scope.youth, "form": form, "facts": _fact_rows(scope.facts),
        "proposal": _joint_proposal(scope.decision), "age": law.age_on(
            scope.youth.birth_date, timezone.localdate())})
