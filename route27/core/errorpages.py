"""Error pages: problem+json under /api/, Dutch HTML elsewhere; never echo the request input."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from route27.core.errors import problem_response


def _page(request, status, title, detail):
    if request.path.startswith("/api/"):
        return problem_response(status=status, title=title, detail=detail)
    return render(request, "core/error.html", {"title": title, "detail": detail}, status=status)


def forbidden(request, exception=None):
    return _page(request, 403, _("Geen toegang"), _("U heeft geen toegang tot deze pagina."))


def not_found(request, exception=None):
    return _page(request, 404, _("Niet gevonden"),
                 _("Deze pagina of dit dossier bestaat niet, of u heeft er geen toegang toe."))


def server_error(request):
    return _page(request, 500, _("Er ging iets mis"),
                 _("Er is een fout opgetreden. Probeer het later opnieuw."))
