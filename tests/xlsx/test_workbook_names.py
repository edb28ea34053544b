"""The workbook's file name names the country, edition and ministry; the preview shows values."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.models import Evidence, LegalInstrument
from assessments.services.xlsx_format import EVIDENCE_COLUMNS
from assessments.services.xlsx_preview import import_confirm
from tests import factories as f
from tests.xlsx.helpers import edit, export
from tests.xlsx.test_import_pages import _upload

pytestmark = pytest.mark.django_db

EV = {key: i for i, (key, *_rest) in enumerate(EVIDENCE_COLUMNS, start=1)}


def test_workbook_file_name_holds_country_edition_and_ministry_but_no_email(
    client, assessment, focal_point, answered
):
    focal_point.username = "aida.focal@labour.gov.kg"
    focal_point.save()
    client.force_login(focal_point)
    page = client.get(reverse("assessments:xlsx-export", args=[assessment.pk]))
    disposition = page["Content-Disposition"]
    assert "@" not in disposition and "labour.gov" not in disposition
    assert "Kyrgyzstan" in disposition and assessment.edition in disposition
    assert "Ministry of Labour" in disposition


def test_workbook_file_name_follows_the_interface_language(client, assessment, focal_point):
    country = assessment.country
    country.translations = {"ru": {"name": "Кыргызская Республика", "short_name": "Кыргызстан"}}
    country.save()
    client.force_login(focal_point)
    with translation.override("en"):  # the request activates Russian; do not leak it
        page = client.get(
            reverse("assessments:xlsx-export", args=[assessment.pk]), HTTP_ACCEPT_LANGUAGE="ru"
        )
    # A non-ASCII name travels as RFC 5987 UTF-8, percent-encoded.
    assert "filename*=utf-8''MGI%20-%20%D0%9A%D1%8B%D1%80" in page["Content-Disposition"]


def test_preview_shows_every_parsed_value_of_a_new_instrument_with_its_stored_date(
    client, assessment, focal_point, answered
):
    source = f.SourceFactory(assessment=assessment, title="Labour survey")

    def change(book):
        sheet = book["Evidence"]
        row = sheet.max_row + 1
        values = {
            "code": answered[0],
            "new_title": "Law on Refugees",
            "new_number": "44",
            "new_kind": "Law",
            "new_adopted_on": "01.07.2023",
            "locator": "Art. 3",
            "note": "Asylum procedure.",
        }
        for key, value in values.items():
            sheet.cell(row=row, column=EV[key], value=value)
        sheet.cell(row=row + 1, column=EV["code"], value=answered[0])
        sheet.cell(row=row + 1, column=EV["source"], value=str(source))

    client.force_login(focal_point)
    html = _upload(client, assessment, edit(export(focal_point, assessment), change))
    html = html.content.decode()
    for shown in ("Law on Refugees", "44", "Art. 3", "Asylum procedure.", "Labour survey"):
        assert shown in html
    assert "1 July 2023 (typed as “01.07.2023”)" in html


def test_a_new_instrument_typed_with_look_alike_letters_cites_the_registered_one(
    assessment, focal_point, answered
):
    law = f.LegalInstrumentFactory(
        country=assessment.country, title="Закон о внешней миграции", number="61"
    )

    def change(book):
        sheet = book["Evidence"]
        row = sheet.max_row + 1
        values = {
            "code": answered[0],
            "new_title": "Зaкoн о внешней миграции",  # Latin "a" and "o"
            "new_number": "61",
            "new_kind": "Law",
        }
        for key, value in values.items():
            sheet.cell(row=row, column=EV[key], value=value)

    content = edit(export(focal_point, assessment), change)
    before = LegalInstrument.objects.count()
    import_confirm(assessment=assessment, user=focal_point, content=content, use_workbook={})
    assert LegalInstrument.objects.count() == before
    assert Evidence.objects.filter(instrument=law).count() == 1
