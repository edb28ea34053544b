"""Role x page matrix for the offline workbook and the analysis downloads."""

import pytest
from django.urls import reverse

from tests.views.test_entry_permissions import ROLES, world  # noqa: F401  (the shared world)

pytestmark = pytest.mark.django_db

# url name -> expected status per role, in ROLES order (302 = sent to sign in).
GET_MATRIX = {
    "xlsx-export": [302, 200, 200, 404, 200, 200, 200],
    "xlsx-import": [302, 200, 200, 404, 200, 200, 200],
    "analysis-export": [302, 403, 403, 404, 403, 200, 200],
    "country-analysis-export": [302, 404, 404, 404, 404, 200, 200],
}
# An upload without a file is a form error (400) for those who may import; confirming with
# nothing stored sends them back to the upload page (302).
POST_MATRIX = {
    "xlsx-import": [302, 400, 400, 404, 400, 403, 403],
    "xlsx-import-confirm": [302, 302, 302, 404, 302, 403, 403],
}


def url_for(name, world):  # noqa: F811
    a = world["assessment"]
    args = {
        "xlsx-export": [a.pk],
        "xlsx-import": [a.pk],
        "xlsx-import-confirm": [a.pk],
        "analysis-export": [a.pk, "csv"],
        "country-analysis-export": [a.country.code, "xlsx"],
    }[name]
    return reverse(f"assessments:{name}", args=args)


@pytest.mark.parametrize("name", GET_MATRIX)
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_get_matrix(client, world, name, role_index):  # noqa: F811
    user = world["users"][ROLES[role_index]]
    if user:
        client.force_login(user)
    response = client.get(url_for(name, world))
    assert response.status_code == GET_MATRIX[name][role_index]
    if response.status_code == 302:
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", POST_MATRIX)
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_post_matrix(client, world, name, role_index):  # noqa: F811
    user = world["users"][ROLES[role_index]]
    if user:
        client.force_login(user)
    response = client.post(url_for(name, world))
    assert response.status_code == POST_MATRIX[name][role_index]


def test_consultant_sees_why_they_cannot_import(client, world):  # noqa: F811
    client.force_login(world["users"]["consultant"])
    page = client.get(url_for("xlsx-import", world)).content.decode()
    assert "Only the government side imports answers" in page
    assert 'type="file"' not in page


def test_assessment_page_links_match_the_role(client, world):  # noqa: F811
    detail = reverse("assessments:assessment-detail", args=[world["assessment"].pk])
    client.force_login(world["users"]["fp_assigned"])
    page = client.get(detail).content.decode()
    assert "Import from Excel" in page and "All answers (.csv)" not in page
    client.force_login(world["users"]["consultant"])
    assert "All answers (.csv)" in client.get(detail).content.decode()
