"""The yearly effectrapportage (law.R_EFFECT_REPORT), generated from the programme, the
partners' entries and the case data. Its layout is data (``formats/effectrapportage-<year>.json``:
sections, titles, columns, order), so a new DUO format year is a new file. The generated parts
depend only on the data: the same data gives the same report (no clock inside)."""

from __future__ import annotations

import datetime
import io
import json
from dataclasses import asdict, dataclass, field
from functools import cache as memoise
from pathlib import Path

from django.db.models import Sum
from django.utils.translation import gettext as _

from route27.monitoring import cache
from route27.monitoring.suppression import HIDDEN, small
from route27.programme import selectors
from route27.programme.models import EffectReport, Programme, ProgrammeTarget

FORMATS = Path(__file__).parent / "formats"


@memoise
def _formats() -> dict[int, dict]:
    found = {}
    for path in FORMATS.glob("effectrapportage-*.json"):
        layout = json.loads(path.read_text(encoding="utf-8"))
        found[layout["format_year"]] = layout
    return found


def layout_for(year: int) -> dict:
    """The newest format that applies to a report year."""
    years = [y for y in _formats() if y <= year] or [min(_formats())]
    return _formats()[max(years)]


@dataclass
class Part:
    code: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


@dataclass
class Generated:
    title: str
    region: str
    year: int
    format_year: int
    source: str
    programme_version: int | None
    parts: list[Part]

    def as_dict(self) -> dict:
        return asdict(self)


def programme_for(region, year: int) -> Programme | None:
    """The version the report is about: the newest signed one (signed or since superseded),
    else the version in preparation."""
    versions = Programme.objects.filter(region=region).order_by("-version")
    return (versions.exclude(status=Programme.Status.DRAFT).first() or versions.first())


def _cell(value):
    if value is None:
        return "–"
    if value is HIDDEN:
        return str(HIDDEN)
    return value


def _last_day(year: int, today: datetime.date) -> datetime.date:
    """31 December of the year, or the last whole day before ``today`` if that is earlier."""
    return min(datetime.date(year, 12, 31), today - datetime.timedelta(days=1))


def build(report: EffectReport, *, today: datetime.date) -> Generated:
    """The report for ``report.year``. ``today`` only bounds the figures from the case data
    to whole days (a report over the running year counts up to yesterday)."""
    region, year = report.region, report.year
    layout = layout_for(year)
    programme = programme_for(region, year)
    blocks = _Blocks(report, programme, today)
    parts = []
    for section in layout["sections"]:
        rows, columns, note = getattr(blocks, section["block"])()
        parts.append(Part(section["code"], section["title"], section["columns"] or columns,
                          [[_cell(v) for v in row] for row in rows], note))
    return Generated(layout["title"], region.name, year, layout["format_year"], layout["source"],
                     programme.version if programme else None, parts)


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
        budget = selectors.budget(self.programme)
        table = budget.table
        note = _("Overhead: %(share)s%% van het totaal.") % {
            "share": str(budget.overhead_share).replace(".", ",")} \
            if budget.overhead_share is not None else ""
        return [*table.rows, *([table.totals] if table.totals else [])], table.head, note

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


# --- Outputs -------------------------------------------------------------------------------------
def as_json(generated: Generated) -> bytes:
    return json.dumps(generated.as_dict(), ensure_ascii=False, indent=2,
                      default=str).encode("utf-8")


def as_xlsx(generated: Generated) -> bytes:
    """One sheet laid out like the form: the sections in the format's order, each with its
    code, title, column heads and rows. Fixed workbook dates keep it the same for the same
    data."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    layout = layout_for(generated.year)
    book = Workbook()
    sheet = book.active
    sheet.title = layout["sheet"][:31]
    sheet.append([generated.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"{generated.region} · {generated.year}"])
    for part in generated.parts:
        sheet.append([])
        sheet.append([f"{part.code}. {part.title}"])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        sheet.append(list(part.columns))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in part.rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if not part.rows:
            sheet.append([_("Niets vastgelegd.")])
        if part.note:
            sheet.append([part.note])
    for column in "ABCDEFGH":
        sheet.column_dimensions[column].width = 28
    stamp = datetime.datetime(generated.year, 1, 1)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "Route27"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_pdf(generated: Generated) -> bytes:
    from route27.core.pdf import render_pdf

    return render_pdf("programme/pdf/effect_report.html", {"report": generated})
