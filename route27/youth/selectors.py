"""Every read of youth data. Always scoped to the user's reasons (youth.access)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q, QuerySet

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.casefile.services import record_denied, record_read, record_reads
from route27.core.errors import NotFound
from route27.organisations.models import Membership, Municipality
from route27.organisations.roles import Role
from route27.youth.access import visible_q
from route27.youth.bsn import normalise_bsn
from route27.youth.events import YouthObject
from route27.youth.models import PossibleDuplicate, Youth, YouthMerge

OBJECT_TYPE = YouthObject.YOUTH


class MovedToKeptFile(NotFound):
    """The id is of a file merged into another one the user may see: the caller redirects to
    ``kept`` (pages 302, the API 307). A NotFound for every other caller."""

    def __init__(self, kept: Youth):
        super().__init__("Dit dossier is samengevoegd met een ander dossier.")
        self.kept = kept


def youth_visible_to(user) -> QuerySet[Youth]:
    """The files the user has a reason for; a merged file is in no list (its id leads to the
    kept file, see :func:`youth_get`)."""
    return Youth.objects.filter(visible_q(user), merged_into__isnull=True)


def youth_list(*, user, search: str = "") -> QuerySet[Youth]:
    """Visible youth, optionally filtered by (part of) a name. Not yet logged: see log_shown."""
    qs = youth_visible_to(user).select_related("municipality", "team")
    for term in search.split()[:5]:
        qs = qs.filter(
            Q(given_names__icontains=term) | Q(family_name__icontains=term)
            | Q(surname_prefix__icontains=term)
        )
    return qs.order_by("family_name", "given_names", "id")


def youth_log_shown(*, user, youth: list[Youth], purpose: Purpose = Purpose.CASELOAD) -> None:
    """Log one read per youth actually shown (a page of a list)."""
    record_reads(user=user, shown=youth, purpose=purpose)


def youth_get(*, user, public_id: uuid.UUID | str, purpose: Purpose = Purpose.CASEWORK,
              prefetch: tuple[str, ...] = ()) -> Youth:
    """One youth file, logged as read; NotFound (and a denied entry) when the user has no reason.
    ``prefetch``: relations the caller reads more than once (the file page: its trajectories
    and contact persons, read by several sections and the write checks)."""
    youth = (
        youth_visible_to(user)
        .select_related("municipality__config", "team__organisation")
        .prefetch_related("guardians", *prefetch)
        .filter(public_id=public_id)
        .first()
    )
    if youth is None:
        named = youth_named(public_id)
        kept = _kept_file_of(named)
        if kept is not None and youth_visible_to(user).filter(pk=kept.pk).exists():
            raise MovedToKeptFile(kept)
        record_denied(user=user, object_type=OBJECT_TYPE, object_id=public_id,
                      youth=named, purpose=purpose)
        raise NotFound("Deze jongere is niet gevonden of u heeft geen toegang.")
    record_read(user=user, youth=youth, purpose=purpose)
    return youth


def _kept_file_of(named: Youth | None) -> Youth | None:
    """The file a merged file leads to (merges never chain: ``youth.merge``)."""
    if named is None:
        return None
    merged = Youth.objects.filter(pk=named.pk, merged_into__isnull=False).select_related(
        "merged_into").first()
    return merged.merged_into if merged is not None else None


def youth_find_by_bsn(*, user, bsn: str) -> Youth | None:
    """Search by BSN (only ever from a POST body). Returns a visible youth or None; logged."""
    compact = normalise_bsn(bsn)
    youth = youth_visible_to(user).filter(bsn=compact).first()
    if youth is None:
        audit_record(user=user, action=AuditAction.READ, object_type=OBJECT_TYPE,
                     purpose=Purpose.SEARCH, detail={"result": "none"})
        return None
    record_read(user=user, youth=youth, purpose=Purpose.SEARCH)
    return youth


def youth_named(public_id) -> Youth | None:
    """The youth a refused request named, for the subject of its denied row only: never shown
    to the caller (no oracle)."""
    try:
        return Youth.objects.filter(public_id=public_id).only("pk").first()
    except (ValueError, TypeError, DjangoValidationError):
        return None


def youth_current_contact(youth: Youth):
    return youth.contact_assignments.filter(ended_at__isnull=True).select_related("user").first()


def administered_municipality_ids(user) -> QuerySet:
    """Municipalities served by a team of an organisation where the user is an active
    functional administrator: where they may decide on possible duplicates and undo merges."""
    if user is None or not user.is_authenticated:
        return Municipality.objects.none().values("pk")
    organisations = Membership.objects.filter(
        user=user, is_active=True, role=Role.FUNCTIONEEL_BEHEERDER).values("team__organisation")
    return Municipality.objects.filter(
        serving_teams__organisation__in=organisations).values("pk")


def may_see(user, youth: Youth) -> bool:
    """Whether the user has a reason for this file (not logged: for a use case's own choice)."""
    return youth_visible_to(user).filter(pk=youth.pk).exists()


def may_decide(user, *files: Youth) -> bool:
    """Whether the user may decide that files are one person (merge) or not: a reason to each
    file, or functional administration of each file's municipality (ADR 0011). The decision
    compares the files, so one file alone is never enough."""
    pks = {f.pk for f in files}
    if youth_visible_to(user).filter(pk__in=pks).count() == len(pks):
        return True
    return Youth.objects.filter(
        pk__in=pks, municipality__in=administered_municipality_ids(user)).count() == len(pks)


def may_undo(user, merge: YouthMerge) -> bool:
    """Only a functional administrator of the kept file's municipality undoes a merge."""
    return Municipality.objects.filter(
        pk=merge.kept.municipality_id, pk__in=administered_municipality_ids(user)).exists()


def _reviewable_q(user) -> Q:
    """Open review items the user is shown: where they may see the *existing* file (``other``),
    or, as functional administrator, where both files live in their municipalities. Who may
    see only the new file is not told (it was made by whoever typed the BSN or person: telling
    that side another file exists would be an oracle, ACCESS.md)."""
    administered = administered_municipality_ids(user)
    return (Q(other__in=youth_visible_to(user).values("pk"))
            | Q(youth__municipality__in=administered, other__municipality__in=administered))


def possible_duplicates_for(user) -> QuerySet[PossibleDuplicate]:
    """Open review items the user is shown (:func:`_reviewable_q`), files not merged since.
    Which file's details are shown depends on the user's reasons for each (``may_see``)."""
    return (PossibleDuplicate.objects.filter(status=PossibleDuplicate.Status.OPEN)
            .filter(_reviewable_q(user))
            .filter(youth__merged_into__isnull=True, other__merged_into__isnull=True)
            .select_related("youth__municipality", "other__municipality", "youth__team",
                            "other__team")
            .order_by("raised_at", "id"))


def possible_duplicate_get(*, user, public_id) -> PossibleDuplicate:
    """One open review item the user is shown; NotFound and a denied row otherwise."""
    try:
        review = possible_duplicates_for(user).filter(public_id=public_id).first()
    except (ValueError, DjangoValidationError):
        review = None
    if review is None:
        record_denied(user=user, object_type=YouthObject.POSSIBLE_DUPLICATE,
                      object_id=public_id, purpose=Purpose.REGISTRATION)
        raise NotFound("Deze beoordeling is niet gevonden of u heeft geen toegang.")
    return review


def visible_ids(user, files) -> set[int]:
    """Which of these files the user has a reason for (one query)."""
    return set(youth_visible_to(user).filter(pk__in=[f.pk for f in files])
               .values_list("pk", flat=True))


def possible_duplicate_log_shown(*, user, reviews, visible: set[int]) -> None:
    """One read row per file whose details a review list or page showed."""
    shown = {y.pk: y for r in reviews for y in (r.youth, r.other) if y.pk in visible}
    record_reads(user=user, shown=list(shown.values()), purpose=Purpose.REGISTRATION)


def merges_for_admin(user, *, since=None) -> QuerySet[YouthMerge]:
    """Merges of files in the user's administered municipalities, newest first."""
    qs = YouthMerge.objects.filter(kept__municipality__in=administered_municipality_ids(user))
    if since is not None:
        qs = qs.filter(merged_at__gte=since)
    return qs.select_related("kept", "merged", "merged_by", "undone_by").order_by(
        "-merged_at", "-id")


def merge_get(*, user, public_id) -> YouthMerge:
    merge = merges_for_admin(user).filter(public_id=public_id).first()
    if merge is None:
        record_denied(user=user, object_type=YouthObject.YOUTH_MERGE, object_id=public_id,
                      purpose=Purpose.REGISTRATION)
        raise NotFound("Deze samenvoeging is niet gevonden of u heeft geen toegang.")
    return merge


def duplicate_pairs_among(files) -> dict[frozenset[int], PossibleDuplicate | None]:
    """Pairs of these files (the user may see them all: a page of a list) that may be one
    person: an open review item (the value), or the same family name and exactly the same birth
    date without a decision "verschillende personen" (value None). One query."""
    files = list(files)
    if len(files) < 2:
        return {}
    ids = [f.pk for f in files]
    decided: set[frozenset[int]] = set()
    pairs: dict[frozenset[int], PossibleDuplicate | None] = {}
    for review in PossibleDuplicate.objects.filter(
            youth_id__in=ids, other_id__in=ids,
            status__in=[PossibleDuplicate.Status.OPEN, PossibleDuplicate.Status.DISTINCT]):
        pair = frozenset((review.youth_id, review.other_id))
        if review.status == PossibleDuplicate.Status.OPEN:
            pairs[pair] = review
        else:
            decided.add(pair)
    by_person: dict[tuple, list[int]] = {}
    for f in files:
        key = (f.family_name.strip().casefold(), f.birth_year, f.birth_month, f.birth_day)
        by_person.setdefault(key, []).append(f.pk)
    for same in by_person.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                pair = frozenset((a, b))
                if pair not in decided:
                    pairs.setdefault(pair, None)
    return pairs
