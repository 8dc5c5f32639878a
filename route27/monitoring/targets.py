"""A target against the actual figure: on track or not, and what it takes per month to get
there by the end of the year (issue 14 §3). A flow's target is the year's total, compared
pro rata with the year so far; a stock's target is the level at the end of the year."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from route27.monitoring.indicators import Indicator


@dataclass(frozen=True)
class Mark:
    status: str = ""  # "op koers" / "niet op koers", "" without a target
    needed: str = ""  # the change per month still needed, signed, "" when none


def _number(x: float) -> str:
    return f"{x:+.1f}".replace(".", ",").replace("-", "−")


def progress(indicator: Indicator, *, day: datetime.date, target: int | None,
             actual) -> Mark:
    if target is None or actual is None:
        return Mark()
    year_end = datetime.date(day.year, 12, 31)
    year_days = (year_end - datetime.date(day.year, 1, 1)).days + 1
    elapsed = ((day - datetime.date(day.year, 1, 1)).days + 1) / year_days
    months_left = max((year_end - day).days / (year_days / 12), 0.5)
    if indicator.kind == "flow" and indicator.code != "average_days":
        expected = target * elapsed
        ok = actual >= expected if indicator.more_is_better else actual <= expected
        rest = target - actual
        needed = _number(rest / months_left) if rest > 0 and indicator.more_is_better else ""
    else:
        ok = actual >= target if indicator.more_is_better else actual <= target
        needed = "" if ok else _number((target - actual) / months_left)
    return Mark(_("op koers") if ok else _("niet op koers"), needed)
