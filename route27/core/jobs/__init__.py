"""Background jobs: work a user started that runs in the task worker, with progress and a result.

One ``BackgroundJob`` row per job, reusable by every app (the leavers import, later the data
deliveries for outreach). The app defines a ``django_tasks`` task that calls
:func:`route27.core.jobs.services.job_run` with its work; the web pages read the row. See
docs/adr/0012-background-jobs.md.
"""
