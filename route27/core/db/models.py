"""Model-level half of the append-only guard (the database half is ``append_only``)."""

from django.db import models


class AppendOnlyError(Exception):
    pass


class AppendOnlyModel(models.Model):
    """A row is written once: saving an existing row or deleting one is refused in Python, and
    the database trigger refuses it for anything that bypasses the model."""

    refused_change = "Deze regel kan niet worden gewijzigd."
    refused_delete = "Deze regel kan niet worden verwijderd."

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError(self.refused_change)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(self.refused_delete)
