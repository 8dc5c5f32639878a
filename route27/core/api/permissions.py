from rest_framework.permissions import BasePermission


class RulesPermission(BasePermission):
    """Checks the ``rules`` permission the view names for the current action."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        perm = view.permission_map.get(getattr(view, "action", None), view.access_policy)
        return request.user.has_perm(perm)
