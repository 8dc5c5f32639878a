"""Load the public reference data in data/reference/ (CBS, DUO, RvIG) idempotently."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from route27.organisations.models import (
    DoorstroompuntRegion,
    LabourMarketRegion,
    Municipality,
    RegionOverlap,
)

DATA_DIR = Path(settings.BASE_DIR) / "data" / "reference"

ATTRIBUTION = [
    "Bron: CBS, Gebieden in Nederland / CBS-gebiedsindelingen 2025 (via PDOK), CC BY 4.0.",
    "Bron: CBS, Kerncijfers wijken en buurten 2024 (via PDOK), CC BY 4.0.",
    "Bron: CBS StatLine 84780NED, Voortijdig schoolverlaters; geslacht, woonregio, CC BY 4.0.",
    "Bron: DUO Open Onderwijsdata, Alle schoolvestigingen basisonderwijs, CC0 1.0.",
    "Bron: RvIG, Testdataset persoonslijsten proefomgevingen GBA-V (2022-05-02), "
    "fictitious test data.",
]


@dataclass
class LoadResult:
    labour_market_regions: int
    doorstroompunt_regions: int
    municipalities: int
    overlaps: int


def _rows(name: str, data_dir: Path) -> list[dict[str, str]]:
    with open(data_dir / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_reference_data(data_dir: Path = DATA_DIR) -> LoadResult:
    am = {}
    for row in _rows("arbeidsmarktregios_2025.csv", data_dir):
        am[row["arbeidsmarktregio_code"]], _ = LabourMarketRegion.objects.update_or_create(
            code=row["arbeidsmarktregio_code"],
            defaults={"name": row["arbeidsmarktregio_naam"],
                      "population_2024": int(row["inwoners_2024"])},
        )
    mc = {}
    for row in _rows("rmc_regios_2025.csv", data_dir):
        mc[row["rmc_regio_code"]], _ = DoorstroompuntRegion.objects.update_or_create(
            code=row["rmc_regio_code"],
            defaults={"name": row["rmc_regio_naam"], "name_duo": row["rmc_regio_naam_duo"],
                      "population_2024": int(row["inwoners_2024"])},
        )
    population = {r["gemeentecode"]: r for r in _rows("gemeenten_bevolking_2024.csv", data_dir)}
    for row in _rows("gemeenten_regio_2025.csv", data_dir):
        pop = population[row["gemeentecode"]]
        Municipality.objects.update_or_create(
            code=row["gemeentecode"],
            defaults={
                "number": row["gemeentenummer"],
                "name": row["gemeentenaam"],
                "province": row["provincie"],
                "labour_market_region": am[row["arbeidsmarktregio_code"]],
                "doorstroompunt_region": mc[row["rmc_regio_code"]],
                "population_2024": int(pop["aantal_inwoners"]),
                "estimate_15_to_25_2024": int(pop["schatting_15_tot_25_jaar"] or 0),
            },
        )
    for row in _rows("arbeidsmarktregio_rmc_overlap_2025.csv", data_dir):
        RegionOverlap.objects.update_or_create(
            labour_market_region=am[row["arbeidsmarktregio_code"]],
            doorstroompunt_region=mc[row["rmc_regio_code"]],
            defaults={"municipality_count": int(row["aantal_gemeenten"]),
                      "population_2024": int(row["inwoners_2024"])},
        )
    return LoadResult(
        labour_market_regions=LabourMarketRegion.objects.count(),
        doorstroompunt_regions=DoorstroompuntRegion.objects.count(),
        municipalities=Municipality.objects.count(),
        overlaps=RegionOverlap.objects.count(),
    )


# Reference lists of apps above this one (life domains, instruments), loaded after the regions.
# Each app registers a loader from its AppConfig.ready(); it returns what it loaded, in words.
_MORE_LISTS: list = []


def register_reference_list(load) -> None:
    if load not in _MORE_LISTS:
        _MORE_LISTS.append(load)


def more_reference_lists() -> list:
    return list(_MORE_LISTS)
