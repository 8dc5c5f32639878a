"""One task list per user (issue 13 §4): everything that asks the user to act, from every app,
as one list ordered by due date, overdue first.

Sources: actions of the plan (own youth) and of a casusoverleg (owner), aftercare follow-ups,
age alerts, handovers to the user's organisation not acknowledged within
``ROUTE27_HANDOVER_ACK_WORKING_DAYS`` working days, own youth without contact beyond the
municipality's norm, regie requests to the user's sociaal team, and the team's outreach cases
whose next attempt is due (one row with their number: cases belong to the team, not to one
coach). Each source is one query; the
page logs one read per youth shown. The daily digest (:mod:`route27.home.digest`) counts the
same list.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from route27.casework import selectors as casework_selectors
from route27.home import selectors
from route27.outreach.selectors import cases_for


@dataclass(frozen=True)
class Task:
    kind: str  # a key of KINDS
    text: str  # what to do, without the youth's name
    youth: object | None  # shown by first name on the page only
    due_on: datetime.date | None
    url: str
    overdue: bool

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


KINDS = {
    "plan_action": _("Actie uit het plan"),
    "meeting_action": _("Actie uit casusoverleg"),
    "follow_up": _("Nazorgcontact"),
    "age": _("Leeftijdsgrens"),
    "handover": _("Overdracht niet bevestigd"),
    "no_contact": _("Te lang geen contact"),
    "regie": _("Regieverzoek"),
    "outreach": _("Outreach"),
}


def handover_ack_days() -> int:
    return int(settings.ROUTE27_HANDOVER_ACK_WORKING_DAYS)


def _file(youth, anchor: str = "") -> str:
    return reverse("youth:detail", args=[youth.public_id]) + (f"#{anchor}" if anchor else "")


def tasks_for(*, user, today: datetime.date) -> list[Task]:
    tasks: list[Task] = []
    for action in selectors.plan_actions_due(user=user, today=today):
        youth = action.goal.trajectory.youth
        tasks.append(Task("plan_action", action.description, youth, action.due_on,
                          _file(youth, "plan"), action.due_on is not None and
                          action.due_on < today))
    for action in casework_selectors.open_actions_for(user=user):
        tasks.append(Task("meeting_action", action.description, action.item.youth,
                          action.due_on, reverse("casework:meeting",
                                                 args=[action.item.meeting.public_id]),
                          action.due_on < today))
    for follow_up in selectors.follow_ups_due(user=user, today=today):
        youth = follow_up.trajectory.youth
        tasks.append(Task("follow_up", str(_("Nazorgcontact")), youth, follow_up.due_on,
                          _file(youth, "nazorg"), follow_up.due_on < today))
    for alert in selectors.age_alerts(user=user, today=today):
        youth = alert.trajectory.youth
        tasks.append(Task("age", str(alert.mark.meaning), youth, alert.on, _file(youth),
                          False))
    limit = selectors.working_days_back(today, handover_ack_days())
    for handover in selectors.handovers_waiting_on(user=user):
        sent = handover.sent_at.date() if handover.sent_at else today
        tasks.append(Task("handover", str(_("Van %(school)s")) % {"school": handover.sender},
                          handover.youth, sent, reverse("handover:detail",
                                                        args=[handover.public_id]),
                          sent < limit))
    for trajectory in selectors.no_contact(user=user, today=today):
        tasks.append(Task("no_contact", str(_("Neem contact op")), trajectory.youth, None,
                          _file(trajectory.youth), True))
    for regie in casework_selectors.regie_requests_for(user=user):
        tasks.append(Task("regie", str(_("Neem de regie, of zeg waarom niet")), regie.youth,
                          regie.requested_at.date(), reverse("casework:regie_detail",
                                                             args=[regie.public_id]), False))
    due = cases_for(user=user, due_only=True, today=today)
    overdue_cases = due.filter(next_attempt_on__lt=today).count()
    waiting = due.count()
    if waiting:
        tasks.append(Task("outreach", str(_("%(n)s outreachzaken zijn aan de beurt")) % {
            "n": waiting}, None, today, reverse("outreach:cases"), overdue_cases > 0))
    far = datetime.date.max
    tasks.sort(key=lambda t: (not t.overdue, t.due_on or far, t.kind))
    return tasks


def counts(tasks: list[Task]) -> list[tuple[str, int, int]]:
    """(label, open, overdue) per kind that has tasks, in the order of KINDS."""
    rows = []
    for kind, label in KINDS.items():
        mine = [t for t in tasks if t.kind == kind]
        if mine:
            rows.append((str(label), len(mine), sum(t.overdue for t in mine)))
    return rows
