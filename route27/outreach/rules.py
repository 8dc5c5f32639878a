"""Who may import deliveries, work outreach cases and read the status list. Which youth is the
selectors' job (the team's cases; the files the user may see)."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_casework_role, has_role

# A delivery is imported by the team that does outreach, or by the policy adviser who receives
# the deliveries (Jongeren in Beeld is fetched by the municipality, not by a coach).
imports_deliveries = has_casework_role | has_role(Role.BELEIDSADVISEUR)

rules.add_perm("outreach.import_delivery", imports_deliveries)
rules.add_perm("outreach.work_case", has_casework_role)
rules.add_perm("outreach.view_status_list", has_casework_role | has_role(Role.BELEIDSADVISEUR))
