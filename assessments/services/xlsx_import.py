"""Reading a returned workbook into plain data; anything but our untouched layout is refused."""

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

from ..dates import PartialDate, parse_partial_date
from ..exceptions import ApplicationError
from ..text import clean_text
from .xlsx_format import (
    ANSWER_COLUMNS,
    EVIDENCE_COLUMNS,
    FORMAT,
    LOCKED_ANSWER_KEYS,
    MAX_BYTES,
    MAX_ROWS,
    META_SHEET,
    cell_hash,
    meta_signature_valid,
    norm_text,
)

XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MAX_UNPACKED = 60 * 1024 * 1024  # a 5 MB zip that unpacks to more is a zip bomb
A_COL = {key: i for i, (key, *_rest) in enumerate(ANSWER_COLUMNS, start=1)}
E_COL = {key: i for i, (key, *_rest) in enumerate(EVIDENCE_COLUMNS, start=1)}


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(
            p
            for p in (
                _("sheet “%(s)s”") % {"s": self.sheet} if self.sheet else "",
                _("row %(r)s") % {"r": self.row} if self.row else "",
                _("column %(c)s") % {"c": self.column} if self.column else "",
            )
            if p
        )
        return f"{where}: {self.message}" if where else self.message


class WorkbookError(ApplicationError):
    """The workbook cannot be imported; `problems` name sheet, row and column of each reason."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems[:3]))
        self.problems = problems


@dataclass
class AnswerRow:
    row: int
    code: str
    option_label: str
    finding: str
    version: int
    fingerprint: str


@dataclass
class NewEvidenceRow:
    row: int
    values: dict


@dataclass
class ParsedWorkbook:
    meta: dict
    answers: list[AnswerRow] = field(default_factory=list)
    evidence: list[NewEvidenceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _clean_cell(value) -> str:
    """Every text cell read from a workbook passes here (one place to normalise text)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(norm_text(str(value)), multiline=True)


def _refuse(sheet: str, row: int | None, column: str, message: str):
    raise WorkbookError([Problem(sheet, row, column, message)])


def check_package(content: bytes) -> None:
    """A real .xlsx: a zip with the workbook content type and no macros; within the limits."""
    not_xlsx = _("This file is not an Excel workbook (.xlsx).")
    if len(content) > MAX_BYTES:
        _refuse(
            "",
            None,
            "",
            _("The file is %(size).1f MB; the limit is 5 MB.") % {"size": len(content) / 1_048_576},
        )
    if not content:
        _refuse("", None, "", _("The file is empty."))
    if not content.startswith(b"PK\x03\x04"):
        _refuse("", None, "", not_xlsx)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                _refuse("", None, "", not_xlsx)
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                _refuse("", None, "", _("The workbook unpacks to more than the limit allows."))
            types = archive.read("[Content_Types].xml")
    except zipfile.BadZipFile:
        _refuse("", None, "", not_xlsx)
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        _refuse("", None, "", _("This workbook contains macros (.xlsm); save it as .xlsx."))
    if XLSX_MAIN.encode() not in types:
        _refuse("", None, "", not_xlsx)


class _Grid:
    """One sheet's rows, read once: a read-only workbook streams rows and has no random access."""

    def __init__(self, ws):
        self.title = ws.title
        self.rows: list[tuple] = []
        for number, row in enumerate(ws.iter_rows(), start=1):
            if number > MAX_ROWS + 1:
                _refuse(ws.title, number, "", _("A sheet may hold at most 5,000 rows."))
            self.rows.append(row)
        while self.rows and not any(c.value not in (None, "") for c in self.rows[-1]):
            self.rows.pop()  # trailing rows that are only formatted

    @property
    def max_row(self) -> int:
        return len(self.rows)

    def cell(self, row: int, column: int):
        cells = self.rows[row - 1] if row <= len(self.rows) else ()
        return cells[column - 1] if column <= len(cells) else _EMPTY

    def __getitem__(self, row: int) -> tuple:
        return self.rows[row - 1]


_EMPTY = SimpleNamespace(value=None, data_type="n")


def workbook_read(*, content: bytes) -> ParsedWorkbook:
    """Parse the workbook; raises WorkbookError naming every problem found."""
    check_package(content)
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise WorkbookError([Problem("", None, "", _("The workbook cannot be read."))]) from exc
    try:
        sheets = {ws.title: _Grid(ws) for ws in book.worksheets}
    finally:
        book.close()
    if not any(grid.rows for grid in sheets.values()):
        _refuse("", None, "", _("The workbook is empty."))
    if META_SHEET not in sheets:
        _refuse("", None, "", _("This workbook was not exported from this application."))
    parsed = ParsedWorkbook(meta=_read_meta(sheets[META_SHEET]))
    hashes = parsed.meta.pop("rows")
    answers = _sheet(sheets, parsed.meta["answers_sheet"])
    evidence = _sheet(sheets, parsed.meta["evidence_sheet"])
    _read_answers(answers, [r for r in hashes if r[0] == "answer"], parsed)
    _read_evidence(evidence, {int(r[1]): r for r in hashes if r[0] == "evidence"}, parsed)
    if not parsed.answers:
        _refuse(answers.title, 2, "", _("The workbook is empty."))
    return parsed


def _sheet(sheets: dict, title: str) -> _Grid:
    if title not in sheets:
        _refuse(title, None, "", _("This sheet is missing or was renamed."))
    return sheets[title]


def _read_meta(ws) -> dict:
    header, rows, in_rows = {}, [], False
    for cells in ws.rows:
        values = (*(c.value for c in cells), None, None)
        if not any(v not in (None, "") for v in values):
            in_rows = True
            continue
        if in_rows:
            rows.append([("" if v is None else v) for v in values[:6]])
        else:
            header[str(values[0])] = "" if values[1] is None else values[1]
    signature = header.pop("signature", "")
    signed = [[k, v] for k, v in header.items()] + rows
    if header.get("format") != FORMAT or not meta_signature_valid(signed, signature):
        _refuse(META_SHEET, None, "", _("The hidden sheet was changed; export a new workbook."))
    return {**header, "rows": rows}


def _text(ws, row: int, col: int, parsed: ParsedWorkbook) -> str:
    """A cell's text; a formula is a problem, not a value."""
    cell = ws.cell(row=row, column=col)
    value = cell.value
    if cell.data_type == "f" or isinstance(value, ArrayFormula):
        parsed.problems.append(
            Problem(
                ws.title, row, get_column_letter(col), _("A formula is not allowed; type text.")
            )
        )
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return _clean_cell(value)


def _read_answers(ws, hashes: list[list], parsed: ParsedWorkbook) -> None:
    for _kind, number, code, version, fingerprint, cells in hashes:
        number = int(number)
        if _text(ws, number, A_COL["code"], parsed) != str(code):
            parsed.problems.append(
                Problem(
                    ws.title,
                    number,
                    "A",
                    _("The code was changed; it must read %(c)s.") % {"c": code},
                )
            )
            continue
        for key, expected in zip(LOCKED_ANSWER_KEYS, str(cells).split(), strict=False):
            if cell_hash(_text(ws, number, A_COL[key], parsed)) != expected:
                letter = chr(64 + A_COL[key])
                parsed.problems.append(
                    Problem(ws.title, number, letter, _("This locked cell was changed."))
                )
        parsed.answers.append(
            AnswerRow(
                row=number,
                code=str(code),
                option_label=_text(ws, number, A_COL["option"], parsed),
                finding=_text(ws, number, A_COL["finding"], parsed),
                version=int(version or 0),
                fingerprint=str(fingerprint),
            )
        )
    last = max((int(h[1]) for h in hashes), default=1)
    for number in range(last + 1, ws.max_row + 1):
        if any(_clean_cell(c.value) for c in ws[number]):
            parsed.problems.append(
                Problem(ws.title, number, "A", _("Rows cannot be added to this sheet."))
            )


def _read_evidence(ws, existing: dict[int, list], parsed: ParsedWorkbook) -> None:
    width = len(EVIDENCE_COLUMNS)
    for number in range(2, ws.max_row + 1):
        if number in existing:
            expected = str(existing[number][5]).split()
            for col in range(1, width + 1):
                if cell_hash(_text(ws, number, col, parsed)) != expected[col - 1]:
                    parsed.problems.append(
                        Problem(ws.title, number, chr(64 + col), _("This locked cell was changed."))
                    )
            continue
        values = {key: _text(ws, number, E_COL[key], parsed) for key, *_r in EVIDENCE_COLUMNS}
        if not any(values.values()):
            continue
        if values["id"]:
            parsed.problems.append(
                Problem(ws.title, number, "A", _("Leave this column empty for new evidence."))
            )
        # The text as typed is kept so that the preview can show how it was read.
        values["new_adopted_typed"] = values["new_adopted_on"]
        values["new_adopted_on"] = _date(ws.title, number, values["new_adopted_on"], parsed)
        parsed.evidence.append(NewEvidenceRow(row=number, values=values))


def _date(sheet: str, row: int, text: str, parsed: ParsedWorkbook) -> PartialDate | None:
    """The adoption date as the registry form takes it: a full date, a month or a year."""
    if not text:
        return None
    column = chr(64 + E_COL["new_adopted_on"])
    # A date typed into Excel arrives as a datetime, which _text gives as "YYYY-MM-DD".
    value = parse_partial_date(text)
    if value is None:
        parsed.problems.append(
            Problem(sheet, row, column, _('Write the date as "2002-07-30", "2002-07" or "2002".'))
        )
        return None
    if value[0] > timezone.localdate():
        parsed.problems.append(
            Problem(sheet, row, column, _("The date of adoption is in the future."))
        )
    return value
