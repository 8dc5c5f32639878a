import rules

from route27.organisations.rules import has_casework_role, is_functional_admin

# Record-level access is the selector's job (youth.access); these gate the views.
rules.add_perm("youth.view_youth", has_casework_role)
rules.add_perm("youth.add_youth", has_casework_role)
rules.add_perm("youth.change_youth", has_casework_role)
# Opening one file by its id: any signed-in user may ask, the selector decides. Without a reason
# the answer is 404 (existence is not disclosed) with a 'denied' audit entry for that youth.
rules.add_perm("youth.open_file", rules.is_authenticated)
# Possible duplicates: coaches see the items about files they may see; a functional
# administrator those of the municipalities their organisation serves (ADR 0011).
rules.add_perm("youth.review_duplicates", has_casework_role | is_functional_admin)
# Undoing a merge: a functional administrator only, within the term (ROUTE27_MERGE_UNDO_DAYS).
rules.add_perm("youth.undo_merge", is_functional_admin)
