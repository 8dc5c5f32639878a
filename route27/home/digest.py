"""The daily task digest by e-mail (issue 13 §4): counts per kind and one link to the task list.

It holds no name and no BSN: not even a first name, so nothing about a youth leaves Route27 by
mail. Sent by a background task (``task_digest_task``), enqueued daily by
``manage.py send_task_digests`` (cron, like ``prune_background_jobs``); one task per user, so
one failing address does not stop the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from route27.home.tasks import counts, tasks_for
from route27.organisations.models import User


def digest_message(user, today) -> tuple[str, str] | None:
    """(subject, body) in Dutch, or None when the user has nothing to do."""
    rows = counts(tasks_for(user=user, today=today))
    if not rows:
        return None
    base = getattr(settings, "ROUTE27_PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")
    context = {"first_name": user.first_name, "rows": rows,
               "total": sum(n for _, n, _ in rows), "overdue": sum(o for _, _, o in rows),
               "link": base + reverse("home:tasks"), "today": today}
    with translation.override("nl"):
        subject = render_to_string("home/mail/digest_subject.txt", context).strip()
        body = render_to_string("home/mail/digest.txt", context)
    return subject, body


def digest_recipients():
    """Active staff with an e-mail address and a membership (not youth, not parents)."""
    return (User.objects.filter(is_active=True, memberships__is_active=True)
            .exclude(email="").distinct().order_by("pk"))


@task()
def task_digest_task(user_id: int) -> int:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    message = digest_message(user, timezone.localdate())
    if message is None:
        return 0
    return send_mail(message[0], message[1], None, [user.email])


def digests_enqueue() -> int:
    users = list(digest_recipients().values_list("pk", flat=True))
    for user_id in users:
        task_digest_task.enqueue(user_id)
    return len(users)
