import datetime
import json
import platform
from pathlib import Path as FilePath

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from route27.scale import importbench


class Command(BaseCommand):
    help = ("Importeer een gegenereerde levering van N rijen (lezen, elke rij controleren, "
            "schrijven) en meld rijen per seconde naast de kale SQL-grens (issue 13). Wordt "
            "teruggedraaid: elke run begint bij dezelfde database.")

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--out", default="bench/results")

    def handle(self, *args, **options):
        try:
            result = importbench.run(options["rows"])
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        ratio = importbench.BARE_SQL_ROWS_PER_S / result.rows_per_s
        self.stdout.write(
            f"{result.vendor}: {result.rows} rijen ({result.rejected} afgekeurd, "
            f"{result.new_cases} nieuwe zaken, {result.matched} gekoppeld) in "
            f"{result.total_s:.1f} s: lezen {result.read_s:.1f} s, controleren "
            f"{result.check_s:.1f} s, schrijven {result.write_s:.1f} s\n"
            f"  {result.rows_per_s:,.0f} rijen/s · kale SQL {importbench.BARE_SQL_ROWS_PER_S:,} "
            f"rijen/s (PERF-LIMIT.md §5) · verhouding {ratio:.1f}× · doel ≥ 5 000 rijen/s: "
            f"{'gehaald' if result.rows_per_s >= 5000 else 'NIET gehaald'}")
        out = FilePath(settings.BASE_DIR) / options["out"]
        out.mkdir(parents=True, exist_ok=True)
        (out / f"import-{result.vendor}-{result.rows}.json").write_text(json.dumps({
            "date": datetime.date.today().isoformat(), "vendor": result.vendor,
            "rows": result.rows, "rejected": result.rejected, "new_cases": result.new_cases,
            "matched": result.matched, "read_s": round(result.read_s, 2),
            "check_s": round(result.check_s, 2), "write_s": round(result.write_s, 2),
            "rows_per_s": round(result.rows_per_s), "bare_sql_rows_per_s":
                importbench.BARE_SQL_ROWS_PER_S, "ratio": round(ratio, 2),
            "machine": platform.platform()}, indent=2) + "\n")
