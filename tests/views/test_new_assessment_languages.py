"""Starting an assessment in its own language: names per language, sensible defaults (issue 32)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import Assessment, Country, UserSettings
from assessments.report.build import profile_build
from assessments.services import invitations
from assessments.services.preferences import LANGUAGE_SESSION_KEY
from tests import factories as f

pytestmark = pytest.mark.django_db
URL = "assessments:assessment-new"


@pytest.fixture
def iom(db):
    user = f.UserFactory(username="iom")
    user.groups.add(Group.objects.get(name="consultants"))
    return user


def _in_language(client, language):
    session = client.session
    session[LANGUAGE_SESSION_KEY] = language
    session.save()
    return client


def _kazakh_form(framework, **names):
    return {
        "code": "KZ",
        "language": "ru",
        "framework": framework.pk,
        "baseline": "auto",
        "coordinator_email": "coord@gov.kz",
        "coordinator_first_name": "Айгуль",
        "coordinator_last_name": "Сейткали",
        "coordinator_institution": "Министерство иностранных дел",
        "name_ru": "Республика Казахстан",
        "short_name_ru": "Казахстан",
        "edition_ru": "Первый профиль 2024",
        **names,
    }


def test_the_working_language_defaults_to_the_interface_language(client_for, iom, framework):
    client = _in_language(client_for(iom), "ru")
    form = client.get(reverse(URL)).context["form"]
    assert form["language"].value() == "ru"
    assert form.fields["edition_ru"].label == "Выпуск (русский, язык оценки)"
    assert form.fields["edition_en"].label == "Выпуск (английский)"
    english = _in_language(client, "en").get(reverse(URL)).context["form"]
    assert english["language"].value() == "en"


def test_the_page_suggests_each_languages_name_from_the_iso_list(client_for, iom, framework):
    page = client_for(iom).get(reverse(URL))
    suggested = page.context["suggested_names"]
    assert suggested["KZ"] == {
        "en": "Kazakhstan",
        "ru": "Казахстан",
        "fr": "Kazakhstan",
        "es": "Kazajistán",
    }
    assert 'id="country-names"' in page.content.decode()


def test_names_typed_in_russian_are_the_originals_and_english_ones_their_translation(
    client_for, iom, framework
):
    english = {
        "name_en": "the Republic of Kazakhstan",
        "short_name_en": "Kazakhstan",
        "edition_en": "First profile 2024",
    }
    page = client_for(iom).post(reverse(URL), _kazakh_form(framework, **english))
    assert page.status_code == 302
    country = Country.objects.get(code="KZ")
    assert (country.language, country.name, country.short_name) == (
        "ru",
        "Республика Казахстан",
        "Казахстан",
    )
    assert country.translations == {
        "en": {"name": "the Republic of Kazakhstan", "short_name": "Kazakhstan"}
    }
    assessment = Assessment.objects.get(country=country)
    assert (assessment.language, assessment.edition, assessment.year) == (
        "ru",
        "Первый профиль 2024",
        2024,
    )
    assert assessment.translations == {"en": {"edition": "First profile 2024"}}
    profile = profile_build(assessment, language="en")
    assert profile.running_header == "THE REPUBLIC OF KAZAKHSTAN | FIRST PROFILE 2024"
    russian = profile_build(assessment)
    assert russian.running_header == "РЕСПУБЛИКА КАЗАХСТАН | ПЕРВЫЙ ПРОФИЛЬ 2024"


def test_a_name_left_empty_in_another_language_is_the_listed_name_never_the_original(
    client_for, iom, framework
):
    client_for(iom).post(reverse(URL), _kazakh_form(framework))
    assessment = Assessment.objects.get(country__code="KZ")
    profile = profile_build(assessment, language="en")
    assert profile.country_name == "Kazakhstan"
    assert "Казахстан" not in profile.running_header
    assert "Казахстан" not in profile.legislation_title


def test_the_edition_in_the_working_language_is_required(client_for, iom, framework):
    data = _kazakh_form(framework, edition_ru="", edition_en="First profile 2024")
    page = client_for(iom).post(reverse(URL), data)
    assert page.status_code == 200
    assert page.context["form"].errors["edition_ru"]
    assert not Assessment.objects.filter(country__code="KZ").exists()


def test_app_pages_and_emails_name_country_and_edition_in_the_readers_language(
    client_for, consultant, assessment, mailoutbox, django_capture_on_commit_callbacks
):
    assessment.country.translations = {
        "fr": {"name": "la République kirghize", "short_name": "le Kirghizistan"}
    }
    assessment.country.save()
    assessment.translations = {"fr": {"edition": "Deuxième profil 2022"}}
    assessment.save()
    client = _in_language(client_for(consultant), "fr")
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "La République kirghize — Deuxième profil 2022" in page
    assert "Second profile 2022" not in page and "the Kyrgyz Republic" not in page
    # Spanish has no typed name: the listed one, not the English original.
    page = _in_language(client, "es").get(assessment.get_absolute_url()).content.decode()
    assert "Kirguistán" in page and "the Kyrgyz Republic" not in page
    invited = f.UserFactory(username="fr-reader")
    UserSettings.objects.create(user=invited, language="fr")
    with django_capture_on_commit_callbacks(execute=True):  # the mail task
        invitations.person_invite(
            assessment=assessment, actor=consultant, email=invited.email, role="focal_point"
        )
    mail = mailoutbox[-1]
    assert "le Kirghizistan" in mail.subject
    assert "Deuxième profil 2022" in mail.body
