import rules
from django.utils.translation import gettext_lazy as _

from route27.organisations.rules import has_casework_role, is_functional_admin
from route27.youth.access import writes_by_other_reason

# Why a file is read-only for a user who may read it (core.errors.Refused shows it).
CLOSED = _("Dit traject is afgesloten; het dossier is alleen nog in te zien.")
HELD_ELSEWHERE = _("Een ander team begeleidt deze jongere; het dossier is voor u alleen in te "
                   "zien.")
NO_ACCESS = _("U heeft geen toegang tot deze gegevens.")


def read_only_reason(user, youth) -> str:
    """Why ``user`` may read but not write ``youth``'s file (Dutch), or ``""`` when they may.

    The team reason turns read-only when the trajectory closes (ACCESS.md, team casework: "ends:
    trajectory closed and aftercare done; then read-only for the retention term"; the contact
    person's assignment ends with the closure). The file is written by the active contact
    person, or by a casework member of the team that holds the youth's open trajectory; a youth
    registered by their team without any trajectory yet is written by that team. Starting a new
    trajectory (a return, No Wrong Door) is not a write of this file: it stays open to the team.
    The trajectories are read through the youth's reverse relation, so the youth layer imports
    no case app.
    """
    if not user.is_authenticated:
        return str(NO_ACCESS)
    # Through the reverse relations, so a file page that prefetched them asks nothing more.
    if any(a.user_id == user.pk and a.ended_at is None for a in youth.contact_assignments.all()):
        return ""
    teams = user.casework_team_ids
    trajectories = list(youth.trajectories.all())
    running = [t for t in trajectories if t.closed_on is None]
    if any(t.team_id in teams for t in running):
        return ""
    if running and writes_by_other_reason(user, youth):
        return ""
    if running:
        return str(HELD_ELSEWHERE)
    if trajectories:
        return str(CLOSED)
    if youth.team_id is not None and youth.team_id in teams:
        return ""
    return str(NO_ACCESS)


@rules.predicate
def writes_file(user, youth=None) -> bool:
    """See :func:`read_only_reason`. Without a youth (the view's policy, checked before the
    object is known) only the role counts; the view asks again with the youth."""
    return youth is None or not read_only_reason(user, youth)


# Record-level access is the selector's job (youth.access); these gate the views.
rules.add_perm("youth.view_youth", has_casework_role)
rules.add_perm("youth.add_youth", has_casework_role)
rules.add_perm("youth.change_youth", has_casework_role & writes_file)
# Opening one file by its id: any signed-in user may ask, the selector decides. Without a reason
# the answer is 404 (existence is not disclosed) with a 'denied' audit entry for that youth.
rules.add_perm("youth.open_file", rules.is_authenticated)
# Possible duplicates: coaches see the items about files they may see; a functional
# administrator those of the municipalities their organisation serves (ADR 0011).
rules.add_perm("youth.review_duplicates", has_casework_role | is_functional_admin)
# Undoing a merge: a functional administrator only, within the term (ROUTE27_MERGE_UNDO_DAYS).
rules.add_perm("youth.undo_merge", is_functional_admin)
