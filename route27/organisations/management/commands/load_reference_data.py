from django.core.management.base import BaseCommand

from route27.organisations.reference_data import load_reference_data, more_reference_lists


class Command(BaseCommand):
    help = "Laad gemeenten, arbeidsmarktregio's en Doorstroompuntregio's (idempotent)."

    def handle(self, *args, **options):
        result = load_reference_data()
        parts = [f"{result.municipalities} gemeenten",
                 f"{result.labour_market_regions} arbeidsmarktregio's",
                 f"{result.doorstroompunt_regions} Doorstroompuntregio's",
                 f"{result.overlaps} overlappen",
                 *(load() for load in more_reference_lists())]
        self.stdout.write(f"Referentiedata: {', '.join(parts)}.")
