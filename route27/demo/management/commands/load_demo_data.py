from django.conf import settings
from django.core.management.base import BaseCommand

from route27.demo.loader import DEMO_PASSWORD, load_demo_data


class Command(BaseCommand):
    help = ("Laad demo-organisaties, demo-gebruikers en ~200 verzonnen jongeren per "
            "demogemeente (idempotent).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--youth-per-municipality", type=int,
            default=settings.ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY,
            help="Aantal jongeren per demogemeente (standaard "
                 "ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY).")

    def handle(self, *args, **options):
        result = load_demo_data(youth_per_municipality=options["youth_per_municipality"])
        self.stdout.write(
            f"Demodata: {result['youth_created']} jongeren aangemaakt "
            f"({result['youth_total']} totaal), {result['users']} gebruikers. "
            f"Wachtwoord van alle demo-accounts: {DEMO_PASSWORD}"
        )
