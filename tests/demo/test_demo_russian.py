"""The Russian profile of the Kyrgyz 2022 demo reads as a Russian document."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from assessments.models import Assessment, LegalInstrument, Response, Source
from assessments.report.build import profile_build, untranslated
from assessments.report.render import render_html

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def test_render_profile_in_russian_gives_a_cyrillic_pdf(loaded, tmp_path: Path):
    out = tmp_path / "profile-ru.pdf"
    call_command("render_profile", "KG", "2022", "--language", "ru", "-o", str(out))
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    cyrillic = len(re.findall(r"[а-яёА-ЯЁ]", text))
    latin = len(re.findall(r"[a-zA-Z]", text))
    assert cyrillic / (cyrillic + latin) >= 0.85
    for heading in ("СОДЕРЖАНИЕ", "ОСНОВНЫЕ ВЫВОДЫ", "Кыргызская Республика"):
        assert heading in text
    assert "Translation incomplete" not in text and "Перевод не завершен" not in text


def test_every_printed_finding_and_footnote_of_2022_has_a_russian_text(loaded):
    kg2022 = Assessment.objects.get(country__code="KG", year=2022)
    assert untranslated(kg2022, "ru") == []
    assert Response.objects.filter(assessment=kg2022).exclude(finding_translations={}).count() > 60


def test_registry_titles_and_sources_carry_russian_texts(loaded):
    annex = LegalInstrument.objects.filter(country__code="KG", in_annex=True)
    assert all(i.title_translations.get("ru") for i in annex)
    kg2022 = Assessment.objects.get(country__code="KG", year=2022)
    assert all(
        s.translations.get("ru", {}).get("title") for s in Source.objects.filter(assessment=kg2022)
    )
    assert kg2022.country.translations["fr"]["short_name"] == "le Kirghizistan"


def test_the_russian_profile_writes_dates_with_the_genitive_month(loaded):
    kg2022 = Assessment.objects.get(country__code="KG", year=2022)
    html = render_html(profile_build(kg2022, language="ru"))
    assert "января" in html and "Январь" not in html
    assert re.search(r"\b\d{1,2} [а-я]+я \d{4} г\.", html)  # "30 июля 2002 г." in the annex
