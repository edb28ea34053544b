"""Role x page matrix for every URL of the data-entry area."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from assessments.models import Evidence, Membership
from tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "fp_assigned",
    "fp_unassigned",
    "outsider",
    "coordinator",
    "consultant",
    "admin",
]

# url name -> expected status per role, in ROLES order (302 = sent to sign in).
GET_MATRIX = {
    "my-work": [302, 200, 200, 200, 200, 200, 200],
    "assessment-detail": [302, 200, 200, 404, 200, 200, 200],
    "people": [302, 403, 403, 404, 200, 200, 200],
    "assignments": [302, 403, 403, 404, 200, 403, 200],
    "response-edit": [302, 200, 404, 404, 200, 200, 200],
    "response-history": [302, 200, 404, 404, 200, 200, 200],
    "evidence-download": [302, 200, 404, 404, 200, 200, 200],
    "evidence-remove": [302, 200, 404, 404, 200, 200, 200],
    "instrument-list": [302, 200, 200, 404, 200, 200, 200],
    "instrument-add": [302, 200, 200, 404, 200, 200, 200],
    "instrument-detail": [302, 200, 200, 404, 200, 200, 200],
    # Issue 14/17: only curators edit an entry they did not add; only curators merge.
    "instrument-edit": [302, 403, 403, 404, 200, 200, 200],
    "instrument-merge": [302, 403, 403, 404, 200, 200, 200],
}
# POSTs that change data: only the government side with the right assignment.
POST_MATRIX = {
    "response-edit": [302, 302, 404, 404, 302, 403, 403],
    "response-submit": [302, 302, 404, 404, 302, 302, 302],
    # Issue 32: keeping a finding as its translation is an edit of the finding.
    "response-finding-as-translation": [302, 302, 404, 404, 302, 403, 403],
    "evidence-restore": [302, 302, 404, 404, 302, 302, 302],
    "instrument-merge-undo": [302, 403, 403, 404, 302, 302, 302],
}


@pytest.fixture
def world(assessment, indicator, focal_point, coordinator, consultant, administrator, outsider):
    unassigned = f.UserFactory(username="fp-other")
    f.MembershipFactory(user=unassigned, assessment=assessment, role=Membership.Role.FOCAL_POINT)
    response = f.ResponseFactory(assessment=assessment, indicator=indicator)
    evidence = f.EvidenceFactory(response=response)
    evidence.file.save("law.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    Evidence.objects.filter(pk=evidence.pk).update(file_type="application/pdf")
    return {
        "users": {
            "anonymous": None,
            "fp_assigned": focal_point,
            "fp_unassigned": unassigned,
            "outsider": outsider,
            "coordinator": coordinator,
            "consultant": consultant,
            "admin": administrator,
        },
        "assessment": assessment,
        "indicator": indicator,
        "evidence": evidence,
        "other_instrument": f.LegalInstrumentFactory(country=assessment.country),
    }


def url_for(name, world):
    a, i, e = world["assessment"], world["indicator"], world["evidence"]
    args = {
        "my-work": [],
        "assessment-detail": [a.pk],
        "people": [a.pk],
        "assignments": [a.pk],
        "response-edit": [a.pk, i.code],
        "response-submit": [a.pk, i.code],
        "response-history": [a.pk, i.code],
        "response-finding-as-translation": [a.pk, i.code],
        "evidence-download": [e.pk],
        "evidence-remove": [e.pk],
        "evidence-restore": [e.pk],
        "instrument-list": [a.country.code],
        "instrument-add": [a.country.code],
        "instrument-detail": [a.country.code, e.instrument_id],
        "instrument-edit": [a.country.code, e.instrument_id],
        "instrument-merge": [a.country.code, e.instrument_id, world["other_instrument"].pk],
        "instrument-merge-undo": [a.country.code, world["other_instrument"].pk],
    }[name]
    return reverse(f"assessments:{name}", args=args)


@pytest.mark.parametrize("name", GET_MATRIX)
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_get_matrix(client, world, name, role_index):
    user = world["users"][ROLES[role_index]]
    if user:
        client.force_login(user)
    response = client.get(url_for(name, world))
    assert response.status_code == GET_MATRIX[name][role_index]
    if response.status_code == 302:
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", POST_MATRIX)
@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
def test_post_matrix(client, world, name, role_index):
    user = world["users"][ROLES[role_index]]
    if user:
        client.force_login(user)
    option = world["indicator"].options.get(key="developed")
    data = {"option": option.pk, "finding": "A finding.", "version": 0, "action": "save"}
    response = client.post(url_for(name, world), data)
    assert response.status_code == POST_MATRIX[name][role_index]


def test_other_countrys_focal_point_sees_no_trace_of_the_assessment(client, world):
    client.force_login(world["users"]["outsider"])
    page = client.get(reverse("assessments:my-work")).content.decode()
    assert world["assessment"].country.short_name not in page
