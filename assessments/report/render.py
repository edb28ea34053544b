"""Profile → HTML (one template, for the preview and for print) → PDF through WeasyPrint."""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation

from .pdf import PDF_OPTIONS, STATIC_DIR, RenderedPdf, base_url, html_to_pdf
from .profile import Profile

__all__ = ["PDF_OPTIONS", "RenderedPdf", "base_url", "css_string", "html_to_pdf", "render_html"]

TEMPLATE = "report/profile.html"
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "report"
# Characters that could end a CSS string or the <style> element around it.
CSS_STRING_ESCAPES = set("\\\"'<>&") | {chr(c) for c in range(0x20)} | {"\x7f"}


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
    """A CSS string literal, for the running header that @page boxes print.

    Quotes, backslash, newlines (\\n, \\r, \\f) and "<" become hex escapes: none can end
    the string, nor the <style> element that carries it.
    """
    escaped = "".join(f"\\{ord(c):x} " if c in CSS_STRING_ESCAPES else c for c in text)
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


def render_pdf(profile: Profile) -> RenderedPdf:
    return html_to_pdf(render_html(profile))
