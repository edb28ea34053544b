"""A finding clearly in another language than the assessment's: a warning, never a block."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.languages import clearly_other_language
from assessments.models import Assessment, AuditEntry, Response
from assessments.services.entry import response_open, response_save

pytestmark = pytest.mark.django_db

RUSSIAN = "Закон предоставляет всем мигрантам доступ к экстренной медицинской помощи."
ENGLISH = "The law grants every migrant access to emergency health care, whatever their status."


def test_the_detector_tells_a_clear_other_language_and_leaves_mixed_text_alone():
    assert clearly_other_language(ENGLISH, "ru") == "en"
    assert clearly_other_language(RUSSIAN, "ru") is None
    cited = "Закон «О внешней миграции» (Law on External Migration, 2000) даёт мигрантам право."
    assert clearly_other_language(cited, "ru") is None
    assert clearly_other_language("See the annex.", "ru") is None  # too short to tell


@pytest.fixture
def russian(assessment):
    assessment.language = "ru"
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    return assessment


def test_an_english_finding_in_a_russian_assessment_is_saved_warned_and_kept_as_translation(
    client_for, russian, focal_point, indicator
):
    response = response_open(assessment=russian, indicator=indicator)
    option = indicator.options.first()
    response = response_save(
        response=response, user=focal_point, option=option, finding=RUSSIAN, version=0
    )
    client = client_for(focal_point)
    url = reverse("assessments:response-edit", args=[russian.pk, indicator.code])
    saved = client.post(url, {"option": option.pk, "finding": ENGLISH, "version": 1})
    # Never blocked: the text is saved as typed.
    assert saved.status_code == 302
    assert Response.objects.get(pk=response.pk).finding == ENGLISH

    with translation.override("en"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="language-warning"' in page
    assert "This text looks English; the assessment's language is Russian." in page
    assert "Save it as the English translation instead?" in page

    kept = client.post(
        reverse("assessments:response-finding-as-translation", args=[russian.pk, indicator.code]),
        {"language": "en", "version": 2},
    )
    assert kept.status_code == 302
    response = Response.objects.get(pk=response.pk)
    assert response.finding_translations == {"en": ENGLISH}
    assert response.finding == RUSSIAN and response.option == option
    assert AuditEntry.objects.filter(action="response.translate", response=response).exists()
    assert 'id="language-warning"' not in client.get(url).content.decode()


def test_a_russian_finding_in_a_russian_assessment_gets_no_warning(
    client_for, russian, focal_point, indicator
):
    response = response_open(assessment=russian, indicator=indicator)
    response_save(
        response=response, user=focal_point, option=None, finding=RUSSIAN + " " * 3, version=0
    )
    url = reverse("assessments:response-edit", args=[russian.pk, indicator.code])
    assert 'id="language-warning"' not in client_for(focal_point).get(url).content.decode()
