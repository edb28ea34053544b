from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("assessments", "0013_board_seen_in_session")]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="updates_draft_hashes",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="drafts seen by the consultant"
            ),
        ),
    ]
