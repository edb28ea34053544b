"""No server error on any input: every URL pattern of the site, with hostile values in each
path parameter and in the query string, GET and POST, as every role."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from assessments.forms.base import EMAIL_MAX_LENGTH, TEXT_MAX_LENGTH
from assessments.models import Comment, Invitation, Response
from tests.security.test_sweep import ROLES, world  # noqa: F401  (the sweep's world fixture)

pytestmark = pytest.mark.django_db

# Percent-encoded as an attacker would send them: NUL, a line break, a number beyond 64
# bits, an overlong segment, broken UTF-8, a bidi override, traversal and markup.
HOSTILE = [
    "%00",
    "x%0Ay",
    "9" * 25,
    "a" * 300,
    "%ff%fe",
    "%E2%80%AE1",
    "-1",
    "..%2F..%2Fetc",
    "%3Cscript%3E",
]
QUERY_KEYS = ["q", "page", "country", "language", "next", "domain", "ministry", "level"]
QUERY_KEYS += ["status", "since", "no_evidence", "changed", "kind", "fmt", "section"]
HOSTILE_QUERY = "&".join(f"{k}=%00%ff%0d%0a{'x' * 50}" for k in QUERY_KEYS) + "&q=" + "b" * 5000
POST_KEYS = QUERY_KEYS + [
    "finding", "text", "comment", "reason", "note", "locator", "email", "first_name",
    "last_name", "institution", "title", "name", "edition", "option", "version", "answer",
    "action", "autosave", "role", "remove", "to_stage", "placement", "selection", "sub", "ind",
    "source_title", "source_organization", "code", "short_name", "year", "instrument",
]  # fmt: skip
PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def patterns(resolver=None, prefix=""):
    """(route, its pattern) for every URL pattern of the site, admin included."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            yield from patterns(entry, route)
        else:
            assert isinstance(entry, URLPattern)
            yield route.replace("\\", ""), entry


def valid_values(world, route: str) -> dict:  # noqa: F811
    values = {**world["args"], "object_id": "1", "app_label": "assessments", "url": "x"}
    if route.startswith(("registry/", "country/")):
        values["code"] = world["country"]
    return values


def urls_for(world, route: str) -> list[str]:  # noqa: F811
    """The route with valid values, then with each parameter in turn hostile."""
    names = [a or b for a, b in PARAM.findall(route)]
    values = valid_values(world, route)

    def fill(target=None, hostile=""):
        def value(match):
            name = match.group(1) or match.group(2)
            return hostile if name == target else str(values.get(name, "1"))

        return "/" + PARAM.sub(value, route)

    # Django's admin gets the values that reach the database; our own routes get them all.
    values_tried = HOSTILE[:3] if route.startswith("admin/") else HOSTILE
    return [fill()] + [fill(name, h) for name in names for h in values_tried]


def server_errors(client, world) -> list:  # noqa: F811
    client.raise_request_exception = False
    failures, seen = [], 0
    routes = list(patterns())
    for route, _pattern in routes:
        valid, *hostile = urls_for(world, route)
        for target in [valid, f"{valid}?{HOSTILE_QUERY}", *hostile]:
            seen += 1
            if client.get(target).status_code >= 500:
                failures.append(("GET", target[:120]))
    body = {key: "\x00\ufffd\u202e<script>x</script>\r\n" + "z" * 300 for key in POST_KEYS}
    for route, _pattern in routes:
        if route.startswith("admin/"):
            continue  # Django's own admin: its forms are not ours to sweep with POSTs
        url = urls_for(world, route)[0]
        seen += 1
        if client.post(url, body).status_code >= 500:
            failures.append(("POST", url))
    assert seen > 1000  # the sweep itself really ran
    return failures


@pytest.mark.parametrize("who", ROLES)
def test_no_server_error_on_hostile_paths_queries_and_posts(world, who):  # noqa: F811
    client = Client()
    if world["users"][who] is not None:
        client.force_login(world["users"][who])
    assert server_errors(client, world) == []


def test_the_sweep_covers_every_url_pattern_of_the_site():
    routes = [route for route, _p in patterns()]
    assert "a/<int:pk>/i/<str:code>/" in routes and "invitation/<str:token>/" in routes
    assert any(r.startswith("admin/") for r in routes)
    assert "accounts/login/" in routes


@pytest.mark.parametrize(
    "path",
    [
        "/a/{pk}/i/%00/",
        "/a/{pk}/i/%00/history/",
        "/a/{pk}/review/%00/",
        "/registry/%00/",
        "/country/%00/answers.csv",
        "/invitation/%00/",
        "/a/99999999999999999999999/",
    ],
)
def test_impossible_path_parameters_give_404(client_for, consultant, assessment, path):
    client = client_for(consultant)
    assert client.get(path.format(pk=assessment.pk)).status_code == 404


def test_search_with_nul_and_broken_utf8_answers(client_for, consultant):
    page = client_for(consultant).get("/search/?q=%00%ff")
    assert page.status_code == 200


def test_an_overlong_email_is_refused_with_a_message_on_the_add_person_form(
    client_for, coordinator, assessment
):
    url = reverse("assessments:people", args=[assessment.pk])
    data = {"first_name": "A", "last_name": "B", "institution": "MoL", "role": "focal_point"}
    long_ok = "a" * 60 + "." + "b" * 60 + "@" + "c" * 40 + ".gov.kg"  # 170 characters
    page = client_for(coordinator).post(url, {**data, "email": long_ok})
    assert page.status_code == 302
    assert Invitation.objects.get().email == long_ok
    too_long = "a" * 64 + "@" + ("d" * 60 + ".") * 3 + "gov.kgz"
    assert len(too_long) > EMAIL_MAX_LENGTH
    page = client_for(coordinator).post(url, {**data, "email": too_long})
    assert page.status_code == 200
    assert "at most 254 characters" in page.content.decode()
    assert Invitation.objects.count() == 1


def test_an_overlong_comment_or_finding_is_refused_with_a_message(
    client_for, consultant, focal_point, assessment, indicator
):
    response = Response.objects.create(assessment=assessment, indicator=indicator)
    too_long = "x" * (TEXT_MAX_LENGTH + 1)
    url = reverse("assessments:response-comment", args=[assessment.pk, indicator.code])
    page = client_for(consultant).post(url, {"text": too_long})
    assert page.status_code < 500
    assert not Comment.objects.exists()
    url = reverse("assessments:response-edit", args=[assessment.pk, indicator.code])
    page = client_for(focal_point).post(url, {"finding": too_long, "version": response.version})
    assert page.status_code == 400
    assert f"at most {TEXT_MAX_LENGTH} characters" in page.content.decode()
    response.refresh_from_db()
    assert response.finding == ""


def test_an_overlong_cancel_reason_or_profile_comment_is_refused_with_a_message(
    client_for, consultant, assessment
):
    client = client_for(consultant)
    too_long = "y" * (TEXT_MAX_LENGTH + 1)
    url = reverse("assessments:assessment-cancel", args=[assessment.pk])
    page = client.post(url, {"reason": too_long}, follow=True)
    assert f"at most {TEXT_MAX_LENGTH} characters" in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.cancelled_at is None
    url = reverse("assessments:consultation", args=[assessment.pk])
    page = client.post(url, {"text": too_long, "section": "introduction"}, follow=True)
    assert f"at most {TEXT_MAX_LENGTH} characters" in page.content.decode()
    assert not Comment.objects.exists()
