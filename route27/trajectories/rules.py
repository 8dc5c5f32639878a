"""Permission predicates for trajectory work. Record scoping is in the selectors.

Writing is narrower than reading: team casework is read-only after closure (ACCESS.md), so a
write asks the permission *with its object* (a trajectory, one of its goals, actions, proposals
or follow-ups, or the youth), and :func:`read_only_reason` says why it is refused. Without an
object (the view's declared policy) only the role counts.
"""

import rules

from route27.organisations.roles import OrganisationType, Role
from route27.organisations.rules import has_casework_role, has_role
from route27.youth.rules import CLOSED
from route27.youth.rules import read_only_reason as file_read_only_reason

is_team_lead = has_role(Role.TEAMLEIDER)


def trajectory_of(obj):
    """The trajectory a goal, plan action, route decision or follow-up belongs to (itself for a
    trajectory); None for anything else (a youth)."""
    if hasattr(obj, "goal"):
        return obj.goal.trajectory
    if hasattr(obj, "trajectory"):
        return obj.trajectory
    return obj if hasattr(obj, "closed_on") else None


def read_only_reason(user, obj) -> str:
    """Why ``user`` may not write ``obj`` (Dutch), or ``""`` when they may. A trajectory is
    written only while it is open, by whoever may write the youth's file
    (``youth.rules.read_only_reason``: the contact person, or the team holding the open
    trajectory)."""
    trajectory = trajectory_of(obj)
    if trajectory is None:
        return file_read_only_reason(user, obj)
    if not trajectory.is_open:
        return str(CLOSED)
    return file_read_only_reason(user, trajectory.youth)


@rules.predicate
def writes(user, obj=None) -> bool:
    return obj is None or not read_only_reason(user, obj)


@rules.predicate
def is_doorstroompunt_coach(user) -> bool:
    """A doorstroomcoach of a Doorstroompunt: who may do the joint assessment (Pw art. 7a lid 2).
    Which youth is the selector's job (``selectors.joint_assessments_for``)."""
    return user.is_authenticated and user.holds_role(
        {Role.DOORSTROOMCOACH}, organisation_types={OrganisationType.DOORSTROOMPUNT})


rules.add_perm("trajectories.view_trajectory", has_casework_role)
rules.add_perm("trajectories.change_trajectory", has_casework_role & writes)
rules.add_perm("trajectories.view_worklist", has_casework_role)
rules.add_perm("trajectories.view_intake_queue", has_casework_role)
rules.add_perm("trajectories.view_caseload", is_team_lead)
rules.add_perm("trajectories.assign_contact_person", has_casework_role & writes)
rules.add_perm("trajectories.joint_assessment", is_doorstroompunt_coach)


# The catalogue of provisions (issue 13 §8): every professional reads it ("Wie kan ik
# bellen?"); a regional coordinator keeps the region's entries, a functional administrator the
# municipality's (which entry: ``catalogue.services.may_keep``).
@rules.predicate
def is_professional(user) -> bool:
    return user.is_authenticated and user.primary_membership is not None


rules.add_perm("trajectories.view_catalogue", is_professional)
rules.add_perm("trajectories.keep_catalogue",
               has_role(Role.REGIONAL_COORDINATOR, Role.FUNCTIONEEL_BEHEERDER))
