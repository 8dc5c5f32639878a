import datetime
import json
import logging
import platform
from dataclasses import replace
from pathlib import Path as FilePath

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import override_settings

from route27.scale import bench, dashboardbench


class Command(BaseCommand):
    help = ("Meet het resultatendashboard (gemeente, grootste gemeente, regio) op een peildatum "
            "tegen de kale SQL van dezelfde cijfers (issue 14); controleert eerst dat de kale "
            "SQL dezelfde cijfers geeft als de indicatoren; schrijft een tabel en JSON in "
            "bench/results/.")

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("--out", default="bench/results")
        parser.add_argument("--peildatum", type=datetime.date.fromisoformat, default=None,
                            help="Peildatum (JJJJ-MM-DD); standaard een jaar geleden.")
        parser.add_argument("--van", type=datetime.date.fromisoformat, default=None,
                            help="Begin van de periode; standaard 1 januari van het jaar van "
                                 "de peildatum (zoals de pagina).")
        parser.add_argument("--tot", type=datetime.date.fromisoformat, default=None,
                            help="Einde van de periode; standaard de peildatum.")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("De benchmark draait op PostgreSQL (scripts/bench-db.sh).")
        from route27.youth.models import Youth

        youth = Youth.objects.count()
        day, start, end = dashboardbench.default_dates()
        day = options["peildatum"] or day
        if options["peildatum"] and not options["van"]:
            start, end = day.replace(month=1, day=1), day
        start, end = options["van"] or start, options["tot"] or end
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        logging.getLogger("django.request").setLevel(logging.ERROR)  # a 404 is reported below
        try:
            paths = dashboardbench.build_paths(day, start, end)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{youth} jongeren, peildatum {day}, periode {start} t/m {end}, "
                          f"{options['rounds']} rondes per pad\n")
        self.stdout.write(bench.HEADER)
        results, failures = [], []
        # Each path twice: counting the ledger on every request (the figure cache off), then
        # with the kept figures of past days (monitoring.cache, ADR 0019) as a user gets them.
        variants = [(False, ""), (True, " [bewaard]")]
        for cached, suffix in variants:
            for path in paths:  # one failing path does not hide the others
                path = replace(path, name=path.name + suffix)
                try:
                    with override_settings(ROUTE27_FIGURE_CACHE=cached):
                        results += bench.run([path], rounds=options["rounds"],
                                             say=self.stdout.write)
                except AssertionError as exc:
                    failures.append({"path": path.name, "url": path.url, "error": str(exc)})
                    self.stdout.write(f"{path.name:<38} MISLUKT: {exc}")
        self.stdout.write("")
        for r in results:
            goal = (r["page_ratio"] or 0) <= dashboardbench.GOAL_PAGE_RATIO
            if r["path"].startswith(("regio", "grootste regio")):
                goal = goal and r["page_ms"] <= dashboardbench.GOAL_REGION_MS
            self.stdout.write(f"  {r['path']}: {r['checked']}; doel (≤ "
                              f"{dashboardbench.GOAL_PAGE_RATIO:g}× kaal"
                              + (f", ≤ {dashboardbench.GOAL_REGION_MS} ms"
                                 if r["path"].startswith(("regio", "grootste regio")) else "")
                              + f") {'gehaald' if goal else 'NIET gehaald'}")
        out = FilePath(settings.BASE_DIR) / options["out"]
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"dashboard-{youth}.json"
        target.write_text(json.dumps({
            "date": datetime.date.today().isoformat(), "youth": youth,
            "rounds": options["rounds"], "peildatum": day.isoformat(),
            "van": start.isoformat(), "tot": end.isoformat(),
            "machine": f"{platform.machine()}, {platform.processor() or platform.system()}",
            "postgresql": connection.pg_version, "results": results, "failures": failures,
        }, indent=2, ensure_ascii=False) + "\n")
        self.stdout.write(f"\nGeschreven: {target}")
        if failures:
            raise CommandError("Mislukt: " + "; ".join(
                f"{f['path']} ({f['url']}): {f['error'].splitlines()[0]}" for f in failures))
