import rules

from route27.organisations.roles import OrganisationType, Role
from route27.organisations.rules import has_membership, has_role


@rules.predicate
def in_doorstroompunt(user) -> bool:
    return user.is_authenticated and user.memberships.filter(
        is_active=True, team__organisation__type=OrganisationType.DOORSTROOMPUNT).exists()


is_school_contact = has_role(Role.SCHOOL_CONTACT)

rules.add_perm("handover.view_handover", has_membership)
rules.add_perm("handover.add_handover", has_membership)
# A named permission: sharing without consent on the Doorstroompunt's own legal task.
rules.add_perm("handover.override_consent", in_doorstroompunt)
