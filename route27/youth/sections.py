"""The youth app's own sections of the file page (``casefile.sections``): personal details and
guardians, at the end."""

from django.utils.translation import gettext_lazy as _

from route27.casefile.sections import FileSection, register

register(FileSection(key="personal", order=900, template="youth/file/personal.html",
                     nav_label=_("Persoonsgegevens"), anchor="persoonsgegevens"))
register(FileSection(key="guardians", order=910, template="youth/file/guardians.html",
                     nav_label=_("Ouders of voogden"), anchor="ouders"))
