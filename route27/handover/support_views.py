"""Pages for support during school (Pw art. 7a lid 1 sub b).

A pro, vso or mbo school asks its pupil's gemeente for support and sees the status only. The
gemeente's casework members read what the school submitted and accept (a trajectory with a
route proposal) or decline with a reason. Writes go through ``support_services``; reads through
``support_requests.support_request_get`` (logged; a refused lookup is a 404 and ``denied``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied
from route27.core.access import access_policy
from route27.core.errors import NotFound, Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.handover import intake, support_services
from route27.handover.models import SupportRequest
from route27.handover.support_requests import (
    RECEIVER,
    school_organisations_of,
    support_request_get,
)
from route27.organisations.models import Organisation
from route27.organisations.roles import OrganisationType
from route27.trajectories.forms import text_area
from route27.youth.events import YouthObject
from route27.youth.forms import PersonForm
from route27.youth.selectors import youth_named, youth_visible_to

VIEW = "handover.view_handover"
CHANGE = "handover.change_handover"
PERSON_FIELDS = ("given_names", "surname_prefix", "family_name", "birth_date", "municipality",
                 "phone", "email")


class SupportRequestForm(PersonForm):
    """The pupil (by BSN), the gemeente and why the school asks."""

    use_required_attribute = False
    school = forms.ModelChoiceField(
        label=gettext_lazy("Namens school"), queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("Kies uw school"),
        error_messages={"required": gettext_lazy("Kies namens welke school u aanvraagt."),
                        "invalid_choice": gettext_lazy("Kies namens welke school u aanvraagt.")})
    receiver = forms.ModelChoiceField(
        label=gettext_lazy("Gemeente"), empty_label=gettext_lazy("Kies de gemeente"),
        queryset=Organisation.objects.filter(type=OrganisationType.GEMEENTE).order_by("name"),
        help_text=gettext_lazy("Meestal de woongemeente van de leerling."),
        error_messages={"required": gettext_lazy("Kies de gemeente die de ondersteuning biedt."),
                        "invalid_choice": gettext_lazy("Kies de gemeente die de ondersteuning "
                                                       "biedt.")})
    reason = text_area(gettext_lazy("Waarom vraagt de school ondersteuning aan?"), required=True,
                       rows=5, message=gettext_lazy("Beschrijf waarom de school ondersteuning "
                                                    "aanvraagt."),
                       help_text=gettext_lazy("Beschrijf wat de leerling nodig heeft om school "
                                              "af te maken. De gemeente ziet deze tekst."))

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bsn"].required = True
        self.fields["bsn"].error_messages["required"] = _(
            "Vul het BSN in: daarmee komt de aanvraag bij de juiste jongere.")
        self.fields["bsn"].help_text = _("9 cijfers; wordt gecontroleerd met de elfproef. Het "
                                         "BSN staat nooit in een adres of logregel.")
        self.schools = list(schools)
        if len(self.schools) == 1:
            del self.fields["school"]
        else:
            self.fields["school"].queryset = schools

    @property
    def has_school_choice(self) -> bool:
        return "school" in self.fields

    @property
    def school_organisation(self) -> Organisation:
        return self.cleaned_data["school"] if "school" in self.fields else self.schools[0]

    @property
    def person_data(self) -> dict:
        return {key: self.cleaned_data.get(key) for key in PERSON_FIELDS}


class DeclineForm(forms.Form):
    use_required_attribute = False
    reason = text_area(gettext_lazy("Reden van afwijzing"), required=True,
                       message=gettext_lazy("Geef aan waarom u de aanvraag afwijst."),
                       help_text=gettext_lazy("De school ziet deze reden."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "afwijzen")
        super().__init__(*args, **kwargs)


def _get(request, public_id) -> tuple[SupportRequest, str]:
    try:
        return support_request_get(user=request.user, public_id=public_id)
    except NotFound as exc:
        raise Http404(_("Deze aanvraag is niet gevonden of u heeft geen toegang.")) from exc


def _detail(support_request: SupportRequest):
    return redirect("handover:support_detail", public_id=support_request.public_id)


def _render(request, support_request: SupportRequest, side: str, decline_form=None):
    if side != RECEIVER:
        return render(request, "handover/support/school.html", {"support": support_request})
    file_url = ""
    if support_request.status == SupportRequest.Status.ACCEPTED and \
            youth_visible_to(request.user).filter(pk=support_request.youth_id).exists():
        file_url = reverse("youth:detail", args=[support_request.youth.public_id])
    return render(request, "handover/support/receiver.html", {
        "support": support_request, "youth": support_request.youth, "file_url": file_url,
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
        except intake.PersonMismatch as exc:
            # Logged after the rollback, so the attempt stays in the audit log.
            record_denied(user=request.user, object_type=YouthObject.YOUTH,
                          object_id=exc.public_id,
                          youth=youth_named(exc.public_id), purpose=Purpose.REGISTRATION,
                         detail={"reason": "support_request_bsn_person_mismatch"})
            apply_service_errors(exc, form)
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
        return _detail(support_request)
    return _render(request, support_request, side, decline_form=form)
