"""The themes of the national format (seed 000 §4.4 j and issue 15): a starting list that
functional administration keeps when the format changes."""

from django.db import migrations

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


def load(apps, schema_editor):
    Theme = apps.get_model("programme", "Theme")
    for order, (code, label, section) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(code=code, defaults={
            "label": label, "section": section, "mandatory": True, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_agreements_and_measures")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
