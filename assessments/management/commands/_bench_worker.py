"""`make bench` with the worker running: "ready after edit" and "download while rendering".

The worker needs committed data, so these figures run on a scratch copy of the database
(a file copy for SQLite, a template copy for PostgreSQL) and a temporary media folder,
both thrown away afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections
from django.test import Client, override_settings
from django.urls import reverse

from assessments.models import ProfileVersion
from assessments.report import jobs, versions
from assessments.services.review import finding_edit


@contextlib.contextmanager
def scratch_database() -> Iterator[str]:
    """Point the default connection at a throwaway copy; yield its DATABASE_URL."""
    conn = connections["default"]
    original = conn.settings_dict["NAME"]
    conn.close()
    folder = tempfile.mkdtemp(prefix="mgi-bench-db-")
    if conn.vendor == "sqlite":
        scratch = str(Path(folder) / "bench.sqlite3")
        with sqlite3.connect(original) as src, sqlite3.connect(scratch) as dst:
            src.backup(dst)
        url = f"sqlite:///{scratch}"
    elif conn.vendor == "postgresql":
        scratch = f"{original}_bench_{os.getpid()}"
        with conn._nodb_cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{scratch}" TEMPLATE "{original}"')
        db = conn.settings_dict
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{scratch}"
    else:
        raise RuntimeError(f"no scratch copy for {conn.vendor}")
    conn.settings_dict["NAME"] = scratch
    try:
        yield url
    finally:
        conn.close()
        conn.settings_dict["NAME"] = original
        shutil.rmtree(folder, ignore_errors=True)
        if conn.vendor == "postgresql":
            with conn._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{scratch}"')


@contextlib.contextmanager
def running_worker(database_url: str, media: str) -> Iterator[subprocess.Popen]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": media,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "render_worker", "--no-reload"]
        + ["--no-startup-delay", "--interval", "0.05", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        yield worker
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)


def _edit(response, consultant, text: str):
    response.refresh_from_db()
    return finding_edit(
        response=response, reviewer=consultant, finding=text, version=response.version
    )


def _newest() -> int:
    return ProfileVersion.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def ready_after_edit(assessment, consultant, runs: int, timeout: float = 300.0) -> list[float]:
    """Seconds from saving a finding to its PDF being downloadable (a new ready version)."""
    response = assessment.responses.filter(status="accepted").order_by("indicator__order").first()
    base = response.finding
    seconds = []
    for n in range(runs):
        before = _newest()
        started = time.perf_counter()
        _edit(response, consultant, f"{base} (bench edit {n + 1})")
        while _newest() == before:
            if time.perf_counter() - started > timeout:
                raise RuntimeError("no version appeared: is the worker running?")
            time.sleep(0.01)
        seconds.append(time.perf_counter() - started)
    return seconds


def download_while_rendering(assessment, consultant, queued: int, runs: int) -> list[float]:
    """Seconds per download of the current draft while `queued` renders wait in the queue."""
    response = assessment.responses.filter(status="accepted").order_by("indicator__order").last()
    base = response.finding
    for n in range(queued):  # each edit is new content, hence one more render in the queue
        _edit(response, consultant, f"{base} (queued render {n + 1})")
        jobs.profile_request(assessment=assessment, user=consultant)
    client = Client(SERVER_NAME="localhost")
    client.force_login(consultant)
    url = reverse("assessments:profile-pdf", args=[assessment.pk])
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        page = client.get(url, follow=True, secure=True)
        size = sum(len(chunk) for chunk in page.streaming_content)
        seconds.append(time.perf_counter() - started)
        assert page.status_code == 200 and size > 0
    return seconds


def bench_with_worker(assessment, *, edits: int, downloads: int, summary, write) -> None:
    """Run both figures on a scratch copy with a real worker; write their summaries."""
    consultant = (
        get_user_model()
        .objects.filter(memberships__assessment=assessment, memberships__role="consultant")
        .first()
    )
    if consultant is None:
        write("ready after edit  skipped: the assessment has no consultant")
        return
    with (
        tempfile.TemporaryDirectory(prefix="mgi-bench-media-") as media,
        scratch_database() as url,
        override_settings(MEDIA_ROOT=media),
        running_worker(url, media),
    ):
        versions.profile_generate(assessment=assessment, user=consultant)  # a first version
        delay = settings.PROFILE_RENDER_DELAY
        ready = ready_after_edit(assessment, consultant, edits)
        write(f"ready after edit  {summary(ready)} (includes the {delay:.1f} s edit debounce)")
        latency = download_while_rendering(assessment, consultant, 10, downloads)
        write(
            f"download while rendering  {summary(latency, 'ms', 1000)} "
            "with 10 renders queued (target < 50 ms)"
        )
