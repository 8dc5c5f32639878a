"""A vocabulary that apps extend without editing each other: codes with a Dutch label.

An app declares its terms as ``TextChoices`` and registers the class; the registry refuses a code
that another app already registered with a different meaning. The database column holds the code
(no choices, so adding a term needs no migration of another app); labels come from here.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import models


class Registry:
    def __init__(self, name: str):
        self.name = name
        self._labels: dict[str, object] = {}
        self._owners: dict[str, str] = {}

    def register(self, choices: type[models.TextChoices]) -> type[models.TextChoices]:
        """Class decorator: add every member of ``choices`` to this vocabulary."""
        owner = f"{choices.__module__}.{choices.__qualname__}"
        for member in choices:
            known = self._owners.get(member.value)
            if known is not None and known != owner:
                raise ImproperlyConfigured(
                    f"{self.name} {member.value!r} is already registered by {known}")
            self._labels[member.value] = member.label
            self._owners[member.value] = owner
        return choices

    def __contains__(self, code: object) -> bool:
        return code in self._labels

    def label(self, code: str) -> str:
        """The Dutch label; an unknown code is shown as itself (never hidden)."""
        return str(self._labels.get(code, code))

    def owner(self, code: str) -> str | None:
        return self._owners.get(code)
