"""Failed sign-ins are throttled per account and per address, and refusals are audited."""

import pytest
from django.urls import reverse

from assessments.models import AuditEntry
from tests import factories as f

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_sixth_try_within_the_window_is_refused_even_with_the_right_password(client):
    user = f.UserFactory(username="target")
    for _ in range(4):
        assert sign_in(client, "target", "wrong-password").status_code == 200
    # The fifth failure starts the cool-off and says so.
    assert sign_in(client, "target", "wrong-password").status_code == 429
    refused = sign_in(client, "target", f.PASSWORD)
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in refused.content.decode()
    assert 'name="password"' in refused.content.decode()  # still the sign-in page
    assert not signed_in(client)
    audited = AuditEntry.objects.filter(action="sign_in.locked_out", assessment=None)
    assert audited.count() >= 2  # the lockout itself, then the refused sixth try
    assert all(e.data["username"] == user.username for e in audited)


def test_four_failures_still_let_the_right_password_in(client):
    f.UserFactory(username="target")
    for _ in range(4):
        sign_in(client, "target", "wrong-password")
    assert sign_in(client, "target", f.PASSWORD).status_code == 302
    assert signed_in(client)
    assert not AuditEntry.objects.filter(action="sign_in.locked_out").exists()


def test_an_address_spraying_many_accounts_is_locked_out_at_the_higher_threshold(client):
    f.UserFactory(username="victim")
    for n in range(29):
        sign_in(client, f"guess{n}", "wrong-password", address="10.0.0.9")
    # 29 failures spread over accounts do not yet stop an office's shared address.
    assert sign_in(client, "victim", f.PASSWORD, address="10.0.0.9").status_code == 302
    client.logout()
    sign_in(client, "guess-last", "wrong-password", address="10.0.0.9")
    assert sign_in(client, "victim", f.PASSWORD, address="10.0.0.9").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "victim", f.PASSWORD, address="10.0.0.10").status_code == 302


def test_signing_in_to_ones_own_account_does_not_reopen_another(client):
    """The attack: 4 guesses at A, a success for B from the same address, 4 more at A."""
    f.UserFactory(username="victim")
    f.UserFactory(username="attacker")
    for _ in range(4):
        sign_in(client, "victim", "wrong-password")
    assert sign_in(client, "attacker", f.PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "victim", "wrong-password")
    refused = sign_in(client, "victim", f.PASSWORD)
    assert refused.status_code == 429
    assert not signed_in(client)
    assert AuditEntry.objects.filter(action="sign_in.locked_out", reason="victim").exists()


def test_a_success_clears_that_accounts_failures(client):
    f.UserFactory(username="target")
    for _ in range(4):
        sign_in(client, "target", "wrong-password")
    assert sign_in(client, "target", f.PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, "target", "wrong-password")
    assert sign_in(client, "target", f.PASSWORD).status_code == 302


def test_people_sign_in_with_their_email_in_any_case_or_their_username(client):
    f.UserFactory(username="someone", email="Some.One@Example.org")
    assert sign_in(client, "SOME.ONE@example.ORG", f.PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "someone", f.PASSWORD).status_code == 302


def test_failures_by_email_and_by_username_count_against_one_account(client):
    f.UserFactory(username="target", email="target@example.org")
    for typed in ["target", "TARGET@example.org", "target@example.org", "Target@Example.org"]:
        sign_in(client, typed, "wrong-password")
    assert sign_in(client, "target", "wrong-password").status_code == 429
    assert sign_in(client, "target@example.org", f.PASSWORD).status_code == 429


def test_the_sign_in_field_asks_for_the_email(client):
    page = client.get(reverse("login")).content.decode()
    assert "Email or username" in page


def test_a_locked_account_is_refused_from_another_address_too(client):
    f.UserFactory(username="target")
    for n in range(5):
        sign_in(client, "target", "wrong-password", address=f"10.0.1.{n}")
    assert sign_in(client, "target", f.PASSWORD, address="10.0.2.1").status_code == 429
    assert not signed_in(client)


def test_behind_the_proxy_the_visitor_address_is_the_one_the_proxy_appended(rf):
    from assessments.views.auth import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.7", REMOTE_ADDR="127.0.0.1")
    assert client_address(request) == "10.0.0.7"
    assert client_address(rf.get("/", REMOTE_ADDR="10.0.0.8")) == "10.0.0.8"


def test_a_wrong_password_is_answered_in_terms_of_email_or_username(client):
    f.UserFactory(username="someone")
    page = sign_in(client, "someone@example.org", "wrong-password").content.decode()
    assert "The email or username and the password do not match an account." in page
