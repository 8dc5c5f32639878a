"""Who works on the regional programme (issue 15; law.R_PROGRAMME_ROLES). The regional
coordinator and the contactgemeente's policy team keep it; a centrumgemeente's policy team
co-signs for itself and advises on verordeningen; the policy advisers and team leads of the
region's gemeenten read it and contribute. Which region is the scope:
``programme.selectors.regions_for``. Counts only: no file opens by a programme."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_role

rules.add_perm("programme.view_programme",
               has_role(Role.REGIONAL_COORDINATOR, Role.BELEIDSADVISEUR, Role.TEAMLEIDER))
rules.add_perm("programme.change_programme",
               has_role(Role.REGIONAL_COORDINATOR, Role.BELEIDSADVISEUR))
rules.add_perm("programme.contribute", has_role(Role.BELEIDSADVISEUR, Role.TEAMLEIDER))
rules.add_perm("programme.view_overview",
               has_role(Role.REGIONAL_COORDINATOR, Role.BELEIDSADVISEUR))
