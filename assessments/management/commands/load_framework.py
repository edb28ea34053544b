"""Load or update the indicator frameworks from fixtures/framework/*.yaml."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.exceptions import ApplicationError
from assessments.services.framework_loader import framework_load_file

FRAMEWORK_DIR = Path(settings.BASE_DIR) / "fixtures" / "framework"


class Command(BaseCommand):
    help = "Load the MGI frameworks from fixtures/framework/ (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="*", help="YAML files (default: all in fixtures/framework)"
        )

    def handle(self, *args, **options):
        files = [Path(f) for f in options["files"]] or sorted(FRAMEWORK_DIR.glob("*.yaml"))
        if not files:
            raise CommandError(f"No framework files found in {FRAMEWORK_DIR}.")
        for path in files:
            try:
                report = framework_load_file(path=path)
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            if options["verbosity"] < 1:
                continue
            self.stdout.write(
                f"{report.framework.name}: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged, {report.removed} removed"
            )
