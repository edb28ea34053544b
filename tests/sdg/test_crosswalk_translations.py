"""The crosswalk's texts in every interface language, and check_translations counting them."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from assessments.management.commands.check_translations import framework_missing
from assessments.models import GcmObjective, SdgSubcategory
from assessments.services.crosswalk_loader import crosswalk_load
from tests.sdg.conftest import crosswalk_data
from tests.sdg.test_crosswalk_fixture import CROSSWALK

LANGUAGES = ("ru", "fr", "es")


def test_every_domain_sub_category_and_objective_is_translated_in_the_file():
    for lang in LANGUAGES:
        for domain in CROSSWALK["domains"]:
            assert domain["translations"][lang]["name"], (lang, domain["number"])
            for row in domain["subcategories"]:
                text = row["translations"][lang]["text"]
                assert text and text != row["text"], (lang, row["code"])
        titles = CROSSWALK["gcm_objectives_translations"][lang]
        assert sorted(titles) == sorted(CROSSWALK["gcm_objectives"]), lang
        assert all(titles[n] != CROSSWALK["gcm_objectives"][n] for n in titles)


@pytest.mark.django_db
def test_loaded_crosswalk_texts_follow_the_language_and_are_all_counted():
    call_command("load_framework", verbosity=0)
    call_command("load_crosswalk", verbosity=0)
    sub = SdgSubcategory.objects.get(code="1a")
    with translation.override("ru"):
        assert sub.tr("domain_name") == "Права мигрантов"
        assert GcmObjective.objects.get(number=15).tr("title").startswith("Обеспечение доступа")
    assert sub.tr("text", "en").startswith("Migrants can obtain")
    assert [framework_missing(lang) for lang in LANGUAGES] == [0, 0, 0]

    # A crosswalk text that loses its translation is reported, and the command fails.
    GcmObjective.objects.filter(number=1).update(translations={})
    assert framework_missing("fr") == 1
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_translations", stdout=out)
    assert "fr: " in out.getvalue() and "1 framework and crosswalk texts missing" in out.getvalue()


@pytest.mark.django_db
def test_the_sdg_page_in_russian_prints_the_russian_crosswalk(client, sdg_assessment, sdg_people):
    data = crosswalk_data(sdg_assessment.framework.slug)
    data["domains"][0]["translations"] = {"ru": {"name": "Права мигрантов"}}
    data["domains"][0]["subcategories"][0]["translations"] = {"ru": {"text": "Подкатегория"}}
    data["gcm_objectives_translations"] = {"ru": {15: "Обеспечение доступа мигрантов"}}
    crosswalk_load(data=data)
    client.force_login(sdg_people["coordinator"])
    with translation.override("en"):  # the request activates Russian; do not leak it
        page = client.get(
            reverse("assessments:sdg", args=[sdg_assessment.pk]), HTTP_ACCEPT_LANGUAGE="ru"
        )
    html = page.content.decode()
    assert "1. Права мигрантов" in html and "Подкатегория" in html
    assert "15. Обеспечение доступа мигрантов" in html
    assert "Migrant rights" not in html and "Provide access" not in html
