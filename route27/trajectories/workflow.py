"""The seven steps of seed 003 §6 and the one table of allowed step changes.

Steps may be skipped, combined or reordered per youth with a recorded reason (S3 §6). Each edge in
``ALLOWED_TRANSITIONS`` names the rule that allows it; a change that is not in the table, or that
lacks what its rule requires, is refused with the rule that refused it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.core.errors import TransitionRefused


class Step(models.TextChoices):
    SIGNAL = "signal", _("1 Signaal/melding")
    INTAKE = "intake", _("2 Intake en behoefteverkenning")
    ROUTE = "route", _("3 Routebepaling")
    ACTIVATION = "activation", _("4 Activering")
    SUPPORT = "support", _("5 Uitvoering ondersteuning")
    MATCH = "match", _("6 Match")
    AFTERCARE = "aftercare", _("7 Nazorg")
    CLOSED = "closed", _("Afgesloten")
    HANDED_BACK = "handed_back", _("Terug naar Doorstroompunt")


ORDER = [Step.SIGNAL, Step.INTAKE, Step.ROUTE, Step.ACTIVATION, Step.SUPPORT, Step.MATCH,
         Step.AFTERCARE]
TERMINAL = frozenset({Step.CLOSED, Step.HANDED_BACK})


@dataclass(frozen=True)
class Edge:
    rule: str
    citation: str
    needs_reason: bool = False
    needs_outflow: bool = False


NEXT = Edge("next_step", "S3 §6: vaste opbouw in zeven stappen")
SKIP = Edge("skip_steps", "S3 §6: stappen kunnen worden overgeslagen of gecombineerd",
            needs_reason=True)
BACK = Edge("reorder_steps", "S3 §6: stappen kunnen in een andere volgorde worden gezet",
            needs_reason=True)
OUTFLOW = Edge("outflow", "S3 §2 en §6: uitstroom met reden, daarna nazorg", needs_outflow=True)
HAND_BACK = Edge("hand_back_to_doorstroompunt",
                 "Pw art. 7a lid 2; S0 §4.3: school blijkt mogelijk, het Doorstroompunt begeleidt "
                 "terug naar school", needs_reason=True)
AFTERCARE_DONE = Edge("aftercare_done", "S3 §2 situatie 3: nazorg afgerond")
DROP_OUT = Edge("drop_out_reopen", "S3 §2 situatie 2: uitval, opnieuw benaderen",
                needs_reason=True)


def _build() -> dict[tuple[Step, Step], Edge]:
    table: dict[tuple[Step, Step], Edge] = {}
    working = ORDER[:-1]  # every step before aftercare
    for i, source in enumerate(working):
        for j, target in enumerate(working):
            if i == j:
                continue
            table[(source, target)] = NEXT if j == i + 1 else SKIP if j > i else BACK
        table[(source, Step.CLOSED)] = OUTFLOW
        table[(source, Step.AFTERCARE)] = OUTFLOW
    for source in (Step.SIGNAL, Step.INTAKE, Step.ROUTE):
        table[(source, Step.HANDED_BACK)] = HAND_BACK
    table[(Step.AFTERCARE, Step.CLOSED)] = AFTERCARE_DONE
    for target in (Step.INTAKE, Step.ACTIVATION, Step.SUPPORT):
        table[(Step.AFTERCARE, target)] = DROP_OUT
    return table


ALLOWED_TRANSITIONS: dict[tuple[Step, Step], Edge] = _build()


def check_transition(source: str, target: str, *, reason: str = "",
                     outflow_reason: str = "") -> Edge:
    """Return the edge that allows ``source → target`` or raise TransitionRefused (Dutch)."""
    source, target = Step(source), Step(target)
    if source in TERMINAL:
        raise TransitionRefused(
            _("Dit traject is afgesloten (%(step)s). Start een nieuw traject als de jongere "
              "terugkomt (S3 §2, situatie 2).") % {"step": source.label})
    edge = ALLOWED_TRANSITIONS.get((source, target))
    if edge is None:
        raise TransitionRefused(
            _("Van '%(source)s' naar '%(target)s' is niet toegestaan volgens de stappentabel.")
            % {"source": source.label, "target": target.label})
    if edge.needs_reason and not reason.strip():
        raise TransitionRefused(
            _("Geef een reden: %(citation)s.") % {"citation": edge.citation},
            field_errors={"reason": [_("Geef een reden voor deze stap.")]})
    if edge.needs_outflow and not outflow_reason:
        raise TransitionRefused(
            _("Leg de uitstroomreden vast (%(citation)s).") % {"citation": edge.citation},
            field_errors={"outflow_reason": [_("Kies een uitstroomreden.")]})
    return edge


# The way forward from a step, in the order a coach takes it: the next step, else the outflow to
# aftercare, else ending aftercare. The file's "next step" prompt reads it (issue 11).
FORWARD = (NEXT, OUTFLOW, AFTERCARE_DONE)


def next_move(step: str) -> tuple[Step, Edge] | None:
    """The table's edge forward from ``step`` and where it leads (None for a closed file)."""
    if step in TERMINAL:
        return None
    for wanted in FORWARD:
        for (source, target), edge in ALLOWED_TRANSITIONS.items():
            if source == step and edge is wanted and (
                    edge is not OUTFLOW or target == Step.AFTERCARE):
                return target, edge
    return None
