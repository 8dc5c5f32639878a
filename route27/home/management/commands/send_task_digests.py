from django.core.management.base import BaseCommand

from route27.home.digest import digests_enqueue


class Command(BaseCommand):
    help = "Enqueue the daily task digest e-mail for every active staff member (run daily)."

    def handle(self, *args, **options):
        count = digests_enqueue()
        self.stdout.write(f"{count} digest tasks enqueued")
