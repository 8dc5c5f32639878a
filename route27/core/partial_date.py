"""BRP dates may be incomplete: ``00`` for an unknown month or day (LO GBA 01.03.10).

We store year, month and day separately (month/day NULL when unknown) and compute with the
earliest and latest real date the value can stand for, so age rules can say "uncertain".
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_PATTERNS = (
    re.compile(r"^(?P<d>\d{2})-(?P<m>\d{2})-(?P<y>\d{4})$"),  # 31-12-2008, 00-00-2008
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"),  # 2008-12-31
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),  # 20081231 (BRP)
)


class InvalidPartialDate(ValueError):
    pass


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        text = (text or "").strip()
        for pattern in _PATTERNS:
            match = pattern.match(text)
            if match:
                break
        else:
            raise InvalidPartialDate(
                _("Vul de datum in als dd-mm-jjjj. Gebruik 00 voor een onbekende dag of maand.")
            )
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if year < 1900:
            raise InvalidPartialDate(_("Het jaar moet 1900 of later zijn."))
        if month == 0 and day != 0:
            raise InvalidPartialDate(_("Een dag zonder maand kan niet: gebruik 00-00-jjjj."))
        if month > 12:
            raise InvalidPartialDate(_("De maand moet tussen 01 en 12 liggen (of 00)."))
        if month and day and day > calendar.monthrange(year, month)[1]:
            raise InvalidPartialDate(_("Deze dag bestaat niet in die maand."))
        return cls(year, month or None, day or None)

    @property
    def is_complete(self) -> bool:
        return self.month is not None and self.day is not None

    def earliest(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def as_brp(self) -> str:
        return f"{self.year:04d}{self.month or 0:02d}{self.day or 0:02d}"

    def __str__(self) -> str:
        return f"{self.day or 0:02d}-{self.month or 0:02d}-{self.year:04d}"
