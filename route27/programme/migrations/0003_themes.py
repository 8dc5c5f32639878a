"""The themes of the national format (route27.programme.reference_lists)."""

from django.db import migrations

from route27.programme.reference_lists import load_themes


def load(apps, schema_editor):
    load_themes(apps.get_model("programme", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_agreements_and_measures")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
