"""Sessions end after 2 hours idle and 12 hours in all; the signed-out page says why and
keeps the text of the post that arrived too late. Passwords have 12 characters at least."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.middleware import SEEN_KEY, STARTED_KEY
from tests import factories as f

pytestmark = pytest.mark.django_db

HOUR = 3600


def _age(client, *, seen_ago: int = 0, started_ago: int = 0) -> None:
    session = client.session
    now = int(time.time())
    session[SEEN_KEY] = now - seen_ago
    session[STARTED_KEY] = now - started_ago
    session.save()


def test_two_hours_without_activity_end_the_session(client, focal_point):
    client.force_login(focal_point)
    assert client.get(reverse("assessments:my-work")).status_code == 200
    _age(client, seen_ago=2 * HOUR + 60, started_ago=2 * HOUR + 60)
    page = client.get(reverse("assessments:my-work"), follow=True)
    assert "_auth_user_id" not in client.session
    assert page.redirect_chain[-1][0] == reverse("signed-out")
    text = page.content.decode()
    assert "You were signed out" in text and "2 hours without activity" in text
    assert "next=/" in text


def test_activity_keeps_the_session_but_twelve_hours_end_it(client, focal_point):
    client.force_login(focal_point)
    _age(client, seen_ago=HOUR, started_ago=11 * HOUR)
    assert client.get(reverse("assessments:my-work")).status_code == 200
    _age(client, seen_ago=60, started_ago=12 * HOUR + 60)
    page = client.get(reverse("assessments:my-work"), follow=True)
    assert "every session ends after 12 hours" in page.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_post_after_the_timeout_saves_nothing_and_shows_its_text(
    client, focal_point, assessment, indicator
):
    client.force_login(focal_point)
    _age(client, seen_ago=3 * HOUR, started_ago=3 * HOUR)
    url = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    data = {"finding": "Typed after the last autosave.", "version": 0}
    page = client.post(url, data, follow=True)
    assert "Typed after the last autosave." in page.content.decode()
    assert not assessment.responses.filter(finding__contains="Typed").exists()


def test_an_autosave_after_the_timeout_leaves_the_page_alone_and_says_so(
    client, focal_point, assessment, indicator
):
    client.force_login(focal_point)
    _age(client, seen_ago=3 * HOUR, started_ago=3 * HOUR)
    url = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    answer = client.post(url, {"finding": "x", "autosave": "1"}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 204 and answer["HX-Trigger"] == "signed-out"
    page = client.get(reverse("login"))
    assert page.status_code == 200


def test_the_signed_out_page_explains_autosave_to_anyone(client):
    text = client.get(reverse("signed-out")).content.decode()
    assert "saved automatically" in text


@pytest.mark.parametrize("weak", ["eleven-char", "short-pw-1"])
def test_passwords_under_twelve_characters_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak, f.UserFactory())


def test_the_demo_password_is_long_enough():
    validate_password("mgi-demo-2022", f.UserFactory(username="demo-check"))


def test_after_an_autosave_found_the_session_ended_a_save_lands_on_the_signed_out_page(
    client, focal_point, assessment, indicator
):
    client.force_login(focal_point)
    _age(client, seen_ago=3 * HOUR, started_ago=3 * HOUR)
    url = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    client.post(url, {"finding": "x", "autosave": "1"}, HTTP_HX_REQUEST="true")
    page = client.post(url, {"finding": "Pressed Save afterwards.", "version": 0}, follow=True)
    assert page.redirect_chain[-1][0] == reverse("signed-out")
    assert "Pressed Save afterwards." in page.content.decode()
    # Signing in again starts a fresh session clock and forgets the kept text.
    client.post(reverse("login"), {"username": "focal", "password": f.PASSWORD})
    assert "signed_out" not in client.session
