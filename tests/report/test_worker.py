"""The real worker: a subprocess on the test database, and its short-lived render process."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from assessments.models import ProfileRender, ProfileVersion
from assessments.report import jobs, process

pytestmark = pytest.mark.django_db(transaction=True)
Status = ProfileRender.Status
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
SMALL_HTML = "<html><body>" + "<p>Page text.</p>" * 50 + "</body></html>"


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def start_worker(tmp_path):
    """Start `manage.py render_worker` against the test database; stopped at the end."""
    started = []

    def start(**env_extra) -> subprocess.Popen:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mgi.settings",
            "DEBUG": "1",
            "DATABASE_URL": _database_url(),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "PROFILE_RENDER_IN_CHILD": "1",
            **env_extra,
        }
        log = open(tmp_path / f"worker{len(started)}.log", "wb")  # noqa: SIM115
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "render_worker", "--no-reload"]
            + ["--no-startup-delay", "--interval", "0.2"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its render process goes with it when killed
        )
        started.append((worker, log))
        return worker

    yield start
    for worker, log in started:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
        log.close()


def _wait_for(condition, timeout: float = 120.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_the_database_worker_renders_a_requested_version(
    answered, consultant, settings, start_worker
):
    settings.TASKS = DB_TASKS
    requested = jobs.profile_request(assessment=answered, user=consultant)
    assert requested.render.status == Status.QUEUED
    start_worker()
    _wait_for(lambda: ProfileVersion.objects.exists(), what="a version")
    version = ProfileVersion.objects.get()
    render = ProfileRender.objects.get()
    assert (render.status, render.version_id, render.attempts) == (Status.READY, version.pk, 1)
    assert version.created_by == consultant and version.pages > 1
    assert Path(version.file.path).read_bytes().startswith(b"%PDF")


def test_a_killed_worker_leaves_no_version_and_the_next_one_retries_once(
    answered, consultant, settings, start_worker
):
    settings.TASKS = DB_TASKS
    jobs.profile_request(assessment=answered, user=consultant)
    first = start_worker()
    _wait_for(
        lambda: ProfileRender.objects.filter(status=Status.RENDERING).exists(), what="rendering"
    )
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert not ProfileVersion.objects.exists()
    assert ProfileRender.objects.get().status == Status.RENDERING
    time.sleep(1.1)  # older than the timeout below: the killed render is taken for dead
    start_worker(PROFILE_RENDER_TIMEOUT="1")
    _wait_for(lambda: ProfileVersion.objects.exists(), what="the retried version")
    render = ProfileRender.objects.get()
    assert (render.status, render.attempts) == (Status.READY, 2)
    assert ProfileVersion.objects.count() == 1


@pytest.fixture
def child_renders(settings):
    settings.PROFILE_RENDER_IN_CHILD = True
    process.replace_child()
    yield settings
    process.replace_child()


def _pids(n: int) -> list[int]:
    pids = []
    for _ in range(n):
        assert process.isolated_html_to_pdf(SMALL_HTML).data.startswith(b"%PDF")
        pids.append(process.last_render_pid)
    return pids


def test_the_render_process_is_replaced_after_n_renders(child_renders):
    child_renders.PROFILE_RENDERS_PER_PROCESS = 2
    # Only the count may replace it here: a forked child inherits the test process's peak
    # memory, which late in a long suite can pass the default limit on its own.
    child_renders.PROFILE_RENDER_MAX_MB = 1_000_000
    a, b, c = _pids(3)
    assert a == b != c and os.getpid() not in (a, c)


def test_the_render_process_is_replaced_past_its_memory_limit(child_renders):
    child_renders.PROFILE_RENDER_MAX_MB = 1
    a, b = _pids(2)
    assert a != b


def test_a_killed_render_process_is_replaced_and_the_render_retried(child_renders):
    html = "<html><body>" + "<p>Long text.</p>" * 1500 + "</body></html>"
    result = {}
    thread = threading.Thread(target=lambda: result.update(pdf=process.isolated_html_to_pdf(html)))
    thread.start()
    _wait_for(lambda: process.child_pids(), timeout=30, what="a render process")
    killed = process.child_pids()[0]
    os.kill(killed, signal.SIGKILL)
    thread.join(timeout=120)
    assert result["pdf"].data.startswith(b"%PDF") and result["pdf"].pages > 10
    assert process.last_render_pid not in (None, killed)


def test_a_render_under_way_keeps_its_heartbeat(child_renders, monkeypatch):
    monkeypatch.setattr(process, "HEARTBEAT_SECONDS", 0.05)
    beats = []
    process.isolated_html_to_pdf(SMALL_HTML, heartbeat=lambda: beats.append(1))
    assert beats
