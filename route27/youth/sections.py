"""The youth app's own sections of the file page (``casefile.sections``): personal details and
guardians, at the end."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from route27.casefile.sections import FileSection, register, register_prefetch
from route27.youth.models import ContactAssignment

# The contact persons, read once by the header, the contact block and the write checks.
register_prefetch("contact_assignments", Prefetch(
    "contact_assignments", queryset=ContactAssignment.objects.select_related("user")))

register(FileSection(key="personal", order=900, template="youth/file/personal.html",
                     nav_label=_("Persoonsgegevens"), anchor="persoonsgegevens"))
register(FileSection(key="guardians", order=910, template="youth/file/guardians.html",
                     nav_label=_("Ouders of voogden"), anchor="ouders"))
