"""python manage.py end_expired_covers — end every temporary cover whose last day has passed.

Run once a day, after midnight (cron, or the scheduler of the platform; ADR 0014). A cover runs
"tot en met" its date, so it ends the next morning: the original contact person returns, or, if
they no longer hold their role in the youth's team, the colleague who covered stays on. Each
ending is an event and an audit row (actor: the system) and both colleagues are told in the app.
"""

import datetime

from django.core.management.base import BaseCommand

from route27.youth.services import contact_covers_end_expired


class Command(BaseCommand):
    help = "End temporary contact-person covers whose last day has passed (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                            help="The day to judge by (YYYY-MM-DD); default today.")

    def handle(self, *args, today=None, **options):
        ended = contact_covers_end_expired(today=today)
        self.stdout.write(f"{ended} waarneming(en) beëindigd.")
