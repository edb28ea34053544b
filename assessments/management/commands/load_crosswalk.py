"""Load or update the crosswalk to SDG 10.7.2 and the GCM from fixtures/crosswalk/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.exceptions import ApplicationError
from assessments.services.crosswalk_loader import crosswalk_load_file

CROSSWALK = Path(settings.BASE_DIR) / "fixtures" / "crosswalk" / "sdg1072.yaml"


class Command(BaseCommand):
    help = "Load the MGI → SDG 10.7.2 and GCM crosswalk (after load_framework; safe to rerun)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(CROSSWALK))

    def handle(self, *args, **options):
        try:
            report = crosswalk_load_file(path=Path(options["file"]))
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            f"Crosswalk: {report.subcategories} sub-categories, {report.objectives} GCM "
            f"objectives, {report.links} links; {report.changed} changed"
        )
