"""Crosswalk texts per language; identical sources of an assessment merged into one."""

import re
import unicodedata

from django.db import migrations, models

from assessments.homoglyphs import fold_lookalikes
from assessments.text import clean_text

_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)


def _clean(text: str) -> str:
    # The same cleaning as selectors.registry.normalized_title, frozen here for the migration.
    text = fold_lookalikes(unicodedata.normalize("NFKC", clean_text(text or "")))
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def merge_identical_sources(apps, schema_editor):
    """One Source per assessment, organization, year and title after cleaning; citations move."""
    Source = apps.get_model("assessments", "Source")
    Evidence = apps.get_model("assessments", "Evidence")
    kept: dict[tuple, object] = {}
    for source in Source.objects.order_by("assessment_id", "pk"):
        key = (
            source.assessment_id,
            _clean(source.organization),
            _clean(source.year or "n.d."),
            _clean(source.title),
        )
        keep = kept.setdefault(key, source)
        if keep.pk == source.pk:
            continue
        Evidence.objects.filter(source=source).update(source=keep)
        keep.in_key_sources = keep.in_key_sources or source.in_key_sources
        keep.url = keep.url or source.url
        keep.ref = keep.ref or source.ref
        keep.translations = {**(source.translations or {}), **(keep.translations or {})}
        keep.save(update_fields=["in_key_sources", "url", "ref", "translations"])
        source.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0013_board_seen_in_session"),
    ]

    operations = [
        migrations.AddField(
            model_name="gcmobjective",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="sdgsubcategory",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(merge_identical_sources, migrations.RunPython.noop),
    ]
