"""The programme's calendar (route27.programme.reference_lists)."""

from django.db import migrations

from route27.programme.reference_lists import load_deadlines


def load(apps, schema_editor):
    load_deadlines(apps.get_model("programme", "Deadline"))


class Migration(migrations.Migration):
    dependencies = [("programme", "0006_deadlines")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
