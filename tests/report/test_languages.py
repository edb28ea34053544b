"""Profiles in other languages than the working one: texts, versions, what lacks a translation."""

import pytest
from django.urls import reverse

from assessments.models import Evidence, ProfileVersion, Response
from assessments.report import versions
from assessments.report.build import profile_build, untranslated
from assessments.report.render import render_html, render_pdf
from tests import factories as f

from .conftest import pdf_pages

pytestmark = pytest.mark.django_db


def _translate_all(assessment, language="ru"):
    for r in Response.objects.filter(assessment=assessment):
        r.finding_translations = {language: f"Вывод {r.indicator.code}."}
        r.save(update_fields=["finding_translations"])
    for ev in Evidence.objects.filter(response__assessment=assessment):
        ev.note_translations = {language: "Сноска."}
        ev.save(update_fields=["note_translations"])


def test_a_version_records_its_language_and_each_language_has_its_own(answered, consultant):
    english = versions.profile_generate(assessment=answered, user=consultant)
    french = versions.profile_generate(assessment=answered, user=consultant, language="fr")
    assert (english.language, french.language) == ("en", "fr")
    assert english.content_hash != french.content_hash
    # Nothing changed in French: the French version is returned again, not a new one.
    again = versions.profile_generate(assessment=answered, user=consultant, language="fr")
    assert again.pk == french.pk
    assert versions.latest_version(answered, "en").pk == english.pk


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("fr", ["Table des matières", "Principales conclusions", "Cadre conceptuel", "PROJET"]),
        ("es", ["Índice", "Principales conclusiones", "Marco conceptual", "BORRADOR"]),
    ],
)
def test_french_and_spanish_profiles_have_their_own_headings(answered, language, headings):
    html = render_html(profile_build(answered, language=language), preview=True)
    assert f'<html lang="{language}">' in html
    for heading in headings:
        assert heading in html
    assert "Table of contents" not in html


def test_the_spanish_pdf_prints_its_headings(answered):
    text = "\n".join(pdf_pages(render_pdf(profile_build(answered, language="es")).data))
    assert "ÍNDICE" in text.upper()
    assert "Principales conclusiones".upper() in text.upper()


def test_placeholders_take_the_countrys_names_in_the_profile_language(answered):
    country = answered.country
    country.translations = {
        "fr": {"name": "la République kirghize", "short_name": "le Kirghizistan"}
    }
    country.save()
    profile = profile_build(answered, language="fr")
    assert profile.country_name == "la République kirghize"
    assert profile.running_header.startswith("LA RÉPUBLIQUE KIRGHIZE |")


def test_findings_use_their_translation_and_missing_ones_are_listed(answered):
    _translate_all(answered)
    first = Response.objects.filter(assessment=answered).order_by("indicator__order").first()
    first.finding_translations = {}
    first.save(update_fields=["finding_translations"])
    profile = profile_build(answered, language="ru")
    printed = [p.text for c in profile.chapters for p in c.developed + c.further]
    assert f"Вывод {first.indicator.code}." not in printed
    assert first.finding in printed  # the original, after the warning
    assert profile.untranslated == [first.indicator.code]
    assert [r.indicator.code for r in untranslated(answered, "ru")] == [first.indicator.code]
    html = render_html(profile)
    assert 'id="untranslated"' in html and first.indicator.code in html


def test_the_working_language_never_lacks_a_translation(answered):
    assert profile_build(answered).untranslated == []
    assert untranslated(answered, "en") == []


def test_the_versions_page_lists_missing_translations_before_generating(
    answered, client_for, consultant
):
    _translate_all(answered)
    lacking = Response.objects.filter(assessment=answered).order_by("indicator__order").last()
    lacking.finding_translations = {}
    lacking.save(update_fields=["finding_translations"])
    url = reverse("assessments:profile-versions", args=[answered.pk])
    page = client_for(consultant).get(url, {"language": "ru"}).content.decode()
    assert 'id="untranslated"' in page
    assert lacking.indicator.code in page
    assert 'id="untranslated"' not in client_for(consultant).get(url).content.decode()


def test_generating_from_the_page_takes_the_chosen_language(
    answered, client_for, consultant, django_capture_on_commit_callbacks
):
    url = reverse("assessments:profile-generate", args=[answered.pk])
    with django_capture_on_commit_callbacks(execute=True):  # the render task, run at once
        response = client_for(consultant).post(url, {"language": "es"})
    assert response.status_code == 302 and response.url.endswith("?language=es")
    assert list(ProfileVersion.objects.values_list("language", flat=True)) == ["es"]


def test_the_versions_page_lists_each_languages_versions_separately(
    assessment, client_for, consultant
):
    f.ProfileVersionFactory(assessment=assessment, number=1, language="en")
    f.ProfileVersionFactory(assessment=assessment, number=2, language="ru")
    url = reverse("assessments:profile-versions", args=[assessment.pk])
    page = client_for(consultant).get(url).content.decode()
    assert 'id="versions-en"' in page and 'id="versions-ru"' in page
    assert page.index('id="versions-en"') < page.index('id="versions-ru"')


def test_publishing_lists_one_version_per_language(
    answered, consultant, django_capture_on_commit_callbacks
):
    answered.stage = "validated"
    answered.save()
    with django_capture_on_commit_callbacks(execute=True):  # the finalize task
        versions.profile_freeze(assessment=answered)
    russian = versions.profile_generate(assessment=answered, user=consultant, language="ru")
    assert russian.frozen and not russian.published
    answered.stage = "published"
    answered.save()
    with django_capture_on_commit_callbacks(execute=True):
        versions.profile_publish(assessment=answered)
    published = ProfileVersion.objects.filter(published=True)
    assert sorted(published.values_list("language", flat=True)) == ["en", "ru"]


@pytest.mark.parametrize("per_domain", [1, 4])
def test_the_versions_page_in_another_language_runs_a_fixed_number_of_queries(
    client_for, django_assert_max_num_queries, per_domain
):
    framework = f.build_framework(domains=6, indicators_per_domain=per_domain)
    assessment = f.AssessmentFactory(framework=framework)
    for indicator in framework.indicators.all():
        f.answer_with_evidence(assessment, indicator, finding="Text.", notes=["A note."])
    user = f.UserFactory()
    f.MembershipFactory(user=user, assessment=assessment, role="consultant")
    url = reverse("assessments:profile-versions", args=[assessment.pk])
    client = client_for(user)
    with django_assert_max_num_queries(12):
        page = client.get(url, {"language": "fr"})
    assert page.content.decode().count("review/") >= framework.indicators.count()
