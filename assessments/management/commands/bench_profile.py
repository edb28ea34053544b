"""`make bench`: time the demo profile fresh and cached, against plain WeasyPrint.

Fresh runs time our whole pipeline (database → Profile → HTML → PDF). In the same run, the
very HTML our template produced is read back from a file and sent straight through
WeasyPrint with the same options: the floor our pipeline cannot beat. Runs alternate so
that machine load hits both alike. Cached runs time profile_generate when nothing changed
and the permission-checked download of the stored PDF. Nothing is kept: versions go to a
temporary media folder and the database changes are rolled back. Then, with the task worker
running on a scratch copy of the database: "ready after edit" and "download while
rendering" (see _bench_worker.py).
"""

import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import RequestFactory, override_settings

from assessments.report import versions
from assessments.report.build import profile_build
from assessments.report.render import PDF_OPTIONS, base_url, html_to_pdf, render_html
from assessments.views.profile import profile_download

from ._bench_worker import bench_with_worker
from .render_profile import find_assessment


class Rollback(Exception):
    pass


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _summary(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    v = [x * scale for x in values]
    return f"median {statistics.median(v):.3f} {unit} (min {min(v):.3f} – max {max(v):.3f})"


class Command(BaseCommand):
    help = "Benchmark the profile of the demo assessment (KG 2022 by default)."

    def add_arguments(self, parser):
        parser.add_argument("assessment", nargs="*", default=["KG", "2022"])
        parser.add_argument("--runs", type=int, default=5, help="fresh renders (default 5)")
        parser.add_argument("--cached-runs", type=int, default=20)
        parser.add_argument("--edits", type=int, default=3, help="timed edits with the worker")
        parser.add_argument("--no-worker", action="store_true", help="skip the worker figures")
        parser.add_argument(
            "--languages", default="en,ru", help="profile languages to time (default en,ru)"
        )

    def handle(self, *args, **options):
        try:
            assessment = find_assessment(options["assessment"])
        except CommandError as exc:
            raise CommandError(f"{exc} Load the demo data first: make setup.") from exc
        with tempfile.TemporaryDirectory(prefix="mgi-bench-") as media:
            try:
                with override_settings(MEDIA_ROOT=media), transaction.atomic():
                    for language in options["languages"].split(","):
                        self._bench(
                            assessment,
                            options["runs"],
                            options["cached_runs"],
                            Path(media),
                            language.strip(),
                        )
                    raise Rollback
            except Rollback:
                pass
        if not options["no_worker"]:
            bench_with_worker(
                assessment,
                edits=options["edits"],
                downloads=options["cached_runs"],
                summary=_summary,
                write=self.stdout.write,
            )

    def _bench(self, assessment, runs: int, cached_runs: int, media: Path, language: str) -> None:
        from weasyprint import HTML

        self.stdout.write(
            f"Profile of {assessment} ({language}) — {runs} fresh runs, {cached_runs} cached"
        )
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        self.stdout.write(f"machine          {os.cpu_count()} CPUs, load average {load}")
        html_file = media / "profile.html"
        html_to_pdf(render_html(profile_build(assessment, language=language)))  # warm-up

        def ours():
            html = render_html(profile_build(assessment, language=language))
            html_file.write_text(html, encoding="utf-8")  # the floor renders exactly this
            return html_to_pdf(html)

        def plain():
            html = html_file.read_text(encoding="utf-8")
            return HTML(string=html, base_url=base_url()).write_pdf(**PDF_OPTIONS)

        fresh, floor = [], []
        for _ in range(runs):
            seconds, pdf = _timed(ours)
            fresh.append(seconds)
            floor.append(_timed(plain)[0])
        ratio = statistics.median(fresh) / statistics.median(floor)
        self.stdout.write(f"pages            {pdf.pages}")
        self.stdout.write(f"PDF size         {len(pdf.data) / 1024:.0f} KB")
        self.stdout.write(f"ours (fresh)     {_summary(fresh)}")
        self.stdout.write(f"plain WeasyPrint {_summary(floor)}")
        self.stdout.write(f"ratio ours/plain {ratio:.2f} (target ≤ 1.30)")
        self.stdout.write(f"pages per second {pdf.pages / statistics.median(fresh):.1f}")
        self._cached(assessment, cached_runs, language)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"peak memory      {peak:.0f} MB (resident set of this process)")

    def _cached(self, assessment, runs: int, language: str) -> None:
        version = versions.profile_generate(assessment=assessment, user=None, language=language)
        version.published = True  # so that the anonymous public download path is timed
        version.save(update_fields=["published"])
        generate = [
            _timed(
                lambda: versions.profile_generate(
                    assessment=assessment, user=None, language=language
                )
            )[0]
            for _ in range(runs)
        ]
        factory = RequestFactory()

        def download():
            request = factory.get(f"/a/{assessment.pk}/profile/v{version.number}.pdf")
            request.user = AnonymousUser()
            response = profile_download(request, assessment.pk, version.number)
            size = sum(len(chunk) for chunk in response.streaming_content)
            # Not response.close(): that signals the end of a request and closes the database.
            response.file_to_stream.close()
            return size

        downloads = [_timed(download) for _ in range(runs)]
        assert all(size == version.size for _, size in downloads)
        self.stdout.write(f"cached generate  {_summary(generate, 'ms', 1000)}")
        self.stdout.write(
            f"cached download  {_summary([t for t, _ in downloads], 'ms', 1000)} (target < 50 ms)"
        )
