"""Texts stored so that translations can be added later without a schema change."""

from django.db import models
from django.utils.translation import get_language


class Translatable(models.Model):
    """Adds a `translations` map {language: {field: text}} to framework objects."""

    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True

    def tr(self, field: str, language: str | None = None) -> str:
        """The field's text in a language (default: the active one), else the stored default."""
        language = (language or get_language() or "en").split("-")[0]
        return self.translations.get(language, {}).get(field) or getattr(self, field)
