from django.db import migrations

from route27.trajectories.reference_lists import load_reference_lists


def forward(apps, schema_editor):
    load_reference_lists(apps.get_model("trajectories", "LifeDomain"),
                         apps.get_model("trajectories", "Instrument"))


class Migration(migrations.Migration):
    dependencies = [("trajectories", "0003_instrument_alter_trajectoryevent_event_type_intake_and_more")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
