"""`import_xlsx answers.xlsx --user USERNAME [--dry-run]`: print the preview, import all or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments import permissions
from assessments.exceptions import ApplicationError
from assessments.models import Assessment
from assessments.services.xlsx_import import WorkbookError, workbook_read
from assessments.services.xlsx_preview import ImportPreview, import_confirm, import_preview

from .export_xlsx import find_user


def preview_lines(preview: ImportPreview) -> list[str]:
    """One line per indicator that is not unchanged, then the totals."""
    lines = []
    for item in preview.items:
        if item.state == "unchanged":
            continue
        what = []
        if item.answer_changed and item.old_option != item.new_option:
            what.append(f"answer: {item.old_option or '—'} → {item.new_option or '—'}")
        if item.answer_changed and item.old_finding != item.new_finding:
            what.append(f"finding: {item.new_finding[:60]!r}")
        if item.evidence:
            what.append(f"{len(item.evidence)} new evidence")
        if item.reason:
            what.append(item.reason)
        lines.append(f"  {item.state:<9} {item.code:<8} {'; '.join(what)}")
    lines.append(
        f"{len(preview.changed)} changed, {len(preview.conflicts)} conflicts, "
        f"{len(preview.refused)} refused, {len(preview.unchanged)} unchanged"
    )
    return lines


class Command(BaseCommand):
    help = "Import a filled workbook: prints the preview; writes nothing if anything is refused."

    def add_arguments(self, parser):
        parser.add_argument("workbook", help="the filled .xlsx file")
        parser.add_argument("--user", required=True, help="the person importing")
        parser.add_argument("--dry-run", action="store_true", help="print the preview only")

    def handle(self, *args, **options):
        user = find_user(options["user"])
        try:
            content = Path(options["workbook"]).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['workbook']}: {exc}") from exc
        try:
            assessment = self._assessment(content)
            if not permissions.can_import_workbook(user, assessment):
                raise CommandError(permissions.why_no_import(user, assessment))
            preview = import_preview(assessment=assessment, user=user, content=content)
            self.stdout.write(str(assessment))
            self.stdout.write("\n".join(preview_lines(preview)))
            if preview.refused or preview.conflicts:
                raise CommandError("Some indicators were refused; nothing was imported.")
            if options["dry_run"]:
                self.stdout.write("Dry run: nothing was imported.")
                return
            import_confirm(
                assessment=assessment,
                user=user,
                content=content,
                use_workbook={},
                all_or_nothing=True,
            )
        except WorkbookError as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from exc
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Imported {len(preview.changed)} changed indicators.")

    def _assessment(self, content: bytes) -> Assessment:
        meta = workbook_read(content=content).meta
        assessment = (
            Assessment.objects.select_related("country").filter(pk=meta.get("assessment")).first()
        )
        if assessment is None:
            raise CommandError("The workbook's assessment does not exist here.")
        return assessment
