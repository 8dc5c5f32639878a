"""Demo data of issue 15 (first part), through the services: the programme of Agglomeratie
Amsterdam started by its regional coordinator, with its parties, a section in progress and a
streefcijfer of each kind. Loaded once."""

from __future__ import annotations

from route27.organisations.models import Municipality
from route27.programme import services
from route27.programme.models import Programme, Step


def load_programme_demo(*, users: dict) -> None:
    amstelveen = Municipality.objects.get(code="GM0362")
    region = amstelveen.doorstroompunt_region
    if Programme.objects.filter(region=region).exists():
        return
    # Amsterdam and Zaanstad are the centrumgemeenten of Groot Amsterdam and Zaanstreek/
    # Waterland, the arbeidsmarktregio's the region overlaps (functional administration records
    # it; the reference data has no source for it).
    Municipality.objects.filter(code__in=["GM0363", "GM0479"]).update(
        is_centre_municipality=True)
    coordinator = users["regio.grootamsterdam"]
    programme = services.programme_start(actor=coordinator, region=region)
    services.programme_parties_save(
        actor=coordinator, programme=programme, contact_municipality=amstelveen,
        contact_school="Mbo-college Amstelland (demo)",
        core_group="Contactgemeente Amstelveen, contactschool Mbo-college Amstelland, "
                   "centrumgemeente van de arbeidsmarktregio Groot Amsterdam.",
        board_participants="Wethouders onderwijs en werk, bestuurders van de scholen.",
        board_frequency="Vier keer per jaar", board_decisions="Bij consensus; anders besluit "
                                                              "de kerngroep.")
    services.section_save(actor=coordinator, section=programme.sections.get(step=Step.ANALYSIS),
                          status="working", text="De NEET-groep is in de regio groter dan "
                                                 "landelijk; de cijfers hieronder zijn de basis.")
    services.programme_target_save(
        actor=coordinator, programme=programme, kind="new_vsv", year=2026, maximum=1450,
        reference_value=1500, justification="Onder de referentiewaarde van OCW, in lijn met "
                                            "de daling van de afgelopen jaren.")
    services.programme_target_save(
        actor=coordinator, programme=programme, kind="neet", year=2026, maximum=9000,
        justification="Eerst in beeld brengen via de sluitende aanpak, dan terugdringen.")
