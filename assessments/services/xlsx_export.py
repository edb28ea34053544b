"""The offline questionnaire as an .xlsx workbook: answers, evidence, and a signed hidden sheet."""

import io

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..models import LegalInstrument, Response
from ..selectors.xlsx import WorkbookData, WorkbookRow
from .xlsx_format import (
    ANSWER_COLUMNS,
    EVIDENCE_COLUMNS,
    FORMAT,
    LISTS_SHEET,
    LOCKED_ANSWER_KEYS,
    META_SHEET,
    NEW_EVIDENCE_ROWS,
    answer_fingerprint,
    cell_hash,
    literal_text,
    meta_signature,
    norm_text,
)

HEADING = Font(bold=True, color="FFFFFF")
HEADING_FILL = PatternFill("solid", fgColor="1F4E79")
LOCKED_FILL = PatternFill("solid", fgColor="EEF2F6")
WRAP = Alignment(wrap_text=True, vertical="top")
# Points per line of 11-point text, and the tallest row a spreadsheet allows.
LINE_HEIGHT, MAX_ROW_HEIGHT = 15, 409
INSTRUCTIONS_WIDTH = 100
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)


def sheet_titles() -> dict[str, str]:
    """Visible sheet names in the active language (Excel allows 31 characters)."""
    return {
        "instructions": _("Instructions")[:31],
        "answers": _("Answers")[:31],
        "evidence": _("Evidence")[:31],
    }


def instrument_label(instrument: LegalInstrument) -> str:
    """How a registry entry appears in the drop-down; unique enough to find it again.

    The same in every language, so a workbook imports whatever language its importer reads.
    """
    label = (
        f"{instrument.title} (No. {instrument.number})" if instrument.number else instrument.title
    )
    return label[:250]


def workbook_export(*, data: WorkbookData, user: AbstractBaseUser) -> bytes:
    """The workbook for this user's indicators, in the active language, as bytes."""
    book = Workbook()
    titles = sheet_titles()
    _instructions(book.active, titles, data)
    answers = book.create_sheet(titles["answers"])
    evidence = book.create_sheet(titles["evidence"])
    lists = book.create_sheet(LISTS_SHEET)
    meta = book.create_sheet(META_SHEET)
    ranges = _lists(lists, data)
    meta_rows = _answers(answers, data.rows, ranges)
    meta_rows += _evidence(evidence, data, ranges)
    _meta(meta, data, user, titles, meta_rows)
    lists.sheet_state = meta.sheet_state = "hidden"
    literal_text(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _instructions(ws: Worksheet, titles: dict, data: WorkbookData) -> None:
    ws.title = titles["instructions"]
    lines = [
        str(data.assessment),
        "",
        _(
            "Answer each indicator on the sheet “%(s)s”: choose the answer from the list and "
            "write the finding in the next column."
        )
        % {"s": titles["answers"]},
        _(
            "Grey cells (code, domain, question, guidance, status) are locked; changing them "
            "makes the workbook unusable for the import."
        ),
        _(
            "On the sheet “%(s)s”, add evidence in the empty rows: the indicator code, then an "
            "instrument from the registry or a new one (title, number, type, date of adoption), "
            "or a source, with the article or page and a note."
        )
        % {"s": titles["evidence"]},
        _("Existing evidence is shown for reference; remove evidence in the application."),
        _("Type text, not formulas. Keep the file as .xlsx."),
        _(
            "Upload the filled workbook on the assessment's page: you will see every change "
            "before anything is saved."
        ),
        _(
            "If someone changes an answer in the application meanwhile, the import shows both "
            "texts and keeps the application's unless you choose the workbook's."
        ),
    ]
    ws.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    for number, line in enumerate(lines, start=1):
        cell = ws.cell(row=number, column=1, value=line)
        cell.alignment = WRAP
        ws.row_dimensions[number].height = row_height([(line, INSTRUCTIONS_WIDTH)])
    ws["A1"].font = Font(bold=True, size=14)
    # A fixed scale: LibreOffice ignores fit-to-width on this one-column sheet and cut its lines.
    ws.page_setup.orientation, ws.page_setup.paperSize = "portrait", ws.PAPERSIZE_A4
    ws.page_setup.scale = 75
    ws.protection.sheet = True


def row_height(cells: list[tuple[str, float]]) -> float:
    """The height, in points, that shows every (text, column width) of a row wrapped.

    LibreOffice does not fit rows to wrapped text when it opens a workbook, so the rows
    would overlap on screen and in print; Excel keeps a height that is given.
    """
    lines = 1
    for text, width in cells:
        per_line = max(1, int(width))  # a width unit holds about one character
        wrapped = sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))
        lines = max(lines, wrapped)
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 4)


def _lists(ws: Worksheet, data: WorkbookData) -> dict:
    """Drop-down sources: one row of option labels per indicator, then registry, kinds, sources."""
    ranges: dict = {"options": {}}
    sheet = quote_sheetname(LISTS_SHEET)
    for number, row in enumerate(data.rows, start=1):
        ws.cell(row=number, column=1, value=row.indicator.code)
        for col, option in enumerate(row.options, start=2):
            ws.cell(row=number, column=col, value=option.tr("label"))
        last = get_column_letter(max(2, len(row.options) + 1))
        ranges["options"][row.indicator.code] = f"{sheet}!$B${number}:${last}${number}"
    columns = {
        "codes": [r.indicator.code for r in data.rows],
        "instruments": [instrument_label(i) for i in data.instruments],
        "kinds": [label for _v, label in LegalInstrument.Kind.choices],
        "sources": [str(s)[:250] for s in data.sources],
    }
    for offset, (key, values) in enumerate(columns.items()):
        col = 30 + offset
        for number, value in enumerate(values, start=1):
            ws.cell(row=number, column=col, value=str(value))
        letter = get_column_letter(col)
        ranges[key] = f"{sheet}!${letter}$1:${letter}${max(1, len(values))}"
    return ranges


def _fit_to_page_width(ws: Worksheet, orientation: str) -> None:
    """A4 pages as wide as the sheet, as many as its rows need."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _heading(ws: Worksheet, columns: list) -> None:
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=str(column[1]))
        cell.font, cell.fill, cell.alignment = HEADING, HEADING_FILL, WRAP
        ws.column_dimensions[get_column_letter(col)].width = column[2]
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    _fit_to_page_width(ws, "landscape")
    # Users may still resize and filter; they may not edit locked cells.
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    ws.protection.autoFilter = False


def _answer_values(row: WorkbookRow) -> dict:
    response, indicator = row.response, row.indicator
    option = response.option if response and response.option_id else None
    domain = indicator.subdomain.domain
    return {
        "code": indicator.code,
        "domain": f"{domain.number}. {domain.tr('name')}",
        "title": indicator.tr("title"),
        "question": indicator.tr("question"),
        "guidance": indicator.tr("guidance"),
        "option": option.tr("label") if option else "",
        "finding": norm_text(response.finding) if response else "",
        "status": Response.Status(response.status if response else "not_started").label,
    }


def _answers(ws: Worksheet, rows: list[WorkbookRow], ranges: dict) -> list[list]:
    _heading(ws, ANSWER_COLUMNS)
    option_col = get_column_letter([c[0] for c in ANSWER_COLUMNS].index("option") + 1)
    meta = []
    for number, row in enumerate(rows, start=2):
        values = _answer_values(row)
        for col, (key, _h, _w, locked) in enumerate(ANSWER_COLUMNS, start=1):
            cell = ws.cell(row=number, column=col, value=str(values[key]))
            cell.alignment = WRAP
            if locked:
                cell.fill = LOCKED_FILL
            else:
                cell.protection = UNLOCKED
        ws.row_dimensions[number].height = row_height(
            [(values[key], width) for key, _h, width, _l in ANSWER_COLUMNS]
        )
        validation = DataValidation(
            type="list", formula1=ranges["options"][row.indicator.code], allow_blank=True
        )
        validation.error = _("Choose one of the indicator's answers.")
        validation.showErrorMessage = True
        ws.add_data_validation(validation)
        validation.add(f"{option_col}{number}")
        response = row.response
        option_key = response.option.key if response and response.option_id else ""
        meta.append(
            [
                "answer",
                number,
                row.indicator.code,
                response.version if response else 0,
                answer_fingerprint(option_key, values["finding"]),
                " ".join(cell_hash(values[k]) for k in LOCKED_ANSWER_KEYS),
            ]
        )
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ANSWER_COLUMNS))}{len(rows) + 1}"
    return meta


def _evidence_values(code: str, item) -> list:
    return [
        item.pk,
        code,
        instrument_label(item.instrument) if item.instrument_id else "",
        "",
        "",
        "",
        "",
        str(item.source)[:250] if item.source_id else "",
        item.locator,
        norm_text(item.note),
    ]


def _evidence(ws: Worksheet, data: WorkbookData, ranges: dict) -> list[list]:
    _heading(ws, EVIDENCE_COLUMNS)
    meta, number = [], 1
    widths = [width for _k, _h, width in EVIDENCE_COLUMNS]
    for row in data.rows:
        for item in row.evidence:
            number += 1
            values = _evidence_values(row.indicator.code, item)
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row=number, column=col, value=value if col == 1 else str(value))
                cell.alignment, cell.fill, cell.protection = WRAP, LOCKED_FILL, LOCKED
            ws.row_dimensions[number].height = row_height(list(zip(values, widths, strict=True)))
            meta.append(["evidence", number, item.pk, "", "", " ".join(map(cell_hash, values))])
    first, last = number + 1, number + NEW_EVIDENCE_ROWS
    # New rows are free: the columns' default style is unlocked, existing cells are locked.
    # (Styling empty cells one by one would triple the file and the time to read it back.)
    for col in range(2, len(EVIDENCE_COLUMNS) + 1):
        dimension = ws.column_dimensions[get_column_letter(col)]
        dimension.protection, dimension.alignment = UNLOCKED, WRAP
    for key, formula in (
        ("code", ranges["codes"]),
        ("instrument", ranges["instruments"]),
        ("new_kind", ranges["kinds"]),
        ("source", ranges["sources"]),
    ):
        letter = get_column_letter([c[0] for c in EVIDENCE_COLUMNS].index(key) + 1)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        ws.add_data_validation(validation)
        validation.add(f"{letter}{first}:{letter}{last}")
    return meta


def _meta(ws: Worksheet, data: WorkbookData, user, titles: dict, rows: list[list]) -> None:
    a = data.assessment
    header = [
        ["format", FORMAT],
        ["assessment", a.pk],
        ["country", a.country.code],
        ["year", a.year],
        ["language", (get_language() or "en").split("-")[0]],
        ["answers_sheet", titles["answers"]],
        ["evidence_sheet", titles["evidence"]],
        ["exported_by", getattr(user, "username", "")],
        ["exported_at", timezone.now().isoformat(timespec="seconds")],
    ]
    signed = header + rows
    header.append(["signature", meta_signature(signed)])
    for row in header:
        ws.append(row)
    ws.append([])
    for row in rows:
        ws.append(row)
    ws.protection.sheet = True
