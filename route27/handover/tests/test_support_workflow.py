"""The lifecycle table of a request for support during school (handover/support/workflow.py)."""

import itertools

import pytest

from route27.core.errors import TransitionRefused
from route27.handover.models import SupportRequest
from route27.handover.support.workflow import DECIDED, RECEIVER, SCHOOL, TRANSITIONS, check

Status = SupportRequest.Status


def test_the_table():
    assert TRANSITIONS == {
        (Status.SENT, Status.ACCEPTED): ("accept", RECEIVER),
        (Status.SENT, Status.DECLINED): ("decline", RECEIVER),
    }


def test_every_state_in_the_table_is_a_status_and_every_status_is_reachable():
    states = {state for edge in TRANSITIONS for state in edge}
    assert states == set(Status.values)
    assert {target for _source, target in TRANSITIONS} | {Status.SENT} == set(Status.values)


def test_a_decided_request_is_final():
    assert DECIDED == {Status.ACCEPTED, Status.DECLINED}
    assert not [edge for edge in TRANSITIONS if edge[0] in DECIDED]


@pytest.mark.parametrize(("source", "target"), list(TRANSITIONS))
def test_the_receiver_takes_each_edge(source, target):
    assert check(source, target, RECEIVER) == TRANSITIONS[(source, target)][0]


@pytest.mark.parametrize("side", [SCHOOL, None])
@pytest.mark.parametrize(("source", "target"), list(TRANSITIONS))
def test_only_the_receiving_gemeente_decides(source, target, side):
    with pytest.raises(TransitionRefused,
                       match="Alleen een medewerker van de ontvangende gemeente"):
        check(source, target, side)


@pytest.mark.parametrize(("source", "target"), [
    (source, target) for source, target in itertools.product(DECIDED, DECIDED)])
def test_a_decided_request_cannot_be_decided_again(source, target):
    with pytest.raises(TransitionRefused, match="Over deze aanvraag is al besloten"):
        check(source, target, RECEIVER)


def test_the_side_is_refused_before_the_status():
    """Someone who may not decide hears so, also on a request that was decided already."""
    with pytest.raises(TransitionRefused, match="Alleen een medewerker"):
        check(Status.ACCEPTED, Status.DECLINED, SCHOOL)
