"""python manage.py route_decision FILE.json — check the art. 7a rules without a UI.

FILE holds a JSON list of fact sets (see docs/route-rules.md); prints the decisions as JSON.
"""

import datetime
import json
from dataclasses import fields

from django.core.management.base import BaseCommand, CommandError

from route27 import law
from route27.youth.partial_date import InvalidPartialDate, PartialDate

_ENUMS = {"arrival": law.Arrival, "highest_diploma": law.Diploma, "school_type": law.SchoolType,
          "school_possible": law.Judgement}
_DATES = {"reference_date", "school_left_on", "diploma_on"}


def facts_from_dict(raw: dict, index: int) -> law.Facts:
    known = {f.name for f in fields(law.Facts)}
    unknown = set(raw) - known - {"id"}
    if unknown:
        raise CommandError(f"feitenset {index}: onbekende velden {sorted(unknown)}")
    values = {}
    try:
        for name, value in raw.items():
            if name == "id" or value is None:
                continue
            if name == "birth":
                values[name] = PartialDate.parse(str(value))
            elif name in _DATES:
                values[name] = datetime.date.fromisoformat(value)
            elif name in _ENUMS:
                values[name] = _ENUMS[name](value)
            else:
                values[name] = value
        values.setdefault("reference_date", datetime.date.today())
        return law.Facts(**values)
    except (ValueError, TypeError, InvalidPartialDate) as exc:
        raise CommandError(f"feitenset {index}: {exc}") from exc


class Command(BaseCommand):
    help = "Lees een JSON-lijst met feitensets en print de routebesluiten (art. 7a) als JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON-bestand met een lijst van feitensets")

    def handle(self, *args, **options):
        try:
            with open(options["file"], encoding="utf-8") as handle:
                items = json.load(handle)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"Kan {options['file']} niet lezen: {exc}") from exc
        if not isinstance(items, list):
            raise CommandError("Het bestand moet een JSON-lijst van feitensets bevatten.")
        results = []
        for index, raw in enumerate(items, start=1):
            decision = law.decide(facts_from_dict(raw, index))
            results.append({"id": raw.get("id", index), **decision.as_dict()})
        self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
