"""Who may do what in the collaboration app. Which youth is the selectors' job."""

import rules

from route27.organisations.roles import Role
from route27.organisations.rules import has_casework_role, has_role

is_social_team = has_role(Role.SOCIAAL_TEAM)

# Register involvement, take part in a casusoverleg, plan one: casework roles (a sociaal-team
# member is one). A school contact registers involvement too: the school is a chain partner.
is_involved_professional = has_casework_role | has_role(Role.SCHOOL_CONTACT)

rules.add_perm("casework.register_involvement", is_involved_professional)
rules.add_perm("casework.view_involvement", is_involved_professional)
rules.add_perm("casework.view_regie", is_social_team)
rules.add_perm("casework.take_regie", is_social_team)
rules.add_perm("casework.request_regie", has_casework_role)
rules.add_perm("casework.view_case_meeting", is_involved_professional)
rules.add_perm("casework.plan_case_meeting", has_casework_role)
rules.add_perm("casework.view_tasks", rules.is_authenticated)
