"""Export a workbook, edit it with openpyxl as a person would in Excel, and snapshot the DB."""

import io

from openpyxl import load_workbook

from assessments.models import Evidence, LegalInstrument, Response, ResponseRevision
from assessments.selectors.xlsx import workbook_data
from assessments.services.xlsx_export import workbook_export
from assessments.services.xlsx_format import ANSWER_COLUMNS


def export(user, assessment) -> bytes:
    return workbook_export(data=workbook_data(user, assessment), user=user)


def edit(content: bytes, change) -> bytes:
    """Open the workbook, let `change(book)` edit it, and save it again."""
    book = load_workbook(io.BytesIO(content))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def answer_row(book, code: str) -> int:
    sheet = book["Answers"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == code:
            return row
    raise AssertionError(f"{code} not in the workbook")


def set_answer(book, code: str, *, finding=None, option=None) -> None:
    columns = [c[0] for c in ANSWER_COLUMNS]
    row = answer_row(book, code)
    if finding is not None:
        book["Answers"].cell(row=row, column=columns.index("finding") + 1, value=finding)
    if option is not None:
        book["Answers"].cell(row=row, column=columns.index("option") + 1, value=option)


def db_state() -> tuple:
    """Everything an import could change, to prove that a refused one changed nothing."""
    return (
        list(Response.objects.order_by("pk").values_list("pk", "option", "finding", "version")),
        ResponseRevision.objects.count(),
        list(Evidence.objects.order_by("pk").values_list("pk", "removed_at")),
        LegalInstrument.objects.count(),
    )
