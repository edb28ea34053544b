"""Renders as tasks: one per content, debounced edits, validation outside the lock, failures."""

import logging
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from assessments.models import Assessment, ProfileRender, ProfileVersion
from assessments.report import jobs, versions
from assessments.services import workflow
from assessments.services.review import finding_edit
from assessments.services.translations import finding_translations_save

Status = ProfileRender.Status
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def renders(monkeypatch):
    """Every real WeasyPrint render, with whether it ran inside a transaction."""
    calls = []
    real = jobs.isolated_html_to_pdf

    def counted(html, heartbeat=None):
        calls.append({"in_transaction": connection.in_atomic_block})
        return real(html, heartbeat)

    monkeypatch.setattr(jobs, "isolated_html_to_pdf", counted)
    return calls


def _run_worker() -> None:
    """The real database worker, in this process, until no task is ready."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_requests_for_one_content_make_one_render(answered, consultant, renders):
    barrier = threading.Barrier(20)
    got, errors = [], []

    def ask():
        try:
            assessment = Assessment.objects.get(pk=answered.pk)
            barrier.wait()
            got.append(versions.profile_generate(assessment=assessment, user=consultant).pk)
        except Exception as exc:  # reported below: a thread's error must fail the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(got) == 20 and len(set(got)) == 1
    assert len(renders) == 1
    assert ProfileVersion.objects.count() == 1
    assert ProfileRender.objects.get().status == Status.READY


@pytest.mark.django_db(transaction=True)
def test_ten_edits_in_a_row_give_one_render(answered, consultant, renders, settings):
    settings.TASKS = DB_TASKS
    settings.PROFILE_RENDER_DELAY = 0.5
    response = answered.responses.order_by("indicator__order").first()
    for i in range(10):
        response = finding_edit(
            response=response, reviewer=consultant, finding=f"Edit {i}.", version=response.version
        )
    assert DBTaskResult.objects.count() == 1  # one deferred task for the whole burst
    assert ProfileRender.objects.get().status == Status.SCHEDULED
    _run_worker()
    assert renders == []  # not due yet: the task waits for the edits to stop
    time.sleep(0.6)
    _run_worker()
    assert len(renders) == 1
    version = ProfileVersion.objects.get()
    assert version.content_hash == versions.content_hash(jobs.profile_build(answered))
    assert not ProfileRender.objects.filter(status=Status.SCHEDULED).exists()


@pytest.mark.django_db(transaction=True)
def test_an_edit_while_waiting_pushes_the_render_back(answered, consultant, renders, settings):
    settings.TASKS = DB_TASKS
    settings.PROFILE_RENDER_DELAY = 0.5
    response = answered.responses.order_by("indicator__order").first()
    response = finding_edit(
        response=response, reviewer=consultant, finding="A.", version=response.version
    )
    time.sleep(0.6)  # the task is due now...
    finding_edit(response=response, reviewer=consultant, finding="B.", version=response.version)
    _run_worker()  # ...but the marker moved: it defers itself instead of rendering
    assert renders == []
    time.sleep(0.6)
    _run_worker()
    assert len(renders) == 1 and ProfileVersion.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_immediate_backend_renders_no_draft_on_edits(answered, consultant, renders):
    response = answered.responses.order_by("indicator__order").first()
    finding_edit(response=response, reviewer=consultant, finding="C.", version=response.version)
    assert renders == [] and not ProfileRender.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_validation_freezes_without_rendering_inside_the_transaction(
    answered, coordinator, consultant, renders
):
    Assessment.objects.filter(pk=answered.pk).update(stage="consultation")
    answered.refresh_from_db()
    workflow.assessment_advance(
        assessment=answered, actor=coordinator, to_stage="validated", confirm=True
    )
    assert renders == [{"in_transaction": False}]
    frozen = ProfileVersion.objects.get()
    assert frozen.frozen and frozen.stage == "validated"
    answered.refresh_from_db()
    workflow.assessment_advance(assessment=answered, actor=consultant, to_stage="published")
    frozen.refresh_from_db()
    assert frozen.published and len(renders) == 1  # publishing renders nothing again


@pytest.mark.django_db(transaction=True)
def test_a_validation_that_rolls_back_renders_nothing(answered, coordinator, renders):
    Assessment.objects.filter(pk=answered.pk).update(stage="consultation")
    answered.refresh_from_db()
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.assessment_advance(
            assessment=answered, actor=coordinator, to_stage="validated", confirm=True
        )
        raise RuntimeError("rolled back")
    assert renders == [] and not ProfileVersion.objects.exists()


def test_a_failed_render_is_shown_logged_and_retried(
    answered, consultant, client_for, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    real = jobs.isolated_html_to_pdf
    outcomes = iter([RuntimeError("Pango could not load a font"), None])

    def flaky(html, heartbeat=None):
        if (error := next(outcomes)) is not None:
            raise error
        return real(html, heartbeat)

    monkeypatch.setattr(jobs, "isolated_html_to_pdf", flaky)
    client = client_for(consultant)
    generate = reverse("assessments:profile-generate", args=[answered.pk])
    page_url = reverse("assessments:profile-versions", args=[answered.pk])
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        client.post(generate)
    record = next(r for r in caplog.records if r.name == "assessments.report.jobs")
    assert record.exc_info and "Pango could not load a font" in caplog.text
    page = client.get(page_url).content.decode()
    assert "could not be rendered" in page and "Pango could not load a font" in page
    assert 'data-render-status="failed"' in page and ">Retry<" in page
    assert not ProfileVersion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(generate)
    page = client.get(page_url).content.decode()
    assert ProfileVersion.objects.count() == 1
    assert 'data-render-status="ready"' in page and "could not be rendered" not in page


def test_a_killed_render_leaves_no_version_and_is_retried_once(
    answered, consultant, renders, settings, django_capture_on_commit_callbacks
):
    requested = jobs.profile_request(assessment=answered, user=consultant, enqueue=False)
    assert jobs._claim(requested.render.pk) is not None  # a worker took it, then was killed
    stale = timezone.now() - timedelta(seconds=settings.PROFILE_RENDER_TIMEOUT + 1)
    ProfileRender.objects.update(updated_at=stale)
    assert not ProfileVersion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.renders_recover() == 1
    render = ProfileRender.objects.get()
    assert (render.status, render.attempts, len(renders)) == (Status.READY, 2, 1)
    assert ProfileVersion.objects.get().pk == render.version_id


def test_a_render_killed_twice_is_given_up_as_failed(answered, consultant, settings):
    requested = jobs.profile_request(assessment=answered, user=consultant, enqueue=False)
    ProfileRender.objects.filter(pk=requested.render.pk).update(status=Status.RENDERING, attempts=2)
    stale = timezone.now() - timedelta(seconds=settings.PROFILE_RENDER_TIMEOUT + 1)
    ProfileRender.objects.update(updated_at=stale)
    assert jobs.renders_recover() == 0
    render = ProfileRender.objects.get()
    assert render.status == Status.FAILED and "interrupted" in render.error


def test_generate_returns_at_once_while_a_worker_renders(answered, consultant, client_for):
    """With a queue that a worker serves, the request only records the render."""
    client = client_for(consultant)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(jobs, "_enqueue", lambda render_id: None)  # no worker in this test
        page = client.post(reverse("assessments:profile-generate", args=[answered.pk]))
    assert page.status_code == 302
    render = ProfileRender.objects.get()
    assert render.status == Status.QUEUED and not ProfileVersion.objects.exists()
    body = client.get(reverse("assessments:profile-versions", args=[answered.pk]))
    html = body.content.decode()
    assert "Rendering…" in html and 'hx-trigger="every 2s"' in html
    assert '<meta http-equiv="refresh"' in html  # without JavaScript, the page reloads
    fragment = client.get(
        reverse("assessments:profile-versions", args=[answered.pk]), HTTP_HX_REQUEST="true"
    )
    assert b"<html" not in fragment.content and b"Rendering" in fragment.content


@pytest.mark.django_db(transaction=True)
def test_a_translation_schedules_a_draft_render_like_any_edit(answered, consultant, settings):
    settings.TASKS = DB_TASKS
    response = answered.responses.order_by("indicator__order").first()
    finding_translations_save(response=response, user=consultant, texts={"ru": "Перевод."})
    assert ProfileRender.objects.get().status == Status.SCHEDULED
    finding_translations_save(response=response, user=consultant, texts={"ru": "Перевод."})
    assert DBTaskResult.objects.count() == 1  # an unchanged text schedules nothing more
