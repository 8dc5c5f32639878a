"""Two moves every page makes: find the object in the user's scope (a selector's ``NotFound``
becomes the same 404 as an unknown id), and show a refused write as a message (noted for the
audit log by the access middleware)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import render

from route27.core.access import note_refused
from route27.core.errors import NotFound, Route27Error


def found_or_404(get, **kwargs):
    """``get(**kwargs)``; its ``NotFound`` as a 404 with the selector's message."""
    try:
        return get(**kwargs)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def show_refusal(request, error: Route27Error) -> None:
    """The service refused: say why on the next page, and let the audit log know."""
    note_refused(str(error.message))
    messages.error(request, error.message)


def progress_poll(request, job, *, running: bool):
    """The htmx poll of a background job's progress page (ADR 0012): the progress while it
    runs, else 204 with ``HX-Refresh`` so the whole page shows the result. None for a normal
    request (the page renders itself)."""
    if not request.htmx:
        return None
    if not running:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "core/_job_progress.html", {"job": job})
