"""Errors as application/problem+json (RFC 9457; API Design Rules /core/error-handling)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from route27.core.errors import Route27Error

TITLES = {
    400: _("Ongeldige invoer"),
    401: _("Niet ingelogd"),
    403: _("Geen toegang"),
    404: _("Niet gevonden"),
    405: _("Methode niet toegestaan"),
    406: _("Formaat niet beschikbaar"),
    409: _("Conflict"),
    415: _("Mediatype niet ondersteund"),
    429: _("Te veel verzoeken"),
}


def _invalid_params(detail) -> list[dict]:
    params = []
    if isinstance(detail, dict):
        for name, messages in detail.items():
            for message in messages if isinstance(messages, list) else [messages]:
                if isinstance(message, dict):
                    for sub in _invalid_params(message):
                        params.append({**sub, "name": f"{name}.{sub['name']}"})
                else:
                    params.append({"name": name, "code": getattr(message, "code", "invalid"),
                                   "reason": str(message)})
    return params


def problem_exception_handler(exc, context):
    if isinstance(exc, Route27Error):
        if exc.status == 404:
            exc = exceptions.NotFound(exc.message)
        else:
            exc = exceptions.ValidationError(exc.field_errors or {"nonFieldErrors": [exc.message]})
            exc.status_code = status.HTTP_400_BAD_REQUEST
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Niet gevonden."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    body = {"type": f"https://route27.nl/problemen/{code}", "title": TITLES.get(code, _("Fout")),
            "status": code}
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = _("Een of meer velden zijn ongeldig.")
        body["invalidParams"] = _invalid_params(exc.detail) or [
            {"name": "body", "code": "invalid", "reason": str(exc.detail)}]
    else:
        body["detail"] = str(getattr(exc, "detail", "")) or body["title"]
    headers = {k: v for k, v in response.items() if k in ("Allow", "WWW-Authenticate", "Retry-After")}
    return Response(body, status=code, headers=headers, content_type="application/problem+json")
