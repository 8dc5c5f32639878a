"""Empty the input of old background jobs and remove old jobs (core.jobs.services)."""

from django.core.management.base import BaseCommand

from route27.core.jobs.services import JOB_KEPT, PAYLOAD_KEPT, jobs_expire


class Command(BaseCommand):
    help = (f"Empty the input of background jobs older than {PAYLOAD_KEPT} and remove jobs "
            f"older than {JOB_KEPT.days} days. Run daily, beside prune_db_task_results.")

    def handle(self, *args, **options):
        emptied, removed = jobs_expire()
        self.stdout.write(f"background jobs: {emptied} inputs emptied, {removed} jobs removed")
