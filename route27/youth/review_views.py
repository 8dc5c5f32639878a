"""Possible duplicates and merges (issue 9 §4, ADR 0011): the review list, the review page that
compares two files and decides, and the functional administrator's merges with their undo.

What a user sees of each file follows their reasons: a file they have a reason for shows its
identifying details (and a link); a functional administrator sees the identifying details of
files in the municipalities their organisation serves, without a link (they have no file
reason); any other file is "een dossier van een ander team". Every file shown is logged as read.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from route27.audit.purposes import Purpose
from route27.casefile.services import record_reads
from route27.core.access import access_policy
from route27.core.errors import NotFound, Refused, ValidationFailed
from route27.core.shortcuts import found_or_404
from route27.youth import selectors, services
from route27.youth.models import PossibleDuplicate, Youth

PAGE_SIZE = 25
DECIDE_MERGE, DECIDE_DISTINCT = "samenvoegen", "verschillend"


class MergeForm(forms.Form):
    besluit = forms.CharField(widget=forms.HiddenInput, initial=DECIDE_MERGE)
    bewaren = forms.ChoiceField(label=gettext_lazy("Welk dossier blijft bestaan?"),
                                widget=forms.RadioSelect,
                                error_messages={"required": gettext_lazy(
                                    "Kies welk dossier blijft bestaan.")})
    reden = forms.CharField(label=gettext_lazy("Reden"), widget=forms.Textarea(attrs={"rows": 3}),
                            max_length=2000,
                            help_text=gettext_lazy("Waaraan ziet u dat het dezelfde persoon is?"),
                            error_messages={"required": gettext_lazy(
                                "Geef een reden voor het samenvoegen.")})

    def __init__(self, *args, review: PossibleDuplicate, labels: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bewaren"].choices = [
            (str(file.public_id), labels[file.pk]) for file in (review.other, review.youth)]


class DistinctForm(forms.Form):
    besluit = forms.CharField(widget=forms.HiddenInput, initial=DECIDE_DISTINCT)
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000, help_text=gettext_lazy("Waaraan ziet u dat het verschillende personen "
                                                "zijn?"),
        error_messages={"required": gettext_lazy(
            "Licht toe waarom het verschillende personen zijn.")})


class UndoForm(forms.Form):
    reden = forms.CharField(label=gettext_lazy("Reden"), widget=forms.Textarea(attrs={"rows": 2}),
                            max_length=2000,
                            error_messages={"required": gettext_lazy(
                                "Geef een reden voor het ongedaan maken.")})


@dataclass
class FileView:
    """One file of a review as this user may see it."""

    youth: Youth
    shown: bool  # identifying details may be shown
    linked: bool  # the user has a reason for the file: link to it

    @property
    def label(self) -> str:
        if not self.shown:
            return _("een dossier van een ander team")
        return f"{self.youth.full_name} ({self.youth.birth_date})"

    @property
    def open_trajectory(self):
        # Through the reverse relation: the youth app sits below trajectories.
        return self.youth.trajectories.filter(closed_on__isnull=True).select_related(
            "team").first() if self.shown else None


def _file_views(user, reviews) -> dict[int, FileView]:
    files = {y.pk: y for r in reviews for y in (r.youth, r.other)}.values()
    linked = selectors.visible_ids(user, files)
    administered = set(selectors.administered_municipality_ids(user).values_list("pk", flat=True))
    views = {y.pk: FileView(y, y.pk in linked or y.municipality_id in administered,
                            y.pk in linked) for y in files}
    record_reads(user=user, shown=[v.youth for v in views.values() if v.shown],
                 purpose=Purpose.REGISTRATION)
    return views


@access_policy("youth.review_duplicates")
def duplicate_list(request):
    """"Mogelijk dubbele dossiers": the open review items this user is shown."""
    paginator = Paginator(selectors.possible_duplicates_for(request.user), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    reviews = list(page.object_list)
    files = _file_views(request.user, reviews)
    rows = [{"review": r, "new": files[r.youth_id], "existing": files[r.other_id]}
            for r in reviews]
    return render(request, "youth/duplicates/list.html", {
        "rows": rows, "page": page, "total": paginator.count})


def _review_or_404(request, public_id) -> PossibleDuplicate:
    try:
        return selectors.possible_duplicate_get(user=request.user, public_id=public_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@require_http_methods(["GET", "POST"])
@access_policy("youth.review_duplicates")
def duplicate_review(request, public_id):
    """Compare the two files side by side and decide: merge (which file stays, with a reason)
    or different people (with a note)."""
    review = _review_or_404(request, public_id)
    files = _file_views(request.user, [review])
    new, existing = files[review.youth_id], files[review.other_id]
    can_decide = selectors.may_decide(request.user, review.youth, review.other)
    labels = {pk: view.label for pk, view in files.items()}
    merge_form = MergeForm(review=review, labels=labels)
    distinct_form = DistinctForm()
    if request.method == "POST":
        decision = request.POST.get("besluit")
        if decision == DECIDE_MERGE:
            merge_form = MergeForm(request.POST, review=review, labels=labels)
            if merge_form.is_valid():
                return _merge(request, review, merge_form)
        elif decision == DECIDE_DISTINCT:
            distinct_form = DistinctForm(request.POST)
            if distinct_form.is_valid():
                return _dismiss(request, review, distinct_form)
        else:
            messages.error(request, _("Kies: samenvoegen of verschillende personen."))
    return render(request, "youth/duplicates/review.html", {
        "review": review, "new": new, "existing": existing, "can_decide": can_decide,
        "same_bsn": _same_bsn(review), "merge_form": merge_form,
        "distinct_form": distinct_form,
        "bsn_review": review.reason != PossibleDuplicate.Reason.SAME_NAME_BIRTH_DATE,
    })


def _same_bsn(review: PossibleDuplicate) -> str:
    a, b = review.youth.bsn, review.other.bsn
    if not a or not b:
        return _("Niet te vergelijken: een van beide heeft geen BSN")
    return _("Ja") if a == b else _("Nee")


def _merge(request, review: PossibleDuplicate, form: MergeForm):
    keep = form.cleaned_data["bewaren"]
    kept, merged = ((review.youth, review.other) if keep == str(review.youth.public_id)
                    else (review.other, review.youth))
    try:
        services.youth_merge(actor=request.user, kept=kept, merged=merged,
                             reason=form.cleaned_data["reden"], review=review)
    except (ValidationFailed, Refused) as exc:
        messages.error(request, exc.message)
        return redirect("youth:duplicate", public_id=review.public_id)
    messages.success(request, _("De dossiers zijn samengevoegd. Het andere dossier leidt nu "
                                "naar dit dossier."))
    if selectors.may_see(request.user, kept):
        return redirect("youth:detail", public_id=kept.public_id)
    return redirect("youth:duplicates")


def _dismiss(request, review: PossibleDuplicate, form: DistinctForm):
    try:
        services.possible_duplicate_dismiss(actor=request.user, review=review,
                                            note=form.cleaned_data["toelichting"])
    except (ValidationFailed, Refused) as exc:
        messages.error(request, exc.message)
        return redirect("youth:duplicate", public_id=review.public_id)
    messages.success(request, _("Vastgelegd: het zijn verschillende personen."))
    return redirect("youth:duplicates")


@require_POST
@access_policy("youth.review_duplicates")
def duplicate_check(request):
    """From the intake queue: two queued files with the same name and birth date get a review
    item (once per pair), and the user goes to it. Only for files the user may see both of."""
    ids = request.POST.getlist("jongere")[:2]
    try:
        files = list(selectors.youth_visible_to(request.user).filter(public_id__in=ids)
                     .order_by("pk"))
    except (ValueError, ValidationFailed):
        files = []
    if len(ids) != 2 or len(files) != 2:
        raise Http404(_("Deze dossiers zijn niet gevonden of u heeft geen toegang."))
    existing, new = files
    review = services.possible_duplicate_raise(
        actor=request.user, youth=new, other=existing,
        reason=PossibleDuplicate.Reason.SAME_NAME_BIRTH_DATE, source="intake_queue")
    return redirect("youth:duplicate", public_id=review.public_id)


@access_policy("youth.undo_merge")
def merge_list(request):
    """The functional administrator's merges of the last term, each with "ongedaan maken"."""
    since = timezone.now() - services.merge_undo_term()
    merges = list(selectors.merges_for_admin(request.user, since=since)[:100])
    record_reads(user=request.user, shown=[y for m in merges for y in (m.kept, m.merged)],
                 purpose=Purpose.REGISTRATION)
    return render(request, "youth/duplicates/merges.html", {
        "merges": merges, "days": services.merge_undo_term().days})


@require_POST
@access_policy("youth.undo_merge")
def merge_undo(request, public_id):
    merge = found_or_404(selectors.merge_get, user=request.user, public_id=public_id)
    form = UndoForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reden"][0])
        return redirect("youth:merges")
    try:
        services.youth_merge_undo(actor=request.user, merge=merge,
                                  reason=form.cleaned_data["reden"])
    except (ValidationFailed, Refused) as exc:
        messages.error(request, exc.message)
        return redirect("youth:merges")
    messages.success(request, _("De samenvoeging is ongedaan gemaakt: de twee dossiers staan "
                                "weer los van elkaar."))
    return redirect("youth:merges")
