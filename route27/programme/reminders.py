"""Reminders of the programme's calendar by e-mail (issue 15 §3): to the keepers of each
region's programme (its regional coordinators and the contactgemeente's policy team), when a
date is ``ROUTE27_PROGRAMME_REMINDER_DAYS`` days away and again a week before. Enqueued daily
by ``manage.py send_programme_reminders`` (cron, like ``send_task_digests``); one task per
person and region. A programme holds no personal data; the mail names the date and the region."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from route27.organisations.models import DoorstroompuntRegion, Membership, User
from route27.organisations.roles import Role
from route27.programme.models import Programme
from route27.programme.selectors import Due, timeline

WEEK = 7


def due_on(today: datetime.date, region=None) -> list[Due]:
    """The dates of the region's calendar a reminder goes out for today (not those done)."""
    days = {settings.ROUTE27_PROGRAMME_REMINDER_DAYS, WEEK}
    return [d for d in timeline(today, region) if d.done_on is None
            and (d.ends_on - today).days in days]


def keepers(region: DoorstroompuntRegion) -> list[User]:
    """Who keeps the region's programme: its regional coordinators and the policy team of the
    current version's contactgemeente; active, with an e-mail address."""
    programme = Programme.objects.filter(region=region).order_by("-version").first()
    who = Q(role=Role.REGIONAL_COORDINATOR,
            team__organisation__municipality__doorstroompunt_region=region)
    if programme is not None and programme.contact_municipality_id:
        who |= Q(role=Role.BELEIDSADVISEUR, team__serves=programme.contact_municipality_id)
    ids = Membership.objects.filter(who, is_active=True).values("user")
    return list(User.objects.filter(pk__in=ids, is_active=True).exclude(email="")
                .order_by("pk"))


def message(user: User, region: DoorstroompuntRegion, due: list[Due]) -> tuple[str, str]:
    base = getattr(settings, "ROUTE27_PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")
    context = {"first_name": user.first_name, "region": region, "due": due,
               "link": base + reverse("programme:subsidy", args=[region.code]) + "#termijnen"}
    with translation.override("nl"):
        subject = render_to_string("programme/mail/reminder_subject.txt", context).strip()
        body = render_to_string("programme/mail/reminder.txt", context)
    return subject, body


@task()
def reminder_task(user_id: int, region_id: int, day: str) -> int:
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    region = DoorstroompuntRegion.objects.filter(pk=region_id).first()
    due = due_on(datetime.date.fromisoformat(day), region)
    if user is None or region is None or not due:
        return 0
    subject, body = message(user, region, due)
    return send_mail(subject, body, None, [user.email])


def reminders_enqueue(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    if not due_on(today):
        return 0
    sent = 0
    regions = DoorstroompuntRegion.objects.filter(
        pk__in=Programme.objects.values("region")).order_by("code")
    for region in regions:
        if not due_on(today, region):
            continue
        for user in keepers(region):
            reminder_task.enqueue(user.pk, region.pk, today.isoformat())
            sent += 1
    return sent
