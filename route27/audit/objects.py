"""What an audit row can be about: a registry every app extends with its own object types.

``AuditEntry.object_type`` holds a registered code, ``object_id`` the object's public id (or
primary key), and ``subject`` the youth whose data it is.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.core.registry import Registry

AUDIT_OBJECTS = Registry("audit object type")


@AUDIT_OBJECTS.register
class CoreObject(models.TextChoices):
    VIEW = "view", _("Pagina of API-bewerking")
    SESSION = "session", _("Sessie (inloggen en uitloggen)")


def reference(obj) -> tuple[str, str]:
    """(object type, object id) of a model instance that declares ``AUDIT_TYPE``."""
    object_id = getattr(obj, "public_id", None) or obj.pk
    return obj.AUDIT_TYPE, str(object_id)
