"""The dashboard as a list of tables: the page shows each with its chart, and the exports
(CSV, XLSX, PDF) write the very same tables, so what is downloaded is what is shown."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27.casefile.vocabularies import ENTRANCES
from route27.monitoring import indicators, suppression
from route27.monitoring.indicators import INDICATORS, Flows, Stock
from route27.monitoring.reference import reference_figures
from route27.monitoring.suppression import HIDDEN
from route27.monitoring.targets import progress
from route27.organisations.models import Municipality
from route27.outreach.models import LeaverStatus
from route27.trajectories.models import Intensity, OutflowReason
from route27.trajectories.workflow import Step


@dataclass
class Table:
    slug: str
    title: str
    head: list[str]
    rows: list[list]  # the first cell names the row
    totals: list | None = None  # the last row, "Totaal"
    chart: dict | None = None  # {"type": "bar"|"line", "labels": [...], "series": [...]}
    note: str = ""
    multiples: list[dict] = field(default_factory=list)  # small multiples per row

    @property
    def chart_id(self) -> str:
        return f"chart-{self.slug}"

    def cells(self):
        """Rows as text, for the page and the exports (a hidden count as "< 5")."""
        for row in [*self.rows, *([self.totals] if self.totals else [])]:
            yield [_cell(v) for v in row]


def _cell(value) -> str:
    if value is None:
        return "–"
    if value is HIDDEN:
        return str(HIDDEN)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _bar(labels, values, label) -> dict:
    return {"type": "bar", "labels": [str(x) for x in labels],
            "series": [{"label": str(label), "values": [suppression.chart_value(v)
                                                         for v in values]}]}


def _counted(title, slug, head, pairs, chart=False, note="") -> Table:
    rows = [[label, n] for label, n in pairs]
    return Table(slug, title, head, rows, note=note,
                 chart=_bar([r[0] for r in rows], [r[1] for r in rows], head[1])
                 if chart and rows else None)


def _label(choices, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return code or _("onbekend")


INDICATOR_HEAD = [gettext_lazy("Indicator"), gettext_lazy("Waarde"),
                  gettext_lazy("Streefcijfer"), gettext_lazy("Stand"),
                  gettext_lazy("Nodig per maand")]


def municipality_tables(*, municipality: Municipality, day: datetime.date,
                        start: datetime.date, end: datetime.date, stock: Stock, flows: Flows,
                        months: list, targets: dict[str, int], year_flows: Flows,
                        leavers: dict | None) -> list[Table]:
    """The tables of one municipality (or a team or coach in it): exact counts, because a
    user of a single municipality sees their own youth's numbers."""
    rows = []
    for code, indicator in INDICATORS.items():
        actual = indicators.value(code, stock, flows)
        target = targets.get(code)
        mark = progress(indicator, day=day, target=target,
                        actual=indicators.value(code, stock, year_flows))
        rows.append([str(indicator.label), actual, target, mark.status, mark.needed])
    tables = [Table("indicatoren", _("Indicatoren"), [str(h) for h in INDICATOR_HEAD], rows,
                    note=_("Voorraad op de peildatum, stromen over de periode; het "
                           "streefcijfer geldt voor het jaar van de peildatum."))]
    steps = [(str(s.label), stock.by_step.get(s, 0)) for s in
             (*indicators.RUNNING_STEPS, Step.AFTERCARE)]
    tables.append(_counted(_("Jongeren per stap op de peildatum"), "stappen",
                           [_("Stap"), _("Jongeren")], steps, chart=True))
    trend = Table("trend", _("Instroom en uitstroom per maand"),
                  [_("Maand"), _("Instroom"), _("Uitstroom")],
                  [[m.month.strftime("%Y-%m"), m.inflow, m.outflow] for m in months])
    trend.chart = {"type": "line", "labels": [r[0] for r in trend.rows], "series": [
        {"label": _("Instroom"), "values": [r[1] for r in trend.rows]},
        {"label": _("Uitstroom"), "values": [r[2] for r in trend.rows]}]}
    tables.append(trend)
    intensity = [(_label(Intensity, code), stock.by_intensity.get(code, 0))
                 for code in [*Intensity.values, ""]]
    tables.append(_counted(_("Intensiteit van de lopende trajecten"), "intensiteit",
                           [_("Intensiteit"), _("Trajecten")], intensity))
    tables.append(_counted(
        _("Startkwalificatie van de jongeren in traject"), "startkwalificatie",
        [_("Startkwalificatie"), _("Jongeren")],
        [(_("zonder startkwalificatie"), stock.without_startkwalificatie),
         (_("niet bekend (nog geen route of diploma onbekend)"),
          stock.startkwalificatie_unknown),
         (_("met startkwalificatie"), stock.in_trajectory - stock.without_startkwalificatie
          - stock.startkwalificatie_unknown)]))
    tables.append(_counted(_("Instroom per ingang (No Wrong Door)"), "ingangen",
                           [_("Ingang"), _("Trajecten")],
                           sorted(((ENTRANCES.label(c), n) for c, n in
                                   flows.inflow_by_entrance.items()), key=lambda r: -r[1]),
                           chart=True))
    tables.append(_counted(_("Besloten routes per grondslag (art. 7a)"), "grondslag",
                           [_("Grondslag"), _("Routes")],
                           sorted(((_basis(c), n) for c, n in flows.legal_basis.items()),
                                  key=lambda r: r[0])))
    tables.append(_counted(_("Uitstroom per reden"), "uitstroom", [_("Reden"), _("Jongeren")],
                           sorted(((_label(OutflowReason, c), n) for c, n in
                                   flows.outflow_by_reason.items()), key=lambda r: -r[1])))
    outreach = [(_("zaken geopend"), flows.outreach_opened),
                (_("bereikt (traject, doorverwezen, al in beeld)"), flows.outreach_reached),
                (_("niet bereikbaar"), flows.outreach_closed.get("not_reachable", 0)),
                (_("wil geen hulp"), flows.outreach_closed.get("declined", 0))]
    tables.append(_counted(_("Outreach: jongeren niet in beeld"), "outreach",
                           [_("Uitkomst"), _("Aantal")], outreach))
    if leavers is not None:
        rows = [(_label(LeaverStatus, c), n) for c, n in leavers["by_status"].items()]
        rows.append((_("waarvan niet bevestigd in de gestelde termijn"), leavers["stale"]))
        tables.append(_counted(_("Status van schoolverlaters (vandaag)"), "schoolverlaters",
                               [_("Status"), _("Jongeren")], rows,
                               note=_("De stand van vandaag, niet van de peildatum.")))
    tables.append(reference_table(municipality))
    return tables


def _basis(code: str) -> str:
    """"7a-1a" → "art. 7a lid 1 sub a" (law.LegalBasis)."""
    article, _sep, rest = code.partition("-")
    if not rest:
        return code or _("onbekend")
    member, sub = rest[:1], rest[1:]
    return f"art. {article} lid {member}" + (f" sub {sub}" if sub else "")


def reference_table(municipality: Municipality) -> Table:
    rows = [[f.label, f.value, f.source] for f in reference_figures(municipality)]
    return Table("referentie", _("Referentiecijfers"), [_("Cijfer"), _("Waarde"), _("Bron")],
                 rows, note=_("Openbare cijfers van CBS, naast de eigen telling."))


# The columns of a region's table: counts per municipality, then the average duration.
REGION_COLUMNS = ("in_trajectory", "at_doorstroompunt", "with_jongerencoach", "in_aftercare",
                  "without_startkwalificatie", "inflow", "from_school", "to_education",
                  "to_durable_work", "to_work_or_care")
# (part, whole): the rest of the whole would give the part back.
REGION_PARTS = ((1, 0), (2, 0), (4, 0), (6, 5))


def region_table(*, municipalities: list[Municipality], stocks: dict[int, Stock],
                 flows: dict[int, Flows]) -> Table:
    """One row per municipality, totals beneath, counts 1–4 suppressed with everything that
    would give them back (``monitoring.suppression``)."""
    raw = []
    for m in municipalities:
        s, f = stocks.get(m.pk) or Stock(None), flows.get(m.pk) or Flows(None, None)
        raw.append([indicators.value(code, s, f) for code in REGION_COLUMNS])
    totals = [sum(r[c] for r in raw) for c in range(len(REGION_COLUMNS))]
    shown, shown_totals = suppression.table(raw, totals=totals, parts=REGION_PARTS)
    head = [_("Gemeente"), *[str(INDICATORS[c].label) for c in REGION_COLUMNS]]
    rows = [[m.name, *cells] for m, cells in zip(municipalities, shown, strict=True)]
    table = Table("regio", _("Gemeenten van de regio"), head, rows,
                  totals=[_("Totaal"), *shown_totals],
                  note=_("Aantallen van 1 tot en met 4 worden niet getoond (< 5), net als "
                         "elk getal waaruit ze terug te rekenen zijn."))
    short = [str(INDICATORS[c].label) for c in ("in_trajectory", "in_aftercare", "inflow",
                                                 "to_education", "to_durable_work")]
    picks = [REGION_COLUMNS.index(c) for c in ("in_trajectory", "in_aftercare", "inflow",
                                                "to_education", "to_durable_work")]
    table.multiples = [{"title": m.name, "labels": short,
                        "values": [suppression.chart_value(cells[i]) for i in picks]}
                       for m, cells in zip(municipalities, shown, strict=True)]
    return table
