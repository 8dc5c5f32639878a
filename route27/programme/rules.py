"""Who works on the regional programme (issue 15). The regional coordinator of the region keeps
it; the policy advisers and team leads of its gemeenten read it. Which region is the scope:
``programme.selectors.regions_for``. Counts only: no file opens by a programme."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_role

rules.add_perm("programme.view_programme",
               has_role(Role.REGIONAL_COORDINATOR, Role.BELEIDSADVISEUR, Role.TEAMLEIDER))
rules.add_perm("programme.change_programme", has_role(Role.REGIONAL_COORDINATOR))
