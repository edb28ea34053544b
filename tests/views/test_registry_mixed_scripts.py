"""Titles and numbers typed with look-alike letters of another alphabet: flagged and folded."""

import datetime

import pytest
from django.urls import reverse

from assessments.homoglyphs import fold_lookalikes, mixed_words
from assessments.models import Assessment, LegalInstrument, Source
from assessments.selectors.registry import instruments_with_number, registry_duplicates
from tests import factories as f

pytestmark = pytest.mark.django_db

REAL = "Закон о внешней миграции"
# Latin "a", "o" and "c" typed inside the Cyrillic words (two keyboard layouts).
MIXED = "Зaкoн о внешней миграции".replace("с", "c")


def test_look_alike_letters_are_found_with_their_alphabet_and_folded():
    (word,) = mixed_words("Зaкoн о внешней миграции")
    assert word.word == "Зaкoн" and word.script == "CYRILLIC"
    assert word.suspicious == [("a", "LATIN"), ("o", "LATIN")]
    assert fold_lookalikes(MIXED) == fold_lookalikes(REAL) == fold_lookalikes(REAL.upper())
    assert fold_lookalikes("Закон") != fold_lookalikes("Законы")
    # One alphabet per word, even two alphabets in one title, is not flagged.
    assert mixed_words("Закон о COVID-19 и ЕАЭС, Law on Migration") == []


def test_a_mixed_script_duplicate_title_is_flagged_shown_and_folded(
    client_for, coordinator, assessment
):
    day = datetime.date(2000, 7, 17)
    real = f.LegalInstrumentFactory(
        country=assessment.country, title=REAL, number="61", kind="law", adopted_on=day
    )
    typed = LegalInstrument(country=assessment.country, title=MIXED, kind="law", adopted_on=day)
    assert registry_duplicates(typed) == [real]

    client = client_for(coordinator)
    url = reverse("assessments:instrument-add", args=[assessment.country.code])
    data = {"title": MIXED, "number": "", "kind": "law", "adopted_on": "17.07.2000"}
    page = client.post(url, data)
    html = page.content.decode()
    assert page.status_code == 200 and LegalInstrument.objects.count() == 1
    assert 'id="mixed-scripts"' in html and 'id="similar-title"' in html
    assert "З<mark>a</mark>к<mark>o</mark>н" in html
    assert "Latin “a”" in html and 'name="keep_letters"' in html

    # Confirming the duplicate is not enough: the letters need a decision of their own.
    page = client.post(url, data | {"confirm_duplicate": "on"})
    assert page.status_code == 200 and LegalInstrument.objects.count() == 1
    saved = client.post(url, data | {"confirm_duplicate": "on", "keep_letters": "on"})
    assert saved.status_code == 302 and LegalInstrument.objects.count() == 2


def test_a_number_typed_with_a_latin_look_alike_matches_the_cyrillic_one(assessment):
    law = f.LegalInstrumentFactory(country=assessment.country, number="УП-123")
    assert instruments_with_number(country=assessment.country, number="YП-123") == [law]
    assert instruments_with_number(country=assessment.country, number="УП-124") == []


def test_a_new_source_typed_with_look_alike_letters_is_flagged_before_it_is_added(
    client_for, coordinator, assessment, indicator
):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    url = reverse("assessments:evidence-add", args=[assessment.pk, indicator.code])
    data = {"source_organization": "Нацстатком", "source_title": "Ежегодник " + MIXED}
    client = client_for(coordinator)
    page = client.post(url, data)
    html = page.content.decode()
    assert page.status_code == 400 and not Source.objects.exists()
    assert "З<mark>a</mark>к<mark>o</mark>н" in html and 'name="keep_letters"' in html
    assert client.post(url, data | {"keep_letters": "on"}).status_code == 302
    assert Source.objects.count() == 1
