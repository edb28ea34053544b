"""Print the SDG 10.7.2 draft of an assessment: `sdg1072 KG 2022`, one line per domain."""

from django.core.management.base import BaseCommand

from assessments.management.commands.render_profile import find_assessment
from assessments.selectors.sdg import sdg_draft


class Command(BaseCommand):
    help = (
        "Print the six 10.7.2 domains of an assessment with their percentage and category "
        "(a draft from the MGI answers, not an official figure)."
    )

    def add_arguments(self, parser):
        parser.add_argument("assessment", nargs="+", help="an id, or a country code and a year")

    def handle(self, *args, **options):
        assessment = find_assessment(options["assessment"])
        domains = sdg_draft(assessment)
        if not domains:
            self.stderr.write("The crosswalk is not loaded: run manage.py load_crosswalk.")
            raise SystemExit(1)
        for d in domains:
            self.stdout.write(
                f"{d.number} {d.name}: {d.yes_count}/{len(d.rows)} yes, "
                f"{d.percent:.0f} % – {d.category_label}"
            )
