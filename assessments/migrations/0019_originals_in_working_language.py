"""Texts are stored in their working language (issue 32): countries get one; data follows."""

from collections import Counter

from django.db import migrations, models


def _swap(original: str, translations: dict, language: str) -> tuple[str, dict]:
    """The text in `language` becomes the original; the former original its English translation."""
    translated = (translations or {}).get(language)
    if not translated:
        return original, translations
    rest = {k: v for k, v in translations.items() if k != language}
    return translated, {**rest, "en": original}


def forwards(apps, schema_editor):
    """A country's language is that of most of its assessments (the names were typed there).

    The Kyrgyz demo and every country typed before this migration have English originals; where
    a country works in another language and a translation into it exists, that translation is
    the original and the former text its English translation.
    """
    Country = apps.get_model("assessments", "Country")
    Assessment = apps.get_model("assessments", "Assessment")
    LegalInstrument = apps.get_model("assessments", "LegalInstrument")
    for country in Country.objects.all():
        used = Counter(Assessment.objects.filter(country=country).values_list("language", flat=True))
        language = used.most_common(1)[0][0] if used else "en"
        if language == "en":
            continue
        country.language = language
        names = (country.translations or {}).get(language) or {}
        if names.get("name") and names.get("short_name"):
            rest = {k: v for k, v in country.translations.items() if k != language}
            english = {"name": country.name, "short_name": country.short_name}
            country.translations = {**rest, "en": english}
            country.name, country.short_name = names["name"], names["short_name"]
        country.save(update_fields=["language", "name", "short_name", "translations"])
        for inst in LegalInstrument.objects.filter(country=country):
            title, translations = _swap(inst.title, inst.title_translations, language)
            if title != inst.title:
                inst.title, inst.title_translations = title, translations
                inst.save(update_fields=["title", "title_translations"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0013_board_seen_in_session"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("ru", "Russian"), ("fr", "French"), ("es", "Spanish")],
                default="en",
                max_length=10,
                verbose_name="working language",
            ),
        ),
        migrations.AddField(
            model_name="legalinstrument",
            name="adoption_note_translations",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="translations of the adoption note"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
