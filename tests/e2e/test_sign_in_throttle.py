"""In the browser: a locked-out person reads why on the sign-in page; signed-in pages
carry the hardened headers without a console error."""

from playwright.sync_api import expect

from tests import factories as f


def test_after_five_failures_the_sign_in_page_says_to_wait(
    page, live_server, login, transactional_db
):
    f.UserFactory(username="target")
    for _ in range(5):
        login("target", "wrong-password")
    expect(page.get_by_role("alert")).to_contain_text("Too many failed sign-in attempts")
    login("target", f.PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("Signing in is paused for 15 minutes")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_a_signed_in_page_is_private_and_logs_no_console_error(
    page, live_server, login, transactional_db
):
    f.UserFactory(username="reader")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with page.expect_response(lambda r: r.url.rstrip("/") == live_server.url) as answer:
        login("reader", f.PASSWORD)
    headers = answer.value.headers
    assert "no-store" in headers["cache-control"] and "private" in headers["cache-control"]
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    assert errors == []
