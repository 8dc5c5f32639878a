"""python manage.py route_decision FILE.json — check the art. 7a rules without a UI.

FILE holds a JSON list of fact sets (see docs/route-rules.md); prints every output of each
decision (route, legal basis, contact person, every answer with its open question, instrument
eligibility, the facts used, the rules applied with their citations) as JSON, or with ``--text``
as Dutch text a coach reads.
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
        parser.add_argument("--text", action="store_true",
                            help="Leesbare tekst in plaats van JSON.")

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
            if options["text"]:
                self.stdout.write(_as_text(raw.get("id", index), decision))
            results.append({"id": raw.get("id", index), **decision.as_dict()})
        if not options["text"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))


def _answer_line(label: str, answer: law.Answer) -> str:
    citations = answer.citations
    if answer.is_open:
        kind = law.OPEN_KIND_LABELS[answer.open]
        text = f"OPEN ({kind}): {answer.question}"
    else:
        text = str(law.VALUE_LABELS.get(answer.value, answer.value))
        text += f" — {answer.reason}" if answer.reason else ""
    return f"  {label}: {text}" + (f" [{citations}]" if citations else "")


def _as_text(name, decision: law.Decision) -> str:
    """One decision as Dutch text: every output, then the rules applied and the facts used."""
    lines = [f"== {name}: {law.route_label(decision.route)}"
             + (" (open)" if decision.route_is_open else "")]
    for output in law.Output:
        if output in decision.answers:
            lines.append(_answer_line(str(law.OUTPUT_LABELS[output]), decision.answers[output]))
    lines.append("  Voorzieningen:")
    lines += ["  " + _answer_line(code, answer) for code, answer in decision.instruments.items()]
    lines.append("  Toegepaste regels:")
    lines += [f"    - {step.text} [{step.citation}]" for step in decision.explanation]
    lines += [f"    ! {step.text} [{step.citation}]" for step in decision.notices]
    lines.append("  Gebruikte feiten: " + ", ".join(
        f"{key}={law._fact_value(value)}" for key, value in decision.facts_used))
    return "\n".join(lines) + "\n"
