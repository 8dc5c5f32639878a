"""The regions a user works in for the programme, a region's parties and the figures of its
regional analysis (each with its source)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27 import law
from route27.core.errors import NotFound
from route27.monitoring import cache, report
from route27.monitoring.reference import POPULATION_SOURCE, VSV_SOURCE, population, vsv_row
from route27.monitoring.selectors import municipalities_of, regions_of
from route27.organisations.models import (
    DoorstroompuntRegion,
    LabourMarketRegion,
    Municipality,
    RegionOverlap,
)
from route27.programme.models import Deadline, Funding, Programme, Theme

NOT_FOUND = gettext_lazy("Dit regionaal programma is niet gevonden of u heeft er geen toegang "
                         "toe.")


def regions_for(user, *, edit: bool = False) -> QuerySet[DoorstroompuntRegion]:
    """Edit: the coordinator's regions. Read: also the regions of the gemeenten the user's
    lead and policy teams serve."""
    own = regions_of(user)
    if edit:
        return own
    served = municipalities_of(user).values("doorstroompunt_region")
    return DoorstroompuntRegion.objects.filter(pk__in=own.values("pk")) | \
        DoorstroompuntRegion.objects.filter(pk__in=served)


def region_get(*, user, code: str, edit: bool = False) -> DoorstroompuntRegion:
    region = regions_for(user, edit=edit).filter(code=code).first()
    if region is None:
        raise NotFound(NOT_FOUND)
    return region


def current(region: DoorstroompuntRegion) -> Programme | None:
    return (Programme.objects.filter(region=region).prefetch_related("sections", "targets")
            .select_related("contact_municipality").order_by("-version").first())


@dataclass
class Parties:
    municipalities: list[Municipality]
    overlaps: list[tuple[RegionOverlap, list[Municipality]]]  # with their centrumgemeenten


def parties_of(region: DoorstroompuntRegion) -> Parties:
    municipalities = list(region.municipalities.order_by("name"))
    overlaps = list(RegionOverlap.objects.filter(doorstroompunt_region=region)
                    .select_related("labour_market_region")
                    .order_by("labour_market_region__code"))
    centres = {}
    for m in Municipality.objects.filter(
            labour_market_region__in=[o.labour_market_region_id for o in overlaps],
            is_centre_municipality=True).order_by("name"):
        centres.setdefault(m.labour_market_region_id, []).append(m)
    return Parties(municipalities, [(o, centres.get(o.labour_market_region_id, []))
                                    for o in overlaps])


def analysis(region: DoorstroompuntRegion, municipalities: list[Municipality]
             ) -> list[report.Table]:
    """The figures the app fills in for the regional analysis (seed 000 §6.2 stap 2): residents
    and the 15–25 estimate, new voortijdig schoolverlaters per gemeente (CBS), and the region's
    own inflow, routes and outflow over last year from the ledger, suppressed as the
    dashboard's region (< 5)."""
    people = report.Table(
        "bevolking", _("Inwoners en voortijdig schoolverlaters per gemeente"),
        [_("Gemeente"), _("Inwoners (1-1-2024)"), _("Van wie 15 tot 25 jaar (schatting)"),
         _("Nieuwe voortijdig schoolverlaters"), _("Leerlingen")],
        [[m.name, m.population_2024, _estimate(m), *_vsv(m)] for m in municipalities],
        note=_("Bronnen: %(sources)s.") % {"sources": f"{POPULATION_SOURCE}; {VSV_SOURCE}"})
    last_year = timezone.localdate().year - 1
    start, end = datetime.date(last_year, 1, 1), datetime.date(last_year, 12, 31)
    ids = tuple(m.pk for m in municipalities)
    own = report.region_table(
        municipalities=municipalities, stocks=cache.stock_by_municipality(end, ids),
        flows=cache.flows_by_municipality(start, end, ids))
    own.title = _("Eigen cijfers %(year)s uit de dossiers (stand 31 december)") % {
        "year": last_year}
    own.slug = "eigen-cijfers"
    own.multiples = []
    return [people, own]


def _estimate(municipality: Municipality) -> int | None:
    row = population(municipality.code)
    return int(row["schatting_15_tot_25_jaar"]) if row and row.get(
        "schatting_15_tot_25_jaar") else None


def _vsv(municipality: Municipality) -> list:
    row = vsv_row(municipality.code)
    return [int(row["vsv"]), int(row["leerlingen"])] if row else [None, None]


def open_themes(programme: Programme) -> list[Theme]:
    """The mandatory themes of the format without an agreement yet."""
    covered = programme.agreements.values("theme")
    return list(Theme.objects.filter(active=True, mandatory=True).exclude(pk__in=covered))


def overlapping_labour_market_regions(region) -> QuerySet[LabourMarketRegion]:
    return LabourMarketRegion.objects.filter(
        regionoverlap__doorstroompunt_region=region).order_by("code")


@dataclass
class Budget:
    table: report.Table
    total: Decimal
    overhead: Decimal
    warn_above: int

    @property
    def overhead_share(self) -> float | None:
        return round(float(self.overhead / self.total) * 100, 1) if self.total else None

    @property
    def warning(self) -> bool:
        share = self.overhead_share
        return share is not None and share > self.warn_above


def budget(programme: Programme) -> Budget:
    """Totals per funding source and year, the grand total and the overhead's share; the lines
    are summed in the database."""
    rows = (programme.budget_lines.values("source", "year").annotate(total=Sum("amount"))
            .order_by())
    per = {(r["source"], r["year"]): r["total"] for r in rows}
    years = list(law.PROGRAMME_YEARS)
    table_rows = []
    for source, label in Funding.choices:
        amounts = [per.get((source, y), Decimal(0)) for y in years]
        if any(amounts):
            table_rows.append([str(label), *[_money(a) for a in amounts], _money(sum(amounts))])
    totals = [sum((per.get((s, y), Decimal(0)) for s in Funding.values), Decimal(0))
              for y in years]
    total = sum(totals, Decimal(0))
    overhead = programme.budget_lines.exclude(overhead="").aggregate(
        n=Sum("amount"))["n"] or Decimal(0)
    table = report.Table("begroting", _("Begroting per bron en jaar (euro)"),
                         [_("Bron"), *[str(y) for y in years], _("Totaal")], table_rows,
                         totals=[_("Totaal"), *[_money(t) for t in totals], _money(total)])
    return Budget(table, total, overhead, settings.ROUTE27_PROGRAMME_OVERHEAD_WARNING_PERCENT)


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def required_parties(programme: Programme, parties: Parties | None = None
                     ) -> list[tuple[str, str]]:
    """Who signs (law.R_SIGNING): the contactgemeente, the contactschool and the centrumgemeente
    of each overlapping arbeidsmarktregio, as (party code, label). ``parties``: the region's,
    when the caller has them already."""
    contact = programme.contact_municipality
    signers = [("contact_municipality", _("Contactgemeente %(name)s") % {
                   "name": contact.name} if contact else _("Contactgemeente (nog aanwijzen)")),
               ("contact_school", _("Contactschool %(name)s") % {
                   "name": programme.contact_school} if programme.contact_school
                else _("Contactschool (nog aanwijzen)"))]
    for overlap, centres in (parties or parties_of(programme.region)).overlaps:
        if not centres:
            signers.append((f"centre:{overlap.labour_market_region.code}", _(
                "Centrumgemeente van %(region)s (nog vastleggen)") % {
                "region": overlap.labour_market_region.name}))
        for centre in centres:
            signers.append((f"centre:{centre.code}", _("Centrumgemeente %(name)s") % {
                "name": centre.name}))
    return list(dict(signers).items())


def signing_problems(programme: Programme, parties: Parties | None = None) -> list[str]:
    """What still stands in the way of signing (the Regeling's minimum)."""
    problems = []
    if programme.contact_municipality is None:
        problems.append(_("Wijs de contactgemeente aan."))
    if not programme.contact_school:
        problems.append(_("Wijs de contactschool aan."))
    overlaps = (parties or parties_of(programme.region)).overlaps
    if not all(centres for _overlap, centres in overlaps):
        problems.append(_("Leg de centrumgemeente van elke arbeidsmarktregio vast "
                          "(functioneel beheer)."))
    kinds = set(programme.targets.values_list("kind", flat=True))
    if len(kinds) < 2:
        problems.append(_("Stel beide streefcijfers vast, met onderbouwing."))
    return problems


def next_deadline(today: datetime.date | None = None) -> Deadline | None:
    """The first date of the programme's calendar that has not passed."""
    return Deadline.objects.filter(ends_on__gte=today or timezone.localdate()).first()


@dataclass
class Summary:
    region: DoorstroompuntRegion
    programme: Programme | None
    open_themes: int


def summaries(user) -> list[Summary]:
    """The programmes of the user's regions for the home page: version and status, and how
    many mandatory themes still lack an agreement."""
    result = []
    for region in regions_for(user).order_by("code")[:3]:
        programme = Programme.objects.filter(region=region).order_by("-version").first()
        result.append(Summary(region, programme,
                              len(open_themes(programme)) if programme else 0))
    return result
