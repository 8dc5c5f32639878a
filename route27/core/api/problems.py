"""Errors as application/problem+json (RFC 9457; API Design Rules /core/error-handling).

Service errors (:class:`~route27.core.errors.Route27Error`) name fields the way the services do
(``bsn``, ``birth_date``, ``guardians.0.name``); the API reports them under the names a client
sent (``burgerservicenummer``, ``geboorte``, ``vertegenwoordigers.0.naam``), derived from the
view's serializer. Messages are Dutch and never echo a BSN.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from route27.core.errors import Route27Error

TITLES = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
}
PASSED_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")
# Nine digits in a row could be a BSN: never send one back in an error message.
_NINE_DIGITS = re.compile(r"(?<![0-9])[0-9]{9}(?![0-9])")


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "De gevraagde wijziging past niet bij de huidige toestand."
    default_code = "conflict"


def _scrub(text: str) -> str:
    return _NINE_DIGITS.sub("*********", text)


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    """Flatten DRF's nested error detail into ``[{name, code, reason}]`` with dotted names."""
    if isinstance(detail, dict):
        params = []
        for name, sub in detail.items():
            if name == api_settings.NON_FIELD_ERRORS_KEY and prefix:
                params += _invalid_params(sub, prefix)  # e.g. "expected a list" on the field
            else:
                params += _invalid_params(sub, f"{prefix}.{name}" if prefix else str(name))
        return params
    if isinstance(detail, list):
        params = []
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):  # one entry per item of a nested list
                params += _invalid_params(item, f"{prefix}.{index}" if prefix else str(index))
            else:
                params += _invalid_params(item, prefix)
        return params
    return [{"name": _scrub(prefix or api_settings.NON_FIELD_ERRORS_KEY),
             "code": getattr(detail, "code", None) or "invalid", "reason": _scrub(str(detail))}]


def _serializer_for(view):
    try:
        serializer_class = view.get_serializer_class()
    except Exception:  # noqa: BLE001 - not a GenericAPIView, or no serializer for this action
        return None
    return serializer_class() if serializer_class else None


def api_field_name(serializer, service_name: str) -> str:
    """Service field path to API field path (``guardians.0.name`` → ``vertegenwoordigers.0.naam``).

    A serializer field matches when its ``source`` equals the service name, or starts with it
    (``municipality.number`` answers for ``municipality``). A serializer can also name the field
    for a service error key that is not a keyword argument (``outflow_reason`` for ``reason``) in
    ``service_field_names = {service name: API field name}``. Unknown parts are kept as they are.
    """
    parts = service_name.split(".")
    names: list[str] = []
    current = serializer
    index = 0
    while index < len(parts):
        part = parts[index]
        fields = getattr(current, "fields", None)
        match = None
        if fields is not None:
            writable = [(n, f) for n, f in fields.items() if not f.read_only]
            alias = getattr(current, "service_field_names", {}).get(part)
            match = next(((n, f) for n, f in writable if n == alias), None) or next(
                ((n, f) for n, f in writable if f.source == part), None) or next(
                ((n, f) for n, f in writable if f.source_attrs[:1] == [part]), None)
        if match is None:
            names += parts[index:]
            break
        name, field = match
        names.append(name)
        current = field
        if isinstance(field, serializers.ListSerializer):
            current = field.child
            if index + 1 < len(parts) and parts[index + 1].isdigit():
                names.append(parts[index + 1])
                index += 1
        index += 1
    return ".".join(names)


def _from_service_error(exc: Route27Error, view) -> exceptions.APIException:
    if exc.status == 404:
        return exceptions.NotFound(exc.message)
    if exc.status == 403:
        return exceptions.PermissionDenied(exc.message)
    if exc.status == 409:
        return Conflict(exc.message)
    if not exc.field_errors:
        return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [exc.message]})
    serializer = _serializer_for(view) if view is not None else None
    mapped: dict[str, list[str]] = {}
    for name, messages in exc.field_errors.items():
        api_name = api_field_name(serializer, name) if serializer is not None else name
        mapped.setdefault(api_name, []).extend(messages)
    return exceptions.ValidationError(mapped)


def problem_exception_handler(exc, context):
    view = context.get("view")
    if isinstance(exc, Route27Error):
        exc = _from_service_error(exc, view)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Niet gevonden, of u heeft er geen toegang toe."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF"):
        exc = exceptions.PermissionDenied(
            _("CSRF-controle mislukt: stuur het csrftoken-cookie mee en dezelfde waarde in de "
              "X-CSRFToken-header."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, exceptions.ParseError):
        exc = exceptions.ParseError(_("De inhoud van het verzoek is geen geldige JSON."))
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    title = TITLES.get(code, "Fout")
    body = {"type": f"https://route27.nl/problemen/{code}", "title": title, "status": code}
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = _("Een of meer velden zijn ongeldig.")
        body["invalidParams"] = _invalid_params(exc.detail)
    else:
        body["detail"] = _scrub(str(getattr(exc, "detail", "") or title))
    headers = {k: v for k, v in response.items() if k in PASSED_HEADERS}
    return Response(body, status=code, headers=headers, content_type="application/problem+json")
