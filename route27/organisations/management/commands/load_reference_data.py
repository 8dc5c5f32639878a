from django.core.management.base import BaseCommand

from route27.organisations.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Laad gemeenten, arbeidsmarktregio's en Doorstroompuntregio's (idempotent)."

    def handle(self, *args, **options):
        from route27.trajectories.reference_lists import load_reference_lists

        result = load_reference_data()
        domains, instruments = load_reference_lists()
        self.stdout.write(
            f"Referentiedata: {result.municipalities} gemeenten, "
            f"{result.labour_market_regions} arbeidsmarktregio's, "
            f"{result.doorstroompunt_regions} Doorstroompuntregio's, {result.overlaps} overlappen, "
            f"{domains} leefgebieden, {instruments} voorzieningen."
        )
