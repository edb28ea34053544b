"""All answers of one or several assessments side by side, as .xlsx or .csv for analysis."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..models import Level, Response
from ..selectors.xlsx import AnalysisColumn
from .xlsx_format import csv_safe, literal_text


def analysis_table(indicators: list, columns: list[AnalysisColumn]) -> list[list]:
    """A heading row, then one row per indicator: level, finding, evidence count, status."""
    several = len(columns) > 1
    heading = [_("Code"), _("Indicator")]
    for column in columns:
        prefix = f"{column.assessment.year} – " if several else ""
        heading += [
            prefix + _("Level"),
            prefix + _("Finding"),
            prefix + _("Evidence"),
            prefix + _("Status"),
        ]
    rows = [heading]
    for indicator in indicators:
        row = [indicator.code, indicator.tr("title")]
        for column in columns:
            row += _cells(column.responses.get(indicator.pk))
        rows.append(row)
    return rows


def _cells(response: Response | None) -> list:
    if response is None:
        return ["", "", 0, str(Response.Status.NOT_STARTED.label)]
    level = str(Level(response.option.level).label) if response.option_id else ""
    return [level, response.finding, response.n, str(response.get_status_display())]


def analysis_csv(rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([csv_safe(str(v)) for v in row])
    return out.getvalue()


def analysis_xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = _("Answers")[:31]
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in range(1, len(rows[0]) + 1):
        finding = col > 2 and (col - 3) % 4 == 1
        ws.column_dimensions[get_column_letter(col)].width = 60 if finding else 16
        if finding:
            for (cell,) in ws.iter_rows(min_col=col, max_col=col, min_row=2):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = ws.dimensions
    literal_text(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
