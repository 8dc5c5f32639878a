"""Small counts across municipalities are not shown (ACCESS.md "aggregates"; CBS practice).

A count of 1 to 4 in a view that crosses municipalities is shown as "< 5" (primary
suppression). So that no subtraction gives it back, a column with a shown total never has a
single hidden cell, nor only hidden cells of 1–4: the smallest other count is hidden as well
(secondary suppression), or else the total. A part beside its whole (the youth at the
Doorstroompunt beside the youth in a trajectory) is hidden when the rest would be 1–4, and a
difference is hidden when it is 1–4 or one of its terms is hidden. Zero is shown: it says
nobody, which reveals no one.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5  # counts 1..THRESHOLD-1 are hidden


@dataclass(frozen=True)
class Hidden:
    """A count that is not shown."""

    def __str__(self) -> str:
        return f"< {THRESHOLD}"


HIDDEN = Hidden()


def small(n) -> bool:
    return isinstance(n, int) and 0 < n < THRESHOLD


def _hide_column(values: list, total, already: list[bool]) -> tuple[list, object]:
    """Hide the small cells of a column and what would reveal them through the total;
    ``already``: cells hidden before (a part beside its whole)."""
    cells = [HIDDEN if small(v) or already[i] else v for i, v in enumerate(values)]
    hidden = [i for i, v in enumerate(cells) if v is HIDDEN]
    if hidden and total is not None and (
            len(hidden) == 1 or all(small(values[i]) for i in hidden)):
        others = sorted((v, i) for i, v in enumerate(values)
                        if cells[i] is not HIDDEN and isinstance(v, int) and v > 0)
        if others:
            cells[others[0][1]] = HIDDEN
        else:
            total = HIDDEN
    if small(total):
        total = HIDDEN
    return cells, total


def table(rows: list[list], *, totals: list | None = None,
          parts: tuple[tuple[int, int], ...] = ()) -> tuple[list[list], list | None]:
    """Suppress a table whose rows cross municipalities: ``rows`` of counts (None where a
    cell is not a count), ``totals`` the column totals shown under them (None for a column
    without one), ``parts`` pairs of (part column, whole column) on each row."""
    width = len(rows[0]) if rows else 0
    already = [[False] * width for _ in rows]
    for r, row in enumerate(rows):
        for part, whole in parts:
            if (isinstance(row[whole], int) and isinstance(row[part], int)
                    and small(row[whole] - row[part])):
                already[r][part] = True
    shown = [list(row) for row in rows]
    new_totals = list(totals) if totals is not None else None
    for c in range(width):
        column = [row[c] for row in rows]
        if all(v is None for v in column):
            continue
        total = new_totals[c] if new_totals is not None else None
        cells, total = _hide_column(column, total, [a[c] for a in already])
        for r, cell in enumerate(cells):
            shown[r][c] = cell
        if new_totals is not None:
            new_totals[c] = total
    return shown, new_totals


def difference(a, b):
    """``a - b``, or hidden when a term is hidden or the difference is 1–4 either way."""
    if a is HIDDEN or b is HIDDEN or a is None or b is None:
        return HIDDEN if (a is HIDDEN or b is HIDDEN) else None
    d = a - b
    return HIDDEN if small(abs(d)) else d


def chart_value(v):
    """A hidden count is a gap in a chart, never a bar of its true height."""
    return None if v is HIDDEN else v
