import datetime
import json
import logging
import platform
from pathlib import Path as FilePath

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from route27.scale import bench


class Command(BaseCommand):
    help = ("Meet de belangrijkste leespaden tegen de kale SQL van dezelfde rijen (issue 12); "
            "schrijft een tabel en JSON in bench/results/.")

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("--out", default="bench/results")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("De benchmark draait op PostgreSQL (scripts/bench-db.sh).")
        from route27.youth.models import Youth

        youth = Youth.objects.count()
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        self.stdout.write(f"{youth} jongeren, {options['rounds']} rondes per pad\n")
        self.stdout.write(bench.HEADER)
        # A refused file (the access check) is a 404 by design: not a warning per round.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        results = bench.run(bench.build_paths(), rounds=options["rounds"],
                            say=self.stdout.write)
        out = FilePath(settings.BASE_DIR) / options["out"]
        out.mkdir(parents=True, exist_ok=True)
        stamp = datetime.date.today().isoformat()
        target = out / f"bench-{youth}.json"
        target.write_text(json.dumps({
            "date": stamp, "youth": youth, "rounds": options["rounds"],
            "machine": f"{platform.machine()}, {platform.processor() or platform.system()}",
            "postgresql": connection.pg_version, "results": results,
        }, indent=2, ensure_ascii=False) + "\n")
        self.stdout.write(f"\nGeschreven: {target}")
