"""The kernel's models: background jobs (``route27.core.jobs``)."""

from route27.core.jobs.models import BackgroundJob, JobStatus

__all__ = ["BackgroundJob", "JobStatus"]
