"""Background tasks (Django's Tasks API through the django-tasks backport).

Arguments are plain JSON data: ids, strings, lists. The bodies live in services and report
modules; these wrappers only name them for the queue. Upgrading to Django 6 means replacing
`django_tasks` by `django.tasks` in the import below.
"""

from django.core import mail
from django_tasks import task

from .models import Assessment
from .report import jobs, schedule, versions


@task()
def profile_render(*, render_id: int) -> int | None:
    """Render one queued profile render (one per content); the new version's id."""
    return jobs.profile_render_run(render_id=render_id)


@task()
def profile_render_due(*, assessment_id: int) -> int | None:
    """The debounced draft render that edits schedule."""
    return schedule.profile_render_when_due(assessment_id=assessment_id)


@task()
def profile_finalize_task(*, assessment_id: int) -> int:
    """After validation or publication: render outside any lock, then freeze and publish."""
    assessment = Assessment.objects.get(pk=assessment_id)
    return versions.profile_finalize(assessment=assessment).pk


@task()
def send_mail(
    *, recipients: list[str], subject: str, body: str, from_email: str | None = None
) -> int:
    """Send one plain-text email from the worker; the number of messages sent."""
    return mail.send_mail(subject, body, from_email, recipients)
