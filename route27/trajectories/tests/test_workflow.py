import pytest

from route27.core.errors import TransitionRefused
from route27.trajectories.workflow import (
    ALLOWED_TRANSITIONS,
    ORDER,
    TERMINAL,
    Step,
    check_transition,
)


def test_natural_next_step_needs_no_reason():
    for source, target in zip(ORDER[:-2], ORDER[1:-1], strict=True):
        assert check_transition(source, target).rule == "next_step"


def test_skipping_and_reordering_need_a_reason():
    with pytest.raises(TransitionRefused) as caught:
        check_transition(Step.INTAKE, Step.MATCH)
    assert "S3 §6" in caught.value.message
    assert check_transition(Step.INTAKE, Step.MATCH, reason="direct werk gevonden").rule == \
        "skip_steps"
    assert check_transition(Step.SUPPORT, Step.ACTIVATION, reason="opnieuw activeren").rule == \
        "reorder_steps"


def test_closing_needs_an_outflow_reason():
    with pytest.raises(TransitionRefused) as caught:
        check_transition(Step.MATCH, Step.CLOSED)
    assert "outflow_reason" in caught.value.field_errors
    assert check_transition(Step.MATCH, Step.AFTERCARE, outflow_reason="duurzaam_werk").rule == \
        "outflow"


def test_hand_back_to_doorstroompunt_is_its_own_transition():
    assert check_transition(Step.INTAKE, Step.HANDED_BACK, reason="school mogelijk").rule == \
        "hand_back_to_doorstroompunt"
    with pytest.raises(TransitionRefused):
        check_transition(Step.MATCH, Step.HANDED_BACK, reason="x")


@pytest.mark.parametrize("terminal", sorted(TERMINAL))
def test_nothing_leaves_a_closed_trajectory(terminal):
    for target in Step:
        assert (terminal, target) not in ALLOWED_TRANSITIONS
    with pytest.raises(TransitionRefused, match="nieuw traject"):
        check_transition(terminal, Step.INTAKE, reason="x")


def test_aftercare_only_closes_or_reopens():
    targets = {t for (s, t) in ALLOWED_TRANSITIONS if s == Step.AFTERCARE}
    assert targets == {Step.CLOSED, Step.INTAKE, Step.ACTIVATION, Step.SUPPORT}


def test_same_step_is_refused():
    with pytest.raises(TransitionRefused, match="niet toegestaan"):
        check_transition(Step.INTAKE, Step.INTAKE, reason="x")


def test_the_way_forward_follows_the_table():
    """Issue 11: the file's "next step" prompt reads the table, never a second list."""
    from route27.trajectories.workflow import (
        AFTERCARE_DONE,
        ALLOWED_TRANSITIONS,
        NEXT,
        OUTFLOW,
        next_move,
    )

    for source, target in zip(ORDER[:-2], ORDER[1:-1], strict=True):
        assert next_move(source) == (target, NEXT)
        assert ALLOWED_TRANSITIONS[(source, target)] is NEXT
    assert next_move(Step.MATCH) == (Step.AFTERCARE, OUTFLOW)
    assert next_move(Step.AFTERCARE) == (Step.CLOSED, AFTERCARE_DONE)
    assert next_move(Step.CLOSED) is None and next_move(Step.HANDED_BACK) is None
