"""Who may plan and record appointments. Which youth is the selectors' job (the youth scope);
writing follows the trajectory: read-only after closure (``trajectories.rules``)."""

import rules

from route27.organisations.rules import has_casework_role
from route27.trajectories.rules import read_only_reason


def appointment_read_only_reason(user, appointment_or_trajectory) -> str:
    """Why ``user`` may not write this appointment (or plan on this trajectory), or ``""``."""
    return read_only_reason(user, appointment_or_trajectory)


@rules.predicate
def writes(user, obj=None) -> bool:
    return obj is None or not appointment_read_only_reason(user, obj)


rules.add_perm("appointments.view_appointment", has_casework_role)
rules.add_perm("appointments.change_appointment", has_casework_role & writes)
