"""The language switcher: remembered on the user and, for anonymous visitors, in the session."""

import re

import pytest
from django.urls import reverse

from assessments.models import UserSettings
from tests import factories as f

pytestmark = pytest.mark.django_db

SWITCH = "assessments:language-set"


def test_the_navigation_names_each_language_in_itself(client):
    page = client.get(reverse("assessments:published-profiles")).content.decode()
    # The current language names the menu; the others are its buttons.
    for code, name in (("en", "English"), ("ru", "Русский"), ("fr", "Français"), ("es", "Español")):
        assert re.search(rf'lang="{code}"[^>]*>{name}</(button|span)>', page)


def test_a_signed_in_users_choice_is_saved_and_comes_back_at_the_next_sign_in(client):
    user = f.UserFactory(username="aigul")
    user.set_password("pw-12345-long")
    user.save()
    client.force_login(user)
    next_url = reverse("assessments:my-work")
    response = client.post(reverse(SWITCH), {"language": "ru", "next": next_url})
    assert response.status_code == 302 and response.url == next_url
    assert UserSettings.objects.get(user=user).language == "ru"
    assert "Мои задачи" in client.get(next_url).content.decode()

    client.logout()
    # Signing in through the real form (django-axes needs the request).
    client.post(reverse("login"), {"username": "aigul", "password": "pw-12345-long"})
    page = client.get(next_url)
    assert page.headers["Content-Language"] == "ru"
    assert "Мои задачи" in page.content.decode()


def test_an_anonymous_visitors_choice_is_kept_in_the_session(client):
    client.post(reverse(SWITCH), {"language": "fr", "next": "/"})
    page = client.get(reverse("assessments:published-profiles"))
    assert page.headers["Content-Language"] == "fr"
    assert not UserSettings.objects.exists()


def test_an_unknown_language_changes_nothing(client):
    user = f.UserFactory()
    client.force_login(user)
    client.post(reverse(SWITCH), {"language": "xx", "next": "/"})
    assert not UserSettings.objects.filter(user=user).exists()
    assert client.get("/").headers["Content-Language"] == "en"


def test_the_switcher_never_redirects_to_another_site(client):
    response = client.post(reverse(SWITCH), {"language": "es", "next": "https://evil.example/"})
    assert response.url == reverse("assessments:my-work")


def test_switching_needs_a_post(client):
    assert client.get(reverse(SWITCH)).status_code == 405


@pytest.mark.parametrize("domains", [1, 6])
def test_switching_runs_few_queries(client, django_assert_max_num_queries, domains):
    assessment = f.AssessmentFactory(framework=f.build_framework(domains=domains))
    user = f.UserFactory()
    f.MembershipFactory(user=user, assessment=assessment, role="consultant")
    client.force_login(user)
    with django_assert_max_num_queries(11):  # session, user, settings, savepoints
        client.post(reverse(SWITCH), {"language": "es", "next": "/"})
