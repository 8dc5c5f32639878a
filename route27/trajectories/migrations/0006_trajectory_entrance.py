from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("trajectories", "0005_alter_trajectoryevent_event_type")]

    operations = [
        migrations.AddField(
            model_name="trajectory",
            name="entrance",
            field=models.CharField(blank=True, max_length=40, verbose_name="binnengekomen via"),
        ),
    ]
