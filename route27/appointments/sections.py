"""The appointments section of the youth file (``casefile.sections``): the next appointment and
the past ones, with the one-click attendance buttons for planned ones that have passed."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.appointments.selectors import appointments_of_youth
from route27.casefile.sections import FileSection, register
from route27.trajectories.selectors import open_trajectory_of

VIEW = "appointments.view_appointment"


def appointments_context(request, youth) -> dict:
    now = timezone.now()
    appointments = appointments_of_youth(user=request.user, youth=youth)
    upcoming = [a for a in appointments if a.starts_at >= now and a.is_planned]
    past = [a for a in appointments if a not in upcoming]
    past.reverse()
    # Two queries in all (the file page's count is pinned): the appointments, the open trajectory.
    # Whether this user may write the file is the plan page's check.
    trajectory = open_trajectory_of(youth)
    can_plan = trajectory is not None and request.user.has_perm(
        "appointments.change_appointment")
    return {"appointment_trajectory": trajectory, "can_plan_appointment": can_plan,
            "next_appointment": upcoming[0] if upcoming else None,
            "later_appointments": upcoming[1:],
            "past_appointments": past, "now": now}


register(FileSection(key="appointments", order=25,
                     template="appointments/file/section.html",
                     context=appointments_context, nav_label=_("Afspraken"),
                     anchor="afspraken", permission=VIEW))
