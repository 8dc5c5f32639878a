"""The yearly effectrapportage (law.R_EFFECT_REPORT), generated from the programme, the
partners' entries and the case data. Its layout is data (``formats/effectrapportage-<year>.json``,
``documents``), so a new DUO format year is a new file. The generated parts depend only on the
data: the same data gives the same report (no clock inside)."""

from __future__ import annotations

import datetime

from django.db.models import Sum
from django.utils.translation import gettext as _

from route27.monitoring import cache
from route27.monitoring.suppression import HIDDEN, small
from route27.programme import documents, selectors
from route27.programme.models import EffectReport, Programme, ProgrammeTarget

KIND = "effectrapportage"


def programme_for(region, year: int) -> Programme | None:
    """The version the report is about: the newest signed one (signed or since superseded),
    else the version in preparation."""
    versions = Programme.objects.filter(region=region).order_by("-version")
    return (versions.exclude(status=Programme.Status.DRAFT).first() or versions.first())


def _last_day(year: int, today: datetime.date) -> datetime.date:
    """31 December of the year, or the last whole day before ``today`` if that is earlier."""
    return min(datetime.date(year, 12, 31), today - datetime.timedelta(days=1))


def build(report: EffectReport, *, today: datetime.date) -> documents.Generated:
    """The report for ``report.year``. ``today`` only bounds the figures from the case data
    to whole days (a report over the running year counts up to yesterday)."""
    programme = programme_for(report.region, report.year)
    return documents.build(documents.layout_for(KIND, report.year),
                           _Blocks(report, programme, today), region=report.region.name,
                           year=report.year,
                           programme_version=programme.version if programme else None)


class _Blocks:
    """One method per block a format may name: (rows, columns when the format leaves them
    to the block, note)."""

    def __init__(self, report: EffectReport, programme: Programme | None,
                 today: datetime.date):
        self.report, self.programme, self.today = report, programme, today
        self.start = datetime.date(report.year, 1, 1)
        self.end = _last_day(report.year, today)
        self.chosen = list(programme.measures.order_by("section", "id")) if programme else []

    def general(self):
        p, r = self.programme, self.report
        rows = [[_("Doorstroompuntregio"), f"{r.region.code} {r.region.name}"],
                [_("Jaar"), r.year],
                [_("Versie van het programma"), p.version if p else None],
                [_("Contactgemeente"), p.contact_municipality.name
                 if p and p.contact_municipality else None],
                [_("Contactschool"), p.contact_school if p and p.contact_school else None],
                [_("Ingediend bij DUO op"), r.submitted_on.strftime("%d-%m-%Y")
                 if r.submitted_on else None]]
        return rows, None, ""

    def _own_neet(self) -> int | object | None:
        if self.end < self.start:
            return None
        ids = tuple(self.report.region.municipalities.values_list("pk", flat=True))
        stocks = cache.stock_by_municipality(self.end, ids, age_band="neet")
        total = sum(s.in_trajectory for s in stocks.values())
        return HIDDEN if small(total) else total

    def targets(self):
        if self.programme is None:
            return [], None, ""
        rows = []
        own_neet = None
        order = list(ProgrammeTarget.Kind.values)  # the Regeling's order: VSV, then NEET
        for target in sorted(self.programme.targets.filter(year=self.report.year),
                             key=lambda t: order.index(t.kind)):
            key = f"{target.kind}-{target.year}"
            realised = self.report.realised.get(key)
            own = None
            if target.kind == ProgrammeTarget.Kind.NEET:
                own = own_neet = self._own_neet() if own_neet is None else own_neet
            met = (None if realised is None else
                   _("ja") if realised <= target.maximum else _("nee"))
            rows.append([target.get_kind_display(), target.period_label, target.maximum,
                         target.reference_value, realised, own, met,
                         self.report.explanations.get(key, "")])
        return rows, None, _(
            "Gerealiseerd: het cijfer van DUO (voortijdig schoolverlaters) of CBS (jongeren "
            "zonder werk of opleiding), ingevuld door de partners. Uit de dossiers: jongeren "
            "van 16 tot 27 jaar in een traject op %(day)s, uit Route27; '< 5' bij 1 tot en "
            "met 4.") % {"day": self.end.strftime("%d-%m-%Y")}

    def agreements(self):
        if self.programme is None:
            return [], None, ""
        rows = [[a.theme.section, a.theme.label, a.title,
                 self.report.progress.get(f"agreement-{a.pk}", "")]
                for a in self.programme.agreements.select_related("theme")
                .order_by("theme__order", "id")]
        return rows, None, ""

    def measures(self):
        if self.programme is None:
            return [], None, ""
        reach = selectors.reach(self.chosen, self.start, self.end)
        spent = {row["measure"]: row["total"] for row in
                 self.programme.budget_lines.filter(year=self.report.year)
                 .exclude(measure=None).values("measure").annotate(total=Sum("amount"))
                 .order_by()}
        rows = [[m.section, m.title, _("ja") if m.final else _("nee"),
                 selectors.money(spent.get(m.pk)) if spent.get(m.pk) else None, row[1],
                 self.report.progress.get(f"measure-{m.pk}", "")]
                for m, row in zip(self.chosen, reach.rows, strict=True)]
        return rows, None, ""

    def reach(self):
        table = selectors.reach(self.chosen, self.start, self.end)
        return ([*table.rows, *([table.totals] if table.totals else [])], table.head,
                table.note)

    def participation(self):
        if self.programme is None:
            return [], None, ""
        sessions = self.programme.participation.filter(held_on__year=self.report.year)
        rows = [[s.held_on.strftime("%d-%m-%Y"), s.get_form_display(), s.groups, s.input,
                 (f"{s.get_step_display()}: {s.effect}" if s.step else s.effect)]
                for s in sessions]
        return rows, None, ""

    def budget(self):
        if self.programme is None:
            return [], [], ""
        return selectors.budget_part(self.programme)

    def versions(self):
        rows = []
        for p in Programme.objects.filter(region=self.report.region).order_by("version"):
            last = p.signatures.order_by("-signed_on").first()
            rows.append([p.version, p.get_status_display(),
                         last.signed_on.strftime("%d-%m-%Y")
                         if last and p.status != Programme.Status.DRAFT else None])
        return rows, None, ""

    def partner_text(self):
        return ([[self.report.partner_text]] if self.report.partner_text else []), None, ""


