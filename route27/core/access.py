"""Every view declares who may call it; the AccessPolicyMiddleware enforces it (deny by default).

A policy is either :data:`PUBLIC` or the name of a ``rules`` permission that the user must hold.
Which *records* a user may then see is decided by the app selectors, never by the view.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.dispatch import Signal

# Sent when a signed-in user is refused a view for a missing permission. The audit app logs it;
# core itself writes nothing to the log (it sits below audit).
view_refused = Signal()  # kwargs: user, view_name, policy

PUBLIC = "public"
AUTHENTICATED = "core.authenticated"

# Third-party URL namespaces that carry their own access check.
SELF_GUARDED_NAMESPACES = {"admin": "Django admin: staff login via AdminSite.has_permission"}


def access_policy(policy: str) -> Callable:
    """Declare the policy of a function-based view."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return view(*args, **kwargs)

        wrapper.access_policy = policy  # type: ignore[attr-defined]
        return wrapper

    return decorate


def policy_of(callback: Callable) -> str | None:
    """The declared policy of a URL callback (function view, class-based view or DRF view)."""
    for holder in (
        callback,
        getattr(callback, "view_class", None),
        getattr(callback, "cls", None),
    ):
        policy = getattr(holder, "access_policy", None)
        if policy:
            return policy
    return None
