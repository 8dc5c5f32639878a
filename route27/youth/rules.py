import rules

from route27.organisations.rules import has_casework_role

# Record-level access is the selector's job (youth.access); these gate the views.
rules.add_perm("youth.view_youth", has_casework_role)
rules.add_perm("youth.add_youth", has_casework_role)
rules.add_perm("youth.change_youth", has_casework_role)
