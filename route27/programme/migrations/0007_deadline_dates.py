"""The programme's calendar from seed 000 §4.4 ("De termijnen bij het regionaal programma zijn")
and the yearly DUO format of the effectrapportage ("Jaarlijks voor 1 februari verstrekt DUO een
format"). The seeds give no date for handing in the effectrapportage: the regions add it."""

import datetime

from django.db import migrations

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


def load(apps, schema_editor):
    Deadline = apps.get_model("programme", "Deadline")
    for code, label, starts_on, ends_on in DEADLINES:
        Deadline.objects.update_or_create(code=code, defaults={
            "label": label, "starts_on": starts_on, "ends_on": ends_on})


class Migration(migrations.Migration):
    dependencies = [("programme", "0006_deadlines")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
