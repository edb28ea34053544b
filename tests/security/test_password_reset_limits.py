"""At most 3 reset emails per email address and 20 per client address in an hour; the
visitor sees the same page whether or not an email went out."""

import pytest
from django.core import mail
from django.urls import reverse

from assessments.models import AuditEntry
from tests import factories as f

pytestmark = pytest.mark.django_db


def ask(client, email, address="10.1.1.1"):
    # The test client calls close() as a server would: the email goes then.
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_three_emails_per_address_per_hour_and_the_same_page_after(client):
    f.UserFactory(username="target", email="target@example.org")
    answers = set()
    for n in range(10):
        response = ask(client, "Target@Example.org", address=f"10.1.1.{n + 2}")
        answers.add((response.status_code, response["Location"]))
    assert len(mail.outbox) == 3
    assert answers == {(302, reverse("password_reset_done"))}
    requests = AuditEntry.objects.filter(action="password_reset.request")
    assert list(requests.values_list("data__sent", flat=True)).count(True) == 3
    assert set(requests.values_list("reason", flat=True)) == {"target@example.org"}


def test_twenty_emails_per_client_address_per_hour(client):
    for n in range(25):
        f.UserFactory(username=f"user-{n}", email=f"user-{n}@example.org")
        ask(client, f"user-{n}@example.org", address="10.9.9.9")
    assert len(mail.outbox) == 20
    ask(client, "user-24@example.org", address="10.9.9.10")
    assert len(mail.outbox) == 21
