"""Forms name their fields by language; the original is the working language's (issue 32)."""

import pytest
from django.urls import reverse

from assessments.forms.registry import InstrumentForm
from assessments.models import LegalInstrument
from assessments.report.build import profile_build
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_edition_is_named_per_language_on_the_profile_texts_page(
    client_for, consultant, assessment
):
    client = client_for(consultant)
    url = reverse("assessments:profile-texts", args=[assessment.pk])
    form = client.get(url, {"language": "fr"}).context["form"]
    assert form.fields["edition"].label == "Edition (French)"
    assert form.fields["edition"].original == "Second profile 2022"
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(language="fr", edition="Deuxième profil 2022")
    assert client.post(url, data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.translations["fr"] == {"edition": "Deuxième profil 2022"}
    assert assessment.edition == "Second profile 2022"
    assert profile_build(assessment, language="fr").edition == "Deuxième profil 2022"
    english = client.get(url).context["form"]
    assert english.fields["edition"].label == "Edition (English, working language)"


def test_an_edition_without_a_name_in_the_language_is_marked_on_the_cover(assessment):
    profile = profile_build(assessment, language="es")
    assert (profile.edition, profile.edition_language) == ("Second profile 2022", "en")


def test_the_registry_form_writes_titles_in_the_countrys_language_first(assessment):
    country = assessment.country
    country.language = "ru"
    country.save()
    form = InstrumentForm(instance=LegalInstrument(country=country))
    assert form.fields["title"].label == "Title (Russian, the country's language)"
    assert "title_ru" not in form.fields
    assert form.fields["title_en"].label == "Title (English)"
    data = {
        "title": "Закон о внешней миграции",
        "title_en": "Law on External Migration",
        "kind": "law",
        "adoption_note": "",
        "adoption_note_fr": "Adoptée en 2000",
    }
    form = InstrumentForm(data, instance=LegalInstrument(country=country))
    assert form.is_valid(), form.errors
    instrument = form.save()
    assert instrument.title_translations == {"en": "Law on External Migration"}
    assert instrument.adoption_note_translations == {"fr": "Adoptée en 2000"}
    instrument.annex_pinned = True  # uncited: the annex prints it only when marked (issue 23)
    instrument.save(update_fields=["annex_pinned"])
    f.answer_with_evidence(assessment, assessment.framework.indicators.first())
    # Russian is the registry's language: the English profile takes the English title.
    rows = [r for g in profile_build(assessment).legislation for r in g.rows]
    assert "Law on External Migration" in [r.title for r in rows]
    assert "Закон о внешней миграции" not in [r.title for r in rows]


def test_the_admin_country_form_takes_each_languages_names(client_for, administrator, assessment):
    country = assessment.country
    url = reverse("admin:assessments_country_change", args=[country.pk])
    client = client_for(administrator)
    page = client.get(url).content.decode()
    assert "Formal name (French)" in page
    data = {
        "code": "KG",
        "language": "en",
        "name": "the Kyrgyz Republic",
        "short_name": "Kyrgyzstan",
        "name_fr": "la République kirghize",
        "short_name_fr": "le Kirghizistan",
        "short_name_es": "Kirguistán",
    }
    assert client.post(url, data).status_code == 302
    country.refresh_from_db()
    assert country.translations == {
        "fr": {"name": "la République kirghize", "short_name": "le Kirghizistan"},
        "es": {"short_name": "Kirguistán"},
    }
    assert country.names("es") == ("Kirguistán", "Kirguistán")


def test_the_original_beside_its_translations_is_headed_by_its_language(
    client_for, consultant, response
):
    f.answer(response, status="submitted", finding="The law grants access.")
    url = reverse(
        "assessments:review-response", args=[response.assessment_id, response.indicator.code]
    )
    page = client_for(consultant).get(url).content.decode()
    assert "English (working language)" in page
    assert 'lang="en">The law grants access.</div>' in page
