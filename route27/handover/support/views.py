"""Pages for support during school (Pw art. 7a lid 1 sub b).

A pro, vso or mbo school asks its pupil's gemeente for support and sees the status only. The
gemeente's casework members read what the school submitted and accept (a trajectory with a
route proposal) or decline with a reason. Writes go through ``support.services``; reads through
``support.selectors.support_request_get`` (logged; a refused lookup is a 404 and ``denied``).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from route27.core.access import access_policy, note_refused
from route27.core.errors import NotFound, Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.handover.models import SupportRequest
from route27.handover.support import services as support_services
from route27.handover.support.forms import DeclineForm, SupportRequestForm
from route27.handover.support.selectors import school_organisations_of, support_request_get
from route27.handover.support.workflow import RECEIVER
from route27.youth.selectors import youth_visible_to

VIEW = "handover.view_handover"
CHANGE = "handover.change_handover"


def _get(request, public_id) -> tuple[SupportRequest, str]:
    try:
        return support_request_get(user=request.user, public_id=public_id)
    except NotFound as exc:
        raise Http404(_("Deze aanvraag is niet gevonden of u heeft geen toegang.")) from exc


def _detail(support_request: SupportRequest):
    return redirect("handover:support_detail", public_id=support_request.public_id)


def _render(request, support_request: SupportRequest, side: str, decline_form=None):
    status = {"support": support_request,
              "show_decline_reason": support_request.status == SupportRequest.Status.DECLINED}
    if side != RECEIVER:
        return render(request, "handover/support/school.html", status)
    file_url = ""
    if support_request.status == SupportRequest.Status.ACCEPTED and \
            youth_visible_to(request.user).filter(pk=support_request.youth_id).exists():
        file_url = reverse("youth:detail", args=[support_request.youth.public_id])
    return render(request, "handover/support/receiver.html", {
        **status, "youth": support_request.youth, "file_url": file_url,
        "can_decide": support_request.status == SupportRequest.Status.SENT
        and request.user.has_perm(CHANGE),
        "decline_form": decline_form or DeclineForm(),
    })


@require_http_methods(["GET", "POST"])
@access_policy(VIEW)
def support_request_create(request):
    """School users only: other users get the rule of art. 7a lid 1 sub b instead of a form."""
    schools = school_organisations_of(request.user)
    if not schools.exists():
        return render(request, "handover/support/create.html", {
            "refusal": support_services.school_type_message()})
    form = SupportRequestForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            support_request = support_services.support_request_start(
                actor=request.user, bsn=data["bsn"], person=form.person_data,
                school=form.school_organisation, receiver=data["receiver"],
                reason=data["reason"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De aanvraag is verstuurd naar de gemeente."))
            return _detail(support_request)
    return render(request, "handover/support/create.html", {"form": form})


@access_policy(VIEW)
def support_request_detail(request, public_id):
    support_request, side = _get(request, public_id)
    return _render(request, support_request, side)


@require_POST
@access_policy(CHANGE)
def support_request_accept(request, public_id):
    support_request, _side = _get(request, public_id)
    try:
        support_services.support_request_accept(actor=request.user, request=support_request)
    except Route27Error as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De aanvraag is geaccepteerd. Er is een traject met een "
                                    "routevoorstel."))
    return _detail(support_request)


@require_POST
@access_policy(CHANGE)
def support_request_decline(request, public_id):
    support_request, side = _get(request, public_id)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            support_services.support_request_decline(
                actor=request.user, request=support_request, reason=form.cleaned_data["reason"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        except Route27Error as exc:
            messages.error(request, exc.message)
            return _detail(support_request)
        else:
            messages.success(request, _("De aanvraag is afgewezen."))
            return _detail(support_request)
    if side != RECEIVER:
        note_refused("receiver only")  # audited as denied by the access middleware
        return _detail(support_request)
    return _render(request, support_request, side, decline_form=form)
