"""Signals: the public self-registration (No Wrong Door, S3 §3) and the staff pages."""

from __future__ import annotations

import hashlib
import uuid
from html import escape

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from route27.audit.purposes import Purpose
from route27.core.access import PUBLIC, access_policy
from route27.core.errors import NotFound, Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.signals import selectors, services
from route27.signals.forms import SelfRegistrationForm, SignalForm
from route27.signals.models import SignalStatus, Source
from route27.youth.bsn import mask_bsn

PAGE_SIZE = 25
RATE_WINDOW_SECONDS = 3600


# --- Public self-registration ----------------------------------------------------------------


def _rate_limit() -> int:
    return getattr(settings, "ROUTE27_SELF_REGISTRATION_PER_HOUR", 5)


def _rate_key(request) -> str:
    """A cache key per client IP. The IP itself is hashed and never stored in the database."""
    ip = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{ip}".encode()).hexdigest()[:32]
    return f"route27:signals:self-registration:{digest}"


def _limit_reached(request) -> bool:
    return (cache.get(_rate_key(request)) or 0) >= _rate_limit()


def _count_submission(request) -> None:
    key = _rate_key(request)
    if not cache.add(key, 1, timeout=RATE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)


@require_http_methods(["GET", "POST"])
@access_policy(PUBLIC)
def self_register(request):
    if request.method == "POST":
        if _limit_reached(request):
            return render(request, "signals/public_limited.html", status=429)
        form = SelfRegistrationForm(request.POST)
        if form.is_spam:  # honeypot: look like success, store nothing
            _count_submission(request)
            return redirect("public_signals:thanks")
        if form.is_valid():
            try:
                services.signal_register(actor=None, source=Source.SELF, **form.service_data())
            except ValidationFailed as exc:
                apply_service_errors(exc, form)
            else:
                _count_submission(request)
                return redirect("public_signals:thanks")
    else:
        form = SelfRegistrationForm()
    return render(request, "signals/public_form.html", {"form": form})


@require_GET
@access_policy(PUBLIC)
def self_register_thanks(request):
    return render(request, "signals/public_thanks.html")


def _form_url(request) -> str:
    return request.build_absolute_uri(reverse("public_signals:form"))


@require_GET
@access_policy(PUBLIC)
def qr_svg(request):
    """A QR code that links to the public form, for posters and flyers."""
    url = _form_url(request)
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathFillImage, border=4)
    svg = image.to_string(encoding="unicode")
    head, _sep, rest = svg.partition(">")
    title = _("QR-code naar het aanmeldformulier: %(url)s") % {"url": url}
    body = f'{head} role="img"><title>{escape(title)}</title>{rest}'
    response = HttpResponse(body, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
@access_policy(PUBLIC)
def poster(request):
    return render(request, "signals/poster.html", {"form_url": _form_url(request)})


# --- Staff pages ---------------------------------------------------------------------------------


def _get_or_404(request, public_id, purpose=Purpose.CASEWORK):
    try:
        return selectors.signal_get(user=request.user, public_id=public_id, purpose=purpose)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_GET
@access_policy("signals.view_signal")
def signal_list(request):
    status = request.GET.get("status", "")
    if status not in SignalStatus.values:
        status = ""
    paginator = Paginator(selectors.signal_list(user=request.user, status=status), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    selectors.signal_log_shown(user=request.user, signals=list(page.object_list))
    return render(request, "signals/list.html", {
        "page": page, "status": status, "statuses": SignalStatus.choices,
        "total": paginator.count,
    })


def _outcome_message(request, signal) -> None:
    if signal.team_id is not None and signal.team_id not in request.user.casework_team_ids:
        # Someone else's youth: the sender learns only where it went, never whether the person
        # is known there (issue 9: no oracles). The caller says so.
        return
    if signal.team is None:
        messages.warning(request, _(
            "Het signaal is opgeslagen, maar er is geen team dat inwoners van %(gemeente)s "
            "begeleidt. Het is nog niet doorgezet; neem contact op met de functioneel beheerder.")
            % {"gemeente": signal.municipality})
    elif signal.status == SignalStatus.NEEDS_CONFIRMATION:
        messages.warning(request, _(
            "Er is al een jongere met deze achternaam en geboortedatum. Controleer of het "
            "dezelfde persoon is."))
    elif signal.status == SignalStatus.LINKED:
        messages.success(request, _(
            "Het signaal is gekoppeld aan %(naam)s en staat in de intakewachtrij van "
            "%(team)s.") % {"naam": signal.full_name, "team": signal.team.name})


@require_http_methods(["GET", "POST"])
@access_policy("signals.add_signal")
def signal_create(request):
    if request.method == "POST":
        form = SignalForm(request.POST)
        if form.is_valid():
            data = form.service_data()
            source = data.pop("source")
            try:
                signal = services.signal_register(actor=request.user, source=source, **data)
            except ValidationFailed as exc:
                apply_service_errors(exc, form)
            else:
                _outcome_message(request, signal)
                if signal.team_id in request.user.casework_team_ids:
                    return redirect("signals:detail", public_id=signal.public_id)
                if signal.team is not None:
                    messages.info(request, _(
                        "Het signaal is doorgezet naar %(team)s, het team dat inwoners van "
                        "%(gemeente)s begeleidt. Dat team neemt het verder op.")
                        % {"team": signal.team, "gemeente": signal.municipality})
                return redirect("signals:list")
    else:
        form = SignalForm()
    return render(request, "signals/form.html", {"form": form})


@require_GET
@access_policy("signals.view_signal")
def signal_detail(request, public_id):
    signal = _get_or_404(request, public_id)
    return render(request, "signals/detail.html", {
        "signal": signal,
        "file_visible": bool(selectors.files_visible(user=request.user, signals=[signal])),
        "masked_bsn": mask_bsn(signal.bsn),
        "candidates": selectors.signal_candidates(user=request.user, signal=signal),
    })


def _decide(request, public_id, *, same: bool):
    signal = _get_or_404(request, public_id, Purpose.REGISTRATION)
    youth = None
    if same:
        chosen = request.POST.get("youth", "")
        youth = signal.candidates.filter(public_id=chosen).first() if _is_uuid(chosen) else None
        if youth is None:
            messages.error(request, _("Kies een van de mogelijke matches."))
            return redirect("signals:detail", public_id=signal.public_id)
    try:
        signal = services.signal_confirm_match(actor=request.user, signal=signal, youth=youth)
    except Route27Error as exc:
        messages.error(request, exc.message)
    else:
        if same:
            messages.success(request, _("Het signaal is gekoppeld aan de bekende jongere."))
        else:
            messages.success(request, _("Er is een nieuwe jongere geregistreerd en het signaal "
                                        "is gekoppeld."))
    return redirect("signals:detail", public_id=signal.public_id)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@require_POST
@access_policy("signals.change_signal")
def signal_confirm(request, public_id):
    return _decide(request, public_id, same=True)


@require_POST
@access_policy("signals.change_signal")
def signal_new_youth(request, public_id):
    return _decide(request, public_id, same=False)
