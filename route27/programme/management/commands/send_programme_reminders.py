from django.core.management.base import BaseCommand

from route27.programme.reminders import reminders_enqueue


class Command(BaseCommand):
    help = ("Enqueue the reminders of the regional programme's calendar for the keepers of "
            "each programme (run daily).")

    def handle(self, *args, **options):
        count = reminders_enqueue()
        self.stdout.write(f"{count} reminder tasks enqueued")
