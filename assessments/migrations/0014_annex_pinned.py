from django.db import migrations, models


def pin_positioned(apps, schema_editor):
    """Entries a curator gave an annex position were chosen for the annex: keep them listed."""
    LegalInstrument = apps.get_model("assessments", "LegalInstrument")
    LegalInstrument.objects.filter(in_annex=True, annex_no__isnull=False).update(annex_pinned=True)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0013_board_seen_in_session")]

    operations = [
        migrations.AddField(
            model_name="legalinstrument",
            name="annex_pinned",
            field=models.BooleanField(
                default=False,
                help_text="Print this entry in the legislation annex even when no answer cites it.",
                verbose_name="list in the annex",
            ),
        ),
        migrations.RunPython(pin_positioned, migrations.RunPython.noop),
    ]
