"""Texts stored so that translations can be added later without a schema change."""

from django.db import models
from django.utils.translation import get_language


class Translatable(models.Model):
    """Adds a `translations` map {language: {field: text}} to framework objects."""

    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def tr(self, field: str) -> str:
        """The field's text in the active language, falling back to the stored default."""
        language = (get_language() or "en").split("-")[0]
        return self.translations.get(language, {}).get(field) or getattr(self, field)
