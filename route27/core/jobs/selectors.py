"""Reads of background jobs: a job is its owner's alone."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from route27.core.jobs.models import BackgroundJob


def jobs_of(user, kinds: Iterable[str]) -> QuerySet[BackgroundJob]:
    """The user's own jobs of these kinds, newest first."""
    if user is None or not user.is_authenticated:
        return BackgroundJob.objects.none()
    return BackgroundJob.objects.filter(owner=user, kind__in=list(kinds))


def job_of(user, public_id, kinds: Iterable[str]) -> BackgroundJob | None:
    """The user's own job with this public id, else ``None`` (unknown and someone else's job
    look the same; the caller logs the refusal)."""
    return jobs_of(user, kinds).select_related("organisation").filter(
        public_id=public_id).first()
