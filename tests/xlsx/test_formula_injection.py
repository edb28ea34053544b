"""Every export writes text as literal strings: no spreadsheet evaluates a finding."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assessments.models import Response
from assessments.services.xlsx_format import FORMULA_STARTS
from assessments.services.xlsx_preview import import_confirm, import_preview
from tests.xlsx.helpers import answer_row, edit, export, set_answer

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://example.org","x")'
FINDING_COL = 7


def _store_finding(code: str, text: str) -> None:
    Response.objects.filter(indicator__code=code).update(finding=text)


def test_a_formula_like_finding_is_exported_as_a_string_and_imports_back_unchanged(
    assessment, focal_point, answered
):
    first, second, *_rest = answered
    _store_finding(first, HYPERLINK)
    content = export(focal_point, assessment)
    sheet = load_workbook(io.BytesIO(content))["Answers"]
    cell = sheet.cell(row=answer_row(sheet.parent, first), column=FINDING_COL)
    assert cell.value == HYPERLINK
    assert cell.data_type == "s" and cell.quotePrefix

    # Re-imported untouched, it is the same text; edited elsewhere, only that edit arrives.
    edited = edit(content, lambda book: set_answer(book, second, finding="Changed."))
    preview = import_preview(assessment=assessment, user=focal_point, content=edited)
    assert [i.code for i in preview.changed] == [second] and not preview.refused
    import_confirm(assessment=assessment, user=focal_point, content=edited, use_workbook={})
    assert Response.objects.get(indicator__code=first).finding == HYPERLINK


# Tab and carriage return: the workbook trims findings, so they are tested on the CSV.
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_risky_start_stays_text_in_the_workbook(assessment, focal_point, answered, start):
    text = f"{start}1+1 risky"
    _store_finding(answered[0], text)
    book = load_workbook(io.BytesIO(export(focal_point, assessment)))
    cell = book["Answers"].cell(row=answer_row(book, answered[0]), column=FINDING_COL)
    assert cell.data_type == "s" and cell.quotePrefix


def test_no_export_writes_a_formula_cell(client, assessment, consultant, answered):
    _store_finding(answered[0], HYPERLINK)
    client.force_login(consultant)
    urls = [
        reverse("assessments:xlsx-export", args=[assessment.pk]),
        reverse("assessments:analysis-export", args=[assessment.pk, "xlsx"]),
        reverse("assessments:country-analysis-export", args=[assessment.country.code, "xlsx"]),
        reverse("assessments:sdg-export", args=[assessment.pk, "xlsx"]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        book = load_workbook(io.BytesIO(response.content))
        kinds = {c.data_type for ws in book.worksheets for row in ws.iter_rows() for c in row}
        assert "f" not in kinds, url
    analysis = load_workbook(io.BytesIO(client.get(urls[1]).content)).active
    assert HYPERLINK in [c.value for row in analysis.iter_rows() for c in row]


def test_csv_exports_prefix_risky_text(client, assessment, consultant, answered):
    _store_finding(answered[0], "\t=1+1")
    client.force_login(consultant)
    url = reverse("assessments:analysis-export", args=[assessment.pk, "csv"])
    cells = [c for row in csv.reader(io.StringIO(client.get(url).content.decode())) for c in row]
    assert "'\t=1+1" in cells
    assert not any(c.startswith(FORMULA_STARTS) for c in cells)
