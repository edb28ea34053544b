"""Role × page matrix of the review area: who gets which status code."""

import pytest
from django.urls import reverse

from assessments.models import Response
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

# Expected status of a GET per role; "anonymous" always goes to the login page.
PAGES = {
    "review-board": {
        "focal_point": 403,
        "coordinator": 403,
        "consultant": 200,
        "administrator": 200,
        "outsider": 404,
    },
    "review-response": {r: 200 for r in ROLES} | {"outsider": 404},
    "assessment-advance": {r: 200 for r in ROLES} | {"outsider": 404},
    "activity": {
        "focal_point": 403,
        "coordinator": 200,
        "consultant": 200,
        "administrator": 200,
        "outsider": 404,
    },
    "consultation": {r: 200 for r in ROLES} | {"outsider": 404},
    # Issue 11: only staff and the "consultants" group start assessments (the consultant
    # fixture is a member, not in the group); only consultants cancel one.
    "assessment-new": {
        "focal_point": 404,
        "coordinator": 404,
        "consultant": 404,
        "administrator": 200,
        "outsider": 404,
    },
    "assessment-cancel": {
        "focal_point": 403,
        "coordinator": 403,
        "consultant": 200,
        "administrator": 200,
        "outsider": 404,
    },
    "search": {r: 200 for r in ROLES},
    "assessment-detail": {r: 200 for r in ROLES} | {"outsider": 404},
    "consultant-dashboard": {
        "focal_point": 403,
        "coordinator": 403,
        "consultant": 200,
        "administrator": 200,
        "outsider": 403,
    },
}
ACTIONS = [
    "response-comment",
    "response-return",
    "response-accept",
    "response-waive",
    "response-resubmit",
    "response-finding",
    "response-placement",
    "response-selection",
    "response-translations",
]


def url_of(name, assessment, indicator):
    if name in ("consultant-dashboard", "assessment-new", "search"):
        return reverse(f"assessments:{name}")
    if name in ("review-response", *ACTIONS):
        return reverse(f"assessments:{name}", args=[assessment.pk, indicator.code])
    return reverse(f"assessments:{name}", args=[assessment.pk])


@pytest.mark.parametrize("name", list(PAGES))
def test_anonymous_visitors_are_sent_to_the_login_page(name, client, assessment, indicator):
    response = client.get(url_of(name, assessment, indicator))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("who", ROLES)
def test_pages_answer_each_role_as_expected(name, who, people, client_for, assessment, indicator):
    client = client_for(people[who])
    assert client.get(url_of(name, assessment, indicator)).status_code == PAGES[name][who]


def test_a_focal_point_cannot_open_an_indicator_not_assigned_to_them(
    focal_point, client_for, assessment, other_indicator
):
    url = reverse("assessments:review-response", args=[assessment.pk, other_indicator.code])
    assert client_for(focal_point).get(url).status_code == 404


def test_an_unknown_indicator_code_is_not_found(consultant, client_for, assessment):
    url = reverse("assessments:review-response", args=[assessment.pk, "9.9.9"])
    assert client_for(consultant).get(url).status_code == 404


@pytest.mark.parametrize("name", ACTIONS)
def test_actions_take_posts_only_and_send_anonymous_visitors_to_login(
    name, client, consultant, client_for, assessment, indicator
):
    url = url_of(name, assessment, indicator)
    assert client.post(url).url.startswith(reverse("login"))
    assert client_for(consultant).get(url).status_code == 405


@pytest.mark.parametrize("name", ACTIONS)
def test_non_members_get_404_for_every_action(name, outsider, client_for, assessment, indicator):
    assert client_for(outsider).post(url_of(name, assessment, indicator)).status_code == 404


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("response-return", {"comment": "Fix"}),
        ("response-accept", {}),
        ("response-waive", {"reason": "None"}),
        ("response-finding", {"finding": "New", "version": 0}),
        ("response-placement", {"placement": "well_developed", "reason": "r"}),
        ("response-selection", {"excluded": "on", "order": 1}),
    ],
)
@pytest.mark.parametrize("who", ["focal_point", "coordinator"])
def test_government_side_is_refused_reviewer_actions_and_nothing_changes(
    name, data, who, people, client_for, assessment, response
):
    f.answer(response, status=Response.Status.SUBMITTED)
    before = f.snapshot(assessment)
    result = client_for(people[who]).post(url_of(name, assessment, response.indicator), data)
    assert result.status_code == 302
    assert f.snapshot(assessment) == before


def test_review_links_show_on_the_assessment_page_by_role(
    consultant, focal_point, client_for, assessment
):
    board = reverse("assessments:review-board", args=[assessment.pk])
    page = client_for(consultant).get(assessment.get_absolute_url()).content.decode()
    assert board in page
    assert reverse("assessments:activity", args=[assessment.pk]) in page
    page = client_for(focal_point).get(assessment.get_absolute_url()).content.decode()
    assert board not in page


# --- At a glance (issue 19): the posts of the board and the overview ---
GLANCE_POSTS = {
    "bulk-accept": {
        "focal_point": 403,
        "coordinator": 403,
        "consultant": 302,
        "administrator": 302,
        "outsider": 404,
    },
    "ministry-remind": {
        "focal_point": 403,
        "coordinator": 302,
        "consultant": 403,
        "administrator": 302,
        "outsider": 404,
    },
}


@pytest.mark.parametrize("name", list(GLANCE_POSTS))
@pytest.mark.parametrize("who", ROLES)
def test_glance_posts_answer_each_role_and_only_allowed_ones_change_data(
    name, who, people, client_for, assessment, response
):
    f.answer(response, status=Response.Status.SUBMITTED)
    data = {
        "bulk-accept": {"answers": [f"{response.pk}:{response.version}"], "confirm": "on"},
        "ministry-remind": {"institution": "Ministry of Labour"},
    }[name]
    before = f.snapshot(assessment)
    url = reverse(f"assessments:{name}", args=[assessment.pk])
    result = client_for(people[who]).post(url, data)
    assert result.status_code == GLANCE_POSTS[name][who]
    if result.status_code != 302:
        assert f.snapshot(assessment) == before


@pytest.mark.parametrize("name", list(GLANCE_POSTS))
def test_glance_posts_send_anonymous_visitors_to_the_login_page(name, client, assessment):
    result = client.post(reverse(f"assessments:{name}", args=[assessment.pk]))
    assert result.status_code == 302 and result.url.startswith(reverse("login"))
