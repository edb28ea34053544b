"""In the browser: a session that ended while someone typed keeps their text on the page and
says how to save it; the next page is the "you were signed out" page."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from assessments.middleware import SEEN_KEY, STARTED_KEY
from assessments.models import Response
from tests.e2e.test_entry import setup_fp  # noqa: F401  (the focal point's assessment)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _idle_for_three_hours(page) -> None:
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    long_ago = int(time.time()) - 3 * 3600
    session[SEEN_KEY] = session[STARTED_KEY] = long_ago
    session.save()


def test_typing_after_the_idle_limit_keeps_the_text_and_says_how_to_save_it(
    page,
    live_server,
    login,
    setup_fp,  # noqa: F811
):
    assessment, indicator = setup_fp
    login("labour", PASSWORD)
    page.goto(f"{live_server.url}/a/{assessment.pk}/i/{indicator.code}/")
    _idle_for_three_hours(page)
    text = "Typed after two hours away; not lost."
    page.get_by_label("Finding").fill(text)
    status = page.locator("#save-status")
    expect(status).to_contain_text("You were signed out", timeout=10_000)
    expect(page.get_by_label("Finding")).to_have_value(text)
    assert not Response.objects.filter(finding=text).exists()

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="You were signed out")).to_be_visible()
    expect(page.get_by_label("Unsaved text")).to_have_value(text)
    page.get_by_role("link", name="Sign in again").click()
    expect(page.get_by_label("Email or username")).to_be_visible()
