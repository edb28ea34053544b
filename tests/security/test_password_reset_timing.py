"""Password reset answers known and unknown emails alike, in the same time."""

import statistics
import time

import pytest
from django.core import mail, signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import reverse

from assessments.models import UserSettings
from tests import factories as f

pytestmark = pytest.mark.django_db
CSRF = "a1" * 16  # a valid 32-character secret, sent as cookie and field


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: the handler must not close the test's connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def serve(email: str):
    """Run the real WSGI handler as a server would, returning before it calls close()."""
    request = RequestFactory().post(
        reverse("password_reset"), {"email": email, "csrfmiddlewaretoken": CSRF}
    )
    request.environ["HTTP_COOKIE"] = f"csrftoken={CSRF}"
    status = []
    started = time.perf_counter()
    response = WSGIHandler()(request.environ, lambda s, headers: status.append(s))
    body = b"".join(response)
    elapsed = time.perf_counter() - started
    return status[0], body, response, elapsed


def test_known_and_unknown_emails_get_the_same_answer_in_the_same_time(db):
    f.UserFactory(username="known", email="known@example.org")
    for email in ("known@example.org", "nobody@example.org"):  # warm up both paths
        serve(email)[2].close()
    times = {"known@example.org": [], "nobody@example.org": []}
    answers = set()
    for _ in range(20):
        for email, spent in times.items():
            status, body, response, elapsed = serve(email)
            spent.append(elapsed)
            answers.add((status, body))
            response.close()
    medians = {email: statistics.median(spent) for email, spent in times.items()}
    assert len(answers) == 1  # same status, same redirect, byte for byte
    assert abs(medians["known@example.org"] - medians["nobody@example.org"]) < 0.005, medians


def test_the_link_is_mailed_after_the_response_to_known_emails_only(db):
    f.UserFactory(username="known", email="known@example.org")
    mail.outbox.clear()
    status, _body, response, _elapsed = serve("known@example.org")
    assert status.startswith("302")
    assert mail.outbox == []  # nothing was looked up or sent while answering
    response.close()
    assert [m.to for m in mail.outbox] == [["known@example.org"]]
    assert "/accounts/reset/" in mail.outbox[0].body
    serve("nobody@example.org")[2].close()
    assert len(mail.outbox) == 1


def test_the_reset_link_is_mailed_in_the_language_the_account_chose(db):
    user = f.UserFactory(username="known", email="known@example.org")
    UserSettings.objects.create(user=user, language="ru")
    serve("known@example.org")[2].close()
    assert "Установите новый пароль по ссылке:" in mail.outbox[0].body
