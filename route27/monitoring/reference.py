"""Public reference figures beside the own counts (issue 14 §7): voortijdig schoolverlaten
(CBS StatLine 84780NED) for the municipality, its province and the Netherlands, and the CBS
estimate of residents aged 15 to 25 (Kerncijfers wijken en buurten 2024). Read from
``data/reference`` (the files of the Bronnen page), once per process."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from django.utils.translation import gettext as _

from route27.organisations.reference_data import DATA_DIR

VSV_FILE = "vsv_cbs_84780NED_landelijk_provincie.csv"
POPULATION_FILE = "gemeenten_bevolking_2024.csv"
VSV_SOURCE = "CBS StatLine 84780NED (voorlopig), CC BY 4.0"
POPULATION_SOURCE = "CBS Kerncijfers wijken en buurten 2024, CC BY 4.0"
# DUO spells the province Friesland, CBS Fryslân since 2022/2023.
PROVINCE_NAMES = {"Fryslân": "Friesland"}


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    source: str


@functools.lru_cache(maxsize=1)
def _vsv() -> tuple[str, dict[tuple[str, str], dict]]:
    """The latest school year and its rows by (level, name or code)."""
    with open(DATA_DIR / VSV_FILE, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    latest = max(r["schooljaar"] for r in rows)
    found = {}
    for r in rows:
        if r["schooljaar"] != latest:
            continue
        if r["regio_type"] == "land":
            found[("land", "")] = r
        elif r["regio_type"] == "provincie":
            found[("provincie", PROVINCE_NAMES.get(r["regio_naam"], r["regio_naam"]))] = r
        elif r["regio_type"] == "gemeente":
            found[("gemeente", r["regio_code"])] = r
    return latest, found


@functools.lru_cache(maxsize=1)
def _population() -> dict[str, dict]:
    with open(DATA_DIR / POPULATION_FILE, encoding="utf-8") as handle:
        return {r["gemeentecode"]: r for r in csv.DictReader(handle)}


def _share(row: dict) -> str:
    pupils, vsv = int(row["leerlingen"]), int(row["vsv"])
    percent = f"{100 * vsv / pupils:.1f}".replace(".", ",") if pupils else "–"
    return _("%(vsv)s van %(pupils)s leerlingen (%(percent)s%%)") % {
        "vsv": f"{vsv:,}".replace(",", "."), "pupils": f"{pupils:,}".replace(",", "."),
        "percent": percent}


def reference_figures(municipality) -> list[Figure]:
    year, vsv = _vsv()
    figures = []
    for key, label in ((("gemeente", municipality.code), municipality.name),
                       (("provincie", municipality.province), municipality.province),
                       (("land", ""), _("Nederland"))):
        row = vsv.get(key)
        if row:
            figures.append(Figure(_("Nieuwe voortijdig schoolverlaters %(year)s, %(area)s") % {
                "year": year, "area": label}, _share(row), VSV_SOURCE))
    population = _population().get(municipality.code)
    if population and population.get("schatting_15_tot_25_jaar"):
        figures.append(Figure(
            _("Inwoners van 15 tot 25 jaar (schatting, 1 januari 2024)"),
            f"{int(population['schatting_15_tot_25_jaar']):,}".replace(",", "."),
            POPULATION_SOURCE))
    return figures


def population(code: str) -> dict | None:
    """The CBS population row of a municipality (its 15–25 estimate among it)."""
    return _population().get(code)


def vsv_row(code: str) -> dict | None:
    """The latest school year's VSV row of a municipality, if CBS publishes one."""
    return _vsv()[1].get(("gemeente", code))
