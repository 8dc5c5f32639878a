"""Mijn Route27 pages. Every view derives the youth from request.user.portal_account; a handover
id in the URL is only looked up among the own youth's handovers (404 otherwise)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from route27.core.access import access_policy
from route27.core.errors import NotFound, Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.handover.selectors import legal_basis_rows
from route27.handover.workflow import OPEN, HandoverStatus
from route27.organisations.roles import Role
from route27.portal import selectors, services
from route27.portal.forms import ConsentForm, HelpForm, YouthPartForm
from route27.portal.models import PortalRelation
from route27.portal.rules import active_account
from route27.trajectories.workflow import ORDER, Step

POLICY = "portal.use_portal"
ACCESS_PAGE_SIZE = 20

STEP_TEXT = {
    Step.SIGNAL: gettext_lazy(
        "We hebben je aanmelding gekregen. Iemand van het team neemt snel contact met je op."),
    Step.INTAKE: gettext_lazy(
        "We leren je kennen: wat wil je, wat kun je en wat heb je nodig?"),
    Step.ROUTE: gettext_lazy(
        "We kiezen samen welke route bij je past: school, werk of eerst iets anders."),
    Step.ACTIVATION: gettext_lazy("Je zet de eerste stappen richting werk of school."),
    Step.SUPPORT: gettext_lazy("Je krijgt hulp om je doel te halen."),
    Step.MATCH: gettext_lazy("Je hebt een plek gevonden: werk, school of een leerwerkplek."),
    Step.AFTERCARE: gettext_lazy(
        "Je bent op weg. We houden nog even contact om te horen hoe het gaat."),
    Step.CLOSED: gettext_lazy(
        "Je traject is klaar. Wil je later toch weer hulp? Dat kan altijd."),
    Step.HANDED_BACK: gettext_lazy(
        "Het Doorstroompunt helpt je verder, zodat je weer naar school kunt."),
}
HANDOVER_TEXT = {
    HandoverStatus.CONCEPT: gettext_lazy(
        "Je school maakt dit overgangsdocument nog. Er is nog niets verstuurd."),
    HandoverStatus.SENT: gettext_lazy("Je school heeft het verstuurd naar %(receiver)s."),
    HandoverStatus.RECEIVED: gettext_lazy("%(receiver)s heeft het ontvangen en bekijkt het nu."),
    HandoverStatus.ACCEPTED: gettext_lazy(
        "%(receiver)s heeft de overdracht aangenomen en helpt je verder. Je kunt je eigen deel "
        "niet meer veranderen, maar je toestemming wel."),
}
ACTION_TEXT = {
    "read": gettext_lazy("bekeken"),
    "export": gettext_lazy("geëxporteerd"),
    "update": gettext_lazy("gewijzigd"),
    "create": gettext_lazy("vastgelegd"),
}
# How each audit object type reads to the youth; an unknown type falls back to its label in
# route27.audit.objects, so a new object type is never left out of the page.
OBJECT_TEXT = {
    "youth": gettext_lazy("je gegevens"),
    "trajectory": gettext_lazy("je traject en plan"),
    "handover": gettext_lazy("je overgangsdocument"),
    "support_request": gettext_lazy("je aanvraag voor ondersteuning tijdens school"),
    "contact_assignment": gettext_lazy("je vaste contactpersoon"),
    "signal": gettext_lazy("je aanmelding"),
    "portal_account": gettext_lazy("je account voor Mijn Route27"),
}


def _account(request):
    account = active_account(request.user)
    if account is None:  # the policy already refused; kept for direct calls
        raise Http404
    return account


def _portal_context(account, youth, **extra) -> dict:
    return {"account": account, "youth": youth, "is_parent": account.is_parent, **extra}


@access_policy(POLICY)
def home(request):
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="home")
    contact, trajectory, goals = selectors.own_plan(youth)
    team = trajectory.team if trajectory is not None else youth.team
    step_number = ORDER.index(trajectory.step) + 1 \
        if trajectory is not None and trajectory.step in ORDER else None
    return render(request, "portal/home.html", _portal_context(
        account, youth, contact=contact, trajectory=trajectory, goals=goals,
        organisation=team.organisation if team is not None else None,
        step_text=STEP_TEXT.get(trajectory.step, "") if trajectory is not None else "",
        step_number=step_number, step_total=len(ORDER)))


def _ledger(handover) -> dict:
    """The consent ledger of one handover in plain words."""
    document = handover.document
    order = [b["key"] for b in document.blocks]
    titles = {b["key"]: b["title"] for b in document.blocks}
    consents = list(document.consents.all())
    active = [c for c in consents if c.withdrawn_at is None]
    receivers: dict[int, dict] = {}
    for consent in sorted(active, key=lambda c: order.index(c.block_key)
                          if c.block_key in order else len(order)):
        row = receivers.setdefault(consent.receiver_id, {"receiver": consent.receiver,
                                                         "blocks": []})
        row["blocks"].append({"key": consent.block_key,
                              "title": titles.get(consent.block_key, consent.block_key)})
    history = _history(consents, titles)
    return {"receivers": list(receivers.values()),
            "active_keys": {c.block_key for c in active
                            if c.receiver_id == handover.receiver_id},
            "history": history, "overrides": legal_basis_rows(handover)}


def _history(consents, titles: dict[str, str]) -> list[dict]:
    """Given and withdrawn consents, newest first; one line per act (same giver, receiver and
    minute), e.g. "Toestemming gegeven door ...: Gemeente X mag A, B en C lezen"."""
    acts: dict[tuple, dict] = {}
    for consent in consents:
        events = [("given", consent.given_at, consent.given_by_name)]
        if consent.withdrawn_at is not None:
            events.append(("withdrawn", consent.withdrawn_at, ""))
        for kind, at, name in events:
            key = (kind, consent.receiver_id, name, at.replace(second=0, microsecond=0))
            act = acts.setdefault(key, {"kind": kind, "at": at, "name": name,
                                        "receiver": consent.receiver, "titles": []})
            act["titles"].append(titles.get(consent.block_key, consent.block_key))
    return sorted(acts.values(), key=lambda act: act["at"], reverse=True)


def _lines(block: dict, saved: dict) -> list[str]:
    """The filled fields of one block as text lines ('label: text' when a block has several)."""
    several = len(block["fields"]) > 1
    return [f"{spec['label']}: {saved[spec['key']]}" if several else saved[spec["key"]]
            for spec in block["fields"] if str(saved.get(spec["key"], "")).strip()]


def _handover_rows(account, youth, bound=None) -> list[dict]:
    """Everything the document page shows per handover. ``bound``: (handover pk, part form)."""
    blocked = services.consent_blocked_reason(account)
    rows = []
    for index, handover in enumerate(selectors.own_handovers(youth), start=1):
        document = handover.document
        editable = handover.status in OPEN
        if bound is not None and bound[0] == handover.pk:
            part_form = bound[1]
        else:
            part_form = YouthPartForm(document=document, prefix=f"h{index}")
        ledger = _ledger(handover)
        filled = set(document.filled_block_keys())
        consent_blocks = [
            {"key": b["key"], "title": b["title"], "sensitive": b.get("sensitive", False),
             "part": b["part"], "checked": b["key"] in ledger["active_keys"],
             "filled": b["key"] in filled,
             "id": f"h{index}-consent-{b['key']}"}
            for b in document.blocks]
        shown = [{"title": b["title"], "part": b["part"], "sensitive": b.get("sensitive", False),
                  "lines": _lines(b, document.content.get(b["key"]) or {})}
                 for b in document.blocks]
        rows.append({
            "handover": handover, "index": index, "editable": editable,
            "status_text": str(HANDOVER_TEXT.get(handover.status, "")) % {
                "receiver": handover.receiver.name},
            "part_form": part_form,
            "youth_blocks": [b for b in shown if b["part"] == "youth"],
            "school_blocks": [b for b in shown if b["part"] != "youth"],
            "consent_blocks": consent_blocks, "ledger": ledger, "consent_blocked": blocked})
    return rows


def _document_page(request, account, youth, bound=None, status=200):
    rows = _handover_rows(account, youth, bound)
    return render(request, "portal/document.html",
                  _portal_context(account, youth, rows=rows), status=status)


@access_policy(POLICY)
def document(request):
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="document")
    return _document_page(request, account, youth)


def _own_handover_or_404(youth, public_id):
    try:
        return selectors.own_handover(youth=youth, public_id=public_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _back(handover_index: int | None = None) -> str:
    url = reverse("portal:document")
    return f"{url}#overdracht-{handover_index}" if handover_index else url


def _index_of(youth, handover) -> int | None:
    ids = list(selectors.own_handovers(youth).values_list("pk", flat=True))
    return ids.index(handover.pk) + 1 if handover.pk in ids else None


@require_POST
@access_policy(POLICY)
def document_part(request, public_id):
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="document_part")
    handover = _own_handover_or_404(youth, public_id)
    index = _index_of(youth, handover)
    form = YouthPartForm(request.POST, document=handover.document, prefix=f"h{index}")
    if form.is_valid():
        try:
            services.portal_part_write(actor=request.user, account=account, handover=handover,
                                       content=form.content())
        except Route27Error as exc:
            messages.error(request, exc.message)
            return redirect(_back(index))
        messages.success(request, _("Je deel van het overgangsdocument is opgeslagen."))
        return redirect(_back(index))
    return _document_page(request, account, youth, bound=(handover.pk, form), status=400)


@require_POST
@access_policy(POLICY)
def consent(request, public_id):
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="consent")
    handover = _own_handover_or_404(youth, public_id)
    index = _index_of(youth, handover)
    form = ConsentForm(request.POST, document=handover.document)
    if not form.is_valid():
        messages.error(request, form.errors["block_keys"][0])
        return redirect(_back(index))
    try:
        given, withdrawn = services.portal_consent_set(
            actor=request.user, account=account, handover=handover,
            block_keys=form.cleaned_data["block_keys"])
    except ValidationFailed as exc:
        messages.error(request, exc.message)
        return redirect(_back(index))
    if given:
        messages.success(request, _("Je toestemming is opgeslagen."))
    if withdrawn:
        messages.success(request, _("Je toestemming is ingetrokken. %(receiver)s kan die delen "
                                    "nu niet meer lezen.") % {
            "receiver": handover.receiver.name})
    return redirect(_back(index))


@require_POST
@access_policy(POLICY)
def consent_withdraw(request, public_id):
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="consent")
    handover = _own_handover_or_404(youth, public_id)
    index = _index_of(youth, handover)
    try:
        services.portal_consent_withdraw(actor=request.user, account=account, handover=handover,
                                         block_key=request.POST.get("block", ""))
    except ValidationFailed as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Je toestemming is ingetrokken. %(receiver)s kan dat deel "
                                    "nu niet meer lezen.") % {
            "receiver": handover.receiver.name})
    return redirect(_back(index))


def _role_label(role: str) -> str:
    return Role(role).label if role in Role.values else ""


@access_policy(POLICY)
def access(request):
    """Who read the youth's file and when (the audit log, in plain words)."""
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="access")
    relations = selectors.portal_relations(youth)
    paginator = Paginator(selectors.access_log(youth=youth, viewer=request.user,
                                               relations=relations), ACCESS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    rows = []
    for entry in page.object_list:
        actor = entry.actor
        name = actor.get_full_name().strip() if actor is not None else ""
        if entry.actor_id in relations:
            organisation = _("Mijn Route27")
            role = PortalRelation(relations[entry.actor_id]).label
        else:
            organisation, role = entry.organisation, _role_label(entry.role)
        if not name and entry.actor_id is None and not entry.actor_username:
            name = _("Route27 (automatisch)")
        rows.append({"at": entry.occurred_at, "name": name or entry.actor_username,
                     "organisation": organisation, "role": role,
                     "action": ACTION_TEXT.get(entry.action, entry.get_action_display()),
                     "object": OBJECT_TEXT.get(entry.object_type, entry.object_type_label),
                     "entry": entry})
    return render(request, "portal/access.html", _portal_context(
        account, youth, page=page, rows=rows, total=paginator.count))


@require_http_methods(["GET", "POST"])
@access_policy(POLICY)
def help_request(request):
    account = _account(request)
    youth = selectors.own_youth(account=account, user=request.user, page="help")
    allow_study = account.relation == PortalRelation.SELF
    if request.method == "POST":
        form = HelpForm(request.POST, allow_study=allow_study)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.portal_help_request(
                    actor=request.user, account=account, message=data["message"],
                    phone=data["phone"], email=data["email"],
                    study_support=data["kind"] == HelpForm.KIND_STUDY)
            except ValidationFailed as exc:
                apply_service_errors(exc, form)
            else:
                messages.success(request, _("Je vraag is verstuurd. Iemand van het team neemt "
                                            "contact met je op."))
                return redirect("portal:home")
    else:
        form = HelpForm(allow_study=allow_study,
                        initial={"phone": youth.phone if not account.is_parent else "",
                                 "email": youth.email if not account.is_parent else
                                 request.user.email})
    return render(request, "portal/help.html", _portal_context(account, youth, form=form))
