"""The centrumgemeente's overview of an arbeidsmarktregio (issue 15 §6): the main choices of
each gemeente's verordening and practice side by side, with what differs from most gemeenten
marked, and key indicators per gemeente (suppressed below 5); and the route map of a region:
whom to call for which group. Counts and settings only; no file opens here."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27 import law
from route27.monitoring import cache, report
from route27.monitoring.selectors import municipalities_for_targets, regions_of
from route27.organisations.models import (
    LabourMarketRegion,
    MunicipalConfig,
    Municipality,
    Organisation,
)
from route27.organisations.roles import OrganisationType
from route27.programme.models import Measure, Programme
from route27.trajectories.models import Instrument


def labour_market_regions_for(user) -> QuerySet[LabourMarketRegion]:
    """The arbeidsmarktregio's whose centrumgemeente the user's policy team serves, and those
    overlapping the regional coordinator's regions."""
    centres = municipalities_for_targets(user).filter(is_centre_municipality=True)
    return LabourMarketRegion.objects.filter(
        Q(pk__in=centres.values("labour_market_region"))
        | Q(regionoverlap__doorstroompunt_region__in=regions_of(user))).distinct().order_by(
        "code")


# The parameters compared, as (field of MunicipalConfig, label). ``aftercare_months`` is a list.
PARAMETERS = (
    ("intake_weeks", gettext_lazy("Intake binnen (weken)")),
    ("aftercare_term_months", gettext_lazy("Nazorg tot (maanden)")),
    ("aftercare_months", gettext_lazy("Nazorgmomenten (maanden)")),
    ("hardship_policy", gettext_lazy("Hardheidsclausule")),
    ("intensive_contacts_per_month", gettext_lazy("Contacten per maand (intensief)")),
    ("executor", gettext_lazy("Wie voert uit")),
    ("no_contact_weeks", gettext_lazy("Signaal na weken zonder contact")),
)


@dataclass
class Cell:
    text: str
    differs: bool  # not what most gemeenten of the arbeidsmarktregio do
    missing: bool


@dataclass
class Comparison:
    head: list[str]
    rows: list[tuple[Municipality, list[Cell]]]
    differing: int  # cells marked

    @property
    def columns(self) -> int:
        return len(self.head)


def _display(config: MunicipalConfig, name: str) -> str:
    value = getattr(config, name)
    if value in (None, "", []):
        return ""
    if name == "aftercare_months":
        return ", ".join(str(m) for m in value)
    if name in ("hardship_policy", "executor"):
        return str(getattr(config, f"get_{name}_display")())
    return str(value)


def comparison(municipalities: list[Municipality]) -> Comparison:
    """Side by side. A value differs when most gemeenten (more than half of those that
    recorded it) chose another; a value not recorded is marked as missing."""
    configs = {c.municipality_id: c for c in
               MunicipalConfig.objects.filter(municipality__in=municipalities)}
    values = {}
    for m in municipalities:
        config = configs.get(m.pk) or MunicipalConfig(municipality=m)  # unsaved: the defaults
        values[m.pk] = {name: _display(config, name) for name, _label in PARAMETERS}
    majority = {}
    for name, _label in PARAMETERS:
        recorded = [v[name] for v in values.values() if v[name]]
        if recorded:
            value, n = Counter(recorded).most_common(1)[0]
            if n * 2 > len(recorded):
                majority[name] = value
    rows, differing = [], 0
    for m in municipalities:
        cells = []
        for name, _label in PARAMETERS:
            text = values[m.pk][name]
            differs = bool(text) and name in majority and text != majority[name]
            differing += differs
            cells.append(Cell(text or _("niet vastgelegd"), differs, not text))
        rows.append((m, cells))
    return Comparison([str(label) for _name, label in PARAMETERS], rows, differing)


def indicators(municipalities: list[Municipality],
               today: datetime.date | None = None) -> report.Table:
    """Key indicators per gemeente at yesterday and over this year so far, as the dashboard's
    region table (suppressed)."""
    yesterday = (today or timezone.localdate()) - datetime.timedelta(days=1)
    start = datetime.date(yesterday.year, 1, 1)
    ids = tuple(m.pk for m in municipalities)
    table = report.region_table(municipalities=municipalities,
                                stocks=cache.stock_by_municipality(yesterday, ids),
                                flows=cache.flows_by_municipality(start, yesterday, ids))
    table.title = _("Kerncijfers per gemeente (stand %(day)s, stromen vanaf 1 januari)") % {
        "day": yesterday.strftime("%d-%m-%Y")}
    table.multiples = []
    return table


def measures_with(labour_market_region) -> list:
    """The maatregelen carried out with this arbeidsmarktregio, of each region's newest
    programme version: their place in the meerjarenagenda and the financial agreement."""
    newest = Programme.objects.filter(region=OuterRef("programme__region")).values(
        "region").annotate(top=Max("version")).values("top")
    return list(Measure.objects.filter(labour_market_region=labour_market_region,
                                       programme__version=Subquery(newest))
                .select_related("programme__region").order_by("programme__region__code", "id"))


@dataclass
class ComparisonSummary:
    labour_market_region: LabourMarketRegion
    differing: int
    missing: int


def comparison_summaries(user) -> list[ComparisonSummary]:
    """For the home page: per arbeidsmarktregio of the user's overview, how many choices
    differ from most gemeenten and how many are not recorded (at most three regions)."""
    result = []
    for amr in labour_market_regions_for(user)[:3]:
        compared = comparison(list(amr.municipalities.order_by("name")))
        result.append(ComparisonSummary(amr, compared.differing, sum(
            c.missing for _m, cells in compared.rows for c in cells)))
    return result


# --- Route map: whom to call for which group ---------------------------------------------------
@dataclass(frozen=True)
class Group:
    code: str
    label: str
    who: tuple[str, ...]  # organisation types that take this group
    routes: tuple[str, ...]  # catalogue provisions on these routes fit


GROUPS = (
    Group("at_school", gettext_lazy("Nog op school en dreigt uit te vallen"),
          (OrganisationType.SCHOOL_VO, OrganisationType.SCHOOL_MBO, OrganisationType.GEMEENTE),
          (law.Route.SUPPORT_DURING_SCHOOL,)),
    Group("back_to_school", gettext_lazy("Zonder startkwalificatie, kan terug naar school"),
          (OrganisationType.DOORSTROOMPUNT,),
          (law.Route.BACK_TO_SCHOOL, law.Route.JOINT_ASSESSMENT, law.Route.ASSESS_SCHOOL)),
    Group("work", gettext_lazy("Naar werk of een leerwerktraject"),
          (OrganisationType.GEMEENTE,), (law.Route.WORK, law.Route.LEARN_WORK,
                                         law.Route.SHELTERED_WORK)),
    Group("retraining", gettext_lazy("Omscholing of een andere opleiding met werk"),
          (OrganisationType.WERKCENTRUM,), (law.Route.WERKCENTRUM,)),
    Group("multi", gettext_lazy("Meervoudige problematiek (schulden, wonen, zorg)"),
          (OrganisationType.SOCIAAL_TEAM, OrganisationType.JONGERENWERK), ()),
)


@dataclass
class Stop:
    group: Group
    organisations: list[Organisation]
    provisions: list[Instrument]


def route_map(region) -> list[Stop]:
    """Per group: the organisations of the chain that serve the region's gemeenten, and the
    catalogue's provisions (national and of this region) on its routes."""
    municipalities = region.municipalities.all()
    organisations = list(Organisation.objects.filter(
        Q(teams__serves__in=municipalities) | Q(municipality__in=municipalities))
        .distinct().order_by("name"))
    provisions = list(Instrument.objects.filter(active=True).filter(
        Q(scope=Instrument.Scope.NATIONAL)
        | Q(scope=Instrument.Scope.REGION, region=region)).order_by("name"))
    stops = []
    for group in GROUPS:
        stops.append(Stop(
            group, [o for o in organisations if o.type in group.who],
            [p for p in provisions if group.routes and p.routes
             and set(p.routes) & set(group.routes)]))
    return stops
