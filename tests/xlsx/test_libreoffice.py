"""The workbook in LibreOffice Calc: it prints on readable pages, and a copy Calc saved imports.

Calc runs headless, as a focal point's colleague would open and save the file; `.ci/run`
installs it (Debian's libreoffice-calc-nogui).
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assessments.services.xlsx_preview import import_preview
from tests.xlsx.helpers import edit, export, set_answer

pytestmark = pytest.mark.django_db
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def calc(source: Path, to: str) -> Path:
    """Convert with headless Calc, in a profile of its own (parallel test workers share none)."""
    if SOFFICE is None:
        pytest.fail("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
    out = source.parent / f"out-{to}"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{source.parent}/calc-profile",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / f"{source.stem}.{to}"


def test_a_workbook_saved_again_by_calc_imports_with_the_change_made_there(
    tmp_path, assessment, focal_point, answered
):
    book = tmp_path / "answers.xlsx"
    book.write_bytes(export(focal_point, assessment))
    saved = calc(book, "xlsx")
    resaved = load_workbook(saved)
    assert resaved["_lists"].sheet_state == resaved["_mgi"].sheet_state == "hidden"
    assert resaved["Answers"].protection.sheet

    # The change is typed after Calc's save, so the import reads Calc's file structure.
    content = edit(
        saved.read_bytes(), lambda b: set_answer(b, answered[0], finding="Typed in Calc.")
    )
    preview = import_preview(assessment=assessment, user=focal_point, content=content)
    assert [(i.code, i.new_finding) for i in preview.changed] == [(answered[0], "Typed in Calc.")]


def test_calc_prints_the_workbook_with_every_question_on_its_pages(
    tmp_path, assessment, focal_point, answered, indicator
):
    book = tmp_path / "answers.xlsx"
    book.write_bytes(export(focal_point, assessment))
    pdf = calc(book, "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Answer each indicator on the sheet" in text  # the instructions, not cut at the edge
    assert "and write the finding in the next column." in text
    assert indicator.question in " ".join(text.split())
