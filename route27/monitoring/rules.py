"""Who reads the results dashboard: aggregates only (ACCESS.md: team lead, beleidsadviseur);
which municipalities is the view's scope (``monitoring.views.municipalities_of``)."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_role

rules.add_perm("monitoring.view_dashboard", has_role(Role.TEAMLEIDER, Role.BELEIDSADVISEUR))
