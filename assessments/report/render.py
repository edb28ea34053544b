"""Profile → HTML (one template, for the preview and for print) → PDF through WeasyPrint."""

from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation

from .profile import Profile

TEMPLATE = "report/profile.html"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "report"
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "report"
# Tagged PDF/UA-1: headings, reading order and alternative texts for screen readers.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


@dataclass
class RenderedPdf:
    data: bytes
    pages: int


@functools.cache
def template_version() -> str:
    """A digest of the template, stylesheet and assets: a new look means a new version."""
    digest = hashlib.sha256()
    for folder in (TEMPLATE_DIR, STATIC_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def css_string(text: str) -> str:
    """A CSS string literal, for the running header that @page boxes print."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    # "<" would let a name close the <style> element that carries the string.
    escaped = escaped.replace("<", "\\3c ")
    return f'"{escaped}"'


def draft_mark_css(word: str) -> str:
    """The DRAFT mark as an SVG background: WeasyPrint tags backgrounds as artifacts, so
    screen readers skip it in the tagged PDF, where real text would be read on every page."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 200">'
        '<text x="500" y="150" text-anchor="middle" font-family="Noto Sans" font-weight="700"'
        ' font-size="150" letter-spacing="12" fill="rgb(190,30,30)" fill-opacity="0.16">'
        f"{xml_escape(word)}</text></svg>"
    )
    return f'url("data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}")'


def render_html(profile: Profile, *, preview: bool = False, extra: dict | None = None) -> str:
    """The profile's HTML; for print, asset URLs are relative to the static report folder."""
    with translation.override(profile.language):
        return render_to_string(
            TEMPLATE,
            {
                "profile": profile,
                "preview": preview,
                **(extra or {}),
                "stylesheet": static("report/profile.css") if preview else "profile.css",
                "header_css": css_string(profile.running_header),
                "draft_mark_css": "" if preview else draft_mark_css(translation.gettext("DRAFT")),
            },
        )


def base_url() -> str:
    return STATIC_DIR.as_uri() + "/"


def html_to_pdf(html: str) -> RenderedPdf:
    """WeasyPrint on our HTML, with the options every profile uses."""
    from weasyprint import HTML  # imported late: it is heavy, and web pages rarely need it

    document = HTML(string=html, base_url=base_url()).render(**PDF_OPTIONS)
    return RenderedPdf(document.write_pdf(**PDF_OPTIONS), len(document.pages))


def render_pdf(profile: Profile) -> RenderedPdf:
    return html_to_pdf(render_html(profile))
