"""The intake queue shows a person once: queued files that may be one person are grouped under
the oldest (issue 9 §4), on the intake queue page and on the team lead's home page alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from route27.youth.selectors import duplicate_pairs_among


@dataclass
class Duplicate:
    row: Any  # the later row of the same person
    review: Any  # the open PossibleDuplicate, or None when only name and birth date agree
    pair: tuple  # (the lead's youth, this row's youth), for "vergelijken en beslissen"


def one_row_per_person(rows: list, *, youth_of: Callable[[Any], Any]) -> list[tuple[Any, list]]:
    """Rows (oldest first) as (shown row, its duplicates): files with an open review item, or
    the same family name and birth date without a decision "verschillende personen", show as
    the oldest row with the others beneath it. Within the rows given; one query."""
    pairs = duplicate_pairs_among(youth_of(r) for r in rows)
    lead_of: dict[int, int] = {}  # youth id -> index in ``shown`` of the row showing the person
    shown: list[tuple[Any, list]] = []
    for row in rows:
        youth = youth_of(row)
        linked = [other for pair in pairs if youth.pk in pair for other in pair - {youth.pk}
                  if other in lead_of] if pairs else []
        if not linked:
            lead_of[youth.pk] = len(shown)
            shown.append((row, []))
            continue
        lead_of[youth.pk] = index = lead_of[linked[0]]
        lead_row, duplicates = shown[index]
        review = next((r for other in linked if (r := pairs[frozenset((youth.pk, other))])),
                      None)
        duplicates.append(Duplicate(row=row, review=review, pair=(youth_of(lead_row), youth)))
    return shown
