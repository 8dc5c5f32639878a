"""Permission predicates for signals. Which signals a user sees is the selectors' job (team)."""

import rules

from route27.organisations.rules import has_casework_role

rules.add_perm("signals.view_signal", has_casework_role)
rules.add_perm("signals.add_signal", has_casework_role)
rules.add_perm("signals.change_signal", has_casework_role)
