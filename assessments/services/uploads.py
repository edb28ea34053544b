"""Evidence files: accepted by what they contain, not by their name, and only when inert."""

import re
import zipfile
import zlib

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError

ZIP_KINDS = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"
ALLOWED = _("PDF, DOCX, XLSX, ODT, PNG or JPEG")
IMAGES = {"image/png", "image/jpeg"}

# PDF names that run code, launch programs or carry files (the spec's /EmbeddedFiles too).
PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?)(?![A-Za-z0-9])")
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
MARKUP = re.compile(rb"<\s*(!doctype\s+html|html|head|body|script|iframe|svg)\b", re.IGNORECASE)
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
    if MARKUP.search(data[:4096]) or not PDF_OBJECT.search(data):
        return _("It starts like a PDF but its content is not a PDF (it holds web-page markup).")
    found = {m.decode() for m in PDF_ACTIVE.findall(_plain_names(data))}
    found |= {m.decode() for m in PDF_ACTIVE.findall(_inflated_streams(data))}
    if found:
        return _(
            "The PDF contains active content (%(names)s) that can run code or carry hidden "
            "files. Print or export it to a plain PDF and upload that instead."
        ) % {"names": ", ".join(f"/{n}" for n in sorted(found))}
    return None


def _plain_names(data: bytes) -> bytes:
    """Undo `#xx` escapes in names, so `/J#61vaScript` is seen as `/JavaScript`."""
    return PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _inflated_streams(data: bytes) -> bytes:
    """Compressed streams (object streams hide dictionaries), inflated up to a limit."""
    out, budget = [], INFLATE_LIMIT
    for match in STREAM.finditer(data):
        if budget <= 0:
            break
        try:
            chunk = zlib.decompressobj().decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        out.append(_plain_names(chunk))
    return b"\n".join(out)


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
    elif mime not in IMAGES and office_has_macros(file):
        raise ApplicationError(
            _(
                "The document contains macros, which can run code on the reader's computer. "
                "Save it as a plain .docx, .xlsx or .odt without macros and upload that instead."
            )
        )
    return mime
