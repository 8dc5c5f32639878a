"""The regions a user works in for the programme, a region's parties and the figures of its
regional analysis (each with its source)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27 import law
from route27.core.errors import NotFound
from route27.monitoring import cache, report, suppression
from route27.monitoring.reference import POPULATION_SOURCE, VSV_SOURCE, population, vsv_row
from route27.monitoring.selectors import (
    municipalities_for_targets,
    municipalities_of,
    regions_of,
)
from route27.organisations.models import (
    DoorstroompuntRegion,
    LabourMarketRegion,
    Municipality,
    RegionOverlap,
)
from route27.programme.models import (
    Contribution,
    Deadline,
    EffectReport,
    Funding,
    Measure,
    Programme,
    Proposal,
    SubsidyApplication,
    Theme,
)
from route27.trajectories.models import InstrumentUse, OutflowReason

NOT_FOUND = gettext_lazy("Dit regionaal programma is niet gevonden of u heeft er geen toegang "
                         "toe.")


def _policy_municipalities(user) -> QuerySet[Municipality]:
    return municipalities_for_targets(user)  # served by the user's beleidsadviseur teams


def _centre_regions(user) -> QuerySet[DoorstroompuntRegion]:
    """The regions that overlap an arbeidsmarktregio whose centrumgemeente the user's policy
    team serves."""
    centres = _policy_municipalities(user).filter(is_centre_municipality=True)
    return DoorstroompuntRegion.objects.filter(
        regionoverlap__labour_market_region__in=centres.values("labour_market_region"))


def regions_for(user, *, edit: bool = False) -> QuerySet[DoorstroompuntRegion]:
    """Who keeps and who reads a region's programme (law.R_PROGRAMME_ROLES). Edit: the
    regional coordinator, and the policy team of the region's contactgemeente (procesregie).
    Read: also the gemeenten of the region (their lead and policy teams) and the policy team
    of a centrumgemeente of an overlapping arbeidsmarktregio."""
    own = regions_of(user)
    newest = Programme.objects.filter(region=OuterRef("region")).order_by("-version").values(
        "pk")[:1]
    leading = Programme.objects.filter(
        pk=Subquery(newest),  # the contactgemeente of the version in force or in preparation
        contact_municipality__in=_policy_municipalities(user)).values("region")
    keeps = (DoorstroompuntRegion.objects.filter(pk__in=own.values("pk"))
             | DoorstroompuntRegion.objects.filter(pk__in=leading))
    if edit:
        return keeps
    served = municipalities_of(user).values("doorstroompunt_region")
    return keeps | DoorstroompuntRegion.objects.filter(pk__in=served) | \
        DoorstroompuntRegion.objects.filter(pk__in=_centre_regions(user).values("pk"))


def keeps(user, region_id: int) -> bool:
    """Whether the user keeps this region's programme (``regions_for(edit=True)``)."""
    return regions_for(user, edit=True).filter(pk=region_id).exists()


def centres_for(user, region) -> list[Municipality]:
    """The centrumgemeenten of the region's overlapping arbeidsmarktregio's whose policy team
    the user is in: they co-sign for it and advise (law.R_PROGRAMME_ROLES)."""
    return list(_policy_municipalities(user).filter(
        is_centre_municipality=True,
        labour_market_region__regionoverlap__doorstroompunt_region=region))


def contributes_for(user, region) -> list[Municipality]:
    """The gemeenten of the region (and centrumgemeenten) on whose behalf the user adds a
    remark to the programme."""
    mine = list(municipalities_of(user).filter(doorstroompunt_region=region))
    return mine + [c for c in centres_for(user, region) if c not in mine]


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
            table_rows.append([str(label), *[money(a) for a in amounts], money(sum(amounts))])
    totals = [sum((per.get((s, y), Decimal(0)) for s in Funding.values), Decimal(0))
              for y in years]
    total = sum(totals, Decimal(0))
    overhead = programme.budget_lines.exclude(overhead="").aggregate(
        n=Sum("amount"))["n"] or Decimal(0)
    table = report.Table("begroting", _("Begroting per bron en jaar (euro)"),
                         [_("Bron"), *[str(y) for y in years], _("Totaal")], table_rows,
                         totals=[_("Totaal"), *[money(t) for t in totals], money(total)])
    return Budget(table, total, overhead, settings.ROUTE27_PROGRAMME_OVERHEAD_WARNING_PERCENT)


def budget_part(programme: Programme) -> tuple[list[list], list[str], str]:
    """The budget as a document's part: (rows with the totals, head, the overhead's share)."""
    found = budget(programme)
    note = _("Overhead: %(share)s%% van het totaal.") % {
        "share": str(found.overhead_share).replace(".", ",")} \
        if found.overhead_share is not None else ""
    table = found.table
    return [*table.rows, *([table.totals] if table.totals else [])], table.head, note


def money(amount: Decimal) -> str:
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
    open_themes: list[Theme]


def summaries(user) -> list[Summary]:
    """The programmes of the user's regions for the home page: version and status, and how
    many mandatory themes still lack an agreement."""
    result = []
    for region in regions_for(user).order_by("code")[:3]:
        programme = Programme.objects.filter(region=region).order_by("-version").first()
        result.append(Summary(region, programme, open_themes(programme) if programme else []))
    return result


# --- Reach of maatregelen (issue 15 §4) ----------------------------------------------------------
REACH_OUTCOMES = (
    ("open", gettext_lazy("Nog in traject")),
    (OutflowReason.EDUCATION, gettext_lazy("Naar onderwijs")),
    (OutflowReason.DURABLE_WORK, gettext_lazy("Naar duurzaam werk")),
    (OutflowReason.LEARN_WORK, gettext_lazy("Naar leerwerktraject")),
    ("other", gettext_lazy("Anders uitgestroomd")),
)


def reach(measures: list[Measure], start: datetime.date, end: datetime.date) -> report.Table:
    """Per maatregel: how many youth a coach tagged with it (used its provision in their
    trajectory, started in the period), and where they are now. One grouped query; counts
    cross municipalities, so 1–4 is "< 5" (``monitoring.suppression``)."""
    provisions = {m.provision_id: m for m in measures if m.provision_id}
    in_period = InstrumentUse.objects.filter(instrument__in=list(provisions),
                                             started_on__range=(start, end))
    # A youth tagged more than once counts once, by the trajectory of the latest tag.
    later = in_period.filter(
        instrument=OuterRef("instrument"), trajectory__youth=OuterRef("trajectory__youth")).filter(
        Q(started_on__gt=OuterRef("started_on"))
        | Q(started_on=OuterRef("started_on"), pk__gt=OuterRef("pk")))
    rows = (in_period.filter(~Exists(later))
            .annotate(running=ExpressionWrapper(Q(trajectory__closed_on__isnull=True),
                                                output_field=BooleanField()))
            .values("instrument", "running", "trajectory__outflow_reason")
            .annotate(n=Count("trajectory__youth", distinct=True)).order_by())
    named = {code for code, _label in REACH_OUTCOMES}
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        outcome = ("open" if row["running"]
                   else row["trajectory__outflow_reason"])
        outcome = outcome if outcome in named else "other"
        per = counts.setdefault(row["instrument"], {})
        per[outcome] = per.get(outcome, 0) + row["n"]
    raw = []
    for measure in measures:
        per = counts.get(measure.provision_id, {})
        raw.append([sum(per.values()), *[per.get(code, 0) for code, _label in REACH_OUTCOMES]])
    totals = [sum(col) for col in zip(*raw, strict=True)] if raw else None
    shown, shown_totals = suppression.table(
        raw, totals=totals, parts=tuple((i + 1, 0) for i in range(len(REACH_OUTCOMES))))
    return report.Table(
        "bereik", _("Bereik van de maatregelen"),
        [_("Maatregel"), _("Jongeren bereikt"), *[str(label) for _c, label in REACH_OUTCOMES]],
        [[m.title, *cells] for m, cells in zip(measures, shown, strict=True)],
        totals=[_("Totaal"), *shown_totals] if shown_totals else None,
        note=_("Jongeren van wie de coach het traject koppelde aan de maatregel (de voorziening "
               "in de catalogus), gestart van %(start)s tot en met %(end)s; waar zij nu zijn. "
               "Aantallen 1 tot en met 4 staan als '< 5'.") % {
            "start": start.strftime("%d-%m-%Y"), "end": end.strftime("%d-%m-%Y")})


# --- Participation, contributions, subsidy, proposals --------------------------------------------
def contributions(region) -> QuerySet[Contribution]:
    return Contribution.objects.filter(region=region).select_related("about")


def subsidy(region) -> SubsidyApplication:
    """The region's application, or an unsaved one in draft."""
    return (SubsidyApplication.objects.filter(region=region).first()
            or SubsidyApplication(region=region))


def proposals(region) -> QuerySet[Proposal]:
    return Proposal.objects.filter(region=region)


# --- Deadlines and reminders ---------------------------------------------------------------------
@dataclass
class Due:
    label: str
    starts_on: datetime.date | None
    ends_on: datetime.date
    passed: bool
    soon: bool  # within the reminder window, and not done
    done_on: datetime.date | None = None  # the region's effectrapportage went to DUO


def timeline(today: datetime.date | None = None, region=None) -> list[Due]:
    """The programme's calendar (Deadline rows, data) with the yearly effectrapportage, whose
    submission date is a setting (law.R_EFFECT_REPORT leaves it open), marked passed or
    soon (within ROUTE27_PROGRAMME_REMINDER_DAYS). With a region, an effectrapportage it
    submitted is marked done and reminds no more."""
    today = today or timezone.localdate()
    window = datetime.timedelta(days=settings.ROUTE27_PROGRAMME_REMINDER_DAYS)
    month, day = (int(part) for part in settings.ROUTE27_EFFECT_REPORT_DUE.split("-"))
    submitted = dict(EffectReport.objects.filter(region=region, submitted_on__isnull=False)
                     .values_list("year", "submitted_on")) if region is not None else {}
    dates = [(d.label, d.starts_on, d.ends_on, None) for d in Deadline.objects.all()]
    for year in law.PROGRAMME_YEARS:
        dates.append((_("Effectrapportage over %(year)s bij DUO (contactgemeente)") % {
            "year": year}, None, datetime.date(year + 1, month, day), submitted.get(year)))
    return [Due(label, start, end, end < today,
                done is None and today <= end <= today + window, done)
            for label, start, end, done in sorted(dates, key=lambda d: (d[2], str(d[0])))]


def centres_for_labour_market_region(user, labour_market_region) -> list[Municipality]:
    """The arbeidsmarktregio's centrumgemeente(n), when the user's policy team serves one."""
    return list(_policy_municipalities(user).filter(
        is_centre_municipality=True, labour_market_region=labour_market_region))


def advice_for(labour_market_region) -> QuerySet[Contribution]:
    """The centrumgemeente's advice to the gemeenten of its arbeidsmarktregio."""
    return Contribution.objects.filter(
        kind=Contribution.Kind.ADVICE,
        about__labour_market_region=labour_market_region).select_related("about")
