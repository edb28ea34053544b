"""`make bench`: time the workbook export and import of the whole demo assessment (KG 2022).

The import changes every finding of the workbook, so that the confirmation writes a revision
for each answer: the worst case. All changes are rolled back.
"""

import io
import os
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from openpyxl import load_workbook

from assessments.models import Membership, Response
from assessments.selectors.xlsx import workbook_data
from assessments.services.xlsx_export import workbook_export
from assessments.services.xlsx_format import ANSWER_COLUMNS
from assessments.services.xlsx_preview import import_confirm, import_preview

from .render_profile import find_assessment

FINDING = [c[0] for c in ANSWER_COLUMNS].index("finding") + 1


class Rollback(Exception):
    pass


def _edited(content: bytes) -> bytes:
    book = load_workbook(io.BytesIO(content))
    sheet = book.worksheets[1]
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=FINDING)
        cell.value = f"{cell.value or ''} Checked offline."
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _median(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.3f} s (min {min(values):.3f} – max {max(values):.3f})"
    )


class Command(BaseCommand):
    help = "Benchmark the .xlsx export and import of the demo assessment (KG 2022 by default)."

    def add_arguments(self, parser):
        parser.add_argument("assessment", nargs="*", default=["KG", "2022"])
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, **options):
        try:
            assessment = find_assessment(options["assessment"])
        except CommandError as exc:
            raise CommandError(f"{exc} Load the demo data first: make setup.") from exc
        try:
            with transaction.atomic():
                self._bench(assessment, options["runs"])
                raise Rollback
        except Rollback:
            pass

    def _bench(self, assessment, runs: int) -> None:
        coordinator = (
            Membership.objects.filter(assessment=assessment, role=Membership.Role.COORDINATOR)
            .select_related("user")
            .first()
        )
        if coordinator is None:
            raise CommandError(f"{assessment} has no coordinator to export and import as.")
        user = coordinator.user
        # Reopen every answer, so that the import may write them all.
        assessment.stage = assessment.Stage.DATA_COLLECTION
        assessment.save(update_fields=["stage"])
        Response.objects.filter(assessment=assessment).update(status=Response.Status.DRAFT)
        exports, imports, cpu, content = [], [], {"export": [], "import": []}, b""
        for _run in range(runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            content = workbook_export(data=workbook_data(user, assessment), user=user)
            exports.append(time.perf_counter() - started)
            cpu["export"].append(time.process_time() - cpu_started)
        edited = _edited(content)
        for _run in range(runs):
            sid = transaction.savepoint()
            started, cpu_started = time.perf_counter(), time.process_time()
            preview = import_preview(assessment=assessment, user=user, content=edited)
            import_confirm(assessment=assessment, user=user, content=edited, use_workbook={})
            imports.append(time.perf_counter() - started)
            cpu["import"].append(time.process_time() - cpu_started)
            transaction.savepoint_rollback(sid)
        self._report(assessment, runs, content, preview, exports, imports, cpu)

    def _report(self, assessment, runs, content, preview, exports, imports, cpu) -> None:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        self.stdout.write(f"machine          {os.cpu_count()} CPUs, load average {load}")
        self.stdout.write(
            f"Workbook of {assessment}: {len(preview.items)} indicators, "
            f"{len(content) / 1024:.0f} KB, {runs} runs"
        )
        self.stdout.write(f"export           {_median(exports)}")
        self.stdout.write(
            f"import           {_median(imports)} "
            f"(preview and confirm; {len(preview.changed)} answers changed)"
        )
        self.stdout.write(
            f"CPU time         export median {statistics.median(cpu['export']):.3f} s, "
            f"import median {statistics.median(cpu['import']):.3f} s"
        )
