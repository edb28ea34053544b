"""Migration 0019: originals typed in a country's working language become the originals."""

import importlib

import pytest
from django.apps import apps

from assessments.models import Country
from tests import factories as f

pytestmark = pytest.mark.django_db
migration = importlib.import_module("assessments.migrations.0019_originals_in_working_language")


def test_english_countries_stay_as_they_are(assessment):
    before = Country.objects.values().get(pk=assessment.country_id)
    migration.forwards(apps, None)
    assert Country.objects.values().get(pk=assessment.country_id) == before


def test_a_country_working_in_russian_gets_its_russian_names_and_titles_as_originals(framework):
    country = f.CountryFactory(
        code="KZ",
        name="the Republic of Kazakhstan",
        short_name="Kazakhstan",
        translations={"ru": {"name": "Республика Казахстан", "short_name": "Казахстан"}},
    )
    f.AssessmentFactory(country=country, framework=framework, language="ru")
    law = f.LegalInstrumentFactory(
        country=country, title="Law on Migration", title_translations={"ru": "Закон о миграции"}
    )
    untranslated = f.LegalInstrumentFactory(country=country, title="Only one title")
    migration.forwards(apps, None)
    country.refresh_from_db()
    assert (country.language, country.name, country.short_name) == (
        "ru",
        "Республика Казахстан",
        "Казахстан",
    )
    assert country.translations == {
        "en": {"name": "the Republic of Kazakhstan", "short_name": "Kazakhstan"}
    }
    law.refresh_from_db()
    assert (law.title, law.title_translations) == ("Закон о миграции", {"en": "Law on Migration"})
    untranslated.refresh_from_db()
    assert untranslated.title == "Only one title"
    assert country.names("en") == ("the Republic of Kazakhstan", "Kazakhstan")
