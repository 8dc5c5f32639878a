"""Handover pages: the school portal (sender) and the receiving organisation.

A handover is found through ``selectors.handovers_visible_to`` and narrowed to the organisations
in which the user has an acting role (school contact or caseworker): a policy adviser of a
receiving gemeente never reads an overgangsdocument. The sender sees its own handover and
document, never the youth's file; the receiver sees only the blocks with active consent or
covered by a recorded named legal basis (``selectors.visible_blocks``), withdrawn ones as
"Ingetrokken". Writes go through the services;
rendering a handover page is logged as a read, a refused lookup as ``denied``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from route27 import law
from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read, record_reads
from route27.casefile.vocabularies import SUPPORT_REQUEST_SENDER_TYPES
from route27.core.access import AUTHENTICATED, access_policy, note_refused
from route27.core.errors import Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.handover import forms as f
from route27.handover import intake, selectors, services
from route27.handover.events import HandoverObject
from route27.handover.models import ConsentGiver, Handover, Notification, SupportRequest
from route27.handover.support.selectors import support_requests_listed
from route27.handover.templates_default import SCHOOL, YOUTH
from route27.handover.workflow import OPEN, RECEIVER, SENDER, HandoverStatus
from route27.trajectories.forms import DIPLOMA_LABELS
from route27.youth.selectors import youth_visible_to

PAGE_SIZE = 20
NOTIFICATIONS_SHOWN = 10
OBJECT_TYPE = HandoverObject.HANDOVER
WITHDRAWABLE = OPEN
# The receiver reads the document only while the handover is live or accepted.
DOCUMENT_FOR_RECEIVER = (HandoverStatus.SENT, HandoverStatus.RECEIVED, HandoverStatus.ACCEPTED)
CHANGE = "handover.change_handover"


# --- Lookups ----------------------------------------------------------------------------------
def _acting_org_ids(user) -> list[int]:
    return list(selectors.organisations_of(user).values_list("pk", flat=True))


def _scoped(user, org_ids):
    return selectors.handovers_visible_to(user).filter(
        Q(sender_id__in=org_ids) | Q(receiver_id__in=org_ids))


def _side(handover: Handover, org_ids) -> str | None:
    if handover.sender_id in org_ids:
        return SENDER
    if handover.receiver_id in org_ids and handover.status != HandoverStatus.CONCEPT:
        return RECEIVER
    return None


def _get(request, public_id) -> tuple[Handover, str]:
    """The handover and the user's side; 404 and a denied entry when the user has no side."""
    org_ids = _acting_org_ids(request.user)
    handover = _scoped(request.user, org_ids).select_related(
        "youth__municipality", "document").filter(public_id=public_id).first()
    side = _side(handover, org_ids) if handover else None
    if side is None:
        record_denied(user=request.user, object_type=OBJECT_TYPE, object_id=public_id)
        raise Http404(_("Deze overdracht is niet gevonden of u heeft geen toegang."))
    return handover, side


# --- Presentation helpers ---------------------------------------------------------------------
def holder_text(handover: Handover) -> str:
    """Who holds the youth now, in one sentence (both sides see it)."""
    names = {"sender": handover.sender.name, "receiver": handover.receiver.name}
    texts = {
        HandoverStatus.CONCEPT: _("Bij %(sender)s: de overdracht is nog een concept."),
        HandoverStatus.SENT: _("Bij %(sender)s: de overdracht wacht op %(receiver)s."),
        HandoverStatus.RECEIVED: _("Bij %(sender)s: %(receiver)s beoordeelt de overdracht."),
        HandoverStatus.ACCEPTED: _("Bij %(receiver)s: de overdracht is geaccepteerd."),
        HandoverStatus.RETURNED: _("Bij %(sender)s: %(receiver)s heeft de overdracht "
                                   "teruggestuurd."),
        HandoverStatus.WITHDRAWN: _("Bij %(sender)s: de overdracht is ingetrokken."),
    }
    return texts[HandoverStatus(handover.status)] % names


def _ordered_blocks(document) -> list[dict]:
    """The youth's own part first, then the school's part (possibilities before barriers)."""
    return [b for b in document.blocks if b["part"] == YOUTH] + \
        [b for b in document.blocks if b["part"] == SCHOOL]


def _block_view(document, block: dict) -> dict:
    values = document.content.get(block["key"]) or {}
    rows = [{"label": spec["label"], "value": str(values.get(spec["key"], "")).strip()}
            for spec in block["fields"]]
    return {"block": block, "rows": rows, "filled": any(r["value"] for r in rows)}


def consent_explanation(youth, kind: str = "") -> dict:
    """Who consents (law.consent_required_from) and, for this kind of handover, whether only
    consent opens a block or a named legal basis may open some (law.handover_sharing_basis)."""
    needed = law.consent_required_from(youth.birth_date, timezone.localdate())
    sharing = law.handover_sharing_basis(kind)
    texts = {
        law.ConsentBy.PARENT: _("De jongere is minderjarig: een ouder of voogd geeft "
                                "toestemming."),
        law.ConsentBy.YOUTH: _("De jongere is meerderjarig en geeft zelf toestemming."),
        law.ConsentBy.UNKNOWN: _("De geboortedatum is onvolledig: controleer in de BRP of de "
                                 "jongere minderjarig is voordat u toestemming vastlegt."),
    }
    giver = {law.ConsentBy.PARENT: ConsentGiver.PARENT,
             law.ConsentBy.YOUTH: ConsentGiver.YOUTH}.get(needed, "")
    return {"needed": str(needed), "text": texts[needed], "giver": giver,
            "citation": sharing.rule.citation, "rule": sharing.rule.text,
            "bases": sharing.established_bases}


def _pdf_url(handover: Handover) -> str:
    try:
        return reverse("handover:pdf", args=[handover.public_id])
    except NoReverseMatch:  # the PDF module is not installed (yet)
        return ""


def _sender_context(request, handover: Handover, bound: dict) -> dict:
    document = handover.document
    consents = list(document.consents.select_related("receiver", "recorded_by", "withdrawn_by"))
    titles = {b["key"]: b["title"] for b in document.blocks}
    order = {b["key"]: i for i, b in enumerate(_ordered_blocks(document))}
    consents.sort(key=lambda c: (order.get(c.block_key, 99), -c.given_at.timestamp()))
    active = {c.block_key for c in consents
              if c.withdrawn_at is None and c.receiver_id == handover.receiver_id}
    editable = handover.status in OPEN
    explanation = consent_explanation(handover.youth, handover.kind)
    context = {
        "youth_part": [_block_view(document, b) for b in document.blocks if b["part"] == YOUTH],
        "school_part": [_block_view(document, b) for b in document.blocks
                        if b["part"] == SCHOOL],
        "editable": editable,
        "consent": explanation,
        "ledger": [{"consent": c, "title": titles.get(c.block_key, c.block_key)}
                   for c in consents],
        "overrides": selectors.legal_basis_rows(handover),
        "can_send": handover.status == HandoverStatus.CONCEPT,
        "can_withdraw": handover.status in WITHDRAWABLE,
    }
    if editable:
        context["school_form"] = bound.get("school") or f.DocumentPartForm(
            document=document, part=SCHOOL)
        context["youth_form"] = bound.get("youth") or f.DocumentPartForm(
            document=document, part=YOUTH)
        context["consent_form"] = bound.get("consent") or f.ConsentForm(
            document=document, initial={"given_by": explanation["giver"]})
        if active:
            context["withdraw_form"] = bound.get("withdraw") or f.ConsentWithdrawForm(
                document=document, active_keys=active)
        bases = services.bases_for(handover)
        if handover.status == HandoverStatus.CONCEPT and bases:
            context["legal_form"] = bound.get("legal") or f.LegalBasisForm(bases=bases)
    return context


def _diploma_label(code: str) -> str:
    try:
        return str(DIPLOMA_LABELS[law.Diploma(code)])
    except ValueError:
        return code


def _receiver_context(request, handover: Handover, bound: dict) -> dict:
    document = handover.document
    blocks = []
    overrides = []
    if handover.status in DOCUMENT_FOR_RECEIVER:
        visible = set(selectors.visible_blocks(document=document,
                                               receiver_id=handover.receiver_id))
        withdrawn = set(selectors.withdrawn_blocks(document=document,
                                                   receiver_id=handover.receiver_id))
        for block in _ordered_blocks(document):
            if block["key"] in visible:
                blocks.append({**_block_view(document, block), "withdrawn": False})
            elif block["key"] in withdrawn:
                blocks.append({"block": block, "rows": [], "withdrawn": True})
        overrides = selectors.legal_basis_rows(handover)
    file_url = ""
    if handover.status == HandoverStatus.ACCEPTED and \
            youth_visible_to(request.user).filter(pk=handover.youth_id).exists():
        file_url = reverse("youth:detail", args=[handover.youth.public_id])
    return {
        "document_shown": handover.status in DOCUMENT_FOR_RECEIVER,
        "blocks": blocks,
        "youth_blocks": [b for b in blocks if b["block"]["part"] == YOUTH],
        "school_blocks": [b for b in blocks if b["block"]["part"] == SCHOOL],
        "overrides": overrides,
        "file_url": file_url,
        # Accepting is one action: from 'verstuurd' it records the receive on the way (VIA).
        "can_accept": handover.status in (HandoverStatus.SENT, HandoverStatus.RECEIVED),
        "can_return": handover.status in (HandoverStatus.SENT, HandoverStatus.RECEIVED),
        "return_form": bound.get("return") or f.ReturnForm(),
        "diploma_label": _diploma_label(handover.highest_diploma),
    }


def _render(request, handover: Handover, side: str, bound: dict | None = None):
    bound = bound or {}
    record_read(user=request.user, youth=handover.youth, about=handover, detail={"side": side})
    context = {
        "handover": handover,
        "youth": handover.youth,
        "side": side,
        "holder": holder_text(handover),
        "meetings": list(handover.meetings.all()),
        "meeting_form": bound.get("meeting") or f.MeetingForm(),
        "can_change": request.user.has_perm(CHANGE),
        "can_record_meeting": handover.status != HandoverStatus.WITHDRAWN,
        "show_return_reason": handover.status == HandoverStatus.RETURNED,
        "pdf_url": _pdf_url(handover),
    }
    if side == SENDER:
        context.update(_sender_context(request, handover, bound))
        template = "handover/sender.html"
    else:
        context.update(_receiver_context(request, handover, bound))
        template = "handover/receiver.html"
    return render(request, template, context)


def _detail(handover: Handover):
    return redirect("handover:detail", public_id=handover.public_id)


# --- Pages ------------------------------------------------------------------------------------
@access_policy(AUTHENTICATED)
def handover_list(request):
    """Sent and received handovers (status and dates only) and the latest notifications.

    Open to every signed-in user: without an acting role in an organisation the lists are empty.
    """
    org_ids = _acting_org_ids(request.user)
    filter_form = f.StatusFilterForm(request.GET)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    handovers = _scoped(request.user, org_ids)
    if status:
        handovers = handovers.filter(status=status)
    sent = Paginator(handovers.filter(sender_id__in=org_ids), PAGE_SIZE)
    received = Paginator(handovers.filter(receiver_id__in=org_ids)
                         .exclude(status=HandoverStatus.CONCEPT), PAGE_SIZE)
    sent_page = sent.get_page(request.GET.get("pagina"))
    received_page = received.get_page(request.GET.get("pagina_ontvangen"))
    record_reads(user=request.user, shown=[*sent_page.object_list, *received_page.object_list],
                 purpose=Purpose.CASELOAD)
    # Requests for support during school sit on the same list (issue 11): the gemeente decides
    # them from here, the school follows their status.
    support = support_requests_listed(request.user)
    if status in SupportRequest.Status.values:
        support = support.filter(status=status)
    elif status:
        support = support.none()
    support_page = Paginator(support, PAGE_SIZE).get_page(request.GET.get("pagina_aanvragen"))
    record_reads(user=request.user, shown=support_page.object_list, purpose=Purpose.CASELOAD)
    notifications = (Notification.objects.filter(organisation_id__in=org_ids)
                     .select_related("handover", "support_request", "organisation")
                     [:NOTIFICATIONS_SHOWN])
    return render(request, "handover/list.html", {
        "filter_form": filter_form, "status": status, "sent_page": sent_page,
        "received_page": received_page, "support_page": support_page,
        "notifications": notifications,
        "has_organisation": bool(org_ids),
        "may_request_support": _may_request_support(request.user),
    })


def _may_request_support(user) -> bool:
    """The user's (primary) organisation is a school that may ask for support during school."""
    membership = user.primary_membership
    return membership is not None and \
        membership.team.organisation.type in SUPPORT_REQUEST_SENDER_TYPES


@require_http_methods(["GET", "POST"])
@access_policy("handover.draft_handover")
def handover_create(request):
    form = f.HandoverStartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            handover = intake.handover_start(
                actor=request.user, bsn=data["bsn"], person=form.person_data,
                kind=data["kind"], sender=form.sender_organisation, receiver=data["receiver"],
                school_left_on=data["school_left_on"], diploma_on=data["diploma_on"],
                highest_diploma=data["highest_diploma"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De overdracht is als concept opgeslagen. Vul het "
                                        "overgangsdocument in en leg de toestemming vast."))
            return _detail(handover)
    return render(request, "handover/create.html", {"form": form})


@access_policy("handover.view_handover")
def handover_detail(request, public_id):
    handover, side = _get(request, public_id)
    return _render(request, handover, side)


# --- Sender actions ---------------------------------------------------------------------------
def _sender_only(request, handover: Handover, side: str) -> bool:
    if side != SENDER:
        note_refused("sender only")  # audited as denied by the access middleware
        messages.error(request, _("Alleen de verzendende organisatie kan dit doen."))
        return False
    return True


@require_POST
@access_policy(CHANGE)
def document_save(request, public_id, part):
    handover, side = _get(request, public_id)
    if not _sender_only(request, handover, side):
        return _detail(handover)
    part = YOUTH if part == "jongere" else SCHOOL
    form = f.DocumentPartForm(request.POST, document=handover.document, part=part)
    if form.is_valid():
        try:
            services.document_update(actor=request.user, handover=handover, part=part,
                                     content=form.content())
        except Route27Error as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Het overgangsdocument is opgeslagen."))
        return _detail(handover)
    return _render(request, handover, side, {"school" if part == SCHOOL else "youth": form})


@require_POST
@access_policy(CHANGE)
def consent_record(request, public_id):
    handover, side = _get(request, public_id)
    if not _sender_only(request, handover, side):
        return _detail(handover)
    form = f.ConsentForm(request.POST, document=handover.document)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.consent_record(
                actor=request.user, handover=handover, block_keys=data["block_keys"],
                given_by=data["given_by"], given_by_name=data["given_by_name"],
                method=data["method"], given_on=data["given_on"],
                proof_reference=data["proof_reference"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        except Route27Error as exc:
            messages.error(request, exc.message)
            return _detail(handover)
        else:
            messages.success(request, _("De toestemming is vastgelegd."))
            return _detail(handover)
    return _render(request, handover, side, {"consent": form})


@require_POST
@access_policy(CHANGE)
def consent_withdraw(request, public_id):
    handover, side = _get(request, public_id)
    if not _sender_only(request, handover, side):
        return _detail(handover)
    active = handover.document.consents.filter(
        receiver_id=handover.receiver_id, withdrawn_at__isnull=True).values_list(
        "block_key", flat=True)
    form = f.ConsentWithdrawForm(request.POST, document=handover.document,
                                 active_keys=list(active))
    if form.is_valid():
        try:
            services.consent_withdraw(actor=request.user, handover=handover,
                                      block_keys=form.cleaned_data["block_keys"],
                                      receiver=handover.receiver)
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De toestemming is ingetrokken. De ontvanger ziet deze "
                                        "onderdelen niet meer."))
            return _detail(handover)
    return _render(request, handover, side, {"withdraw": form})


@require_POST
@access_policy(CHANGE)
def legal_basis(request, public_id):
    """The sender records a named legal basis (law.LEGAL_BASES) for this kind of handover."""
    handover, side = _get(request, public_id)
    if not _sender_only(request, handover, side):
        return _detail(handover)
    bases = services.bases_for(handover)
    if not bases:  # the law gives this kind no basis: the service says so, with the rule
        try:
            services.legal_basis_record(actor=request.user, handover=handover,
                                        basis=request.POST.get("grondslag-basis", ""))
        except Route27Error as exc:
            messages.error(request, exc.message)
        return _detail(handover)
    form = f.LegalBasisForm(request.POST, bases=bases)
    if form.is_valid():
        try:
            services.legal_basis_record(actor=request.user, handover=handover,
                                        basis=form.cleaned_data["basis"],
                                        note=form.cleaned_data["note"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        except Route27Error as exc:
            messages.error(request, exc.message)
            return _detail(handover)
        else:
            messages.success(request, _("De wettelijke grondslag is vastgelegd."))
            return _detail(handover)
    return _render(request, handover, side, {"legal": form})


def _transition(request, public_id, service, done: str):
    """A lifecycle verb without a form: the service checks the side and the status."""
    handover = _get(request, public_id)[0]
    try:
        service(actor=request.user, handover=handover)
    except Route27Error as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return _detail(handover)


@require_POST
@access_policy(CHANGE)
def handover_send(request, public_id):
    return _transition(request, public_id, services.handover_send,
                       _("De overdracht is verstuurd."))


@require_POST
@access_policy(CHANGE)
def handover_withdraw(request, public_id):
    return _transition(request, public_id, services.handover_withdraw,
                       _("De overdracht is ingetrokken."))


# --- Receiver actions -------------------------------------------------------------------------
@require_POST
@access_policy(CHANGE)
def handover_receive(request, public_id):
    return _transition(request, public_id, services.handover_receive,
                       _("De overdracht is ontvangen. Beoordeel hem en accepteer of stuur "
                         "hem terug."))


@require_POST
@access_policy(CHANGE)
def handover_accept(request, public_id):
    return _transition(request, public_id, services.handover_accept,
                       _("De overdracht is geaccepteerd."))


@require_POST
@access_policy(CHANGE)
def handover_return(request, public_id):
    handover, side = _get(request, public_id)
    form = f.ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.handover_return(actor=request.user, handover=handover,
                                     reason=form.cleaned_data["reason"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        except Route27Error as exc:
            messages.error(request, exc.message)
            return _detail(handover)
        else:
            messages.success(request, _("De overdracht is teruggestuurd."))
            return _detail(handover)
    if side != RECEIVER:
        note_refused("receiver only")  # audited as denied by the access middleware
        return _detail(handover)
    return _render(request, handover, side, {"return": form})


# --- Both sides -------------------------------------------------------------------------------
@require_POST
@access_policy(CHANGE)
def meeting_record(request, public_id):
    handover, side = _get(request, public_id)
    form = f.MeetingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.meeting_record(actor=request.user, handover=handover,
                                    held_on=data["held_on"], participants=data["participants"],
                                    youth_present=data["youth_present"],
                                    agreements=data["agreements"])
        except ValidationFailed as exc:
            apply_service_errors(exc, form)
        except Route27Error as exc:
            messages.error(request, exc.message)
            return _detail(handover)
        else:
            messages.success(request, _("De warme overdracht is vastgelegd."))
            return _detail(handover)
    return _render(request, handover, side, {"meeting": form})
