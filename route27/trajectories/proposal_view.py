"""The law's answers as the route page shows them (issue 10): the facts the proposal used, every
output with its reason or its open question, and the citations in words a coach reads.

Reads a stored proposal (``RouteDecision.proposal``, ``law.Decision.as_dict()``). A proposal from
before issue 10 has no answers; its citations are shown as the rules cite them today.
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from route27 import law
from route27.trajectories.forms import RouteFactsForm

_OTHER_FACT_LABELS = {
    "reference_date": lambda: _("Peildatum"),
    "birth": lambda: _("Geboortedatum"),
    "in_aftercare": lambda: _("In de nazorg"),
}


def _fact_label(name: str) -> str:
    if name in _OTHER_FACT_LABELS:
        return _OTHER_FACT_LABELS[name]()
    field = RouteFactsForm.base_fields.get(name)
    return str(field.label) if field is not None else name


def _fact_value(name: str, value) -> str:
    if value is None or value == "":
        return _("Onbekend")
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    field = RouteFactsForm.base_fields.get(name)
    choices = dict((str(k), v) for k, v in getattr(field, "choices", []) or [])
    if str(value) in choices and str(value):
        return str(choices[str(value)])
    if name in ("reference_date", "school_left_on", "diploma_on"):
        try:
            return datetime.date.fromisoformat(value).strftime("%d-%m-%Y")
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def _citations(answer: dict) -> str:
    """The citations of an answer's rules, as the rules cite them now."""
    seen: list[str] = []
    for item in answer.get("rules") or []:
        rule = law.RULES.get(item.get("rule"))
        citation = rule.citation if rule else item.get("citation", "")
        if citation and citation not in seen:
            seen.append(citation)
    return "; ".join(seen)


def _answer(answer: dict, label: str) -> dict:
    kind = answer.get("open")
    value = answer.get("value") or ""
    if answer.get("output") == str(law.Output.ROUTE):
        shown = law.route_label(value)
    elif value in law.ROLE_LABELS:
        shown = law.ROLE_LABELS[value]
    else:
        shown = str(law.VALUE_LABELS.get(value, value))
    return {
        "output": answer.get("output"), "label": label, "value": shown,
        "is_open": bool(kind),
        "open_kind": str(law.OPEN_KIND_LABELS.get(kind, kind)) if kind else "",
        "question": answer.get("question") or "", "reason": answer.get("reason") or "",
        "citation": _citations(answer),
    }


_OLD_CODES = re.compile(r"\bS[03] §|\bPw\b")


def _current(step: dict) -> str:
    """A step's citation; one stored with the old internal codes as the rule cites it now."""
    citation = step.get("citation", "")
    if _OLD_CODES.search(citation) and step.get("rule") in law.RULES:
        return law.RULES[step["rule"]].citation
    return citation


def proposal_details(proposal: dict) -> dict:
    """Context for ``_proposal.html``: facts used, every answer, the instruments and the
    explanation with today's citation of each rule."""
    answers = [_answer(a, str(law.OUTPUT_LABELS.get(a.get("output"), a.get("output"))))
               for a in proposal.get("answers") or []]
    instruments = [_answer(a, a.get("output", "")) for a in proposal.get("instruments") or []]

    def steps(items):
        return [{**s, "citation": _current(s)} for s in items or []]

    return {
        "route_open": bool(proposal.get("route_open")),
        "facts_used": [{"label": _fact_label(f["fact"]),
                        "value": _fact_value(f["fact"], f.get("value"))}
                       for f in proposal.get("facts_used") or []],
        "answers": answers,
        "open_answers": [a for a in answers if a["is_open"]],
        "instruments": instruments,
        "explanation": steps(proposal.get("explanation")),
        "notices": steps(proposal.get("notices")),
    }
