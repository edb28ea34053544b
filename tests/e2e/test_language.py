"""A focal point switches to Russian and answers an indicator whose texts are in Russian."""

import pytest
from playwright.sync_api import expect

from assessments.models import Membership, Response, UserSettings
from tests import factories as f
from tests.e2e.header import choose_language
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

RU_LABELS = {
    "developed": "Да, для всех мигрантов",
    "partial": "Только для некоторых категорий",
    "absent": "Нет",
}


@pytest.fixture
def russian_indicator(transactional_db):
    framework = f.build_framework(domains=1, indicators_per_domain=1)
    assessment = f.AssessmentFactory(framework=framework)
    indicator = framework.indicators.get()
    indicator.translations = {
        "ru": {
            "title": "Медицинская помощь мигрантам",
            "question": "Имеют ли все мигранты доступ к медицинской помощи наравне с гражданами?",
            "guidance": "Укажите закон и статьи, которые определяют круг застрахованных.",
        }
    }
    indicator.save()
    for option in indicator.options.all():
        option.translations = {"ru": {"label": RU_LABELS[option.level]}}
        option.save()
    user = f.UserFactory(username="labour")
    membership = f.MembershipFactory(
        user=user, assessment=assessment, role=Membership.Role.FOCAL_POINT
    )
    f.AssignmentFactory(membership=membership, subdomain=indicator.subdomain)
    return assessment, indicator, user


def test_focal_point_switches_to_russian_and_answers_in_it(page, login, russian_indicator):
    assessment, indicator, user = russian_indicator
    login("labour", PASSWORD)
    choose_language(page, "Русский")
    expect(page.get_by_role("heading", name="Мои задачи")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "ru")

    page.get_by_role("link", name=f"{indicator.code} Медицинская помощь мигрантам").first.click()
    expect(page.get_by_text(indicator.translations["ru"]["question"])).to_be_visible()
    for label in RU_LABELS.values():
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_text("Рекомендации: какие материалы подтверждают ответ")).to_be_visible()

    page.get_by_label(RU_LABELS["partial"], exact=True).check()
    page.get_by_label("Вывод").fill("Закон предоставляет доступ только постоянным жителям.")
    expect(page.locator("#save-status")).to_contain_text("Сохранено", timeout=10_000)

    response = Response.objects.get(assessment=assessment, indicator=indicator)
    assert response.option.level == "partial"
    assert response.finding == "Закон предоставляет доступ только постоянным жителям."
    assert UserSettings.objects.get(user=user).language == "ru"
