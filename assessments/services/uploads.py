"""Evidence files: accepted by what they contain, not by their name."""

import zipfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError

ZIP_KINDS = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ODT = "application/vnd.oasis.opendocument.text"
ALLOWED = _("PDF, DOCX, XLSX, ODT, PNG or JPEG")


def detect_type(file: UploadedFile) -> str | None:
    """The MIME type the content proves, or None for anything we do not accept."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _office_type(file)
    return None


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


def validate_upload(file: UploadedFile) -> str:
    """Refuse oversized or unknown files with a clear message; returns the MIME type."""
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
    return mime
