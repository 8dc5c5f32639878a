import time

from django.core.management.base import BaseCommand, CommandError

from route27.scale.generator import AlreadyGenerated, generate


class Command(BaseCommand):
    help = ("Genereer een synthetische populatie op landelijke schaal (issue 12): jongeren over "
            "de 342 gemeenten met dossiers van drie jaar. Voor PostgreSQL (COPY).")

    def add_arguments(self, parser):
        parser.add_argument("--youth", type=int, required=True, help="Aantal jongeren.")
        parser.add_argument("--seed", type=int, default=27, help="Zaadgetal (standaard 27).")

    def handle(self, *args, **options):
        if options["youth"] < 1:
            raise CommandError("--youth moet minstens 1 zijn.")
        started = time.monotonic()
        try:
            rows = generate(youth=options["youth"], seed=options["seed"],
                            progress=lambda message: self.stdout.write(message))
        except (AlreadyGenerated, LookupError) as exc:
            raise CommandError(str(exc)) from exc
        for table, count in sorted(rows.items()):
            self.stdout.write(f"  {table}: {count} rijen")
        self.stdout.write(f"Klaar in {time.monotonic() - started:.0f} s.")
