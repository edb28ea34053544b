"""Issue 32 in a browser: a consultant working in Russian starts an assessment in Russian."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Assessment, Country
from tests.e2e.header import choose_language
from tests.factories import PASSWORD


def test_a_russian_speaking_consultant_starts_an_assessment_whose_english_profile_reads_english(
    page, live_server, login, transactional_db
):
    call_command("load_framework", verbosity=0)
    consultant = get_user_model().objects.create_user(
        "iom-kz", "iom-kz@example.org", PASSWORD, first_name="Алия"
    )
    # Browser tests flush the database, data migrations included: make the group again.
    consultant.groups.add(Group.objects.get_or_create(name="consultants")[0])
    login("iom-kz", PASSWORD)
    choose_language(page, "Русский")
    page.goto(live_server.url + reverse("assessments:assessment-new"))
    expect(page.get_by_role("heading", name="Новая оценка")).to_be_visible()
    # The working language follows the interface: Russian, without a click.
    expect(page.locator("#id_language")).to_have_value("ru")
    # Choosing another working language moves the mark to that language's fields, and back.
    page.locator("#id_language").select_option("fr")
    expect(page.locator('label[for="id_edition_fr"]')).to_have_text(
        "Выпуск (французский, язык оценки)"
    )
    expect(page.locator('label[for="id_edition_ru"]')).to_have_text("Выпуск (русский)")
    page.locator("#id_language").select_option("ru")

    page.locator("#id_code").fill("KZ")
    # The short names are suggested in every language from the ISO list, and stay editable.
    russian_short = page.get_by_label("Краткое название новой страны (русский, язык оценки)")
    expect(russian_short).to_have_value("Казахстан")
    english_short = page.get_by_label("Краткое название новой страны (английский)")
    expect(english_short).to_have_value("Kazakhstan")
    page.get_by_label("Официальное название новой страны (русский, язык оценки)").fill(
        "Республика Казахстан"
    )
    page.get_by_label("Выпуск (русский, язык оценки)").fill("Первый профиль 2024")
    page.get_by_label("Официальное название новой страны (английский)").fill(
        "the Republic of Kazakhstan"
    )
    page.get_by_label("Выпуск (английский)").fill("First profile 2024")
    page.locator("#id_coordinator_email").fill("coord@gov.kz")
    page.locator("#id_coordinator_first_name").fill("Айгуль")
    page.locator("#id_coordinator_last_name").fill("Сейткали")
    page.locator("#id_coordinator_institution").fill("Министерство иностранных дел")
    page.get_by_role("button", name="Создать оценку и пригласить координатора").click()
    expect(
        page.get_by_role("heading", name="Республика Казахстан — Первый профиль 2024")
    ).to_be_visible()

    country = Country.objects.get(code="KZ")
    assert (country.language, country.name) == ("ru", "Республика Казахстан")
    assessment = Assessment.objects.get(country=country)
    assert assessment.language == "ru"

    # The English preview prints the English names, never the Russian originals.
    url = reverse("assessments:profile-preview", args=[assessment.pk])
    page.goto(f"{live_server.url}{url}?language=en")
    expect(page.locator(".cover-country")).to_have_text("The Republic of Kazakhstan")
    expect(page.locator(".cover-edition")).to_have_text("First profile 2024")
    expect(page.locator(".cover-header")).to_have_text(
        "THE REPUBLIC OF KAZAKHSTAN | FIRST PROFILE 2024"
    )
    expect(page.locator("body")).not_to_contain_text("Казахстан")
    expect(page.locator("body")).not_to_contain_text("Первый профиль")
