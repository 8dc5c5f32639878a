import rules

from route27.handover.kinds import ENDS
from route27.organisations.roles import CASEWORK_ROLES, Role
from route27.organisations.rules import has_membership, has_role

# Roles that act on handovers for their organisation: school contacts and caseworkers. A policy
# adviser or functional administrator of a receiving gemeente never reads an overgangsdocument.
ACTING_ROLES = frozenset({*CASEWORK_ROLES, Role.SCHOOL_CONTACT})
SENDER_TYPES = frozenset().union(*(senders for senders, _ in ENDS.values()))


@rules.predicate
def has_acting_role(user) -> bool:
    return user.is_authenticated and user.holds_role(ACTING_ROLES)


@rules.predicate
def sends_handovers(user) -> bool:
    """An acting role in an organisation that can send at least one kind of handover."""
    return user.is_authenticated and user.holds_role(ACTING_ROLES,
                                                     organisation_types=SENDER_TYPES)


is_school_contact = has_role(Role.SCHOOL_CONTACT)

rules.add_perm("handover.view_handover", has_membership)
rules.add_perm("handover.add_handover", has_membership)
# Drafting a handover from the screen (registers the pupil by BSN when unknown).
rules.add_perm("handover.draft_handover", sends_handovers)
# Acting on a handover (document, consent, send, receive, accept, return, meeting); the side
# (sender or receiver) is checked by the view and the services.
rules.add_perm("handover.change_handover", has_acting_role)
