"""Project error hierarchy: services raise these; views and the API show them in Dutch."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


class Route27Error(Exception):
    """Base class of errors that carry a message meant for the user."""

    status = 400

    def __init__(self, message: str, *, field_errors: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.field_errors = field_errors or {}


class ValidationFailed(Route27Error):
    status = 400


class NotFound(Route27Error):
    status = 404


class TransitionRefused(Route27Error):
    status = 409


def problem_response(*, status: int, title: str, detail: str, **extra) -> JsonResponse:
    body = {"type": f"https://route27.nl/problemen/{status}", "title": title,
            "status": status, "detail": detail, **extra}
    return JsonResponse(body, status=status, content_type="application/problem+json")


def access_denied_response(request: HttpRequest, *, status: int = 403, reason: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        title = _("Niet ingelogd") if status == 401 else _("Geen toegang")
        return problem_response(status=status, title=title,
                                detail=_("U heeft geen toegang tot deze gegevens."))
    return render(request, "core/denied.html", {"reason": reason}, status=status)
