"""Age and time clocks on a trajectory (issue 4 §9). Pure: no queries beyond what is passed in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.casefile.vocabularies import AlertCode
from route27.trajectories.workflow import Step

TURNS_18_DAYS = 30
TURNS_27_DAYS = 90


@dataclass(frozen=True)
class Alert:
    code: str
    text: str
    severity: str = "warning"  # "warning" | "error"




def _within(days: int, today: datetime.date, window: tuple[datetime.date, datetime.date]) -> bool:
    earliest, latest = window
    return latest >= today and earliest <= today + datetime.timedelta(days=days)


def alerts_for(*, youth, trajectory, today: datetime.date, contact_role: str = "",
               overdue_follow_up: bool = False, no_contact_weeks: int = 6) -> list[Alert]:
    alerts: list[Alert] = []
    birth = youth.birth_date
    if _within(TURNS_18_DAYS, today, law.birthday(birth, law.AGE_OF_MAJORITY)):
        text = str(AlertCode.TURNS_18.label)
        if contact_role == law.CONTACT_LEERPLICHT:
            text += str(_(": draag over van de leerplichtambtenaar naar een coach "
                          "(Uitgangspuntennotitie Amstelveen/Aalsmeer §1)"))
        alerts.append(Alert(AlertCode.TURNS_18, text))
    if _within(TURNS_27_DAYS, today, law.birthday(birth, law.AGE_LIMIT)):
        alerts.append(Alert(AlertCode.TURNS_27, str(_(
            "Wordt binnen 90 dagen 27: besluit over de hardheidsclausule nodig")), "error"))
    if trajectory is not None and trajectory.step == Step.AFTERCARE and overdue_follow_up:
        alerts.append(Alert(AlertCode.FOLLOW_UP_OVERDUE, str(AlertCode.FOLLOW_UP_OVERDUE.label),
                            "error"))
    if trajectory is not None and trajectory.is_open and trajectory.step != Step.AFTERCARE:
        last = trajectory.last_contact_on or trajectory.started_on
        if (today - last).days >= no_contact_weeks * 7:
            alerts.append(Alert(AlertCode.NO_CONTACT, str(_("Geen contact sinds %(date)s") % {
                "date": last.strftime("%d-%m-%Y")})))
    return alerts
