"""Who may use Mijn Route27: a user with an active portal account (own youth, or parent of a
minor). Which data they then see is fixed by the account itself (portal.selectors)."""

import rules


def active_account(user):
    """The user's active PortalAccount or None. The reverse one-to-one caches hits and misses on
    the user object, so the middleware, the template and the view share one query."""
    if not user.is_authenticated:
        return None
    from route27.portal.models import PortalAccount

    try:
        account = user.portal_account
    except PortalAccount.DoesNotExist:
        return None
    return account if account.is_active() else None


@rules.predicate
def has_portal_account(user) -> bool:
    return active_account(user) is not None


rules.add_perm("portal.use_portal", has_portal_account)
