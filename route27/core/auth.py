"""Authentication by username and password, without Django's model permissions.

Every right is a ``rules`` permission (``rules.permissions.ObjectPermissionBackend``, first in
``AUTHENTICATION_BACKENDS``). Django's ModelBackend would answer each check ``rules`` refuses
with two queries for user and group permissions that Route27 never grants (issue 12: a refused
``perms`` check in a template cost two queries on every page). This backend still logs people in
and still gives a superuser every right; it grants nobody else a model permission.
"""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    def get_user_permissions(self, user_obj, obj=None):
        return super().get_user_permissions(user_obj, obj) if user_obj.is_superuser else set()

    def get_group_permissions(self, user_obj, obj=None):
        return super().get_group_permissions(user_obj, obj) if user_obj.is_superuser else set()
