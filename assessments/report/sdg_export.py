"""The SDG 10.7.2 draft as rows, and as .csv and .xlsx files with the same content."""

import csv
import io

from django.utils.translation import gettext as _

from ..selectors.sdg import DomainDraft
from ..services.xlsx_format import csv_safe, literal_text


def sdg_rows(domains: list[DomainDraft]) -> list[list[str]]:
    """Header, one row per sub-category, and one summary row per domain."""
    rows = [
        [
            _("Domain"),
            _("Sub-category"),
            _("Text"),
            _("Suggested"),
            _("Answer"),
            _("Reason for the answer"),
            _("Supporting MGI answers"),
        ]
    ]
    yes, no = _("Yes"), _("No")
    for domain in domains:
        for row in domain.rows:
            rows.append(
                [
                    f"{domain.number}. {domain.name}",
                    row.subcategory.code,
                    row.subcategory.tr("text"),
                    yes if row.suggested else no,
                    yes if row.value else no,
                    row.override.reason if row.override else "",
                    ", ".join(
                        f"{s.response.indicator.code} ({s.response.option.get_level_display()})"
                        for s in row.support
                    ),
                ]
            )
    for domain in domains:
        rows.append(
            [
                f"{domain.number}. {domain.name}",
                "",
                _("Domain result"),
                "",
                f"{domain.percent:.0f} %",
                domain.category_label,
                "",
            ]
        )
    return rows


def sdg_csv(domains: list[DomainDraft]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([csv_safe(v) for v in row] for row in sdg_rows(domains))
    # A byte-order mark lets spreadsheet programs read the UTF-8 correctly.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sdg_xlsx(domains: list[DomainDraft], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "SDG 10.7.2"
    sheet.append([title])
    sheet.append(
        [_("A draft to help the government answer the UN Inquiry; not an official figure.")]
    )
    header_row = sheet.max_row + 1
    for row in sdg_rows(domains):
        sheet.append(row)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for column, width in zip("ABCDEFG", (30, 8, 60, 10, 10, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    literal_text(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
