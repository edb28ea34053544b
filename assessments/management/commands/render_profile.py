"""Render a profile from the command line: `render_profile KG 2022 -o profile.pdf`."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.models import Assessment
from assessments.report.build import profile_build
from assessments.report.render import render_html, render_pdf


def find_assessment(args: list[str]) -> Assessment:
    """An assessment by id, or by country code and year (the national one if several)."""
    qs = Assessment.objects.select_related("country", "framework")
    if len(args) == 1 and args[0].isdigit():
        found = qs.filter(pk=int(args[0]))
    elif len(args) == 2 and args[1].isdigit():
        found = qs.filter(country__code__iexact=args[0], year=int(args[1])).order_by(
            "framework__kind"
        )
    else:
        raise CommandError("Give an assessment id, or a country code and a year (KG 2022).")
    assessment = found.first()
    if assessment is None:
        raise CommandError(f"No assessment matches {' '.join(args)}.")
    return assessment


class Command(BaseCommand):
    help = "Render the migration governance profile of one assessment to PDF (or HTML)."

    def add_arguments(self, parser):
        parser.add_argument("assessment", nargs="+", help="assessment id, or country code and year")
        parser.add_argument("-o", "--output", help="output file (default: MGI-<CC>-<year>.pdf)")
        parser.add_argument("--html", action="store_true", help="write the HTML instead")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the profile (default: the assessment's working language)",
        )

    def handle(self, *args, **options):
        assessment = find_assessment(options["assessment"])
        suffix = "html" if options["html"] else "pdf"
        language = options["language"] or assessment.language
        default = f"MGI-{assessment.country.code}-{assessment.year}-{language}.{suffix}"
        output = Path(options["output"] or default)
        started = time.perf_counter()
        profile = profile_build(assessment, language=options["language"])
        if options["html"]:
            output.write_text(render_html(profile), encoding="utf-8")
            pages = "?"
        else:
            pdf = render_pdf(profile)
            output.write_bytes(pdf.data)
            pages = pdf.pages
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{assessment}: {pages} pages, {output.stat().st_size / 1024:.0f} KB "
            f"in {seconds:.2f} s → {output}"
        )
