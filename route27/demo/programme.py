"""Demo data of issue 15, through the services: the programme of Agglomeratie Amsterdam
started by its regional coordinator, with its parties, a section in progress, a streefcijfer
of each kind, a final maatregel that coaches have tagged trajectories with (its reach), a youth
panel, the subsidy application submitted; and the verordening choices of four gemeenten of the
arbeidsmarktregio Groot Amsterdam for the centrumgemeente's overview. Loaded once."""

from __future__ import annotations

import datetime

from django.utils import timezone

from route27 import law
from route27.organisations.models import MunicipalConfig, Municipality
from route27.programme import services
from route27.programme.models import Programme, Step
from route27.trajectories import services as trajectory_services
from route27.trajectories.models import Trajectory


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
    _term(programme, coordinator, users)
    _verordeningen()


def _term(programme, coordinator, users) -> None:
    """The programme at work: a final maatregel in the catalogue, six trajectories of
    Amstelveen tagged with it (so its reach shows above the < 5 threshold), a youth panel and
    the subsidy application."""
    today = timezone.localdate()
    measure = services.measure_save(
        actor=coordinator, programme=programme,
        values={"title": "Jongerenloket Amstelland", "section": "4c",
                "description": "Eén loket op elke mbo-locatie waar jongeren zonder diploma "
                               "terechtkunnen voor school, werk en hulp."},
        conditions={c.code: "Onderbouwd in de regionale analyse (demo)."
                    for c in law.MEASURE_CONDITIONS}, final=True)
    coach = users["jongerencoach.amstelveen"]
    tagged = Trajectory.objects.filter(closed_on__isnull=True,
                                       youth__municipality__code="GM0362").order_by("id")[:6]
    for trajectory in tagged:
        trajectory_services.instrument_start(
            actor=coach, trajectory=trajectory, instrument=measure.provision,
            started_on=max(trajectory.started_on, today - datetime.timedelta(days=20)),
            note="Via het regionaal programma (demo).")
    services.participation_save(
        actor=coordinator, programme=programme, held_on=today - datetime.timedelta(days=40),
        form="panel", participants=11, step="agreements",
        values={"groups": "Jongerenpanel Amstelland: jongeren zonder startkwalificatie",
                "compensation": "Cadeaubon van 25 euro",
                "input": "Eén plek voor alles, ook buiten schooltijd bereikbaar.",
                "effect": "Het jongerenloket houdt een avondspreekuur."})
    services.subsidy_advance(actor=coordinator, region=programme.region, status="submitted",
                             on=datetime.date(2026, 1, 28), amount="1.250.000",
                             note="Ingediend door Mbo-college Amstelland (demo).")


# Intake term, aftercare term, hardship clause, contacts per month, who executes: the
# verordening choices of four gemeenten of Groot Amsterdam (demo values, not real policy).
VERORDENINGEN = {
    "GM0363": (4, 12, "policy", 4, "own_team"),
    "GM0362": (4, 12, "individual", 4, "own_team"),
    "GM0358": (6, 12, "individual", 2, "doorstroompunt"),
    "GM0384": (4, 6, "individual", 4, "own_team"),
}


def _verordeningen() -> None:
    for code, (intake, aftercare, hardship, contacts, executor) in VERORDENINGEN.items():
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is not None:
            MunicipalConfig.objects.update_or_create(municipality=municipality, defaults={
                "intake_weeks": intake, "aftercare_term_months": aftercare,
                "hardship_policy": hardship, "intensive_contacts_per_month": contacts,
                "executor": executor})
