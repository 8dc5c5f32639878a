"""Who reads and keeps the results (ACCESS.md "aggregates": counts only). Which municipalities,
region or team is the view's scope: ``monitoring.selectors``."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_role

rules.add_perm("monitoring.view_dashboard", has_role(Role.TEAMLEIDER, Role.BELEIDSADVISEUR))
rules.add_perm("monitoring.view_region", has_role(Role.REGIONAL_COORDINATOR))
rules.add_perm("monitoring.keep_capacity", has_role(Role.TEAMLEIDER))
rules.add_perm("monitoring.set_targets", has_role(Role.BELEIDSADVISEUR))
