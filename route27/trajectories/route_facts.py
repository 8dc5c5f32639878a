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
    if cleaned.get("in_school") and cleaned.get("on_bbl_job"):
        errors["on_bbl_job"] = [_("Een bbl-leerbaan is geen initieel voltijdsonderwijs: kies "
                                  "'gaat naar school' of 'werkt op een bbl-leerbaan'.")]
    if cleaned.get("uwv_benefit") in (None, "", law.UwvBenefit.NONE) and (
            cleaned.get("uwv_benefit_ending")
            or cleaned.get("uwv_agreement") in (law.Judgement.YES, law.Judgement.NO)):
        errors["uwv_benefit"] = [_("Kies de uitkering van UWV (Wajong, WW of WIA) als u "
                                   "afspraken of het aflopen van de uitkering vastlegt.")]
    return errors


def facts_from(cleaned: Mapping[str, Any], *, birth: PartialDate,
               today: datetime.date, in_aftercare: bool = False) -> law.Facts:
    """``law.Facts`` from checked input. A missing or blank value means unknown or no; without
    ``requested_by`` the arrival code stands for who asked (shown in Dutch by the file)."""
    arrival = law.Arrival(cleaned["arrival"])
    diploma, school = cleaned.get("highest_diploma"), cleaned.get("school_type")
    benefit = cleaned.get("uwv_benefit")
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
        on_bbl_job=cleaned.get("on_bbl_job", False),
        learn_work_possible=_judgement(cleaned.get("learn_work_possible")),
        uwv_benefit=law.UwvBenefit(benefit) if benefit else None,
        uwv_agreement=_judgement(cleaned.get("uwv_agreement")),
        uwv_benefit_ending=cleaned.get("uwv_benefit_ending", False),
        can_earn_minimum_wage=_judgement(cleaned.get("can_earn_minimum_wage")),
        search_period_waived=_judgement(cleaned.get("search_period_waived")),
        in_aftercare=in_aftercare,
        document_consent=_judgement(cleaned.get("document_consent")),
    )


def _judgement(value) -> law.Judgement:
    return law.Judgement(value or law.Judgement.OPEN)


def stored_facts(raw: Mapping[str, Any], *, birth: PartialDate, today: datetime.date,
                 in_aftercare: bool = False) -> law.Facts:
    """``law.Facts`` from a proposal's stored facts (``RouteDecision.facts``), on ``today``: the
    file re-asks the law with what the coach entered, e.g. for instrument eligibility. Keys a
    newer engine added are missing from older proposals: unknown, so open."""
    values = {key: value for key, value in raw.items() if key not in ("birth", "reference_date")}
    for key in DATE_KEYS:
        if isinstance(values.get(key), str):
            values[key] = datetime.date.fromisoformat(values[key])
    return facts_from(values, birth=birth, today=today, in_aftercare=in_aftercare)
