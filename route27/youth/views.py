import re
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from route27.audit.purposes import Purpose
from route27.casefile import sections
from route27.core.access import access_policy, note_refused
from route27.core.errors import NotFound, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.youth import selectors, services
from route27.youth.forms import GuardianFormSet, YouthForm, initial_from_youth
from route27.youth.rules import read_only_reason

PAGE_SIZE = 25


class _Moved(Exception):
    def __init__(self, response):
        self.response = response


def _get_or_404(request, public_id, purpose=Purpose.CASEWORK, prefetch=()):
    """The file; for the id of a file merged into one the user may see, a redirect (302) to
    the same page of the kept file (ADR 0011); otherwise 404."""
    try:
        return selectors.youth_get(user=request.user, public_id=public_id, purpose=purpose,
                                   prefetch=prefetch)
    except selectors.MovedToKeptFile as moved:
        path = request.get_full_path().replace(str(public_id), str(moved.kept.public_id), 1)
        raise _Moved(redirect(path)) from moved
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _follows_merges(view):
    """Answer a merged file's id with the redirect ``_get_or_404`` made."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Moved as moved:
            return moved.response

    return wrapper


# Digits (with spaces, dots or dashes) that could be (part of) a BSN: never in a URL.
_NUMBER = re.compile(r"^[\d .-]*\d[\d .-]*$")


def _list_url(search: str) -> str:
    return reverse("youth:list") + (f"?{urlencode({'q': search})}" if search else "")


@require_http_methods(["GET", "POST"])
@access_policy("youth.view_youth")
def youth_list(request):
    """The name search posts, so what is typed reaches the server in the body. A name comes back
    as a link (``?q=``, pushed to the address bar by htmx); a number is never put in a URL: a
    whole BSN is searched as a BSN (issue 9 §8), anything else numeric searches nothing."""
    source = request.POST if request.method == "POST" else request.GET
    search = source.get("q", "").strip()[:100]
    number = bool(_NUMBER.match(search))
    if request.method == "GET" and number:
        messages.info(request, _("Zoek een BSN met het BSN-veld: zo komt het nooit in een adres."))
        return redirect("youth:list")
    if request.method == "POST" and number and not request.htmx:
        return _open_by_bsn(request, search)
    if request.method == "POST" and not request.htmx:
        return redirect(_list_url(search))
    if number:
        search = ""
    paginator = Paginator(selectors.youth_list(user=request.user, search=search), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    selectors.youth_log_shown(user=request.user, youth=list(page.object_list))
    template = "youth/_list_results.html" if request.htmx else "youth/list.html"
    response = render(request, template, {"page": page, "search": search,
                                          "total": paginator.count})
    if request.htmx and request.method == "POST":
        response["HX-Push-Url"] = "false" if number else _list_url(search)
    return response


@require_POST
@access_policy("youth.view_youth")
def youth_search_bsn(request):
    """BSN search is a POST so the number never appears in a URL, history or access log."""
    return _open_by_bsn(request, request.POST.get("bsn", ""))


def _open_by_bsn(request, bsn: str):
    """The file of the visible youth with this BSN, or back to the list with a message."""
    try:
        youth = selectors.youth_find_by_bsn(user=request.user, bsn=bsn)
    except ValidationFailed as exc:
        messages.error(request, exc.message)
        return redirect("youth:list")
    if youth is None:
        messages.info(request, _("Geen jongere gevonden met dit BSN binnen uw werkvoorraad."))
        return redirect("youth:list")
    return redirect("youth:detail", public_id=youth.public_id)


@access_policy("youth.open_file")
@_follows_merges
def youth_detail(request, public_id):
    """The youth's file: the sections the apps registered (``casefile.sections``), in order."""
    youth = _get_or_404(request, public_id, prefetch=sections.prefetches())
    return render(request, "youth/detail.html",
                  {"youth": youth, "file_sections": sections.assemble(request, youth)})


@access_policy("youth.open_file")
@_follows_merges
def youth_file_block(request, public_id, block):
    """One block of the file, read when a coach opens it (``casefile.sections``, lazy): the
    fragment for htmx, or a page of its own without JavaScript. Read and logged as the file."""
    youth = _get_or_404(request, public_id, prefetch=sections.prefetches())
    shown = sections.assemble_one(request, youth, block)
    if shown is None:
        raise Http404(_("Dit blok bestaat niet of u heeft er geen toegang toe."))
    template = "youth/_file_block.html" if request.htmx else "youth/file_block.html"
    return render(request, template, {"youth": youth, "shown": shown})


def _form_page(request, *, youth=None):
    existing = None  # the file that holds the BSN typed, when the user may see it
    if request.method == "POST":
        form = YouthForm(request.POST)
        formset = GuardianFormSet(request.POST, prefix="guardians")
        if form.is_valid() and formset.is_valid():
            data = {**form.cleaned_data, "municipality": form.cleaned_data["municipality"],
                    "guardians": [f.cleaned_data for f in formset.forms]}
            try:
                if youth is None:
                    # No oracle (issue 9 §3): a BSN of a file the user may not see, or a
                    # namesake there, gives the answer an unknown BSN gives; a review item
                    # goes to the coaches of that file.
                    youth = services.youth_create(
                        actor=request.user, bsn_clash="no_oracle", source="youth_create",
                        review_namesakes=True, **data)
                    messages.success(request, _("De jongere is geregistreerd."))
                else:
                    services.youth_update(actor=request.user, youth=youth, **data)
                    messages.success(request, _("De gegevens zijn opgeslagen."))
                return redirect("youth:detail", public_id=youth.public_id)
            except services.BsnHeldByVisibleFile as exc:
                apply_service_errors(exc, form, formset)
                existing = exc.holder
            except ValidationFailed as exc:
                apply_service_errors(exc, form, formset)
    elif youth is None:
        form, formset = YouthForm(), GuardianFormSet(prefix="guardians")
    else:
        initial, guardians = initial_from_youth(youth)
        form = YouthForm(initial=initial)
        formset = GuardianFormSet(prefix="guardians", initial=guardians)
    return render(request, "youth/form.html", {"form": form, "formset": formset, "youth": youth,
                                               "existing": existing})


@require_http_methods(["GET", "POST"])
@access_policy("youth.add_youth")
def youth_create(request):
    return _form_page(request)


@require_http_methods(["GET", "POST"])
@access_policy("youth.change_youth")
@_follows_merges
def youth_edit(request, public_id):
    youth = _get_or_404(request, public_id, Purpose.REGISTRATION)
    if refused := read_only_reason(request.user, youth):  # e.g. read-only after closure
        note_refused(refused)
        messages.error(request, refused)
        return redirect("youth:detail", public_id=youth.public_id)
    return _form_page(request, youth=youth)
