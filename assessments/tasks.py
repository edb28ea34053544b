"""Background tasks (Django's Tasks API through the django-tasks backport).

Arguments are plain JSON data: ids, strings, lists. The report modules enqueue these tasks and
register the functions they run (`runner`), so that this module imports none of them back;
AppConfig.ready imports the report modules in every process, the worker's included. Upgrading
to Django 6 means replacing `django_tasks` by `django.tasks` in the import below.
"""

from collections.abc import Callable
from typing import Any

from django.core import mail
from django_tasks import task

RUNNERS: dict[str, Callable[..., Any]] = {}


def runner(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the function that the task `name` runs."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        RUNNERS[name] = fn
        return fn

    return register


@task()
def profile_render(*, render_id: int) -> int | None:
    """Render one queued profile render (one per content); the new version's id."""
    return RUNNERS["profile_render"](render_id=render_id)


@task()
def profile_render_due(*, assessment_id: int) -> int | None:
    """The debounced draft render that edits schedule."""
    return RUNNERS["profile_render_due"](assessment_id=assessment_id)


@task()
def profile_finalize_task(*, assessment_id: int) -> int:
    """After validation or publication: render outside any lock, then freeze and publish."""
    return RUNNERS["profile_finalize"](assessment_id=assessment_id)


@task()
def send_mail(
    *, recipients: list[str], subject: str, body: str, from_email: str | None = None
) -> int:
    """Send one plain-text email from the worker; the number of messages sent."""
    return mail.send_mail(subject, body, from_email, recipients)
