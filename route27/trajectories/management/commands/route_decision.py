"""python manage.py route_decision FILE.json — check the art. 7a rules without a UI.

FILE holds a JSON list of fact sets (see docs/route-rules.md); prints the decisions as JSON.
"""

import datetime
import json
from dataclasses import fields

from django.core.management.base import BaseCommand, CommandError

from route27 import law
from route27.core.partial_date import InvalidPartialDate, PartialDate
from route27.trajectories.route_facts import facts_from

_DATES = {"reference_date", "school_left_on", "diploma_on"}
_REQUIRED = ("birth", "arrival")


def facts_from_dict(raw: dict, index: int) -> law.Facts:
    """One JSON fact set (keys of ``law.Facts``) through the same builder as the form and API."""
    known = {f.name for f in fields(law.Facts)}
    unknown = set(raw) - known - {"id"}
    if unknown:
        raise CommandError(f"feitenset {index}: onbekende velden {sorted(unknown)}")
    values = {name: value for name, value in raw.items() if name != "id" and value is not None}
    missing = [name for name in _REQUIRED if name not in values]
    if missing:
        raise CommandError(f"feitenset {index}: ontbrekende velden {missing}")
    try:
        for name in _DATES & values.keys():
            values[name] = datetime.date.fromisoformat(values[name])
        birth = PartialDate.parse(str(values.pop("birth")))
        today = values.pop("reference_date", datetime.date.today())
        return facts_from(values, birth=birth, today=today)
    except (ValueError, TypeError, AttributeError, InvalidPartialDate) as exc:
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
