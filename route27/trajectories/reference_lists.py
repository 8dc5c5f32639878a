"""Default reference lists: life domains of the broad intake and the instruments of seed 000.

Loaded idempotently by migration 0004 and by `manage.py load_reference_data` (tests that flush
the database get them back that way). Functional administrators extend them in /beheer/.
"""

# S3 §4 names onderwijs, werk, gezondheid, inkomen and persoonlijke situatie; the others are
# common additions (S0: Nijmegen's "big 5" includes wonen). Special categories are kept
# separable (issue: later only visible with a separate reason).
LIFE_DOMAINS = [
    ("onderwijs", "Onderwijs", False),
    ("werk", "Werk", False),
    ("gezondheid", "Gezondheid", True),
    ("inkomen", "Inkomen", False),
    ("persoonlijke_situatie", "Persoonlijke situatie", False),
    ("wonen", "Wonen", False),
    ("schulden", "Schulden", True),
    ("sociaal_netwerk", "Sociaal netwerk en gezin", False),
    ("justitie", "Justitie", True),
    ("dagbesteding", "Dagbesteding", False),
]

S0 = "S0 §4.3 'Voorzieningen'"
INSTRUMENTS = [
    ("loonkostensubsidie", "Loonkostensubsidie",
     "Als het wettelijk minimumloon niet kan worden verdiend; ook op een bbl-leerbaan voor "
     "jongeren zonder startkwalificatie.", S0 + " a"),
    ("sociale-activering", "Sociale activering",
     "Maatschappelijk nuttige activiteiten zoals vrijwilligerswerk.", S0 + " b"),
    ("esb", "ESB-regeling",
     "Bijscholing voor jongeren zonder startkwalificatie met meervoudige problematiek, door een "
     "ESB-instelling.", S0 + " c"),
    ("ips", "IPS (Individuele Plaatsing en Steun)",
     "Ondersteuning naar werk door een ggz-instelling bij psychische problematiek.", S0 + " d"),
    ("slim", "SLIM-subsidie",
     "Werkgeverssubsidie voor praktijkgerichte scholing binnen een sectoraal Ontwikkelpad.",
     S0 + " f"),
    ("praktijkleren-derde-leerweg", "Praktijkleren in de derde leerweg",
     "Leerbaan met een deel van een mbo-opleiding: mbo-certificaat of praktijkverklaring.",
     S0 + " g"),
    ("jobcoach", "Jobcoach", "Begeleiding op de werkplek.", "S0 §9 (Amsterdam: vaste jobcoach)"),
    ("beschut-werk", "Beschut werk", "Werk met een indicatie beschut werk van UWV.",
     "Pw art. 10b; S0 §4.3"),
    ("mdt", "Maatschappelijke diensttijd (MDT)", "Bijvoorbeeld 'Zoek het uit!' (max. 320 uur).",
     "S0 §9"),
    ("lifecoaching", "Lifecoaching", "Begeleiding bij persoonlijke doelen.", "S0 §9"),
    ("werkervaringsplaats", "Werkervaringsplek", "Werkervaring opdoen als tussenstap.",
     "S3 §5"),
]




def _has_law_code(model) -> bool:
    """A historical model of a migration before the catalogue has no law code yet."""
    return any(f.name == "law_code" for f in model._meta.get_fields())


def load_reference_lists(life_domain_model=None, instrument_model=None) -> tuple[int, int]:
    """get_or_create every default; models may be historical ones from a migration."""
    if life_domain_model is None:
        from route27.trajectories.models import Instrument, LifeDomain

        life_domain_model, instrument_model = LifeDomain, Instrument
    for position, (code, name, special) in enumerate(LIFE_DOMAINS):
        life_domain_model.objects.get_or_create(
            municipality=None, code=code,
            defaults={"name": name, "special_category": special, "position": position})
    for code, name, description, source in INSTRUMENTS:
        instrument_model.objects.get_or_create(
            code=code, defaults={"name": name, "description": description, "source": source,
                                 **({"law_code": code} if _has_law_code(instrument_model)
                                    else {})})
    return life_domain_model.objects.count(), instrument_model.objects.count()


def load_reference_lists_in_words() -> str:
    """For ``load_reference_data`` (registered in TrajectoriesConfig.ready)."""
    domains, instruments = load_reference_lists()
    return f"{domains} leefgebieden, {instruments} voorzieningen"
