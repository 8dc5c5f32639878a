from django.core.management.base import BaseCommand

from route27.demo.loader import DEMO_PASSWORD, load_demo_data


class Command(BaseCommand):
    help = "Laad demo-organisaties, demo-gebruikers en ~200 verzonnen jongeren (idempotent)."

    def handle(self, *args, **options):
        result = load_demo_data()
        self.stdout.write(
            f"Demodata: {result['youth_created']} jongeren aangemaakt "
            f"({result['youth_total']} totaal), {result['users']} gebruikers. "
            f"Wachtwoord van alle demo-accounts: {DEMO_PASSWORD}"
        )
