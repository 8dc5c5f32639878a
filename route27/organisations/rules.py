"""Permission predicates (``rules``) on roles. Record-level scoping lives in the selectors."""

import rules

from route27.organisations.roles import CASEWORK_ROLES, Role


@rules.predicate
def has_membership(user) -> bool:
    return user.is_authenticated and user.primary_membership is not None


@rules.predicate
def has_casework_role(user) -> bool:
    return user.is_authenticated and bool(user.casework_team_ids)


def has_role(*roles: Role):
    names = {str(r) for r in roles}

    @rules.predicate(name=f"has_role({','.join(sorted(names))})")
    def predicate(user) -> bool:
        return user.is_authenticated and user.holds_role(names)

    return predicate


is_functional_admin = has_role(Role.FUNCTIONEEL_BEHEERDER)

rules.add_perm("core.authenticated", rules.is_authenticated)
rules.add_perm("organisations.view_reference_data", rules.is_authenticated)
rules.add_perm("organisations.manage_organisations", is_functional_admin)
__all__ = ["CASEWORK_ROLES", "has_casework_role", "has_membership", "has_role"]
