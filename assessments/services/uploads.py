"""Evidence files: accepted by what they contain, not by their name, and only when inert."""

import io
import re
import zipfile
import zlib

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from ..exceptions import ApplicationError

ZIP_KINDS = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"
ALLOWED = _("PDF, DOCX, XLSX, ODT, PNG or JPEG")
IMAGES = {"image/png", "image/jpeg"}

# PDF names that run code, launch programs, carry files, act when the file is opened or a
# page shown (/AA), open other files or shares (/GoToR: it can leak Windows credentials,
# /GoToE) or send or load form data. Links a reader clicks (/URI in a link) stay allowed.
PDF_ACTIVE = re.compile(
    rb"/(JavaScript|JS|Launch|EmbeddedFiles?|AA|GoToR|GoToE|SubmitForm|ImportData)"
    rb"(?![A-Za-z0-9])"
)
PDF_OPEN_ACTION = re.compile(rb"/OpenAction(?![A-Za-z0-9])")
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
MARKUP = re.compile(rb"<\s*(!doctype\s+html|html|head|body|script|iframe|svg)\b", re.IGNORECASE)
# Over the whole file, binary streams included: tags long enough not to occur by chance.
MARKUP_ANYWHERE = re.compile(rb"<\s*(!doctype\s+html|html|script|iframe)\b", re.IGNORECASE)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
INFLATE_LIMIT = 50 * 1024 * 1024  # bytes of decompressed streams scanned, against zip bombs


def detect_type(file: UploadedFile) -> str | None:
    """The MIME type the content proves, or None for anything we do not accept."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _office_type(file)
    kind = filetype.guess_mime(head)
    return kind if kind == PDF or kind in IMAGES else None


def _office_type(file: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            for marker, mime in ZIP_KINDS.items():
                if marker in names:
                    return mime
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        file.seek(0)
    return None


# Relationships Word or Excel follow by themselves when the file opens (a remote template,
# linked images or data); hyperlinks are only followed when the reader clicks them.
EXTERNAL_TARGET = re.compile(rb"""TargetMode\s*=\s*["']External["']""", re.IGNORECASE)
RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>", re.IGNORECASE)
HYPERLINK_TYPE = re.compile(rb"""Type\s*=\s*["'][^"']*/hyperlink["']""", re.IGNORECASE)
# Embedded OLE objects (packages that run when double-clicked) in OOXML and in ODF.
OLE_PART = re.compile(r"(^|/)(embeddings/|objectreplacements/)|oleobject", re.IGNORECASE)


def office_problem(file: UploadedFile) -> str | None:
    """Why an Office or ODF file is not inert (macros, external links, OLE objects), or None."""
    if office_has_macros(file):
        return _(
            "The document contains macros, which can run code on the reader's computer. "
            "Save it as a plain .docx, .xlsx or .odt without macros and upload that instead."
        )
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if any(OLE_PART.search(n) for n in names) or _odf_embeds(archive, names):
                return _(
                    "The document contains embedded objects, which can run programs when "
                    "opened. Remove them, or save a plain copy, and upload that instead."
                )
            if any(_external_relationship(archive.read(n)) for n in names if n.endswith(".rels")):
                return _(
                    "The document loads content from elsewhere when it is opened (for example "
                    "a remote template). Save a copy without links to other files and upload "
                    "that instead."
                )
    except (zipfile.BadZipFile, OSError, KeyError):
        return _("The document cannot be read.")
    finally:
        file.seek(0)
    return None


def _external_relationship(rels: bytes) -> bool:
    return any(
        EXTERNAL_TARGET.search(tag) and not HYPERLINK_TYPE.search(tag)
        for tag in RELATIONSHIP.findall(rels)
    )


def _odf_embeds(archive: zipfile.ZipFile, names: list[str]) -> bool:
    if "content.xml" not in names or "mimetype" not in names:
        return False
    return b"<draw:object" in archive.read("content.xml")


def office_has_macros(file: UploadedFile) -> bool:
    """A VBA project, a macro-enabled content type, or ODF Basic/script folders."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            lowered = [n.lower() for n in names]
            if any(
                n.endswith("vbaproject.bin") or n.startswith(("basic/", "scripts/"))
                for n in lowered
            ):
                return True
            if "[Content_Types].xml" in names:
                types = archive.read("[Content_Types].xml").lower()
                return b"macroenabled" in types or b"vbaproject" in types
    except (zipfile.BadZipFile, OSError, KeyError):
        return True  # unreadable parts cannot be shown inert
    finally:
        file.seek(0)
    return False


def pdf_problem(data: bytes) -> str | None:
    """Why a file that starts `%PDF-` is not an inert PDF, or None."""
    outside_streams = STREAM.sub(b"", data)
    if (
        MARKUP.search(outside_streams)
        or MARKUP_ANYWHERE.search(data)
        or not PDF_OBJECT.search(data)
    ):
        return _("It starts like a PDF but its content is not a PDF (it holds web-page markup).")
    # Dictionaries live outside streams or in (mostly compressed) object streams; binary
    # streams (images, fonts) are left out, where a three-letter name would occur by chance.
    names = _plain_names(outside_streams) + b"\n" + _inflated_streams(data)
    found = {m.decode() for m in PDF_ACTIVE.findall(names)}
    if PDF_OPEN_ACTION.search(names) and _opens_with_an_action(data):
        found.add("OpenAction")
    if found:
        return _(
            "The PDF contains active content (%(names)s) that can run code or carry hidden "
            "files. Print or export it to a plain PDF and upload that instead."
        ) % {"names": ", ".join(f"/{n}" for n in sorted(found))}
    return None


def _opens_with_an_action(data: bytes) -> bool:
    """/OpenAction may only name the page to open at; an action dictionary runs something.

    pypdf resolves indirect objects and object streams that a byte scan cannot follow; a
    file it cannot read is not shown inert.
    """
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        opening = reader.trailer["/Root"].get_object().get("/OpenAction")
        opening = opening.get_object() if opening is not None else None
    except Exception:  # any parser failure means "cannot prove it inert"
        return True
    return isinstance(opening, DictionaryObject)


def _plain_names(data: bytes) -> bytes:
    """Undo `#xx` escapes in names, so `/J#61vaScript` is seen as `/JavaScript`."""
    return PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _inflated_streams(data: bytes) -> bytes:
    """Textual streams (object streams hide dictionaries), inflated up to a limit."""
    out, budget = [], INFLATE_LIMIT
    for match in STREAM.finditer(data):
        if budget <= 0:
            break
        try:
            chunk = zlib.decompressobj().decompress(match.group(1), budget)
        except zlib.error:
            chunk = match.group(1)  # an uncompressed stream
        budget -= len(chunk)
        if _textual(chunk):
            out.append(_plain_names(chunk))
    return b"\n".join(out)


def _textual(chunk: bytes) -> bool:
    """PDF syntax (object and content streams) is text; image and font data is not."""
    sample = chunk[:2048]
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in sample)
    return printable >= 0.9 * len(sample)


def validate_upload(file: UploadedFile) -> str:
    """Refuse oversized, unknown or active files with a clear message; returns the MIME type."""
    limit = settings.UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ApplicationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": file.size / 1_048_576, "limit": limit // 1_048_576}
        )
    mime = detect_type(file)
    if mime is None:
        raise ApplicationError(
            _("This file's content is not a %(allowed)s document, whatever its name says.")
            % {"allowed": ALLOWED}
        )
    if mime == PDF:
        file.seek(0)
        problem = pdf_problem(file.read())
        file.seek(0)
        if problem:
            raise ApplicationError(problem)
    elif mime not in IMAGES:
        problem = office_problem(file)
        if problem:
            raise ApplicationError(problem)
    return mime
