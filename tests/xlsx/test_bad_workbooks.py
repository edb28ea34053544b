"""Every bad workbook is refused with a message naming sheet, row and column; nothing changes."""

import datetime
import io
import zipfile

import pytest
from openpyxl import Workbook

from assessments.services.xlsx_format import EVIDENCE_COLUMNS
from assessments.services.xlsx_import import WorkbookError
from assessments.services.xlsx_preview import import_confirm, import_preview
from tests import factories as f
from tests.xlsx.helpers import answer_row, db_state, edit, export, set_answer

pytestmark = pytest.mark.django_db

EV = {key: i for i, (key, *_rest) in enumerate(EVIDENCE_COLUMNS, start=1)}


def refused(assessment, user, content: bytes) -> list[str]:
    """Both steps refuse the workbook and leave the database as it was; returns the messages."""
    state = db_state()
    with pytest.raises(WorkbookError) as preview_error:
        import_preview(assessment=assessment, user=user, content=content)
    with pytest.raises(WorkbookError):
        import_confirm(assessment=assessment, user=user, content=content, use_workbook={})
    assert db_state() == state
    return [str(p) for p in preview_error.value.problems]


def _repack(content: bytes, change) -> bytes:
    """Rewrite the zip, letting `change(name, data)` return new data (or None to drop)."""
    src, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = change(item.filename, src.read(item.filename))
            if data is not None:
                dst.writestr(item.filename, data)
        extra = change("", b"")
        if extra:
            dst.writestr(*extra)
    return out.getvalue()


def test_csv_file_is_not_a_workbook(assessment, focal_point, answered):
    messages = refused(assessment, focal_point, b"code,finding\n1.1.1,Text\n")
    assert messages == ["This file is not an Excel workbook (.xlsx)."]


def test_macro_enabled_workbook_renamed_to_xlsx_is_refused(assessment, focal_point, answered):
    def to_xlsm(name, data):
        if name == "[Content_Types].xml":
            return data.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")
        if name == "":
            return ("xl/vbaProject.bin", b"\x00" * 64)
        return data

    content = _repack(export(focal_point, assessment), to_xlsm)
    assert "macros" in refused(assessment, focal_point, content)[0]


def test_word_document_is_not_a_workbook(assessment, focal_point, answered):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml", "<Types><Override ContentType='wordprocessingml'/></Types>"
        )
        z.writestr("word/document.xml", "<w:document/>")
    assert refused(assessment, focal_point, out.getvalue()) == [
        "This file is not an Excel workbook (.xlsx)."
    ]


def test_workbook_of_another_assessment_is_refused(assessment, framework, focal_point, answered):
    other = f.AssessmentFactory(framework=framework, country__code="GE")
    user = f.UserFactory(username="ge-coordinator")
    f.MembershipFactory(user=user, assessment=other, role="coordinator")
    content = export(user, other)
    assert refused(assessment, focal_point, content) == [
        "This workbook belongs to another assessment."
    ]


def test_edited_code_is_refused_with_its_row(assessment, focal_point, answered):
    def change(book):
        book["Answers"].cell(row=answer_row(book, answered[1]), column=1, value="9.9.9")

    messages = refused(assessment, focal_point, edit(export(focal_point, assessment), change))
    assert messages == [
        f"sheet “Answers”, row 3, column A: The code was changed; it must read {answered[1]}."
    ]


def test_edited_locked_question_is_refused_with_its_column(assessment, focal_point, answered):
    def change(book):
        book["Answers"].cell(row=2, column=4, value="An easier question?")

    messages = refused(assessment, focal_point, edit(export(focal_point, assessment), change))
    assert messages == ["sheet “Answers”, row 2, column D: This locked cell was changed."]


def test_edited_existing_evidence_is_refused(assessment, focal_point, answered):
    def change(book):
        book["Evidence"].cell(row=2, column=EV["locator"], value="Article 99")

    messages = refused(assessment, focal_point, edit(export(focal_point, assessment), change))
    assert messages == ["sheet “Evidence”, row 2, column I: This locked cell was changed."]


def test_edited_hidden_sheet_is_refused(assessment, focal_point, answered):
    def change(book):
        meta = book["_mgi"]
        for row in meta.iter_rows():
            if row[0].value == "answer":
                row[3].value = 99  # pretend the export saw a newer version

    messages = refused(assessment, focal_point, edit(export(focal_point, assessment), change))
    assert messages == ["sheet “_mgi”: The hidden sheet was changed; export a new workbook."]


def test_option_that_is_not_the_indicators_is_refused(assessment, focal_point, answered):
    content = edit(
        export(focal_point, assessment), lambda b: set_answer(b, answered[2], option="Yes")
    )
    assert refused(assessment, focal_point, content) == [
        "sheet “Answers”, row 4, column F: "
        f"“Yes” is not one of the answers of indicator {answered[2]}."
    ]


def test_formula_in_place_of_a_finding_is_refused(assessment, focal_point, answered):
    content = edit(
        export(focal_point, assessment),
        lambda b: set_answer(b, answered[0], finding='=CONCAT("a","b")'),
    )
    assert refused(assessment, focal_point, content) == [
        "sheet “Answers”, row 2, column G: A formula is not allowed; type text."
    ]


def test_new_instrument_with_a_future_adoption_date_is_refused(assessment, focal_point, answered):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)

    def change(book):
        sheet = book["Evidence"]
        row = sheet.max_row + 1
        sheet.cell(row=row, column=EV["code"], value=answered[0])
        sheet.cell(row=row, column=EV["new_title"], value="Law on Future Migration")
        sheet.cell(row=row, column=EV["new_kind"], value="Law")
        sheet.cell(row=row, column=EV["new_adopted_on"], value=tomorrow)

    messages = refused(assessment, focal_point, edit(export(focal_point, assessment), change))
    assert len(messages) == 1
    assert messages[0].startswith("sheet “Evidence”, row ")
    assert messages[0].endswith("column G: The date of adoption is in the future.")


def test_file_over_five_megabytes_is_refused(assessment, focal_point, answered):
    content = export(focal_point, assessment) + b"\x00" * (5 * 1024 * 1024 + 200_000)
    assert refused(assessment, focal_point, content) == ["The file is 5.2 MB; the limit is 5 MB."]


def test_sheet_over_five_thousand_rows_is_refused(assessment, focal_point, answered):
    def change(book):
        book["Evidence"].cell(row=5002, column=EV["note"], value="One row too many.")

    messages = refused(assessment, focal_point, edit(export(focal_point, assessment), change))
    assert messages == ["sheet “Evidence”, row 5002: A sheet may hold at most 5,000 rows."]


def test_empty_workbook_is_refused(assessment, focal_point, answered):
    out = io.BytesIO()
    Workbook().save(out)
    assert refused(assessment, focal_point, out.getvalue()) == ["The workbook is empty."]
