"""No view across municipalities shows a count of 1–4, not even by subtraction (ACCESS.md)."""

from __future__ import annotations

import random

from route27.monitoring import suppression
from route27.monitoring.suppression import HIDDEN


def test_small_counts_are_hidden_and_zero_is_shown():
    shown, totals = suppression.table([[0], [3], [40], [12]], totals=[55])
    assert [r[0] for r in shown] == [0, HIDDEN, 40, HIDDEN]  # 12 hidden too: else 55−52=3
    assert totals == [55]
    assert str(HIDDEN) == "< 5"


def test_a_total_is_hidden_when_nothing_else_can_be():
    shown, totals = suppression.table([[2], [0]], totals=[2])
    assert [r[0] for r in shown] == [HIDDEN, 0] and totals == [HIDDEN]


def test_a_part_beside_its_whole_is_hidden_when_the_rest_is_small():
    # 20 in a trajectory, 18 at the Doorstroompunt: 2 elsewhere, so 18 is hidden.
    shown, _ = suppression.table([[20, 18], [30, 10], [25, 5]], totals=[75, 33],
                                 parts=((1, 0),))
    assert shown[0][1] is HIDDEN and shown[1][1] == 10


def test_differences_are_hidden_when_small_or_of_a_hidden_term():
    assert suppression.difference(40, 37) is HIDDEN
    assert suppression.difference(40, 30) == 10
    assert suppression.difference(HIDDEN, 30) is HIDDEN


def _revealed(raw: list[int], cells: list, total) -> bool:
    """Whether a hidden cell's value follows from the shown ones: one hidden cell beside a
    shown total, or hidden cells that must all be small (their sum at most 4 each)."""
    hidden = [raw[i] for i, c in enumerate(cells) if c is HIDDEN]
    if not hidden or total is HIDDEN:
        return False
    rest = total - sum(c for c in cells if c is not HIDDEN)
    return len(hidden) == 1 or rest < suppression.THRESHOLD + 1


def test_random_tables_never_show_or_give_back_a_small_count():
    rng = random.Random(14)
    for _ in range(2000):
        rows = rng.randint(1, 8)
        raw = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 20, 150]) for _c in range(3)]
               for _r in range(rows)]
        totals = [sum(r[c] for r in raw) for c in range(3)]
        shown, shown_totals = suppression.table(raw, totals=totals)
        for c in range(3):
            column = [r[c] for r in shown]
            assert not any(suppression.small(v) for v in column)
            assert not suppression.small(shown_totals[c])
            assert not _revealed([r[c] for r in raw], column, shown_totals[c]), (raw, shown)
