"""Every page of the role × page sweeps carries the Content-Security-Policy header."""

import pytest
from django.urls import reverse

from tests.conftest import ROLES
from tests.views.test_entry_permissions import GET_MATRIX, url_for, world  # noqa: F401
from tests.views.test_review_permissions import PAGES, url_of

pytestmark = pytest.mark.django_db

PUBLIC = ["login", "password_reset", "password_reset_done", "password_reset_complete"]
ENTRY_ROLES = ["fp_assigned", "coordinator", "consultant", "admin"]


def assert_strict_csp(response):
    policy = response.headers.get("Content-Security-Policy", "")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives.get("default-src") == "'self'", policy
    assert directives["script-src"].startswith("'self'"), policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, policy
    assert directives.get("object-src") == "'none'", policy
    assert directives.get("frame-ancestors") == "'none'", policy


@pytest.mark.parametrize("name", [*PUBLIC, "assessments:published-profiles"])
def test_public_pages_send_the_policy(client, name):
    assert_strict_csp(client.get(reverse(name)))


@pytest.mark.parametrize("name", GET_MATRIX)
@pytest.mark.parametrize("role", ENTRY_ROLES)
def test_entry_pages_send_the_policy_to_every_role(client, world, name, role):  # noqa: F811
    client.force_login(world["users"][role])
    response = client.get(url_for(name, world))
    assert response.status_code in (200, 403)
    assert_strict_csp(response)


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("who", ROLES)
def test_review_pages_send_the_policy_to_every_role(
    name, who, people, client_for, assessment, indicator
):
    response = client_for(people[who]).get(url_of(name, assessment, indicator))
    assert response.status_code == PAGES[name][who]
    assert_strict_csp(response)


@pytest.mark.parametrize("name", ["profile-preview", "profile-versions", "profile-texts"])
def test_profile_pages_send_the_policy(name, consultant, client_for, assessment):
    response = client_for(consultant).get(reverse(f"assessments:{name}", args=[assessment.pk]))
    assert response.status_code == 200
    assert_strict_csp(response)
