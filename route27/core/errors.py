"""Project error hierarchy: services raise these; views and the API show them in Dutch."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from route27.core.access import note_refused


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


class Refused(TransitionRefused):
    """The actor may not take this step: the wrong party of a handover or support request, or a
    file that is read-only for them. 403 in the API; a page shows the message.

    Raising it marks the request as refused, so ``AccessPolicyMiddleware`` writes its one
    ``denied`` row even when a view catches it and redirects with the message (the row is
    written after the view, outside any transaction the refusal rolled back)."""

    status = 403

    def __init__(self, message: str, **kwargs):
        super().__init__(message, **kwargs)
        note_refused(message)


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
