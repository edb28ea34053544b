"""Framework names, domain filters and option labels print in the interface language."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.models import Response
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_framework(framework):
    framework.translations = {"ru": {"name": "ИУМ, национальный уровень"}}
    framework.save()
    domain = framework.domains.get(number=1)
    domain.translations = {"ru": {"name": "Права мигрантов"}}
    domain.save()
    for option in f.models.AnswerOption.objects.filter(indicator__framework=framework):
        option.translations = {"ru": {"label": f"Вариант {option.level}"}}
        option.save()
    return framework


def _get(client, url):
    with translation.override("en"):  # the request activates Russian; do not leak it
        return client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()


def test_the_review_boards_domain_filter_is_in_russian(
    client_for, consultant, assessment, russian_framework
):
    html = _get(client_for(consultant), reverse("assessments:review-board", args=[assessment.pk]))
    assert "1. Права мигрантов" in html
    assert "Domain 1" not in html


def test_the_review_history_prints_the_option_label_in_russian(
    client_for, consultant, coordinator, assessment, russian_framework, indicator
):
    response = f.respond(assessment, indicator, status=Response.Status.SUBMITTED, level="partial")
    html = _get(
        client_for(consultant),
        reverse("assessments:review-response", args=[assessment.pk, indicator.code]),
    )
    assert "Вариант partial" in html
    assert response.option.label not in html


def test_framework_objects_print_in_the_active_language(russian_framework):
    domain = russian_framework.domains.get(number=1)
    option = f.models.AnswerOption.objects.filter(indicator__framework=russian_framework).first()
    with translation.override("ru"):
        assert str(russian_framework) == "ИУМ, национальный уровень"
        assert str(domain) == "1. Права мигрантов"
        assert str(option) == f"Вариант {option.level}"
    assert str(domain) == f"1. {domain.name}"
