"""Active or disguised evidence files are refused with a reason, and nothing is stored."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from assessments.models import Evidence
from tests import factories as f

pytestmark = pytest.mark.django_db

DOCM_TYPES = (
    '<Types><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)


def office(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def pdf(*, js: str = "", attachment: bytes = b"", raw_extra: bytes = b"") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if js:
        action = {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(js),
        }
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(action)
    if attachment:
        writer.add_attachment("payload.exe", attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue() + raw_extra


def stored_files() -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def upload(client, response, name: str, content: bytes):
    instrument = f.LegalInstrumentFactory(country=response.assessment.country)
    url = reverse(
        "assessments:evidence-add", args=[response.assessment_id, response.indicator.code]
    )
    file = SimpleUploadedFile(name, content, "application/octet-stream")
    return client.post(url, {"instrument": instrument.pk, "locator": "Art. 1", "file": file})


REFUSED = {
    "docm with a VBA project": (
        "decree.docm",
        office(
            {
                "[Content_Types].xml": DOCM_TYPES,
                "word/document.xml": "<d/>",
                "word/vbaProject.bin": b"\xd0\xcf\x11\xe0",
            }
        ),
        "contains macros",
    ),
    "macro-enabled content type renamed .pdf": (
        "decree.pdf",
        office({"[Content_Types].xml": DOCM_TYPES, "word/document.xml": "<d/>"}),
        "contains macros",
    ),
    "xlsm workbook": (
        "table.xlsx",
        office(
            {
                "[Content_Types].xml": "<Types/>",
                "xl/workbook.xml": "<w/>",
                "xl/vbaProject.bin": b"\0",
            }
        ),
        "contains macros",
    ),
    "PDF with JavaScript": ("law.pdf", pdf(js="app.alert('hi');"), "/JavaScript"),
    "PDF with an embedded file": ("law.pdf", pdf(attachment=b"MZ payload"), "/EmbeddedFile"),
    "PDF with a Launch action": (
        "law.pdf",
        pdf(raw_extra=b"\n9 0 obj << /Type /Action /S /Launch /F (cmd.exe) >> endobj\n"),
        "/Launch",
    ),
    "PDF with an escaped JS name": (
        "law.pdf",
        pdf(raw_extra=b"\n9 0 obj << /S /J#61vaScript /J#53 (x) >> endobj\n"),
        "/JS",
    ),
    "PDF header over HTML": (
        "law.pdf",
        b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>",
        "not a PDF",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_active_or_disguised_upload_is_refused_and_nothing_is_stored(
    client_for, response, focal_point, case
):
    name, content, reason = REFUSED[case]
    before = stored_files()
    page = upload(client_for(focal_point), response, name, content)
    assert page.status_code == 400
    assert reason in page.content.decode()
    assert not Evidence.objects.exists()
    assert stored_files() == before


def test_a_plain_pdf_and_a_plain_docx_are_accepted(client_for, response, focal_point):
    client = client_for(focal_point)
    assert upload(client, response, "law.pdf", pdf()).status_code == 302
    docx = office({"[Content_Types].xml": "<Types/>", "word/document.xml": "<d/>"})
    assert upload(client, response, "law.docx", docx).status_code == 302
    assert sorted(Evidence.objects.values_list("file_type", flat=True)) == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
