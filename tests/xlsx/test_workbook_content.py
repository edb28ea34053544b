"""What the exported workbook holds, and new evidence coming back from it."""

import datetime
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from assessments.models import Evidence, LegalInstrument, Response, ResponseRevision
from assessments.services.xlsx_export import row_height
from assessments.services.xlsx_format import EVIDENCE_COLUMNS
from assessments.services.xlsx_import import WorkbookError
from assessments.services.xlsx_preview import import_confirm, import_preview
from tests import factories as f
from tests.xlsx.helpers import edit, export

pytestmark = pytest.mark.django_db

EV = {key: i for i, (key, *_rest) in enumerate(EVIDENCE_COLUMNS, start=1)}


def _book(content: bytes):
    return load_workbook(io.BytesIO(content))


def test_focal_point_workbook_holds_only_their_indicators_locked_with_drop_downs(
    assessment, focal_point, answered
):
    book = _book(export(focal_point, assessment))
    assert book.sheetnames == ["Instructions", "Answers", "Evidence", "_lists", "_mgi"]
    assert book["_lists"].sheet_state == book["_mgi"].sheet_state == "hidden"
    # It opens on the instructions, with no other sheet selected (grouped sheets edit together).
    assert book.active.title == "Instructions"
    assert not [ws.title for ws in book.worksheets[1:] if ws.sheet_view.tabSelected]
    answers = book["Answers"]
    assert [answers.cell(row=r, column=1).value for r in range(2, answers.max_row + 1)] == answered
    assert answers.freeze_panes == "B2" and answers.protection.sheet
    assert answers["D2"].protection.locked and not answers["F2"].protection.locked
    assert not answers["G2"].protection.locked and answers["G2"].alignment.wrap_text
    assert answers["F2"].value == "Partial answer"
    validation = next(v for v in answers.data_validations.dataValidation if "F2" in v.sqref)
    row = validation.formula1.split("$")[-1]
    assert validation.formula1 == f"'_lists'!$B${row}:$D${row}"
    labels = [c.value for c in book["_lists"][int(row)][1:4]]
    assert labels == ["Developed answer", "Partial answer", "Absent answer"]
    evidence = book["Evidence"]
    assert evidence.cell(row=2, column=EV["code"]).value == answered[0]
    assert evidence.cell(row=2, column=EV["locator"]).protection.locked


def test_coordinator_workbook_holds_the_whole_assessment(assessment, framework, coordinator):
    answers = _book(export(coordinator, assessment))["Answers"]
    assert answers.max_row - 1 == framework.indicators.count()


def test_workbook_is_in_the_users_language(assessment, focal_point, indicator):
    indicator.translations = {"fr": {"question": "Le pays a-t-il une politique ?"}}
    indicator.save()
    with translation.override("fr"):
        content = export(focal_point, assessment)
    book = _book(content)
    answers = book.worksheets[1]
    assert answers["D2"].value == "Le pays a-t-il une politique ?"
    # The import reads it back in the language it was written in.
    preview = import_preview(assessment=assessment, user=focal_point, content=content)
    assert not preview.has_work


def test_new_evidence_rows_cite_the_registry_a_new_instrument_and_a_source(
    assessment, focal_point, answered
):
    law = f.LegalInstrumentFactory(country=assessment.country, title="Labour Code", number="1")
    source = f.SourceFactory(assessment=assessment, title="Labour survey")
    first, second = answered[0], answered[1]

    def change(book):
        sheet = book["Evidence"]
        rows = [
            {"code": first, "instrument": "Labour Code (No. 1)", "locator": "Art. 5"},
            {
                "code": first,
                "new_title": "Law on Refugees",
                "new_number": "44",
                "new_kind": "Law",
                "new_adopted_on": "2002-03-25",
                "note": "Asylum.",
            },
            {
                "code": second,
                "new_title": "Law on Refugees",
                "new_number": "44",
                "new_kind": "Law",
                "new_adopted_on": "2002-03-25",
            },
            {"code": second, "source": str(source), "locator": "p. 12"},
        ]
        start = sheet.max_row + 1
        for offset, values in enumerate(rows):
            for key, value in values.items():
                sheet.cell(row=start + offset, column=EV[key], value=value)

    content = edit(export(focal_point, assessment), change)
    preview = import_preview(assessment=assessment, user=focal_point, content=content)
    assert [i.code for i in preview.changed] == [first, second]
    assert [len(i.evidence) for i in preview.changed] == [2, 2]

    import_confirm(assessment=assessment, user=focal_point, content=content, use_workbook={})
    refugees = LegalInstrument.objects.get(title="Law on Refugees")
    assert refugees.number == "44" and refugees.kind == "law" and refugees.created_by == focal_point
    cited = Evidence.objects.filter(response__indicator__code=first).exclude(instrument=None)
    assert {e.instrument for e in cited} >= {law, refugees}
    assert Evidence.objects.get(source=source).locator == "p. 12"
    response = Response.objects.get(indicator__code=second)
    assert list(response.revisions.filter(action="import").values_list("note", flat=True)) != []
    assert ResponseRevision.objects.filter(action="import").count() == 4


def test_focal_point_importing_a_wider_workbook_gets_others_indicators_refused(
    assessment, framework, focal_point, coordinator, answered
):
    outside = framework.indicators.exclude(code__in=answered).order_by("order").first()

    def change(book):
        sheet = book["Answers"]
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row=row, column=1).value in (outside.code, answered[0]):
                sheet.cell(row=row, column=7, value="Written offline.")

    content = edit(export(coordinator, assessment), change)
    preview = import_preview(assessment=assessment, user=focal_point, content=content)
    assert [(i.code, i.reason) for i in preview.refused] == [
        (outside.code, "This indicator is not assigned to you.")
    ]
    assert [i.code for i in preview.changed] == [answered[0]]
    import_confirm(assessment=assessment, user=focal_point, content=content, use_workbook={})
    assert not Response.objects.filter(indicator=outside, finding="Written offline.").exists()
    assert Response.objects.get(indicator__code=answered[0]).finding == "Written offline."


def test_a_new_instrument_keeps_a_year_or_month_as_given_and_a_typed_excel_date(
    assessment, focal_point, answered
):
    dates = {"Law A": 2019, "Law B": "04/2019", "Law C": datetime.datetime(2002, 7, 30)}

    def change(book):
        sheet = book["Evidence"]
        start = sheet.max_row + 1
        for offset, (title, value) in enumerate(dates.items()):
            row = start + offset
            for key, cell in (("code", answered[0]), ("new_title", title), ("new_kind", "Law")):
                sheet.cell(row=row, column=EV[key], value=cell)
            sheet.cell(row=row, column=EV["new_adopted_on"], value=value)

    content = edit(export(focal_point, assessment), change)
    import_confirm(assessment=assessment, user=focal_point, content=content, use_workbook={})
    stored = {
        i.title: (i.adopted_display, i.adopted_precision)
        for i in LegalInstrument.objects.filter(title__in=dates)
    }
    assert stored == {
        "Law A": ("2019", "year"),
        "Law B": ("April 2019", "month"),
        "Law C": ("30 July 2002", "day"),
    }


def test_an_unreadable_adoption_date_is_a_problem_of_its_cell(assessment, focal_point, answered):
    def change(book):
        sheet = book["Evidence"]
        row = sheet.max_row + 1
        for key, cell in (("code", answered[0]), ("new_title", "Law D"), ("new_kind", "Law")):
            sheet.cell(row=row, column=EV[key], value=cell)
        sheet.cell(row=row, column=EV["new_adopted_on"], value="spring 2019")

    content = edit(export(focal_point, assessment), change)
    with pytest.raises(WorkbookError) as refused:
        import_preview(assessment=assessment, user=focal_point, content=content)
    assert [(p.column, p.message) for p in refused.value.problems] == [
        (chr(64 + EV["new_adopted_on"]), 'Write the date as "2002-07-30", "2002-07" or "2002".')
    ]
    assert not LegalInstrument.objects.filter(title="Law D").exists()


def test_rows_are_tall_enough_for_their_wrapped_text_and_instructions_fit_a_page(
    assessment, focal_point, answered
):
    long_finding = "Word " * 140  # 700 characters: ten lines in the 70-wide finding column
    Response.objects.filter(assessment=assessment, indicator__code=answered[0]).update(
        finding=long_finding.strip()
    )
    book = _book(export(focal_point, assessment))
    answers = book["Answers"]
    # LibreOffice keeps the stored heights; without them wrapped rows overlapped on screen and
    # in print.
    assert answers.row_dimensions[2].height >= 10 * 15
    assert answers.row_dimensions[3].height >= 15
    instructions = book["Instructions"]
    assert instructions.page_setup.orientation == "portrait"
    assert instructions.page_setup.scale == 75
    assert all(instructions.row_dimensions[r].height for r in range(1, instructions.max_row + 1))


def test_row_height_counts_the_wrapped_lines_of_the_tallest_cell():
    assert row_height([("", 10)]) == 19
    assert row_height([("x" * 25, 10), ("short", 40)]) == 3 * 15 + 4
    assert row_height([("one\ntwo\nthree", 40)]) == 3 * 15 + 4
    assert row_height([("x" * 100_000, 10)]) == 409  # the tallest row a spreadsheet allows
