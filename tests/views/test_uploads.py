import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Evidence
from tests import factories as f

pytestmark = pytest.mark.django_db
PLAIN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _post(client, response, upload):
    instrument = f.LegalInstrumentFactory(country=response.assessment.country)
    url = reverse(
        "assessments:evidence-add", args=[response.assessment_id, response.indicator.code]
    )
    return client.post(url, {"instrument": instrument.pk, "locator": "Art. 1", "file": upload})


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_renamed_executable_with_pdf_name_is_refused(client_for, response, focal_point):
    elf = SimpleUploadedFile("law.pdf", b"\x7fELF\x02\x01\x01" + b"\0" * 100, "application/pdf")
    page = _post(client_for(focal_point), response, elf)
    assert page.status_code == 400
    assert "content is not a PDF, DOCX, XLSX, ODT, PNG or JPEG" in page.content.decode()
    assert not Evidence.objects.exists()


def test_file_over_20_mb_is_refused(client_for, response, focal_point):
    big = SimpleUploadedFile(
        "big.pdf", b"%PDF-1.7\n" + b"0" * (21 * 1024 * 1024), "application/pdf"
    )
    page = _post(client_for(focal_point), response, big)
    assert page.status_code == 400
    assert "the limit is 20 MB" in page.content.decode()
    assert not Evidence.objects.exists()


def test_docx_is_recognised_by_content(client_for, response, focal_point):
    docx = SimpleUploadedFile("decree.bin", _docx(), "application/octet-stream")
    assert _post(client_for(focal_point), response, docx).status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.file_type.endswith("wordprocessingml.document")
    assert evidence.file_name == "decree.bin"
    assert "decree" not in evidence.file.name  # stored under a random name


def test_member_downloads_their_file_and_non_member_gets_404(
    client, response, focal_point, outsider
):
    client.force_login(focal_point)
    pdf = SimpleUploadedFile("law.pdf", PLAIN_PDF, "application/pdf")
    assert _post(client, response, pdf).status_code == 302
    url = reverse("assessments:evidence-download", args=[Evidence.objects.get().pk])

    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PLAIN_PDF
    assert 'filename="law.pdf"' in download["Content-Disposition"]
    assert "private" in download["Cache-Control"]
    assert "no-store" in download["Cache-Control"]

    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_evidence_can_cite_a_new_source_without_a_year(client_for, response, focal_point):
    url = reverse(
        "assessments:evidence-add", args=[response.assessment_id, response.indicator.code]
    )
    page = client_for(focal_point).post(
        url,
        {"source_organization": "National Statistical Committee", "source_title": "Yearbook"},
    )
    assert page.status_code == 302
    source = Evidence.objects.get().source
    assert (source.organization, source.year, source.assessment) == (
        "National Statistical Committee",
        "n.d.",
        response.assessment,
    )
