"""Shared vocabularies of the youth file, as types. Every app reads them from here.

- :data:`ENTRANCES`: how a youth came in (No Wrong Door, S3 §3). A registry: signals registers its
  entrances, the trajectory app "staff", handover its kinds and the support request. Stored on
  ``Trajectory.entrance``.
- :class:`AlertCode`: the clocks a coach is warned about (issue 4 §9).
- :data:`SCHOOL_TYPE_OF`: the school type (``law.SchoolType``) of a school organisation
  (``OrganisationType.SCHOOL_*``); :data:`SUPPORT_REQUEST_SENDER_TYPES`: the schools that
  may ask for support during school (Pw art. 7a lid 1 sub b). Their Dutch names:
  ``law.SCHOOL_TYPE_LABELS``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.core.registry import Registry
from route27.organisations.roles import SCHOOL_ORGANISATION_TYPES, OrganisationType

ENTRANCES = Registry("entrance")


class AlertCode(models.TextChoices):
    TURNS_18 = "turns_18", _("Wordt binnen 30 dagen 18")
    TURNS_27 = "turns_27", _("Wordt binnen 90 dagen 27")
    FOLLOW_UP_OVERDUE = "follow_up_overdue", _("Nazorgcontact te laat")
    NO_CONTACT = "no_contact", _("Te lang geen contact")


SCHOOL_TYPE_OF: dict[str, law.SchoolType] = {
    OrganisationType.SCHOOL_PRO: law.SchoolType.PRO,
    OrganisationType.SCHOOL_VSO: law.SchoolType.VSO,
    OrganisationType.SCHOOL_VO: law.SchoolType.VO,
    OrganisationType.SCHOOL_MBO: law.SchoolType.MBO,
    OrganisationType.SCHOOL_HBO: law.SchoolType.HBO,
    OrganisationType.SCHOOL_WO: law.SchoolType.WO,
}
assert set(SCHOOL_TYPE_OF) == SCHOOL_ORGANISATION_TYPES, "every school organisation has a type"

SUPPORT_REQUEST_SENDER_TYPES = frozenset(
    org for org, school in SCHOOL_TYPE_OF.items() if school in law.SCHOOL_REQUEST_TYPES)
