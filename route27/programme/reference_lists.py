"""The programme's reference lists: the themes of the national format (seed 000 §4.4 j and
issue 15) and the calendar (seed 000 §4.4 "De termijnen bij het regionaal programma zijn";
"Jaarlijks voor 1 februari verstrekt DUO een format voor de effectrapportage"). The seeds give
no date for handing in the effectrapportage: the regions add it.

Loaded idempotently by migrations 0003 and 0007 and by `manage.py load_reference_data` (tests
that flush the database get them back that way). Functional administrators keep them in the
admin when the format or the Regeling changes.
"""

import datetime

THEMES = [
    ("school_municipality", "Samenwerking pro-, vso- en mbo-scholen en gemeenten, met het "
                            "overgangsdocument", "4a"),
    ("doorstroompunt_municipality", "Samenwerking Doorstroompunt en gemeenten bij de "
                                    "wettelijke taken", "4b"),
    ("multi_problem", "Ondersteuning van jongeren met meervoudige problematiek", "4c"),
    ("retraining", "Praktijkgerichte bij- en omscholing van jongeren zonder "
                   "startkwalificatie", "4f"),
    ("professionals", "Investeren in de vakkundigheid van professionals", "4g"),
    ("prevention", "Preventie van voortijdig schoolverlaten", ""),
    ("guidance_to_work", "Begeleiding naar werk", ""),
    ("workplace_support", "Ondersteuning op de werkplek", ""),
    ("aftercare", "Nazorg", ""),
    ("newcomers", "Nieuwkomers", ""),
    ("youth_participation", "Jongeren betrekken bij het regionaal programma", ""),
    ("governance", "Vormgeving en organisatie van het regionaal bestuurlijk overleg", ""),
]

DEADLINES = [
    ("subsidy_application_2026", "Subsidieaanvraag door de contactschool bij DUO",
     datetime.date(2026, 1, 1), datetime.date(2026, 1, 31)),
    ("ministerial_decision_2026", "Besluit van de minister van OCW over de regionale "
                                  "programma's", None, datetime.date(2026, 3, 31)),
    ("amended_application_2026", "Aangepaste subsidieaanvraag (als het programma nog niet "
                                 "voldeed)", datetime.date(2026, 4, 1),
     datetime.date(2026, 5, 31)),
    *[(f"effect_report_format_{year}", f"DUO verstrekt het format voor de effectrapportage "
                                       f"over {year - 1}", None, datetime.date(year, 1, 31))
      for year in (2027, 2028, 2029, 2030)],
]


def load_themes(theme_model=None) -> int:
    """get_or_create every theme (a kept one is left as the administrator made it)."""
    if theme_model is None:
        from route27.programme.models import Theme as theme_model
    for order, (code, label, section) in enumerate(THEMES, start=1):
        theme_model.objects.get_or_create(code=code, defaults={
            "label": label, "section": section, "mandatory": True, "order": order * 10})
    return theme_model.objects.count()


def load_deadlines(deadline_model=None) -> int:
    if deadline_model is None:
        from route27.programme.models import Deadline as deadline_model
    for code, label, starts_on, ends_on in DEADLINES:
        deadline_model.objects.get_or_create(code=code, defaults={
            "label": label, "starts_on": starts_on, "ends_on": ends_on})
    return deadline_model.objects.count()


def load_in_words() -> str:
    """For ``load_reference_data`` (registered in ProgrammeConfig.ready)."""
    return f"{load_themes()} onderwerpen van afspraken, {load_deadlines()} termijnen"
