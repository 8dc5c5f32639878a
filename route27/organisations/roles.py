"""Roles a member of a team can have, and the groups of roles the access rules use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DOORSTROOMCOACH = "doorstroomcoach", _("Doorstroomcoach")
    JONGERENCOACH_WERK = "jongerencoach_werk", _("Jongerencoach werk")
    LEERPLICHTAMBTENAAR = "leerplichtambtenaar", _("Leerplichtambtenaar")
    CONSULENT_WI = "consulent_wi", _("Consulent Werk en Inkomen")
    SOCIAAL_TEAM = "sociaal_team", _("Medewerker sociaal team")
    SCHOOL_CONTACT = "school_contact", _("Contactpersoon school")
    TEAMLEIDER = "teamleider", _("Teamleider")
    BELEIDSADVISEUR = "beleidsadviseur", _("Beleidsadviseur")
    REGIONAL_COORDINATOR = "regional_coordinator", _("Regionaal coördinator")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


# Roles that work on individual youth files. Only these get the "same team" access reason:
# a policy adviser, regional coordinator or functional administrator sees aggregates, not files.
CASEWORK_ROLES = frozenset(
    {
        Role.DOORSTROOMCOACH,
        Role.JONGERENCOACH_WERK,
        Role.LEERPLICHTAMBTENAAR,
        Role.CONSULENT_WI,
        Role.SOCIAAL_TEAM,
        Role.TEAMLEIDER,
    }
)

# Roles that can be a youth's fixed contact person (seed 003 §1).
CONTACT_PERSON_ROLES = frozenset(
    {Role.DOORSTROOMCOACH, Role.JONGERENCOACH_WERK, Role.LEERPLICHTAMBTENAAR, Role.CONSULENT_WI}
)


class OrganisationType(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    SCHOOL_PRO = "school_pro", _("School: praktijkonderwijs")
    SCHOOL_VSO = "school_vso", _("School: voortgezet speciaal onderwijs")
    SCHOOL_VO = "school_vo", _("School: voortgezet onderwijs")
    SCHOOL_MBO = "school_mbo", _("School: mbo")
    SCHOOL_HBO = "school_hbo", _("School: hbo")
    SCHOOL_WO = "school_wo", _("School: wo")
    DOORSTROOMPUNT = "doorstroompunt", _("Doorstroompunt")
    WERKCENTRUM = "werkcentrum", _("Werkcentrum (regionaal, SUWI)")
    SOCIAAL_TEAM = "sociaal_team", _("Sociaal team")
    UWV = "uwv", _("UWV")
    JONGERENWERK = "jongerenwerk", _("Jongerenwerk")
    OTHER = "other", _("Overig")


# The organisation types that are schools; their school type in the route engine:
# route27.casefile.vocabularies.SCHOOL_TYPE_OF.
SCHOOL_ORGANISATION_TYPES = frozenset(
    t for t in OrganisationType if t.value.startswith("school_"))
