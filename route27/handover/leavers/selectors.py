"""Who may import a leavers list, and what its rows become."""

from __future__ import annotations

from route27.handover.kinds import HandoverKind
from route27.handover.selectors import organisations_of
from route27.organisations.models import Organisation
from route27.organisations.roles import OrganisationType

# Only these schools hand leavers over to the municipality; the kind each school's rows become.
KIND_FOR_SCHOOL = {
    OrganisationType.SCHOOL_MBO: HandoverKind.MBO_MUNICIPALITY,
    OrganisationType.SCHOOL_PRO: HandoverKind.PRO_VSO_MUNICIPALITY,
    OrganisationType.SCHOOL_VSO: HandoverKind.PRO_VSO_MUNICIPALITY,
}


def importing_school(user) -> Organisation | None:
    """The user's pro, vso or mbo school (only these may hand over to the municipality)."""
    return (organisations_of(user).filter(type__in=list(KIND_FOR_SCHOOL)).order_by("pk")
            .first())


# The two background jobs of an import (core.jobs): checking the file, then making the drafts.
CHECK_JOB = "leavers_check"
IMPORT_JOB = "leavers_import"
JOB_KINDS = (CHECK_JOB, IMPORT_JOB)
