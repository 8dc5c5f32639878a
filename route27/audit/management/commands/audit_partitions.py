from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from route27.audit import partitions


class Command(BaseCommand):
    help = ("Onderhoud het verwerkingslog op PostgreSQL (ADR 0015): maak de maanden vooruit aan "
            "en verwijder hele maanden ouder dan de bewaartermijn "
            "(ROUTE27_AUDIT_RETENTION_MONTHS). Dagelijks te draaien.")

    def add_arguments(self, parser):
        parser.add_argument("--ahead", type=int, default=3,
                            help="Aantal maanden vooruit (standaard 3).")

    def handle(self, *args, **options):
        if not partitions.is_partitioned(connection):
            self.stdout.write("Het verwerkingslog is hier niet gepartitioneerd (SQLite): "
                              "niets te doen.")
            return
        today = timezone.localdate()
        with transaction.atomic():
            created = partitions.ensure_months(
                connection, first=today,
                last=partitions.add_months(partitions.first_of_month(today), options["ahead"]))
            dropped = partitions.drop_expired(
                connection, today=today,
                retention_months=settings.ROUTE27_AUDIT_RETENTION_MONTHS)
        self.stdout.write(f"Aangemaakt: {', '.join(created) or 'geen'}. "
                          f"Verwijderd (bewaartermijn verstreken): {', '.join(dropped) or 'geen'}.")
