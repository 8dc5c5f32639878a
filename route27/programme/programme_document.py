"""The programme itself as a document (issue 15): one version, laid out by
``formats/programma-<year>.json`` (``documents``), agreements and maatregelen in the order of
the format's parts (4a, 4b, …), for the partners' boards and for DUO."""

from __future__ import annotations

from django.utils.translation import gettext as _

from route27 import law
from route27.programme import documents, selectors
from route27.programme.models import Programme, ProgrammeTarget, Step

KIND = "programma"


def _part_key(section: str) -> tuple:
    """'4a' before '4b' before '4f'; parts without a code last."""
    return (section == "", section)


def build(programme: Programme) -> documents.Generated:
    return documents.build(documents.layout_for(KIND, programme.first_year), _Blocks(programme),
                           region=programme.region.name, year=programme.first_year,
                           programme_version=programme.version)


class _Blocks:
    def __init__(self, programme: Programme):
        self.programme = programme
        self.sections = {s.step: s for s in programme.sections.all()}

    def _text(self, step: str):
        section = self.sections.get(step)
        if section is None:
            return []
        return [[section.get_step_display(), section.text or None]]

    def parties(self):
        p = self.programme
        rows = [[_("Doorstroompuntregio"), f"{p.region.code} {p.region.name}"],
                [_("Looptijd"), f"{p.first_year}–{p.last_year}"],
                [_("Versie"), f"{p.version} ({p.get_status_display()})"],
                [_("Contactgemeente"), p.contact_municipality.name if p.contact_municipality
                 else None],
                [_("Contactschool"), p.contact_school or None],
                *[[label, None] for _party, label in selectors.required_parties(p)
                  if _party.startswith("centre:")],
                [_("Kerngroep"), p.core_group or None],
                [_("Deelnemers regionaal bestuurlijk overleg"), p.board_participants or None],
                [_("Frequentie"), p.board_frequency or None],
                [_("Besluitvorming"), p.board_decisions or None]]
        rows.extend(self._text(Step.GOVERNANCE))
        return rows, None, ""

    def analysis(self):
        return self._text(Step.ANALYSIS), None, _(
            "De cijfers bij de analyse staan in de werkruimte van het programma, met hun bron.")

    def targets(self):
        order = list(ProgrammeTarget.Kind.values)
        rows = [[t.get_kind_display(), t.period_label, t.maximum, t.reference_value,
                 t.justification]
                for t in sorted(self.programme.targets.all(),
                                key=lambda t: (order.index(t.kind), t.year))]
        return rows, None, law.R_PROGRAMME_TARGETS.text

    def agreements(self):
        agreements = sorted(self.programme.agreements.select_related("theme"),
                            key=lambda a: (_part_key(a.theme.section), a.theme.order, a.pk))
        return [[a.theme.section, a.theme.label, a.title, a.text, a.parties or None]
                for a in agreements], None, ""

    def measures(self):
        rows = []
        for m in sorted(self.programme.measures.select_related("labour_market_region"),
                        key=lambda m: (_part_key(m.section), m.pk)):
            conditions = "\n".join(
                f"{c.text} {m.conditions.get(c.code) or _('(nog niet onderbouwd)')}"
                for c in law.MEASURE_CONDITIONS)
            partner = m.labour_market_region.name if m.labour_market_region else None
            if partner and m.financial_agreement:
                partner = f"{partner}: {m.financial_agreement}"
            rows.append([m.section, m.title, m.description, conditions,
                         _("ja") if m.final else _("nee"), partner])
        return rows, None, law.R_MEASURES.text

    def participation(self):
        rows = [[s.held_on.strftime("%d-%m-%Y"), s.get_form_display(), s.groups, s.input,
                 (f"{s.get_step_display()}: {s.effect}" if s.step else s.effect) or None]
                for s in self.programme.participation.all()]
        return rows, None, ""

    def budget(self):
        return selectors.budget_part(self.programme)

    def execution(self):
        rows = self._text(Step.EXECUTION) + [
            [r.part, f"{r.get_task_display()}: {r.party}"]
            for r in self.programme.responsibilities.all()]
        return rows, None, ""

    def signatures(self):
        signed = {s.party: s for s in self.programme.signatures.all()}
        rows = []
        for party, label in selectors.required_parties(self.programme):
            s = signed.get(party)
            rows.append([label, s.signer_name if s else None, s.signer_function if s else None,
                         s.signed_on.strftime("%d-%m-%Y") if s else None])
        return rows, None, law.R_SIGNING.text
