"""HTML → PDF through WeasyPrint, fenced in: it reads only the report's own static folder.

This module imports nothing from Django, so that the child process that renders (see
assessments/report/process.py) starts quickly and holds no database connection.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "report"
# Tagged PDF/UA-1: headings, reading order and alternative texts for screen readers.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
DATA_IMAGE = re.compile(r"^data:image/[a-z0-9.+-]+[;,]", re.IGNORECASE)


@dataclass
class RenderedPdf:
    data: bytes
    pages: int


class RefusedURL(ValueError):
    """The renderer asked for something outside the report's static folder."""


def base_url() -> str:
    return STATIC_DIR.as_uri() + "/"


def static_path(url: str) -> Path:
    """The file a file: URL names, if it lies inside the static report folder."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(url)
    path = Path(unquote(parts.path)).resolve()
    if not path.is_relative_to(STATIC_DIR) or not path.is_file():
        raise RefusedURL(url)
    return path


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ReportFetcher(URLFetcher):
        """Serves the report's static files and image data: URLs; refuses everything else."""

        def __init__(self):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)

        def fetch(self, url, headers=None):
            if url[:5].lower() == "data:":
                if not DATA_IMAGE.match(url):
                    raise RefusedURL(url[:40])
                return super().fetch(url, headers)
            path = static_path(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})

    return ReportFetcher


def url_fetcher():
    """A fresh fetcher for one render (WeasyPrint keeps per-request state on it)."""
    return _fetcher_class()()


def html_to_pdf(html: str) -> RenderedPdf:
    """WeasyPrint on our HTML, with the options every profile uses."""
    from weasyprint import HTML  # imported late: it is heavy, and web pages rarely need it

    document = HTML(string=html, base_url=base_url(), url_fetcher=url_fetcher()).render(
        **PDF_OPTIONS
    )
    return RenderedPdf(document.write_pdf(**PDF_OPTIONS), len(document.pages))
