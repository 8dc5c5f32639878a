"""Every view declares who may call it; the AccessPolicyMiddleware enforces it (deny by default).

A policy is either :data:`PUBLIC` or the name of a ``rules`` permission that the user must hold.
Which *records* a user may then see is decided by the app selectors, never by the view.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.dispatch import Signal

from route27.core import request_context

# Sent once for a refused request of a signed-in user that no selector or service has logged
# already (``AccessPolicyMiddleware``): a missing permission, a 403 or 404 answer, or a refusal a
# view shows as a message. The audit app logs it as ``denied``; core itself writes nothing to the
# log (it sits below audit).
view_refused = Signal()  # kwargs: user, view_name, policy

PUBLIC = "public"
AUTHENTICATED = "core.authenticated"

# Third-party URL namespaces that carry their own access check.
SELF_GUARDED_NAMESPACES = {"admin": "Django admin: staff login via AdminSite.has_permission"}


def note_denied() -> None:
    """A ``denied`` row about the object was written for this request (``casefile.services
    .record_denied``): the middleware writes no second one."""
    state = request_context.refusal.get()
    if state is not None:
        state.denied_rows += 1


def note_refused(reason: str) -> None:
    """This request is refused although its answer may not say so by its status (a view shows
    the refusal as a message and redirects). Raising :class:`route27.core.errors.Refused` notes
    it; a view that refuses in its own words calls this."""
    state = request_context.refusal.get()
    if state is not None and not state.reason:
        state.reason = reason


def note_nothing_refused() -> None:
    """This request's 404 is about no one (a page of a list past the last): not a refusal."""
    state = request_context.refusal.get()
    if state is not None:
        state.nothing_refused = True


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
