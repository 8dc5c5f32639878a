"""The one way from entered facts to ``law.Facts``: the route-facts form, the API and the
``route_decision`` command all build them here, so they cannot drift apart.

Input is keyed by the ``law.Facts`` field names, with codes as strings (``"transfer_mbo"``) and
dates as ``datetime.date``. Birth date and reference date come from the file, not the input.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from route27 import law
from route27.core.partial_date import PartialDate

DATE_KEYS = ("school_left_on", "diploma_on")


def facts_errors(cleaned: Mapping[str, Any], *, today: datetime.date) -> dict[str, list[str]]:
    """What is wrong with the facts together, per ``law.Facts`` field name (empty when fine)."""
    errors: dict[str, list[str]] = {}
    for key in DATE_KEYS:
        if cleaned.get(key) and cleaned[key] > today:
            errors[key] = [_("Deze datum ligt in de toekomst.")]
    if cleaned.get("in_school") and not cleaned.get("school_type"):
        errors["school_type"] = [_("Kies de soort school als de jongere naar school gaat.")]
    return errors


def facts_from(cleaned: Mapping[str, Any], *, birth: PartialDate,
               today: datetime.date) -> law.Facts:
    """``law.Facts`` from checked input. A missing or blank value means unknown or no; without
    ``requested_by`` the arrival code stands for who asked (shown in Dutch by the file)."""
    arrival = law.Arrival(cleaned["arrival"])
    diploma, school = cleaned.get("highest_diploma"), cleaned.get("school_type")
    return law.Facts(
        reference_date=today, birth=birth, arrival=arrival,
        highest_diploma=law.Diploma(diploma) if diploma else None,
        in_school=cleaned.get("in_school", False),
        school_type=law.SchoolType(school) if school else None,
        school_left_on=cleaned.get("school_left_on"), diploma_on=cleaned.get("diploma_on"),
        school_possible=law.Judgement(cleaned.get("school_possible") or law.Judgement.OPEN),
        wants_retraining=cleaned.get("wants_retraining", False),
        uwv_sheltered_work_indication=cleaned.get("uwv_sheltered_work_indication", False),
        bijstand_granted=cleaned.get("bijstand_granted", False),
        multi_problem=cleaned.get("multi_problem", False),
        hardship_justification=(cleaned.get("hardship_justification") or "").strip(),
        requested_by=(cleaned.get("requested_by") or "").strip() or str(arrival),
    )
