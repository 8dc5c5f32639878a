"""Permission predicates for trajectory work. Record scoping is in the selectors."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_casework_role, has_role

is_team_lead = has_role(Role.TEAMLEIDER)

rules.add_perm("trajectories.view_trajectory", has_casework_role)
rules.add_perm("trajectories.change_trajectory", has_casework_role)
rules.add_perm("trajectories.view_worklist", has_casework_role)
rules.add_perm("trajectories.view_intake_queue", has_casework_role)
rules.add_perm("trajectories.view_caseload", is_team_lead)
rules.add_perm("trajectories.assign_contact_person", has_casework_role)
