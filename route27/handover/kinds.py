"""The seven interfaces regions name (S0 §9, Rijnmond 'deelprocessen') plus gemeente → DSP."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.organisations.roles import OrganisationType as Org
from route27.organisations.selectors import serves_municipality, serves_region_of


class HandoverKind(models.TextChoices):
    MBO_MUNICIPALITY = "mbo_gemeente", _("Mbo → gemeente")
    DSP_MUNICIPALITY = "dsp_gemeente", _("Doorstroompunt → gemeente")
    PRO_VSO_MUNICIPALITY = "provso_gemeente", _("Pro/vso → gemeente")
    MBO_DSP = "mbo_dsp", _("Mbo → Doorstroompunt")
    PRO_VSO_DSP = "provso_dsp", _("Pro/vso → Doorstroompunt")
    PRO_MBO = "pro_mbo", _("Pro → mbo")
    VSO_MBO = "vso_mbo", _("Vso → mbo")
    MUNICIPALITY_DSP = "gemeente_dsp", _("Gemeente → Doorstroompunt (gezamenlijke intake)")


# Which sender and receiver organisation types each kind connects.
ENDS = {
    HandoverKind.MBO_MUNICIPALITY: ({Org.SCHOOL_MBO}, {Org.GEMEENTE}),
    HandoverKind.DSP_MUNICIPALITY: ({Org.DOORSTROOMPUNT}, {Org.GEMEENTE}),
    HandoverKind.PRO_VSO_MUNICIPALITY: ({Org.SCHOOL_PRO, Org.SCHOOL_VSO}, {Org.GEMEENTE}),
    HandoverKind.MBO_DSP: ({Org.SCHOOL_MBO}, {Org.DOORSTROOMPUNT}),
    HandoverKind.PRO_VSO_DSP: ({Org.SCHOOL_PRO, Org.SCHOOL_VSO}, {Org.DOORSTROOMPUNT}),
    HandoverKind.PRO_MBO: ({Org.SCHOOL_PRO}, {Org.SCHOOL_MBO}),
    HandoverKind.VSO_MBO: ({Org.SCHOOL_VSO}, {Org.SCHOOL_MBO}),
    HandoverKind.MUNICIPALITY_DSP: ({Org.GEMEENTE}, {Org.DOORSTROOMPUNT}),
}

# School to school: the receiving school sees the status, never a municipal file.
SCHOOL_TO_SCHOOL = frozenset({HandoverKind.PRO_MBO, HandoverKind.VSO_MBO})

# Kinds that carry the art. 7a presumption into the route engine when accepted by a gemeente.
ARRIVAL = {
    HandoverKind.MBO_MUNICIPALITY: law.Arrival.TRANSFER_MBO,
    HandoverKind.DSP_MUNICIPALITY: law.Arrival.TRANSFER_DOORSTROOMPUNT,
}


def arrival_for_handover(kind: str, sender_type: str) -> law.Arrival | None:
    """The arrival an accepted handover of this kind brings into the route engine, or None."""
    if kind == HandoverKind.PRO_VSO_MUNICIPALITY:
        return law.Arrival.TRANSFER_PRO if sender_type == Org.SCHOOL_PRO else \
            law.Arrival.TRANSFER_VSO
    return ARRIVAL.get(kind)


def receiver_problem(receiver, youth) -> str:
    """Why ``receiver`` may not receive a handover or support request about ``youth`` ('' when it
    may). A gemeente must serve the youth's municipality, a Doorstroompunt the youth's region
    (ACCESS.md: receivers are checked, not chosen freely). Schools receive pupils from anywhere."""
    municipality = youth.municipality
    if receiver.type == Org.GEMEENTE and not serves_municipality(receiver, municipality):
        return gettext("Deze gemeente werkt niet voor de woongemeente van de jongere "
                       "(%(gemeente)s).") % {"gemeente": municipality.name}
    if receiver.type == Org.DOORSTROOMPUNT and not serves_region_of(receiver, municipality):
        return gettext("Dit Doorstroompunt werkt niet voor de regio van de woongemeente van de "
                       "jongere (%(gemeente)s).") % {"gemeente": municipality.name}
    return ""
